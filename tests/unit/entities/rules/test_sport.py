"""Clubs in sport reports, on docs tokenised without a model."""

from __future__ import annotations

import re

from agents.entities.rules.sport import is_sport, retype_clubs
from agents.entities.tokens import Tagged, Words
from tests.unit.entities.rules.tagging import labels_of


def _tagged(doc: Words, *names: tuple[str, str]) -> list[Tagged]:
    spans = []
    for text, label in names:
        match = re.search(re.escape(text), doc.text)
        assert match, text
        span = doc.doc.char_span(match.start(), match.end())
        spans.append(Tagged(span.start, span.end, label))
    return spans


def test_entity_sport_is_sport_needs_two_signs(words):
    assert is_sport([words("Leeds won 3-1 after a late goal.")])
    assert is_sport([words("The striker joined the squad.")])
    assert not is_sport([words("Shelling went on over the season.")])
    assert not is_sport([words("The 2023-24 budget cut 10-15 posts.")])


def test_entity_sport_retype_clubs_makes_sides_of_towns_and_people(words, gazetteer):
    docs = [
        words("LEEDS, England - Sunderland beat Wrexham 2-0 in Leeds."),
        words("Wrexham's coach, Tom Price, said the Sunderland striker joined from FC Utrecht."),
    ]
    blocks = [
        _tagged(
            docs[0],
            ("LEEDS", "GPE"),
            ("Sunderland", "GPE"),
            ("Wrexham", "PERSON"),
            ("Leeds", "GPE"),
        ),
        _tagged(
            docs[1],
            ("Wrexham", "PERSON"),
            ("Tom Price", "PERSON"),
            ("Sunderland", "GPE"),
            ("Utrecht", "GPE"),
        ),
    ]
    first, second = retype_clubs(docs, blocks, gazetteer)
    assert labels_of(docs[0], first) == [
        ("LEEDS", "GPE"),  # the dateline names the town
        ("Sunderland", "ORG"),
        ("Wrexham", "ORG"),
        ("Leeds", "GPE"),
    ]
    assert labels_of(docs[1], second) == [
        ("Wrexham", "ORG"),
        ("Tom Price", "PERSON"),
        ("Sunderland", "ORG"),
        ("FC Utrecht", "ORG"),
    ]


def test_entity_sport_retype_clubs_leaves_countries_people_and_other_stories(words, gazetteer):
    doc = words("Spain beat Italy 2-1 in the final as Jannik Sinner beat Alcaraz, Sinner said.")
    spans = _tagged(
        doc,
        ("Spain", "GPE"),
        ("Italy", "GPE"),
        ("Jannik Sinner", "PERSON"),
        ("Alcaraz", "PERSON"),
        ("Sinner said", "PERSON"),
    )
    spans[-1] = spans[-1]._replace(end=spans[-1].end - 1)
    assert is_sport([doc])
    assert retype_clubs([doc], [spans], gazetteer) == [spans]  # one cue: "beat Alcaraz"
    doc = words("Troops beat back an attack on Goma, a town held against Kinshasa.")
    spans = _tagged(doc, ("Goma", "GPE"), ("Kinshasa", "GPE"))
    assert retype_clubs([doc], [spans], gazetteer) == [spans]
