"""Factories for kern's tests and every app's: login users with their roles."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    password = factory.django.Password("geheim-wachtwoord")

    @factory.post_generation
    def groepen(self, create, extracted, **kwargs):
        for naam in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=naam)[0])
