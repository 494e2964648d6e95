"""The forms of setting up a municipality: its settings (name, code and logo; its own words;
what the paragraph shows and in which order; the policy numbers), the order of its areas, and
an import of areas from a file."""

import uuid
from dataclasses import dataclass
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from kern.formulieren import KEUZEGROEP, KeuzeRondjes, NLDSFormMixin, Vinkjes, opgeslagen_stand

from .constants import GebiedSoort
from .gebiedsimport import Bron
from .instellingen import gemeente
from .models import Gemeente
from .models.gemeente import BELEIDSGETALLEN
from .models.woorden import STANDAARD, soort_keuzes, standaard
from .svg import schoon_svg

LOGO_MAX_BYTES = 1_048_576
PNG_HANDTEKENING = b"\x89PNG\r\n\x1a\n"
WOORD_MAX = 50

# The groups of words as the screen shows them: category, legend, description.
WOORDGROEPEN = [
    ("soort", _("Soorten gebied"), _("Hoe de gemeente een gebied van elke soort noemt.")),
    ("meervoud", _("Soorten gebied, meervoud"), _("Bijvoorbeeld kernen voor kern.")),
    ("rol", _("Rollen van medewerkers"), _("Bijvoorbeeld kernambtenaar of gebiedsregisseur.")),
    ("platform", _("Soorten platform"), _("Bijvoorbeeld kernraad of wijkraad.")),
    ("visie", _("Soorten visie en agenda"), _("Bijvoorbeeld dorpsagenda of wijkplan.")),
]


def lees_logo(bestand) -> ContentFile:
    """An uploaded logo as it is stored: a PNG as is, an SVG sanitised (gebieden.svg); any
    other file, or one over 1 MB, is refused in Dutch."""
    if bestand.size > LOGO_MAX_BYTES:
        raise forms.ValidationError(_("Het logo mag hoogstens 1 MB groot zijn."))
    bestand.seek(0)  # read once more when a refused save shows the form again
    inhoud = bestand.read()
    if inhoud.startswith(PNG_HANDTEKENING):
        return ContentFile(inhoud, name=f"logo-{uuid.uuid4().hex}.png")
    if b"<svg" in inhoud[:4096]:
        return ContentFile(schoon_svg(inhoud), name=f"logo-{uuid.uuid4().hex}.svg")
    raise forms.ValidationError(_("Het logo moet een SVG- of PNG-afbeelding zijn."))


def woordveld(categorie: str, code: str) -> str:
    return f"woord_{categorie}_{code}"


def soortveld(soort: str) -> str:
    return f"plaats_{soort}"


@dataclass(frozen=True)
class Veldgroep:
    """A fieldset of the screen."""

    legend: str
    beschrijving: str
    velden: list  # bound fields


class GemeenteForm(NLDSFormMixin, forms.ModelForm):
    """The municipality's settings. A word left empty is the default word; only words that
    differ from it are stored. Each policy number shows the environment's default."""

    rapportsoorten = forms.MultipleChoiceField(
        label=_("Soorten gebied met een eigen deel in de paragraaf"),
        choices=soort_keuzes,
        widget=Vinkjes,
        template_name=KEUZEGROEP,
        error_messages={"required": _("Kies ten minste één soort gebied.")},
    )

    logo_weghalen = forms.BooleanField(
        label=_("Logo weghalen"),
        required=False,
        help_text=_("Dan staat alleen de naam van de gemeente in de kop en op het voorblad."),
    )

    class Meta:
        model = Gemeente
        fields = [
            "naam",
            "cbs_code",
            "logo",
            "hoofdkleur",
            "linkkleur",
            "toegankelijkheid_email",
            "algemeen_positie",
            "standaard_postnaam",
            *BELEIDSGETALLEN,
        ]
        widgets = {"algemeen_positie": KeuzeRondjes, "logo": forms.FileInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        gemeente = self.instance
        self.fields["cbs_code"].required = True
        self.fields["logo"].widget.attrs["accept"] = ".svg,.png,image/svg+xml,image/png"
        self.fields["algemeen_positie"].template_name = KEUZEGROEP
        for veld in ("hoofdkleur", "linkkleur"):
            self.fields[veld].widget.attrs.update(
                {"placeholder": "#00689e", "spellcheck": "false", "autocomplete": "off"}
            )
        self.fields["rapportsoorten"].initial = gemeente.rapportsoorten
        for veld, setting in BELEIDSGETALLEN.items():
            standaardwaarde = _("standaard: %(waarde)s") % {"waarde": getattr(settings, setting)}
            self.fields[veld].help_text = f"{self.fields[veld].help_text} ({standaardwaarde})"
        for categorie, _legend, _beschrijving in WOORDGROEPEN:
            eigen = gemeente.woorden.get(categorie, {})
            for code in STANDAARD[categorie]:
                woord = standaard(categorie, code)
                self.voeg_veld_toe(
                    woordveld(categorie, code),
                    forms.CharField(
                        label=woord,
                        required=False,
                        max_length=WOORD_MAX,
                        initial=eigen.get(code, woord),
                        help_text=_("Leeg: „%(woord)s”.") % {"woord": woord},
                    ),
                )
        volgorde = gemeente.soortvolgorde
        for soort, label in soort_keuzes():  # in the municipality's words
            self.voeg_veld_toe(
                soortveld(soort),
                forms.IntegerField(
                    label=_("Plaats van %(soort)s") % {"soort": label},
                    min_value=1,
                    max_value=len(GebiedSoort.values),
                    initial=volgorde.index(soort) + 1 if soort in volgorde else len(volgorde) + 1,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                ),
            )

    def groepen(self) -> list[Veldgroep]:
        """The screen's fieldsets, in order."""

        def velden(*namen):
            return [self[naam] for naam in namen]

        return [
            Veldgroep(
                _("Gemeente"),
                "",
                velden(
                    "naam", "cbs_code", "logo", *(["logo_weghalen"] if self.instance.logo else [])
                ),
            ),
            Veldgroep(
                _("Huisstijl en toegankelijkheid"),
                _(
                    "De kleuren van de gemeente in deze toepassing. Een kleur die te licht is "
                    "voor leesbare tekst wordt geweigerd, met het gemeten contrast."
                ),
                velden("hoofdkleur", "linkkleur", "toegankelijkheid_email"),
            ),
            *(
                Veldgroep(
                    legend,
                    beschrijving,
                    velden(*(woordveld(categorie, code) for code in STANDAARD[categorie])),
                )
                for categorie, legend, beschrijving in WOORDGROEPEN
            ),
            Veldgroep(
                _("Paragraaf en tabellen"),
                "",
                velden("rapportsoorten", "algemeen_positie", "standaard_postnaam"),
            ),
            Veldgroep(
                _("Volgorde van de soorten gebied"),
                _(
                    "Gebieden met een eigen plaats staan vooraan (Volgorde van de gebieden); de "
                    "andere op soort, in deze volgorde (1 eerst), dan op naam."
                ),
                velden(*(soortveld(soort) for soort in GebiedSoort.values)),
            ),
            Veldgroep(_("Beleidsgetallen"), "", velden(*BELEIDSGETALLEN)),
        ]

    def opgeslagen_stand(self, gemeente: Gemeente) -> list[tuple[str, object]]:
        """The saved settings beside the form after a refused save: the row's own fields, the
        words that differ from the default, the kinds in the paragraph and their order."""
        stand = opgeslagen_stand(self, gemeente, alleen=self._meta.fields)
        eigen = [
            f"{standaard(categorie, code)} → {woord}"
            for categorie, woorden in gemeente.woorden.items()
            for code, woord in woorden.items()
        ]
        eigen_soorten = gemeente.woorden.get("soort", {})
        namen = {s: eigen_soorten.get(s) or standaard("soort", s) for s in GebiedSoort.values}
        stand += [
            (_("Eigen woorden"), ", ".join(eigen) or _("geen")),
            (
                self.fields["rapportsoorten"].label,
                ", ".join(str(namen.get(s, s)) for s in gemeente.rapportsoorten),
            ),
            (
                _("Volgorde van de soorten"),
                ", ".join(str(namen.get(s, s)) for s in gemeente.soortvolgorde),
            ),
        ]
        return stand

    def _kleur(self, veld: str) -> str:
        """A colour as people type it: with or without #, in capitals or not."""
        kleur = self.cleaned_data.get(veld, "").strip().lower()
        if kleur and not kleur.startswith("#"):
            kleur = f"#{kleur}"
        return kleur

    def clean_hoofdkleur(self):
        return self._kleur("hoofdkleur")

    def clean_linkkleur(self):
        return self._kleur("linkkleur")

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):  # a new upload; else the stored file
            return lees_logo(logo)
        if self.data.get("logo_weghalen"):
            return False  # Django's way of saying: clear the file
        return logo

    def clean(self):
        cleaned = super().clean()
        for categorie, _legend, _beschrijving in WOORDGROEPEN:
            gezien = {}
            for code in STANDAARD[categorie]:
                naam = woordveld(categorie, code)
                woord = " ".join((cleaned.get(naam) or "").split()) or standaard(categorie, code)
                cleaned[naam] = woord
                if woord.lower() in gezien:
                    self.add_error(
                        naam,
                        _("„%(woord)s” staat ook bij „%(ander)s”; kies een ander woord.")
                        % {"woord": woord, "ander": gezien[woord.lower()]},
                    )
                gezien.setdefault(woord.lower(), standaard(categorie, code))
        return cleaned

    def _post_clean(self):
        """Put the words, kinds and order on the row before the model validates it."""
        cleaned = self.cleaned_data
        woorden = {}
        for categorie, _legend, _beschrijving in WOORDGROEPEN:
            eigen = {
                code: cleaned[woordveld(categorie, code)]
                for code in STANDAARD[categorie]
                if woordveld(categorie, code) in cleaned
                and cleaned[woordveld(categorie, code)] != standaard(categorie, code)
            }
            if eigen:
                woorden[categorie] = eigen
        self.instance.woorden = woorden
        if "rapportsoorten" in cleaned:
            kozen = set(cleaned["rapportsoorten"])
            self.instance.rapportsoorten = [s for s in GebiedSoort.values if s in kozen]
        plaatsen = {s: cleaned.get(soortveld(s)) for s in GebiedSoort.values}
        if all(plaatsen.values()):  # equal places keep the default order between them
            self.instance.soortvolgorde = sorted(
                GebiedSoort.values, key=lambda s: (plaatsen[s], GebiedSoort.values.index(s))
            )
        super()._post_clean()


class VolgordeForm(NLDSFormMixin, forms.Form):
    """Per area its place in the municipality's order (empty: none of its own), and the
    version the page showed, so nobody overwrites another's change unseen."""

    def __init__(self, *args, gebieden, **kwargs):
        super().__init__(*args, **kwargs)
        self.gebieden = list(gebieden)
        for gebied in self.gebieden:
            self.voeg_veld_toe(
                f"plaats_{gebied.pk}",
                forms.IntegerField(
                    label=gebied.naam,
                    required=False,
                    min_value=1,
                    max_value=9999,
                    initial=gebied.volgorde,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric", "size": 4}),
                ),
            )
            self.voeg_veld_toe(
                f"versie_{gebied.pk}",
                forms.IntegerField(required=False, initial=gebied.versie, widget=forms.HiddenInput),
            )

    def rijen(self) -> list[tuple]:
        """Per area: the area and its bound field, for the table."""
        return [(gebied, self[f"plaats_{gebied.pk}"]) for gebied in self.gebieden]

    def plaatsen(self) -> dict[int, tuple[int | None, int]]:
        """Per area on the page that was sent: its place and the version shown. An area that
        joined the list after the page was opened was not on it and is left alone."""
        return {
            gebied.pk: (
                self.cleaned_data[f"plaats_{gebied.pk}"],
                self.cleaned_data[f"versie_{gebied.pk}"],
            )
            for gebied in self.gebieden
            if self.cleaned_data.get(f"versie_{gebied.pk}") is not None
        }


IMPORT_MAX_BYTES = 60 * 1024 * 1024  # the kwb file of the whole country is some tens of MB


class GebiedsimportForm(NLDSFormMixin, forms.Form):
    bron = forms.ChoiceField(
        label=_("Soort bestand"),
        choices=Bron.choices,
        initial=Bron.CBS,
        widget=KeuzeRondjes,
        template_name=KEUZEGROEP,
    )
    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_("CSV of Excel (.xlsx), hoogstens 60 MB: het bestand zoals u het downloadde."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        error_messages={"required": _("Kies een bestand."), "empty": _("Het bestand is leeg.")},
    )
    wijken_als = forms.ChoiceField(
        label=_("Een wijk van het CBS wordt"),
        required=False,
        widget=KeuzeRondjes,
        template_name=KEUZEGROEP,
        help_text=_("Alleen bij een bestand van het CBS. Buurten worden buurten in hun wijk."),
    )
    geldig_van = forms.DateField(
        label=_("Geldig vanaf"),
        required=False,
        help_text=_(
            "Alleen bij een bestand van het CBS: de datum vanaf wanneer de nieuwe "
            "gebieden gelden. Leeg: zonder begindatum."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        soorten = dict(soort_keuzes())
        self.fields["wijken_als"].choices = [
            (GebiedSoort.WIJK, soorten[GebiedSoort.WIJK]),
            (GebiedSoort.DORP, soorten[GebiedSoort.DORP]),
        ]
        self.fields["wijken_als"].initial = GebiedSoort.WIJK

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if Path(bestand.name).suffix.lower() not in {".csv", ".xlsx"}:
            raise forms.ValidationError(_("Kies een CSV- of Excel-bestand (.csv of .xlsx)."))
        if bestand.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 60 MB."))
        return bestand

    def clean_wijken_als(self):
        return self.cleaned_data["wijken_als"] or GebiedSoort.WIJK

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("bron") == Bron.CBS and not gemeente().cbs_code:
            self.add_error(
                "bron",
                _(
                    "Vul eerst de CBS-code van de gemeente in bij de gemeente-instellingen: "
                    "alleen de wijken en buurten met die code worden gelezen."
                ),
            )
        return cleaned
