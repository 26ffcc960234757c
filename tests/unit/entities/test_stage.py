"""The entities stage on our own short articles with the real model: entities with their offsets,
types, merges and places; what it reads (content blocks) and what it never changes."""

from __future__ import annotations

import copy

import pytest

from agents.contracts import problems
from agents.entities.stage import content_blocks, enrich_article
from agents.records import Entity, StructuredArticle
from tests.helpers import article, structured_by_lines


def _event(name: str) -> StructuredArticle:
    """One of our articles, its first line the title and the rest paragraphs."""
    return structured_by_lines(article(name), {0: "title"})


def _by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {entity["name"]: entity for entity in entities}


@pytest.mark.model
def test_entities_mentions_point_at_their_text_and_are_sorted(enriched):
    for name, (event, entities) in enriched.items():
        assert entities, name
        for entity in entities:
            mentions = entity["mentions"]
            assert mentions == sorted(mentions, key=lambda m: (m["start"], m["end"]))
            assert entity["count"] == len(mentions)
            for m in mentions:
                assert event["text"][m["start"] : m["end"]] == m["text"], (name, m)


@pytest.mark.model
def test_entities_are_ordered_by_first_mention_with_unique_keys(enriched):
    for _, entities in enriched.values():
        firsts = [entity["mentions"][0]["start"] for entity in entities]
        assert firsts == sorted(firsts)
        keys = [entity["key"] for entity in entities]
        assert len(keys) == len(set(keys)), keys


@pytest.mark.model
def test_entities_enriched_events_validate_against_the_schema(enriched):
    for event, entities in enriched.values():
        assert problems(event, "structured-article/1") == []
        assert problems(enrich_article(event, entities), "enriched-article/1") == []


@pytest.mark.model
def test_entities_conflict_story(enriched):
    entities = _by_name(enriched["conflict"][1])
    tripoli = entities["Tripoli"]  # the Lebanese city: the article is about Lebanon
    assert (tripoli["type"], tripoli["country_code"], tripoli["count"]) == ("GPE", "LB", 2)
    assert entities["Beirut"]["country_code"] == "LB"
    assert entities["Beirut"]["aliases"] == ["BEIRUT"]  # the dateline, not an ORG
    assert entities["Reuters"]["type"] == "ORG"
    mikati = entities["Najib Mikati"]  # "Prime Minister" is no part of the name
    assert (mikati["type"], mikati["aliases"], mikati["key"]) == (
        "PERSON",
        ["Mikati"],
        "person:najib-mikati",
    )
    isf = entities["Internal Security Forces"]
    assert (isf["type"], isf["aliases"], isf["count"]) == ("ORG", ["ISF"], 3)
    lebanese = entities["Lebanese"]  # a group, not a place, but the country is known
    assert (lebanese["type"], lebanese["country_code"]) == ("NORP", "LB")
    assert "geonames_id" not in lebanese
    assert entities["at least 12"]["type"] == "CARDINAL"


@pytest.mark.model
def test_entities_disaster_story(enriched):
    entities = _by_name(enriched["disaster"][1])
    # A dateline in capitals, a headline and the body meet as one place.
    pelotas = entities["Pelotas"]
    assert (pelotas["type"], pelotas["country_code"], pelotas["aliases"]) == (
        "GPE",
        "BR",
        ["PELOTAS"],
    )
    assert pelotas["count"] == 4
    # The state is no city (GeoNames gives its name to the city of Rio Grande): the region.
    state = entities["Rio Grande do Sul"]
    assert (state["type"], state["feature"], state["country_code"], state["admin1_code"]) == (
        "GPE",
        "admin_region",
        "BR",
        "BR-RS",
    )
    assert state["key"] == "place:iso:BR-RS"
    assert "Rio Grande" not in entities
    river = entities["Jacuí"]  # a river, not a person, an organisation or a town
    assert (river["type"], river["feature"]) == ("LOC", None)
    assert entities["Uruguay"]["type"] == "GPE" and entities["Uruguay"]["country_code"] == "UY"
    assert entities["Marta Ribeiro"]["aliases"] == ["Ribeiro"]


@pytest.mark.model
def test_entities_politics_story(enriched):
    entities = _by_name(enriched["politics"][1])
    assert entities["Olaf Scholz"]["type"] == "PERSON"  # the model says ORG, then GPE
    assert entities["Olaf Scholz"]["aliases"] == ["Scholz"]
    assert entities["Friedrich Merz"]["count"] == 2  # "Mr Merz" is Merz
    cdu = entities["Christian Democratic Union"]
    assert (cdu["aliases"], cdu["count"]) == (["CDU"], 3)
    assert entities["Associated Press"]["type"] == "ORG"
    assert entities["Karlsruhe"]["country_code"] == "DE"
    assert entities["Berlin"]["country_code"] == "DE"
    assert entities["Wednesday"]["type"] == "DATE"


@pytest.mark.model
def test_entities_business_story(enriched):
    entities = _by_name(enriched["business"][1])
    assert entities["Nordlicht Semiconductor Ltd"]["type"] == "ORG"
    assert entities["Anna Keller"]["aliases"] == ["Keller"]  # "Dr" dropped, surname merged
    assert entities["Bloomberg"]["type"] == "ORG"  # the model says GPE
    assert entities["Frankfurt"]["country_code"] == "DE"
    assert entities["Penang"]["country_code"] == "MY"
    assert entities["Asia"]["key"] == "place:geonames:6255147"  # the continent, not a town
    assert entities["$2.1 billion"]["type"] == "MONEY"
    assert entities["14%"]["type"] == "PERCENT"


@pytest.mark.model
def test_entities_sport_story(enriched):
    entities = _by_name(enriched["sport"][1])
    assert entities["Blackburn Rovers"]["type"] == "ORG"  # the model says PERSON
    assert entities["Manchester City"]["type"] == "ORG"  # the model says GPE
    assert entities["Blackburn"]["type"] == "GPE"  # "everyone in Blackburn"
    assert entities["Blackburn"]["country_code"] == "GB"
    assert entities["Daniel Okafor"]["count"] == 3
    assert "Reading" not in entities  # the club: never a place added by the gazetteer


@pytest.mark.model
def test_entities_never_come_from_furniture_bylines_or_dates(analyzer):
    text = (
        "Share on Facebook | Follow Reuters on Twitter | London Paris Berlin\n"
        "By Daniel Okafor in Aleppo\n"
        "12 March 2024\n"
        "Rebels entered Aleppo on Sunday.\n"
        "Advertisement: fly Emirates to Dubai\n"
    )
    kinds = {0: "furniture", 1: "byline", 2: "date", -1: "furniture"}
    event = structured_by_lines(text, kinds)
    (entities,) = analyzer.analyze([event])
    body = next(b for b in event["blocks"] if b["kind"] == "paragraph")
    for entity in entities:
        for m in entity["mentions"]:
            assert body["start"] <= m["start"] and m["end"] <= body["end"], m
    assert {e["name"] for e in entities} == {"Aleppo", "Sunday"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("title", "body", "kept"),
    [
        # The model reads both headline openers as ORG; the body never names them.
        ("Chipmaker opens plant in Dresden", "The plant will employ 1,000 people.", False),
        ("Council approves new tram line", "Leeds City Council voted on Wednesday.", False),
        # Named again in the body: a name after all.
        ("Toyota recalls cars in Japan", "Toyota said the fault affects brakes.", True),
    ],
)
def test_entities_drop_a_headline_opener_the_article_never_names_again(analyzer, title, body, kept):
    opener = title.split()[0]
    assert analyzer.nlp(title).ents[0].text == opener  # what the model thinks
    event = structured_by_lines(f"{title}\n\n{body}\n", {0: "title"})
    (entities,) = analyzer.analyze([event])
    assert (opener in {e["name"] for e in entities}) is kept


@pytest.mark.model
def test_entities_merge_a_well_known_acronym_with_its_long_form_when_both_are_written(analyzer):
    event = structured_by_lines(
        "The United Nations said on Monday that aid was reaching the town.\n\n"
        "A UN spokesman said more trucks would follow.\n"
    )
    (entities,) = analyzer.analyze([event])
    (un,) = [e for e in entities if e["name"] == "United Nations"]
    assert {m["text"] for m in un["mentions"]} == {"United Nations", "UN"}


@pytest.mark.model
def test_entities_batches_give_what_single_articles_give(analyzer, enriched):
    events = [event for event, _ in enriched.values()]
    singles = [analyzer.analyze([event])[0] for event in events]
    assert singles == [entities for _, entities in enriched.values()]


@pytest.mark.model
def test_entities_analyze_changes_no_event(analyzer):
    event = _event("entities-conflict.txt")
    before = copy.deepcopy(event)
    (entities,) = analyzer.analyze([event])
    assert event == before
    enriched = enrich_article(event, entities)
    assert event == before and enriched["schema"] == "enriched-article/1"
    assert enriched["entities"] is entities


@pytest.mark.model
def test_entities_handles_empty_batches_and_articles_without_content(analyzer):
    assert analyzer.analyze([]) == []
    only_furniture = structured_by_lines("Home | News | Sport\n", {0: "furniture"})
    no_blocks = {**_event("entities-conflict.txt"), "blocks": []}  # nothing marked as prose
    assert analyzer.analyze([only_furniture, no_blocks]) == [[], []]


def test_entities_content_blocks_are_prose_only_in_text_order():
    event = structured_by_lines(
        "Title\nBy Someone\nA paragraph\nMenu\nA caption\n",
        {0: "title", 1: "byline", 3: "furniture", 4: "caption"},
    )
    event["blocks"].reverse()
    assert [b["kind"] for b in content_blocks(event)] == ["title", "paragraph", "caption"]


def test_entities_content_blocks_skip_lines_without_latin_letters():
    # A site's name in Chinese, left as a paragraph: nothing the English model can read.
    event = structured_by_lines("\u7231\u6f2b\u5c9b\nCrews in São Paulo\n\u542c 2024\n")
    assert [event["text"][b["start"] : b["end"]] for b in content_blocks(event)] == [
        "Crews in São Paulo"
    ]
