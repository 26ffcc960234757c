"""Plain Kafka clients (kafka-python) for the commands that are not the Faust worker.

``tail`` reads with manually assigned partitions and no consumer group: it commits nothing, so any
number of people can watch a topic at once, and it works on brokers (such as the embedded one)
where kafka-python's group protocol does not get an assignment.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import KafkaError, TopicAlreadyExistsError

from agents.errors import CopydeskError
from agents.settings import Settings


class KafkaUnavailable(CopydeskError):
    """The broker could not be reached or refused the request."""


def make_producer(settings: Settings) -> KafkaProducer:
    try:
        return KafkaProducer(
            bootstrap_servers=settings.bootstrap_servers,
            acks="all",
            linger_ms=5,
            max_request_size=settings.max_event_bytes,
            # Whole pages and their dead letters: gzip (in the standard library, and read by every
            # Kafka client) makes news text five to ten times smaller on the wire and on disk.
            compression_type="gzip",
            request_timeout_ms=15_000,
        )
    except KafkaError as exc:
        raise KafkaUnavailable(f"cannot reach the broker at {settings.broker}: {exc}") from exc


def ensure_topics(settings: Settings, names: Iterable[str]) -> None:
    """Create the topics that do not exist yet, with ``settings.partitions`` partitions."""
    create_missing(
        settings, [NewTopic(name, settings.partitions, 1) for name in sorted(set(names))]
    )


def create_missing(settings: Settings, topics: Sequence[NewTopic]) -> None:
    """Create those of ``topics`` that do not exist yet, as they are described."""
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=settings.bootstrap_servers, request_timeout_ms=15_000
        )
    except KafkaError as exc:
        raise KafkaUnavailable(f"cannot reach the broker at {settings.broker}: {exc}") from exc
    try:
        existing = set(admin.list_topics())
        missing = [topic for topic in topics if topic.name not in existing]
        if missing:
            admin.create_topics(missing)
    except TopicAlreadyExistsError:
        pass  # created by someone else meanwhile: fine
    finally:
        admin.close()


def read_topics(
    settings: Settings,
    names: list[str],
    *,
    from_beginning: bool,
    timeout: float | None,
    count: int | None = None,
) -> Iterator[ConsumerRecord]:
    """Records of ``names`` as they arrive, until ``count`` records or ``timeout`` seconds."""
    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers,
        enable_auto_commit=False,
        group_id=None,
        max_partition_fetch_bytes=settings.max_event_bytes,
        fetch_max_bytes=4 * settings.max_event_bytes,
    )
    deadline = None if timeout is None else time.monotonic() + timeout
    seen = 0
    try:
        partitions = _assign(consumer, names, deadline)
        if from_beginning:
            consumer.seek_to_beginning(*partitions)
        else:
            consumer.seek_to_end(*partitions)
            for partition in partitions:  # resolve the end now, not at the first poll
                consumer.position(partition)
        while count is None or seen < count:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return
            batches = consumer.poll(timeout_ms=int(min(left or 1.0, 1.0) * 1000))
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
