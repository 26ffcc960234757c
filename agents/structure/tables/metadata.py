"""Bylines, reading times, captions and datelines: the lines :mod:`agents.structure.metadata`
reads around an article.

Agencies and name particles come from :mod:`agents.lexicon`: the entities stage reads the same.
"""

from __future__ import annotations

import re

from agents.lexicon import NEWS_AGENCIES, alternation

# --- Bylines, reading time, caption credits -------------------------------------------------------

#: A news agency's name, as bylines, datelines and attributions print it (case-sensitive).
AGENCY = rf"(?:{alternation(NEWS_AGENCIES)})"
#: An agency printed after a byline's last name without a comma: "By A and B Associated Press".
AGENCY_SUFFIX = re.compile(rf"\s+(?P<agency>{AGENCY})$")

#: Words that name a job, not a person: "By Jane Doe, Middle East correspondent".
BYLINE_ROLES = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|staff|contributor|analyst|columnist|desk"
    r"|bureau|chief|producer|journalist|team|and agencies|agencies|news)\b",
    re.IGNORECASE,
)
#: "By", "Written by", "Posted by", "Author:" before the names.
BYLINE = re.compile(
    r"(?:by|written by|posted by|words by|words and pictures by|story by|authors?:)"
    r"\s+(?P<names>.+)",
    re.IGNORECASE,
)
#: The trailer of a wire story: "Reporting by A in Beirut; Editing by B", "Editor: C".
BYLINE_TRAILER = re.compile(
    r"(?:(?:additional\s+)?reporting|writing|editing|edited|compiled|graphics|photos?)\s+by\s+.+"
    r"|editors?\s*:\s*.+",
    re.IGNORECASE,
)
#: The trailer roles whose people wrote the story (editors did not).
TRAILER_AUTHORS = re.compile(r"(?:(?:additional\s+)?reporting|writing)\s+by\s+", re.IGNORECASE)
#: Separators between the names of a byline.
#: (Each separator starts where its spaces start, so a run of spaces is read once, not once for
#: each of its characters.)
NAME_SEPARATORS = re.compile(r"(?:(?<!\s)\s+)?(?:,|;|\||&|\band\b|\(|\))\s*")
#: Where in a byline part the person ends: "Jane Doe in Beirut".
NAME_PLACE_SUFFIX = re.compile(r"\s+in\s+[A-Z].*$")
#: A word of a name in a byline: capitalised, or the Arabic article hyphened to it ("al-Sharif").
NAME_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|(?:al|el)-[A-Za-z][\w'’-]*)")

#: A byline, date or reading-time line is shorter than this, even with several joined.
#: Labelled set, Nov 2026: same scores from 16 up; below 16, paragraph counts drop.
METADATA_MAX_WORDS = 24
#: ... and of fewer characters than this: a line of 24 words padded with thousands of spaces or
#: marks is no byline, and its parsers never see it.
METADATA_MAX_CHARS = 400
#: Metadata joined on one line: "By Jane Doe | 5 min read | 3 March 2025", and a blog's "Posted on
#: 22 April 2025 by Jane Doe" (every part must then be metadata, so a sentence never splits).
METADATA_SEPARATOR = re.compile(r"(?<!\s)(?:\s+[|·•]\s+|\s+(?=[Bb]y\s))")

#: "2 min read", "5-minute read", "Reading time: 4 minutes". The word "read" is required.
READING_TIME = re.compile(
    r"\W*(?:(?:estimated\s+)?(?:reading|read)\s+time\s*:?\s*)?(?:about\s+|approx\.?\s+|~\s*)?"
    r"(?P<minutes>\d{1,3})\s*-?\s*(?:min(?:ute)?s?|m)\.?(?:\s+(?:read|reading|to read))?",
    re.IGNORECASE,
)

#: Photo agencies and stock libraries, beside the news agencies, that credit images.
_PHOTO_CREDITS = (
    "Getty", "Getty Images", "Shutterstock", "Alamy", "EPA", "EPA-EFE", "AP Photo", "SOPA",
    "NurPhoto", "Handout", "Supplied", "File", "Courtesy", "Unsplash", "iStock", "Wikimedia",
    "Pool", "PA Wire",
)  # fmt: skip
#: A credit in brackets must name one of these, so "(HTS)" at a line's end is not a credit.
CREDIT_NAMES = re.compile(
    rf"\b(?:{alternation([*NEWS_AGENCIES, *_PHOTO_CREDITS])})\b|/|\bphoto\b", re.IGNORECASE
)
#: A caption and its credit: "... [Getty]", "... (AFP)", "... Photo: Reuters", "Credit: ...".
#: (Spaces possessive where no credit can start with one: a caption padded with thousands of
#: spaces was read in the cube of their number.)
CAPTION = re.compile(
    r"(?P<caption>.*?\S)\s*+[-–—|]?+\s*+"
    r"(?:\[(?P<bracketed>[^\[\]]{2,60})\]|\((?P<parenthesised>[^()]{2,60})\)"
    r"|(?:Photo(?:graph)?s?|Picture|Pic|Image|Credit|Photo credit|Image credit|Image source)"
    r"\s*:\s*(?P<labelled>[^:]{2,60}?))\s*+",
)
#: Captions are short; a longer line that ends "(AFP)" is a story signed off by the agency.
#: Labelled set, Nov 2026: same scores from 18 up; below 18, captions drop.
CAPTION_MAX_WORDS = 50


# --- Datelines: "BEIRUT (Reuters) -", "WASHINGTON, Dec 2 (Reuters) —", "Washington (CNN) —" -------

_PLACE_UPPER = r"[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+)*"
_PLACE_MIXED = r"[A-Z][\w'’.\-]+(?:[ /][A-Z][\w'’.\-]+)*"
#: Case-sensitive: the place in capitals, or in any case when an agency in brackets follows.
DATELINE = re.compile(
    rf"(?P<place>(?P<upper>{_PLACE_UPPER})|{_PLACE_MIXED})(?:,\s+(?P<region>{_PLACE_MIXED}))??"
    r"(?:,\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"\s*+(?:\((?P<agency>[^()]{2,40})\))?+\s*+(?P<dash>--|[-–—])\s+"
)
