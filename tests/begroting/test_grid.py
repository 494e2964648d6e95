from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from begroting.forms import posten_formset
from begroting.models import Begrotingsjaar, Begrotingspost
from tests.begroting.factories import BegrotingsjaarFactory, BegrotingspostFactory
from tests.gebieden.factories import GebiedFactory

D = Decimal
pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def jaar():
    post = BegrotingspostFactory(
        jaar=BegrotingsjaarFactory(jaar=2021),
        gebied=GebiedFactory(naam="Binnenstad"),
        naam="Wijkbudget",
        begroting_na_wijziging=D("20000"),
    )
    return post.jaar


def grid_data(jaar, **wijzigingen):
    """The POST the grid page would send: every existing line as shown, with changes."""
    posten = list(jaar.posten.order_by("gebied__naam", "naam"))
    data = {
        "versie": jaar.versie,
        "post-TOTAL_FORMS": len(posten) + 1,
        "post-INITIAL_FORMS": len(posten),
        "post-MIN_NUM_FORMS": 0,
        "post-MAX_NUM_FORMS": 1000,
    }
    for i, post in enumerate(posten):
        data.update(
            {
                f"post-{i}-id": post.pk,
                f"post-{i}-gebied": post.gebied_id or "",
                f"post-{i}-naam": post.naam,
                f"post-{i}-taakveld": post.taakveld,
                f"post-{i}-primitieve_begroting": str(post.primitieve_begroting),
                f"post-{i}-begroting_na_wijziging": str(post.begroting_na_wijziging),
                f"post-{i}-realisatie": str(post.realisatie),
                f"post-{i}-bestedingstermijn": "",
            }
        )
    data.update(wijzigingen)
    return data


def test_finance_saves_the_whole_year_with_dutch_amounts(client, financien, jaar):
    client.force_login(financien)
    data = grid_data(
        jaar,
        **{
            "post-0-primitieve_begroting": "1.234,56",
            "post-0-begroting_na_wijziging": "1234,56",
            "post-0-realisatie": "1234",
            "post-1-gebied": "algemeen",
            "post-1-naam": "Algemeen",
            "post-1-begroting_na_wijziging": "€ 52.500",
            "post-1-realisatie": "49750,00",
        },
    )
    response = client.post(reverse("begroting:grid", args=[2021]), data, follow=True)
    assert "De cijfers van 2021 zijn opgeslagen." in tekst(response)
    wijkbudget = jaar.posten.get(naam="Wijkbudget")
    assert wijkbudget.primitieve_begroting == D("1234.56")
    assert wijkbudget.begroting_na_wijziging == D("1234.56")
    assert wijkbudget.realisatie == D("1234")
    algemeen = jaar.posten.get(naam="Algemeen")
    assert algemeen.gebied is None and algemeen.begroting_na_wijziging == D("52500")


def test_the_grid_shows_amounts_with_dutch_thousands_separators(client, financien, jaar):
    client.force_login(financien)
    Begrotingspost.objects.create(jaar=jaar, naam="Algemeen", primitieve_begroting=D("50000"))
    pagina = client.get(reverse("begroting:grid", args=[2021])).content.decode()
    assert 'value="50.000,00"' in pagina and 'value="20.000,00"' in pagina
    assert "50000,00" not in pagina and "20000,00" not in pagina


def test_after_errors_amounts_typed_without_separators_are_shown_with_them(client, financien, jaar):
    client.force_login(financien)
    data = grid_data(
        jaar, **{"post-0-primitieve_begroting": "50000", "post-0-realisatie": "twaalf"}
    )
    pagina = client.post(reverse("begroting:grid", args=[2021]), data).content.decode()
    assert 'value="50.000,00"' in pagina and 'value="20.000,00"' in pagina
    assert "50000" not in pagina
    assert 'value="twaalf"' in pagina  # what is no amount stays as it was typed


def test_one_bad_cell_saves_nothing_and_keeps_what_was_typed(client, financien, jaar):
    client.force_login(financien)
    data = grid_data(
        jaar,
        **{
            "post-0-realisatie": "1.000,00",
            "post-1-gebied": "algemeen",
            "post-1-naam": "Nieuw",
            "post-1-realisatie": "twaalf",
        },
    )
    response = client.post(reverse("begroting:grid", args=[2021]), data)
    pagina = tekst(response)
    assert response.status_code == 400
    assert "Er is niets opgeslagen." in pagina
    assert "Nieuw (Algemeen), Realisatie: „twaalf” is geen bedrag" in pagina
    assert 'value="1.000,00"' in pagina and 'value="twaalf"' in pagina
    assert jaar.posten.get().realisatie == D("0")
    assert jaar.posten.count() == 1


def test_an_error_names_its_line_and_appears_once(client, financien, jaar):
    client.force_login(financien)
    data = grid_data(jaar, **{"post-0-realisatie": "twaalf"})
    response = client.post(reverse("begroting:grid", args=[2021]), data)
    pagina = tekst(response)
    melding = "„twaalf” is geen bedrag; schrijf bijvoorbeeld 1.234,56."
    # the summary names the line by its name and area, and links to the cell ...
    samenvatting = (
        '<a class="utrecht-link" href="#id_post-0-realisatie">'
        f"Wijkbudget (Binnenstad), Realisatie: {melding}</a>"
    )
    assert pagina.count(samenvatting) == 1
    # ... and the cell shows its own message once, described by it; nothing else repeats it
    assert pagina.count(f'id="id_post-0-realisatie_error">{melding}</div>') == 1
    assert 'aria-describedby="id_post-0-realisatie_error"' in pagina
    assert pagina.count(melding) == 2
    assert pagina.count("Er is niets opgeslagen") == 1
    assert "Regel " not in pagina


def test_a_line_named_after_its_area_is_named_once(client, financien, jaar):
    jaar.posten.update(naam="Wijkbudget Binnenstad")
    client.force_login(financien)
    data = grid_data(jaar, **{"post-0-realisatie": "twaalf"})
    pagina = tekst(client.post(reverse("begroting:grid", args=[2021]), data))
    assert "Wijkbudget Binnenstad, Realisatie: „twaalf” is geen bedrag" in pagina


def test_a_new_row_starts_without_an_area(client, financien, jaar):
    client.force_login(financien)
    pagina = client.get(reverse("begroting:grid", args=[2021])).content.decode()
    nieuw = pagina[pagina.index('<select name="post-1-gebied"') :]
    nieuw = nieuw[: nieuw.index("</select>")]
    assert '<option value="" selected>— kies een gebied —</option>' in nieuw
    assert '<option value="algemeen">Algemeen (geen gebied)</option>' in nieuw
    assert nieuw.count(" selected") == 1
    assert ingevuld(pagina)["post-1-gebied"] == ""


def test_a_new_line_without_a_chosen_area_is_refused_and_blank_rows_are_left_out(
    client, financien, jaar
):
    client.force_login(financien)
    data = grid_data(jaar, **{"post-1-naam": "Nieuw", "post-1-realisatie": "10"})
    data.update({"post-TOTAL_FORMS": 3, "post-2-gebied": "", "post-2-naam": ""})
    response = client.post(reverse("begroting:grid", args=[2021]), data)
    pagina = tekst(response)
    assert response.status_code == 400
    assert (
        "Nieuw, Gebied: Kies een gebied, of Algemeen als de post bij geen gebied hoort." in pagina
    )
    assert jaar.posten.count() == 1
    data["post-1-gebied"] = str(GebiedFactory(naam="Zuid").pk)
    assert client.post(reverse("begroting:grid", args=[2021]), data).status_code == 302
    assert jaar.posten.get(naam="Nieuw").gebied.naam == "Zuid"
    assert jaar.posten.count() == 2


def test_duplicate_line_is_refused(client, financien, jaar):
    client.force_login(financien)
    gebied = jaar.posten.get().gebied_id
    data = grid_data(jaar, **{"post-1-gebied": gebied, "post-1-naam": "Wijkbudget"})
    response = client.post(reverse("begroting:grid", args=[2021]), data)
    assert "Deze post staat" in tekst(response)
    assert jaar.posten.count() == 1


def test_second_person_saving_an_old_version_is_told_and_overwrites_nothing(
    client, financien, coordinator, jaar
):
    url = reverse("begroting:grid", args=[2021])
    eerste = grid_data(jaar, **{"post-0-realisatie": "100"})
    tweede = grid_data(jaar, **{"post-0-realisatie": "200"})
    client.force_login(coordinator)
    assert client.post(url, eerste).status_code == 302
    client.force_login(financien)
    response = client.post(url, tweede)
    pagina = tekst(response)
    assert response.status_code == 409
    assert "Iemand anders heeft de cijfers van 2021 intussen opgeslagen." in pagina
    assert "realisatie € 100,00" in pagina
    assert jaar.posten.get().realisatie == D("100")


def test_closed_year_cannot_change_until_a_coordinator_reopens_it(
    client, financien, coordinator, jaar
):
    client.force_login(financien)
    client.post(reverse("begroting:sluiten", args=[2021]))
    jaar.refresh_from_db()
    assert jaar.gesloten
    response = client.post(reverse("begroting:grid", args=[2021]), grid_data(jaar))
    assert response.status_code == 403
    assert client.post(reverse("begroting:heropenen", args=[2021])).status_code == 403
    client.force_login(coordinator)
    client.post(reverse("begroting:heropenen", args=[2021]))
    jaar.refresh_from_db()
    assert not jaar.gesloten
    laatste_twee = list(jaar.history.order_by("history_date"))[-2:]
    geschiedenis = [(h.gesloten, h.history_user.username) for h in laatste_twee]
    assert geschiedenis == [(True, "financien"), (False, "coordinator")]


def test_next_years_lines_in_one_action(client, financien, jaar):
    client.force_login(financien)
    client.post(reverse("begroting:volgend_jaar", args=[2021]))
    client.post(reverse("begroting:volgend_jaar", args=[2021]))  # twice: nothing doubles
    volgend = Begrotingsjaar.objects.get(jaar=2022)
    post = volgend.posten.get()
    assert post.naam == "Wijkbudget" and post.primitieve_begroting == D("20000")
    assert post.realisatie == D("0")


@pytest.mark.parametrize("rol", ["raadslid", "wijkambtenaar_a"])
def test_only_finance_and_coordinators_change_figures(client, request, jaar, rol):
    client.force_login(request.getfixturevalue(rol))
    for naam in ["grid", "sluiten", "volgend_jaar", "importeren", "heropenen", "geschiedenis"]:
        url = reverse(f"begroting:{naam}", args=[2021])
        assert client.post(url, grid_data(jaar, **{"post-0-realisatie": "5"})).status_code == 403
    assert jaar.posten.get().realisatie == D("0")
    assert not Begrotingsjaar.objects.filter(jaar=2022).exists()


def test_grid_query_count_is_constant(client, financien, jaar, django_assert_max_num_queries):
    for i in range(40):
        Begrotingspost.objects.create(jaar=jaar, gebied=GebiedFactory(), naam=f"Post {i}")
    client.force_login(financien)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("begroting:grid", args=[2021])).status_code == 200


def test_history_of_every_figure_shows_who_old_and_new(client, financien, raadslid, jaar):
    client.force_login(financien)
    client.post(
        reverse("begroting:grid", args=[2021]), grid_data(jaar, **{"post-0-realisatie": "1.500"})
    )
    pagina = tekst(client.get(reverse("begroting:geschiedenis", args=[2021])))
    assert "Realisatie: 0,00 → 1.500,00" in pagina
    assert "financien" in pagina
    client.force_login(raadslid)
    assert client.get(reverse("begroting:geschiedenis", args=[2021])).status_code == 403


def test_grid_shows_existing_lines_with_their_area_as_text_and_escapes_names(
    client, financien, jaar
):
    Begrotingspost.objects.create(jaar=jaar, naam='"><script>x</script>', gebied=None)
    client.force_login(financien)
    html = client.get(reverse("begroting:grid", args=[jaar.jaar])).content.decode()
    assert "<script>x</script>" not in html
    assert "&quot;&gt;&lt;script&gt;x&lt;/script&gt;" in html
    # the existing lines name their area in a cell; only the blank rows offer a choice
    assert "Binnenstad</td>" in html and "Algemeen (geen gebied)</td>" in html
    assert html.count("<select") == 3


def test_every_cell_is_named_after_its_column_and_line(client, financien, jaar):
    client.force_login(financien)
    pagina = client.get(reverse("begroting:grid", args=[2021])).content.decode()
    assert 'aria-label="Realisatie – Wijkbudget"' in pagina
    assert 'aria-label="Verwijderen – Wijkbudget"' in pagina
    assert 'aria-label="Naam – nieuwe post"' in pagina


def test_the_name_cells_are_as_wide_as_the_longest_name(client, financien, jaar):
    client.force_login(financien)
    url = reverse("begroting:grid", args=[2021])
    assert client.get(url).content.decode().count('size="16"') == 4  # short names: the minimum
    Begrotingspost.objects.create(jaar=jaar, naam="Wijkbudget Snel & Polanen inclusief Waterrijk")
    assert client.get(url).content.decode().count('size="40"') == 5


class Invoer(HTMLParser):
    """The values a browser would send for a page's form: text inputs, hidden inputs, ticked
    boxes and the selected option of each select."""

    def __init__(self):
        super().__init__()
        self.waarden, self._select = {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name"):
            if a.get("type") != "checkbox" or "checked" in a:
                self.waarden[a["name"]] = a.get("value", "on")
        elif tag == "select":
            self._select = a["name"]
            self.waarden.setdefault(self._select, "")
        elif tag == "option" and "selected" in a:
            self.waarden[self._select] = a.get("value", "")


def ingevuld(html: str) -> dict:
    invoer = Invoer()
    invoer.feed(html)
    return invoer.waarden


def test_the_grid_as_shown_saves_back_unchanged(client, financien, jaar):
    """Saved lines are drawn from their values, not from forms: sending the page back as it is
    must read every cell as it was stored (names, ids, Dutch amounts, the area kept)."""
    Begrotingspost.objects.create(
        jaar=jaar,
        gebied=None,
        naam='"><script>x</script>',
        taakveld="0.1",
        primitieve_begroting=D("1234.5"),
        begroting_na_wijziging=D("-7.25"),
        realisatie=D("1000000"),
        bestedingstermijn=3,
    )
    voor = list(jaar.posten.order_by("pk").values())
    client.force_login(financien)
    url = reverse("begroting:grid", args=[2021])
    pagina = client.get(url).content.decode()
    assert 'value="1.234,50"' in pagina and 'value="1.000.000,00"' in pagina
    assert 'value="−7,25"' in pagina
    response = client.post(url, ingevuld(pagina))
    assert response.status_code == 302, tekst(response)
    assert list(jaar.posten.order_by("pk").values()) == voor


def test_grid_after_errors_shows_what_was_typed_with_the_error_at_the_cell(jaar):
    formset = posten_formset(jaar, grid_data(jaar, **{"post-0-realisatie": "twaalf"}))
    assert not formset.is_valid()
    regel = formset.regels[0]
    realisatie = regel.realisatie
    assert realisatie.waarde == "twaalf"
    assert realisatie.fouten == ("„twaalf” is geen bedrag; schrijf bijvoorbeeld 1.234,56.",)
    assert regel.fouten == [(realisatie.id, "Realisatie", realisatie.fouten[0])]
    assert regel.titel == "Wijkbudget (Binnenstad)"


def test_showing_the_grid_builds_no_form_per_line(client, financien, jaar):
    """Like a pinned query count: building a form per line was two thirds of the grid's time
    at scale, and a template's `formset.errors` silently did so."""
    client.force_login(financien)
    response = client.get(reverse("begroting:grid", args=[2021]))
    formset = response.context["formset"]
    assert "forms" not in formset.__dict__  # the cached list of forms was never built
    assert 'value="20.000,00"' in response.content.decode()
