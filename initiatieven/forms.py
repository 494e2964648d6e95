from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gebieden.models import Persoon, Thema
from kern.formulieren import KEUZEGROEP, BedragField, NLDSFormMixin, Vinkjes

from .constants import Doelgroep, Hulpvorm, InitiatiefStatus
from .models import Aanvraag, Initiatief, Regeling, StatusOvergang


class PositiefBedragField(BedragField):
    def to_python(self, value):
        bedrag = super().to_python(value)
        if bedrag is not None and bedrag < 0:
            raise forms.ValidationError(_("Een bedrag kan niet negatief zijn."))
        return bedrag


def bedrag_veld(label, required=True):
    return PositiefBedragField(label=label, required=required)


class InitiatiefForm(NLDSFormMixin, forms.ModelForm):
    doelgroepen = forms.MultipleChoiceField(
        label=_("Bereikte doelgroepen"),
        choices=Doelgroep.choices,
        required=False,
        widget=Vinkjes,
        template_name=KEUZEGROEP,
    )
    hulpvormen = forms.MultipleChoiceField(
        label=_("Soort hulp van de gemeente"),
        choices=Hulpvorm.choices,
        required=False,
        widget=Vinkjes,
        template_name=KEUZEGROEP,
    )

    class Meta:
        model = Initiatief
        fields = ["titel", "gebied", "thema", "omschrijving", "begeleiders", "deelnemers"]
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 4}), "begeleiders": Vinkjes}

    def __init__(self, *args, gebieden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = gebieden
        self.fields["thema"].queryset = Thema.objects.filter(actief=True)
        self.fields["begeleiders"].queryset = Persoon.objects.order_by("naam")
        self.fields["begeleiders"].template_name = KEUZEGROEP
        self.fields["begeleiders"].help_text = _("Kies wie het initiatief begeleidt; meer mag.")
        if self.instance.pk:
            self.fields["doelgroepen"].initial = [
                d.doelgroep for d in self.instance.doelgroepen.all()
            ]
            self.fields["hulpvormen"].initial = [h.hulpvorm for h in self.instance.hulp.all()]


class NieuwInitiatiefForm(InitiatiefForm):
    status = forms.ChoiceField(
        label=_("Status"), choices=InitiatiefStatus.choices, initial=InitiatiefStatus.AANGEMELD
    )
    datum = forms.DateField(label=_("Sinds"), initial=timezone.localdate)
    initiatiefnemer = forms.CharField(
        label=_("Naam initiatiefnemer"), max_length=200, required=False
    )
    contact = forms.CharField(
        label=_("E-mailadres of telefoonnummer"),
        max_length=200,
        required=False,
        help_text=_(
            "Alleen als het nodig is; wordt gewist als het initiatief lang genoeg is afgesloten."
        ),
    )


class StatusForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = StatusOvergang
        fields = ["status", "datum", "toelichting"]
        labels = {"status": _("Nieuwe status")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].initial = timezone.localdate()

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("De datum kan niet in de toekomst liggen."))
        return datum


class AanvraagForm(NLDSFormMixin, forms.ModelForm):
    bedrag_gevraagd = bedrag_veld(_("Gevraagd bedrag (euro)"))

    class Meta:
        model = Aanvraag
        fields = ["regeling", "bedrag_gevraagd", "ontvangen_op"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ontvangen_op"].initial = timezone.localdate()
        self.fields["regeling"].queryset = Regeling.objects.all()


class BesluitForm(NLDSFormMixin, forms.Form):
    besluit = forms.ChoiceField(
        label=_("Besluit"), choices=Aanvraag._meta.get_field("besluit").choices
    )
    bedrag_toegekend = bedrag_veld(_("Toegekend bedrag (euro)"), required=False)
    besluit_op = forms.DateField(label=_("Datum besluit"), initial=timezone.localdate)
    reden = forms.CharField(label=_("Motivering"), widget=forms.Textarea(attrs={"rows": 3}))
    meer_dan_gevraagd = forms.BooleanField(label=_("Bewust meer dan gevraagd"), required=False)
    budget_bevestigd = forms.BooleanField(
        label=_("Ik weet dat de regeling hiermee boven het jaarbudget komt"), required=False
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)


class VerantwoordingForm(NLDSFormMixin, forms.Form):
    ontvangen_op = forms.DateField(
        label=_("Verantwoording ontvangen op"), initial=timezone.localdate
    )
    bedrag_vastgesteld = bedrag_veld(_("Vastgesteld bedrag (euro)"))
    opmerkingen = forms.CharField(
        label=_("Opmerkingen"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)


class RegelingForm(NLDSFormMixin, forms.ModelForm):
    maximum_per_aanvraag = bedrag_veld(_("Maximum per aanvraag (euro)"))
    jaarbudget = bedrag_veld(_("Budget per jaar (euro)"))

    class Meta:
        model = Regeling
        fields = [
            "naam",
            "maximum_per_aanvraag",
            "jaarbudget",
            "begrotingspost_naam",
            "geldig_van",
            "geldig_tot",
        ]


class InitiatiefnemerForm(NLDSFormMixin, forms.Form):
    """An initiator: as little personal data as needed. `versie` is the initiative's."""

    naam = forms.CharField(label=_("Naam"), max_length=200)
    contact = forms.CharField(
        label=_("E-mailadres of telefoonnummer"),
        max_length=200,
        required=False,
        help_text=_(
            "Alleen als het nodig is; wordt gewist als het initiatief lang genoeg is afgesloten."
        ),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)
