"""Login and logout (logout only by POST, as Django requires)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.urls import path

from config.forms import NLDSFormMixin


class InlogForm(NLDSFormMixin, AuthenticationForm):
    pass


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
]
