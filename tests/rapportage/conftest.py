import io

import pytest
from django.core.management import call_command

from rapportage.models import Paragraaf


@pytest.fixture
def demo():
    """The Woerden demo with its published 2020 paragraph."""
    call_command("demo", stdout=io.StringIO())
    return Paragraaf.objects.get(jaar=2020)
