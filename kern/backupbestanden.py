"""The files a backup holds besides the data: every file a row of this project refers to
(published HTML and PDF, vision documents, draft PDFs), read from and written to the storage
(a private folder or an S3 bucket, settings.STORAGES)."""

from collections.abc import Iterator

from django.db import models

from .projectapps import eigen_apps


def bestanden() -> Iterator[tuple[models.FileField, str]]:
    """(field, file name) of every stored file a row refers to."""
    for app in eigen_apps():
        for model in app.get_models():
            for veld in model._meta.concrete_fields:
                if isinstance(veld, models.FileField):
                    namen = model._default_manager.exclude(**{veld.name: ""}).values_list(
                        veld.name, flat=True
                    )
                    for naam in namen.iterator():
                        yield veld, naam


class AnderBestand(Exception):
    """A file of that name already exists in storage with other contents."""


def zet_terug(veld: models.FileField, naam: str, inhoud: bytes) -> None:
    """Write a file back under its own name (the rows refer to it by that name)."""
    from django.core.files.base import ContentFile

    opslag = veld.storage
    if opslag.exists(naam):
        with opslag.open(naam, "rb") as bestaand:
            if bestaand.read() != inhoud:
                raise AnderBestand(naam)
        return
    opgeslagen = opslag.save(naam, ContentFile(inhoud))
    if opgeslagen != naam:
        opslag.delete(opgeslagen)
        raise AnderBestand(naam)
