"""Plain Kafka clients (kafka-python) for the commands that are not the Faust worker.

Every client is made here, from :func:`agents.kafka.security.client_config`, after
:func:`agents.kafka.connect.preflight`: so TLS, SASL and the timeouts reach all of them, and a
broker that cannot be reached ends in one line, not a traceback.

``tail`` reads with manually assigned partitions and no consumer group: it commits nothing, so any
number of people can watch a topic at once, and it works on brokers (such as the embedded one)
where kafka-python's group protocol does not get an assignment.

**End offsets.** The embedded broker (Tansu 0.6.0) answers ListOffsets(latest) with the base
offset of the partition's last batch plus one, not the offset after its last record: nine records
sent as batches of 5, 1 and 3 gave 7, not 9 (measured). Its fetch responses carry the right high
watermark, so :func:`end_offsets` fetches at the reported end minus one and takes the high
watermark. On Apache Kafka both agree; the fetch costs one small request per partition.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import KafkaConnectionError, RequestTimedOutError, TopicAlreadyExistsError

from agents.kafka.connect import KafkaUnavailable, broker_errors, preflight, reachable
from agents.kafka.security import client_config
from agents.settings import Settings

__all__ = [
    "KafkaUnavailable",
    "create_missing",
    "end_offsets",
    "ensure_topics",
    "make_admin",
    "make_consumer",
    "make_producer",
    "read_topics",
]


def make_producer(settings: Settings, **extra: Any) -> KafkaProducer:
    """A producer that waits for every replica (acks=all) and gives up on a record after about
    twice ``broker_timeout`` (one request, one retry)."""
    timeout_ms = int(settings.broker_timeout * 1000)
    options = {
        "acks": "all",
        "linger_ms": 5,
        "max_request_size": settings.max_event_bytes,
        "max_block_ms": timeout_ms,
        "delivery_timeout_ms": 2 * timeout_ms + 5,
        # Whole pages and their dead letters: gzip (in the standard library, and read by every
        # Kafka client) makes news text five to ten times smaller on the wire and on disk.
        "compression_type": "gzip",
        **extra,
    }
    return _make(KafkaProducer, settings, options)


def make_admin(settings: Settings) -> KafkaAdminClient:
    return _make(KafkaAdminClient, settings, {})


def make_consumer(settings: Settings, **extra: Any) -> KafkaConsumer:
    """A consumer without a group (it commits nothing), for manually assigned partitions."""
    options = {
        "enable_auto_commit": False,
        "group_id": None,
        "max_partition_fetch_bytes": settings.max_event_bytes,
        "fetch_max_bytes": 4 * settings.max_event_bytes,
        "fetch_max_wait_ms": 200,
        **extra,
    }
    return _make(KafkaConsumer, settings, options)


def _make(kind: Any, settings: Settings, options: dict[str, Any]) -> Any:
    preflight(settings)
    with broker_errors(settings):
        return kind(**client_config(settings), **options)


def ensure_topics(settings: Settings, names: Iterable[str]) -> None:
    """Create the topics that do not exist yet, with ``settings.partitions`` partitions."""
    create_missing(
        settings, [NewTopic(name, settings.partitions, 1) for name in sorted(set(names))]
    )


def create_missing(settings: Settings, topics: Sequence[NewTopic]) -> None:
    """Create those of ``topics`` that do not exist yet, as they are described."""
    admin = make_admin(settings)
    try:
        with broker_errors(settings):
            existing = set(admin.list_topics())
            missing = [topic for topic in topics if topic.name not in existing]
            if missing:
                admin.create_topics(missing)
    except TopicAlreadyExistsError:
        pass  # created by someone else meanwhile: fine
    finally:
        admin.close()


def end_offsets(
    consumer: KafkaConsumer, partitions: list[TopicPartition], timeout: float
) -> dict[TopicPartition, int]:
    """The offset after the last record of each partition (see the module's note on Tansu).

    Uses ``consumer``'s assignment: assign ``partitions`` first; their positions move."""
    ends = dict(consumer.end_offsets(partitions))
    begins = consumer.beginning_offsets(partitions)
    pending = {tp for tp in partitions if ends[tp] > begins[tp]}
    for tp in pending:
        consumer.seek(tp, ends[tp] - 1)
    deadline = time.monotonic() + timeout
    while pending:
        if time.monotonic() > deadline:
            names = ", ".join(f"{tp.topic}[{tp.partition}]" for tp in sorted(pending))
            raise KafkaUnavailable(f"the broker did not answer a fetch of {names} in {timeout:g} s")
        consumer.poll(timeout_ms=200)
        for tp in list(pending):
            highwater = consumer.highwater(tp)
            if highwater is not None:
                ends[tp] = max(ends[tp], highwater)
                pending.discard(tp)
    return ends


def read_topics(
    settings: Settings,
    names: list[str],
    *,
    from_beginning: bool,
    timeout: float | None,
    count: int | None = None,
) -> Iterator[ConsumerRecord]:
    """Records of ``names`` as they arrive, until ``count`` records or ``timeout`` seconds.

    Raises :class:`KafkaUnavailable` when the broker goes away meanwhile: kafka-python would
    retry quietly forever, so when it logs a connection failure the broker is probed, and one
    that no longer accepts connections ends the read."""
    consumer = make_consumer(settings)
    deadline = None if timeout is None else time.monotonic() + timeout
    seen = 0
    try:
        with broker_errors(settings) as watch:
            partitions = _assign(consumer, names, deadline)
            if from_beginning:
                consumer.seek_to_beginning(*partitions)
            else:
                ends = end_offsets(consumer, partitions, settings.broker_timeout)
                for partition, end in ends.items():
                    consumer.seek(partition, end)
            mark = watch.mark()
            while count is None or seen < count:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return
                batches = consumer.poll(timeout_ms=int(min(left or 1.0, 1.0) * 1000))
                trouble = [
                    e
                    for e in watch.since(mark)
                    if isinstance(e, KafkaConnectionError | RequestTimedOutError | OSError)
                ]
                mark = watch.mark()
                if trouble and not batches:
                    problem = reachable(settings)
                    if problem:
                        raise KafkaUnavailable(
                            f"lost the broker at {settings.broker} after {seen} event(s): {problem}"
                        )
                for records in batches.values():
                    for record in records:
                        yield record
                        seen += 1
                        if count is not None and seen >= count:
                            return
    finally:
        consumer.close()


def _assign(
    consumer: KafkaConsumer, names: list[str], deadline: float | None
) -> list[TopicPartition]:
    """Assign every partition of ``names``, waiting for topics that do not exist yet."""
    while True:
        found = {name: consumer.partitions_for_topic(name) for name in names}
        if all(found.values()):
            partitions = [TopicPartition(name, p) for name, ps in found.items() for p in ps]
            consumer.assign(partitions)
            return partitions
        if deadline is not None and time.monotonic() > deadline:
            missing = ", ".join(name for name, ps in found.items() if not ps)
            raise KafkaUnavailable(f"no such topic on the broker: {missing}")
        time.sleep(0.2)
