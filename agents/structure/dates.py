"""Dates as pages print them, to ISO 8601.

Pages print dates for people: "02 December, 2024", "Dec. 2, 2024 5:41 PM ET", "Monday 2 December
2024", "Updated: 3 March 2025 10:15 GMT". A date line is a line that says nothing but a date (with
its label, weekday and time): a sentence that mentions a date is not one. The result is an ISO date,
or an ISO date-time with its UTC offset when the page printed a time *and* a zone; a time without a
zone is local to a place we do not know, so only the date is kept.

>>> parse_date_line("Dec. 2, 2024 5:41 PM ET").iso()
'2024-12-02T17:41:00-05:00'
>>> parse_date_line("Published 3 March 2025").iso()
'2025-03-03'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from agents.structure.tables.dates import (
    DATE_FILLER,
    DATE_LABEL,
    DATE_PATTERNS,
    FIXED_ZONES,
    MONTHS,
    REGIONAL_ZONES,
    TIME,
    ZONE,
)

_DIGIT = re.compile(r"\d")
_OFFSET = re.compile(r"(?:GMT|UTC)?\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2}):?(?P<minutes>\d{2})?")


@dataclass(frozen=True, slots=True)
class PageDate:
    """What a date line says. ``day`` is None on a line with only a time (a liveblog entry)."""

    label: str | None  # "published", "updated", ... as printed, lower-case
    day: date | None
    clock: time | None
    zone: tzinfo | None

    @property
    def is_update(self) -> bool:
        return self.label is not None and ("updated" in self.label or "modified" in self.label)

    def iso(self) -> str | None:
        """ISO 8601: the date-time with its offset when time and zone are known, else the date."""
        if self.day is None:
            return None
        if self.clock is None or self.zone is None:
            return self.day.isoformat()
        return datetime.combine(self.day, self.clock, tzinfo=self.zone).isoformat()


def parse_date_line(line: str) -> PageDate | None:
    """The date a line prints, or None when the line is anything more than a date."""
    if not _DIGIT.search(line):
        return None  # every date and time shape has digits: skip the patterns
    label_match = DATE_LABEL.match(line)
    label = " ".join(label_match["label"].lower().split()) if label_match else None
    rest = line[label_match.end() :] if label_match else line
    day, clock, zone, used = _find_date(rest)
    if day is None:
        clock, zone, used = _find_time(rest, [])
    if day is None and clock is None:
        return None
    if not DATE_FILLER.fullmatch(_without(rest, used)):
        return None
    return PageDate(label, day, clock, zone)


def normalise_published(value: str) -> str:
    """A producer's ``published`` as ISO 8601 when it parses (ISO, RFC 2822, page formats)."""
    text = value.strip()
    # A bare date stays a date: datetime.fromisoformat would make it midnight.
    for parse in (date.fromisoformat, datetime.fromisoformat, parsedate_to_datetime):
        try:
            return parse(text).isoformat()
        except (TypeError, ValueError, IndexError):
            continue
    found = parse_date_line(text)
    return (found.iso() if found else None) or value


Spans = list[tuple[int, int]]


def _find_date(text: str) -> tuple[date | None, time | None, tzinfo | None, Spans]:
    """The first date in ``text``, and a time printed with it (ISO's own, or one nearby)."""
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            day = _to_date(match)
            if day is None:
                continue
            used = [match.span()]
            if match.groupdict().get("hour"):
                return day, _clock(match["hour"], match["minute"], None), _offset_zone(match), used
            clock, zone, used = _find_time(text, used)
            return day, clock, zone, used
    return None, None, None, []


def _find_time(text: str, used: Spans) -> tuple[time | None, tzinfo | None, Spans]:
    """A time outside the spans already used, with its zone if one follows it."""
    for match in TIME.finditer(text):
        if not (match["minute"] or match["ampm"]) or _overlaps(match.span(), used):
            continue
        clock = _clock(match["hour"], match["minute"], match["ampm"])
        if clock is None:
            continue
        used = [*used, match.span()]
        zone_match = ZONE.match(text, match.end())
        if not zone_match:
            return clock, None, used
        return clock, _zone(zone_match["zone"]), [*used, zone_match.span()]
    return None, None, used


def _to_date(match: re.Match[str]) -> date | None:
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
    day = int(match["day"])
    if match.groupdict().get("sep") == "/" and day <= 12 and month <= 12 and day != month:
        return None  # 02/12/2024: 2 December or February 12? The page does not say.
    if match.groupdict().get("sep") == "/" and month > 12:
        day, month = month, day  # 12/25/2024 can only be month first
    try:
        return date(int(match["year"]), month, day)
    except ValueError:
        return None


def _clock(hour_text: str, minute_text: str | None, ampm: str | None) -> time | None:
    hour, minute = int(hour_text), int(minute_text or 0)
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _zone(name: str) -> tzinfo | None:
    """A zone as printed: a fixed abbreviation, "GMT+3", or a regional name (its offset then
    follows daylight saving on the printed date)."""
    key = " ".join(name.upper().split())
    if key in FIXED_ZONES:
        return timezone(timedelta(minutes=FIXED_ZONES[key]))
    if key in REGIONAL_ZONES:
        return ZoneInfo(REGIONAL_ZONES[key])
    return _parse_offset(key)


def _offset_zone(match: re.Match[str]) -> tzinfo | None:
    offset = match["offset"]
    if not offset:
        return None
    return UTC if offset.upper() == "Z" else _parse_offset(offset)


def _parse_offset(text: str) -> tzinfo | None:
    match = _OFFSET.fullmatch(text)
    if not match:
        return None
    minutes = int(match["hours"]) * 60 + int(match["minutes"] or 0)
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=-minutes if match["sign"] == "-" else minutes))


def _overlaps(span: tuple[int, int], used: Spans) -> bool:
    return any(span[0] < end and start < span[1] for start, end in used)


def _without(text: str, spans: Spans) -> str:
    """``text`` with ``spans`` cut out."""
    kept, position = [], 0
    for start, end in sorted(spans):
        kept.append(text[position:start])
        position = end
    return "".join(kept) + text[position:]
