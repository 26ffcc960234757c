"""The stories agent and the rules reader: one story index for every worker's articles.

The raw agent sends each enriched event to ``<app id>-stories``, an internal topic with one
partition, so one worker at a time owns it (``docs/stages/stories.md`` says why one partition and
not routing by LSH band). The stories agent on that partition marks each event with its story
(:func:`mark_event`: :class:`~agents.stories.StoryIndex` over a changelog-backed Faust table
with one partition, co-partitioned with the topic), publishes it on ``articles.enriched`` and
one ``alert-match/1`` event per matching rule on ``alerts.matches``, and only then acks it.

Every worker follows ``alerts.rules`` (:func:`follow_rules`): from its start, with no consumer
group, for as long as it runs, so a rule added while it runs applies from the next article.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

import aiokafka
import faust
import orjson
from faust.types import AgentT, EventT, StreamT

from agents.contracts import definition_problems
from agents.deadletters import dead_letter
from agents.errors import RejectedInput
from agents.kafka.rules import apply_rule_record
from agents.kafka.security import aiokafka_config
from agents.records import StoryFields
from agents.settings import Settings
from agents.stories import StoryIndex, mark_story
from agents.streaming import RULE_LOGGED
from agents.streaming.topics import Topics
from agents.watchlists import Watchlist

log = logging.getLogger(__name__)
STORY_FIELDS = tuple(StoryFields.__annotations__)


def mark_event(
    value: bytes, index: StoryIndex, watchlist: Watchlist, received: float
) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    """An enriched event marked with its story, and its matches as (rule id, event). The
    index's clock is :func:`clock_of` the event, else ``received``.

    The story fields are checked against their definitions in ``enriched-article/1``; the rest
    of the event is the compute process's, unchanged (checking all of it would cost 60-70 ms an
    article on the event loop: the one index partition's whole budget). Raises
    :class:`RejectedInput` when they break it, so the event becomes a dead letter, not a broken
    event."""
    article = orjson.loads(value)
    event = mark_story(article, index, clock_of(article, received))
    wrong = definition_problems({field: event[field] for field in STORY_FIELDS}, "enriched_fields")
    if wrong:
        raise RejectedInput("schema_violation", "the story fields: " + "; ".join(wrong[:5]))
    matches = [
        (match["rule_id"].encode("utf-8"), orjson.dumps(match))
        for match in watchlist.matches(event)
    ]
    return orjson.dumps(event), matches


def clock_of(article: dict, fallback: float) -> float:
    """The story index's clock for an article: when the broker took its raw record
    (``ingested_at``), so a replay of the raw topic decides the same; else ``fallback``."""
    ingested = article.get("ingested_at")
    return datetime.fromisoformat(ingested).timestamp() if ingested else fallback


@dataclass(frozen=True)
class StoriesAgent:
    """What :func:`register_stories` put on an app: the agent, its index and the watchlist."""

    agent: AgentT
    index: StoryIndex
    watchlist: Watchlist


def register_stories(app: faust.App, topics: Topics, settings: Settings) -> StoriesAgent:
    """Register the stories agent, its table and the rules reader on ``app``."""
    table = app.Table(
        "story-index",
        partitions=1,  # the stories topic's one partition: co-partitioned with it
        key_type=str,  # keys and values as JSON: article ids, Records
    )
    index = StoryIndex(table, window_s=settings.story_window_s)
    watchlist = Watchlist()
    enriched = topics.enriched.get_topic_name()
    matches = topics.matches.get_topic_name()
    dlq = topics.dlq.get_topic_name()
    # The band map and expiry queue are derived from the table: rebuilt from it before the
    # first event after each rebalance (its recovery is complete by then), on the worker that
    # owns the partition only.
    stale = [True]

    async def send(topic: str, key: bytes | None, value: bytes) -> None:
        # Straight to the producer, as the raw agent sends (agents.streaming.agents says why).
        await app.producer.send(topic, key, value, None, None, None)

    @app.on_rebalance_complete.connect
    async def mark_stale(sender: object, **_: object) -> None:
        stale[0] = True

    @app.task
    async def rules_reader() -> None:
        await topics.rules.maybe_declare()
        await follow_rules(settings, watchlist)

    async def handle(event: EventT, ack: Callable[[EventT], Awaitable[object]]) -> None:
        """Mark one event; publish it and its matches (or its dead letter); then ack it."""
        if stale[0]:
            index.rebuild()
            stale[0] = False
            log.info("copydesk: story index rebuilt, %d articles", len(index))
        message = event.message
        try:
            marked, found = mark_event(message.value, index, watchlist, message.timestamp)
        except Exception as exc:
            origin = {
                "topic": message.topic,
                "partition": message.partition,
                "offset": message.offset,
            }
            letter = dead_letter("stories", exc, message.key, message.value, origin=origin)
            await send(dlq, message.key, orjson.dumps(letter))
        else:
            await send(enriched, message.key, marked)
            for rule_id, match in found:
                await send(matches, rule_id, match)
        await ack(event)

    @app.agent(topics.stories, name="stories")
    async def stories(stream: StreamT) -> None:
        manual = stream.noack()  # acked once its events are sent
        async for event in manual.events():
            # A stop cancels the agent; an event cancelled between its sends and its ack would
            # be read and sent again by the partition's next owner. Each one is finished first.
            handling = asyncio.ensure_future(handle(event, manual.ack))
            try:
                await asyncio.shield(handling)
            except asyncio.CancelledError:
                with contextlib.suppress(Exception):
                    await handling
                raise

    return StoriesAgent(agent=stories, index=index, watchlist=watchlist)


async def follow_rules(settings: Settings, watchlist: Watchlist) -> None:
    """Apply every record of the rules topic to ``watchlist``, from its start, for ever.

    A consumer with no group, its partitions assigned: every worker reads every rule, and
    nothing is committed. Broker errors are logged and the reader starts over (the rules are
    re-applied from the start: applying them again changes nothing).
    """
    topic = settings.topic_rules
    events: dict[str, dict] = {}
    while True:
        consumer = aiokafka.AIOKafkaConsumer(
            group_id=None,
            enable_auto_commit=False,
            fetch_max_wait_ms=int(settings.fetch_max_wait * 1000),
            **aiokafka_config(settings),
        )
        try:
            await consumer.start()
            await consumer.topics()  # the metadata, so the topic's partitions are known
            partitions = sorted(consumer.partitions_for_topic(topic) or {0})
            consumer.assign([aiokafka.TopicPartition(topic, p) for p in partitions])
            await consumer.seek_to_beginning()
            log.info("copydesk: following the rules on %s", topic)
            while True:
                for records in (await consumer.getmany(timeout_ms=1000)).values():
                    for record in records:
                        apply_rule_record(events, record.key, record.value)
                        if record.key is not None:
                            rule_id = record.key.decode("utf-8", errors="replace")
                            watchlist.apply(rule_id, events.get(rule_id))
                            state = "in force" if rule_id in watchlist.rules else "removed"
                            log.info("%s %s: %s", RULE_LOGGED, rule_id, state)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("copydesk: reading the rules on %s failed (%s): again in 5 s", topic, exc)
            await asyncio.sleep(5)
        finally:
            await consumer.stop()
