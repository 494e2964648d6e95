import os

import pytest
from hypothesis import settings as hypothesis_settings

from kern.rollen import Groep
from rapportage.bewaarde_pagina import vergeet_alles
from tests.gebieden.factories import GebiedFactory, PersoonFactory, ToewijzingFactory
from tests.kern.factories import UserFactory

# CI runs the property-based tests with a fixed seed, so a run can be repeated exactly;
# locally they explore new examples every time.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _geen_bewaarde_paginas():
    """Each test's database is rolled back, so a page kept by one test must not be served in
    the next (ids and years repeat)."""
    vergeet_alles()


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coordinator", groepen=[Groep.COORDINATOR])


@pytest.fixture
def financien(db):
    return UserFactory(username="financien", groepen=[Groep.FINANCIEN])


@pytest.fixture
def raadslid(db):
    return UserFactory(username="raadslid", groepen=[Groep.RAADSLID])


@pytest.fixture
def gebied_a(db):
    return GebiedFactory(naam="Schilderskwartier")


@pytest.fixture
def gebied_b(db):
    return GebiedFactory(naam="Molenvliet")


@pytest.fixture
def wijkambtenaar_a(gebied_a):
    """A wijkambtenaar assigned (today) to area A only."""
    user = UserFactory(username="wijkambtenaar_a", groepen=[Groep.WIJKAMBTENAAR])
    ToewijzingFactory(persoon=PersoonFactory(gebruiker=user), gebied=gebied_a)
    return user


@pytest.fixture
def wijkambtenaar_b(gebied_b):
    user = UserFactory(username="wijkambtenaar_b", groepen=[Groep.WIJKAMBTENAAR])
    ToewijzingFactory(persoon=PersoonFactory(gebruiker=user), gebied=gebied_b)
    return user
