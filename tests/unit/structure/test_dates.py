"""Dates: the shapes pages print, to ISO 8601; a time counts only with its zone."""

from __future__ import annotations

import pytest

from agents.structure.dates import normalise_published, parse_date_line


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("02 December, 2024", "2024-12-02"),
        ("December 2, 2024", "2024-12-02"),
        ("Dec. 2, 2024", "2024-12-02"),
        ("Sept 30 2024", "2024-09-30"),
        ("Monday 2 December 2024", "2024-12-02"),
        ("Mon, 2nd of Dec 2024", "2024-12-02"),
        ("Published 3 March 2025", "2025-03-03"),
        ("Published on: March 3, 2025", "2025-03-03"),
        ("02.12.2024", "2024-12-02"),
        ("12/25/2024", "2024-12-25"),  # month first: 25 is no month
        ("25/12/2024", "2024-12-25"),
        ("2024-12-02", "2024-12-02"),
        ("2024-12-02T17:41:00Z", "2024-12-02T17:41:00+00:00"),
        ("2024-12-02 17:41+01:00", "2024-12-02T17:41:00+01:00"),
        ("Dec. 2, 2024 5:41 PM ET", "2024-12-02T17:41:00-05:00"),
        ("Updated 5:41 p.m. EST, Mon December 2, 2024", "2024-12-02T17:41:00-05:00"),
        ("Updated: 3 March 2025 10:15 GMT", "2025-03-03T10:15:00+00:00"),
        ("Last updated on 3 March 2025, 10:15 BST", "2025-03-03T10:15:00+01:00"),
        ("3 March 2025 at 10:15 CET", "2025-03-03T10:15:00+01:00"),
        ("3 March 2025 10:15 Paris time", "2025-03-03T10:15:00+01:00"),
        ("3 March 2025 10:15 GMT+3", "2025-03-03T10:15:00+03:00"),
        ("Posted on December 2, 2024 at 12:30 am (UTC)", "2024-12-02T00:30:00+00:00"),
    ],
)
def test_dates_reads_what_pages_print(line: str, iso: str) -> None:
    found = parse_date_line(line)
    assert found is not None and found.iso() == iso


def test_dates_regional_zones_follow_daylight_saving() -> None:
    summer, winter = (
        parse_date_line("July 4, 2024 9:00 AM ET"),
        parse_date_line("Jan 4, 2024 9 am ET"),
    )
    assert summer and summer.iso() == "2024-07-04T09:00:00-04:00"
    assert winter and winter.iso() == "2024-01-04T09:00:00-05:00"
    pacific = parse_date_line("July 4, 2024 9:00 AM PT")
    assert pacific and pacific.iso() == "2024-07-04T09:00:00-07:00"


def test_dates_fixed_abbreviations_ignore_the_season() -> None:
    """BST is UTC+1 and EST UTC-5 by definition, whatever the calendar says."""
    british = parse_date_line("4 January 2025 10:00 BST")
    eastern = parse_date_line("July 4, 2024 9:00 AM EST")
    assert british and british.iso() == "2025-01-04T10:00:00+01:00"
    assert eastern and eastern.iso() == "2024-07-04T09:00:00-05:00"


@pytest.mark.parametrize(
    "line", ["Dec. 2, 2024 5:41 PM", "2024-12-02T17:41", "2 Dec 2024 5:41 CST"]
)
def test_dates_time_without_a_known_zone_keeps_only_the_date(line: str) -> None:
    found = parse_date_line(line)
    assert found is not None and found.iso() == "2024-12-02"


@pytest.mark.parametrize(
    "line",
    [
        "The offensive began on 2 December 2024.",
        "By Jane Doe, 2 December 2024, in Beirut",
        "02/12/2024",  # 2 December or February 12? The page does not say.
        "30 February 2025",
        "2 min read",
        "2024",
        "December 2024",
        "Around 40,000 homes",
        "",
    ],
)
def test_dates_rejects_lines_that_are_not_a_date(line: str) -> None:
    assert parse_date_line(line) is None


def test_dates_reads_time_only_lines_and_labels() -> None:
    entry = parse_date_line("16:20 GMT")
    assert entry is not None and entry.day is None and entry.iso() is None
    assert entry.clock is not None and entry.clock.hour == 16
    updated, published = (
        parse_date_line("Updated 3 March 2025"),
        parse_date_line("Published 3 March 2025"),
    )
    assert updated and updated.is_update and updated.label == "updated"
    assert published and not published.is_update and published.label == "published"


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2024-12-02", "2024-12-02"),
        ("2024-12-02T17:41:00Z", "2024-12-02T17:41:00+00:00"),
        ("2024-12-02T17:41:00", "2024-12-02T17:41:00"),  # the producer's choice, kept
        ("Mon, 02 Dec 2024 17:41:00 +0000", "2024-12-02T17:41:00+00:00"),  # RSS, RFC 2822
        ("02 December, 2024", "2024-12-02"),
        (" Dec. 2, 2024 5:41 PM ET ", "2024-12-02T17:41:00-05:00"),
        ("yesterday evening", "yesterday evening"),  # does not parse: kept as given
    ],
)
def test_dates_normalises_a_producers_date(given: str, iso: str) -> None:
    assert normalise_published(given) == iso
