from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_GET

from gebieden.views.start import StartView


@require_GET
def gezond(request):
    """Health check for the load balancer (and the benchmark's minimal view): no database."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("gezond/", gezond, name="gezond"),
    path("", StartView.as_view(), name="start"),
    path("", include("gebieden.urls")),
    path("begroting/", include("begroting.urls")),
    path("initiatieven/", include("initiatieven.urls")),
    path("paragraaf/", include("rapportage.urls")),
    path("account/", include("config.account_urls")),
    path("beheer/django/", admin.site.urls),
]
