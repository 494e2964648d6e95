from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("kern.urls")),
    path("", include("gebieden.urls")),
    path("begroting/", include("begroting.urls")),
    path("initiatieven/", include("initiatieven.urls")),
    path("wijkprofiel/", include("wijkprofiel.urls")),
    path("paragraaf/", include("rapportage.urls")),
    path("beheer/django/", admin.site.urls),
]
