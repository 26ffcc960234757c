"""``copydesk process``: the stages without Kafka, over records read from files or stdin.

The same functions as the worker, in the same order, with the same dead letters: what this prints
for an article is what the worker would publish for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Literal

from agents.cli.inputs import InputRecord
from agents.deadletters import dead_letter
from agents.entities.stage import EntityAnalyzer
from agents.pipeline import run_entities, run_repair, run_structure
from agents.records import DeadLetter, Stage, StructuredArticle
from agents.repair.intake import parse_raw_record
from agents.settings import Settings
from agents.stories import StoryIndex, mark_story

Until = Literal["repair", "structure", "entities"]
#: What processing one record gave: ("event", event) or ("dead", dead letter).
Outcome = tuple[Literal["event", "dead"], dict]


def process_records(
    records: Iterable[InputRecord],
    settings: Settings,
    until: Until = "entities",
    load_analyzer: Callable[[], EntityAnalyzer] | None = None,
    stories: StoryIndex | None = None,
) -> Iterator[Outcome]:
    """Run every record through the stages up to ``until``; entities in batches. Enriched
    events are marked with their story by ``stories`` (the run's index) when it is given."""
    analyzer: EntityAnalyzer | None = None
    batch: list[tuple[InputRecord, StructuredArticle]] = []
    for record in records:
        outcome = _early_stages(record, settings, until)
        if outcome[0] == "dead" or until != "entities":
            yield outcome
            continue
        batch.append((record, outcome[1]))  # type: ignore[arg-type]
        if len(batch) >= settings.batch_size:
            analyzer = analyzer or _load(load_analyzer, settings)
            yield from _entities(batch, analyzer, stories)
            batch = []
    if batch:
        analyzer = analyzer or _load(load_analyzer, settings)
        yield from _entities(batch, analyzer, stories)


def _early_stages(record: InputRecord, settings: Settings, until: Until) -> Outcome:
    stage: Stage = "intake"
    article_id = source = None
    try:
        raw = parse_raw_record(record.key, record.value, max_bytes=settings.max_record_bytes)
        article_id, source, stage = raw.id, raw.source, "repair"
        event: dict = run_repair(raw, settings)
        if until != "repair":
            stage = "structure"
            event = run_structure(event)  # type: ignore[arg-type]
    except Exception as exc:
        return "dead", _letter(stage, exc, record, article_id, source)
    return "event", event


def _entities(
    batch: list[tuple[InputRecord, StructuredArticle]],
    analyzer: EntityAnalyzer,
    stories: StoryIndex | None,
) -> Iterator[Outcome]:
    results = run_entities([article for _, article in batch], analyzer)
    for (record, article), result in zip(batch, results, strict=True):
        if isinstance(result, Exception):
            yield "dead", _letter("entities", result, record, article["id"], article["source"])
        elif stories is None:
            yield "event", result  # type: ignore[misc]
        else:
            yield "event", mark_story(result, stories, time.time())  # type: ignore[misc]


def _letter(
    stage: Stage,
    exc: Exception,
    record: InputRecord,
    article_id: str | None,
    source: str | None,
) -> DeadLetter:
    return dead_letter(
        stage,
        exc,
        record.key,
        record.value,
        origin=record.origin,
        article_id=article_id,
        source=source,
    )


def _load(load: Callable[[], EntityAnalyzer] | None, settings: Settings) -> EntityAnalyzer:
    return load() if load is not None else EntityAnalyzer(settings.model)
