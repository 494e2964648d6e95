"""Create the four roles as Django groups."""

from django.db import migrations

ROLLEN = ["Coördinator", "Wijkambtenaar", "Financiën", "Raadslid"]


def maak_groepen(apps, schema_editor):
    group = apps.get_model("auth", "Group")
    for naam in ROLLEN:
        group.objects.get_or_create(name=naam)


def verwijder_groepen(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLLEN).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("gebieden", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(maak_groepen, verwijder_groepen)]
