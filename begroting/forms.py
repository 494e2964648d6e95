from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from config.forms import BedragField, NLDSFormMixin
from config.widgets import zonder_template
from gebieden.models import Gebied

from .models import Begrotingspost
from .rasterregels import bestaande_regels

BEDRAGVELDEN = ["primitieve_begroting", "begroting_na_wijziging", "realisatie"]


class BegrotingspostForm(NLDSFormMixin, forms.ModelForm):
    primitieve_begroting = BedragField(label=_("Primitieve begroting"))
    begroting_na_wijziging = BedragField(label=_("Begroting na wijziging"))
    realisatie = BedragField(label=_("Realisatie"))

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
            self.fields["gebied"].queryset = gebieden
            # choices computed once for the whole grid (not one query per row)
            self.fields["gebied"].choices = gebied_keuzes
        self.fields["naam"].widget.attrs["size"] = 18
        self.fields["taakveld"].widget.attrs["size"] = 8


class BasisPostenFormSet(BaseModelFormSet):
    @cached_property
    def kolomnamen(self) -> dict[str, str]:
        """Column names translated once for the whole grid, not once per cell."""
        namen = {naam: str(veld.label) for naam, veld in self.form.base_fields.items()}
        return {**namen, "DELETE": str(_("Verwijderen")), "nieuw": str(_("nieuwe post"))}

    def __getitem__(self, index):
        """A template's `formset.errors` first tries `formset["errors"]`, which made Django build
        a form for every line; only a line number reaches the forms."""
        if not isinstance(index, int):
            raise TypeError(index)
        return super().__getitem__(index)

    @cached_property
    def regels(self) -> list:
        """The grid's rows. After a POST the forms themselves (what was typed, with errors);
        otherwise the existing lines drawn with the first line's widgets (see `rasterregels`)
        and the blank rows' own forms."""
        aantal = self.initial_form_count()
        if self.is_bound or not aantal:
            return self.forms
        nieuw = [self.form_nummer(i) for i in range(aantal, self.total_form_count())]
        return [*bestaande_regels(self, self.form_nummer(0)), *nieuw]

    def form_nummer(self, i: int):
        """One form of the formset, built as `forms` builds each."""
        return self._construct_form(i, **self.get_form_kwargs(i))

    def add_fields(self, form, index):
        """After the formset's own fields: fast widgets, and since the grid has no visible label
        per cell, each cell named after its column and line. The grid shows no help text, so no
        cell may point at one (aria-describedby)."""
        super().add_fields(form, index)
        for naam, veld in form.fields.items():
            veld.widget = zonder_template(veld.widget)
            veld.help_text = ""
            if naam in self.kolomnamen:
                veld.widget.attrs["aria-label"] = self.celnaam(naam, form.instance)

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
    keuzes = [("", _("Algemeen (geen gebied)")), *gebieden.values_list("pk", "naam")]
    return PostenFormSet(
        data,
        queryset=jaar.posten.select_related("gebied").order_by("gebied__naam", "naam"),
        prefix="post",
        form_kwargs={"jaar": jaar, "gebieden": gebieden, "gebied_keuzes": keuzes},
    )
