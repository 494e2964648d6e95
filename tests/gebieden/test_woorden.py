"""The municipality's own words (gebieden.models.woorden), set on the settings screen: every
screen, signal and report uses them; the defaults are the standard words, compounds whole."""

import datetime

import pytest

from gebieden.constants import GebiedSoort, PlatformSoort, Rol, VisieSoort
from gebieden.models import Gemeente
from gebieden.models.woorden import platformwoord, visiewoord, woord
from rapportage.samenstellen import samenstellen
from tests.gebieden.factories import GebiedFactory, PersoonFactory, ToewijzingFactory
from tests.gebieden.test_gemeente import gegevens
from tests.rapportage.factories import ParagraafFactory

pytestmark = pytest.mark.django_db

URL = "/beheer/gemeente/"


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def formulier(**anders) -> dict:
    """The settings form as a coordinator sends it, unchanged apart from `anders`."""
    return gegevens(**{"naam": "Gemeente Lopik", "cbs_code": "GM0331", **anders})


KERN = {
    "woord_soort_dorp": "kern",
    "woord_meervoud_dorp": "kernen",
    "woord_rol_dorpsambtenaar": "kernambtenaar",
    "woord_platform_dorpsplatform": "kernraad",
    "woord_visie_dorpsvisie": "kernagenda",
}


def test_the_defaults_are_the_standard_words_with_compounds_written_whole():
    assert woord("soort", GebiedSoort.DORP) == "dorp"
    assert woord("meervoud", GebiedSoort.DORP) == "dorpen"
    assert woord("rol", Rol.DORPSAMBTENAAR) == "dorpsambtenaar"
    assert platformwoord(GebiedSoort.DORP) == "dorpsplatform"  # not "dorpplatform"
    assert visiewoord(GebiedSoort.DORP) == "dorpsvisie"
    assert platformwoord(GebiedSoort.WIJK) == "wijkplatform"
    assert platformwoord(GebiedSoort.GEBIED) == "platform"


def test_a_paragraph_with_default_words_writes_dorpsplatform_not_dorpplatform():
    GebiedFactory(naam="Zegveld", soort=GebiedSoort.DORP)
    deel = samenstellen(ParagraafFactory(jaar=2020)).gebieden[0]
    assert list(deel.omgeving) == ["Geen dorpsplatform en geen dorpsvisie."]


def test_the_coordinator_sets_the_words_and_every_place_speaks_them(client, coordinator):
    kamerik = GebiedFactory(naam="Kamerik", soort=GebiedSoort.DORP)
    client.force_login(coordinator)
    antwoord = client.post(URL, formulier(**KERN), follow=True)
    assert "De gemeente-instellingen zijn opgeslagen." in tekst(antwoord)
    gemeente = Gemeente.objects.get()
    assert gemeente.woorden == {
        "soort": {"dorp": "kern"},
        "meervoud": {"dorp": "kernen"},
        "rol": {"dorpsambtenaar": "kernambtenaar"},
        "platform": {"dorpsplatform": "kernraad"},
        "visie": {"dorpsvisie": "kernagenda"},
    }  # only what differs from the standard words

    pagina = tekst(client.get(kamerik.get_absolute_url()))
    assert "Kern" in pagina and "Geen kernambtenaar." in pagina  # the area page and its signal
    assert '<option value="dorp">kern</option>' in client.get("/gebieden/nieuw/").content.decode()
    assert kamerik.get_soort_display() == "kern"

    deel = samenstellen(ParagraafFactory(jaar=datetime.date.today().year)).gebieden[0]
    assert deel.soort == "kern"
    assert list(deel.omgeving) == ["Geen kernraad en geen kernagenda."]
    assert list(deel.mensen) == ["Geen kernambtenaar."]


def test_words_of_roles_platforms_and_visions_reach_the_choices_on_every_form():
    gemeente = Gemeente.objects.create(
        woorden={
            "rol": {"wijkcoordinator": "gebiedsregisseur"},
            "platform": {"dorpsraad": "kernraad"},
            "visie": {"wijkagenda": "wijkplan"},
        }
    )
    assert gemeente.pk == 1
    toewijzing = ToewijzingFactory(rol=Rol.WIJKCOORDINATOR, persoon=PersoonFactory())
    assert toewijzing.get_rol_display() == "gebiedsregisseur"
    from gebieden.forms import PlatformForm, ToewijzingForm, VisieForm

    assert ("dorpsraad", "kernraad") in list(PlatformForm().fields["soort"].choices)
    assert ("wijkagenda", "wijkplan") in list(VisieForm().fields["soort"].choices)
    rollen = ToewijzingForm(gebied=GebiedFactory()).fields["rol"].choices
    assert ("wijkcoordinator", "gebiedsregisseur") in list(rollen)
    assert PlatformSoort.WIJKPLATFORM in dict(PlatformForm().fields["soort"].choices)
    assert VisieSoort.WIJKVISIE in dict(VisieForm().fields["soort"].choices)


def test_an_empty_word_is_the_standard_word_and_is_not_stored(client, coordinator):
    client.force_login(coordinator)
    client.post(URL, formulier(woord_soort_dorp="  ", woord_rol_wijkambtenaar="wijkambtenaar"))
    assert Gemeente.objects.get().woorden == {}


def test_two_kinds_with_one_word_are_refused_in_dutch_and_nothing_is_saved(client, coordinator):
    client.force_login(coordinator)
    antwoord = client.post(URL, formulier(woord_soort_dorp="Wijk"))
    assert antwoord.status_code == 200 and not Gemeente.objects.exists()
    assert "„Wijk” staat ook bij „wijk”; kies een ander woord." in tekst(antwoord)


def test_a_word_change_is_in_the_history_with_who_made_it(client, coordinator):
    client.force_login(coordinator)
    client.post(URL, formulier())
    client.post(URL, formulier(woord_soort_dorp="kern", versie=1))
    gemeente = Gemeente.objects.get()
    assert gemeente.woorden == {"soort": {"dorp": "kern"}}
    assert gemeente.history.first().history_user == coordinator
    assert "kern" in tekst(client.get(URL)).split("Wijzigingen")[-1]


def test_the_words_are_read_once_per_request_however_many_are_shown(
    client, coordinator, django_assert_max_num_queries
):
    Gemeente.objects.create(woorden={"soort": {"wijk": "buurtschap"}})
    for nummer in range(30):
        GebiedFactory(naam=f"Wijk {nummer}", soort=GebiedSoort.WIJK)
    client.force_login(coordinator)
    client.get("/gebieden/")  # the settings now in the shared cache
    with django_assert_max_num_queries(8):
        pagina = tekst(client.get("/gebieden/"))
    assert pagina.count("buurtschap") == 31  # each area, and the kind filter's choice


def test_an_area_whose_vision_is_not_adopted_says_so_with_the_word_for_its_vision():
    from tests.gebieden.factories import VisieFactory

    wijk = GebiedFactory(naam="Molenvliet", soort=GebiedSoort.WIJK)
    VisieFactory(gebied=wijk, titel="Samen verder", status="in_voorbereiding", soort="wijkagenda")
    Gemeente.objects.create(woorden={"platform": {"wijkplatform": "MFA-raad"}})
    zinnen = samenstellen(ParagraafFactory(jaar=datetime.date.today().year)).gebieden[0]
    assert zinnen.omgeving[-1] == "Er is geen vastgestelde wijkvisie."
    assert zinnen.omgeving[0] == "Geen MFA-raad."  # the word as written, not "Mfa-raad"
