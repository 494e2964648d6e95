import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from hypothesis import settings as hypothesis_settings

from gebieden.models.gemeente import vergeet_in_dit_verzoek
from kern.rollen import Groep
from tests.gebieden.factories import GebiedFactory, PersoonFactory, ToewijzingFactory
from tests.kern.factories import UserFactory

# CI runs the property-based tests with a fixed seed, so a run can be repeated exactly;
# locally they explore new examples every time.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _lege_cache():
    """Each test's database is rolled back, so what one test put in the cache (a kept page, a
    newest version number) must not be served in the next (ids and years repeat); nor what
    this thread read of the municipality's settings."""
    cache.clear()
    vergeet_in_dit_verzoek()


@pytest.fixture(autouse=True, scope="session")
def _lege_bestandenmap():
    """The files the tests store (publications, uploads) go to a folder of the tests' own
    (config/settings/test.py), removed after the run."""
    map = Path(settings.STORAGES["default"]["OPTIONS"]["location"])
    assert map.parent.name == ".test-media", map  # never remove a folder not the tests' own
    yield
    shutil.rmtree(map, ignore_errors=True)


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
