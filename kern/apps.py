from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KernConfig(AppConfig):
    """What every app shares: forms in NL Design System style, Dutch notation, CSV export,
    pagination, roles and their mixins, history display and the optimistic version check."""

    name = "kern"
    verbose_name = _("Kern")

    def ready(self):
        from django.core.signals import request_finished
        from django.tasks.signals import task_finished, task_started

        from . import verzoek

        # The request id on log lines and error reports: a task's own id while it runs.
        request_finished.connect(verzoek.verzoek_afgelopen, dispatch_uid="kern.verzoek_afgelopen")
        task_started.connect(verzoek.taak_begint, dispatch_uid="kern.taak_begint")
        task_finished.connect(verzoek.taak_klaar, dispatch_uid="kern.taak_klaar")
