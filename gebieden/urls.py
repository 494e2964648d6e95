from django.urls import path

from .views import (
    accounts,
    activiteit,
    beheer,
    doelen,
    gebied,
    gebiedsimport,
    instellingen,
    rondom,
    start,
    toegankelijkheid,
    werkplek,
)

app_name = "gebieden"


def crud(naam: str, views, prefix: str):
    lijst, create, update, delete = views
    return [
        path(f"{prefix}/", lijst.as_view(), name=f"{naam}_lijst"),
        path(f"{prefix}/nieuw/", create.as_view(), name=f"{naam}_nieuw"),
        path(f"{prefix}/<int:pk>/bewerken/", update.as_view(), name=f"{naam}_bewerken"),
        path(f"{prefix}/<int:pk>/verwijderen/", delete.as_view(), name=f"{naam}_verwijderen"),
    ]


def per_gebied(naam: str, create, update, delete, prefix: str):
    basis = f"gebieden/<int:gebied_pk>/{prefix}"
    return [
        path(f"{basis}/nieuw/", create.as_view(), name=f"{naam}_nieuw"),
        path(f"{basis}/<int:pk>/bewerken/", update.as_view(), name=f"{naam}_bewerken"),
        path(f"{basis}/<int:pk>/verwijderen/", delete.as_view(), name=f"{naam}_verwijderen"),
    ]


urlpatterns = [
    path("beheer/", start.BeheerView.as_view(), name="beheer"),
    path(
        "toegankelijkheid/",
        toegankelijkheid.ToegankelijkheidView.as_view(),
        name="toegankelijkheid",
    ),
    path("beheer/gemeente/", instellingen.GemeenteInstellingenView.as_view(), name="gemeente"),
    path("beheer/gemeente/volgorde/", instellingen.VolgordeView.as_view(), name="volgorde"),
    path(
        "beheer/gemeente/gebieden-inlezen/",
        gebiedsimport.GebiedsimportView.as_view(),
        name="gebiedsimport",
    ),
    path(
        "beheer/gemeente/gebieden-inlezen/<int:pk>/",
        gebiedsimport.GebiedsimportStandView.as_view(),
        name="gebiedsimport_stand",
    ),
    path("gemeente/logo/", instellingen.GemeenteLogoView.as_view(), name="gemeente_logo"),
    path(
        "gemeente/huisstijl.css",
        instellingen.GemeenteHuisstijlView.as_view(),
        name="gemeente_huisstijl",
    ),
    path("", start.StartView.as_view(), name="start"),
    path("werkplek/", werkplek.DashboardView.as_view(), name="werkplek"),
    path("werkplek/focuspunten/", werkplek.FocuspuntListView.as_view(), name="focuspunt_lijst"),
    path(
        "gebieden/<int:gebied_pk>/focuspunten/nieuw/",
        werkplek.FocuspuntToevoegenView.as_view(),
        name="focuspunt_nieuw",
    ),
    path(
        "gebieden/<int:gebied_pk>/focuspunten/<int:pk>/",
        werkplek.FocuspuntDetailView.as_view(),
        name="focuspunt_detail",
    ),
    path(
        "gebieden/<int:gebied_pk>/focuspunten/<int:pk>/update/",
        werkplek.UpdateLoggenView.as_view(),
        name="focuspunt_update",
    ),
    path(
        "gebieden/<int:gebied_pk>/activiteiten/nieuw/",
        werkplek.ActiviteitToevoegenView.as_view(),
        name="activiteit_nieuw",
    ),
    path(
        "gebieden/<int:gebied_pk>/activiteiten/<int:pk>/",
        activiteit.ActiviteitWijzigenView.as_view(),
        name="activiteit_wijzigen",
    ),
    path(
        "gebieden/<int:gebied_pk>/historie/",
        werkplek.GebiedHistorieView.as_view(),
        name="historie",
    ),
    path("gebieden/", gebied.GebiedListView.as_view(), name="lijst"),
    path("gebieden/nieuw/", gebied.GebiedCreateView.as_view(), name="nieuw"),
    path("gebieden/<int:pk>/", gebied.GebiedDetailView.as_view(), name="detail"),
    path("gebieden/<int:pk>/bewerken/", gebied.GebiedUpdateView.as_view(), name="bewerken"),
    path("gebieden/<int:pk>/verwijderen/", gebied.GebiedDeleteView.as_view(), name="verwijderen"),
    *per_gebied(
        "platform",
        rondom.PlatformCreateView,
        rondom.PlatformUpdateView,
        rondom.PlatformDeleteView,
        "platforms",
    ),
    *per_gebied(
        "visie", rondom.VisieCreateView, rondom.VisieUpdateView, rondom.VisieDeleteView, "visies"
    ),
    path(
        "gebieden/<int:gebied_pk>/visies/<int:pk>/document/",
        rondom.VisieDocumentView.as_view(),
        name="visie_document",
    ),
    path(
        "gebieden/<int:gebied_pk>/visies/<int:visie_pk>/doelen/nieuw/",
        doelen.DoelToevoegenView.as_view(),
        name="doel_nieuw",
    ),
    path(
        "gebieden/<int:gebied_pk>/doelen/<int:pk>/bewerken/",
        doelen.DoelWijzigenView.as_view(),
        name="doel_bewerken",
    ),
    path(
        "gebieden/<int:gebied_pk>/doelen/<int:pk>/verwijderen/",
        doelen.DoelVerwijderenView.as_view(),
        name="doel_verwijderen",
    ),
    path(
        "gebieden/<int:gebied_pk>/doelen/<int:pk>/oordeel/",
        doelen.DoelOordeelView.as_view(),
        name="doel_oordeel",
    ),
    *per_gebied(
        "toewijzing",
        rondom.ToewijzingCreateView,
        rondom.ToewijzingUpdateView,
        rondom.ToewijzingDeleteView,
        "toewijzingen",
    ),
    *crud(
        "persoon",
        (
            beheer.PersoonListView,
            beheer.PersoonCreateView,
            beheer.PersoonUpdateView,
            beheer.PersoonDeleteView,
        ),
        "personen",
    ),
    path(
        "personen/<int:pk>/account/",
        accounts.PersoonAccountView.as_view(),
        name="persoon_account",
    ),
    *crud(
        "partner",
        (
            beheer.PartnerListView,
            beheer.PartnerCreateView,
            beheer.PartnerUpdateView,
            beheer.PartnerDeleteView,
        ),
        "partners",
    ),
    *crud(
        "thema",
        (
            beheer.ThemaListView,
            beheer.ThemaCreateView,
            beheer.ThemaUpdateView,
            beheer.ThemaDeleteView,
        ),
        "themas",
    ),
]
