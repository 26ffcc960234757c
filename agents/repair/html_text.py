"""HTML pages to plain text: block elements become lines, scripts, styles and the head vanish.

The structure stage then reads the page like any plain-text article. Block boundaries are kept as
blank lines so that paragraphs stay apart.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_TAGS = re.compile(r"</?(?:p|div|article|h[1-6]|br|figure|figcaption|section)\b[^>]*>", re.I)

#: Elements whose text is never article text.
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
#: Elements that start a new block of text.
_BLOCKS = {
    "p", "div", "article", "section", "header", "footer", "main", "aside", "nav",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "figure",
    "figcaption", "table", "tr", "pre", "address", "time", "br", "hr",
}  # fmt: skip
#: Table cells: a row stays one line, its cells apart ("Labour 24 −9", not "Labour24−9").
_CELLS = {"td", "th"}


def is_html(text: str) -> bool:
    """Whether undeclared text is an HTML page (or a fragment with several block tags)."""
    return bool(_SNIFF.match(text[:1024])) or len(_TAGS.findall(text[:20_000])) >= 3


def html_to_text(markup: str) -> str:
    """The visible text of ``markup``, one block per paragraph.

    >>> html_to_text("<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Green</td><td>13</td>")
    'Party Seats\\n\\nGreen 13\\n'
    """
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return parser.text()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._skipping = 0
        self._blocks: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self._flush()
        elif tag in _CELLS:
            self._current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def _flush(self) -> None:
        block = " ".join("".join(self._current).split())
        if block:
            self._blocks.append(block)
        self._current = []

    def text(self) -> str:
        self._flush()
        return "\n\n".join(self._blocks) + "\n" if self._blocks else ""
