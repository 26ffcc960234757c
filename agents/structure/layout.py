"""Lines of a plain-text article and their shapes: headline, heading, a line that runs on.

Text reaches the structure stage as lines, blocks of them separated by blank lines (an HTML page is
converted to the same shape by the repair stage). A line's span leaves out the whitespace around
it, so ``text[line.start:line.end] == line.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agents.structure.tables.layout import (
    CJK_CHARACTER,
    HEADING_MAX_CHARS,
    HEADING_MAX_WORDS,
    HEADLINE_MAX_CHARS,
    HEADLINE_MAX_WORDS,
    KICKER_MAX_WORDS,
    MASTHEAD_MAX_WORDS,
    SENTENCE_END,
    WORD,
    WRAP_MIN_CHARS,
)

#: What ends a headline: a sentence's full stop, not a question or an exclamation.
_HEADLINE_ENDS = ".,;:。，；："


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str
    after_blank: bool  # a blank line, or the start of the text, stands before it


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, stripped, with their spans."""
    lines: list[Line] = []
    position = 0
    after_blank = True
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = position + len(raw) - len(raw.lstrip())
            lines.append(Line(start, start + len(stripped), stripped, after_blank))
        after_blank = not stripped
        position += len(raw)
    return lines


def looks_like_headline(text: str) -> bool:
    """Short, not lower case at the start, not ended like a sentence ("?" and "!" may end it)."""
    body = text.rstrip('"”’»)」』')
    return (
        len(text.split()) <= HEADLINE_MAX_WORDS
        and len(text) <= HEADLINE_MAX_CHARS
        and not text[0].islower()
        and not body.endswith(tuple(_HEADLINE_ENDS))
    )


def looks_like_kicker(text: str, following: str) -> bool:
    """A section label ("Middle East", "Live") above a headline, which is longer than it."""
    words = len(text.split())
    return (
        words <= KICKER_MAX_WORDS
        and looks_like_headline(following)
        and len(following.split()) > words
        and not SENTENCE_END.search(text)
    )


def looks_like_site_header(texts: Sequence[str], following: str) -> bool:
    """A site's name and section labels stacked above a headline ("Usk Valley Chronicle" over
    "News"): each a few words and no sentence, every one shorter than the headline."""
    headline_words = len(following.split())
    return (
        len(texts) > 1
        and looks_like_headline(following)
        and all(
            len(text.split()) <= MASTHEAD_MAX_WORDS
            and len(text.split()) < headline_words
            and not SENTENCE_END.search(text)
            for text in texts
        )
    )


def looks_like_heading(text: str) -> bool:
    """A subheading inside the body: a few words, no final punctuation."""
    return (
        len(text.split()) <= HEADING_MAX_WORDS
        and len(text) <= HEADING_MAX_CHARS
        and not text[0].islower()
        and not SENTENCE_END.search(text)
        and not text.endswith(("?", "!", '"', "”"))
    )


def runs_on(line: Line, following: Line) -> bool:
    """Whether ``following`` continues ``line``'s paragraph: hard-wrapped wire copy.

    Only inside a block; the line does not end a sentence, and either the next one starts in lower
    case or the line is long enough to have been wrapped (a short one is a heading).
    """
    return (
        not following.after_blank
        and not SENTENCE_END.search(line.text)
        and (following.text[0].islower() or len(line.text) >= WRAP_MIN_CHARS)
    )


def count_words(text: str) -> int:
    """Words as a reader counts them: "al-Sudani", "Assad’s" and "4,000" are one each, and so is
    each Chinese or Japanese character (the usual count for scripts without spaces)."""
    characters = len(CJK_CHARACTER.findall(text))
    if characters:
        text = CJK_CHARACTER.sub(" ", text)
    return characters + len(WORD.findall(text))
