"""An import of areas from a file: the uploaded file, the plan a task made of it (read in the
background: the CBS file of the whole country takes seconds), and whether it was written."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Gebiedsimport(models.Model):
    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig met lezen")
        KLAAR = "klaar", _("Gelezen, nog niet ingelezen")
        MISLUKT = "mislukt", _("Niet te lezen")
        INGELEZEN = "ingelezen", _("Ingelezen")

    LOPEND = (Status.WACHTRIJ, Status.BEZIG)

    bron = models.CharField(_("bron"), max_length=10)
    bestand = models.FileField(_("bestand"), upload_to="imports/gebieden/", max_length=200)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    wijken_als = models.CharField(_("CBS-wijken worden"), max_length=10, blank=True)
    geldig_van = models.DateField(_("geldig vanaf"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WACHTRIJ
    )
    gelezen = models.PositiveIntegerField(_("rijen gelezen"), default=0)
    plan = models.JSONField(_("plan"), null=True, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)
    aantal = models.PositiveIntegerField(_("gebieden aangemaakt"), default=0)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    ingelezen_op = models.DateTimeField(_("ingelezen op"), null=True, blank=True)

    class Meta:
        verbose_name = _("import van gebieden")
        verbose_name_plural = _("imports van gebieden")
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return f"{self.bestandsnaam} ({self.get_status_display()})"

    @property
    def loopt(self) -> bool:
        return self.status in self.LOPEND
