import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from gebieden.constants import FocuspuntStatus, GebiedSoort, PlatformSoort, Rol, VisieSoort
from gebieden.models import (
    Focuspunt,
    FocuspuntUpdate,
    Gebied,
    Partner,
    Persoon,
    Platform,
    Thema,
    Toewijzing,
    Visie,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    password = factory.django.Password("geheim-wachtwoord")

    @factory.post_generation
    def groepen(self, create, extracted, **kwargs):
        for naam in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=naam)[0])


class ThemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Thema {n}")


class GebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebied

    naam = factory.Sequence(lambda n: f"Wijk {n}")
    soort = GebiedSoort.WIJK


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    naam = factory.Sequence(lambda n: f"Partner {n}")
    soort = "welzijn"


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    naam = factory.Sequence(lambda n: f"Persoon {n}")


class ToewijzingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Toewijzing

    persoon = factory.SubFactory(PersoonFactory)
    gebied = factory.SubFactory(GebiedFactory)
    rol = Rol.WIJKAMBTENAAR
    geldig_van = datetime.date(2019, 1, 1)


class PlatformFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Platform

    gebied = factory.SubFactory(GebiedFactory)
    naam = factory.Sequence(lambda n: f"Wijkplatform {n}")
    soort = PlatformSoort.WIJKPLATFORM


class VisieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visie

    gebied = factory.SubFactory(GebiedFactory)
    soort = VisieSoort.WIJKVISIE
    titel = factory.Sequence(lambda n: f"Wijkvisie {n}")
    status = "vastgesteld"
    vastgesteld_op = datetime.date(2019, 3, 1)


class FocuspuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Focuspunt

    gebied = factory.SubFactory(GebiedFactory)
    titel = factory.Sequence(lambda n: f"Focuspunt {n}")
    startjaar = 2020
    status = FocuspuntStatus.LOOPT


class FocuspuntUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocuspuntUpdate

    focuspunt = factory.SubFactory(FocuspuntFactory)
    datum = datetime.date(2020, 3, 1)
    status = FocuspuntStatus.LOOPT


class RegelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "initiatieven.Regeling"

    naam = factory.Sequence(lambda n: f"Wijkbudget {n}")
    maximum_per_aanvraag = Decimal("2500.00")
    jaarbudget = Decimal("10000.00")


class InitiatiefFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "initiatieven.Initiatief"

    titel = factory.Sequence(lambda n: f"Initiatief {n}")
    gebied = factory.SubFactory(GebiedFactory)
    status = "aangemeld"


class AanvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "initiatieven.Aanvraag"

    initiatief = factory.SubFactory(InitiatiefFactory)
    regeling = factory.SubFactory(RegelingFactory)
    bedrag_gevraagd = Decimal("1000.00")
    ontvangen_op = datetime.date(2020, 3, 1)
