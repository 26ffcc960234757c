"""The per-entity events of the entity topic (agents.entities.events)."""

from __future__ import annotations

import pytest

from agents.contracts import problems
from agents.entities.events import entity_events
from agents.entities.stage import enrich_article
from agents.entities.tables.labels import NAME_LABELS


@pytest.mark.model
def test_entities_one_event_per_named_entity_for_the_entity_topic(enriched):
    event = enrich_article(*enriched["conflict"])
    per_entity = entity_events(event)
    named = [e for e in event["entities"] if e["type"] in NAME_LABELS]
    assert 0 < len(named) < len(event["entities"])  # dates and numbers get no event
    assert [e["entity"] for e in per_entity] == named
    for one in per_entity:
        assert problems(one, "article-entity/1") == []
        assert one["id"] == event["id"] and one["timings"] == event["timings"]
        assert one["entity"]["key"] not in one["co_entities"]
        assert len(one["co_entities"]) == len(named) - 1
        assert one["article_countries"] == [c["country_code"] for c in event["countries"]]
    assert per_entity[0]["article_countries"][0] == "LB"
