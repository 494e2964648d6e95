from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.translation import gettext_lazy as _

from config.forms import BedragField, NLDSFormMixin
from config.widgets import zonder_template
from gebieden.models import Gebied

from .models import Begrotingspost

BEDRAGVELDEN = ["primitieve_begroting", "begroting_na_wijziging", "realisatie"]


class BegrotingspostForm(NLDSFormMixin, forms.ModelForm):
    primitieve_begroting = BedragField(label=_("Primitieve begroting"))
    begroting_na_wijziging = BedragField(label=_("Begroting na wijziging"))
    realisatie = BedragField(label=_("Realisatie"))

    class Meta:
        model = Begrotingspost
        fields = ["gebied", "naam", "taakveld", *BEDRAGVELDEN, "bestedingstermijn"]

    def __init__(self, *args, jaar, gebieden, gebied_keuzes, kolommen, **kwargs):
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
        # The grid has no visible label per cell: name the cell after its column and line.
        regel = self.instance.naam or kolommen["nieuwe post"]
        for naam, veld in self.fields.items():
            veld.widget.attrs["aria-label"] = f"{kolommen[naam]} – {regel}"
            if naam in ("naam", "taakveld"):
                veld.widget.attrs["size"] = 18 if naam == "naam" else 8


class BasisPostenFormSet(BaseModelFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        for veld in form.fields.values():
            veld.widget = zonder_template(veld.widget)
        if "DELETE" in form.fields:
            regel = form.instance.naam or _("nieuwe post")
            form.fields["DELETE"].widget.attrs["aria-label"] = f"{_('Verwijderen')} – {regel}"

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
    # column names translated once for the whole grid, not once per cell
    kolommen = {naam: str(veld.label) for naam, veld in BegrotingspostForm.base_fields.items()}
    kolommen["nieuwe post"] = str(_("nieuwe post"))
    return PostenFormSet(
        data,
        queryset=jaar.posten.select_related("gebied").order_by("gebied__naam", "naam"),
        prefix="post",
        form_kwargs={
            "jaar": jaar,
            "gebieden": gebieden,
            "gebied_keuzes": keuzes,
            "kolommen": kolommen,
        },
    )
