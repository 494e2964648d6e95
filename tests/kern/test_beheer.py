"""The generic management screens (kern.beheer, kern.mixins): saved and deleted through
kern.services, and never overwriting a change someone else made in the meantime."""

import pytest
from django.urls import reverse

from gebieden.models import Focuspunt, Thema
from tests.gebieden.factories import FocuspuntFactory, ThemaFactory

pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def test_a_stale_edit_is_refused_with_the_saved_values_beside_what_was_typed(client, coordinator):
    thema = ThemaFactory(naam="Wonen")
    url = reverse("gebieden:thema_bewerken", args=[thema.pk])
    client.force_login(coordinator)
    assert 'name="versie" value="1"' in client.get(url).content.decode()
    eerste = {"naam": "Wonen en bouwen", "omschrijving": "", "actief": "on", "versie": 1}
    assert client.post(url, eerste).status_code == 302
    tweede = {**eerste, "naam": "Woningbouw"}
    response = client.post(url, tweede)
    pagina = tekst(response)
    assert response.status_code == 409
    assert "Iemand anders heeft Wonen en bouwen intussen gewijzigd." in pagina
    assert "Zoals het nu is opgeslagen" in pagina and 'value="Woningbouw"' in pagina
    assert Thema.objects.get(pk=thema.pk).naam == "Wonen en bouwen"
    assert 'name="versie" value="2"' in pagina  # saving again is a deliberate choice
    assert client.post(url, {**tweede, "versie": 2}).status_code == 302
    assert Thema.objects.get(pk=thema.pk).naam == "Woningbouw"


def test_deleting_what_is_still_used_is_refused_in_dutch(client, coordinator):
    thema = ThemaFactory(naam="Veiligheid")
    FocuspuntFactory(thema=thema)
    client.force_login(coordinator)
    response = client.post(reverse("gebieden:thema_verwijderen", args=[thema.pk]), follow=True)
    assert "Veiligheid kan niet worden verwijderd: het wordt nog gebruikt door: focuspunt." in (
        tekst(response)
    )
    assert Thema.objects.filter(pk=thema.pk).exists() and Focuspunt.objects.count() == 1
