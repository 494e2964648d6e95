from django.urls import path

from . import views

app_name = "rapportage"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("nieuw/", views.BewerkenView.as_view(), name="nieuw"),
    path("laatste/", views.LaatsteView.as_view(), name="laatste"),
    path("voorbeeld/", views.VoorbeeldTekstView.as_view(), name="voorbeeld_tekst"),
    path("<int:jaar>/", views.GepubliceerdView.as_view(), name="gepubliceerd"),
    path("<int:jaar>/bewerken/", views.BewerkenView.as_view(), name="bewerken"),
    path("<int:jaar>/concept/", views.ConceptView.as_view(), name="concept"),
    path("<int:jaar>/concept.pdf", views.ConceptPdfView.as_view(), name="concept_pdf"),
    path("<int:jaar>/publiceren/", views.PublicerenView.as_view(), name="publiceren"),
    path("<int:jaar>/financien/", views.FinancienConceptView.as_view(), name="financien"),
    path("opdracht/<int:pk>/", views.OpdrachtView.as_view(), name="opdracht"),
    path("opdracht/<int:pk>/concept.pdf", views.OpdrachtPdfView.as_view(), name="opdracht_pdf"),
    path("<int:jaar>/verschil/", views.VerschilView.as_view(), name="verschil"),
    path("<int:jaar>/versie/<int:versie>/", views.GepubliceerdView.as_view(), name="versie"),
    path("<int:jaar>/versie/<int:versie>/pdf/", views.PdfView.as_view(), name="pdf"),
    path(
        "<int:jaar>/versie/<int:versie>/open-data.<str:formaat>",
        views.OpenDataView.as_view(),
        name="open_data",
    ),
]
