"""What the short lines around an article state: byline, date, reading time, caption, dateline.

Each reader takes one line (stripped) and returns what it states, or None when the line is not of
its kind; none of them guesses. A header line may join several statements with separators ("By
Jane Doe | 5 min read | 3 March 2025"): :func:`read_metadata_line` reads each part.

>>> read_metadata_line("By Jane Doe and Omar Haddad, Reuters").byline
Byline(authors=('Jane Doe', 'Omar Haddad'), agency='Reuters')
>>> parse_caption("Smoke rises over the port [Getty]")
Caption(caption='Smoke rises over the port', credit='Getty')
>>> parse_dateline("BEIRUT (Reuters) - Rebels said on Sunday ...")
{'text': 'BEIRUT (Reuters) -', 'place': 'BEIRUT', 'agency': 'Reuters'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from agents.lexicon import NAME_PARTICLES, NEWS_AGENCIES
from agents.records import Dateline
from agents.structure.dates import PageDate, parse_date_line
from agents.structure.tables.metadata import (
    AGENCY,
    AGENCY_SUFFIX,
    BYLINE,
    BYLINE_ROLES,
    BYLINE_TRAILER,
    CAPTION,
    CAPTION_MAX_WORDS,
    CREDIT_NAMES,
    DATELINE,
    METADATA_MAX_CHARS,
    METADATA_MAX_WORDS,
    METADATA_SEPARATOR,
    NAME_PLACE_SUFFIX,
    NAME_SEPARATORS,
    NAME_WORD,
    READING_TIME,
    TRAILER_AUTHORS,
)

_AGENCY_NAMES = frozenset(NEWS_AGENCIES)
_AGENCY_IN = re.compile(rf"\b{AGENCY}\b")
_NAME_MAX_WORDS = 5
#: A bare name line is a first and last name, with a middle name or particle at most.
BARE_BYLINE_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...]
    agency: str | None


@dataclass(frozen=True, slots=True)
class Caption:
    caption: str  # without its credit
    credit: str | None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What one metadata line states; ``kind`` is the block kind of the line (its first part)."""

    kind: Literal["byline", "date", "reading_time", "caption"]
    byline: Byline | None = None
    date: PageDate | None = None
    minutes: int | None = None
    caption: Caption | None = None


def read_metadata_line(line: str) -> Metadata | None:
    """What a byline, date, reading-time or caption line states; None for any other line."""
    if len(line) <= METADATA_MAX_CHARS and len(line.split()) <= METADATA_MAX_WORDS:
        # The whole line first: "By Jane Doe | Economics correspondent" is one byline.
        found = _read_part(line) or _read_parts(METADATA_SEPARATOR.split(line))
        if found:
            return found
    caption = parse_caption(line)
    return Metadata("caption", caption=caption) if caption else None


def parse_reading_time(line: str) -> int | None:
    """Minutes from "2 min read", "Reading time: 4 minutes"; never from a bare duration."""
    match = READING_TIME.fullmatch(line)
    return int(match["minutes"]) if match and "read" in line.lower() else None


def parse_byline(line: str) -> Byline | None:
    """Authors and agency from "By X", "By X and Y", "By X, Reuters", "Reporting by X; ...".

    A part that is not a name ("By the time the rebels arrived, ...") means it is no byline.
    """
    if BYLINE_TRAILER.fullmatch(line):
        return _trailer(line)
    match = BYLINE.fullmatch(line)
    if not match:
        return None
    authors: list[str] = []
    agency = None
    for piece in NAME_SEPARATORS.split(match["names"]):
        name = _bare_name(piece)
        suffix = AGENCY_SUFFIX.search(name)
        if suffix and suffix.start():
            # "Maria Lopes Associated Press": the agency printed after the name, no comma.
            agency = agency or suffix["agency"]
            name = name[: suffix.start()]
        if not name:
            continue
        if name in _AGENCY_NAMES or BYLINE_ROLES.search(name):
            # "Reuters", "Reuters staff", "Middle East correspondent": not a person.
            found = _AGENCY_IN.search(name)
            agency = agency or (found.group() if found else None)
        elif is_name(name):
            authors.append(name)
        else:
            return None
    return Byline(tuple(authors), agency) if authors or agency else None


def parse_bare_byline(line: str) -> Byline | None:
    """A name alone on its line, as some pages print the author above the date ("Jane Doe").

    Only the header may be read so, right before its date: anywhere else a short line of
    capitalised words is a heading.
    """
    return (
        Byline((line,), None)
        if len(line.split()) <= BARE_BYLINE_MAX_WORDS and is_name(line)
        else None
    )


def parse_caption(line: str) -> Caption | None:
    """A short line ending with a credit: "... [Getty]", "... (AFP)", "... Photo: Reuters"."""
    if (line[-1] not in ")]" and ":" not in line) or len(line.split()) > CAPTION_MAX_WORDS:
        return None  # a credit closes a bracket or follows a label
    match = CAPTION.fullmatch(line)
    if not match:
        return None
    credit = (match["bracketed"] or match["parenthesised"] or match["labelled"]).strip()
    if match["parenthesised"] and not CREDIT_NAMES.search(credit):
        return None  # "(HTS)": an acronym, not a credit
    if match["parenthesised"] and match["caption"].endswith("."):
        return None  # "... was reported. (AFP)": a story signed off by its agency
    if match["bracketed"] and not (CREDIT_NAMES.search(credit) or is_name(credit)):
        return None
    return Caption(match["caption"].rstrip(" -–—|:"), credit)


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a story: "BEIRUT (Reuters) -", "Washington (CNN) —", "LONDON —".

    A place in mixed case needs the agency in brackets: "Officials —" opens a sentence.
    """
    match = DATELINE.match(paragraph)
    if not match or not (match["upper"] or match["agency"]):
        return None
    place = match["place"] + (f", {match['region']}" if match["region"] else "")
    return {"text": match.group().rstrip(), "place": place, "agency": match["agency"]}


def _read_part(part: str) -> Metadata | None:
    minutes = parse_reading_time(part)
    if minutes is not None:
        return Metadata("reading_time", minutes=minutes)
    date = parse_date_line(part)
    if date is not None:
        return Metadata("date", date=date)
    byline = parse_byline(part)
    return Metadata("byline", byline=byline) if byline else None


def _read_parts(parts: list[str]) -> Metadata | None:
    """Statements joined on one line; every part must be one, the first gives the kind."""
    found = [_read_part(part) for part in parts] if len(parts) > 1 else []
    if not found or None in found:
        return None
    read = [part for part in found if part is not None]
    return Metadata(
        kind=read[0].kind,
        byline=next((part.byline for part in read if part.byline), None),
        date=next((part.date for part in read if part.date), None),
        minutes=next((part.minutes for part in read if part.minutes is not None), None),
    )


def _trailer(line: str) -> Byline:
    """A wire story's trailer: the reporters and writers are its authors, the editors are not."""
    authors: list[str] = []
    for segment in line.split(";"):
        role = TRAILER_AUTHORS.match(segment.strip())
        if role:
            names = map(_bare_name, NAME_SEPARATORS.split(segment.strip()[role.end() :]))
            authors.extend(name for name in names if is_name(name))
    return Byline(tuple(authors), None)


def _bare_name(piece: str) -> str:
    """A byline piece without its place and punctuation: "Jane Doe in Beirut." -> "Jane Doe"."""
    return NAME_PLACE_SUFFIX.sub("", piece).strip(" .()")


def is_name(text: str) -> bool:
    """One to five words, each capitalised or a particle: "Hanna de Vries", "Omar al-Sharif"."""
    words = text.split()
    return (
        0 < len(words) <= _NAME_MAX_WORDS
        and all(NAME_WORD.fullmatch(word) or word in NAME_PARTICLES for word in words)
        and not any(char.isdigit() for char in text)
    )
