import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gebieden.constants import GebiedSoort, Rol
from gebieden.models import Gebied, Visie
from tests.gebieden.factories import (
    FocuspuntFactory,
    FocuspuntUpdateFactory,
    GebiedFactory,
    PersoonFactory,
    PlatformFactory,
    ToewijzingFactory,
    VisieFactory,
)

d = datetime.date
pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


class TestGebiedPagina:
    def test_area_without_platform_or_vision_says_so(self, client, raadslid, gebied_a):
        client.force_login(raadslid)
        pagina = tekst(client.get(gebied_a.get_absolute_url()))
        assert "Geen platform." in pagina
        assert "Geen visie." in pagina
        assert "Geen wijkambtenaar" in pagina

    def test_area_shows_platform_vision_officials_vacancy_and_acting(self, client, raadslid):
        dorp = GebiedFactory(naam="Harmelen", soort=GebiedSoort.DORP)
        PlatformFactory(gebied=dorp, naam="Dorpsplatform Harmelen", soort="dorpsplatform")
        VisieFactory(
            gebied=dorp, soort="dorpsagenda", titel="Dorpsagenda", vastgesteld_op=d(2019, 9, 26)
        )
        ToewijzingFactory(
            gebied=dorp,
            persoon=PersoonFactory(naam="Kees de Wit"),
            rol=Rol.DORPSAMBTENAAR,
            geldig_tot=d(2020, 3, 15),
        )
        ToewijzingFactory(
            gebied=dorp,
            persoon=PersoonFactory(naam="Thomas Kok"),
            rol=Rol.DORPSAMBTENAAR,
            waarnemend=True,
            geldig_van=d(2020, 4, 1),
        )
        ToewijzingFactory(gebied=dorp, persoon=PersoonFactory(naam="Bram"), rol=Rol.BUURTVERBINDER)
        client.force_login(raadslid)
        pagina = tekst(client.get(dorp.get_absolute_url()))
        assert "Dorpsplatform Harmelen (dorpsplatform)" in pagina
        assert "Dorpsagenda „Dorpsagenda”: vastgesteld op 26 september 2019" in pagina
        assert "Geen dorpsambtenaar sinds 16 maart 2020" in pagina
        assert "waarnemend dorpsambtenaar: Thomas Kok" in pagina
        assert "Bram" in pagina

    def test_readers_see_no_edit_links(self, client, raadslid, gebied_a):
        client.force_login(raadslid)
        pagina = tekst(client.get(gebied_a.get_absolute_url()))
        assert "Platform toevoegen" not in pagina
        assert "Gebied bewerken" not in pagina

    def test_focus_points_of_this_year_are_listed(self, client, raadslid, gebied_a):
        punt = FocuspuntFactory(gebied=gebied_a, titel="Brug over de Rijn", startjaar=2019)
        FocuspuntUpdateFactory(focuspunt=punt, datum=d(2019, 5, 1))
        client.force_login(raadslid)
        assert "Brug over de Rijn (loopt)" in tekst(client.get(gebied_a.get_absolute_url()))

    def test_anonymous_visitor_goes_to_the_dutch_login_page(self, client, gebied_a):
        response = client.get(gebied_a.get_absolute_url(), follow=True)
        pagina = tekst(response)
        assert "Inloggen" in pagina and 'lang="nl"' in pagina

    def test_area_page_query_count_does_not_grow_with_the_data(
        self, client, raadslid, gebied_a, django_assert_max_num_queries
    ):
        for i in range(15):
            PlatformFactory(gebied=gebied_a)
            VisieFactory(gebied=gebied_a)
            ToewijzingFactory(gebied=gebied_a, rol=list(Rol)[i % len(Rol)])
            GebiedFactory(soort="buurt", ouder=gebied_a)
            punt = FocuspuntFactory(gebied=gebied_a, startjaar=2019)
            FocuspuntUpdateFactory(focuspunt=punt, datum=timezone.localdate())
        client.force_login(raadslid)
        # 12 for the area; the wijkprofiel (nothing read in) asks for its choice, the regions,
        # the areas of the map and the boundary version
        with django_assert_max_num_queries(16):
            assert client.get(gebied_a.get_absolute_url()).status_code == 200


class TestGebiedenLijst:
    def test_tree_and_filters(self, client, raadslid):
        stad = GebiedFactory(naam="Woerden stad", soort="gebied")
        GebiedFactory(naam="Binnenstad", ouder=stad, cbs_code="WK063201")
        GebiedFactory(naam="Oud gebied", geldig_tot=d(2018, 12, 31))
        client.force_login(raadslid)
        alles = tekst(client.get(reverse("gebieden:lijst")))
        assert alles.index("Woerden stad") < alles.index("Binnenstad")
        gefilterd = tekst(client.get(reverse("gebieden:lijst"), {"jaar": 2020}))
        assert "Oud gebied" not in gefilterd and "Binnenstad" in gefilterd
        op_code = tekst(client.get(reverse("gebieden:lijst"), {"naam": "wk0632"}))
        assert "Binnenstad" in op_code and "Woerden stad" not in op_code

    def test_list_query_count_is_constant(self, client, raadslid, django_assert_max_num_queries):
        stad = GebiedFactory(soort="gebied")
        for _ in range(30):
            wijk = GebiedFactory(ouder=stad)
            GebiedFactory(soort="buurt", ouder=wijk)
        client.force_login(raadslid)
        with django_assert_max_num_queries(6):
            client.get(reverse("gebieden:lijst"))


class TestFormulieren:
    def test_invalid_area_keeps_input_and_explains_in_dutch(self, client, coordinator):
        client.force_login(coordinator)
        response = client.post(
            reverse("gebieden:nieuw"),
            {"naam": "Nieuwe wijk", "soort": "wijk", "cbs_code": "WK12"},
        )
        pagina = tekst(response)
        assert response.status_code == 200
        assert "Het formulier is nog niet goed ingevuld." in pagina
        assert "GM met 4 cijfers, WK met 6 cijfers of BU met 8 cijfers" in pagina
        assert 'value="Nieuwe wijk"' in pagina and 'value="WK12"' in pagina
        assert 'aria-invalid="true"' in pagina
        assert not Gebied.objects.filter(naam="Nieuwe wijk").exists()

    def test_coordinator_adds_area_under_a_parent(self, client, coordinator):
        stad = GebiedFactory(naam="Stad", soort="gebied")
        client.force_login(coordinator)
        response = client.post(
            reverse("gebieden:nieuw"),
            {"naam": "Rijnoevers", "soort": "wijk", "ouder": stad.pk, "geldig_van": "2019-01-01"},
            follow=True,
        )
        assert "Rijnoevers is opgeslagen." in tekst(response)
        assert Gebied.objects.get(naam="Rijnoevers").ouder == stad

    def test_overlapping_assignment_is_refused(self, client, coordinator, gebied_a):
        persoon = PersoonFactory(naam="Sanne")
        ToewijzingFactory(gebied=gebied_a, persoon=persoon, geldig_van=d(2019, 1, 1))
        client.force_login(coordinator)
        response = client.post(
            reverse("gebieden:toewijzing_nieuw", args=[gebied_a.pk]),
            {"persoon": persoon.pk, "rol": "wijkambtenaar", "geldig_van": "2020-01-01"},
        )
        assert "Sanne is in deze periode al wijkambtenaar van dit gebied." in tekst(response)

    def test_deleting_an_area_in_use_is_refused_with_a_message(self, client, coordinator, gebied_a):
        PlatformFactory(gebied=gebied_a)
        client.force_login(coordinator)
        response = client.post(reverse("gebieden:verwijderen", args=[gebied_a.pk]), follow=True)
        pagina = tekst(response)
        assert "Schilderskwartier kan niet worden verwijderd" in pagina
        assert "platform" in pagina
        assert Gebied.objects.filter(pk=gebied_a.pk).exists()


class TestVisieDocument:
    def pdf(self, naam="wijkvisie.pdf", inhoud=b"%PDF-1.7\n..."):
        return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")

    def post(self, client, gebied, document):
        data = {"soort": "wijkvisie", "titel": "Wijkvisie", "status": "in_voorbereiding"}
        return client.post(
            reverse("gebieden:visie_nieuw", args=[gebied.pk]), {**data, "document": document}
        )

    def test_upload_is_stored_under_an_unguessable_name_and_served_to_logged_in_users(
        self, client, wijkambtenaar_a, gebied_a, raadslid
    ):
        client.force_login(wijkambtenaar_a)
        assert self.post(client, gebied_a, self.pdf()).status_code == 302
        visie = Visie.objects.get()
        assert visie.document_naam == "wijkvisie.pdf"
        assert "wijkvisie" not in visie.document.name
        url = reverse("gebieden:visie_document", args=[gebied_a.pk, visie.pk])
        client.logout()
        assert client.get(url).status_code == 302
        client.force_login(raadslid)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert 'filename="wijkvisie.pdf"' in response["Content-Disposition"]

    @pytest.mark.parametrize(
        ("naam", "inhoud", "melding"),
        [
            ("script.exe", b"MZ...", "Alleen PDF-, ODT- of Word-bestanden"),
            ("nep.pdf", b"<html>", "past niet bij de extensie .pdf"),
        ],
    )
    def test_wrong_files_are_refused(
        self, client, wijkambtenaar_a, gebied_a, naam, inhoud, melding
    ):
        client.force_login(wijkambtenaar_a)
        response = self.post(client, gebied_a, self.pdf(naam, inhoud))
        assert melding in tekst(response)
        assert not Visie.objects.exists()

    def test_too_large_file_is_refused(self, client, wijkambtenaar_a, gebied_a, settings):
        settings.MAX_DOCUMENT_SIZE = 100
        client.force_login(wijkambtenaar_a)
        response = self.post(client, gebied_a, self.pdf(inhoud=b"%PDF" + b"x" * 200))
        assert "Het bestand is te groot" in tekst(response)


def test_edit_form_offers_deletion_and_deleting_returns_to_the_area(
    client, wijkambtenaar_a, gebied_a
):
    platform = PlatformFactory(gebied=gebied_a, naam="Oud platform")
    client.force_login(wijkambtenaar_a)
    formulier = tekst(
        client.get(reverse("gebieden:platform_bewerken", args=[gebied_a.pk, platform.pk]))
    )
    verwijder_url = reverse("gebieden:platform_verwijderen", args=[gebied_a.pk, platform.pk])
    assert f'href="{verwijder_url}">Oud platform verwijderen' in formulier
    response = client.post(verwijder_url, follow=True)
    assert response.redirect_chain[-1][0] == gebied_a.get_absolute_url()
    assert "Oud platform is verwijderd." in tekst(response)
