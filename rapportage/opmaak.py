"""User-written text for the paragraph: written as Markdown, rendered, and sanitised to a small
set of harmless tags (nh3).

People write in a plain text field: paragraphs separated by an empty line, lists with `-` or
`1.`, **bold**, *italics*, [links](https://…) and `###` headings. Markdown is read as CommonMark
with raw HTML switched off, so a typed `<script>` is shown as text. Texts saved before the
Markdown editor are HTML; they start with a tag and keep going through nh3 as they did.
"""

import re
from html import unescape

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

TOEGESTAAN = {"p", "br", "ul", "ol", "li", "strong", "em", "h3", "h4", "a", "blockquote"}

# Stored HTML from before Markdown: starts with a tag such as <p> or <ul> (an autolink like
# <https://…> is Markdown: its "tag name" is followed by a colon).
HTML_BEGIN = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*|!--)(?:[\s/>]|$)")

# Headings in a text sit under the area's heading: "#" to "###" become h3, deeper ones h4.
KOPNIVEAU = {1: "h3", 2: "h3", 3: "h3"}


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})
    md.disable(["code", "fence", "hr", "html_block", "html_inline"])
    md.core.ruler.push("kopniveau", _kopniveau)
    md.add_render_rule("image", _afbeelding_als_tekst)
    return md


def _kopniveau(state) -> None:
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = KOPNIVEAU.get(int(token.tag[1]), "h4")


def _afbeelding_als_tekst(self, tokens, idx, options, env) -> str:
    """No images in the paragraph (nothing is fetched): an image shows its description."""
    return escapeHtml(tokens[idx].content)


MARKDOWN = _markdown()


def is_html(tekst: str) -> bool:
    """Whether a stored text is HTML written before the Markdown editor."""
    return bool(HTML_BEGIN.match((tekst or "").lstrip()))


def veilige_html(tekst: str) -> str:
    """Formatted text without scripts, styles, images or other fetchable or executable markup."""
    tekst = (tekst or "").strip()
    if not tekst:
        return ""
    html = tekst if is_html(tekst) else MARKDOWN.render(tekst.replace("\r\n", "\n"))
    return nh3.clean(
        html,
        tags=TOEGESTAAN,
        attributes={"a": {"href"}},
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def platte_tekst(html: str) -> str:
    """The words of sanitised HTML without any tags (to compare two versions): block elements
    become line breaks, entities are read back into characters."""
    html = re.sub(r"</?(?:p|br|li|ul|ol|h[1-6]|blockquote|div)\b[^>]*>", "\n", html or "")
    tekst = unescape(nh3.clean(html, tags=set()))
    return "\n".join(" ".join(r.split()) for r in tekst.splitlines() if r.strip())
