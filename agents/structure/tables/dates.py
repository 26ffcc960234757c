"""Dates and times as pages print them, for :mod:`agents.structure.dates`: month and weekday
names, date shapes, clock times, time zones (named, abbreviated, as offsets) and the labels that
say which date a line gives ("Published", "Updated")."""

from __future__ import annotations

import re

from agents.lexicon import alternation

#: Each month's name and its abbreviations, in the year's order (lower case).
_MONTH_NAMES = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)  # fmt: skip
#: A month's number by its name or abbreviation: "dec" is 12.
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
#: "Dec.", "Sept.": their full stop ends no sentence.
MONTH_ABBREVIATIONS = frozenset(name for names in _MONTH_NAMES for name in names[1:])
_MONTH = rf"(?P<month>{alternation(MONTHS)})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAYS = (
    "monday", "mon", "tuesday", "tues", "tue", "wednesday", "wed", "thursday", "thurs", "thur",
    "thu", "friday", "fri", "saturday", "sat", "sunday", "sun",
)  # fmt: skip
WEEKDAY = rf"(?:{alternation(_WEEKDAYS)})\b\.?"

#: Date shapes pages print, tried in this order; each gives year, month and day groups.
DATE_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # 2024-12-02, 2024-12-02T17:41:00Z, 2024-12-02 17:41+01:00
        r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})"
        r"(?::\d{2}(?:\.\d+)?)?\s*(?P<offset>Z|[+-]\d{2}:?\d{2})?)?(?![\d:])",
        # 02 December, 2024 / 2nd of Dec 2024
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b",
        # December 2, 2024 / Dec. 2 2024
        rf"\b{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})\b",
        # 02.12.2024 (always day first) / 02/12/2024 (only when unambiguous, see dates.py)
        r"\b(?P<day>\d{1,2})(?P<sep>[./])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})\b",
    )
)
#: 5:41 PM, 17:41, 5.41pm, 5 p.m.; a time needs minutes or am/pm.
TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::\d{2})?)?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?",
    re.IGNORECASE,
)

#: Zone names that follow daylight saving, resolved with zoneinfo on the printed date. Keys are in
#: capitals: a zone is looked up as printed, in capitals.
REGIONAL_ZONES = {
    "ET": "America/New_York", "PT": "America/Los_Angeles", "CT": "America/Chicago",
    "MT": "America/Denver", "UK TIME": "Europe/London", "LONDON TIME": "Europe/London",
    "PARIS TIME": "Europe/Paris", "BERLIN TIME": "Europe/Berlin", "MOSCOW TIME": "Europe/Moscow",
    "BEIJING TIME": "Asia/Shanghai", "TOKYO TIME": "Asia/Tokyo", "MECCA TIME": "Asia/Riyadh",
}  # fmt: skip
#: Abbreviations that name one offset whatever the season (minutes east of UTC): BST is always
#: UTC+1 and EST always UTC-5, so zoneinfo's seasonal rules must not move them. Ambiguous ones
#: (CST: US or China; IST: India, Ireland or Israel; AST) are left out: no zone beats a wrong one.
FIXED_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "WEST": 60, "CET": 60, "CEST": 120,
    "EET": 120, "EEST": 180, "MSK": 180, "GST": 240, "PKT": 300, "WIB": 420, "HKT": 480,
    "SGT": 480, "AWST": 480, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660, "NZST": 720,
    "NZDT": 780, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480,
    "PDT": -420, "AKST": -540, "HST": -600,
}  # fmt: skip
_ABBREVIATED_ZONES = [zone for zone in [*REGIONAL_ZONES, *FIXED_ZONES] if " " not in zone]
_NAMED_ZONES = [zone.replace(" ", r"\s+") for zone in REGIONAL_ZONES if " " in zone]
#: A zone after a time: "GMT+3", "UTC-05:00", "Paris time", or an abbreviation in capitals ("et"
#: and "mt" are words). An abbreviation not in the tables is read as a zone we cannot place.
ZONE = re.compile(
    r"\s*\(?(?P<zone>(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?"
    rf"|(?i:{'|'.join(_NAMED_ZONES)})|{alternation(_ABBREVIATED_ZONES)}|[A-Z]{{2,5}})\)?(?![\w+-])"
)
#: "Published", "Updated:", "Last updated on", "First published" before a date.
DATE_LABEL = re.compile(
    r"\W*(?P<label>(?:first\s+)?published|(?:last\s+)?(?:updated|modified)|posted|created|date)"
    r"(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
#: What may be left on a date line besides the date and time: weekdays, "at", "on", punctuation.
DATE_FILLER = re.compile(rf"(?:[\W_]|\b(?:at|on)\b|\b{WEEKDAY})*", re.IGNORECASE)
