"""This project's own apps (not Django's or a library's), for commands that go over all of
them: demo data, backups."""

from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings


def eigen_apps() -> list[AppConfig]:
    """The apps whose package lies directly in the project directory, in INSTALLED_APPS order
    (a virtual environment inside the project directory does not count)."""
    project = Path(settings.BASE_DIR).resolve()
    return [a for a in apps.get_app_configs() if Path(a.path).resolve().parent == project]
