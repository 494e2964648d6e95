"""Goals of a vision and their judgement per year: the services, the pages, who may write."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gebieden import doelen, services
from gebieden.models import Doel, Doeloordeel, Focuspunt
from kern.versie import GelijktijdigGewijzigd
from tests.gebieden.factories import (
    DoelFactory,
    DoeloordeelFactory,
    FocuspuntFactory,
    FocuspuntUpdateFactory,
    VisieFactory,
)

pytestmark = pytest.mark.django_db
d = datetime.date


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def visie_a(gebied_a):
    return VisieFactory(gebied=gebied_a, titel="Wijkvisie Schilderskwartier")


@pytest.fixture
def doel_a(visie_a):
    return DoelFactory(visie=visie_a, titel="Een duurzame wijk", van_jaar=2018, tot_jaar=2030)


@pytest.fixture
def doel_b(gebied_b):
    return DoelFactory(visie=VisieFactory(gebied=gebied_b), titel="Doel van Molenvliet")


class TestDoelServices:
    def test_a_goal_is_added_and_changed_with_the_version_seen(self, visie_a):
        doel = doelen.maak_doel(visie=visie_a, titel="Groen", van_jaar=2019, tot_jaar=2022)
        gezien = doel.versie
        doelen.wijzig_doel(doel=doel, versie=gezien, titel="Groen en schaduw")
        assert Doel.objects.get(pk=doel.pk).titel == "Groen en schaduw"
        with pytest.raises(GelijktijdigGewijzigd) as conflict:
            doelen.wijzig_doel(doel=Doel.objects.get(pk=doel.pk), versie=gezien, titel="Oud")
        assert conflict.value.huidig.titel == "Groen en schaduw"
        assert Doel.objects.get(pk=doel.pk).titel == "Groen en schaduw"

    def test_a_period_that_ends_before_it_starts_is_refused(self, visie_a):
        with pytest.raises(ValidationError):
            doelen.maak_doel(visie=visie_a, titel="Achterstevoren", van_jaar=2022, tot_jaar=2020)
        assert not Doel.objects.exists()

    def test_deleting_is_refused_while_focus_points_are_linked(self, gebied_a, doel_a):
        punt = FocuspuntFactory(gebied=gebied_a, doel=doel_a)
        DoeloordeelFactory(doel=doel_a, jaar=2020)
        with pytest.raises(doelen.DoelInGebruik, match="nog 1 focuspunt aan gekoppeld"):
            doelen.verwijder_doel(doel=doel_a, versie=doel_a.versie)
        assert Doel.objects.filter(pk=doel_a.pk).exists()

        Focuspunt.objects.filter(pk=punt.pk).update(doel=None)
        doel_a.refresh_from_db()
        doelen.verwijder_doel(doel=doel_a, versie=doel_a.versie)
        assert not Doel.objects.exists() and not Doeloordeel.objects.exists()

    def test_deleting_a_goal_someone_changed_meanwhile_is_refused(self, doel_a):
        gezien = doel_a.versie
        doelen.wijzig_doel(doel=doel_a, versie=gezien, titel="Nieuw")
        with pytest.raises(GelijktijdigGewijzigd):
            doelen.verwijder_doel(doel=doel_a, versie=gezien)
        assert Doel.objects.filter(pk=doel_a.pk).exists()

    def test_one_judgement_per_year_never_overwritten_unseen(self, doel_a):
        eerste = doelen.geef_oordeel(
            doel=doel_a, jaar=2020, oordeel="op_koers", toelichting="Goed", versie=None
        )
        # someone who opened the form before that judgement existed
        with pytest.raises(GelijktijdigGewijzigd) as conflict:
            doelen.geef_oordeel(doel=doel_a, jaar=2020, oordeel="niet_gehaald", versie=None)
        assert conflict.value.huidig.oordeel == "op_koers"
        doelen.geef_oordeel(doel=doel_a, jaar=2020, oordeel="bereikt", versie=eerste.versie)
        with pytest.raises(GelijktijdigGewijzigd):  # the version seen is stale now
            doelen.geef_oordeel(doel=doel_a, jaar=2020, oordeel="op_koers", versie=eerste.versie)
        doelen.geef_oordeel(doel=doel_a, jaar=2019, oordeel="aandacht_nodig", versie=None)
        assert dict(doel_a.oordelen.values_list("jaar", "oordeel")) == {
            2019: "aandacht_nodig",
            2020: "bereikt",
        }

    def test_a_judgement_is_for_a_year_the_goal_holds_and_not_to_come(self, visie_a):
        doel = DoelFactory(visie=visie_a, van_jaar=2019, tot_jaar=2020)
        with pytest.raises(ValidationError, match="geldt in 2021 niet"):
            doelen.geef_oordeel(doel=doel, jaar=2021, oordeel="bereikt", versie=None)
        toekomst = timezone.localdate().year + 1
        doel.tot_jaar = None
        with pytest.raises(ValidationError, match="komend jaar"):
            doelen.geef_oordeel(doel=doel, jaar=toekomst, oordeel="bereikt", versie=None)
        assert not Doeloordeel.objects.exists()

    def test_the_usual_year_is_the_one_just_ended_in_january_and_february(self):
        assert doelen.standaard_oordeeljaar(d(2021, 1, 5)) == 2020
        assert doelen.standaard_oordeeljaar(d(2021, 2, 28)) == 2020
        assert doelen.standaard_oordeeljaar(d(2021, 3, 1)) == 2021
        assert doelen.standaard_oordeeljaar(d(2021, 12, 31)) == 2021

    def test_a_focus_point_takes_only_a_goal_of_its_own_area(
        self, gebied_a, coordinator, doel_a, doel_b
    ):
        with pytest.raises(ValidationError):
            services.maak_focuspunt(
                gebied=gebied_a, titel="X", status="loopt", door=coordinator, doel=doel_b
            )
        assert not Focuspunt.objects.filter(titel="X").exists()
        punt = services.maak_focuspunt(
            gebied=gebied_a, titel="Y", status="loopt", door=coordinator, doel=doel_a
        )
        with pytest.raises(ValidationError):
            services.wijzig_focuspunt(focuspunt=punt, versie=punt.versie, doel=doel_b)
        assert Focuspunt.objects.get(pk=punt.pk).doel == doel_a


class TestGebiedspagina:
    def test_goals_show_period_focus_points_and_the_latest_judgement_in_words(
        self, client, raadslid, gebied_a, doel_a
    ):
        for status in ("afgerond", "loopt", "afgerond"):
            FocuspuntFactory(gebied=gebied_a, doel=doel_a, status=status)
        DoeloordeelFactory(doel=doel_a, jaar=2019, oordeel="aandacht_nodig")
        DoeloordeelFactory(doel=doel_a, jaar=2020, oordeel="op_koers")
        DoelFactory(visie=doel_a.visie, titel="Nog niet beoordeeld", van_jaar=2021, tot_jaar=None)
        client.force_login(raadslid)
        pagina = tekst(client.get(gebied_a.get_absolute_url()))
        assert "Doelen van Wijkvisie Schilderskwartier" in pagina
        rij = re.search(r'<tr class="utrecht-table__row" id="doel-\d+">.*?</tr>', pagina).group()
        assert "Een duurzame wijk" in rij and "2018–2030" in rij
        assert "3 focuspunten, 2 afgerond" in rij
        assert '<span class="app-oordeel app-oordeel--op_koers">op koers</span>' in rij
        assert "(2020)" in rij and "aandacht nodig" not in rij
        assert "vanaf 2021" in pagina and "nog geen oordeel" in pagina
        # read only: no buttons to write
        assert "Oordeel geven" not in pagina and "Doel toevoegen" not in pagina

    def test_the_official_of_the_area_gets_the_buttons(
        self, client, wijkambtenaar_a, gebied_a, doel_a
    ):
        client.force_login(wijkambtenaar_a)
        pagina = tekst(client.get(gebied_a.get_absolute_url()))
        for knop in ("Doel toevoegen", "Wijzigen", "Oordeel geven"):
            assert knop in pagina
        assert reverse("gebieden:doel_oordeel", args=[gebied_a.pk, doel_a.pk]) in pagina

    def test_the_number_of_queries_does_not_grow_with_the_goals(
        self, client, raadslid, gebied_a, visie_a
    ):
        def tel():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(gebied_a.get_absolute_url()).status_code == 200
            return len(queries)

        def voeg_toe(aantal):
            for _ in range(aantal):
                doel = DoelFactory(visie=visie_a)
                DoeloordeelFactory(doel=doel, jaar=2019)
                DoeloordeelFactory(doel=doel, jaar=2020, oordeel="bereikt")
                punt = FocuspuntFactory(gebied=gebied_a, doel=doel)
                FocuspuntUpdateFactory(focuspunt=punt, datum=timezone.localdate())

        client.force_login(raadslid)
        voeg_toe(1)
        een = tel()
        voeg_toe(14)
        assert tel() == een <= 16  # 12 and the wijkprofiel's 4 (tests/gebieden/test_views.py)


class TestRechten:
    def urls(self, gebied, visie, doel):
        return [
            reverse("gebieden:doel_nieuw", args=[gebied.pk, visie.pk]),
            reverse("gebieden:doel_bewerken", args=[gebied.pk, doel.pk]),
            reverse("gebieden:doel_verwijderen", args=[gebied.pk, doel.pk]),
            reverse("gebieden:doel_oordeel", args=[gebied.pk, doel.pk]),
        ]

    def test_the_official_of_another_area_gets_403_on_get_and_post(
        self, client, wijkambtenaar_b, gebied_a, visie_a, doel_a
    ):
        client.force_login(wijkambtenaar_b)
        for url in self.urls(gebied_a, visie_a, doel_a):
            assert client.get(url).status_code == 403, url
            assert client.post(url, {"titel": "X", "van_jaar": 2020}).status_code == 403, url
        doel_a.refresh_from_db()
        assert doel_a.titel == "Een duurzame wijk" and not doel_a.oordelen.exists()

    @pytest.mark.parametrize("rol", ["raadslid", "financien"])
    def test_council_members_and_finance_read_only(
        self, client, request, rol, gebied_a, visie_a, doel_a
    ):
        client.force_login(request.getfixturevalue(rol))
        for url in self.urls(gebied_a, visie_a, doel_a):
            assert client.get(url).status_code == 403, url
            assert client.post(url, {"jaar": 2020, "oordeel": "bereikt"}).status_code == 403
        assert Doel.objects.count() == 1 and not Doeloordeel.objects.exists()

    def test_a_goal_of_another_area_under_my_area_gives_404(
        self, client, wijkambtenaar_a, gebied_a, doel_b
    ):
        client.force_login(wijkambtenaar_a)
        url = reverse("gebieden:doel_oordeel", args=[gebied_a.pk, doel_b.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"jaar": 2020, "oordeel": "bereikt"}).status_code == 404
        assert not Doeloordeel.objects.exists()


class TestDoelPaginas:
    def test_adding_a_goal(self, client, wijkambtenaar_a, gebied_a, visie_a):
        client.force_login(wijkambtenaar_a)
        url = reverse("gebieden:doel_nieuw", args=[gebied_a.pk, visie_a.pk])
        assert 'name="van_jaar" value="2019"' in tekst(client.get(url))  # the vision's year
        fout = client.post(url, {"titel": "", "van_jaar": "2022", "tot_jaar": "2020"})
        assert fout.status_code == 400
        pagina = tekst(fout)
        assert 'role="alert" tabindex="-1" autofocus' in pagina
        assert "Het laatste jaar ligt niet voor het eerste jaar." in pagina
        response = client.post(url, {"titel": "Groen", "van_jaar": "2020", "tot_jaar": ""})
        doel = Doel.objects.get()
        assert response.status_code == 302
        assert response.url == f"{gebied_a.get_absolute_url()}#doel-{doel.pk}"
        assert (doel.visie, doel.van_jaar, doel.tot_jaar) == (visie_a, 2020, None)

    def test_back_only_to_an_address_of_this_site(self, client, wijkambtenaar_a, gebied_a, visie_a):
        client.force_login(wijkambtenaar_a)
        url = reverse("gebieden:doel_nieuw", args=[gebied_a.pk, visie_a.pk])
        data = {"titel": "Groen", "van_jaar": "2020"}
        buiten = client.post(f"{url}?terug=https://elders.example/", data)
        assert buiten.url.startswith(gebied_a.get_absolute_url())
        binnen = client.post(f"{url}?terug=/werkplek/", data)
        assert binnen.url == "/werkplek/"

    def test_changing_a_goal_someone_else_changed_shows_both(
        self, client, wijkambtenaar_a, gebied_a, doel_a
    ):
        client.force_login(wijkambtenaar_a)
        url = reverse("gebieden:doel_bewerken", args=[gebied_a.pk, doel_a.pk])
        assert "Een duurzame wijk" in tekst(client.get(url))
        gezien = doel_a.versie
        doelen.wijzig_doel(doel=doel_a, versie=gezien, titel="Door een ander")
        data = {"titel": "Mijn titel", "van_jaar": "2018", "tot_jaar": "2030", "versie": gezien}
        response = client.post(url, data)
        assert response.status_code == 409
        pagina = tekst(response)
        assert "Door een ander" in pagina and 'value="Mijn titel"' in pagina
        assert Doel.objects.get(pk=doel_a.pk).titel == "Door een ander"

    def test_delete_asks_first_and_is_refused_while_points_are_linked(
        self, client, wijkambtenaar_a, gebied_a, doel_a
    ):
        punt = FocuspuntFactory(gebied=gebied_a, doel=doel_a)
        client.force_login(wijkambtenaar_a)
        url = reverse("gebieden:doel_verwijderen", args=[gebied_a.pk, doel_a.pk])
        vraag = tekst(client.get(url))
        assert "Weet u zeker dat u het doel „Een duurzame wijk”" in vraag
        assert "Ja, doel verwijderen" in vraag
        geweigerd = client.post(url, {"versie": doel_a.versie})
        assert geweigerd.status_code == 400
        assert "kan niet worden verwijderd: er is nog 1 focuspunt aan gekoppeld" in tekst(geweigerd)
        assert Doel.objects.filter(pk=doel_a.pk).exists()
        Focuspunt.objects.filter(pk=punt.pk).update(doel=None)
        response = client.post(url, {"versie": doel_a.versie})
        assert response.status_code == 302 and not Doel.objects.exists()

    def test_judgement_page_has_the_four_judgements_in_a_fieldset_with_a_legend(
        self, client, wijkambtenaar_a, gebied_a, doel_a
    ):
        client.force_login(wijkambtenaar_a)
        url = reverse("gebieden:doel_oordeel", args=[gebied_a.pk, doel_a.pk])
        pagina = tekst(client.get(url))
        fieldset = re.search(r"<fieldset.*?</fieldset>", pagina).group()
        assert re.search(r"<legend[^>]*>Oordeel</legend>", fieldset)
        labels = re.findall(r'<input type="radio"[^>]*name="oordeel"', fieldset)
        assert len(labels) == 4
        for woord in ("op koers", "aandacht nodig", "niet gehaald", "bereikt"):
            assert f">{woord}</label>" in fieldset
        jaar = doelen.standaard_oordeeljaar()
        assert f'name="jaar" value="{jaar}"' in pagina

    def test_giving_and_changing_a_judgement(self, client, wijkambtenaar_a, gebied_a, doel_a):
        client.force_login(wijkambtenaar_a)
        url = reverse("gebieden:doel_oordeel", args=[gebied_a.pk, doel_a.pk])
        leeg = client.post(url, {"jaar": "2020", "geopend_jaar": "2020"})
        assert leeg.status_code == 400 and "Kies een oordeel." in tekst(leeg)
        data = {"jaar": "2020", "geopend_jaar": "2020", "oordeel": "bereikt", "toelichting": "Af"}
        assert client.post(url, data).status_code == 302
        oordeel = Doeloordeel.objects.get(doel=doel_a, jaar=2020)
        assert (oordeel.oordeel, oordeel.toelichting) == ("bereikt", "Af")

        pagina = tekst(client.get(f"{url}?jaar=2020"))  # opened on the judgement given
        assert f'name="versie" value="{oordeel.versie}"' in pagina
        assert re.search(r'value="bereikt"[^>]*checked', pagina)
        wijzig = {**data, "oordeel": "op_koers", "versie": oordeel.versie}
        assert client.post(url, wijzig).status_code == 302
        assert Doeloordeel.objects.get(doel=doel_a, jaar=2020).oordeel == "op_koers"
        assert Doeloordeel.objects.count() == 1

    def test_a_judgement_given_meanwhile_is_shown_not_overwritten(
        self, client, wijkambtenaar_a, gebied_a, doel_a
    ):
        client.force_login(wijkambtenaar_a)
        url = reverse("gebieden:doel_oordeel", args=[gebied_a.pk, doel_a.pk])
        DoeloordeelFactory(doel=doel_a, jaar=2020, oordeel="niet_gehaald", toelichting="Ander")
        data = {"jaar": "2020", "geopend_jaar": "2020", "oordeel": "bereikt", "versie": ""}
        response = client.post(url, data)
        assert response.status_code == 409
        pagina = tekst(response)
        assert "Zoals het nu is opgeslagen" in pagina and "niet gehaald" in pagina
        assert "Iemand anders heeft intussen een oordeel over 2020 gegeven" in pagina
        assert Doeloordeel.objects.get().oordeel == "niet_gehaald"
        # also when the user changed the year to one with a judgement they did not see: then
        # nobody else is blamed
        data = {"jaar": "2020", "geopend_jaar": "2021", "oordeel": "bereikt", "versie": "1"}
        response = client.post(url, data)
        assert response.status_code == 409
        assert "Over 2020 is al een oordeel gegeven" in tekst(response)
        assert Doeloordeel.objects.get().oordeel == "niet_gehaald"


class TestFocuspuntFormulier:
    def test_the_goal_choice_holds_the_areas_goals_and_the_paragraph_checkbox(
        self, client, wijkambtenaar_a, gebied_a, doel_a, doel_b
    ):
        client.force_login(wijkambtenaar_a)
        url = reverse("gebieden:focuspunt_nieuw", args=[gebied_a.pk])
        pagina = tekst(client.get(url))
        select = re.search(r'<select name="doel".*?</select>', pagina).group()
        assert "Een duurzame wijk (Wijkvisie Schilderskwartier, 2018–2030)" in select
        assert "Doel van Molenvliet" not in select and "– Kies –" in select
        assert 'type="checkbox" name="in_paragraaf"' in pagina
        assert "met zijn toelichting in de jaarparagraaf hoort" in pagina

        ander = client.post(url, {"titel": "X", "status": "loopt", "doel": doel_b.pk})
        assert ander.status_code == 400 and not Focuspunt.objects.exists()
        response = client.post(
            url,
            {"titel": "Groene daken", "status": "loopt", "doel": doel_a.pk, "in_paragraaf": "on"},
        )
        assert response.status_code == 302
        punt = Focuspunt.objects.get()
        assert (punt.doel, punt.visie, punt.in_paragraaf) == (doel_a, doel_a.visie, True)

    def test_changing_a_focus_points_goal_and_mark(
        self, client, wijkambtenaar_a, gebied_a, doel_a, visie_a
    ):
        punt = FocuspuntFactory(gebied=gebied_a, startjaar=2020)
        client.force_login(wijkambtenaar_a)
        url = reverse("gebieden:focuspunt_detail", args=[gebied_a.pk, punt.pk])
        basis = {"titel": punt.titel, "startjaar": 2020, "versie": punt.versie}
        andere_visie = VisieFactory(gebied=gebied_a, titel="Andere agenda")
        fout = client.post(url, {**basis, "doel": doel_a.pk, "visie": andere_visie.pk})
        assert fout.status_code == 400 and "hoort bij „Wijkvisie Schilderskwartier”" in tekst(fout)
        response = client.post(url, {**basis, "doel": doel_a.pk, "in_paragraaf": "on"})
        assert response.status_code == 302
        punt.refresh_from_db()
        assert (punt.doel, punt.visie, punt.in_paragraaf) == (doel_a, visie_a, True)


def test_the_benchmark_data_has_goals_judgements_and_marked_focus_points():
    from bench.data import SCHALEN, genereer

    genereer(SCHALEN["klein"], seed=7, peildatum=d(2026, 6, 30))
    assert Doel.objects.exists()
    assert set(Doeloordeel.objects.values_list("oordeel", flat=True)) == {
        "op_koers",
        "aandacht_nodig",
        "niet_gehaald",
        "bereikt",
    }
    punten = Focuspunt.objects.all()
    gekoppeld = punten.filter(doel__isnull=False)
    assert gekoppeld.exists()
    assert all(
        p.doel.visie.gebied_id == p.gebied_id for p in gekoppeld.select_related("doel__visie")
    )
    assert 0 < punten.filter(in_paragraaf=True).count() < punten.count()


@pytest.mark.django_db
def test_a_goal_that_starts_in_a_year_to_come_says_so_instead_of_a_form(
    client, wijkambtenaar_a, gebied_a, visie_a
):
    import datetime

    volgend_jaar = datetime.date.today().year + 1
    doel = DoelFactory(visie=visie_a, van_jaar=volgend_jaar)
    client.force_login(wijkambtenaar_a)
    response = client.get(reverse("gebieden:doel_oordeel", args=[gebied_a.pk, doel.pk]))
    pagina = tekst(response)
    assert f"Dit doel geldt pas vanaf {volgend_jaar}." in pagina
    assert 'name="oordeel"' not in pagina
