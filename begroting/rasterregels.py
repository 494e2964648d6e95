"""The budget grid's rows for reading, without a ModelForm per line.

A large municipality has a hundred and fifty lines in a year. Django builds a form per line (a
deep copy of every field) and renders every cell through a bound field; together that was two
thirds of the grid's time. An unsaved grid needs neither: the first line's form lends its widgets
to every line, and each cell is its widget rendered with that line's name, id, label and value.
The HTML is the formset's own (a test holds the two side by side); after a POST with errors the
grid shows the real forms, with what was typed and the errors.
"""

from django.forms.models import model_to_dict

from config.forms import Getekend


class Regel:
    """One line of the grid, read like a form: `regel.instance`, `regel.naam` (a cell)."""

    def __init__(self, instance, cellen: dict[str, Getekend]):
        self.instance = instance
        self.cellen = cellen

    def __getitem__(self, naam: str) -> Getekend:
        return self.cellen[naam]


def bestaande_regels(formset, voorbeeld) -> list[Regel]:
    """The existing lines of an unbound formset, rendered with the widgets of `voorbeeld` (the
    form of its first line)."""
    modelvelden = [naam for naam in voorbeeld._meta.fields if naam in voorbeeld.fields]
    pk_naam = formset.model._meta.pk.name
    kolommen = [(veld.name, veld.field, veld.build_widget_attrs({})) for veld in voorbeeld]
    regels = []
    for index, instance in enumerate(formset.get_queryset()):
        beginwaarden = model_to_dict(instance, fields=modelvelden)
        beginwaarden[pk_naam] = instance.pk
        cellen = {}
        for naam, veld, vaste_attrs in kolommen:
            html_naam = f"{formset.add_prefix(index)}-{naam}"
            attrs = dict(vaste_attrs)
            if naam in formset.kolomnamen:
                attrs["aria-label"] = formset.celnaam(naam, instance)
            attrs["id"] = voorbeeld.auto_id % html_naam
            waarde = veld.prepare_value(beginwaarden.get(naam, veld.initial))
            html = veld.widget.render(html_naam, waarde, attrs=attrs)
            cellen[naam] = Getekend(html=html, auto_id=attrs["id"])
        regels.append(Regel(instance, cellen))
    return regels
