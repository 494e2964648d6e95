from django.urls import path

from . import views

app_name = "begroting"
urlpatterns = [
    path("", views.JaarListView.as_view(), name="jaren"),
    path("<int:jaar>/", views.JaarDetailView.as_view(), name="jaar"),
]
