"""Login and logout (logout only by POST, as Django requires), changing one's password, and
setting a first password from the link in an invitation (gebieden/accounts.py)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.contrib.messages.views import SuccessMessageMixin
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from config.forms import NLDSFormMixin


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
    success_url = reverse_lazy("start")
    success_message = _("Uw wachtwoord is gewijzigd.")
    extra_context = {"titel": _("Wachtwoord wijzigen"), "annuleer_url": reverse_lazy("start")}


urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            template_name="account/login.html",
            authentication_form=InlogForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/", WachtwoordWijzigenView.as_view(), name="password_change"),
    path(
        "wachtwoord-instellen/<uidb64>/<token>/",
        WachtwoordInstellenView.as_view(),
        name="wachtwoord_instellen",
    ),
]
