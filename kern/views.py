"""The views every installation has: the health check, login and logout (logout only by POST,
as Django requires), changing one's password, and setting a first password from the link in an
invitation (gebieden/accounts.py)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.contrib.messages.views import SuccessMessageMixin
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from .formulieren import NLDSFormMixin


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


class InlogView(auth_views.LoginView):
    template_name = "account/login.html"
    authentication_form = InlogForm
    redirect_authenticated_user = True
