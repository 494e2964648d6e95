from django import forms
from django.utils.translation import gettext_lazy as _

from kern.formulieren import NLDSFormMixin

from .models import Paragraaf


class ParagraafForm(NLDSFormMixin, forms.ModelForm):
    """Number, title and the texts people write; one optional text field per area."""

    class Meta:
        model = Paragraaf
        fields = ["jaar", "nummer", "titel", "inleiding", "slottekst"]
        widgets = {
            "inleiding": forms.Textarea(attrs={"rows": 10}),
            "slottekst": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, gebieden=(), teksten=None, **kwargs):
        super().__init__(*args, **kwargs)
        teksten = teksten or {}
        self.gebied_velden = []
        for gebied in gebieden:
            naam = f"gebied_{gebied.pk}"
            self.fields[naam] = forms.CharField(
                label=_("Tekst voor %(naam)s") % {"naam": gebied.naam},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=teksten.get(gebied.pk, ""),
            )
            self.gebied_velden.append((gebied, naam))
        for _gebied, naam in self.gebied_velden:
            self.fields[naam].widget.attrs["class"] = (
                "utrecht-textarea utrecht-textarea--html-textarea"
            )
        if self.instance.pk:
            self.fields["jaar"].disabled = True


class PublicerenForm(NLDSFormMixin, forms.Form):
    """What the coordinator may say about a new version, on the page that confirms publishing."""

    toelichting = forms.CharField(
        label=_("Wat is er anders dan de vorige versie"),
        max_length=500,
        required=False,
        help_text=_("Lezers zien dit bij de versie in de lijst van versies."),
    )
