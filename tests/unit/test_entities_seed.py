"""The entities stage on the seed article (read from ../shared, never copied here).

Until the structure stage lands, the event is built by hand: every non-blank line a paragraph,
except the first and last lines, junk left by a bad encoding, which are furniture.
"""

from __future__ import annotations

import pytest

from agents.entities import EntityAnalyzer, enrich_article
from agents.records import EnrichedArticle, Entity
from agents.schemas import problems
from tests.helpers import structured_by_lines

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed(seed_bytes: bytes, analyzer: EntityAnalyzer) -> EnrichedArticle:
    event = structured_by_lines(seed_bytes, {0: "furniture", -1: "furniture"})
    (entities,) = analyzer.analyze([event])
    return enrich_article(event, entities)


def _of_type(seed: EnrichedArticle, kind: str) -> dict[str, Entity]:
    return {e["name"]: e for e in seed["entities"] if e["type"] == kind}


@pytest.mark.parametrize(
    ("name", "country_code", "feature"),
    [
        ("Syria", "SY", "country"),
        ("Iraq", "IQ", "country"),
        ("Iran", "IR", "country"),
        ("Idlib", "SY", "city"),
        ("Aleppo", "SY", "city"),  # the model misses it: the gazetteer adds it
        ("Baghdad", "IQ", "city"),
        ("Damascus", "SY", "city"),  # not Damascus, Maryland: the article is about Syria
    ],
)
def test_entities_seed_places_resolve_to_their_countries(seed, name, country_code, feature):
    place = _of_type(seed, "GPE")[name]
    assert (place["country_code"], place["feature"]) == (country_code, feature)
    assert place["key"] == f"place:geonames:{place['geonames_id']}"
    assert place["lat"] is not None and place["lon"] is not None


def test_entities_seed_people(seed):
    people = _of_type(seed, "PERSON")
    assert people["Assad"]["count"] >= 8  # "Assad's", "Assad-loyal", "Assad Reuters" included
    assert "Mohammed Shia' Al-Sudani" in people  # the model cuts it in two
    assert "Masoud Bazshkian" in people
    assert "Assad Reuters" not in people


def test_entities_seed_organisations(seed):
    orgs = _of_type(seed, "ORG")
    hts = orgs["Hayat Tahrir al-Sham"]
    assert hts["aliases"] == ["HTS"]
    assert [m["text"] for m in hts["mentions"]] == ["Hayat Tahrir al-Sham", "HTS", "HTS", "HTS"]
    assert orgs["Syrian Salvation Government"]["aliases"] == ["Salvation Government"]
    assert orgs["Kataib Hezbollah"]["count"] == 2  # the model says PERSON
    assert "Reuters" in orgs
    assert "Fatemiyoun" in orgs  # the model says GPE


def test_entities_seed_amounts_and_groups(seed):
    assert _of_type(seed, "CARDINAL")["at least 200"]["count"] == 1
    groups = _of_type(seed, "NORP")
    assert {"Syrian", "Iraqi", "Iranian"} <= set(groups)
    assert not any(name in _of_type(seed, "GPE") for name in ("Syrian", "Iraqi", "Iranian"))


def test_entities_seed_nothing_from_the_junk_lines(seed):
    junk = [b for b in seed["blocks"] if b["kind"] == "furniture"]
    assert len(junk) == 2
    for entity in seed["entities"]:
        for m in entity["mentions"]:
            assert not any(b["start"] <= m["start"] < b["end"] for b in junk), m


def test_entities_seed_mentions_point_at_their_text(seed):
    text = seed["text"]
    for entity in seed["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_entities_seed_enriched_event_validates(seed):
    assert problems(seed, "enriched-article/1") == []
