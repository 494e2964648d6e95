"""Error reports to Sentry (or a compatible service such as GlitchTip), when SENTRY_DSN is set.

No personal data leaves the installation: no cookies, no session, no user, no form data
(`send_default_pii=False`). Each report carries the request id (kern/verzoek.py) as a tag, so it
can be matched with the log lines of the same request or task."""

from .verzoek import huidig_verzoek_id


def met_verzoek_id(event: dict, hint: dict) -> dict:
    """before_send: tag the report with the id of the request or task it happened in."""
    if verzoek_id := huidig_verzoek_id():
        event.setdefault("tags", {})["request_id"] = verzoek_id
    return event


def start_foutmelding(
    dsn: str, *, omgeving: str = "productie", traces_sample_rate: float = 0.0
) -> None:
    """Start sending error reports to `dsn`. A traces_sample_rate of 0 sends no performance
    traces at all (and measures nothing)."""
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        # No personal data: send_default_pii stays unset, which means off (sentry-sdk 2.7x
        # deprecates passing it, and passing its successor data_collection would turn off the
        # default scrubber of cookies, session and passwords). tests/kern/test_foutmelding.py
        # checks what is sent.
        environment=omgeving,
        traces_sample_rate=traces_sample_rate or None,
        before_send=met_verzoek_id,
    )
