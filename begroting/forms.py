from decimal import Decimal

from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gebieden.models import Gebied
from kern import notatie
from kern.bedragen import OngeldigBedrag, lees_bedrag
from kern.formulieren import KEUZEGROEP, BedragField, KeuzeRondjes, NLDSFormMixin

from . import raster
from .constants import Eenheid
from .importeren import MAX_RIJEN, postnaam
from .models import EERSTE_JAAR, LAATSTE_JAAR, Begrotingspost, Openingsreserve
from .services import Begin

BEDRAGVELDEN = ["primitieve_begroting", "begroting_na_wijziging", "realisatie"]
ALGEMEEN = "algemeen"  # the choice of a new line that belongs to no area


class GridBedragField(BedragField):
    """An amount cell of the grid, shown as people read amounts: 50.000,00 (kern.notatie),
    also after a refused save for what was typed as 50000; what is no amount stays as typed."""

    def prepare_value(self, value):
        if isinstance(value, str) and value.strip():
            try:
                value = lees_bedrag(value)
            except OngeldigBedrag:
                return value
        return notatie.bedrag(value) if isinstance(value, Decimal) else value


class GebiedKeuzeField(forms.ModelChoiceField):
    """The area of a new line. It starts at no choice, and "Algemeen" (no area) is a choice of
    its own, so a line is never put under Algemeen without someone choosing it. A blank row is
    left out before this is asked (the formset skips unchanged extra rows); a row with content
    and no choice is refused."""

    def __init__(self, **kwargs):
        super().__init__(queryset=Gebied.objects.none(), required=False, **kwargs)

    def clean(self, value):
        if value in self.empty_values:
            raise forms.ValidationError(
                _("Kies een gebied, of Algemeen als de post bij geen gebied hoort."),
                code="required",
            )
        if value == ALGEMEEN:
            return None
        return super().clean(value)


class BegrotingspostForm(NLDSFormMixin, forms.ModelForm):
    gebied = GebiedKeuzeField(label=_("Gebied"))
    primitieve_begroting = GridBedragField(label=_("Primitieve begroting"))
    begroting_na_wijziging = GridBedragField(label=_("Begroting na wijziging"))
    realisatie = GridBedragField(label=_("Realisatie"))

    class Meta:
        model = Begrotingspost
        fields = ["gebied", "naam", "taakveld", *BEDRAGVELDEN, "bestedingstermijn"]

    def __init__(self, *args, jaar, gebieden, gebied_keuzes, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.jaar = jaar
        if self.instance.pk:
            # An existing line stays in its area (the grid shows the area as text): a select of
            # every area on each of hundreds of lines made the page slow and long to tab through.
            del self.fields["gebied"]
        else:
            gebied = self.fields["gebied"]
            gebied.queryset = gebieden
            gebied.choices = gebied_keuzes  # computed once for the whole grid, not per row


class BasisPostenFormSet(BaseModelFormSet):
    @cached_property
    def kolomnamen(self) -> dict[str, str]:
        """Column names translated once for the whole grid, not once per cell."""
        namen = {naam: str(veld.label) for naam, veld in self.form.base_fields.items()}
        extra = {"id": "", "DELETE": str(_("Verwijderen")), "nieuw": str(_("nieuwe post"))}
        return {**namen, **extra}

    def __getitem__(self, index):
        """A template's `formset.errors` first tries `formset["errors"]`, which made Django build
        a form for every line; only a line number reaches the forms."""
        if not isinstance(index, int):
            raise TypeError(index)
        return super().__getitem__(index)

    @cached_property
    def regels(self) -> list[raster.Rij]:
        """The grid's rows (see begroting/raster.py)."""
        return raster.rijen(self)

    @cached_property
    def gebied_keuzes(self) -> list[tuple[str, str]]:
        """The choice of area of a new line: none yet, Algemeen, then every area that is not a
        buurt."""
        return [(str(pk), str(naam)) for pk, naam in self.form_kwargs["gebied_keuzes"]]

    @cached_property
    def gebied_namen(self) -> dict[str, str]:
        """The name of each area a new line can choose, by its value ("" is no choice)."""
        return {**dict(self.gebied_keuzes[1:]), ALGEMEEN: str(_("Algemeen"))}

    @cached_property
    def naam_breedte(self) -> int:
        """The name cells' `size`: the longest saved name fits (within reason), so no name is
        cut off in its cell. A browser counts `size` in the font's average character width,
        which is wider than that of a name's letters."""
        langste = max((len(post.naam) for post in self.get_queryset()), default=0)
        return min(max(round(langste * 0.85) + 2, 16), 40)

    def regelnaam(self, form) -> str:
        """How the error summary names a line: its name (as typed) and its area, e.g.
        "Wijkbudget (Binnenstad)"; the area is left out when the name already says it."""
        naam = str(form["naam"].value() or "").strip() or form.instance.naam
        naam = naam or capfirst(self.kolomnamen["nieuw"])
        if "gebied" in form.fields:
            gekozen = str(form["gebied"].value() or "")
            gebied = self.gebied_namen.get(gekozen)
        else:
            gebied = form.instance.gebied.naam if form.instance.gebied else str(_("Algemeen"))
        if not gebied or gebied.casefold() in naam.casefold():
            return naam
        return f"{naam} ({gebied})"

    def form_nummer(self, i: int):
        """One form of the formset, built as `forms` builds each."""
        return self._construct_form(i, **self.get_form_kwargs(i))

    def celnaam(self, kolom: str, post) -> str:
        """A cell's accessible name: its column and its line ("Realisatie – Wijkbudget")."""
        return f"{self.kolomnamen[kolom]} – {post.naam or self.kolomnamen['nieuw']}"

    def clean(self):
        super().clean()
        gezien = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            sleutel = (gebied_van(form), form.cleaned_data.get("naam"))
            if sleutel[1] and sleutel in gezien:
                form.add_error("naam", _("Deze post staat twee keer in de lijst."))
            gezien.add(sleutel)


def gebied_van(form) -> int | None:
    """The area id of a grid row: chosen in a new row, fixed for an existing line."""
    if "gebied" in form.fields:
        gebied = form.cleaned_data.get("gebied")
        return gebied.pk if gebied else None
    return form.instance.gebied_id


PostenFormSet = modelformset_factory(
    Begrotingspost, form=BegrotingspostForm, formset=BasisPostenFormSet, extra=3, can_delete=True
)


def posten_formset(jaar, data=None):
    gebieden = Gebied.objects.exclude(soort="buurt").order_by("naam")
    keuzes = [
        ("", _("— kies een gebied —")),
        (ALGEMEEN, _("Algemeen (geen gebied)")),
        *gebieden.values_list("pk", "naam"),
    ]
    return PostenFormSet(
        data,
        queryset=jaar.posten.select_related("gebied").order_by("gebied__naam", "naam"),
        prefix="post",
        form_kwargs={"jaar": jaar, "gebieden": gebieden, "gebied_keuzes": keuzes},
    )


# Opening a year and the opening reserves (issue 18).

JAREN_VOORUIT = 5  # how far ahead of this year a year can be opened


def jaren_tekst(jaren: list[int]) -> str:
    """Years as a Dutch list: "2020", "2020 en 2021", "2019, 2020 en 2021"."""
    return get_text_list([str(j) for j in jaren], _("en"))


def gesloten_melding(jaren: list[int]) -> str:
    """Why a change that would alter closed years' reserve is refused, and what to do."""
    return ngettext(
        "%(jaren)s is gesloten en de reserve van dat jaar zou hierdoor veranderen. Er is niets "
        "opgeslagen; laat een coördinator het jaar eerst heropenen.",
        "%(jaren)s zijn gesloten en de reserve van die jaren zou hierdoor veranderen. Er is "
        "niets opgeslagen; laat een coördinator de jaren eerst heropenen.",
        len(jaren),
    ) % {"jaren": jaren_tekst(jaren)}


class JaartalInput(forms.TextInput):
    """A year typed as digits (a text box: a number spinner helps no one type a year)."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"inputmode": "numeric", "autocomplete": "off", "size": 6, **(attrs or {})}
        )


class JaarOpenenForm(NLDSFormMixin, forms.Form):
    """Open a new budget year: which year, and what it starts with (when there is a year
    before it to take the lines from)."""

    jaar = forms.IntegerField(label=_("Jaar"), widget=JaartalInput)
    begin = forms.ChoiceField(
        label=_("Begin met"),
        choices=Begin.choices,
        initial=Begin.BEDRAGEN,
        widget=KeuzeRondjes,
        template_name=KEUZEGROEP,
        help_text=_(
            "Het vorige jaar is het laatste jaar vóór het nieuwe jaar. Posten van gebieden die "
            "in het nieuwe jaar niet meer bestaan, worden niet overgenomen."
        ),
    )

    def __init__(self, *args, jaren: dict[int, bool], **kwargs):
        """`jaren`: the existing years, each with whether it is closed."""
        super().__init__(*args, **kwargs)
        self.jaren = jaren
        self.laatste_mogelijk = min(timezone.localdate().year + JAREN_VOORUIT, LAATSTE_JAAR)
        self.fields["jaar"].initial = max(jaren) + 1 if jaren else timezone.localdate().year
        self.fields["jaar"].help_text = _("Van %(van)s tot en met %(tot)s.") % {
            "van": EERSTE_JAAR,
            "tot": self.laatste_mogelijk,
        }
        if not jaren:
            del self.fields["begin"]  # nothing to take lines from: the year starts empty

    def clean_jaar(self):
        jaar = self.cleaned_data["jaar"]
        if not EERSTE_JAAR <= jaar <= self.laatste_mogelijk:
            raise forms.ValidationError(
                _("Kies een jaar van %(van)s tot en met %(tot)s.")
                % {"van": EERSTE_JAAR, "tot": self.laatste_mogelijk}
            )
        # An existing year is refused by the service (JaarBestaatAl), the same answer whether
        # it existed before or someone opened it a moment ago.
        if gesloten := sorted(j for j, dicht in self.jaren.items() if dicht and j > jaar):
            raise forms.ValidationError(
                ngettext(
                    "Het latere jaar %(jaren)s is gesloten, en de cijfers van %(jaar)s zouden "
                    "de reserve van dat jaar veranderen. Laat een coördinator het eerst "
                    "heropenen.",
                    "De latere jaren %(jaren)s zijn gesloten, en de cijfers van %(jaar)s zouden "
                    "de reserve van die jaren veranderen. Laat een coördinator ze eerst "
                    "heropenen.",
                    len(gesloten),
                )
                % {"jaren": jaren_tekst(gesloten), "jaar": jaar}
            )
        return jaar

    def clean(self):
        cleaned = super().clean()
        jaar, begin = cleaned.get("jaar"), cleaned.get("begin", Begin.LEEG)
        if jaar and begin != Begin.LEEG and not any(j < jaar for j in self.jaren):
            self.add_error(
                "begin",
                _("Er is geen jaar vóór %(jaar)s om de posten van over te nemen.") % {"jaar": jaar},
            )
        return cleaned


class OpeningsreserveForm(NLDSFormMixin, forms.ModelForm):
    bedrag = BedragField(
        label=_("Bedrag"),
        required=True,
        help_text=_("De reserve van het gebied aan het begin van het eerste jaar, in euro's."),
    )

    class Meta:
        model = Openingsreserve
        fields = ["gebied", "bedrag", "ingangsjaar", "vrij_na", "toelichting"]
        widgets = {"ingangsjaar": JaartalInput, "vrij_na": JaartalInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = Gebied.objects.exclude(soort="buurt").order_by("naam")

    def clean_bedrag(self):
        bedrag = self.cleaned_data["bedrag"]
        if bedrag <= 0:
            raise forms.ValidationError(_("Vul een bedrag groter dan nul in."))
        return bedrag

    def clean(self):
        cleaned = super().clean()
        van, tot = cleaned.get("ingangsjaar"), cleaned.get("vrij_na")
        if van and tot and tot < van:
            self.add_error(
                "vrij_na",
                _("Het laatste jaar kan niet vóór het eerste jaar (%(jaar)s) liggen.")
                % {"jaar": van},
            )
        return cleaned


class ImportForm(NLDSFormMixin, forms.Form):
    """The upload of a year's figures: the file, and whether its amounts are in euros or in
    thousands (then each is multiplied by 1000). The page writes the file input itself (its
    description links to the export); the choice renders as a fieldset with a legend."""

    bestand = forms.FileField(
        label=_("Bestand (CSV of Excel)"),
        error_messages={
            "required": _("Kies een bestand."),
            "invalid": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
        },
    )
    eenheid = forms.ChoiceField(
        label=_("Bedragen in het bestand"),
        choices=Eenheid.choices,
        initial=Eenheid.EURO,
        required=False,  # a post without the choice (an older page) reads euros
        widget=KeuzeRondjes,
        template_name=KEUZEGROEP,
        help_text=_("Bij x € 1.000 staat 12,5 in het bestand voor € 12.500,00."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].help_text = _(
            "Eerste regel met de kolommen gebied en/of gebiedscode (de CBS-code), naam, "
            "taakveld, primitieve begroting, begroting na wijziging, realisatie en eventueel "
            "jaar en bestedingstermijn. Bedragen mogen als 1.234,56. Een regel zonder naam heet "
            "„%(naam)s”; een totaalregel wordt nagerekend en niet ingelezen. Hoogstens 10 MB "
            "en %(max)s rijen."
        ) % {"naam": postnaam(), "max": notatie.getal(MAX_RIJEN)}

    def clean_eenheid(self):
        return self.cleaned_data["eenheid"] or Eenheid.EURO
