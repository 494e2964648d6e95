"""Published versions keep their HTML and PDF as files in storage instead of in the database.

Every existing version is written out byte for byte (the reverse reads the files back in), then
the database columns go."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models

import rapportage.models


def naar_opslag(apps, schema_editor):
    Publicatie = apps.get_model("rapportage", "Publicatie")
    for publicatie in Publicatie.objects.select_related("paragraaf").iterator(chunk_size=20):
        jaar = publicatie.paragraaf.jaar
        publicatie.html_bestand = default_storage.save(
            f"publicaties/{jaar}/versie-{publicatie.versie}.html",
            ContentFile(publicatie.html.encode()),
        )
        publicatie.pdf_bestand = default_storage.save(
            f"publicaties/{jaar}/versie-{publicatie.versie}.pdf",
            ContentFile(bytes(publicatie.pdf)),
        )
        publicatie.save(update_fields=["html_bestand", "pdf_bestand"])


def naar_database(apps, schema_editor):
    Publicatie = apps.get_model("rapportage", "Publicatie")
    for publicatie in Publicatie.objects.iterator(chunk_size=20):
        with default_storage.open(publicatie.html_bestand.name, "rb") as bestand:
            publicatie.html = bestand.read().decode()
        with default_storage.open(publicatie.pdf_bestand.name, "rb") as bestand:
            publicatie.pdf = bestand.read()
        publicatie.save(update_fields=["html", "pdf"])


class Migration(migrations.Migration):
    dependencies = [
        ("rapportage", "0002_versies"),
    ]

    operations = [
        migrations.AddField(
            model_name="publicatie",
            name="html_bestand",
            field=models.FileField(
                default="", max_length=200, upload_to=rapportage.models.bestandsnaam_publicatie
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="publicatie",
            name="pdf_bestand",
            field=models.FileField(
                default="", max_length=200, upload_to=rapportage.models.bestandsnaam_publicatie
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="publicatie",
            name="html",
            field=models.TextField(default=""),
        ),
        migrations.AlterField(
            model_name="publicatie",
            name="pdf",
            field=models.BinaryField(default=b""),
        ),
        migrations.RunPython(naar_opslag, naar_database, elidable=False),
        migrations.RemoveField(model_name="publicatie", name="html"),
        migrations.RemoveField(model_name="publicatie", name="pdf"),
    ]
