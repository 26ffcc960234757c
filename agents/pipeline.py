"""The stages composed: what the Faust agents and ``copydesk process`` both run.

Each ``run_*`` takes a stage's input, calls the pure stage function and stamps the stage's
timing. Failures raise; the caller turns them into dead letters with
:func:`agents.deadletters.dead_letter`, so the streaming and the offline paths report bad input
the same way.
"""

from __future__ import annotations

import time
from typing import TypeVar

from agents.entities.stage import EntityAnalyzer, enrich_article
from agents.records import (
    EnrichedArticle,
    RawArticle,
    RepairedArticle,
    StructuredArticle,
    utc_now,
)
from agents.repair.stage import repair_article
from agents.settings import Settings
from agents.structure.stage import structure_article

E = TypeVar("E", bound=dict)


def run_repair(raw: RawArticle, settings: Settings) -> RepairedArticle:
    """A raw article (from :func:`~agents.repair.intake.parse_raw_record`) to the repaired event."""
    started = time.perf_counter()
    event = repair_article(raw, max_text_chars=settings.max_text_chars)
    return _stamp(event, "repair", started)


def run_structure(event: RepairedArticle) -> StructuredArticle:
    started = time.perf_counter()
    return _stamp(structure_article(event), "structure", started)


def run_entities(
    events: list[StructuredArticle], analyzer: EntityAnalyzer
) -> list[EnrichedArticle | Exception]:
    """Enrich a batch; one article's failure is its own, never its neighbours'."""
    started = time.perf_counter()
    try:
        found = analyzer.analyze(events)
    except Exception:
        # Run them one at a time to find the culprit; the rest still go through.
        return [_single_entities(event, analyzer) for event in events]
    share = (time.perf_counter() - started) / max(1, len(events))
    return [
        _stamp(enrich_article(event, entities), "entities", time.perf_counter() - share)
        for event, entities in zip(events, found, strict=True)
    ]


def _single_entities(
    event: StructuredArticle, analyzer: EntityAnalyzer
) -> EnrichedArticle | Exception:
    started = time.perf_counter()
    try:
        (entities,) = analyzer.analyze([event])
        return _stamp(enrich_article(event, entities), "entities", started)
    except Exception as exc:
        return exc


def _stamp(event: E, stage: str, started: float) -> E:
    ms = round((time.perf_counter() - started) * 1000, 3)
    event["timings"] = {**event.get("timings", {}), stage: {"at": utc_now(), "ms": ms}}
    return event
