"""The uploaded SVG logo is cleaned of anything that could run or load (gebieden/svg.py)."""

import pytest
from django.core.exceptions import ValidationError

from gebieden.svg import schoon_svg

KOP = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def test_drawing_survives_and_scripts_and_handlers_go():
    schoon = schoon_svg(
        KOP + b' viewBox="0 0 10 10" onload="alert(1)">'
        b"<script>alert(2)</script>"
        b'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
        b"<style>@import url(https://evil.example/x.css);</style>"
        b'<rect x="1" y="1" width="8" height="8" fill="#036" onclick="alert(3)"'
        b' style="fill:url(https://evil.example/a)"/>'
        b'<circle cx="5" cy="5" r="2" fill="url(#verloop)" style="opacity:0.5"/>'
        b'<use xlink:href="https://evil.example/s.svg#a"/><use href="#rondje"/>'
        b'<a href="javascript:alert(4)"><path d="M0 0"/></a>'
        b"</svg>"
    ).decode()
    for weg in ("script", "alert", "foreignObject", "evil.example", "@import", "javascript"):
        assert weg not in schoon
    assert 'viewBox="0 0 10 10"' in schoon and 'fill="#036"' in schoon
    assert 'fill="url(#verloop)"' in schoon and 'style="opacity:0.5"' in schoon
    assert 'href="#rondje"' in schoon and "<path" not in schoon  # inside the dropped <a>


@pytest.mark.parametrize(
    "inhoud",
    [
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "yyyy">]>' + KOP + b">&x;</svg>",
        b"<svg><rect></svg>",
        b"<html><body>geen svg</body></html>",
    ],
)
def test_entities_broken_files_and_other_xml_are_refused(inhoud):
    with pytest.raises(ValidationError):
        schoon_svg(inhoud)
