from django.urls import path

from .views import cijfers, lijst, nemers, pagina, regelingen, registratie

app_name = "initiatieven"
urlpatterns = [
    path("", lijst.InitiatiefListView.as_view(), name="lijst"),
    path("nieuw/", registratie.InitiatiefCreateView.as_view(), name="nieuw"),
    path("cijfers/", cijfers.CijfersView.as_view(), name="cijfers"),
    path("<int:pk>/", pagina.InitiatiefDetailView.as_view(), name="detail"),
    path("<int:pk>/bewerken/", registratie.InitiatiefUpdateView.as_view(), name="bewerken"),
    path("<int:pk>/status/", pagina.StatusView.as_view(), name="status"),
    path(
        "<int:pk>/initiatiefnemers/",
        nemers.InitiatiefnemersView.as_view(),
        name="initiatiefnemers",
    ),
    path(
        "<int:pk>/initiatiefnemers/<int:nemer_pk>/",
        nemers.InitiatiefnemerView.as_view(),
        name="initiatiefnemer",
    ),
    path("<int:pk>/aanvragen/", pagina.AanvraagView.as_view(), name="aanvraag"),
    path(
        "<int:pk>/aanvragen/<int:aanvraag_pk>/besluit/",
        pagina.BesluitView.as_view(),
        name="besluit",
    ),
    path(
        "<int:pk>/aanvragen/<int:aanvraag_pk>/verantwoording/",
        pagina.VerantwoordingView.as_view(),
        name="verantwoording",
    ),
    path("regelingen/", regelingen.RegelingListView.as_view(), name="regeling_lijst"),
    path("regelingen/nieuw/", regelingen.RegelingCreateView.as_view(), name="regeling_nieuw"),
    path(
        "regelingen/<int:pk>/bewerken/",
        regelingen.RegelingUpdateView.as_view(),
        name="regeling_bewerken",
    ),
    path(
        "regelingen/<int:pk>/verwijderen/",
        regelingen.RegelingDeleteView.as_view(),
        name="regeling_verwijderen",
    ),
]
