"""``copydesk publish``: raw records to Kafka with kafka-python, a progress bar and a summary."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from kafka.errors import KafkaError
from tqdm import tqdm

from agents.cli.inputs import InputRecord
from agents.kafka.clients import ensure_topics, make_producer
from agents.settings import Settings


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
    """Send every record to ``topic`` and wait until the broker has them all (acks=all)."""
    ensure_topics(settings, [topic])
    producer = make_producer(settings)
    summary = PublishSummary(topic)
    started = time.perf_counter()
    pending = []
    bar = tqdm(unit=" records", desc=f"publish to {topic}", disable=not progress, file=sys.stderr)
    try:
        for record in records:
            where = _where(record)
            try:
                future = producer.send(topic, key=record.key, value=record.value)
            except KafkaError as exc:
                summary.failed.append(f"{where}: {exc}")
                continue
            pending.append((where, len(record.value), future))
            bar.update(1)
        producer.flush()
        for where, size, future in pending:
            try:
                future.get(timeout=30)
            except KafkaError as exc:
                summary.failed.append(f"{where}: {exc}")
            else:
                summary.sent += 1
                summary.bytes += size
    finally:
        bar.close()
        producer.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _where(record: InputRecord) -> str:
    origin = record.origin
    return f"{origin.get('path', '?')}" + (f":{origin['line']}" if "line" in origin else "")
