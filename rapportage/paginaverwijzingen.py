"""Page references of a PDF under construction, built once instead of once per tagged element.

pydyf 0.13 (the newest release) computes ``PDF.page_references`` anew on every access: a tuple
of every page's reference. WeasyPrint's PDF/UA tagging reads it for each tagged element, so a
document of n pages with m elements costs n × m; for the paragraph of a large municipality
(400 pages, 16,000 list items) that was 6 of its 60 seconds. Pages are only ever appended to the
page tree's ``Kids`` (three entries per page: number, 0, R), so the tuple stays right as long as
the length of ``Kids`` is unchanged.

``versnel`` replaces the property only on the pydyf version it was checked against; a newer
pydyf keeps its own (and a test says so, so the replacement is looked at again).
"""

import pydyf

GECONTROLEERDE_VERSIES = {"0.13.0"}
_ORIGINEEL = pydyf.PDF.page_references


def _page_references(pdf) -> tuple[bytes, ...]:
    kinderen = pdf.pages["Kids"]
    bewaard = pdf.__dict__.get("_paginaverwijzingen")
    if bewaard is None or bewaard[0] != len(kinderen):
        bewaard = (len(kinderen), _ORIGINEEL.fget(pdf))
        pdf.__dict__["_paginaverwijzingen"] = bewaard
    return bewaard[1]


def versnel() -> bool:
    """Install the remembering property on a checked pydyf; says whether it did."""
    if pydyf.__version__ not in GECONTROLEERDE_VERSIES:
        return False
    pydyf.PDF.page_references = property(_page_references)
    return True
