"""Salience of entities: title, lead and frequency (no model: entities are given)."""

from __future__ import annotations

from agents.entities.salience import add_salience
from agents.records import Block, Entity

# Title 0-30, standfirst 31-60, first paragraph 61-120, second paragraph 121-200.
BLOCKS: list[Block] = [
    {"kind": "title", "start": 0, "end": 30},
    {"kind": "standfirst", "start": 31, "end": 60},
    {"kind": "date", "start": 61, "end": 70},
    {"kind": "paragraph", "start": 71, "end": 120},
    {"kind": "paragraph", "start": 121, "end": 200},
]


def _entity(key: str, kind: str, *starts: int, country: str | None = None) -> Entity:
    entity: Entity = {
        "key": key,
        "name": key,
        "type": kind,
        "aliases": [],
        "count": len(starts),
        "mentions": [{"start": s, "end": s + 3, "text": key} for s in starts],
    }
    if country:
        entity["country_code"] = country
    return entity


def test_salience_weighs_title_lead_and_frequency():
    entities = [
        _entity("a", "GPE", 5, 80, 130, 140),  # title, lead, the most mentions
        _entity("b", "PERSON", 40),  # standfirst: lead
        _entity("c", "ORG", 100, 150),  # first paragraph and after
        _entity("d", "ORG", 190),  # once, at the end
        _entity("e", "CARDINAL", 2),  # a value: no salience
    ]
    add_salience(entities, BLOCKS)
    assert [e.get("salience") for e in entities] == [
        {"score": 1.0, "in_title": True, "in_lead": True},
        {"score": 0.375, "in_title": False, "in_lead": True},
        {"score": 0.45, "in_title": False, "in_lead": True},
        {"score": 0.075, "in_title": False, "in_lead": False},
        None,
    ]


def test_salience_of_an_article_without_title_or_paragraphs():
    entities = [_entity("a", "PERSON", 5)]
    add_salience(entities, [])
    assert entities[0]["salience"] == {"score": 0.3, "in_title": False, "in_lead": False}
