"""Quotations linked to their speakers' entities (no model: entities are given)."""

from __future__ import annotations

import pytest

from agents.entities.speakers import link_speakers
from agents.records import Entity, Quote


def _entity(key: str, kind: str, name: str, *aliases: str) -> Entity:
    mentions = [{"start": 0, "end": len(name), "text": name}]
    return {"key": key, "name": name, "type": kind, "aliases": list(aliases), "count": 1,
            "mentions": mentions}  # fmt: skip


ENTITIES = [
    _entity("person:eduardo-leite", "PERSON", "Eduardo Leite", "Leite"),
    _entity("person:anna-keller", "PERSON", "Anna Keller", "Keller"),
    _entity("org:syrian-salvation-government", "ORG", "Syrian Salvation Government",
            "Salvation Government"),
    _entity("person:assad", "PERSON", "Assad"),
    _entity("gpe:iraq", "GPE", "Iraq"),
    _entity("norp:iraqi", "NORP", "Iraqi"),
    _entity("norp:iranian", "NORP", "Iranian"),
    _entity("person:masoud-pezeshkian", "PERSON", "Masoud Pezeshkian"),
    _entity("date:monday", "DATE", "Monday"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("speaker", "keys"),
    [
        ("Eduardo Leite", ["person:eduardo-leite"]),
        ("Governor Eduardo Leite", ["person:eduardo-leite"]),
        ("Leite", ["person:eduardo-leite"]),  # a surname the article used
        ("chief executive Dr Anna Keller", ["person:anna-keller"]),
        ("the Syrian Salvation Government", ["org:syrian-salvation-government"]),
        ("The Salvation Government's", ["org:syrian-salvation-government"]),
        ("Iraq", ["gpe:iraq"]),
        (
            "Iraqi Prime Minister Eduardo Leite and Iranian President Masoud Pezeshkian",
            ["person:eduardo-leite", "person:masoud-pezeshkian"],
        ),
        ("a Syrian officer loyal to Assad", []),  # the officer spoke, not Assad
        ("Assad's spokesman", []),
        ("the mayor", []),
        ("Monday", []),  # a date is no speaker
        (None, []),
    ],
)
def test_speakers_link_a_speaker_to_the_entities_it_names(speaker, keys):
    quote: Quote = {"text": "We will rebuild", "speaker": speaker, "start": 1, "end": 16}
    (linked,) = link_speakers([quote], ENTITIES)
    assert linked["speaker_keys"] == keys
    assert {k: v for k, v in linked.items() if k != "speaker_keys"} == quote


def test_speakers_a_speaker_padded_with_thousands_of_spaces():
    """Its splitting at "and" and commas read a run of spaces in the square of its length."""
    speaker = "Iraqi Prime Minister Eduardo Leite" + " " * 50_000 + "and Masoud Pezeshkian"
    quote: Quote = {"text": "We will rebuild", "speaker": speaker, "start": 1, "end": 16}
    (linked,) = link_speakers([quote], ENTITIES)
    assert linked["speaker_keys"] == ["person:eduardo-leite", "person:masoud-pezeshkian"]
