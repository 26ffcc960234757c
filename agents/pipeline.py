"""The stages composed: what the Faust agents and ``copydesk process`` both run.

Each ``run_*`` takes a stage's input, calls the pure stage function and stamps the stage's
timing. Failures raise; the caller turns them
into dead letters with :func:`dead_letter`, so the streaming and the offline paths report bad input
the same way.
"""

from __future__ import annotations

import base64
import json
import time
import traceback
from datetime import UTC, datetime
from typing import Any, TypeVar

from agents.entities import EntityAnalyzer, enrich_article
from agents.errors import RejectedInput
from agents.intake import key_as_id
from agents.records import (
    SCHEMA_DEAD_LETTER,
    DeadLetter,
    EnrichedArticle,
    RawArticle,
    RepairedArticle,
    Stage,
    StructuredArticle,
)
from agents.repair import repair_article
from agents.schemas import problems
from agents.settings import Settings
from agents.structure import structure_article

E = TypeVar("E", bound=dict)


def run_repair(raw: RawArticle, settings: Settings) -> RepairedArticle:
    """A raw article (from :func:`~agents.intake.parse_raw_record`) to the repaired event."""
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


def decode_event(value: bytes | None, version: str) -> Any:
    """An event read back from one of our own topics: JSON, valid against schema ``version``.

    The intermediate topics are open to any producer; checking the contract here turns a foreign
    or corrupted record into a clear dead letter instead of an exception deep inside a stage.
    """
    if not value:
        raise RejectedInput("empty", f"the record is empty where a {version} event was expected")
    try:
        event = json.loads(value)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RejectedInput("invalid_json", f"the record is not a JSON event: {exc}") from None
    found = problems(event, version)
    if found:
        raise RejectedInput(
            "schema_violation",
            f"the record is not a valid {version} event: " + "; ".join(found[:5]),
        )
    return event


def decode_events(values: list[bytes | None], version: str) -> list[Any]:
    """:func:`decode_event` for a batch: each value's event, or the exception it raised."""
    decoded: list[Any] = []
    for value in values:
        try:
            decoded.append(decode_event(value, version))
        except Exception as exc:
            decoded.append(exc)
    return decoded


def encode_event(event: dict) -> bytes:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def dead_letter(
    stage: Stage,
    error: BaseException,
    key: bytes | None,
    value: bytes | None,
    *,
    origin: dict[str, object],
    article_id: str | None = None,
    source: str | None = None,
) -> DeadLetter:
    """The dead-letter event for a record a stage could not process: lossless, and explained."""
    if isinstance(error, RejectedInput):
        kind, reason, trace = error.kind, error.reason, None
    else:
        kind = "stage_error"
        reason = f"the {stage} stage failed on this record: {type(error).__name__}: {error}"
        trace = "".join(traceback.format_exception(error)[-8:])
    value = value or b""
    return {
        "schema": SCHEMA_DEAD_LETTER,
        "id": article_id or key_as_id(key),
        "source": source,
        "stage": stage,
        "kind": kind,
        "reason": reason,
        "failed_at": utc_now(),
        "origin": origin,
        "key_b64": base64.b64encode(key).decode("ascii") if key is not None else None,
        "value_b64": base64.b64encode(value).decode("ascii"),
        "value_bytes": len(value),
        "value_preview": value[:200].decode("utf-8", errors="replace"),
        "traceback": trace,
    }


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def timestamp_to_iso(ms: float | None) -> str | None:
    """A Kafka record timestamp (ms since the epoch) as ISO 8601 UTC."""
    if not ms:
        return None
    iso = datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds")
    return iso.replace("+00:00", "Z")


def _stamp(event: E, stage: str, started: float) -> E:
    ms = round((time.perf_counter() - started) * 1000, 3)
    event["timings"] = {**event.get("timings", {}), stage: {"at": utc_now(), "ms": ms}}
    return event
