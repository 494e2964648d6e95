import pytest
from django.contrib import admin
from django.urls import reverse

from gebieden.models import Activiteit
from tests.gebieden.factories import (
    DoeloordeelFactory,
    FocuspuntUpdateFactory,
    GebiedFactory,
    PartnerFactory,
    PlatformFactory,
    ThemaFactory,
    ToewijzingFactory,
    VisieFactory,
)
from tests.kern.factories import UserFactory

pytestmark = pytest.mark.django_db

GEBIEDEN_ADMIN = [m for m in admin.site._registry if m._meta.app_label == "gebieden"]


@pytest.mark.parametrize("model", GEBIEDEN_ADMIN, ids=lambda m: m.__name__)
def test_admin_pages_open_for_administrators(client, model):
    ToewijzingFactory()
    FocuspuntUpdateFactory()
    PlatformFactory()
    VisieFactory()
    DoeloordeelFactory()
    ThemaFactory()
    PartnerFactory()
    Activiteit.objects.create(
        gebied=GebiedFactory(), datum="2020-01-01", soort="signaleren", omschrijving="x"
    )
    client.force_login(UserFactory(username="beheerder", is_superuser=True, is_staff=True))
    prefix = f"admin:gebieden_{model._meta.model_name}"
    assert client.get(reverse(f"{prefix}_changelist")).status_code == 200
    assert client.get(reverse(f"{prefix}_add")).status_code == 200
    obj = model.objects.get() if model.objects.count() == 1 else model.objects.first()
    assert client.get(reverse(f"{prefix}_change", args=[obj.pk])).status_code == 200
