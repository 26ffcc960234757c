"""The Faust agents: read a topic, call a stage, send the result on, or dead-letter the input.

Faust acknowledges an event whose agent raised and moves on, so an exception that escaped here
would lose the record silently. Every failure therefore ends in ``dead_letter`` (through
``attempt``, or from a batch's per-record results), which dead-letters the stage's input with
the reason, and the loop carries on with the next record.

The entities agent writes two topics: the enriched article, and one event per named entity
keyed by the entity (:mod:`agents.entities.events`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import faust
from faust.types import AgentT, EventT, StreamT, TopicT

from agents.contracts import decode_event, decode_events, encode_event
from agents.deadletters import dead_letter
from agents.entities.events import entity_events
from agents.entities.stage import EntityAnalyzer
from agents.pipeline import run_entities, run_repair, run_structure
from agents.records import SCHEMA_REPAIRED, SCHEMA_STRUCTURED, RawArticle, Stage, timestamp_to_iso
from agents.repair.intake import parse_raw_record
from agents.settings import Settings
from agents.streaming import MODEL_LOADED
from agents.streaming.loop_lag import watch_loop_lag
from agents.streaming.topics import Topics

log = logging.getLogger(__name__)
T = TypeVar("T")
#: The article id and source of a failed record, where they are known.
About = tuple[str | None, str | None]


@dataclass(frozen=True)
class StageAgents:
    """The topics and agents of one app (tests drive them with ``agent.test_context()``)."""

    topics: Topics
    repair: AgentT
    structure: AgentT
    entities: AgentT


def register_agents(app: faust.App, topics: Topics, settings: Settings) -> StageAgents:
    """Register copydesk's tasks and agents on ``app``."""
    # One thread runs the model, off the event loop, so heartbeats and commits keep flowing.
    model_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-ner")
    loaded: list[asyncio.Future[EntityAnalyzer]] = []

    def analyzer() -> asyncio.Future[EntityAnalyzer]:
        """The NER analyzer, loaded once in the model thread (started at worker start-up)."""
        if not loaded:
            loop = asyncio.get_running_loop()
            loaded.append(loop.run_in_executor(model_thread, EntityAnalyzer, settings.model))
        return loaded[0]

    async def send(topic: TopicT, event: dict, *, key: str | None = None) -> None:
        """Send ``event``, keyed by ``key`` (by default its article id)."""
        await topic.send(key=(key or event["id"]).encode("utf-8"), value=encode_event(event))

    async def send_dead_letter(
        stage: Stage, event: EventT, exc: Exception, *, about: About
    ) -> None:
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

    async def attempt(
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
            await send_dead_letter(stage, event, exc, about=about)
            return None

    def parse(event: EventT) -> RawArticle:
        message = event.message
        return parse_raw_record(
            message.key,
            message.value,
            max_bytes=settings.max_record_bytes,
            ingested_at=timestamp_to_iso(message.timestamp * 1000),
        )

    @app.task
    async def start_up() -> None:
        """Create the topics we only write to, and load the model before the first batch."""
        for topic in topics.output_only:
            await topic.maybe_declare()
        await analyzer()
        log.info("%s: %s; topics %s", MODEL_LOADED, settings.model, settings.stage_topics)

    @app.task
    async def watch_event_loop() -> None:
        """Log how late the event loop runs, every few seconds (see :mod:`..loop_lag`)."""
        await watch_loop_lag(log.info)

    @app.agent(topics.raw, name="repair")
    async def repair(stream: StreamT) -> None:
        async for event in stream.events():
            raw = await attempt("intake", event, parse, event)
            if raw is None:
                continue
            about = (raw.id, raw.source)
            out = await attempt("repair", event, run_repair, raw, settings, about=about)
            if out is not None:
                await send(topics.repaired, out)

    @app.agent(topics.repaired, name="structure")
    async def structure(stream: StreamT) -> None:
        async for event in stream.events():
            article = await attempt("structure", event, decode_event, event.value, SCHEMA_REPAIRED)
            if article is None:
                continue
            out = await attempt("structure", event, run_structure, article, about=_about(article))
            if out is not None:
                await send(topics.structured, out)

    @app.agent(topics.structured, name="entities")
    async def entities(stream: StreamT) -> None:
        model = await analyzer()
        loop = asyncio.get_running_loop()
        async for batch in stream.take_events(settings.batch_size, within=settings.batch_within):
            # Checking a structured event against its schema takes milliseconds: a batch's worth
            # held the loop for a fifth of a second, so it runs in the model's thread too.
            values = [event.value for event in batch]
            decoded = await loop.run_in_executor(
                model_thread, decode_events, values, SCHEMA_STRUCTURED
            )
            ready: list[tuple[EventT, Any]] = []
            for event, article in zip(batch, decoded, strict=True):
                if isinstance(article, Exception):
                    await send_dead_letter("entities", event, article, about=(None, None))
                else:
                    ready.append((event, article))
            if not ready:
                continue
            articles = [article for _, article in ready]
            results = await loop.run_in_executor(model_thread, run_entities, articles, model)
            for (event, article), result in zip(ready, results, strict=True):
                if isinstance(result, Exception):
                    await send_dead_letter("entities", event, result, about=_about(article))
                    continue
                await send(topics.enriched, result)
                per_entity = await attempt(
                    "entities", event, entity_events, result, about=_about(article)
                )
                for entity_event in per_entity or ():
                    await send(topics.entities, entity_event, key=entity_event["entity"]["key"])

    return StageAgents(topics=topics, repair=repair, structure=structure, entities=entities)


def _about(article: dict) -> About:
    return article.get("id"), article.get("source")
