"""The Faust agents: read a topic, call a stage, send the result on, or dead-letter the input.

Faust acknowledges an event whose agent raised and moves on, so an exception that escaped here
would lose the record silently. Every failure therefore ends in :func:`_dead_letter` (through
:func:`_attempt`, or from a batch's per-record results), which dead-letters the stage's input
with the reason, and the loop carries on with the next record.

The entities agent writes two topics: the enriched article, and one event per named entity
keyed by the entity (:mod:`agents.entity_events`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from faust.types import EventT, StreamT, TopicT

from agents import topics
from agents.app import app, settings
from agents.entities import EntityAnalyzer
from agents.entity_events import entity_events
from agents.intake import parse_raw_record
from agents.loop_lag import watch_loop_lag
from agents.pipeline import (
    dead_letter,
    decode_event,
    decode_events,
    encode_event,
    run_entities,
    run_repair,
    run_structure,
    timestamp_to_iso,
)
from agents.processes import MODEL_LOADED
from agents.records import SCHEMA_REPAIRED, SCHEMA_STRUCTURED, RawArticle, Stage

log = logging.getLogger(__name__)
T = TypeVar("T")
#: The article id and source of a failed record, where they are known.
About = tuple[str | None, str | None]

# One thread runs the model, off the event loop, so heartbeats and commits keep flowing.
_model_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-ner")
_analyzer: asyncio.Future[EntityAnalyzer] | None = None


def analyzer() -> asyncio.Future[EntityAnalyzer]:
    """The NER analyzer, loaded once in the model thread (started at worker start-up)."""
    global _analyzer
    if _analyzer is None:
        loop = asyncio.get_running_loop()
        _analyzer = loop.run_in_executor(_model_thread, EntityAnalyzer, settings.model)
    return _analyzer


@app.task
async def start_up() -> None:
    """Create the topics we only write to, and load the model before the first batch."""
    for topic in topics.OUTPUT_ONLY:
        await topic.maybe_declare()
    await analyzer()
    log.info("%s: %s; topics %s", MODEL_LOADED, settings.model, settings.stage_topics)


@app.task
async def watch_event_loop() -> None:
    """Log how late the event loop runs, every few seconds (see :mod:`agents.loop_lag`)."""
    await watch_loop_lag(log.info)


@app.agent(topics.raw, name="repair")
async def repair(stream: StreamT) -> None:
    async for event in stream.events():
        raw = await _attempt("intake", event, _parse, event)
        if raw is None:
            continue
        out = await _attempt("repair", event, run_repair, raw, settings, about=(raw.id, raw.source))
        if out is not None:
            await _send(topics.repaired, out)


@app.agent(topics.repaired, name="structure")
async def structure(stream: StreamT) -> None:
    async for event in stream.events():
        article = await _attempt("structure", event, decode_event, event.value, SCHEMA_REPAIRED)
        if article is None:
            continue
        out = await _attempt("structure", event, run_structure, article, about=_about(article))
        if out is not None:
            await _send(topics.structured, out)


@app.agent(topics.structured, name="entities")
async def entities(stream: StreamT) -> None:
    model = await analyzer()
    loop = asyncio.get_running_loop()
    async for batch in stream.take_events(settings.batch_size, within=settings.batch_within):
        # Checking a structured event against its schema takes milliseconds: a batch's worth
        # held the loop for a fifth of a second, so it runs in the model's thread too.
        decoded = await loop.run_in_executor(
            _model_thread, decode_events, [event.value for event in batch], SCHEMA_STRUCTURED
        )
        ready: list[tuple[EventT, Any]] = []
        for event, article in zip(batch, decoded, strict=True):
            if isinstance(article, Exception):
                await _dead_letter("entities", event, article, about=(None, None))
            else:
                ready.append((event, article))
        if not ready:
            continue
        articles = [article for _, article in ready]
        results = await loop.run_in_executor(_model_thread, run_entities, articles, model)
        for (event, article), result in zip(ready, results, strict=True):
            if isinstance(result, Exception):
                await _dead_letter("entities", event, result, about=_about(article))
                continue
            await _send(topics.enriched, result)
            per_entity = await _attempt(
                "entities", event, entity_events, result, about=_about(article)
            )
            for entity_event in per_entity or ():
                await _send(topics.entities, entity_event, key=entity_event["entity"]["key"])


def _about(article: dict) -> About:
    return article.get("id"), article.get("source")


def _parse(event: EventT) -> RawArticle:
    message = event.message
    return parse_raw_record(
        message.key,
        message.value,
        max_bytes=settings.max_record_bytes,
        ingested_at=timestamp_to_iso(message.timestamp * 1000),
    )


async def _attempt(
    stage: Stage,
    event: EventT,
    fn: Callable[..., T],
    *args: Any,
    about: About = (None, None),
) -> T | None:
    """``fn(*args)``, or None after dead-lettering ``event`` when it raises."""
    try:
        return fn(*args)
    except Exception as exc:
        await _dead_letter(stage, event, exc, about=about)
        return None


async def _dead_letter(stage: Stage, event: EventT, exc: Exception, *, about: About) -> None:
    message = event.message
    article_id, source = about
    letter = dead_letter(
        stage,
        exc,
        message.key,
        message.value,
        origin={
            "topic": message.topic,
            "partition": message.partition,
            "offset": message.offset,
            "timestamp": timestamp_to_iso(message.timestamp * 1000),
        },
        article_id=article_id,
        source=source,
    )
    log.warning(
        "copydesk: dead-lettered %s[%s]@%s at %s: %s",
        message.topic,
        message.partition,
        message.offset,
        stage,
        letter["reason"],
    )
    await topics.dlq.send(key=message.key, value=encode_event(letter))


async def _send(topic: TopicT, event: dict, *, key: str | None = None) -> None:
    """Send ``event``, keyed by ``key`` (by default its article id)."""
    await topic.send(key=(key or event["id"]).encode("utf-8"), value=encode_event(event))
