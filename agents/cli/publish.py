"""``copydesk publish``: raw records to Kafka with kafka-python, a progress bar and a summary.

A record the broker refuses (too large, say) is listed in the summary and publishing goes on
(exit 1). A broker that goes away is different: kafka-python would hold every later record for
its delivery timeout, so on the first record that failed for want of a connection publishing
stops, and if the broker no longer accepts connections the command ends with one line saying how
many records were published before (exit 2)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from kafka.errors import (
    KafkaConnectionError,
    KafkaError,
    KafkaTimeoutError,
    NodeNotReadyError,
    RequestTimedOutError,
)
from tqdm import tqdm

from agents.cli.inputs import InputRecord
from agents.kafka.clients import KafkaUnavailable, ensure_topics, make_producer
from agents.kafka.connect import broker_errors, reachable
from agents.settings import Settings

#: Errors that say the broker could not be reached, not that it refused the record.
_LOST = (KafkaTimeoutError, KafkaConnectionError, NodeNotReadyError, RequestTimedOutError)


@dataclass
class PublishSummary:
    topic: str
    sent: int = 0
    bytes: int = 0
    seconds: float = 0.0
    failed: list[str] = field(default_factory=list)  # one line per record that was not sent

    def describe(self) -> str:
        rate = self.sent / self.seconds if self.seconds > 0 else 0.0
        line = (
            f"published {self.sent} record(s), {self.bytes:,} bytes, to {self.topic} "
            f"in {self.seconds:.2f} s ({rate:,.0f} records/s)"
        )
        if self.failed:
            line += f"; {len(self.failed)} failed:\n  " + "\n  ".join(self.failed)
        return line


def publish_records(
    records: Iterable[InputRecord], settings: Settings, topic: str, *, progress: bool = True
) -> PublishSummary:
    """Send every record to ``topic`` and wait until the broker has them all (acks=all).

    Raises :class:`KafkaUnavailable` when the broker cannot be reached, before or meanwhile."""
    ensure_topics(settings, [topic])
    producer = make_producer(settings)
    summary = PublishSummary(topic)
    started = time.perf_counter()
    pending = []
    lost: list[BaseException] = []
    stopped_at = last = ""
    bar = tqdm(unit=" records", desc=f"publish to {topic}", disable=not progress, file=sys.stderr)
    try:
        with broker_errors(settings):
            for record in records:
                where = _where(record)
                if lost:
                    stopped_at = where  # the broker went away: do not read and queue the rest
                    break
                last = where
                try:
                    future = producer.send(topic, key=record.key, value=record.value)
                except _LOST as exc:
                    lost.append(exc)
                    stopped_at = where
                    break
                except KafkaError as exc:
                    summary.failed.append(f"{where}: {exc}")
                    continue
                future.add_errback(lambda exc: lost.append(exc) if isinstance(exc, _LOST) else 0)
                pending.append((where, len(record.value), future))
                bar.update(1)
            try:
                producer.flush(timeout=3 * settings.broker_timeout)
            except KafkaTimeoutError as exc:
                lost.append(exc)
            unsent = 0
            for where, size, future in pending:
                try:
                    future.get(timeout=0 if lost else settings.broker_timeout)
                except _LOST:
                    unsent += 1
                except KafkaError as exc:
                    summary.failed.append(f"{where}: {exc}")
                else:
                    summary.sent += 1
                    summary.bytes += size
    finally:
        bar.close()
        producer.close(timeout=settings.broker_timeout)
    summary.seconds = time.perf_counter() - started
    if lost:
        problem = reachable(settings)
        if problem is not None:
            rest = f", nothing sent from {stopped_at} on" if stopped_at else ""
            raise KafkaUnavailable(
                f"lost the broker at {settings.broker}: {summary.sent} record(s) published to "
                f"{topic}, {unsent} not acknowledged{rest} ({problem}); publish again once it "
                "is back (consumers de-duplicate by id)"
            )
        summary.failed.append(f"{unsent} record(s) up to {last}: {lost[0]}")
    return summary


def _where(record: InputRecord) -> str:
    origin = record.origin
    return f"{origin.get('path', '?')}" + (f":{origin['line']}" if "line" in origin else "")
