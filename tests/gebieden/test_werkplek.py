import csv
import datetime
import html
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from gebieden import services
from gebieden.constants import Rol
from gebieden.models import Activiteit, Focuspunt
from tests.gebieden.factories import (
    FocuspuntFactory,
    FocuspuntUpdateFactory,
    GebiedFactory,
    PlatformFactory,
    ThemaFactory,
    ToewijzingFactory,
    VisieFactory,
)

d = datetime.date
pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def werkplek_urls(gebied, punt):
    return [
        reverse("gebieden:werkplek"),
        reverse("gebieden:focuspunt_lijst"),
        reverse("gebieden:focuspunt_detail", args=[gebied.pk, punt.pk]),
        reverse("gebieden:historie", args=[gebied.pk]),
    ]


@pytest.mark.parametrize("rol", ["raadslid", "financien"])
def test_council_members_and_finance_see_none_of_the_workplace(client, request, gebied_a, rol):
    punt = FocuspuntFactory(gebied=gebied_a)
    client.force_login(request.getfixturevalue(rol))
    for url in werkplek_urls(gebied_a, punt):
        assert client.get(url).status_code == 403, url
    pagina = tekst(client.get(gebied_a.get_absolute_url()))
    assert "Update vastleggen" not in pagina and "signalen vragen aandacht" not in pagina


def test_wijkambtenaar_lands_on_mijn_gebieden_after_login(client, wijkambtenaar_a):
    response = client.post(
        reverse("login"),
        {"username": "wijkambtenaar_a", "password": "geheim-wachtwoord"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("gebieden:werkplek")
    assert "Mijn gebieden" in tekst(response) and "Schilderskwartier" in tekst(response)


def test_dashboard_shows_my_areas_signals_open_points_and_recent_changes(
    client, wijkambtenaar_a, gebied_a, gebied_b
):
    punt = FocuspuntFactory(gebied=gebied_a, titel="Speeltuin")
    FocuspuntUpdateFactory(focuspunt=punt, datum=d(2020, 1, 1), notitie="Aanleg gestart")
    FocuspuntFactory(gebied=gebied_a, titel="Klaar", status="afgerond")
    FocuspuntFactory(gebied=gebied_b, titel="Van een ander")
    client.force_login(wijkambtenaar_a)
    pagina = tekst(client.get(reverse("gebieden:werkplek")))
    assert "Speeltuin" in pagina and "Klaar" not in pagina and "Van een ander" not in pagina
    assert "Geen platform." in pagina
    assert "„Speeltuin” heeft sinds 1 januari 2020 geen update gehad." in pagina
    assert "Aanleg gestart" in pagina  # recent changes
    assert "Molenvliet" not in pagina


def test_a_busy_area_shows_the_points_waiting_longest_and_links_to_all(
    client, wijkambtenaar_a, gebied_a
):
    for i in range(14):
        punt = FocuspuntFactory(gebied=gebied_a, titel=f"Punt {i:02}")
        FocuspuntUpdateFactory(focuspunt=punt, datum=d(2020, 1, 1) + datetime.timedelta(days=i))
    client.force_login(wijkambtenaar_a)
    pagina = tekst(client.get(reverse("gebieden:werkplek")))
    assert "14 open focuspunten" in pagina
    assert "Punt 00" in pagina and "Punt 09" in pagina  # the ten oldest updates
    assert "Punt 10" not in pagina.split("14 open focuspunten")[1]
    assert f"?gebied={gebied_a.pk}" in pagina and "Alle 14 open focuspunten van" in pagina
    # the count covers every signal; five about focus points are listed, the rest summed up
    assert "16 signalen vragen aandacht" in pagina  # no platform, no vision, 14 without update
    assert pagina.count("geen update gehad") == 5
    assert "En nog 9 signalen over focuspunten." in pagina
    FocuspuntFactory(gebied=gebied_a, titel="Klaar", status="afgerond")
    link = re.search(
        r'href="([^"]*status=open[^"]*)"', client.get(reverse("gebieden:werkplek")).content.decode()
    )
    lijst = tekst(client.get(html.unescape(link.group(1))))
    assert (
        "Punt 00" in lijst and "Punt 13" not in lijst.split("Punt 00")[0] and "Klaar" not in lijst
    )


def test_coordinator_dashboard_covers_all_areas(client, coordinator, gebied_a, gebied_b):
    client.force_login(coordinator)
    pagina = tekst(client.get(reverse("gebieden:werkplek")))
    assert "Schilderskwartier" in pagina and "Molenvliet" in pagina


def maak_gebieden_met_punten(aantal):
    for i in range(aantal):
        gebied = GebiedFactory(naam=f"Wijk {i}")
        PlatformFactory(gebied=gebied)
        VisieFactory(gebied=gebied)
        ToewijzingFactory(gebied=gebied, rol=Rol.WIJKAMBTENAAR)
        for j in range(3):
            punt = FocuspuntFactory(gebied=gebied, thema=ThemaFactory(naam=f"T{j}"))
            FocuspuntUpdateFactory(focuspunt=punt)


@pytest.mark.parametrize("aantal", [2, 12])
def test_dashboard_and_list_queries_do_not_grow_with_the_data(
    client, coordinator, django_assert_max_num_queries, aantal
):
    maak_gebieden_met_punten(aantal)
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("gebieden:werkplek")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("gebieden:focuspunt_lijst")).status_code == 200


def test_area_page_with_werkplek_queries_do_not_grow(
    client, coordinator, gebied_a, django_assert_max_num_queries
):
    for _ in range(10):
        punt = FocuspuntFactory(gebied=gebied_a, startjaar=2020)
        FocuspuntUpdateFactory(focuspunt=punt, datum=timezone.localdate())
        Activiteit.objects.create(
            gebied=gebied_a, datum=timezone.localdate(), soort="signaleren", omschrijving="x"
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(20):
        assert client.get(gebied_a.get_absolute_url()).status_code == 200


class TestFocuspuntLijst:
    @pytest.fixture
    def punten(self, gebied_a, gebied_b):
        veiligheid = ThemaFactory(naam="Veiligheid")
        a = FocuspuntFactory(gebied=gebied_a, titel="Jongerenoverlast", thema=veiligheid)
        FocuspuntUpdateFactory(focuspunt=a, datum=d(2020, 3, 1))
        b = FocuspuntFactory(gebied=gebied_b, titel="Brug", toelichting="=HYPERLINK(1)")
        FocuspuntUpdateFactory(focuspunt=b, datum=d(2021, 3, 1))
        c = FocuspuntFactory(gebied=gebied_b, titel="Bouwweg", status="afgerond", startjaar=2019)
        FocuspuntUpdateFactory(focuspunt=c, datum=d(2019, 3, 1), status="afgerond")
        return a, b, c

    def titels(self, client, **filters):
        pagina = tekst(client.get(reverse("gebieden:focuspunt_lijst"), filters))
        return [t for t in ["Jongerenoverlast", "Brug", "Bouwweg"] if t in pagina]

    def test_filters(self, client, wijkambtenaar_a, punten):
        client.force_login(wijkambtenaar_a)
        assert self.titels(client) == ["Jongerenoverlast", "Brug", "Bouwweg"]
        assert self.titels(client, thema=punten[0].thema_id) == ["Jongerenoverlast"]
        assert self.titels(client, status="afgerond") == ["Bouwweg"]
        assert self.titels(client, q="brug") == ["Brug"]
        assert self.titels(client, jaar=2020) == ["Jongerenoverlast"]
        assert self.titels(client, mijn="on") == ["Jongerenoverlast"]

    def test_sorting_by_last_update(self, client, wijkambtenaar_a, punten):
        client.force_login(wijkambtenaar_a)
        pagina = tekst(
            client.get(reverse("gebieden:focuspunt_lijst"), {"volgorde": "-laatste_update"})
        )
        assert pagina.index("Brug") < pagina.index("Jongerenoverlast") < pagina.index("Bouwweg")

    def test_a_point_without_updates_has_waited_longest_on_every_database(
        self, client, wijkambtenaar_a, punten
    ):
        FocuspuntFactory(gebied=punten[0].gebied, titel="Nooit bijgewerkt")
        client.force_login(wijkambtenaar_a)
        url = reverse("gebieden:focuspunt_lijst")
        oplopend = tekst(client.get(url, {"volgorde": "laatste_update"}))
        assert oplopend.index("Nooit bijgewerkt") < oplopend.index("Bouwweg")
        aflopend = tekst(client.get(url, {"volgorde": "-laatste_update"}))
        assert aflopend.index("Bouwweg") < aflopend.index("Nooit bijgewerkt")

    def test_csv_export_follows_the_filters_and_defuses_formulas(
        self, client, wijkambtenaar_a, punten
    ):
        client.force_login(wijkambtenaar_a)
        response = client.get(reverse("gebieden:focuspunt_lijst"), {"q": "brug", "export": "csv"})
        assert response["Content-Type"].startswith("text/csv")
        rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        assert rijen[0][:4] == ["Gebied", "Titel", "Thema", "Status"]
        assert len(rijen) == 2
        assert rijen[1][1] == "Brug" and rijen[1][7] == "01-03-2021"
        assert rijen[1][8] == "'=HYPERLINK(1)"


class TestLoggenOpDeGebiedspagina:
    def test_add_focus_point_in_one_post(self, client, wijkambtenaar_a, gebied_a):
        client.force_login(wijkambtenaar_a)
        response = client.post(
            reverse("gebieden:focuspunt_nieuw", args=[gebied_a.pk]),
            {"titel": "Energietransitie", "status": "loopt", "toelichting": "Verkenning"},
            follow=True,
        )
        punt = Focuspunt.objects.get(titel="Energietransitie")
        assert response.redirect_chain[-1][0].endswith(f"#focuspunt-{punt.pk}")
        assert "Focuspunt „Energietransitie” is toegevoegd." in tekst(response)
        assert punt.updates.get().auteur == wijkambtenaar_a

    def test_invalid_focus_point_shows_the_area_page_again_with_what_was_typed(
        self, client, wijkambtenaar_a, gebied_a
    ):
        client.force_login(wijkambtenaar_a)
        response = client.post(
            reverse("gebieden:focuspunt_nieuw", args=[gebied_a.pk]),
            {"titel": "", "status": "loopt", "toelichting": "Mijn getypte uitleg"},
        )
        pagina = tekst(response)
        assert response.status_code == 400
        assert "Het formulier is nog niet goed ingevuld." in pagina
        assert "Mijn getypte uitleg" in pagina and '<details class="app-uitklap" open>' in pagina
        assert not Focuspunt.objects.exists()

    def test_log_update_and_see_it_in_the_timeline(self, client, wijkambtenaar_a, gebied_a):
        punt = FocuspuntFactory(gebied=gebied_a, titel="Speeltuin")
        client.force_login(wijkambtenaar_a)
        response = client.post(
            reverse("gebieden:focuspunt_update", args=[gebied_a.pk, punt.pk]),
            {"status": "afgerond", "datum": "2021-06-12", "notitie": "Geopend"},
            follow=True,
        )
        assert response.redirect_chain[-1][0].endswith(f"#focuspunt-{punt.pk}")
        assert "De update van „Speeltuin” is vastgelegd." in tekst(response)
        punt.refresh_from_db()
        assert punt.status == "afgerond"

    def test_every_focus_point_links_to_its_own_update_page(
        self, client, wijkambtenaar_a, gebied_a
    ):
        jaar = timezone.localdate().year
        punten = [FocuspuntFactory(gebied=gebied_a, startjaar=jaar) for _ in range(3)]
        client.force_login(wijkambtenaar_a)
        pagina = client.get(gebied_a.get_absolute_url()).content.decode()
        for punt in punten:
            url = reverse("gebieden:focuspunt_update", args=[gebied_a.pk, punt.pk])
            assert f'href="{url}"' in pagina
            formulier = tekst(client.get(url))
            assert f"Update vastleggen: {punt.titel}" in formulier
            assert 'name="status"' in formulier and 'name="notitie"' in formulier

    def test_update_in_the_future_is_refused_on_the_same_page(
        self, client, wijkambtenaar_a, gebied_a
    ):
        punt = FocuspuntFactory(gebied=gebied_a)
        client.force_login(wijkambtenaar_a)
        morgen = timezone.localdate() + datetime.timedelta(days=1)
        url = reverse("gebieden:focuspunt_update", args=[gebied_a.pk, punt.pk])
        response = client.post(
            url, {"status": "afgerond", "datum": morgen.isoformat(), "notitie": "Mijn notitie"}
        )
        pagina = tekst(response)
        assert response.status_code == 400
        assert "De datum kan niet in de toekomst liggen." in pagina
        assert "Mijn notitie" in pagina  # what was typed is kept
        assert not punt.updates.exists()
        assert client.get(url).status_code == 200  # reloading the address shows the form again

    def test_log_activity(self, client, wijkambtenaar_a, gebied_a):
        client.force_login(wijkambtenaar_a)
        vandaag = timezone.localdate()
        client.post(
            reverse("gebieden:activiteit_nieuw", args=[gebied_a.pk]),
            {
                "datum": vandaag.isoformat(),
                "soort": "initiatiefbegeleiding",
                "omschrijving": "Buurtfeest",
            },
        )
        pagina = tekst(client.get(gebied_a.get_absolute_url()))
        assert "Initiatiefbegeleiding: Buurtfeest" in pagina


class TestGelijktijdigWijzigen:
    def test_second_editor_gets_a_message_and_sees_the_other_change(
        self, client, wijkambtenaar_a, coordinator, gebied_a
    ):
        punt = services.maak_focuspunt(gebied=gebied_a, titel="Brug", status="loopt", door=None)
        url = reverse("gebieden:focuspunt_detail", args=[gebied_a.pk, punt.pk])
        formulier = {"titel": "", "startjaar": punt.startjaar, "versie": punt.versie}

        client.force_login(coordinator)
        eerste = client.post(url, {**formulier, "titel": "Brug over de Rijn"})
        assert eerste.status_code == 302

        client.force_login(wijkambtenaar_a)
        tweede = client.post(url, {**formulier, "titel": "Brug (mijn versie)"})
        pagina = tekst(tweede)
        assert tweede.status_code == 409
        assert "Iemand anders heeft „Brug over de Rijn” intussen gewijzigd." in pagina
        assert "Zoals het nu is opgeslagen" in pagina and "Brug over de Rijn" in pagina
        assert 'value="Brug (mijn versie)"' in pagina
        assert Focuspunt.objects.get(pk=punt.pk).titel == "Brug over de Rijn"

        derde = client.post(
            url, {**formulier, "titel": "Brug (mijn versie)", "versie": punt.versie + 1}
        )
        assert derde.status_code == 302
        assert Focuspunt.objects.get(pk=punt.pk).titel == "Brug (mijn versie)"


def test_coordinator_sees_who_changed_what_with_old_and_new_values(client, coordinator, gebied_a):
    punt = services.maak_focuspunt(gebied=gebied_a, titel="Brug", status="loopt", door=None)
    client.force_login(coordinator)
    client.post(
        reverse("gebieden:focuspunt_detail", args=[gebied_a.pk, punt.pk]),
        {"titel": "Brug over de Rijn", "startjaar": punt.startjaar, "versie": punt.versie},
    )
    for url in [
        reverse("gebieden:historie", args=[gebied_a.pk]),
        reverse("gebieden:focuspunt_detail", args=[gebied_a.pk, punt.pk]),
    ]:
        pagina = tekst(client.get(url))
        assert "Titel: Brug → Brug over de Rijn" in pagina
        assert "coordinator" in pagina


def test_wijkambtenaar_does_not_see_the_history(client, wijkambtenaar_a, gebied_a):
    punt = FocuspuntFactory(gebied=gebied_a)
    client.force_login(wijkambtenaar_a)
    pagina = tekst(client.get(reverse("gebieden:focuspunt_detail", args=[gebied_a.pk, punt.pk])))
    assert "Geschiedenis van de wijzigingen" not in pagina
    assert client.get(reverse("gebieden:historie", args=[gebied_a.pk])).status_code == 403


def test_area_page_shows_the_newest_entry_and_links_to_the_whole_timeline(
    client, wijkambtenaar_a, gebied_a
):
    punt = FocuspuntFactory(gebied=gebied_a, titel="Speeltuin")
    FocuspuntUpdateFactory(focuspunt=punt, datum=d(2026, 1, 5), notitie="Eerste overleg")
    FocuspuntUpdateFactory(focuspunt=punt, datum=d(2026, 3, 9), notitie="Aanleg gestart")
    client.force_login(wijkambtenaar_a)
    pagina = tekst(client.get(gebied_a.get_absolute_url()))
    assert "9 maart 2026" in pagina and "Aanleg gestart" in pagina
    assert "Eerste overleg" not in pagina
    assert "Hele tijdlijn (2 updates)" in pagina
    detail = tekst(client.get(reverse("gebieden:focuspunt_detail", args=[gebied_a.pk, punt.pk])))
    assert "Eerste overleg" in detail and "Aanleg gestart" in detail
