"""Filters shared by every list (django-filter)."""

import django_filters
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django_filters.fields import ModelChoiceField


class NaamKeuzes(ModelChoiceIterator):
    """The options of a select of named rows (areas, people, themes, schemes) read as
    (pk, naam) values: a list's filter form built a model instance for each of hundreds."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for pk, naam in self.queryset.values_list("pk", "naam"):
            yield (ModelChoiceIteratorValue(pk, None), naam)


class NaamKeuzeVeld(ModelChoiceField):
    iterator = NaamKeuzes


class NaamKeuzeFilter(django_filters.ModelChoiceFilter):
    """A choice of one named row; the options show its `naam` (what its str() shows too)."""

    field_class = NaamKeuzeVeld
