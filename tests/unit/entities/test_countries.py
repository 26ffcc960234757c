"""The countries an article concerns, ranked from its entities' salience (no model: entities are
given)."""

from __future__ import annotations

from agents.entities.countries import rank_countries
from agents.entities.salience import add_salience
from tests.unit.entities.test_salience import BLOCKS, _entity


def test_countries_add_up_their_places_and_groups_and_rank_by_score():
    entities = [
        _entity("place:iraq", "GPE", 150, country="IQ"),
        _entity("place:damascus", "GPE", 5, country="SY"),
        _entity("norp:iraqi", "NORP", 160, 170, country="IQ"),
        _entity("place:aleppo", "GPE", 180, country="SY"),
        _entity("person:x", "PERSON", 6),
        _entity("loc:asia", "LOC", 7),  # a continent: no country
    ]
    add_salience(entities, BLOCKS)
    ranked = rank_countries(entities)
    assert ranked == [
        {
            "country_code": "SY",
            "score": 0.7,  # Damascus 0.4 (title) + 0.3 / 2 (once of at most twice), Aleppo 0.15
            "mentions": 2,
            "entities": ["place:damascus", "place:aleppo"],
        },
        {
            "country_code": "IQ",
            "score": 0.45,
            "mentions": 3,
            "entities": ["place:iraq", "norp:iraqi"],
        },
    ]


def test_countries_tie_break_on_mentions_then_first_named():
    entities = [
        _entity("place:a", "GPE", 150, country="AA"),
        _entity("place:b", "GPE", 160, country="BB"),
    ]
    assert [c["country_code"] for c in rank_countries(entities)] == ["AA", "BB"]
    assert rank_countries([]) == []
