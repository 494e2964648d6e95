"""The widgets rendered without templates escape what people typed exactly as Django's do."""

from django import forms

from config.forms import NLDSFormMixin

KWAAD = '"><script>alert(1)</script>'


class Formulier(NLDSFormMixin, forms.Form):
    tekst = forms.CharField()
    keuze = forms.ChoiceField(choices=[("a", KWAAD), (KWAAD, "b")])
    vak = forms.CharField(widget=forms.Textarea)
    vinkje = forms.BooleanField(required=False)


def test_typed_text_and_labels_are_escaped_in_every_widget():
    form = Formulier(data={"tekst": KWAAD, "keuze": KWAAD, "vak": "</textarea>" + KWAAD})
    html = str(form["tekst"]) + str(form["keuze"]) + str(form["vak"])
    assert "<script>" not in html and "</textarea><" not in html
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert "&quot;&gt;&lt;script&gt;" in html


def test_same_html_as_django_for_the_attributes_that_matter():
    form = Formulier(data={"tekst": "x", "keuze": "a", "vak": "regel", "vinkje": "on"})
    form.is_valid()
    assert str(form["keuze"]).count("selected") == 1
    assert 'value="a" selected' in str(form["keuze"])
    assert "checked" in str(form["vinkje"])
    assert str(form["vak"]).endswith(">\nregel</textarea>")
    assert 'class="utrecht-textbox utrecht-textbox--html-input"' in str(form["tekst"])
    assert " required" in str(form["tekst"])
