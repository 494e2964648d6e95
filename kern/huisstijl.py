"""The municipality's own colours as NL Design System design tokens, with the contrast check of
WCAG 2.1 (1.4.3 text 4.5:1, 1.4.11 UI parts 3:1).

The example theme (voorbeeld-theme) keeps every other token; these only replace its accent (the
primary button, checked boxes, the header line) and its link colour. Lighter and darker shades are
mixed from the chosen colour, so one colour is enough to enter.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
WIT = "#ffffff"
TEKST_MINIMUM = 4.5  # WCAG 1.4.3, normal text
UI_MINIMUM = 3.0  # WCAG 1.4.11, borders and states of controls
# The lightest tint the tokens use as a background behind text in the chosen colour.
LICHTSTE_TINT = 0.95


def _kanalen(kleur: str) -> tuple[int, int, int]:
    return tuple(int(kleur[i : i + 2], 16) for i in (1, 3, 5))


def _hex(kanalen) -> str:
    return "#" + "".join(f"{max(0, min(255, round(k))):02x}" for k in kanalen)


def relatieve_luminantie(kleur: str) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour."""

    def lineair(k: int) -> float:
        c = k / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lineair(k) for k in _kanalen(kleur))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((relatieve_luminantie(a), relatieve_luminantie(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def meng(kleur: str, met: str, aandeel: float) -> str:
    """`kleur` with `aandeel` (0–1) of `met` mixed in."""
    return _hex(
        k * (1 - aandeel) + m * aandeel for k, m in zip(_kanalen(kleur), _kanalen(met), strict=True)
    )


def _getal(waarde: float) -> str:
    """Rounded down, so 4,49 never reads as the 4,5 it fails."""
    return f"{int(waarde * 10) / 10:.1f}".replace(".", ",")


def valideer_kleur(kleur: str) -> None:
    """Refuses a colour that white text on it, or it as text on the page, could not be read
    against: the same colour serves as button background and as text and border, on white and on
    the lightest tint made from it (hover and highlighted backgrounds)."""
    if not HEX_RE.match(kleur or ""):
        raise ValidationError(
            _("Geef een kleur als # en zes tekens 0-9 of a-f, bijvoorbeeld #00689e."),
            code="kleur",
        )
    for achtergrond, naam in (
        (WIT, _("wit")),
        (meng(kleur, WIT, LICHTSTE_TINT), _("de lichte tint")),
    ):
        verhouding = contrast(kleur, achtergrond)
        if verhouding < TEKST_MINIMUM:
            raise ValidationError(
                _(
                    "Deze kleur heeft te weinig contrast: %(verhouding)s:1 met %(achtergrond)s; "
                    "voor tekst is minstens 4,5:1 nodig (WCAG 2.1, 1.4.3). Kies een donkerdere "
                    "kleur."
                ),
                code="contrast",
                params={"verhouding": _getal(verhouding), "achtergrond": naam},
            )


@dataclass(frozen=True)
class Huisstijl:
    """The tokens one or two chosen colours give."""

    hoofdkleur: str = ""
    linkkleur: str = ""

    def __bool__(self) -> bool:
        return bool(self.hoofdkleur or self.linkkleur)

    def tokens(self) -> dict[str, str]:
        """The custom properties to set; none for a colour left empty, or one that is not
        #rrggbb (the stylesheet is written unescaped, so only a checked colour reaches it)."""
        tokens = {}
        if HEX_RE.match(self.hoofdkleur):
            tokens |= self._accent(self.hoofdkleur.lower())
        link = next((k.lower() for k in (self.linkkleur, self.hoofdkleur) if HEX_RE.match(k)), "")
        if link:
            tokens |= {
                "--basis-color-action-2-color-default": link,
                "--basis-color-action-2-color-hover": meng(link, "#000000", 0.2),
                "--basis-color-action-2-color-active": meng(link, "#000000", 0.4),
                "--basis-color-action-2-color-document": meng(link, "#000000", 0.4),
            }
        return tokens

    @staticmethod
    def _accent(k: str) -> dict[str, str]:
        donker, donkerder = meng(k, "#000000", 0.2), meng(k, "#000000", 0.4)
        return {
            # the colour on white: text, borders, checked controls
            "--basis-color-accent-1-color-default": k,
            "--basis-color-accent-1-color-hover": donker,
            "--basis-color-accent-1-color-active": donkerder,
            "--basis-color-accent-1-color-document": donkerder,
            "--basis-color-accent-1-color-subtle": k,  # no lighter text: it would fail 4.5:1
            "--basis-color-accent-1-border-default": k,
            "--basis-color-accent-1-border-hover": donker,
            "--basis-color-accent-1-border-active": donkerder,
            "--basis-color-accent-1-border-subtle": k,
            # light tints behind dark text
            "--basis-color-accent-1-bg-subtle": meng(k, WIT, LICHTSTE_TINT),
            "--basis-color-accent-1-bg-default": meng(k, WIT, 0.9),
            "--basis-color-accent-1-bg-hover": meng(k, WIT, 0.8),
            "--basis-color-accent-1-bg-active": meng(k, WIT, 0.8),
            # white text on the colour: the primary button
            "--basis-color-accent-1-inverse-bg-default": k,
            "--basis-color-accent-1-inverse-bg-hover": donker,
            "--basis-color-accent-1-inverse-bg-active": donkerder,
            "--basis-color-accent-1-inverse-bg-document": donker,
            "--basis-color-accent-1-inverse-bg-subtle": donkerder,
            "--basis-color-action-1-inverse-bg-default": k,
        }

    @property
    def sleutel(self) -> str:
        """Changes with the colours: the stylesheet's address carries it, so a browser that kept
        the old one asks again."""
        return f"{self.hoofdkleur}{self.linkkleur}".replace("#", "").lower()
