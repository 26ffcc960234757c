"""The stages composed: what the compute process runs for the worker and for ``copydesk process``.

Each ``run_*`` takes a stage's input, calls the pure stage function and stamps the stage's
timing; failures raise. :func:`run_jobs` takes a batch of raw records (:class:`Job`) through
every stage up to ``until`` and gives, for each record in order, everything it produced: its
events, already encoded, each with the role of the topic it goes to, or its dead letter
(:class:`RecordResult`). The worker publishes those outputs as they are, and ``copydesk process``
prints them, so both give the same events and the same dead letters.

A stage's module is imported by the function that runs it, not when this module is: the entity
stage brings spaCy (about a second), the structure stage trafilatura, and ``copydesk process
--until repair`` must not pay for stages it does not run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeVar

from agents.records import (
    EnrichedArticle,
    RawArticle,
    RepairedArticle,
    Stage,
    StructuredArticle,
    utc_now,
)
from agents.settings import Settings

if TYPE_CHECKING:
    from agents.entities.stage import EntityAnalyzer

E = TypeVar("E", bound=dict)
#: The last stage to run.
Until = Literal["repair", "structure", "entities"]
#: The topic an output goes to, by its role in :attr:`agents.settings.Settings.stage_topics`.
Role = Literal["repaired", "structured", "enriched", "entities", "dlq"]
#: ``progress(positions, stage)``: the records at these positions of the batch enter ``stage``.
Progress = Callable[[Sequence[int], Stage], None]
#: The output role of each stage's event.
STAGE_ROLES: dict[Stage, Role] = {
    "repair": "repaired",
    "structure": "structured",
    "entities": "enriched",
}


@dataclass(frozen=True)
class Job:
    """One raw record to run through the stages: its key and value as they arrived, where it
    came from (for its dead letter's ``origin``) and when the broker took it (``ingested_at``)."""

    key: bytes | None
    value: bytes | None
    origin: dict[str, object] = field(default_factory=dict)
    ingested_at: str | None = None

    @property
    def size(self) -> int:
        """Bytes of the record's value: what its deadline is scaled by."""
        return len(self.value or b"")


@dataclass(frozen=True)
class Output:
    """One event to publish: the role of its topic, its key, its encoded value."""

    role: Role
    key: bytes | None
    value: bytes


@dataclass
class RecordResult:
    """What one record gave: its outputs in the order to publish them (each stage's event, then
    the per-entity events; or the events of the stages it passed, then its dead letter).

    ``stage`` is the last stage that ran on it, ``kind`` the dead letter's kind when it was
    dead-lettered (else None), ``ms`` the compute time of each stage it passed.
    """

    outputs: list[Output] = field(default_factory=list)
    stage: Stage = "intake"
    kind: str | None = None
    ms: dict[str, float] = field(default_factory=dict)

    @property
    def dead(self) -> bool:
        return self.kind is not None


def run_repair(raw: RawArticle, settings: Settings) -> RepairedArticle:
    """A raw article (from :func:`~agents.repair.intake.parse_raw_record`) to the repaired event."""
    from agents.repair.stage import repair_article

    started = time.perf_counter()
    event = repair_article(raw, max_text_chars=settings.max_text_chars)
    return _stamp(event, "repair", started)


def run_structure(event: RepairedArticle) -> StructuredArticle:
    from agents.structure.stage import structure_article

    started = time.perf_counter()
    return _stamp(structure_article(event), "structure", started)


def run_entities(
    events: list[StructuredArticle], analyzer: EntityAnalyzer
) -> list[EnrichedArticle | Exception]:
    """Enrich a batch; one article's failure is its own, never its neighbours'."""
    from agents.entities.stage import enrich_article

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


def run_jobs(
    jobs: Sequence[Job],
    settings: Settings,
    until: Until = "entities",
    analyzer: EntityAnalyzer | None = None,
    progress: Progress | None = None,
) -> list[RecordResult]:
    """Every record of a batch through the stages up to ``until``: each record through intake,
    repair and structure on its own, then the survivors through the entity stage together.

    ``progress`` hears where the batch is (the compute process reports it to the parent, which
    holds each record to its deadline). ``analyzer`` is needed only when ``until`` is entities.
    """
    from agents.contracts import encode_event

    report = progress or _quiet
    results: list[RecordResult] = []
    ready: list[tuple[int, StructuredArticle]] = []
    for position, job in enumerate(jobs):
        result = RecordResult()
        results.append(result)
        event = _early_stages(job, settings, until, result, lambda s, p=position: report([p], s))
        if event is None:
            continue
        result.outputs.append(
            Output(STAGE_ROLES[result.stage], _id_key(event), encode_event(event))
        )
        if until == "entities" and result.stage == "structure":
            ready.append((position, event))  # type: ignore[arg-type]
    if not ready:
        return results
    if analyzer is None:
        raise ValueError("run_jobs needs an analyzer to run the entity stage")
    from agents.entities.events import entity_events

    report([position for position, _ in ready], "entities")
    enriched = run_entities([event for _, event in ready], analyzer)
    for (position, structured), article in zip(ready, enriched, strict=True):
        result, job = results[position], jobs[position]
        result.stage = "entities"
        try:
            if isinstance(article, Exception):
                raise article
            per_entity = entity_events(article)
            outputs = [Output("enriched", _id_key(article), encode_event(article))]
            outputs += [
                Output("entities", e["entity"]["key"].encode("utf-8"), encode_event(e))
                for e in per_entity
            ]
        except Exception as exc:
            add_dead_letter(
                result, job, "entities", exc, structured.get("id"), structured.get("source")
            )
            continue
        result.outputs += outputs
        result.ms["entities"] = article["timings"]["entities"]["ms"]
    return results


def _early_stages(
    job: Job,
    settings: Settings,
    until: Until,
    result: RecordResult,
    report: Callable[[Stage], None],
) -> dict | None:
    """Intake, repair and (unless ``until`` is repair) structure for one record: the last
    event, with the repaired one already in ``result``; None when it was dead-lettered."""
    from agents.contracts import encode_event
    from agents.repair.intake import parse_raw_record

    stage: Stage = "intake"
    article_id = source = None
    try:
        report("intake")
        raw = parse_raw_record(
            job.key, job.value, max_bytes=settings.max_record_bytes, ingested_at=job.ingested_at
        )
        article_id, source = raw.id, raw.source
        stage = "repair"
        report(stage)
        event: dict = run_repair(raw, settings)
        result.stage, result.ms["repair"] = "repair", event["timings"]["repair"]["ms"]
        if until == "repair":
            return event
        result.outputs.append(Output("repaired", _id_key(event), encode_event(event)))
        stage = "structure"
        report(stage)
        event = run_structure(event)  # type: ignore[arg-type]
        result.stage, result.ms["structure"] = "structure", event["timings"]["structure"]["ms"]
        return event
    except Exception as exc:
        add_dead_letter(result, job, stage, exc, article_id, source)
        return None


def add_dead_letter(
    result: RecordResult,
    job: Job,
    stage: Stage,
    exc: BaseException,
    article_id: str | None,
    source: str | None,
    **fields: object,
) -> None:
    """Dead-letter ``job`` at ``stage``: its original key and value, whatever stage failed;
    ``fields`` are added to the dead letter (the deadline's ``ran_ms``, ``deadline_ms``)."""
    from agents.contracts import encode_event
    from agents.deadletters import dead_letter

    letter = {
        **dead_letter(
            stage,
            exc,
            job.key,
            job.value,
            origin=job.origin,
            article_id=article_id,
            source=source,
        ),
        **fields,
    }
    result.stage, result.kind = stage, letter["kind"]
    result.outputs.append(Output("dlq", job.key, encode_event(letter)))


def _single_entities(
    event: StructuredArticle, analyzer: EntityAnalyzer
) -> EnrichedArticle | Exception:
    from agents.entities.stage import enrich_article

    started = time.perf_counter()
    try:
        (entities,) = analyzer.analyze([event])
        return _stamp(enrich_article(event, entities), "entities", started)
    except Exception as exc:
        return exc


def _id_key(event: dict) -> bytes:
    return str(event["id"]).encode("utf-8")


def _quiet(positions: Sequence[int], stage: Stage) -> None:
    """No one is listening: ``copydesk process`` in one process, the tests."""


def _stamp(event: E, stage: str, started: float) -> E:
    ms = round((time.perf_counter() - started) * 1000, 3)
    event["timings"] = {**event.get("timings", {}), stage: {"at": utc_now(), "ms": ms}}
    return event
