"""The municipality's own colours: entered on the settings screen, refused when text would not be
readable, and served as design tokens that every page links (kern/huisstijl.py)."""

import pytest

from gebieden.inrichtformulieren import GemeenteForm
from gebieden.models import Gemeente
from kern.huisstijl import Huisstijl, contrast
from tests.gebieden.test_gemeente import URL, gegevens, tekst

pytestmark = pytest.mark.django_db


def test_contrast_ratio_follows_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey
    assert contrast("#777777", "#ffffff") < 4.5  # that passes, and the next that does not


@pytest.mark.parametrize(
    ("kleur", "melding"),
    [
        ("#ffcc00", "1,5:1 met wit"),
        ("#777777", "4,4:1 met wit"),
        ("#3d8eff", "3,2:1 met wit"),
        ("#767676", "4,2:1 met de lichte tint"),  # passes on white, not on its hover tint
    ],
)
def test_a_colour_too_light_for_text_is_refused_with_the_measured_contrast(kleur, melding):
    form = GemeenteForm(data=gegevens(hoofdkleur=kleur), instance=Gemeente())
    assert not form.is_valid()
    fout = str(form.errors["hoofdkleur"])
    assert melding in fout and "minstens 4,5:1" in fout


def test_a_link_colour_is_checked_too_and_nonsense_is_refused():
    form = GemeenteForm(data=gegevens(linkkleur="#bbbbbb"), instance=Gemeente())
    assert "te weinig contrast" in str(form.errors["linkkleur"])
    form = GemeenteForm(data=gegevens(hoofdkleur="rood"), instance=Gemeente())
    assert "zes tekens" in str(form.errors["hoofdkleur"])


def test_the_colour_may_be_typed_without_hash_and_in_capitals():
    form = GemeenteForm(data=gegevens(hoofdkleur="00689E"), instance=Gemeente())
    assert form.is_valid(), form.errors
    assert form.cleaned_data["hoofdkleur"] == "#00689e"


def test_every_shade_made_from_an_accepted_colour_stays_readable():
    tokens = Huisstijl("#00689e").tokens()
    for naam, waarde in tokens.items():
        rol = naam.rsplit("-1-", 1)[-1].rsplit("-2-", 1)[-1]  # color-hover, inverse-bg-default …
        if not rol.startswith("bg-"):
            assert contrast(waarde, "#ffffff") >= 4.5, naam
        else:  # the light tints behind dark text
            assert contrast(waarde, "#1a1a1a") >= 4.5, naam


def test_without_colours_no_page_links_a_stylesheet_of_its_own(client, coordinator):
    client.force_login(coordinator)
    assert "huisstijl.css" not in client.get("/gebieden/").content.decode()


def test_saved_colours_reach_every_page_as_design_tokens(client, coordinator):
    client.force_login(coordinator)
    opgeslagen = client.post(URL, gegevens(hoofdkleur="#00689e", linkkleur="#01689b"))
    assert opgeslagen.status_code == 302
    pagina = client.get("/gebieden/").content.decode()
    assert '/gemeente/huisstijl.css?v=00689e01689b"' in pagina
    client.logout()  # the published paragraph is read by others too
    css = client.get("/gemeente/huisstijl.css")
    assert css["Content-Type"].startswith("text/css")
    inhoud = css.content.decode()
    assert "--basis-color-accent-1-inverse-bg-default: #00689e;" in inhoud
    assert "--basis-color-action-2-color-default: #01689b;" in inhoud
    assert "&" not in inhoud and "<" not in inhoud


def test_a_refused_colour_keeps_what_was_typed_and_says_why(client, coordinator):
    client.force_login(coordinator)
    response = client.post(URL, gegevens(naam="Gemeente Oudewater", hoofdkleur="#ffcc00"))
    assert response.status_code == 200
    pagina = tekst(response)
    assert "te weinig contrast: 1,5:1 met wit" in pagina
    assert 'value="Gemeente Oudewater"' in response.content.decode()
    assert not Gemeente.objects.exists()


def test_a_value_that_is_no_colour_never_reaches_the_stylesheet():
    """Saved past the form (a shell, a restored backup): still nothing but #rrggbb is written."""
    assert (
        Huisstijl("red;}body{display:none", "#00689e").tokens() == Huisstijl("", "#00689e").tokens()
    )
    assert Huisstijl("#00689e", "x}").tokens()["--basis-color-action-2-color-default"] == "#00689e"
