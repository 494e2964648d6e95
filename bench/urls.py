"""The project's URLs plus the benchmark's yardsticks behind login: a minimal view, which pays
for reading the session and the user like every page does, and a minimal page, which also
renders the layout every page shares (header, navigation by role, messages)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


@login_required
def minimaal_ingelogd(request):
    return HttpResponse("ok", content_type="text/plain")


@login_required
def minimale_pagina(request):
    return render(request, "bench/minimale_pagina.html")


urlpatterns = [
    path("bench/minimaal-ingelogd/", minimaal_ingelogd, name="bench_minimaal_ingelogd"),
    path("bench/minimale-pagina/", minimale_pagina, name="bench_minimale_pagina"),
    *project_urlpatterns,
]
