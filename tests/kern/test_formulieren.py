"""Forms render through Django's form rendering with the project's templates
(templates/forms/, templates/django/forms/widgets/): what people typed is escaped, choices and
ticks are kept, and every control has its NL Design System class."""

from django import forms

from kern.formulieren import NLDSFormMixin

KWAAD = '"><script>alert(1)</script>'


class Formulier(NLDSFormMixin, forms.Form):
    tekst = forms.CharField()
    keuze = forms.ChoiceField(choices=[("a", KWAAD), (KWAAD, "b")])
    meer = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], required=False)
    vak = forms.CharField(widget=forms.Textarea)
    vinkje = forms.BooleanField(required=False)
    datum = forms.DateField(required=False)


def test_typed_text_and_labels_are_escaped_in_every_widget():
    form = Formulier(data={"tekst": KWAAD, "keuze": KWAAD, "vak": "</textarea>" + KWAAD})
    html = str(form["tekst"]) + str(form["keuze"]) + str(form["vak"])
    assert "<script>" not in html and "</textarea><" not in html
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert "&quot;&gt;&lt;script&gt;" in html


def test_choices_ticks_and_values_are_kept():
    form = Formulier(
        data={"tekst": "x", "keuze": "a", "meer": ["x", "y"], "vak": "regel", "vinkje": "on"}
    )
    form.is_valid()
    assert str(form["keuze"]).count(" selected") == 1
    assert '<option value="a" selected>' in str(form["keuze"])
    assert str(form["meer"]).count(" selected") == 2
    assert "checked" in str(form["vinkje"])
    assert str(form["vak"]).endswith(">\nregel</textarea>")


def test_every_control_has_its_nl_design_system_class_and_errors_are_marked():
    form = Formulier(data={"keuze": "a"})
    assert not form.is_valid()
    assert 'class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--invalid"' in str(
        form["tekst"]
    )
    assert 'aria-invalid="true"' in str(form["tekst"])
    assert "utrecht-select utrecht-select--html-select" in str(form["keuze"])
    assert "utrecht-checkbox" in str(form["vinkje"])
    assert 'type="date"' in str(form["datum"])


def test_a_whole_form_has_labels_linked_to_their_fields_and_an_error_summary():
    html = str(Formulier(data={}))
    assert "Het formulier is nog niet goed ingevuld." in html
    assert 'href="#id_tekst"' in html and 'for="id_tekst"' in html


def test_a_filters_select_has_its_empty_choice_once_with_its_own_label():
    """django-filter adds the empty choice itself; labelling it must not add a second one."""
    import django_filters

    from gebieden.models import Thema
    from kern.formulieren import FilterForm

    class Filter(django_filters.FilterSet):
        status = django_filters.ChoiceFilter(
            choices=[("loopt", "loopt"), ("afgerond", "afgerond")], empty_label="Alle statussen"
        )
        soort = django_filters.ChoiceFilter(choices=[("a", "A")])

        class Meta:
            model = Thema
            form = FilterForm
            fields = []

    html = str(Filter(data={}, queryset=Thema.objects.none()).form)
    assert html.count(">Alle statussen</option>") == 1
    assert html.count('value=""') == 2  # one empty choice per select
    assert "---------" not in html
