"""Amounts: numbers as written, and what they count (no model: mentions are given)."""

from __future__ import annotations

import pytest

from agents.entities.amounts import extract_amounts, parse_number, read_amount
from agents.records import Entity


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("at least 3,500", (3500, True)),
        ("more than 70,000", (70000, True)),
        ("two", (2, False)),
        ("Twelve", (12, False)),
        ("1.5 million", (1500000, False)),
        ("about 2.5", (2.5, True)),
        ("Thousands", (2000, True)),
        ("tens of thousands", (20000, True)),
        ("a dozen", (12, False)),
        ("dozens", (24, True)),
        ("the first", None),
        ("2-1", None),
    ],
)
def test_amounts_parse_number(words, expected):
    assert parse_number(words) == expected


def _amount_of(text: str, number: str) -> dict | None:
    start = text.index(number)
    return read_amount(text, start, start + len(number))


@pytest.mark.parametrize(
    ("text", "number", "counted"),
    [
        ("crossed by at least 200 Iran-aligned Iraqi militiamen on Sunday", "at least 200",
         "Iran-aligned Iraqi militiamen"),
        ("Thousands of volunteers were helping", "Thousands", "volunteers"),
        ("and 140 people from rooftops", "140", "people"),
        ("offered two field hospitals in the city", "two", "field hospitals"),
        ("some 300 armed men gathered", "some 300", "armed men"),
        ("said 23 people died", "23", "people"),
        ("at least 12\nfishermen were missing", "at least 12", "fishermen"),  # a wrapped line
    ],
)  # fmt: skip
def test_amounts_read_what_a_number_counts(text, number, counted):
    amount = _amount_of(text, number)
    assert amount is not None and amount["counted"] == counted
    assert text[amount["start"] : amount["end"]] == amount["text"]
    assert amount["text"].startswith(number) and amount["text"].endswith(counted)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("more than 70,000 had left their homes", "more than 70,000"),  # what is elided
        ("12 died in the fire", "12"),  # a verb, not a thing counted
        ("they won 2-1 at home", "2"),
        ("route 3 for three days", "3"),
        ("two said they would stay", "two"),
        ("the toll rose to 140\n\nRescuers worked on", "140"),  # another paragraph
    ],
)
def test_amounts_count_nothing_when_nothing_counted_follows(text, number):
    assert _amount_of(text, number) is None


def test_amounts_extract_reads_cardinals_only_in_text_order():
    text = "On Monday 40 fishermen and 12 boats were missing, 5% more than in May."
    entities: list[Entity] = [
        {"key": "date:monday", "name": "Monday", "type": "DATE", "aliases": [], "count": 1,
         "mentions": [{"start": 3, "end": 9, "text": "Monday"}]},
        {"key": "cardinal:12", "name": "12", "type": "CARDINAL", "aliases": [], "count": 1,
         "mentions": [{"start": 27, "end": 29, "text": "12"}]},
        {"key": "cardinal:40", "name": "40", "type": "CARDINAL", "aliases": [], "count": 1,
         "mentions": [{"start": 10, "end": 12, "text": "40"}]},
    ]  # fmt: skip
    found = extract_amounts(text, entities)
    assert [(a["value"], a["counted"], a["start"]) for a in found] == [
        (40, "fishermen", 10),
        (12, "boats", 27),
    ]


def test_amounts_a_number_before_a_long_run_of_spaces():
    """The gap after a number was read in the square of its length: 100,000 spaces held the
    stage for hours."""
    text = "at least 200" + " " * 100_000 + "armed men"
    assert read_amount(text, 0, 12)["counted"] == "armed men"
    assert read_amount("at least 200" + " " * 100_000 + ".", 0, 12) is None
