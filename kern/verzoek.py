"""Who is asking: the id of the current request (or task) for the logs and error reports, and
the client's address behind the HTTPS proxy for the login throttle.

Every request gets an id: the proxy's `X-Request-ID` when it sent a sensible one (so a line in
the proxy's log and one in ours can be matched), otherwise a new one. It is sent back in the
`X-Request-ID` response header, put on every log line (kern/logboek.py) and on every error report
(kern/foutmelding.py). While a background task runs, the task's id takes its place.
"""

import ipaddress
import re
import uuid
from contextvars import ContextVar, Token

from django.conf import settings

KOP = "X-Request-ID"
_GELDIG = re.compile(r"[A-Za-z0-9._-]{1,64}")

_verzoek_id: ContextVar[str | None] = ContextVar("verzoek_id", default=None)


def huidig_verzoek_id() -> str | None:
    """The id of the request or task being handled now; None outside one."""
    return _verzoek_id.get()


def nieuw_verzoek_id(binnengekomen: str | None = None) -> str:
    """The incoming id when it is 1–64 characters of letters, digits, dot, underscore and
    hyphen (nothing that could break a log line or a header); otherwise a fresh one."""
    if binnengekomen and _GELDIG.fullmatch(binnengekomen):
        return binnengekomen
    return uuid.uuid4().hex


class VerzoekIdMiddleware:
    """Gives each request its id, and answers with it in the `X-Request-ID` header.

    The id stays current until Django reports the request finished (`request_finished`), so the
    lines Django itself logs after the view ("Not Found: …") carry it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        verzoek_id = nieuw_verzoek_id(request.headers.get(KOP))
        _verzoek_id.set(verzoek_id)
        request.verzoek_id = verzoek_id
        response = self.get_response(request)
        response[KOP] = verzoek_id
        return response


def verzoek_afgelopen(**kwargs) -> None:
    """`request_finished`: from here on, log lines belong to no request."""
    _verzoek_id.set(None)


# Task id → the token that restores the id that was current before the task started (the
# request's, when a task runs inside it with the immediate backend; none in a worker).
_voor_taak: dict[str, Token] = {}


def taak_begint(sender, task_result, **kwargs) -> None:
    """`task_started`: while a task runs, its id is the id on the log lines and error reports."""
    _voor_taak[task_result.id] = _verzoek_id.set(str(task_result.id))


def taak_klaar(sender, task_result, **kwargs) -> None:
    """`task_finished`: back to the id from before the task."""
    token = _voor_taak.pop(task_result.id, None)
    if token is not None:
        try:
            _verzoek_id.reset(token)
            return
        except (ValueError, RuntimeError):  # set in another context: nothing to go back to
            pass
    _verzoek_id.set(None)


def client_adres(request) -> str | None:
    """The address of the client, for the login throttle (AXES_CLIENT_IP_CALLABLE).

    Without CLIENT_IP_HEADER: REMOTE_ADDR, the address that connected to us. With it (behind
    VERTROUWDE_PROXIES proxies that each append the address they received the request from, as
    X-Forwarded-For works): the entry that many places from the right, written by the outermost
    trusted proxy. Entries to the left of it come from the client and are ignored, so a forged
    header does not change the address. When the header is missing, too short or not an
    address, the request did not come through the proxies: REMOTE_ADDR again."""
    kop = settings.CLIENT_IP_HEADER
    direct = request.META.get("REMOTE_ADDR")
    if not kop:
        return direct
    aantal = max(settings.VERTROUWDE_PROXIES, 1)
    adressen = [deel.strip() for deel in request.META.get(kop, "").split(",")]
    if len(adressen) < aantal or not adressen[-aantal]:
        return direct
    try:
        return str(ipaddress.ip_address(adressen[-aantal]))
    except ValueError:
        return direct
