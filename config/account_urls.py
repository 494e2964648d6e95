"""Login and logout (logout only by POST, as Django requires)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.messages.views import SuccessMessageMixin
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from config.forms import NLDSFormMixin


class InlogForm(NLDSFormMixin, AuthenticationForm):
    pass


class WachtwoordForm(NLDSFormMixin, PasswordChangeForm):
    pass


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
]
