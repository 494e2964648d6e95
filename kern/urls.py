from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("gezond/", views.gezond, name="gezond"),
    path("gereed/", views.gereed, name="gereed"),
    path("account/inloggen/", views.InlogView.as_view(), name="login"),
    path("account/uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/wachtwoord/", views.WachtwoordWijzigenView.as_view(), name="password_change"),
    path(
        "account/wachtwoord-instellen/<uidb64>/<token>/",
        views.WachtwoordInstellenView.as_view(),
        name="wachtwoord_instellen",
    ),
]
