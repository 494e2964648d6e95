"""The views every installation has: the health and readiness checks, login and logout (logout
only by POST, as Django requires), changing one's password, and setting a first password from
the link in an invitation (gebieden/accounts.py)."""

import logging
import uuid

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.contrib.messages.views import SuccessMessageMixin
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, F, Min, When
from django.db.models.functions import Greatest
from django.http import HttpResponse, JsonResponse
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult, get_date_max

from .formulieren import NLDSFormMixin

logger = logging.getLogger(__name__)


class InlogForm(NLDSFormMixin, AuthenticationForm):
    pass


class WachtwoordForm(NLDSFormMixin, PasswordChangeForm):
    pass


class WachtwoordInstellenForm(NLDSFormMixin, SetPasswordForm):
    pass


class WachtwoordInstellenView(SuccessMessageMixin, auth_views.PasswordResetConfirmView):
    """The link in an invitation: valid once, for PASSWORD_RESET_TIMEOUT, and no longer once
    the password or the last login changed."""

    form_class = WachtwoordInstellenForm
    template_name = "account/wachtwoord_instellen.html"
    success_url = reverse_lazy("login")
    success_message = _("Uw wachtwoord is ingesteld. U kunt nu inloggen.")


class WachtwoordWijzigenView(SuccessMessageMixin, auth_views.PasswordChangeView):
    form_class = WachtwoordForm
    template_name = "beheer/form.html"
    success_url = reverse_lazy("gebieden:start")
    success_message = _("Uw wachtwoord is gewijzigd.")
    extra_context = {
        "titel": _("Wachtwoord wijzigen"),
        "annuleer_url": reverse_lazy("gebieden:start"),
    }


@require_GET
def gezond(request):
    """Health check for the load balancer (and the benchmark's minimal view): no database."""
    return HttpResponse("ok", content_type="text/plain")


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def _cache() -> dict:
    sleutel = f"gereed:{uuid.uuid4().hex}"
    cache.set(sleutel, "ja", timeout=10)
    gelezen = cache.get(sleutel)
    cache.delete(sleutel)
    if gelezen != "ja":
        raise RuntimeError("wat in de cache werd gezet, kwam er niet terug uit")
    return {}


def _wachtrij() -> dict:
    """Background tasks waiting for a worker: how many, and how many seconds the one that has
    waited longest has been waiting (since it was queued or, when it was planned for later,
    since its time came). Tasks planned for the future are not waiting yet."""
    wachtend = DBTaskResult.objects.ready().annotate(
        wacht_sinds=Case(
            When(run_after=get_date_max(), then=F("enqueued_at")),
            default=Greatest("enqueued_at", "run_after"),
        )
    )
    cijfers = wachtend.order_by().aggregate(aantal=Count("pk"), sinds=Min("wacht_sinds"))
    sinds = cijfers["sinds"]
    return {
        "wachtend": cijfers["aantal"],
        "oudste_wacht_seconden": (
            None if sinds is None else max(0, round((timezone.now() - sinds).total_seconds()))
        ),
    }


@require_GET
def gereed(request):
    """Readiness check for the load balancer and monitoring: can this process serve pages
    (database and cache answer), and how long is the queue of background tasks. JSON; 200 when
    every part works, 503 naming the part that failed (the details go to the log, not out)."""
    delen = {}
    for naam, controle in (("database", _database), ("cache", _cache), ("wachtrij", _wachtrij)):
        try:
            delen[naam] = {"ok": True, **controle()}
        except Exception as fout:
            logger.exception("Gereedheidscontrole: %s werkt niet", naam)
            delen[naam] = {"ok": False, "fout": type(fout).__name__}
    gereed = all(deel["ok"] for deel in delen.values())
    response = JsonResponse(
        {"status": "gereed" if gereed else "niet gereed", **delen}, status=200 if gereed else 503
    )
    response["Cache-Control"] = "no-store"
    return response


class InlogView(auth_views.LoginView):
    template_name = "account/login.html"
    authentication_form = InlogForm
    redirect_authenticated_user = True
