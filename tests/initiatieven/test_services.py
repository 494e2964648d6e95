import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from initiatieven import services
from initiatieven.models import Aanvraag, Initiatief, Initiatiefnemer
from initiatieven.overzicht import cijfers_per_gebied
from initiatieven.waarschuwingen import aanvraag_waarschuwingen, aanvragen_met_waarschuwing
from kern.versie import GelijktijdigGewijzigd
from tests.gebieden.factories import GebiedFactory, PersoonFactory
from tests.initiatieven.factories import AanvraagFactory, RegelingFactory

d, D = datetime.date, Decimal
pytestmark = pytest.mark.django_db


@pytest.fixture
def speeltuin():
    return services.registreer(
        gebied=GebiedFactory(naam="Zegveld"),
        titel="Speeltuin",
        status="aangemeld",
        datum=d(2020, 2, 1),
        door=None,
        deelnemers=40,
        doelgroepen=["jongeren", "gezinnen"],
        hulpvormen=["procesbegeleiding"],
        initiatiefnemers=[("Els", "els@example.nl")],
    )


def beslis(aanvraag, besluit="toegekend", bedrag="1000", **extra):
    return services.beslis(
        aanvraag=aanvraag,
        besluit=besluit,
        bedrag=None if bedrag is None else D(bedrag),
        datum=d(2020, 4, 1),
        reden="Past in de regeling",
        versie=aanvraag.versie,
        **extra,
    )


def verantwoord(aanvraag, bedrag, ontvangen_op=None):
    return services.verantwoord(
        aanvraag=aanvraag,
        ontvangen_op=ontvangen_op or d(2021, 1, 5),
        bedrag_vastgesteld=D(bedrag),
        opmerkingen="",
        versie=aanvraag.versie,
    )


def test_registration_keeps_dated_status_transitions(speeltuin):
    services.wijzig_status(initiatief=speeltuin, status="lopend", datum=d(2020, 5, 1), door=None)
    services.wijzig_status(initiatief=speeltuin, status="idee", datum=d(2020, 1, 1), door=None)
    speeltuin.refresh_from_db()
    assert speeltuin.status == "lopend"  # the backdated "idee" does not win
    assert [o.status for o in speeltuin.overgangen.all()] == ["idee", "aangemeld", "lopend"]


def test_grant_above_the_schemes_maximum_is_refused(speeltuin):
    aanvraag = AanvraagFactory(initiatief=speeltuin, bedrag_gevraagd=D("3000"))
    with pytest.raises(ValidationError) as fout:
        beslis(aanvraag, bedrag="3000")
    assert "meer dan het maximum van € 2.500,00" in str(fout.value)


def test_grant_above_the_request_needs_an_explicit_choice(speeltuin):
    aanvraag = AanvraagFactory(initiatief=speeltuin, bedrag_gevraagd=D("800"))
    with pytest.raises(ValidationError, match="meer dan gevraagd"):
        beslis(aanvraag, bedrag="1000")
    beslis(aanvraag, bedrag="1000", meer_dan_gevraagd=True)
    assert aanvraag.bedrag_toegekend == D("1000")


def test_partial_grant_must_be_less_and_refusal_has_no_amount(speeltuin):
    aanvraag = AanvraagFactory(initiatief=speeltuin)
    with pytest.raises(ValidationError, match="Deels toegekend is minder dan gevraagd"):
        beslis(aanvraag, besluit="deels_toegekend", bedrag="1000")
    with pytest.raises(ValidationError, match="geen bedrag"):
        beslis(aanvraag, besluit="afgewezen", bedrag="10")
    beslis(aanvraag, besluit="afgewezen", bedrag=None)
    assert aanvraag.bedrag_toegekend == D("0") and aanvraag.verantwoording_uiterlijk is None


def test_exceeding_the_yearly_budget_is_warned_before_deciding(speeltuin):
    regeling = RegelingFactory(jaarbudget=D("1500"))
    beslis(AanvraagFactory(initiatief=speeltuin, regeling=regeling))
    tweede = AanvraagFactory(initiatief=speeltuin, regeling=regeling)
    with pytest.raises(services.BudgetWaarschuwing) as waarschuwing:
        beslis(tweede)
    assert "op € 2.000,00, boven het jaarbudget van € 1.500,00" in str(waarschuwing.value)
    assert tweede.besluit == ""
    beslis(tweede, budget_bevestigd=True)
    assert tweede.besluit == "toegekend"


def test_second_decision_on_an_old_version_is_refused(speeltuin):
    aanvraag = AanvraagFactory(initiatief=speeltuin)
    oud = aanvraag.versie
    beslis(aanvraag)
    aanvraag.versie = oud
    with pytest.raises(GelijktijdigGewijzigd):
        beslis(aanvraag, besluit="afgewezen", bedrag=None)


def test_accountability_cannot_settle_more_than_granted(speeltuin):
    aanvraag = beslis(AanvraagFactory(initiatief=speeltuin))
    with pytest.raises(ValidationError, match="niet hoger zijn dan het toegekende bedrag"):
        verantwoord(aanvraag, "1200")
    verantwoord(aanvraag, "950")
    assert aanvraag.uitgegeven == D("950")


def test_warnings_for_late_decisions_and_overdue_accountability(speeltuin):
    open_aanvraag = AanvraagFactory(initiatief=speeltuin, ontvangen_op=d(2020, 3, 1))
    toegekend = beslis(AanvraagFactory(initiatief=speeltuin))
    assert aanvraag_waarschuwingen([open_aanvraag, toegekend], d(2020, 4, 26)) == []
    soorten = [w.soort for w in aanvraag_waarschuwingen([open_aanvraag, toegekend], d(2020, 4, 27))]
    assert soorten == ["besluit_te_laat"]
    laat = aanvraag_waarschuwingen(
        [toegekend], toegekend.verantwoording_uiterlijk + datetime.timedelta(days=1)
    )
    assert [w.soort for w in laat] == ["verantwoording_te_laat"]
    assert "had er op" in laat[0].tekst


def test_the_database_picks_exactly_the_applications_that_get_a_warning(speeltuin):
    for dag in (1, 2, 3):
        AanvraagFactory(initiatief=speeltuin, ontvangen_op=d(2020, 3, dag))
    toegekend = beslis(AanvraagFactory(initiatief=speeltuin))
    deels = beslis(AanvraagFactory(initiatief=speeltuin), besluit="deels_toegekend", bedrag="500")
    beslis(AanvraagFactory(initiatief=speeltuin), besluit="afgewezen", bedrag=None)
    verantwoord(beslis(AanvraagFactory(initiatief=speeltuin)), "900", d(2020, 5, 1))
    uiterlijk = toegekend.verantwoording_uiterlijk
    assert deels.verantwoording_uiterlijk == uiterlijk
    dagen = [d(2020, 4, 26), d(2020, 4, 27), d(2020, 4, 28), d(2020, 4, 29)]
    dagen += [uiterlijk, uiterlijk + datetime.timedelta(days=1), d(2030, 1, 1)]
    for vandaag in dagen:
        volgens_python = {
            w.aanvraag.pk for w in aanvraag_waarschuwingen(Aanvraag.objects.all(), vandaag)
        }
        volgens_database = set(aanvragen_met_waarschuwing(vandaag).values_list("pk", flat=True))
        assert volgens_database == volgens_python, vandaag
    assert len(volgens_database) == 5  # by 2030: three undecided, two granted without accounting


def test_figures_per_area_and_year_for_the_annual_paragraph(speeltuin):
    beslis(
        AanvraagFactory(initiatief=speeltuin, bedrag_gevraagd=D("1200")),
        bedrag="1000",
        besluit="deels_toegekend",
    )
    AanvraagFactory(initiatief=speeltuin, bedrag_gevraagd=D("300"))
    (zegveld,) = cijfers_per_gebied(2020)
    assert (zegveld.initiatieven, zegveld.aanvragen) == (1, 2)
    assert (zegveld.gevraagd, zegveld.toegekend, zegveld.vastgesteld) == (
        D("1500"),
        D("1000"),
        D("0"),
    )
    assert zegveld.deelnemers == 40
    assert zegveld.doelgroepen == {"jongeren": 1, "gezinnen met kinderen": 1}
    assert cijfers_per_gebied(2021) == []


def test_retention_erases_contact_data_of_long_closed_initiatives(speeltuin, capsys):
    services.wijzig_status(initiatief=speeltuin, status="afgerond", datum=d(2020, 6, 1), door=None)
    call_command("wis_contactgegevens", "--jaren", "100")
    assert Initiatiefnemer.objects.get().contact == "els@example.nl"
    call_command("wis_contactgegevens", "--jaren", "2")
    nemer = Initiatiefnemer.objects.get()
    assert nemer.contact == "" and nemer.naam == "Els" and nemer.contact_gewist_op is not None
    assert "Contactgegevens gewist van 1 initiatiefnemer(s)." in capsys.readouterr().out
    assert not any(hasattr(h, "contact") for h in nemer.history.all())


def wijzig(initiatief, versie, **velden):
    return services.wijzig_initiatief(
        initiatief=initiatief,
        versie=versie,
        **{"titel": initiatief.titel, "gebied": initiatief.gebied, **velden},
    )


def opgeslagen(initiatief):
    """What the initiative's page would show after a reload."""
    i = Initiatief.objects.get(pk=initiatief.pk)
    return {
        "titel": i.titel,
        "deelnemers": i.deelnemers,
        "versie": i.versie,
        "begeleiders": sorted(p.naam for p in i.begeleiders.all()),
        "doelgroepen": sorted(d.doelgroep for d in i.doelgroepen.all()),
        "hulp": sorted(h.hulpvorm for h in i.hulp.all()),
    }


def test_editing_an_initiative_on_an_old_version_changes_nothing(speeltuin):
    geopend = speeltuin.versie
    wijzig(speeltuin, geopend, titel="Speeltuin Zegveld", deelnemers=40, doelgroepen=["jongeren"])
    voor = opgeslagen(speeltuin)
    oud = Initiatief.objects.get(pk=speeltuin.pk)
    oud.versie = geopend
    with pytest.raises(GelijktijdigGewijzigd) as conflict:
        wijzig(oud, geopend, titel="Speelplein", deelnemers=60, doelgroepen=["ouderen"])
    assert conflict.value.huidig.titel == "Speeltuin Zegveld"
    assert opgeslagen(speeltuin) == voor


def test_editing_an_initiative_is_all_or_nothing(speeltuin, monkeypatch):
    voor = opgeslagen(speeltuin)

    def kapot(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(services, "zet_kenmerken", kapot)
    with pytest.raises(RuntimeError):
        wijzig(
            speeltuin,
            speeltuin.versie,
            titel="Speelplein",
            deelnemers=60,
            begeleiders=[PersoonFactory(naam="Sanne")],
            doelgroepen=["ouderen"],
        )
    assert opgeslagen(speeltuin) == voor


def test_editing_an_initiative_keeps_its_status(speeltuin):
    services.wijzig_status(initiatief=speeltuin, status="lopend", datum=d(2020, 5, 1), door=None)
    oud = Initiatief.objects.get(pk=speeltuin.pk)
    oud.status = "aangemeld"  # read before the status changed
    wijzig(oud, oud.versie, titel="Speelplein")
    assert Initiatief.objects.values_list("titel", "status").get() == ("Speelplein", "lopend")


def test_an_application_waits_for_a_decision_and_counts_in_the_figures(speeltuin):
    aanvraag = services.vraag_aan(
        initiatief=speeltuin,
        regeling=RegelingFactory(naam="Wijkbudget"),
        bedrag_gevraagd=D("750"),
        ontvangen_op=d(2020, 3, 1),
    )
    assert Aanvraag.objects.get() == aanvraag
    assert (aanvraag.besluit, aanvraag.bedrag_toegekend) == ("", None)
    (zegveld,) = cijfers_per_gebied(2020)
    assert (zegveld.aanvragen, zegveld.gevraagd, zegveld.toegekend) == (1, D("750"), D("0"))
    assert [w.soort for w in aanvraag_waarschuwingen([aanvraag], d(2020, 6, 1))] == [
        "besluit_te_laat"
    ]


def sluit(initiatief, datum, status="afgerond"):
    services.wijzig_status(initiatief=initiatief, status=status, datum=datum, door=None)


def contact(initiatief):
    return Initiatiefnemer.objects.get(initiatief=initiatief).contact


def test_retention_erases_contact_data_only_after_the_term(speeltuin):
    sluit(speeltuin, d(2020, 6, 1))
    assert services.wis_contactgegevens(vandaag=d(2022, 6, 1), jaren=2) == 0
    assert contact(speeltuin) == "els@example.nl"
    assert services.wis_contactgegevens(vandaag=d(2022, 6, 2), jaren=2) == 1
    nemer = Initiatiefnemer.objects.get()
    assert (nemer.naam, nemer.contact, nemer.contact_gewist_op) == ("Els", "", d(2022, 6, 2))
    assert services.wis_contactgegevens(vandaag=d(2022, 6, 3), jaren=2) == 0  # already erased


def test_retention_keeps_contact_data_of_initiatives_picked_up_again(speeltuin):
    sluit(speeltuin, d(2020, 3, 1), status="gestopt")
    sluit(speeltuin, d(2020, 4, 1), status="lopend")
    assert services.wis_contactgegevens(vandaag=d(2030, 1, 1), jaren=2) == 0
    assert contact(speeltuin) == "els@example.nl"


def test_retention_counts_from_the_last_status_change(speeltuin):
    sluit(speeltuin, d(2020, 3, 1), status="gestopt")
    sluit(speeltuin, d(2020, 4, 1), status="lopend")
    sluit(speeltuin, d(2021, 3, 1))  # closed again later: the term starts then
    assert services.wis_contactgegevens(vandaag=d(2022, 6, 1), jaren=2) == 0
    assert services.wis_contactgegevens(vandaag=d(2023, 3, 2), jaren=2) == 1


def test_retention_on_the_29th_of_february_counts_from_the_28th(speeltuin):
    moestuin = services.registreer(
        gebied=speeltuin.gebied,
        titel="Moestuin",
        status="aangemeld",
        datum=d(2020, 2, 1),
        door=None,
        initiatiefnemers=[("Jan", "jan@example.nl")],
    )
    sluit(speeltuin, d(2023, 2, 28))
    sluit(moestuin, d(2023, 2, 27))
    assert services.wis_contactgegevens(vandaag=d(2024, 2, 29), jaren=1) == 1
    assert (contact(speeltuin), contact(moestuin)) == ("els@example.nl", "")
