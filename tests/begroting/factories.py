"""Factories for the begroting app: budget years and their lines."""

from decimal import Decimal

import factory

from begroting.models import Begrotingsjaar, Begrotingspost


class BegrotingsjaarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Begrotingsjaar
        django_get_or_create = ["jaar"]

    jaar = 2021


class BegrotingspostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Begrotingspost

    jaar = factory.SubFactory(BegrotingsjaarFactory)
    gebied = None
    naam = factory.Sequence(lambda n: f"Post {n}")
    primitieve_begroting = Decimal("0.00")
    begroting_na_wijziging = Decimal("0.00")
    realisatie = Decimal("0.00")
