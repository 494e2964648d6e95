from django.urls import path

from . import views

app_name = "begroting"
urlpatterns = [
    path("", views.JaarListView.as_view(), name="jaren"),
    path("dit-jaar/", views.DitJaarView.as_view(), name="dit_jaar"),
    path("openen/", views.JaarOpenenView.as_view(), name="openen"),
    path("openingsreserves/", views.OpeningsreserveListView.as_view(), name="openingsreserves"),
    path(
        "openingsreserves/nieuw/",
        views.OpeningsreserveCreateView.as_view(),
        name="openingsreserve_nieuw",
    ),
    path(
        "openingsreserves/<int:pk>/",
        views.OpeningsreserveUpdateView.as_view(),
        name="openingsreserve_bewerken",
    ),
    path(
        "openingsreserves/<int:pk>/verwijderen/",
        views.OpeningsreserveDeleteView.as_view(),
        name="openingsreserve_verwijderen",
    ),
    path("<int:jaar>/", views.JaarDetailView.as_view(), name="jaar"),
    path("<int:jaar>/bewerken/", views.GridView.as_view(), name="grid"),
    path("<int:jaar>/sluiten/", views.JaarSluitenView.as_view(), name="sluiten"),
    path("<int:jaar>/heropenen/", views.JaarHeropenenView.as_view(), name="heropenen"),
    path("<int:jaar>/importeren/", views.ImportView.as_view(), name="importeren"),
    path("<int:jaar>/geschiedenis/", views.JaarGeschiedenisView.as_view(), name="geschiedenis"),
    path("<int:jaar>/export.csv", views.ExportView.as_view(), name="export"),
    path("<int:jaar>/volgend-jaar/", views.VolgendJaarView.as_view(), name="volgend_jaar"),
]
