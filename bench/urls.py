"""The project's URLs plus the benchmark's second yardstick: a minimal view behind login, which
pays for reading the session and the user like every page of the application does."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


@login_required
def minimaal_ingelogd(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/minimaal-ingelogd/", minimaal_ingelogd, name="bench_minimaal_ingelogd"),
    *project_urlpatterns,
]
