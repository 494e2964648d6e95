import csv
import datetime
import html
import io
import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gebieden import services
from gebieden.constants import Rol
from gebieden.models import Activiteit, Focuspunt
from kern import notatie
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


def rijkoppen(response) -> list[str]:
    """The areas of the coordinator's table, top to bottom."""
    return re.findall(
        r'<th scope="row" class="utrecht-table__header-cell"><a [^>]*>([^<]+)</a>',
        response.content.decode(),
    )


class TestCoordinatorOverzicht:
    """A coordinator sees every wijk and dorp in one table, sortable by each column."""

    @pytest.fixture
    def drie_gebieden(self):
        vandaag = timezone.localdate()
        alfa = GebiedFactory(naam="Alfa")  # nothing: 3 signals, no open point, no update
        bravo = GebiedFactory(naam="Bravo")  # all in order, two open points updated 40 days ago
        PlatformFactory(gebied=bravo)
        VisieFactory(gebied=bravo)
        ToewijzingFactory(gebied=bravo, rol=Rol.WIJKAMBTENAAR)
        for titel in ["Brug", "Bankjes"]:
            punt = FocuspuntFactory(gebied=bravo, titel=titel)
            FocuspuntUpdateFactory(focuspunt=punt, datum=vandaag - datetime.timedelta(days=40))
        charlie = GebiedFactory(naam="Charlie")  # a platform only: 2 signals, one open point
        PlatformFactory(gebied=charlie)
        punt = FocuspuntFactory(gebied=charlie, titel="Carillon")
        FocuspuntUpdateFactory(focuspunt=punt, datum=vandaag - datetime.timedelta(days=5))
        klaar = FocuspuntFactory(gebied=charlie, titel="Klaar", status="afgerond")
        FocuspuntUpdateFactory(focuspunt=klaar, datum=vandaag - datetime.timedelta(days=80))
        return alfa, bravo, charlie

    def test_one_row_per_area_with_its_signals_open_points_and_last_update(
        self, client, coordinator, drie_gebieden
    ):
        bravo = drie_gebieden[1]
        client.force_login(coordinator)
        response = client.get(reverse("gebieden:werkplek"))
        pagina = tekst(response)
        assert rijkoppen(response) == ["Alfa", "Bravo", "Charlie"]
        assert 'class="app-kaart"' not in pagina
        assert re.search(
            r'<div class="app-scroll" role="region" aria-labelledby="tabel-gebieden" '
            r'tabindex="0">\s*<table[^>]*>\s*<caption id="tabel-gebieden"',
            response.content.decode(),
        )
        rij = {
            naam: pagina.split(f">{naam}</a></th>")[1].split("</tr>")[0]
            for naam in ["Alfa", "Bravo", "Charlie"]
        }
        assert (
            "<strong>3</strong>: geen platform, geen visie of agenda, geen wijkambtenaar"
            in (rij["Alfa"])
        )
        assert '<td class="utrecht-table__cell">0</td>' in rij["Bravo"]
        assert "<strong>2</strong>: geen visie of agenda, geen wijkambtenaar" in rij["Charlie"]
        assert f"?gebied={bravo.pk}&amp;status=open" in rij["Bravo"] and ">2<" in rij["Bravo"]
        laatste = timezone.localdate() - datetime.timedelta(days=5)
        assert notatie.datum(laatste) in rij["Charlie"]  # the newest update of the area
        assert "–" in rij["Alfa"]

    @pytest.mark.parametrize(
        "sorteer, volgorde",
        [
            ("gebied", ["Alfa", "Bravo", "Charlie"]),
            ("-gebied", ["Charlie", "Bravo", "Alfa"]),
            ("-signalen", ["Alfa", "Charlie", "Bravo"]),
            ("signalen", ["Bravo", "Charlie", "Alfa"]),
            ("-open", ["Bravo", "Charlie", "Alfa"]),
            ("open", ["Alfa", "Charlie", "Bravo"]),
            ("-laatste_update", ["Charlie", "Bravo", "Alfa"]),
            ("laatste_update", ["Alfa", "Bravo", "Charlie"]),
            ("onzin", ["Alfa", "Bravo", "Charlie"]),
        ],
    )
    def test_sorts_by_each_column(self, client, coordinator, drie_gebieden, sorteer, volgorde):
        client.force_login(coordinator)
        response = client.get(reverse("gebieden:werkplek"), {"sorteer": sorteer})
        assert response.status_code == 200
        assert rijkoppen(response) == volgorde

    def test_column_headers_are_links_that_sort_and_say_how_it_is_sorted(
        self, client, coordinator, drie_gebieden
    ):
        client.force_login(coordinator)

        def koppen(**query):
            inhoud = client.get(reverse("gebieden:werkplek"), query).content.decode()
            return re.findall(
                r'<th scope="col" class="utrecht-table__header-cell"( aria-sort="\w+")?>'
                r'<a class="utrecht-link app-sorteerlink" href="\?sorteer=([\w-]+)">([^<]+)<',
                inhoud,
            )

        assert koppen() == [
            (' aria-sort="ascending"', "-gebied", "Gebied"),
            ("", "-signalen", "Signalen"),
            ("", "-open", "Open focuspunten"),
            ("", "-laatste_update", "Laatste update"),
        ]
        assert koppen(sorteer="-laatste_update") == [
            ("", "gebied", "Gebied"),
            ("", "-signalen", "Signalen"),
            ("", "-open", "Open focuspunten"),
            (' aria-sort="descending"', "laatste_update", "Laatste update"),
        ]
        pagina = tekst(client.get(reverse("gebieden:werkplek"), {"sorteer": "-laatste_update"}))
        assert "gesorteerd op laatste update, aflopend" in pagina

    def test_queries_do_not_grow_with_the_number_of_areas(self, client, coordinator):
        client.force_login(coordinator)
        url = reverse("gebieden:werkplek")

        def aantal_queries() -> int:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url, {"sorteer": "-signalen"}).status_code == 200
            return len(queries)

        maak_gebieden_met_punten(3)
        client.get(url)  # what is read once and kept (the municipality's settings)
        bij_drie = aantal_queries()
        maak_gebieden_met_punten(9, begin=3)
        bij_twaalf = aantal_queries()
        assert bij_drie == bij_twaalf <= 12
        assert len(rijkoppen(client.get(url))) == 12


def test_recent_changes_are_ordered_by_the_date_shown(client, wijkambtenaar_a, gebied_a):
    punt = FocuspuntFactory(gebied=gebied_a, titel="Speeltuin")
    vandaag = timezone.localdate()
    for dagen, notitie in [(1, "Gisteren"), (30, "Vorige maand"), (1, "Later vastgelegd")]:
        FocuspuntUpdateFactory(
            focuspunt=punt, datum=vandaag - datetime.timedelta(days=dagen), notitie=notitie
        )
    FocuspuntUpdateFactory(focuspunt=punt, datum=vandaag - datetime.timedelta(days=200))
    client.force_login(wijkambtenaar_a)
    recent = tekst(client.get(reverse("gebieden:werkplek"))).split("Wat er onlangs veranderde")[1]
    posities = [recent.index(n) for n in ["Later vastgelegd", "Gisteren", "Vorige maand"]]
    assert posities == sorted(posities)
    gisteren = notatie.datum(vandaag - datetime.timedelta(days=1))
    assert recent.index(gisteren) < recent.index(notatie.datum(vandaag - datetime.timedelta(30)))


def maak_gebieden_met_punten(aantal, begin=0):
    for i in range(begin, begin + aantal):
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

    def test_each_select_offers_its_empty_choice_once(self, client, wijkambtenaar_a):
        client.force_login(wijkambtenaar_a)
        pagina = client.get(reverse("gebieden:focuspunt_lijst")).content.decode()
        assert pagina.count(">Alle statussen</option>") == 1
        assert pagina.count(">Standaard (gebied, titel)</option>") == 1
        assert pagina.count(">Alle gebieden</option>") == 1

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


def nieuw_url(naam: str, gebied, **query) -> str:
    url = reverse(f"gebieden:{naam}", args=[gebied.pk])
    return f"{url}?{urlencode(query)}" if query else url


class TestFormulierenOpEenEigenPagina:
    """Adding a focus point or an activity: a page of its own, reached from a visible button
    near the top of the area page; a refused save shows that page again, error summary first,
    at an address that a reload shows again."""

    def test_area_page_shows_its_main_actions_as_buttons_near_the_top(
        self, client, wijkambtenaar_a, gebied_a
    ):
        client.force_login(wijkambtenaar_a)
        pagina = client.get(gebied_a.get_absolute_url()).content.decode()
        nieuw_punt = nieuw_url("focuspunt_nieuw", gebied_a)
        nieuwe_activiteit = nieuw_url("activiteit_nieuw", gebied_a)
        knoppen = re.findall(r'<a class="utrecht-button-link[^"]*" href="([^"]+)"', pagina)
        assert knoppen[:2] == [nieuw_punt, nieuwe_activiteit]
        assert pagina.index(f'href="{nieuw_punt}"') < pagina.index("Stand op")
        assert "<details" not in pagina  # nothing to unfold before it can be used

    def test_others_see_no_main_actions(self, client, wijkambtenaar_b, gebied_a):
        client.force_login(wijkambtenaar_b)
        pagina = tekst(client.get(gebied_a.get_absolute_url()))
        assert "Focuspunt toevoegen" not in pagina and "Activiteit vastleggen" not in pagina
        assert client.get(nieuw_url("focuspunt_nieuw", gebied_a)).status_code == 403

    def test_get_shows_the_focus_point_form(self, client, wijkambtenaar_a, gebied_a):
        client.force_login(wijkambtenaar_a)
        response = client.get(nieuw_url("focuspunt_nieuw", gebied_a))
        pagina = tekst(response)
        assert response.status_code == 200
        assert '<h1 class="utrecht-heading-1">Focuspunt toevoegen</h1>' in pagina
        assert 'name="titel"' in pagina and 'name="status"' in pagina
        assert "Het formulier is nog niet goed ingevuld." not in pagina

    def test_add_focus_point_in_one_post(self, client, wijkambtenaar_a, gebied_a):
        client.force_login(wijkambtenaar_a)
        response = client.post(
            nieuw_url("focuspunt_nieuw", gebied_a),
            {"titel": "Energietransitie", "status": "loopt", "toelichting": "Verkenning"},
            follow=True,
        )
        punt = Focuspunt.objects.get(titel="Energietransitie")
        assert response.redirect_chain == [
            (f"{gebied_a.get_absolute_url()}#focuspunt-{punt.pk}", 302)
        ]
        assert "Focuspunt „Energietransitie” is toegevoegd." in tekst(response)
        assert punt.updates.get().auteur == wijkambtenaar_a

    def test_refused_focus_point_shows_its_page_again_with_the_error_summary_first(
        self, client, wijkambtenaar_a, gebied_a
    ):
        client.force_login(wijkambtenaar_a)
        url = nieuw_url("focuspunt_nieuw", gebied_a)
        response = client.post(
            url, {"titel": "", "status": "loopt", "toelichting": "Mijn getypte uitleg"}
        )
        pagina = tekst(response)
        assert response.status_code == 400
        assert "<title>Fout: Focuspunt toevoegen: Schilderskwartier" in pagina
        samenvatting = pagina.index("Het formulier is nog niet goed ingevuld.")
        assert samenvatting < pagina.index('name="titel"')  # above the form's fields
        assert re.search(r'class="[^"]*app-foutoverzicht[^"]*"[^>]*autofocus', pagina)
        assert 'href="#id_titel">Titel: Dit veld is verplicht.' in pagina
        assert "Mijn getypte uitleg" in pagina
        assert not Focuspunt.objects.exists()
        assert client.get(url).status_code == 200  # a reload of the address shows the form

    def test_saved_focus_point_goes_back_to_where_the_user_came_from(
        self, client, wijkambtenaar_a, gebied_a
    ):
        client.force_login(wijkambtenaar_a)
        werkplek = reverse("gebieden:werkplek")
        url = nieuw_url("focuspunt_nieuw", gebied_a, terug=werkplek)
        geweigerd = tekst(client.post(url, {"titel": "", "status": "loopt"}))
        assert f'class="utrecht-link app-annuleer" href="{werkplek}"' in geweigerd
        response = client.post(url, {"titel": "Speeltuin", "status": "loopt"})
        assert response.status_code == 302 and response.url == werkplek
        assert Focuspunt.objects.get().titel == "Speeltuin"

    @pytest.mark.parametrize(
        "terug", ["https://elders.example/", "//elders.example/werkplek/", "javascript:alert(1)"]
    )
    def test_an_address_elsewhere_is_not_followed(self, client, wijkambtenaar_a, gebied_a, terug):
        client.force_login(wijkambtenaar_a)
        url = nieuw_url("focuspunt_nieuw", gebied_a, terug=terug)
        assert "elders.example" not in client.get(url).content.decode()
        response = client.post(url, {"titel": "Speeltuin", "status": "loopt"})
        punt = Focuspunt.objects.get()
        assert response.url == f"{gebied_a.get_absolute_url()}#focuspunt-{punt.pk}"

    def test_activity_form_on_its_own_page(self, client, wijkambtenaar_a, gebied_a):
        client.force_login(wijkambtenaar_a)
        url = nieuw_url("activiteit_nieuw", gebied_a)
        formulier = tekst(client.get(url))
        assert '<h1 class="utrecht-heading-1">Activiteit vastleggen</h1>' in formulier
        assert 'name="omschrijving"' in formulier
        geweigerd = client.post(url, {"datum": timezone.localdate().isoformat(), "soort": ""})
        pagina = tekst(geweigerd)
        assert geweigerd.status_code == 400
        assert pagina.index("nog niet goed ingevuld") < pagina.index('name="datum"')
        assert client.get(url).status_code == 200
        response = client.post(
            url,
            {
                "datum": timezone.localdate().isoformat(),
                "soort": "initiatiefbegeleiding",
                "omschrijving": "Buurtfeest",
            },
            follow=True,
        )
        assert response.redirect_chain == [(f"{gebied_a.get_absolute_url()}#activiteiten", 302)]
        assert "Initiatiefbegeleiding: Buurtfeest" in tekst(response)
        assert Activiteit.objects.get().door == wijkambtenaar_a

    def test_dashboard_links_lead_straight_to_the_forms_and_back(
        self, client, wijkambtenaar_a, gebied_a
    ):
        punt = FocuspuntFactory(gebied=gebied_a, titel="Speeltuin")
        client.force_login(wijkambtenaar_a)
        werkplek = reverse("gebieden:werkplek")
        pagina = html.unescape(client.get(werkplek).content.decode())
        terug = f"?terug={werkplek}"
        for naam in ["focuspunt_nieuw", "activiteit_nieuw"]:
            assert f'href="{reverse(f"gebieden:{naam}", args=[gebied_a.pk])}{terug}"' in pagina
        update = reverse("gebieden:focuspunt_update", args=[gebied_a.pk, punt.pk]) + terug
        assert f'href="{update}"' in pagina
        assert "Update vastleggen: Speeltuin" in tekst(client.get(update))
        response = client.post(
            update,
            {"status": "loopt", "datum": timezone.localdate().isoformat(), "notitie": "Overleg"},
            follow=True,
        )
        assert response.redirect_chain == [(werkplek, 302)]
        assert "De update van „Speeltuin” is vastgelegd." in tekst(response)


class TestLoggenOpDeGebiedspagina:
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


def test_an_update_without_author_says_unknown_on_the_area_page(client, wijkambtenaar_a, gebied_a):
    services.maak_focuspunt(gebied=gebied_a, titel="Brug", status="loopt", door=None)
    client.force_login(wijkambtenaar_a)
    pagina = tekst(client.get(gebied_a.get_absolute_url()))
    assert "(onbekend, vastgelegd" in pagina and "None" not in pagina
