"""The annual paragraph: coordinators write, preview and publish; readers read the published
versions (stored, never rebuilt), download the PDF and the tables as open data."""

import hashlib
from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin, LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.db.models.fields.json import KeyTextTransform
from django.http import (
    FileResponse,
    Http404,
    HttpResponseRedirect,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views import View

from begroting.models import Begrotingsjaar
from gebieden.instellingen import gemeente as gemeente_instellingen
from gebieden.models import Gebied
from gebieden.volgorde import in_volgorde
from kern.csvexport import csv_antwoord
from kern.mixins import CoordinatorVereistMixin, FinancienMixin
from kern.rollen import is_coordinator, mag_cijfers_wijzigen
from kern.versie import GelijktijdigGewijzigd

from . import opdrachten
from .bewaarde_pagina import (
    PLAATS_VAN_DE_KOP,
    PLAATS_VAN_DE_MELDINGEN,
    PLAATS_VAN_DE_PARAGRAAF,
    BewaardePagina,
    bewaarde_pagina,
    instellingen_versie,
    kenmerk,
)
from .forms import ParagraafForm, PublicerenForm, VoorbeeldForm
from .gegevens import Gebiedsdeel, Paragraafgegevens
from .models import Opdracht, Paragraaf, Publicatie
from .opmaak import veilige_html
from .samenstellen import financieel_deel, samenstellen
from .services import bewaar_paragraaf
from .verschil import als_regels, verschillen


class LezerMixin(AccessMixin):
    """Every logged-in user reads published paragraphs; the public too when the municipality
    chooses so (RAPPORTAGE_PUBLIEK)."""

    def dispatch(self, request, *args, **kwargs):
        if not settings.RAPPORTAGE_PUBLIEK and not request.user.is_authenticated:
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class LaatsteView(LezerMixin, View):
    """Where a council member lands: the latest published paragraph, else the list."""

    def get(self, request):
        jaar = (
            Publicatie.objects.order_by("-paragraaf__jaar")
            .values_list("paragraaf__jaar", flat=True)
            .first()
        )
        if jaar is None:
            return redirect("rapportage:index")
        return redirect("rapportage:gepubliceerd", jaar=jaar)


class IndexView(LezerMixin, View):
    def get(self, request):
        publicaties = Publicatie.objects.select_related("paragraaf").order_by(
            "-paragraaf__jaar", "-versie"
        )
        per_jaar = {}
        for p in publicaties.defer("data"):
            per_jaar.setdefault(p.paragraaf.jaar, p)
        context = {
            "gepubliceerd": sorted(per_jaar.values(), key=lambda p: -p.paragraaf.jaar),
            "concepten": Paragraaf.objects.all() if is_coordinator(request.user) else [],
            "financiele_jaren": (
                Begrotingsjaar.objects.values_list("jaar", flat=True)
                if mag_cijfers_wijzigen(request.user)
                else []
            ),
        }
        return render(request, "rapportage/index.html", context)


def rapport_gebieden(jaar):
    """The areas with a part of their own in the year's paragraph, in the paragraph's order."""
    soorten = gemeente_instellingen().rapportsoorten
    return in_volgorde(Gebied.objects.geldig_in_jaar(jaar).filter(soort__in=soorten))


class BewerkenView(CoordinatorVereistMixin, View):
    """The coordinator writes the texts (Markdown) with a preview under each field, and beside
    each area's text the part the application makes of that area, as the draft has it now."""

    template_name = "rapportage/bewerken.html"

    def get_paragraaf(self, jaar):
        return Paragraaf.objects.filter(jaar=jaar).first() if jaar else None

    def form(self, paragraaf, jaar, data=None):
        jaar = paragraaf.jaar if paragraaf else jaar
        teksten = (
            {t.gebied_id: t.tekst for t in paragraaf.gebiedsteksten.all()} if paragraaf else {}
        )
        return ParagraafForm(
            data,
            instance=paragraaf,
            initial={"jaar": jaar},
            gebieden=rapport_gebieden(jaar) if jaar else [],
            teksten=teksten,
        )

    def get(self, request, jaar=None):
        jaar = jaar or request.GET.get("jaar")
        jaar = int(jaar) if str(jaar or "").isdigit() else None
        paragraaf = self.get_paragraaf(jaar)
        return self.toon(self.form(paragraaf, jaar), paragraaf)

    def post(self, request, jaar=None):
        paragraaf = self.get_paragraaf(jaar)
        gekozen = jaar or (
            int(request.POST["jaar"]) if request.POST.get("jaar", "").isdigit() else None
        )
        if paragraaf is None and (bestaand := self.get_paragraaf(gekozen)):
            return self.gelijktijdig(request, bestaand)  # someone made that year's meanwhile
        form = self.form(paragraaf, gekozen, request.POST)
        if not form.is_valid():
            return self.toon(form, paragraaf, status=400)
        data = form.cleaned_data
        try:
            paragraaf = bewaar_paragraaf(
                paragraaf=paragraaf,
                jaar=paragraaf.jaar if paragraaf else data["jaar"],
                versie=data.get("versie"),
                nummer=data["nummer"],
                titel=data["titel"],
                inleiding=data["inleiding"],
                goed=data["goed"],
                beter=data["beter"],
                slottekst=data["slottekst"],
                teksten={gebied: data[veld] for gebied, veld in form.gebied_velden},
            )
        except GelijktijdigGewijzigd as conflict:
            return self.gelijktijdig(request, conflict.huidig)
        messages.success(
            request, _("De paragraaf van %(jaar)s is opgeslagen.") % {"jaar": paragraaf.jaar}
        )
        return redirect("rapportage:concept", jaar=paragraaf.jaar)

    def gelijktijdig(self, request, huidig):
        """Someone else saved these texts meanwhile: nothing is overwritten; the saved texts
        are shown beside what was typed, and saving again is a deliberate choice."""
        messages.error(
            request,
            _(
                "Iemand anders heeft de paragraaf van %(jaar)s intussen opgeslagen. Uw tekst is "
                "niet opgeslagen; hieronder staat de opgeslagen tekst naast wat u schreef."
            )
            % {"jaar": huidig.jaar},
        )
        data = request.POST.copy()
        data["versie"] = huidig.versie
        form = self.form(huidig, huidig.jaar, data)
        teksten = {t.gebied_id: t.tekst for t in huidig.gebiedsteksten.all()}
        huidige_stand = [
            (_("Nummer en titel"), f"{huidig.nummer} {huidig.titel}"),
            (_("Inleiding"), huidig.inleiding),
            (_("Wat ging goed"), huidig.goed),
            (_("Wat kan beter"), huidig.beter),
            (_("Slottekst"), huidig.slottekst),
            *((form.fields[veld].label, teksten.get(g.pk, "")) for g, veld in form.gebied_velden),
        ]
        return self.toon(form, huidig, status=409, huidige_stand=huidige_stand)

    def toon(self, form, paragraaf, status=200, **extra):
        # One assembly for the page: the generated part of every area, looked up by its id.
        gegevens: Paragraafgegevens | None = samenstellen(paragraaf) if paragraaf else None
        delen: dict[int, Gebiedsdeel] = (
            {deel.gebied_id: deel for deel in gegevens.gebieden} if gegevens else {}
        )
        context = {
            "form": form,
            "paragraaf": paragraaf,
            "gegevens": gegevens,
            "teksten": form.tekstvelden(),
            "gebieden": [
                (
                    gebied,
                    form[veld],
                    form.voorbeeld(veld),
                    gegenereerd(delen.get(gebied.pk), gegevens),
                )
                for gebied, veld in form.gebied_velden
            ],
            **extra,
        }
        return render(self.request, self.template_name, context, status=status)


def gegenereerd(deel: Gebiedsdeel | None, gegevens: Paragraafgegevens | None) -> str:
    """An area's part as the draft shows it (rapportage/gebied.html), for beside its text in the
    editor: its headings two levels down, under the editor's heading of the area."""
    if deel is None:
        return ""
    return render_to_string(
        "rapportage/gebied.html", {"g": deel, "p": gegevens, "kop": 4, "subkop": 5}
    )


class VoorbeeldTekstView(CoordinatorVereistMixin, View):
    """A text as readers will see it. The editor's script POSTs a field's text while the
    coordinator types and shows the fragment under the field; GET is a page of its own to try
    the formatting out (`?tekst=`), which also works without JavaScript."""

    template_name = "rapportage/voorbeeld_tekst.html"

    def get(self, request):
        form = VoorbeeldForm(request.GET if "tekst" in request.GET else None)
        html = veilige_html(form.cleaned_data["tekst"]) if form.is_valid() else ""
        status = 400 if form.is_bound and not form.is_valid() else 200
        return render(request, self.template_name, {"form": form, "html": html}, status=status)

    def post(self, request):
        form = VoorbeeldForm(request.POST)
        if not form.is_valid():
            return render(request, f"{self.template_name}#fout", {"form": form}, status=400)
        html = veilige_html(form.cleaned_data["tekst"])
        return render(request, f"{self.template_name}#voorbeeld", {"html": html})


class ConceptView(CoordinatorVereistMixin, View):
    """The draft as it would be published now (rebuilt from the data on every request)."""

    def get(self, request, jaar):
        paragraaf = get_object_or_404(Paragraaf, jaar=jaar)
        data = samenstellen(paragraaf)
        inhoud = render_to_string("rapportage/inhoud.html", {"p": data, "gebouwd": ""})
        versies = paragraaf.publicaties.defer("data")
        recent = paragraaf.opdrachten.select_related("publicatie").order_by("-aangevraagd_op")[:5]
        return render(
            request,
            "rapportage/concept.html",
            {"paragraaf": paragraaf, "inhoud": inhoud, "versies": versies, "opdrachten": recent},
        )


class ConceptPdfView(CoordinatorVereistMixin, View):
    """The draft PDF takes as long as publishing: asked here, made by a worker. GET says so on
    a small page with the button (the concept page has the same button); the POST asks for the
    job and goes to its page."""

    def get(self, request, jaar):
        paragraaf = get_object_or_404(Paragraaf, jaar=jaar)
        return render(request, "rapportage/concept_pdf.html", {"paragraaf": paragraaf})

    def post(self, request, jaar):
        paragraaf = get_object_or_404(Paragraaf, jaar=jaar)
        opdracht = opdrachten.vraag_aan(
            paragraaf=paragraaf, soort=Opdracht.Soort.CONCEPT_PDF, door=request.user
        )
        return naar_opdracht(request, opdracht)


class PublicerenView(CoordinatorVereistMixin, View):
    """Publishing asks first, on a page of its own (templates/bevestigen.html) that says what
    it does: the concept page links here, GET asks (with the note for the version list), the
    POST asks for the job and goes to its page."""

    def get(self, request, jaar):
        return self.toon(get_object_or_404(Paragraaf, jaar=jaar), PublicerenForm())

    def post(self, request, jaar):
        paragraaf = get_object_or_404(Paragraaf, jaar=jaar)
        form = PublicerenForm(request.POST)
        if not form.is_valid():
            return self.toon(paragraaf, form, status=400)
        try:
            opdracht = opdrachten.vraag_aan(
                paragraaf=paragraaf,
                soort=Opdracht.Soort.PUBLICEREN,
                door=request.user,
                toelichting=form.cleaned_data["toelichting"],
            )
        except opdrachten.AlBezig as bezig:
            messages.warning(
                request,
                _(
                    "Er wordt al een versie van %(jaar)s gepubliceerd. Hieronder ziet u hoe ver "
                    "die is; publiceer daarna zo nodig opnieuw."
                )
                % {"jaar": jaar},
            )
            return naar_opdracht(request, bezig.opdracht)
        return naar_opdracht(request, opdracht)

    def toon(self, paragraaf, form, status=200):
        jaar = paragraaf.jaar
        vorige = paragraaf.publicaties.aggregate(hoogste=Max("versie"))["hoogste"] or 0
        nummers = {"jaar": jaar, "versie": vorige + 1}
        lezers = (
            _(
                "Raadsleden, collega's en bezoekers van de website (ook zonder account) zien "
                "deze versie dan als de nieuwste paragraaf van %(jaar)s."
            )
            if settings.RAPPORTAGE_PUBLIEK
            else _(
                "Raadsleden en alle collega's met een account zien deze versie dan als de "
                "nieuwste paragraaf van %(jaar)s."
            )
        )
        context = {
            "paragraaf": paragraaf,
            "form": form,
            "titel": (
                _("Nieuwe versie van %(jaar)s publiceren")
                if vorige
                else _("Paragraaf %(jaar)s publiceren")
            )
            % nummers,
            "vraag": _("Weet u zeker dat u de paragraaf van %(jaar)s wilt publiceren?") % nummers,
            "gevolgen": [
                _("De paragraaf wordt versie %(versie)s van %(jaar)s.") % nummers,
                lezers % nummers,
                _(
                    "De gepubliceerde versie ligt vast en blijft bewaard, net als de eerdere "
                    "versies: wat u daarna aan teksten of cijfers wijzigt, verandert haar niet. "
                    "Een correctie publiceert u als nieuwe versie."
                ),
                _(
                    "De pagina en de PDF worden op de achtergrond gemaakt; bij een grote "
                    "gemeente duurt dat tot een minuut. U ziet daarna hoe ver het is."
                ),
            ],
            "knoptekst": _("Ja, versie %(versie)s publiceren") % nummers,
            "annuleer_url": reverse("rapportage:concept", args=[jaar]),
        }
        return render(self.request, "rapportage/publiceren.html", context, status=status)


def naar_opdracht(request, opdracht):
    """To the job's page, refreshing itself only when the coordinator chose so on the form."""
    keuze = "" if request.POST.get("verversen") == "ja" else "?verversen=nee"
    return HttpResponseRedirect(opdracht.get_absolute_url() + keuze)


def mag_opdracht_zien(user, opdracht: Opdracht) -> bool:
    """Coordinators see every job; financial staff the PDFs of the financial part."""
    if is_coordinator(user):
        return True
    return opdracht.soort == Opdracht.Soort.FINANCIEN_PDF and mag_cijfers_wijzigen(user)


def opdracht_of_403(request, pk, **filters) -> Opdracht:
    opdracht = get_object_or_404(
        Opdracht.objects.select_related("paragraaf", "publicatie"), pk=pk, **filters
    )
    if not mag_opdracht_zien(request.user, opdracht):
        raise PermissionDenied
    return opdracht


class OpdrachtView(LoginRequiredMixin, View):
    """How far a job is. While it waits or runs the page refreshes itself every few seconds
    (no JavaScript) when the coordinator chose that on the form that asked for the job (and
    can stop it on the page: WCAG 2.2.1); a failed or hanging job can be tried again."""

    VERVERS_SECONDEN = 5

    def get(self, request, pk):
        opdracht = opdracht_of_403(request, pk)
        verversen = opdracht.loopt and request.GET.get("verversen") != "nee"
        context = {
            "opdracht": opdracht,
            "verversen": self.VERVERS_SECONDEN if verversen else None,
            "vastgelopen": opdrachten.vastgelopen(opdracht),
            "wachtend_voor": (
                Opdracht.objects.filter(
                    status=Opdracht.Status.WACHTRIJ, aangevraagd_op__lt=opdracht.aangevraagd_op
                ).count()
                if opdracht.status == Opdracht.Status.WACHTRIJ
                else 0
            ),
        }
        return render(request, "rapportage/opdracht.html", context)

    def post(self, request, pk):
        """Try again: a failed job (or one whose worker stopped) becomes a new job."""
        opdracht = opdracht_of_403(request, pk)
        if opdrachten.vastgelopen(opdracht):
            opdrachten.geef_op(opdracht)
            opdracht.refresh_from_db()
        if opdracht.status != Opdracht.Status.MISLUKT:
            return redirect(opdracht)
        try:
            nieuw = opdrachten.vraag_aan(
                paragraaf=opdracht.paragraaf,
                jaar=opdracht.jaar,
                soort=opdracht.soort,
                door=request.user,
                toelichting=opdracht.toelichting,
            )
        except opdrachten.AlBezig as bezig:
            return redirect(bezig.opdracht)
        return redirect(nieuw)


class OpdrachtPdfView(LoginRequiredMixin, View):
    def get(self, request, pk):
        opdracht = opdracht_of_403(
            request,
            pk,
            soort__in=[Opdracht.Soort.CONCEPT_PDF, Opdracht.Soort.FINANCIEN_PDF],
            status=Opdracht.Status.KLAAR,
        )
        if not opdracht.bestand:
            raise Http404(_("Deze concept-PDF is opgeruimd; maak een nieuwe."))
        deel = "financieel-deel-" if opdracht.soort == Opdracht.Soort.FINANCIEN_PDF else ""
        naam = f"concept-{deel}paragraaf-gebiedsgericht-werken-{opdracht.jaar}.pdf"
        return FileResponse(
            opdracht.bestand.open("rb"),
            as_attachment=True,
            filename=naam,
            content_type="application/pdf",
        )


class FinancienConceptView(FinancienMixin, View):
    """The financial part of a year's draft paragraph, read-only, for financial staff to check
    before the coordinator publishes: the table and chart as they would be published now."""

    def get(self, request, jaar):
        if not Begrotingsjaar.objects.filter(jaar=jaar).exists():
            raise Http404(_("Voor dit jaar zijn geen begrotingscijfers."))
        recent = Opdracht.objects.filter(
            jaar=jaar, soort=Opdracht.Soort.FINANCIEN_PDF, door=request.user
        ).order_by("-aangevraagd_op")[:3]
        return render(
            request,
            "rapportage/financien_concept.html",
            {"p": financieel_deel(jaar), "jaar": jaar, "opdrachten": recent},
        )

    def post(self, request, jaar):
        if not Begrotingsjaar.objects.filter(jaar=jaar).exists():
            raise Http404(_("Voor dit jaar zijn geen begrotingscijfers."))
        opdracht = opdrachten.vraag_aan(
            jaar=jaar, soort=Opdracht.Soort.FINANCIEN_PDF, door=request.user
        )
        return naar_opdracht(request, opdracht)


ZWARE_VELDEN = {"data"}


def publicaties_van(jaar):
    return Publicatie.objects.select_related("paragraaf").filter(paragraaf__jaar=jaar)


def publicatie_of_404(jaar, versie=None, *, met: tuple[str, ...] = ()) -> Publicatie:
    """The given (or newest) version of a year; of the large stored fields only those in `met`
    are loaded: a paragraph of 120 areas stores megabytes."""
    publicaties = publicaties_van(jaar).defer(*(ZWARE_VELDEN - set(met)))
    publicatie = (
        publicaties.filter(versie=versie).first()
        if versie
        else publicaties.order_by("-versie").first()
    )
    if publicatie is None:
        raise Http404(_("Er is (nog) geen gepubliceerde paragraaf voor dit jaar."))
    return publicatie


def conditioneel(request, antwoord_maken, *, etag: str, gewijzigd_op, cache_control: str):
    """A 304 when the reader already has this (ETag / Last-Modified), otherwise the response,
    both with the validators and `cache_control`."""
    antwoord = get_conditional_response(request, etag=etag, last_modified=gewijzigd_op.timestamp())
    if antwoord is None:
        antwoord = antwoord_maken()
    antwoord.headers["ETag"] = etag
    antwoord.headers["Last-Modified"] = http_date(gewijzigd_op.timestamp())
    antwoord.headers["Cache-Control"] = cache_control
    return antwoord


def lezers_cache(request) -> str:
    """Who may keep a copy: everyone's caches for a public report read anonymously, else only
    the reader's own browser."""
    if settings.RAPPORTAGE_PUBLIEK and not request.user.is_authenticated:
        return "public"
    return "private"


class GepubliceerdView(LezerMixin, View):
    """Served from what was stored at publication: never rebuilt from today's data.

    The page is kept whole in the shared cache (`bewaarde_pagina`); a request renders only the
    reader's header and messages into it, and a visitor who is not logged in gets it as it is.
    It is revalidated on every visit (a newer version changes the page of an older one), with
    an ETag that names the version shown, the newest version and the personal header.
    """

    def get(self, request, jaar, versie=None):
        pagina = bewaarde_pagina(jaar, versie, lambda: self.bouw(jaar, versie))
        anoniem = not request.user.is_authenticated and not messages.get_messages(request)
        kop = None if anoniem else render_to_string("includes/kop.html", request=request)
        meldingen = "" if anoniem else render_to_string("includes/meldingen.html", request=request)

        def inhoud():
            return StreamingHttpResponse(pagina.met(kop, meldingen))

        persoonlijk = hashlib.sha256(f"{kop}{meldingen}".encode()).hexdigest()[:16]
        return conditioneel(
            request,
            inhoud,
            etag=f'"{pagina.sleutel}-{persoonlijk}"',
            gewijzigd_op=datetime.fromisoformat(pagina.gewijzigd_op),
            cache_control=f"{lezers_cache(request)}, no-cache",
        )

    @staticmethod
    def bouw(jaar, versie) -> BewaardePagina:
        versies = list(
            publicaties_van(jaar)
            .only("versie", "gebouwd_op", "toelichting", "html_bestand", "paragraaf__jaar")
            .annotate(  # number and title as published, not as edited since
                nummer=KeyTextTransform("nummer", "data"), titel=KeyTextTransform("titel", "data")
            )
            .order_by("-versie")
        )
        publicatie = next((v for v in versies if versie in (None, v.versie)), None)
        if publicatie is None:
            raise Http404(_("Er is (nog) geen gepubliceerde paragraaf voor dit jaar."))
        html = render_to_string(
            "rapportage/gepubliceerd.html",
            {
                "publicatie": publicatie,
                "versies": versies,
                "nieuwste": versies[0].versie,
                "plaats": {
                    "kop": PLAATS_VAN_DE_KOP,
                    "meldingen": PLAATS_VAN_DE_MELDINGEN,
                    "paragraaf": PLAATS_VAN_DE_PARAGRAAF,
                },
                "gemeente_naam": gemeente_instellingen().naam,
            },
        )
        nieuwste = kenmerk(versies[0].versie, versies[0].html_bestand.name)
        return BewaardePagina.uit(
            html,
            publicatie.html_bestand.name,
            sleutel=f"{jaar}-v{publicatie.versie}-n{nieuwste}-g{instellingen_versie()}",
            gewijzigd_op=versies[0].gebouwd_op.isoformat(),
        )


class PdfView(LezerMixin, View):
    """A published PDF never changes: kept by browsers (and, for a public report, by proxies)
    for a year, and answered with 304 when the reader has it."""

    def get(self, request, jaar, versie):
        publicatie = publicatie_of_404(jaar, versie)
        return conditioneel(
            request,
            lambda: FileResponse(
                publicatie.pdf_bestand.open("rb"),
                as_attachment=True,
                filename=publicatie.bestandsnaam,
                content_type="application/pdf",
            ),
            etag=f'"pdf-{publicatie.pk}-{int(publicatie.gebouwd_op.timestamp())}"',
            gewijzigd_op=publicatie.gebouwd_op,
            cache_control=f"{lezers_cache(request)}, max-age=31536000, immutable",
        )


class OpenDataView(LezerMixin, View):
    """The tables of a published version as CSV (financial table) or JSON (everything)."""

    def get(self, request, jaar, versie, formaat):
        publicatie = publicatie_of_404(jaar, versie, met=("data",))
        if formaat == "json":
            return JsonResponse(
                publicatie.data, json_dumps_params={"ensure_ascii": False, "indent": 2}
            )
        return csv_antwoord(
            f"financien-{jaar}-versie-{versie}.csv",
            [
                "gebied",
                "begroting x 1000",
                "realisatie x 1000",
                "resultaat x 1000",
                "reserve x 1000",
            ],
            (
                [r["naam"], r["begroting"], r["realisatie"], r["resultaat"], r["reserve"]]
                for r in [*publicatie.data["financien"], publicatie.data["totaal"]]
            ),
        )


class VerschilView(LezerMixin, View):
    """What changed between two published versions, word by word, read from their data."""

    def get(self, request, jaar):
        try:
            van, naar = int(request.GET["van"]), int(request.GET["naar"])
        except (KeyError, ValueError) as fout:
            raise Http404 from fout
        oud, nieuw = (publicatie_of_404(jaar, v, met=("data",)) for v in (van, naar))
        verschil = verschillen(als_regels(oud.data), als_regels(nieuw.data))
        return render(
            request, "rapportage/verschil.html", {"oud": oud, "nieuw": nieuw, "verschil": verschil}
        )
