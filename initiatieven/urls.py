from django.urls import path

from . import views

app_name = "initiatieven"
urlpatterns = [
    path("", views.InitiatiefListView.as_view(), name="lijst"),
    path("nieuw/", views.InitiatiefCreateView.as_view(), name="nieuw"),
    path("cijfers/", views.CijfersView.as_view(), name="cijfers"),
    path("<int:pk>/", views.InitiatiefDetailView.as_view(), name="detail"),
    path("<int:pk>/bewerken/", views.InitiatiefUpdateView.as_view(), name="bewerken"),
    path("<int:pk>/status/", views.StatusView.as_view(), name="status"),
    path("<int:pk>/aanvragen/", views.AanvraagView.as_view(), name="aanvraag"),
    path(
        "<int:pk>/aanvragen/<int:aanvraag_pk>/besluit/", views.BesluitView.as_view(), name="besluit"
    ),
    path(
        "<int:pk>/aanvragen/<int:aanvraag_pk>/verantwoording/",
        views.VerantwoordingView.as_view(),
        name="verantwoording",
    ),
    path("regelingen/", views.RegelingListView.as_view(), name="regeling_lijst"),
    path("regelingen/nieuw/", views.RegelingCreateView.as_view(), name="regeling_nieuw"),
    path(
        "regelingen/<int:pk>/bewerken/",
        views.RegelingUpdateView.as_view(),
        name="regeling_bewerken",
    ),
    path(
        "regelingen/<int:pk>/verwijderen/",
        views.RegelingDeleteView.as_view(),
        name="regeling_verwijderen",
    ),
]
