import datetime

import pytest
from django.core.paginator import Paginator
from django.urls import reverse

from gebieden.models import Focuspunt
from kern.paginering import IdsEerstPaginator
from tests.gebieden.factories import FocuspuntFactory, FocuspuntUpdateFactory, GebiedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def focuspunten():
    gebieden = [GebiedFactory(naam=naam) for naam in ("Zegveld", "Binnenstad", "Kamerik")]
    for i in range(22):
        punt = FocuspuntFactory(gebied=gebieden[i % 3], titel=f"Punt {(i * 7) % 23:02d}")
        if i % 4:
            FocuspuntUpdateFactory(focuspunt=punt, datum=datetime.date(2024, 1, 1 + i))


@pytest.mark.parametrize(
    "volgorde", [("gebied__naam", "titel"), ("-startjaar", "titel", "pk"), ("-pk",)]
)
def test_every_page_holds_the_same_rows_in_the_same_order_as_plain_pagination(
    focuspunten, volgorde
):
    punten = Focuspunt.objects.select_related("gebied", "thema").order_by(*volgorde)
    gewoon, ids_eerst = Paginator(punten, 5, orphans=2), IdsEerstPaginator(punten, 5, orphans=2)
    assert ids_eerst.num_pages == gewoon.num_pages == 4
    for nummer in ids_eerst.page_range:
        verwacht = list(gewoon.page(nummer).object_list)
        pagina = ids_eerst.page(nummer)
        assert pagina.object_list == verwacht
        assert [p.gebied.naam for p in pagina] == [p.gebied.naam for p in verwacht]
    assert len(ids_eerst.page(4)) == 7  # the last page takes the orphans


def test_the_focus_point_list_keeps_its_order_by_last_update(client, focuspunten, wijkambtenaar_a):
    client.force_login(wijkambtenaar_a)
    url = reverse("gebieden:focuspunt_lijst")
    antwoord = client.get(url, {"volgorde": "-laatste_update"})
    gezien = [p.pk for p in antwoord.context["object_list"]]
    datums = {p.pk: p.updates.first() for p in Focuspunt.objects.all()}
    met_update = [pk for pk in gezien if datums[pk]]
    assert len(gezien) == 22 and len(set(gezien)) == 22
    assert gezien[: len(met_update)] == met_update  # never-updated points come last
    assert [datums[pk].datum for pk in met_update] == sorted(
        (datums[pk].datum for pk in met_update), reverse=True
    )
