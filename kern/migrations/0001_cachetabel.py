"""The table of the database cache (the default cache, settings.CACHES), made by `migrate` so no
installation forgets it. With Redis configured there is nothing to make; switching to the
database cache later needs `manage.py createcachetable` (docs/deploy.md)."""

from django.core.management import call_command
from django.db import migrations


def maak_cachetabel(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(maak_cachetabel, migrations.RunPython.noop, elidable=True)]
