"""Factories for the initiatieven app: schemes, initiatives and subsidy applications."""

import datetime
from decimal import Decimal

import factory

from tests.gebieden.factories import GebiedFactory


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
