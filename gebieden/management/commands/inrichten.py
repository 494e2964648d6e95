"""`manage.py inrichten`: set up a new installation for its municipality: the municipality's
name and CBS code, and its first coordinator with a login account and an invitation link."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from gebieden.accounts import maak_account, uitnodigingslink
from gebieden.models import Gemeente, Persoon
from gebieden.models.gemeente import ENIGE_PK, valideer_gemeentecode
from gebieden.tasks import verstuur_uitnodiging
from kern.rollen import Groep


def _gemeentecode(waarde: str) -> str:
    waarde = (waarde or "").strip().upper()
    valideer_gemeentecode(waarde)
    return waarde


def _email(waarde: str) -> str:
    waarde = (waarde or "").strip()
    validate_email(waarde)
    return waarde


def _adres(waarde: str) -> str:
    waarde = (waarde or "").strip().rstrip("/")
    URLValidator(schemes=["http", "https"])(waarde)
    return waarde


def _niet_leeg(waarde: str) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        raise ValidationError("Vul dit in.")
    return waarde


def _gebruikersnaam(email: str) -> str:
    basis = email.partition("@")[0][:140] or "coordinator"
    naam, volgnummer = basis, 1
    gebruikers = get_user_model().objects
    while gebruikers.filter(username__iexact=naam).exists():
        volgnummer += 1
        naam = f"{basis}{volgnummer}"
    return naam


class Command(BaseCommand):
    help = (
        "Richt deze installatie in voor een gemeente: naam en CBS-code, en de eerste "
        "coördinator met een inlogaccount en een uitnodigingslink."
    )

    def add_arguments(self, parser):
        parser.add_argument("--naam", help="Naam van de gemeente, bijvoorbeeld Gemeente Woerden.")
        parser.add_argument("--cbs-code", dest="cbs_code", help="Bijvoorbeeld GM0632.")
        parser.add_argument("--coordinator-naam", dest="coordinator_naam")
        parser.add_argument("--coordinator-email", dest="coordinator_email")
        parser.add_argument(
            "--adres",
            help="Het adres van deze installatie, voor de link in de uitnodiging, bijvoorbeeld "
            "https://gebiedsgericht.gemeente.nl.",
        )
        parser.add_argument(
            "--opnieuw",
            action="store_true",
            help="Ook als de gemeente al is ingericht: naam en code bijwerken, coördinator "
            "toevoegen als die nieuw is.",
        )

    def vraag(self, opties: dict, sleutel: str, vraag: str, controle):
        """The option's value, or asked for until it is valid; an invalid option stops."""
        if opties.get(sleutel):
            try:
                return controle(opties[sleutel])
            except ValidationError as fout:
                raise CommandError(f"{vraag}: {' '.join(fout.messages)}") from fout
        while True:
            try:
                return controle(input(f"{vraag}: "))
            except ValidationError as fout:
                self.stderr.write(" ".join(fout.messages))
            except EOFError as fout:
                raise CommandError(f"Geen antwoord op: {vraag}") from fout

    def handle(self, *args, **opties):
        if Gemeente.objects.filter(pk=ENIGE_PK).exists() and not opties["opnieuw"]:
            raise CommandError(
                "Deze installatie is al ingericht voor een gemeente. Wijzig de instellingen op "
                "/beheer/gemeente/, of gebruik --opnieuw om naam en code bij te werken en een "
                "coördinator toe te voegen."
            )
        naam = self.vraag(opties, "naam", "Naam van de gemeente", _niet_leeg)
        code = self.vraag(opties, "cbs_code", "CBS-code van de gemeente (GMxxxx)", _gemeentecode)
        persoon_naam = self.vraag(opties, "coordinator_naam", "Naam coördinator", _niet_leeg)
        email = self.vraag(opties, "coordinator_email", "E-mailadres coördinator", _email)
        adres = self.vraag(opties, "adres", "Adres van deze installatie (https://…)", _adres)
        per_mail = bool(os.environ.get("EMAIL_URL"))

        with transaction.atomic():
            for groep in Groep:  # the roles (made by a migration; again if they were lost)
                Group.objects.get_or_create(name=groep)
            gemeente = Gemeente.objects.select_for_update().filter(pk=ENIGE_PK).first()
            if gemeente is None:
                gemeente = Gemeente(naam=naam, cbs_code=code)
            else:
                gemeente.naam, gemeente.cbs_code = naam, code
                gemeente.versie += 1  # an open settings form must not overwrite this
            gemeente.save()
            gebruiker, nieuw = self.coordinator(persoon_naam, email)
            if nieuw:  # also without EMAIL_URL: the console in development, the local MTA
                transaction.on_commit(
                    lambda: verstuur_uitnodiging.enqueue(gebruiker.pk, email, adres)
                )
        self.stdout.write(f"{naam} ({code}) is ingericht.")
        if not nieuw:
            self.stdout.write(
                f"{email} heeft al een account ({gebruiker.get_username()}) en is coördinator."
            )
            return
        self.stdout.write(
            f"Account '{gebruiker.get_username()}' aangemaakt voor {persoon_naam} (coördinator)."
        )
        if per_mail:
            self.stdout.write(f"De uitnodiging gaat per e-mail naar {email}.")
        else:
            self.stdout.write(
                "Er is geen e-mail ingesteld (EMAIL_URL). Geef de coördinator deze link om een "
                "wachtwoord te kiezen:"
            )
            self.stdout.write(uitnodigingslink(gebruiker=gebruiker, basis_url=adres))

    def coordinator(self, naam: str, email: str):
        """The coordinator's account, and whether it is new. An existing person with this
        e-mail address and an account gets the role; otherwise an account is made."""
        persoon = Persoon.objects.filter(email__iexact=email).order_by("pk").first()
        if persoon is not None and persoon.gebruiker_id is not None:
            gebruiker = persoon.gebruiker
            gebruiker.groups.add(*Group.objects.filter(name=Groep.COORDINATOR))
            return gebruiker, False
        if persoon is None:
            persoon = Persoon.objects.create(naam=naam, email=email)
        gebruiker = maak_account(
            persoon=persoon, gebruikersnaam=_gebruikersnaam(email), rollen=[Groep.COORDINATOR]
        )
        return gebruiker, True
