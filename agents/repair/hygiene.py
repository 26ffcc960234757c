"""Invisible and stray things in plain text that ftfy leaves: zero-width characters, odd spaces,
HTML tags leaked into plain text, and runs of U+FFFD (damage that can no longer be undone).

Each function returns :class:`~agents.repair.edits.Edit` s for one line. What correct text uses
is kept: zero-width joiners and non-joiners (emoji sequences, Persian, Indic scripts), zero-width
spaces beside scripts written without spaces (Thai, Khmer, CJK), no-break spaces (French typography)
and the ideographic space.
"""

from __future__ import annotations

import re

from agents.repair.edits import Edit

#: Zero-width space, word joiner, Mongolian vowel separator: between Latin-script text they are
#: left over from web pages and break search and matching.
_ZERO_WIDTH = re.compile(r"(?:(?<=[\x00-\u024f])|^)[\u200b\u2060\u180e]+(?=[\x00-\u024f]|$)")
#: En quad to hair space, medium mathematical space: typesetting spaces that mean a plain space.
_ODD_SPACE = re.compile(r"[\u2000-\u200a\u205f]")
#: Tags of HTML that a scraper left in plain text.
_TAG = re.compile(
    r"<(/?)(p|div|br|span|b|i|em|strong|a|li|ul|ol|h[1-6]|font|img|figure|figcaption"
    r"|blockquote|section|article|table|tr|td)"
    r"""(?:\s+[a-z-]+(?:\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'<>]+))?)*\s*/?>""",
    re.IGNORECASE,
)
_BREAKING = frozenset({"br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"})
_REPLACEMENT_RUN = re.compile("\ufffd+")

#: Characters that one of these fixes looks for: a line without any needs none.
_TRIGGERS = re.compile("[\u200b\u2060\u180e\u2000-\u200a\u205f<\ufffd]")


def hygiene_inert(line: str) -> bool:
    """True when :func:`hygiene_edits` has nothing to do in ``line``."""
    return not _TRIGGERS.search(line)


def hygiene_edits(line: str, *, markup: bool) -> list[Edit]:
    """The hygiene fixes for one line, sorted; tags only in plain text (in markup they are the
    HTML parser's)."""
    edits = [Edit(m.start(), m.end(), "", "zero_width") for m in _ZERO_WIDTH.finditer(line)]
    edits += [Edit(m.start(), m.end(), " ", "odd_space") for m in _ODD_SPACE.finditer(line)]
    edits += [
        Edit(m.start(), m.end(), m.group(), "replacement_char")
        for m in _REPLACEMENT_RUN.finditer(line)
    ]
    if not markup:
        edits += [
            Edit(m.start(), m.end(), _tag_replacement(m), "leaked_tag") for m in _TAG.finditer(line)
        ]
    return sorted(edits, key=lambda e: e.start)


def _tag_replacement(tag: re.Match) -> str:
    """A line break where the tag broke the line in the page (<br>, the end of a paragraph)."""
    closing, name = tag.group(1), tag.group(2).lower()
    return "\n" if name in _BREAKING and (closing or name == "br") else ""
