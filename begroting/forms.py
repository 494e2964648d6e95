from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from gebieden.models import Gebied
from kern.formulieren import BedragField, NLDSFormMixin

from . import raster
from .models import Begrotingspost

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
        """The choice of area of a new line: Algemeen, then every area that is not a buurt."""
        return [(str(pk), naam) for pk, naam in self.form_kwargs["gebied_keuzes"]]

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
    keuzes = [("", _("Algemeen (geen gebied)")), *gebieden.values_list("pk", "naam")]
    return PostenFormSet(
        data,
        queryset=jaar.posten.select_related("gebied").order_by("gebied__naam", "naam"),
        prefix="post",
        form_kwargs={"jaar": jaar, "gebieden": gebieden, "gebied_keuzes": keuzes},
    )
