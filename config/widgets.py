"""Form widgets rendered in Python instead of through Django's widget templates.

One template render per input, and one per <option>, made pages with many fields slow: the
budget grid of a large municipality (a thousand cells) took seconds, a select of 700 areas tens
of milliseconds. The HTML is the same as that of Django's `input.html`, `select.html` and
`textarea.html`; every form gets these through `config.forms.NLDSFormMixin`.
"""

import copy
from html import escape

from django import forms
from django.utils.safestring import mark_safe


def attributen(attrs: dict) -> str:
    """Like Django's `attrs.html`: True gives a bare attribute, False and None leave it out.

    Python's `html.escape` escapes the same five characters as Django's `escape`, without the
    lazy-string bookkeeping that made a thousand cells slow."""
    return "".join(
        f" {naam}" if waarde is True else f' {naam}="{escape(str(waarde))}"'
        for naam, waarde in attrs.items()
        if waarde is not False and waarde is not None
    )


class ZonderTemplateMixin:
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        waarde = widget["value"]
        waarde = f' value="{escape(str(waarde))}"' if waarde is not None else ""
        return mark_safe(  # noqa: S308 -- every part escaped above
            f'<input type="{widget["type"]}" name="{escape(widget["name"])}"{waarde}'
            f"{attributen(widget['attrs'])}>"
        )


class KeuzeZonderTemplateMixin:
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        delen = [f'<select name="{escape(widget["name"])}"{attributen(widget["attrs"])}>']
        for groep, opties, _index in widget["optgroups"]:
            if groep:
                delen.append(f'<optgroup label="{escape(str(groep))}">')
            delen.extend(
                f'<option value="{escape(str(optie["value"]))}"{attributen(optie["attrs"])}>'
                f"{escape(str(optie['label']))}</option>"
                for optie in opties
            )
            if groep:
                delen.append("</optgroup>")
        delen.append("</select>")
        return mark_safe("".join(delen))  # noqa: S308 -- every part escaped above


class TekstvakZonderTemplateMixin:
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        waarde = "" if widget["value"] is None else escape(str(widget["value"]))
        return mark_safe(  # noqa: S308 -- every part escaped above
            f'<textarea name="{escape(widget["name"])}"{attributen(widget["attrs"])}>\n'
            f"{waarde}</textarea>"
        )


class TekstInvoer(ZonderTemplateMixin, forms.TextInput):
    pass


class GetalInvoer(ZonderTemplateMixin, forms.NumberInput):
    pass


class VerborgenInvoer(ZonderTemplateMixin, forms.HiddenInput):
    pass


class Vinkje(ZonderTemplateMixin, forms.CheckboxInput):
    pass


class EmailInvoer(ZonderTemplateMixin, forms.EmailInput):
    pass


class UrlInvoer(ZonderTemplateMixin, forms.URLInput):
    pass


class Keuzelijst(KeuzeZonderTemplateMixin, forms.Select):
    pass


class Meerkeuzelijst(KeuzeZonderTemplateMixin, forms.SelectMultiple):
    pass


class Tekstvak(TekstvakZonderTemplateMixin, forms.Textarea):
    pass


ZONDER_TEMPLATE = {
    forms.TextInput: TekstInvoer,
    forms.NumberInput: GetalInvoer,
    forms.HiddenInput: VerborgenInvoer,
    forms.CheckboxInput: Vinkje,
    forms.EmailInput: EmailInvoer,
    forms.URLInput: UrlInvoer,
    forms.Select: Keuzelijst,
    forms.SelectMultiple: Meerkeuzelijst,
    forms.Textarea: Tekstvak,
}


def zonder_template(widget: forms.Widget) -> forms.Widget:
    """The same widget (attributes and all) rendered without a template, where one exists."""
    snel = ZONDER_TEMPLATE.get(type(widget))
    if snel is None:
        return widget
    kopie = copy.copy(widget)
    kopie.__class__ = snel
    return kopie
