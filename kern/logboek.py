"""Log lines that can be traced: every record carries the id of its request or task."""

import logging

from .verzoek import huidig_verzoek_id


class VerzoekIdFilter(logging.Filter):
    """Puts `request_id` on every record: the id of the request or task it was written in,
    "-" outside one (start-up, management commands)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = huidig_verzoek_id() or "-"
        return True
