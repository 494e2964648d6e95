from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kern.formulieren import KEUZEGROEP, KeuzeRondjes, NLDSFormMixin, Vinkjes
from kern.rollen import Groep

from .constants import OPEN_STATUSSEN, DoelOordeel
from .doelen import controleer_doel_van_gebied, controleer_oordeeljaar
from .models import (
    Activiteit,
    Doel,
    Focuspunt,
    FocuspuntUpdate,
    Gebied,
    Partner,
    Persoon,
    Platform,
    Thema,
    Toewijzing,
    Visie,
)
from .models.rondom import TOEGESTANE_DOCUMENTEN
from .models.woorden import woord

# The first bytes of the document kinds we accept; a file that claims to be a PDF must be one.
MAGISCHE_BYTES = {
    ".pdf": (b"%PDF",),
    ".odt": (b"PK\x03\x04",),
    ".docx": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
}


class GebiedForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Gebied
        fields = ["naam", "soort", "ouder", "cbs_code", "geldig_van", "geldig_tot", "omschrijving"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ouders = Gebied.objects.exclude(soort="buurt").order_by("soort", "naam")
        if self.instance.pk:
            ouders = ouders.exclude(pk=self.instance.pk)
        self.fields["ouder"].queryset = ouders
        self.fields["ouder"].label_from_instance = lambda g: f"{g.naam} ({g.get_soort_display()})"


class PlatformForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Platform
        fields = ["naam", "soort", "ondersteund_van", "ondersteund_tot", "website", "toelichting"]


class VisieForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Visie
        fields = [
            "soort",
            "titel",
            "status",
            "vastgesteld_op",
            "geldig_tot",
            "compleet",
            "document_url",
            "document",
            "toelichting",
        ]
        help_texts = {
            "document": _("PDF, ODT of Word, hoogstens %(max)s.")
            % {"max": filesizeformat(settings.MAX_DOCUMENT_SIZE)},
        }

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if not document or not hasattr(document, "content_type"):
            return document  # unchanged or cleared
        extensie = Path(document.name).suffix.lower()
        if extensie not in TOEGESTANE_DOCUMENTEN:
            raise forms.ValidationError(
                _("Alleen PDF-, ODT- of Word-bestanden kunnen worden toegevoegd.")
            )
        if document.size > settings.MAX_DOCUMENT_SIZE:
            raise forms.ValidationError(
                _("Het bestand is te groot (%(grootte)s); het mag hoogstens %(max)s zijn.")
                % {
                    "grootte": filesizeformat(document.size),
                    "max": filesizeformat(settings.MAX_DOCUMENT_SIZE),
                }
            )
        begin = document.read(8)
        document.seek(0)
        if not begin.startswith(MAGISCHE_BYTES[extensie]):
            raise forms.ValidationError(
                _("De inhoud van het bestand past niet bij de extensie %(ext)s.")
                % {"ext": extensie}
            )
        return document

    def save(self, commit=True):
        document = self.cleaned_data.get("document")
        if document and hasattr(document, "content_type"):
            self.instance.document_naam = Path(document.name).name[:255]
        elif not document:
            self.instance.document_naam = ""
        return super().save(commit=commit)


class PersoonForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Persoon
        fields = ["naam", "email", "telefoon", "organisatie", "gebruiker"]


class ToewijzingForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Toewijzing
        fields = ["persoon", "rol", "waarnemend", "geldig_van", "geldig_tot", "toelichting"]

    def __init__(self, *args, gebied: Gebied, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.gebied = gebied

    def clean(self):
        cleaned = super().clean()
        persoon, rol = cleaned.get("persoon"), cleaned.get("rol")
        van, tot = cleaned.get("geldig_van"), cleaned.get("geldig_tot")
        if persoon and rol:
            overlap = Q()
            if tot:
                overlap &= Q(geldig_van__isnull=True) | Q(geldig_van__lte=tot)
            if van:
                overlap &= Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=van)
            dubbel = (
                Toewijzing.objects.filter(
                    overlap, gebied=self.instance.gebied, persoon=persoon, rol=rol
                )
                .exclude(pk=self.instance.pk)
                .exists()
            )
            if dubbel:
                raise forms.ValidationError(
                    _(
                        "%(persoon)s is in deze periode al %(rol)s van dit gebied. "
                        "Pas de bestaande toewijzing aan."
                    )
                    % {"persoon": persoon, "rol": woord("rol", rol)}
                )
        return cleaned


class PartnerForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["naam", "soort", "website", "toelichting"]


class ThemaForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Thema
        fields = ["naam", "omschrijving", "actief"]


def niet_in_de_toekomst(datum):
    if datum and datum > timezone.localdate():
        raise forms.ValidationError(_("De datum kan niet in de toekomst liggen."))
    return datum


def doel_label(doel: Doel) -> str:
    return f"{doel.titel} ({doel.visie.titel}, {doel.periode})"


class FocuspuntVeldenMixin:
    """Choices limited to what fits the area: its own visions and their goals, active themes."""

    def beperk_keuzes(self, gebied: Gebied):
        self.gebied = gebied
        self.fields["visie"].queryset = Visie.objects.filter(gebied=gebied)
        self.fields["doel"].queryset = Doel.objects.filter(visie__gebied=gebied).select_related(
            "visie"
        )
        self.fields["doel"].label_from_instance = doel_label
        self.fields["thema"].queryset = Thema.objects.filter(actief=True) | Thema.objects.filter(
            pk=getattr(self.instance, "thema_id", None)
        )
        self.fields["eigenaar"].queryset = Persoon.objects.all()
        self.fields["partner"].queryset = Partner.objects.all()

    def clean(self):
        """The goal must be one of the area's (the choices hold only those; this is the rule),
        and of the chosen vision; a goal without a vision chosen gives its vision."""
        cleaned = super().clean()
        doel, visie = cleaned.get("doel"), cleaned.get("visie")
        if doel is not None:
            try:
                controleer_doel_van_gebied(doel, self.gebied)
            except forms.ValidationError as fout:
                self.add_error(None, fout)
                return cleaned
            if visie is None:
                cleaned["visie"] = doel.visie
            elif visie.pk != doel.visie_id:
                self.add_error(
                    "doel",
                    _("Dit doel hoort bij „%(doelvisie)s”, niet bij „%(visie)s”.")
                    % {"doelvisie": doel.visie.titel, "visie": visie.titel},
                )
        return cleaned


class FocuspuntForm(FocuspuntVeldenMixin, NLDSFormMixin, forms.ModelForm):
    """A new focus point; its status becomes the first entry of the timeline."""

    class Meta:
        model = Focuspunt
        fields = [
            "titel",
            "thema",
            "status",
            "toelichting",
            "eigenaar",
            "partner",
            "visie",
            "doel",
            "in_paragraaf",
        ]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, gebied: Gebied, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.gebied = gebied  # the model's checks (herindeling) need it
        self.beperk_keuzes(gebied)


class FocuspuntWijzigForm(FocuspuntVeldenMixin, NLDSFormMixin, forms.ModelForm):
    """Change a focus point's fields; `versie` is the version the user saw."""

    versie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Focuspunt
        fields = [
            "titel",
            "thema",
            "toelichting",
            "eigenaar",
            "partner",
            "visie",
            "doel",
            "in_paragraaf",
            "startjaar",
        ]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["versie"].initial = self.instance.versie
        self.beperk_keuzes(self.instance.gebied)


class FocuspuntUpdateForm(NLDSFormMixin, forms.ModelForm):
    """Log an update: a new status and a dated note."""

    class Meta:
        model = FocuspuntUpdate
        fields = ["status", "datum", "notitie"]
        widgets = {"notitie": forms.Textarea(attrs={"rows": 2})}
        labels = {"status": _("Nieuwe status")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].initial = timezone.localdate()
        self.fields["notitie"].required = True

    def clean_datum(self):
        return niet_in_de_toekomst(self.cleaned_data["datum"])


class ActiviteitForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Activiteit
        fields = ["datum", "soort", "omschrijving", "focuspunt"]

    def __init__(self, *args, gebied: Gebied, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.gebied = gebied  # the model's checks (herindeling) need it
        self.fields["datum"].initial = timezone.localdate()
        gekozen = Q(pk=self.instance.focuspunt_id) if self.instance.focuspunt_id else Q()
        self.fields["focuspunt"].queryset = Focuspunt.objects.filter(
            Q(status__in=OPEN_STATUSSEN) | gekozen, gebied=gebied
        )

    def clean_datum(self):
        return niet_in_de_toekomst(self.cleaned_data["datum"])


class JaartalInput(forms.TextInput):
    """A year typed as digits (a text box: a number spinner helps no one type a year)."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"inputmode": "numeric", "autocomplete": "off", "size": 6, **(attrs or {})}
        )


class DoelForm(NLDSFormMixin, forms.ModelForm):
    """A goal of a vision or agenda; changing one carries the version it was opened on."""

    class Meta:
        model = Doel
        fields = ["titel", "omschrijving", "van_jaar", "tot_jaar"]
        widgets = {
            "omschrijving": forms.Textarea(attrs={"rows": 3}),
            "van_jaar": JaartalInput,
            "tot_jaar": JaartalInput,
        }

    def __init__(self, *args, visie: Visie, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.visie = visie
        if not self.instance.pk:
            vastgesteld = visie.vastgesteld_op
            self.fields["van_jaar"].initial = (
                vastgesteld.year if vastgesteld else timezone.localdate().year
            )
            if visie.geldig_tot:
                self.fields["tot_jaar"].initial = visie.geldig_tot.year


class OordeelForm(NLDSFormMixin, forms.Form):
    """The judgement of a goal for one year. `versie` is the version of that year's judgement
    the form was opened on (empty: there was none), `geopend_jaar` the year it was opened for:
    a judgement for another year was not seen, so it is never overwritten unseen."""

    jaar = forms.IntegerField(
        label=_("Jaar"),
        widget=JaartalInput,
        help_text=_("Het jaar waarover u oordeelt; in januari en februari meestal het vorige."),
    )
    oordeel = forms.ChoiceField(
        label=_("Oordeel"),
        choices=DoelOordeel.choices,
        widget=KeuzeRondjes,
        template_name=KEUZEGROEP,
        help_text=_("Hoe ver is het doel aan het eind van het jaar gekomen?"),
        error_messages={"required": _("Kies een oordeel.")},
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat is er bereikt, of waarom niet? Dit kan in de paragraaf komen."),
    )
    versie = forms.IntegerField(required=False, widget=forms.HiddenInput)
    geopend_jaar = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, doel: Doel, **kwargs):
        super().__init__(*args, **kwargs)
        self.doel = doel

    def clean(self):
        cleaned = super().clean()
        jaar = cleaned.get("jaar")
        if jaar is not None:
            try:
                controleer_oordeeljaar(self.doel, jaar)
            except forms.ValidationError as fout:
                self.add_error(None, fout)
        return cleaned

    def gezien_versie(self) -> int | None:
        """The version of the judgement of the chosen year that the user saw, if any."""
        if self.cleaned_data.get("geopend_jaar") != self.cleaned_data["jaar"]:
            return None
        return self.cleaned_data.get("versie")


class AccountForm(NLDSFormMixin, forms.Form):
    """A person's login account: the user name (only when it is made), the roles, and whether it
    may log in. `gebruiker` is the existing account, or None; `zelf` the coordinator editing."""

    gebruikersnaam = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        help_text=_("Letters, cijfers en @ . + - _; bijvoorbeeld de naam van het e-mailadres."),
    )
    rollen = forms.MultipleChoiceField(
        label=_("Rollen"),
        choices=Groep.choices,
        widget=Vinkjes,
        template_name=KEUZEGROEP,
        help_text=_(
            "Een wijkambtenaar bewerkt alleen de gebieden waaraan de persoon vandaag is "
            "toegewezen; een coördinator alles."
        ),
        error_messages={"required": _("Kies minstens één rol.")},
    )
    actief = forms.BooleanField(
        label=_("Mag inloggen"),
        required=False,
        help_text=_(
            "Zet dit uit als iemand vertrekt: het account blijft bestaan voor de "
            "historie, maar inloggen kan niet meer."
        ),
    )
    stand = forms.CharField(required=False, widget=forms.HiddenInput)  # see accounts.stand

    def __init__(self, *args, gebruiker=None, zelf=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.gebruiker, self.zelf = gebruiker, zelf
        if gebruiker is None:
            del self.fields["actief"], self.fields["stand"]
        else:
            del self.fields["gebruikersnaam"]

    def clean_gebruikersnaam(self):
        naam = self.cleaned_data["gebruikersnaam"].strip()
        gebruikers = get_user_model()
        gebruikers.username_validator(naam)
        if gebruikers.objects.filter(username__iexact=naam).exists():
            raise forms.ValidationError(_("Deze gebruikersnaam is al in gebruik."))
        return naam

    def clean(self):
        cleaned = super().clean()
        if self.gebruiker is not None and self.gebruiker == self.zelf:
            if Groep.COORDINATOR not in cleaned.get("rollen", [Groep.COORDINATOR]):
                self.add_error("rollen", _("U kunt uw eigen rol van coördinator niet weghalen."))
            if not cleaned.get("actief", True):
                self.add_error("actief", _("U kunt uw eigen account niet blokkeren."))
        return cleaned
