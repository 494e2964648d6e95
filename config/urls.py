from django.contrib import admin
from django.urls import include, path

from gebieden.views.start import StartView

urlpatterns = [
    path("", StartView.as_view(), name="start"),
    path("", include("gebieden.urls")),
    path("begroting/", include("begroting.urls")),
    path("initiatieven/", include("initiatieven.urls")),
    path("paragraaf/", include("rapportage.urls")),
    path("account/", include("config.account_urls")),
    path("beheer/django/", admin.site.urls),
]
