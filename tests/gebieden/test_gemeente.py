"""The municipality's settings: one row, read through the cache, edited by coordinators on
/beheer/gemeente/ with the version check and history (gebieden/instellingen.py)."""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from gebieden.inrichtformulieren import GemeenteForm
from gebieden.instellingen import gemeente
from gebieden.models import Gemeente
from gebieden.models.gemeente import CACHE_SLEUTEL

pytestmark = pytest.mark.django_db

URL = "/beheer/gemeente/"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4">'
    b'<script>alert(1)</script><rect width="4" height="4"/></svg>'
)


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def gegevens(**anders) -> dict:
    return {
        "naam": "Gemeente Woerden",
        "cbs_code": "GM0632",
        "signaal_maanden_zonder_update": 4,
        "bestedingstermijn_jaren": 3,
        "verantwoording_dagen": 180,
        "bewaartermijn_contact_jaren": 5,
        "rapportsoorten": ["wijk", "dorp"],
        "plaats_gebied": 1,
        "plaats_wijk": 2,
        "plaats_dorp": 3,
        "plaats_buurt": 4,
        "algemeen_positie": "onder",
        "standaard_postnaam": "Gebiedsbudget",
        **anders,
    }


def test_reading_without_a_row_gives_the_environment_defaults_and_writes_nothing(settings):
    settings.SIGNAAL_MAANDEN_ZONDER_UPDATE = 7
    settings.GEMEENTE_NAAM = "Gemeente Proef"
    rij = gemeente()
    assert rij.pk == 1 and rij._state.adding
    assert (rij.naam, rij.signaal_maanden_zonder_update) == ("Gemeente Proef", 7)
    assert not Gemeente.objects.exists()


def test_a_second_read_comes_from_the_cache(django_assert_num_queries):
    with django_assert_num_queries(1):
        gemeente()
    with django_assert_num_queries(0):
        assert gemeente().naam


def test_only_one_row():
    Gemeente.objects.create(naam="Een")
    with pytest.raises(IntegrityError), transaction.atomic():
        Gemeente.objects.create(id=2, naam="Twee")


def test_invalid_cbs_code_is_refused_in_dutch():
    form = GemeenteForm(data=gegevens(cbs_code="0632"), instance=Gemeente())
    assert not form.is_valid()
    assert "GM gevolgd door vier cijfers" in str(form.errors["cbs_code"])


def test_coordinator_saves_the_settings_and_every_page_shows_them(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    pagina = tekst(client.get(URL))
    assert "standaard: 3" in pagina and "Nog geen wijzigingen" in pagina
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, gegevens(naam="Gemeente Oudewater"))
    assert response.status_code == 302
    rij = Gemeente.objects.get()
    assert (rij.naam, rij.verantwoording_dagen, rij.versie) == ("Gemeente Oudewater", 180, 1)
    assert cache.get(CACHE_SLEUTEL) is None  # emptied on commit, read afresh
    pagina = tekst(client.get(URL))
    assert "Gemeente Oudewater" in pagina and "toegevoegd" in pagina  # header and history
    assert gemeente().signaal_maanden_zonder_update == 4


def test_someone_else_saved_meanwhile_gives_409_with_the_saved_state(client, coordinator):
    Gemeente.objects.create(naam="Gemeente Woerden", cbs_code="GM0632")
    client.force_login(coordinator)
    client.post(URL, gegevens(naam="Eerste", versie=1))
    response = client.post(URL, gegevens(naam="Tweede", versie=1))
    assert response.status_code == 409
    pagina = tekst(response)
    assert "Iemand anders heeft de gemeente-instellingen intussen gewijzigd" in pagina
    assert "Eerste" in pagina and Gemeente.objects.get().naam == "Eerste"


def test_png_logo_is_kept_and_shown_in_the_header(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    logo = SimpleUploadedFile("logo.png", PNG, content_type="image/png")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(URL, {**gegevens(), "logo": logo}).status_code == 302
    pagina = tekst(client.get(reverse("gebieden:start"), follow=True))
    assert 'alt="Logo Gemeente Woerden"' in pagina
    client.logout()
    response = client.get(reverse("gebieden:gemeente_logo"))  # public, like the header
    assert response["Content-Type"] == "image/png" and b"".join(response.streaming_content) == PNG


def test_svg_logo_is_sanitised(client, coordinator):
    client.force_login(coordinator)
    logo = SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml")
    assert client.post(URL, {**gegevens(), "logo": logo}).status_code == 302
    opgeslagen = Gemeente.objects.get().logo.read()
    assert b"<rect" in opgeslagen and b"script" not in opgeslagen


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"GIF89a nep", "SVG- of PNG-afbeelding"),
        (PNG + b"\x00" * 1_048_576, "hoogstens 1 MB"),
    ],
)
def test_other_files_and_big_files_are_refused(client, coordinator, inhoud, melding):
    client.force_login(coordinator)
    logo = SimpleUploadedFile("logo.png", inhoud, content_type="image/png")
    response = client.post(URL, {**gegevens(), "logo": logo})
    assert response.status_code == 200 and melding in tekst(response)
    assert not Gemeente.objects.exists()


def test_no_logo_gives_404(client):
    assert client.get(reverse("gebieden:gemeente_logo")).status_code == 404


def test_a_saved_row_is_read_once_the_cache_is_emptied(django_capture_on_commit_callbacks):
    assert gemeente().verantwoording_dagen == 365  # the default, now in the cache
    with django_capture_on_commit_callbacks(execute=True):
        Gemeente.objects.create(naam="X", verantwoording_dagen=10, bewaartermijn_contact_jaren=9)
    assert (gemeente().verantwoording_dagen, gemeente().bewaartermijn_contact_jaren) == (10, 9)


def test_the_pdf_cover_shows_the_logo_through_the_private_url(monkeypatch):
    import rapportage.pdf as pdf_module
    from rapportage.samenstellen import samenstellen
    from tests.rapportage.factories import ParagraafFactory

    rij = Gemeente(naam="Gemeente Woerden", cbs_code="GM0632")
    rij.logo.save("logo.svg", ContentFile(SVG.replace(b"<script>alert(1)</script>", b"")))
    cache.clear()
    geleverd = []
    echte_bron = pdf_module.logo_bron

    def bron():
        geleverd.append(True)
        return echte_bron()

    monkeypatch.setattr(pdf_module, "logo_bron", bron)
    assert pdf_module.maak_pdf(samenstellen(ParagraafFactory())).startswith(b"%PDF")
    assert geleverd == [True]


def test_a_form_opened_before_the_first_save_does_not_overwrite_it(client, coordinator):
    client.force_login(coordinator)
    assert 'name="versie"' not in client.get(URL).content.decode()  # no row yet: no version
    client.post(URL, gegevens(naam="Gemeente Eerst"))
    antwoord = client.post(URL, gegevens(naam="Gemeente Later"))  # opened on the empty form
    assert antwoord.status_code == 409 and Gemeente.objects.get().naam == "Gemeente Eerst"
