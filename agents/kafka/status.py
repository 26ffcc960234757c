"""What the broker alone knows of the pipeline: offsets, lag, dead letters, rate.

:func:`pipeline_status` asks the broker, with the same clients and settings as every command
(``copydesk status`` prints it):

- **end offsets** of every partition of copydesk's topics, with the fetch-checked end of
  :func:`agents.kafka.clients.end_offsets` (the embedded broker under-reports ListOffsets);
- **committed offsets and lag** of every consumer group that committed on those topics, from the
  admin client (ListGroups, OffsetFetch). These work on the embedded broker, where a
  kafka-python consumer *group* gets no assignment; nothing here joins a group;
- **dead letters by kind and stage**, read from the dead-letter topic from its start (each value is
  a ``dead-letter/1`` JSON object with ``kind`` and ``stage``);
- **records in the last minute** per topic, from record timestamps: a binary search per partition
  for the first record stamped at or after ``now - 60 s`` (one fetch per step, every partition in
  each step at once). ListOffsets by timestamp would be one request, but the embedded broker
  answers it with offset 0 for any time in the past (measured), so the search reads the
  timestamps itself. Timestamps are the producers' (CreateTime): a producer with a wrong clock
  skews the count.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord

from agents.kafka.clients import KafkaUnavailable, end_offsets, make_admin, make_consumer
from agents.kafka.connect import broker_errors
from agents.settings import Settings

#: The window of the rate, in seconds.
RATE_WINDOW = 60


@dataclass
class PartitionStatus:
    begin: int
    end: int
    last_minute: int = 0

    @property
    def records(self) -> int:
        return self.end - self.begin


@dataclass
class GroupPartition:
    committed: int | None  # None: the group has committed nothing there
    end: int
    begin: int

    @property
    def lag(self) -> int:
        return self.end - (self.begin if self.committed is None else self.committed)


@dataclass
class PipelineStatus:
    broker: str
    at: datetime
    topics: dict[str, dict[int, PartitionStatus] | None]  # None: no such topic
    roles: dict[str, str]  # topic -> role (raw, repaired, ...)
    groups: dict[str, dict[str, dict[int, GroupPartition]]]
    dead_letters: Counter[str] = field(default_factory=Counter)
    dead_letters_by_stage: Counter[str] = field(default_factory=Counter)
    unreadable_dead_letters: int = 0

    def lag(self, group: str) -> int:
        return sum(p.lag for parts in self.groups[group].values() for p in parts.values())

    def as_json(self) -> dict:
        """The ``--json`` document (fields in docs/deployment.md)."""
        topics = {}
        for name, parts in self.topics.items():
            if parts is None:
                topics[name] = {"role": self.roles[name], "exists": False}
                continue
            topics[name] = {
                "role": self.roles[name],
                "exists": True,
                "records": sum(p.records for p in parts.values()),
                "last_minute": sum(p.last_minute for p in parts.values()),
                "per_second": round(sum(p.last_minute for p in parts.values()) / RATE_WINDOW, 3),
                "partitions": {
                    str(n): {"begin": p.begin, "end": p.end, "last_minute": p.last_minute}
                    for n, p in sorted(parts.items())
                },
            }
        groups = {
            group: {
                "lag": self.lag(group),
                "topics": {
                    topic: {
                        str(n): {"committed": p.committed, "end": p.end, "lag": p.lag}
                        for n, p in sorted(parts.items())
                    }
                    for topic, parts in sorted(by_topic.items())
                },
            }
            for group, by_topic in sorted(self.groups.items())
        }
        return {
            "broker": self.broker,
            "at": self.at.isoformat(timespec="seconds").replace("+00:00", "Z"),
            "rate": {"window_seconds": RATE_WINDOW, "method": "record timestamps"},
            "topics": topics,
            "groups": groups,
            "dead_letters": {
                "total": sum(self.dead_letters.values()) + self.unreadable_dead_letters,
                "by_kind": dict(self.dead_letters.most_common()),
                "by_stage": dict(self.dead_letters_by_stage.most_common()),
                "unreadable": self.unreadable_dead_letters,
            },
        }


def pipeline_status(settings: Settings) -> PipelineStatus:
    """Ask the broker at ``settings.broker`` for the picture (see the module's note)."""
    # The stage topics, the stories agent's input (its lag is the stories hop's backlog) and
    # the watchlists' matches.
    every = {
        **settings.stage_topics,
        "stories": settings.topic_stories,
        "matches": settings.topic_matches,
    }
    roles = {topic: role for role, topic in every.items()}
    admin = make_admin(settings)
    # Small fetches for the offset probes (a fetch still returns one whole batch), full-size
    # ones for reading the dead letters.
    consumer = make_consumer(settings, max_partition_fetch_bytes=1, fetch_max_wait_ms=100)
    reader = make_consumer(settings)
    now = datetime.now(UTC)
    try:
        with broker_errors(settings):
            existing = set(admin.list_topics())
            partitions = {
                topic: sorted(consumer.partitions_for_topic(topic) or ())
                for topic in roles
                if topic in existing
            }
            every = [TopicPartition(t, p) for t, ps in partitions.items() for p in ps]
            consumer.assign(every)
            begins = consumer.beginning_offsets(every)
            ends = end_offsets(consumer, every, settings.broker_timeout)
            since = _first_since(
                consumer, begins, ends, int(now.timestamp() * 1000) - RATE_WINDOW * 1000, settings
            )
            topics: dict[str, dict[int, PartitionStatus] | None] = {t: None for t in roles}
            for tp in every:
                status = PartitionStatus(begins[tp], ends[tp], ends[tp] - since[tp])
                topics[tp.topic] = {**(topics[tp.topic] or {}), tp.partition: status}
            groups = _groups(admin, roles, begins, ends)
            result = PipelineStatus(settings.broker, now, topics, roles, groups)
            dlq = [tp for tp in every if tp.topic == settings.topic_dlq]
            _count_dead_letters(reader, dlq, begins, ends, result, settings)
            return result
    finally:
        reader.close()
        consumer.close()
        admin.close()


def _groups(
    admin: KafkaAdminClient, roles: dict[str, str], begins: dict, ends: dict
) -> dict[str, dict[str, dict[int, GroupPartition]]]:
    """Every consumer group with a committed offset on one of ``roles``' topics."""
    groups: dict[str, dict[str, dict[int, GroupPartition]]] = {}
    for listed in admin.list_groups():
        group = listed["group_id"] if isinstance(listed, dict) else listed[0]
        offsets = admin.list_group_offsets({group: None}).get(group, {})
        topics = {tp.topic for tp in offsets if tp.topic in roles}
        if not topics:
            continue
        groups[group] = {}
        for tp in sorted(t for t in ends if t.topic in topics):
            meta = offsets.get(tp)
            committed = meta.offset if meta is not None and meta.offset >= 0 else None
            groups[group].setdefault(tp.topic, {})[tp.partition] = GroupPartition(
                committed, ends[tp], begins[tp]
            )
    return groups


def _first_since(
    consumer: KafkaConsumer, begins: dict, ends: dict, since_ms: int, settings: Settings
) -> dict[TopicPartition, int]:
    """Per partition, the offset of the first record stamped at or after ``since_ms`` (the end
    when there is none): a binary search over offsets, all partitions a step at a time."""
    low = dict(begins)
    high = dict(ends)
    while True:
        middle = {tp: (low[tp] + high[tp]) // 2 for tp in low if low[tp] < high[tp]}
        if not middle:
            return low
        found = _records_at(consumer, middle, settings)
        for tp, offset in middle.items():
            record = found[tp]
            if record.timestamp >= since_ms:
                high[tp] = offset
            else:
                low[tp] = min(record.offset + 1, high[tp])


def _records_at(
    consumer: KafkaConsumer, offsets: dict[TopicPartition, int], settings: Settings
) -> dict[TopicPartition, ConsumerRecord]:
    """The first record at or after each offset (one fetch per partition, all at once)."""
    consumer.assign(list(offsets))
    for tp, offset in offsets.items():
        consumer.seek(tp, offset)
    found: dict[TopicPartition, ConsumerRecord] = {}
    deadline = time.monotonic() + settings.broker_timeout
    while len(found) < len(offsets):
        if time.monotonic() > deadline:
            raise KafkaUnavailable(
                f"the broker did not answer a fetch in {settings.broker_timeout:g} s"
            )
        for tp, records in consumer.poll(timeout_ms=200, max_records=len(offsets) * 50).items():
            if tp not in found and records:
                found[tp] = records[0]
                consumer.pause(tp)
    consumer.resume(*offsets)
    return found


def _count_dead_letters(
    consumer: KafkaConsumer,
    partitions: list[TopicPartition],
    begins: dict,
    ends: dict,
    result: PipelineStatus,
    settings: Settings,
) -> None:
    """Read the dead-letter topic from its start up to the ends and count kinds and stages."""
    todo = [tp for tp in partitions if ends[tp] > begins[tp]]
    if not todo:
        return
    consumer.assign(todo)
    for tp in todo:
        consumer.seek(tp, begins[tp])
    left = set(todo)
    deadline = time.monotonic() + settings.broker_timeout
    while left:
        batches = consumer.poll(timeout_ms=200)
        if batches:
            deadline = time.monotonic() + settings.broker_timeout
        elif time.monotonic() > deadline:
            raise KafkaUnavailable(
                f"the broker stopped answering while reading {settings.topic_dlq} "
                f"({settings.broker_timeout:g} s)"
            )
        for tp, records in batches.items():
            for record in records:
                if record.offset >= ends[tp]:
                    break
                try:
                    letter = json.loads(record.value)
                    result.dead_letters[str(letter["kind"])] += 1
                    result.dead_letters_by_stage[str(letter.get("stage"))] += 1
                except (ValueError, TypeError, KeyError):
                    result.unreadable_dead_letters += 1
            if consumer.position(tp) >= ends[tp]:
                consumer.pause(tp)
                left.discard(tp)
