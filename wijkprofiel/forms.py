"""The forms of the wijkprofiel: an upload of figures or boundaries, the buurten of each own
area, and the choice of indicators."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from gebieden.instellingen import gemeente
from kern.formulieren import KEUZEGROEP, KeuzeRondjes, NLDSFormMixin, Vinkjes

from .indicatoren import INDICATOREN, MAX_KERNCIJFERS, MIN_KERNCIJFERS
from .models import Profielimport, Profielkeuze

MAX_BYTES = {
    Profielimport.Soort.CIJFERS: 200 * 1024 * 1024,  # the kwb file of the country: tens of MB
    Profielimport.Soort.GRENZEN: 600 * 1024 * 1024,  # the wijk- en buurtkaart: hundreds
}
EXTENSIES = {
    Profielimport.Soort.CIJFERS: {".csv", ".xlsx", ".json"},
    Profielimport.Soort.GRENZEN: {".gpkg", ".geojson", ".json"},
}


class ProfielimportForm(NLDSFormMixin, forms.Form):
    soort = forms.ChoiceField(
        label=_("Wat leest u in?"),
        choices=Profielimport.Soort.choices,
        initial=Profielimport.Soort.CIJFERS,
        widget=KeuzeRondjes,
        template_name=KEUZEGROEP,
    )
    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "Cijfers: kwb-JJJJ.xlsx of .csv, een CSV uit StatLine of JSON van cbsodata. "
            "Buurtgrenzen: de wijk- en buurtkaart als GeoPackage (.gpkg) of GeoJSON."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.json,.gpkg,.geojson"}),
        error_messages={"required": _("Kies een bestand."), "empty": _("Het bestand is leeg.")},
    )
    tabel = forms.CharField(
        label=_("CBS-tabel"),
        required=False,
        max_length=40,
        help_text=_(
            "Het nummer van de tabel, bijvoorbeeld 85984NED. Leeg: uit het bestand of de "
            "bestandsnaam."
        ),
    )
    jaar = forms.IntegerField(
        label=_("Jaar"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=_("Leeg: uit het bestand, de bestandsnaam of het tabelnummer."),
    )

    def clean(self):
        cleaned = super().clean()
        bestand, soort = cleaned.get("bestand"), cleaned.get("soort")
        if bestand and soort:
            if Path(bestand.name).suffix.lower() not in EXTENSIES[soort]:
                toegestaan = ", ".join(sorted(EXTENSIES[soort]))
                self.add_error(
                    "bestand",
                    _("Kies voor dit soort bestand een %(soorten)s-bestand.")
                    % {"soorten": toegestaan},
                )
            elif bestand.size > MAX_BYTES[soort]:
                self.add_error("bestand", _("Het bestand is te groot."))
        if not gemeente().cbs_code:
            self.add_error(
                "soort",
                _(
                    "Vul eerst de CBS-code van de gemeente in bij de gemeente-instellingen: "
                    "alleen de wijken en buurten met die code worden gelezen."
                ),
            )
        return cleaned


def buurtveld(code: str) -> str:
    return f"buurt_{code}"


class BuurtenForm(NLDSFormMixin, forms.Form):
    """One choice of own area per buurt; `gezien` is the fingerprint of the assignment shown."""

    gezien = forms.CharField(widget=forms.HiddenInput)
    per = forms.DateField(
        label=_("Geldt vanaf"),
        required=False,
        help_text=_(
            "Leeg: een buurt die nog nergens bij hoorde, hoort er voor alle jaren bij; een "
            "buurt die naar een ander gebied gaat, vanaf vandaag. Eerdere jaren houden de "
            "indeling die ze hadden."
        ),
    )

    def __init__(self, *args, buurten, gebieden, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = [("", _("— geen gebied —")), *((g.pk, g.naam) for g in gebieden)]
        self.buurten = buurten
        for buurt in buurten:
            self.voeg_veld_toe(
                buurtveld(buurt.code),
                forms.TypedChoiceField(
                    label=f"{buurt.naam} ({buurt.code})",
                    choices=keuzes,
                    coerce=int,
                    empty_value=None,
                    required=False,
                    initial=buurt.gebied_id or buurt.voorstel_id,
                ),
            )

    def regels(self):
        """(buurt, its bound field) per buurt, for the table."""
        return [(b, self[buurtveld(b.code)]) for b in self.buurten]

    def indeling(self) -> dict[str, int | None]:
        return {b.code: self.cleaned_data[buurtveld(b.code)] for b in self.buurten}


class ProfielkeuzeForm(NLDSFormMixin, forms.ModelForm):
    keuzes = [(i.code, i.naam) for i in INDICATOREN]
    indicatoren = forms.MultipleChoiceField(
        label=_("Op de gebiedspagina"),
        choices=keuzes,
        widget=Vinkjes,
        template_name=KEUZEGROEP,
        help_text=_("De cijfers die elke gebiedspagina toont, met de gemeente ernaast."),
        error_messages={"required": _("Kies minstens één onderwerp.")},
    )
    kerncijfers = forms.MultipleChoiceField(
        label=_("In de paragraaf"),
        choices=keuzes,
        widget=Vinkjes,
        template_name=KEUZEGROEP,
        help_text=_("Drie tot vijf kerncijfers per gebied, met de verandering tegen vorig jaar."),
    )

    class Meta:
        model = Profielkeuze
        fields = ["indicatoren", "kerncijfers"]

    def clean_kerncijfers(self):
        gekozen = self.cleaned_data["kerncijfers"]
        if not MIN_KERNCIJFERS <= len(gekozen) <= MAX_KERNCIJFERS:
            raise forms.ValidationError(
                _("Kies %(min)s tot %(max)s kerncijfers; u koos er %(aantal)s.")
                % {"min": MIN_KERNCIJFERS, "max": MAX_KERNCIJFERS, "aantal": len(gekozen)}
            )
        return gekozen
