"""Forms in NL Design System style, shared by every app.

Every form renders through Django's form rendering with the project's templates
(`templates/forms/` for forms and fields, `templates/django/forms/widgets/` for the widgets,
written for speed: no include per attribute or option).
"""

from decimal import Decimal

from django import forms
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from . import notatie
from .bedragen import OngeldigBedrag, lees_bedrag, schrijf_bedrag

LEGE_KEUZE = _("– Kies –")
DJANGO_LEGE_KEUZES = {BLANK_CHOICE_LABEL, "---------"}

WIDGET_KLASSEN = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.ClearableFileInput: "utrecht-file-input",
    forms.FileInput: "utrecht-file-input",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


def zet_lege_keuze(field) -> None:
    """Label the empty choice of a select in Dutch (Django's own label has no Dutch yet).

    A field that adds its empty choice itself (a model choice, and django-filter's choice
    fields) gets its label; setting such a field's choices would add the empty choice twice."""
    if getattr(field, "empty_label", None) is not None:
        if str(field.empty_label) in DJANGO_LEGE_KEUZES:
            field.empty_label = LEGE_KEUZE
            # the widget may hold the choices of the field it was copied from (a form's fields
            # are deep copies), which still has the old label
            field.widget.choices = field.choices
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
        field.choices = [
            (waarde, LEGE_KEUZE if label in DJANGO_LEGE_KEUZES else label)
            for waarde, label in field.choices
        ]


class NLDSFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class DatumInput(forms.DateInput):
    """The browser's date picker; the value in ISO notation, as the picker wants it."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def widget_klasse(widget: forms.Widget) -> str:
    return next((k for cls, k in WIDGET_KLASSEN.items() if isinstance(widget, cls)), TEXTBOX)


class NLDSFormMixin:
    """Give every widget its NL Design System class and mark invalid fields for assistive tech.

    A model form that changes a saved row with a version (kern.versie.Versiebeheerd) carries
    the version it was opened on in a hidden field `versie`, for the services' version check."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if (
            getattr(instance, "pk", None)
            and not instance._state.adding  # a row with a fixed pk may be unsaved
            and hasattr(instance, "versie")
            and "versie" not in self.fields
        ):
            self.fields["versie"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, initial=instance.versie
            )
        for field in self.fields.values():
            self._stijl(field)

    def voeg_veld_toe(self, naam: str, field: forms.Field) -> None:
        """Add a field after the form was made (fields that depend on the data), styled like
        the others."""
        self._stijl(field)
        self.fields[naam] = field

    @staticmethod
    def _stijl(field: forms.Field) -> None:
        zet_lege_keuze(field)
        widget = field.widget
        if isinstance(widget, forms.DateInput) and not isinstance(widget, DatumInput):
            field.widget = widget = DatumInput(attrs=widget.attrs)
        widget.attrs["class"] = f"{widget.attrs.get('class', '')} {widget_klasse(widget)}".strip()

    def full_clean(self):
        super().full_clean()
        for naam in self.errors:
            if naam in self.fields:
                widget = self.fields[naam].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["class"] += " utrecht-textbox--invalid"


def opgeslagen_stand(
    form, obj, velden_als: dict | None = None, alleen: list[str] | None = None
) -> list[tuple[str, object]]:
    """A row as it is saved, field by field under the form's labels, to show beside the form
    after a refused save (includes/huidige_stand.html). `velden_als` names the attribute of a
    form field that the row keeps under another name; `alleen` limits it to those fields."""
    velden_als = velden_als or {}
    return [
        (veld.label, notatie.veldwaarde(obj, velden_als.get(naam, naam)))
        for naam, veld in form.fields.items()
        if not isinstance(veld.widget, forms.HiddenInput) and (alleen is None or naam in alleen)
    ]


# The field template of a group of choices: a fieldset with the field's label as its legend.
KEUZEGROEP = "forms/keuzegroep.html"


class KeuzeRondjes(forms.RadioSelect):
    """Radio buttons in NL Design System style; give the field `template_name=KEUZEGROEP`."""

    template_name = "django/forms/widgets/keuzerondjes.html"


class Vinkjes(forms.CheckboxSelectMultiple):
    """Checkboxes for a choice of several, in NL Design System style (not a multi-select);
    give the field `template_name=KEUZEGROEP`."""

    template_name = "django/forms/widgets/vinkjes.html"


class FilterForm(NLDSFormMixin, forms.Form):
    """Base form of every django-filter FilterSet (Meta.form)."""


class BedragField(forms.CharField):
    """An amount typed in Dutch notation ("1.234,56"); empty means 0."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "data-bedrag": ""})

    def prepare_value(self, value):
        return schrijf_bedrag(value) if isinstance(value, Decimal) else value

    def has_changed(self, initial, data):
        """An empty cell in a blank row is no change, so blank rows are left out."""
        if data in (None, "") and initial in (None, "", Decimal("0.00")):
            return False
        return super().has_changed(initial, data)

    def to_python(self, value):
        if value in (None, ""):
            return Decimal("0.00")
        try:
            return lees_bedrag(str(value))
        except OngeldigBedrag as fout:
            raise forms.ValidationError(str(fout)) from fout
