"""User-written text for the paragraph: sanitised to a small set of harmless tags (nh3)."""

import nh3

TOEGESTAAN = {"p", "br", "ul", "ol", "li", "strong", "em", "h3", "h4", "a", "blockquote"}


def veilige_html(tekst: str) -> str:
    """Formatted text without scripts, styles, images or other fetchable or executable markup.

    Plain text without tags becomes paragraphs, so people can also just type."""
    tekst = (tekst or "").strip()
    if tekst and "<" not in tekst:
        alineas = [a.strip() for a in tekst.replace("\r\n", "\n").split("\n\n") if a.strip()]
        tekst = "".join(f"<p>{nh3.clean_text(a)}</p>".replace("\n", "<br>") for a in alineas)
    return nh3.clean(
        tekst,
        tags=TOEGESTAAN,
        attributes={"a": {"href"}},
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer",
    )
