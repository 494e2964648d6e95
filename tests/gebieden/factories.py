"""Factories for the gebieden app: areas, people and their assignments, platforms, visions,
partners, themes and focus points."""

import datetime

import factory

from gebieden.constants import FocuspuntStatus, GebiedSoort, PlatformSoort, Rol, VisieSoort
from gebieden.models import (
    Doel,
    Doeloordeel,
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


class DoelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doel

    visie = factory.SubFactory(VisieFactory)
    titel = factory.Sequence(lambda n: f"Doel {n}")
    van_jaar = 2019


class DoeloordeelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doeloordeel

    doel = factory.SubFactory(DoelFactory)
    jaar = 2020
    oordeel = "op_koers"
