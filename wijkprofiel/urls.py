from django.urls import path

from . import views

app_name = "wijkprofiel"

urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("inlezen/", views.ImportView.as_view(), name="import"),
    path("inlezen/<int:pk>/", views.ImportStandView.as_view(), name="import_stand"),
    path("buurten/", views.BuurtenView.as_view(), name="buurten"),
    path("keuze/", views.KeuzeView.as_view(), name="keuze"),
]
