from django import forms
from django.utils.translation import gettext_lazy as _

from kern.formulieren import NLDSFormMixin

from .models import Paragraaf
from .opmaak import veilige_html

# The texts people write, in the order of the page (the areas' texts come between `beter` and
# `slottekst`).
TEKSTVELDEN = ("inleiding", "goed", "beter", "slottekst")
MAX_TEKST = 50_000


class ParagraafForm(NLDSFormMixin, forms.ModelForm):
    """Number, title and the texts people write (Markdown); one optional text field per area."""

    class Meta:
        model = Paragraaf
        fields = ["jaar", "nummer", "titel", "inleiding", "goed", "beter", "slottekst"]
        widgets = {
            "inleiding": forms.Textarea(attrs={"rows": 12}),
            "goed": forms.Textarea(attrs={"rows": 5}),
            "beter": forms.Textarea(attrs={"rows": 5}),
            "slottekst": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, gebieden=(), teksten=None, **kwargs):
        super().__init__(*args, **kwargs)
        teksten = teksten or {}
        self.gebied_velden = []
        for gebied in gebieden:
            naam = f"gebied_{gebied.pk}"
            self.voeg_veld_toe(
                naam,
                forms.CharField(
                    label=_("Tekst voor %(naam)s") % {"naam": gebied.naam},
                    required=False,
                    max_length=MAX_TEKST,
                    help_text=_(
                        "Staat bovenaan het deel van %(naam)s, boven wat de toepassing maakt."
                    )
                    % {"naam": gebied.naam},
                    widget=forms.Textarea(attrs={"rows": 6}),
                    initial=teksten.get(gebied.pk, ""),
                ),
            )
            self.gebied_velden.append((gebied, naam))
        for naam in (*TEKSTVELDEN, *(veld for _gebied, veld in self.gebied_velden)):
            self.fields[naam].widget.attrs.update(
                {"data-voorbeeld": f"voorbeeld-{naam}", "spellcheck": "true"}
            )
        if self.instance.pk:
            self.fields["jaar"].disabled = True

    def voorbeeld(self, naam: str) -> str:
        """The field's text as readers will see it (what was typed, after a refused save)."""
        return veilige_html(self[naam].value() or "")

    def tekstvelden(self) -> dict:
        """Each of the paragraph's own texts as (field, preview), by name."""
        return {naam: (self[naam], self.voorbeeld(naam)) for naam in TEKSTVELDEN}


class VoorbeeldForm(NLDSFormMixin, forms.Form):
    """A text to show as readers would see it (the live preview beside the editor)."""

    tekst = forms.CharField(
        label=_("Tekst"),
        required=False,
        max_length=MAX_TEKST,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class PublicerenForm(NLDSFormMixin, forms.Form):
    """What the coordinator may say about a new version, on the page that confirms publishing."""

    toelichting = forms.CharField(
        label=_("Wat is er anders dan de vorige versie"),
        max_length=500,
        required=False,
        help_text=_("Lezers zien dit bij de versie in de lijst van versies."),
    )
