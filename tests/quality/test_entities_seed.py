"""The entities stage on the seed article (read from ../shared, never copied here), after the
real repair and structure stages."""

from __future__ import annotations

import re

import pytest

from agents.contracts import problems
from agents.entities.stage import EntityAnalyzer, enrich_article
from agents.records import EnrichedArticle, Entity
from tests.helpers import structured

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed(seed_bytes: bytes, analyzer: EntityAnalyzer) -> EnrichedArticle:
    event = structured(seed_bytes)
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
    militiamen = next(a for a in seed["amounts"] if a["value"] == 200)
    assert militiamen["approximate"] and militiamen["counted"].endswith("militiamen")
    assert seed["text"][militiamen["start"] : militiamen["end"]] == militiamen["text"]
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


def test_entities_seed_countries_ranked_syria_iraq_iran(seed):
    ranked = [country["country_code"] for country in seed["countries"]]
    assert ranked[:3] == ["SY", "IQ", "IR"]
    (syria,) = [c for c in seed["countries"] if c["country_code"] == "SY"]
    aleppo = _of_type(seed, "GPE")["Aleppo"]["key"]
    assert aleppo in syria["entities"] and "norp:syrian" in syria["entities"]


def test_entities_seed_salience_puts_the_headline_first(seed):
    named = [e for e in seed["entities"] if "salience" in e]
    top = sorted(named, key=lambda e: -e["salience"]["score"])[:3]
    assert {e["name"] for e in top} == {"Syria", "Assad", "Iraq"}  # all three in the title
    assert all(e["salience"]["in_title"] for e in top)


def test_entities_seed_quotes_point_to_their_speakers(seed):
    by_key = {e["key"]: e for e in seed["entities"]}
    linked = [
        [by_key[key]["name"] for key in quote["speaker_keys"]]
        for quote in seed["quotes"]
        if quote["speaker_keys"]
    ]
    assert ["Syrian Salvation Government"] in linked
    assert ["Mohammed Shia' Al-Sudani", "Masoud Bazshkian"] in linked


@pytest.mark.parametrize("form", ["as scraped", "restored"])
def test_entities_seed_nothing_from_the_junk_lines_through_the_stages(
    seed_bytes: bytes, analyzer: EntityAnalyzer, form: str
):
    """Through the real stages, with the junk lines as scraped (GBK bytes read as Latin-1, which
    the repair stage restores) and as already restored to the CJK text they were."""
    lines = seed_bytes.decode("utf-8").splitlines()
    if form == "restored":
        filled = [i for i, line in enumerate(lines) if line.strip()]
        for i in (filled[0], filled[-1]):
            lines[i] = lines[i].strip().encode("latin-1").decode("gbk")
    event = structured("\n".join(lines))
    (entities,) = analyzer.analyze([event])
    assert problems(enrich_article(event, entities), "enriched-article/1") == []
    # The junk lines are the text's first and last lines, whatever the repair made of them.
    junk = [(m.start(), m.end()) for m in re.finditer(r"\S[^\n]*", event["text"])]
    for entity in entities:
        for m in entity["mentions"]:
            assert not any(start <= m["start"] < end for start, end in (junk[0], junk[-1])), m
