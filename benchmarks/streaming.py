"""Latency and throughput through Kafka: the embedded broker and a real ``copydesk worker``.

    python -m benchmarks.streaming [--latency-articles 30] [--burst 300]

1. Latency: one article at a time, from ``send`` to its enriched event arriving at a consumer.
   Baseline of the same run: one bare record's round trip through the same broker (produce, then
   consume), which the pipeline pays four times (raw, repaired, structured, enriched).
2. Throughput: a burst of articles published at once, until the last enriched event arrives.
   Baseline of the same run: the same articles through the same stage functions offline.
3. The worker's event loop during the burst: the worst lag it reported (see
   :mod:`agents.streaming.loop_lag`), while the model worked in its thread.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from agents.cli.inputs import InputRecord
from agents.cli.process import process_records
from agents.entities.stage import EntityAnalyzer
from agents.kafka.clients import ensure_topics, make_producer
from agents.local.broker import EmbeddedBroker
from agents.local.processes import free_port, start_worker, stop_process
from agents.settings import Settings
from agents.streaming.loop_lag import REPORT_S, reported_max_lags
from tests.quality.corpus import build_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency-articles", type=int, default=30, help="one by one (30)")
    parser.add_argument("--burst", type=int, default=300, help="articles published at once (300)")
    args = parser.parse_args()
    corpus = build_corpus(args.latency_articles + args.burst + 1, seed=7)
    workdir = Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    with EmbeddedBroker().start(log=workdir / "broker.log") as broker:
        prefix = "b" + uuid.uuid4().hex[:8]
        settings = Settings.from_env(
            {},
            broker=broker.url,
            app_id=f"copydesk-{prefix}",
            web_port=free_port(),
            datadir=str(workdir / "data"),
            **{f"topic_{role}": f"{prefix}.{role}" for role in Settings().stage_topics},
        )
        ensure_topics(settings, settings.stage_topics.values())
        baseline = _round_trips(settings, f"{prefix}.echo", args.latency_articles)
        worker_log = workdir / "worker.log"
        worker = start_worker(settings, worker_log)
        try:
            watcher = _Watcher(settings)
            producer = make_producer(settings)
            started = time.perf_counter()
            _send(producer, settings, corpus[:1])
            watcher.wait_for({corpus[0].id})
            print(f"worker ready: first article through in {time.perf_counter() - started:.1f} s")

            latencies = []
            for article in corpus[1 : 1 + args.latency_articles]:
                sent_at = time.perf_counter()
                _send(producer, settings, [article])
                watcher.wait_for({article.id})
                latencies.append((time.perf_counter() - sent_at) * 1000)

            burst = corpus[1 + args.latency_articles :]
            # Start on a fresh report window, so that no report mixes the burst with the
            # worker's first articles (first calls build validators and caches: 0.2-0.4 s).
            reports_before = _next_lag_report(worker_log)
            started = time.perf_counter()
            _send(producer, settings, burst)
            watcher.wait_for({article.id for article in burst}, timeout=900)
            streaming_s = time.perf_counter() - started
            _next_lag_report(worker_log)  # the report covering the end of the burst
            lags = reported_max_lags(worker_log.read_text(errors="replace"))[reports_before:]
        finally:
            stop_process(worker)
    offline_s = _offline(burst, settings)

    print()
    print(f"{'latency, one article at a time':48} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    _latency_row("baseline: bare record round trip (1 hop)", baseline)
    _latency_row("copydesk: publish to enriched event (4 hops)", latencies)
    print(f"ratio of medians: {statistics.median(latencies) / statistics.median(baseline):.1f}x")
    print()
    print(f"{'throughput, burst of ' + str(len(burst)):48} {'articles/s':>10}")
    print(f"{'baseline: same stages offline, one process':48} {len(burst) / offline_s:10.1f}")
    print(f"{'copydesk worker through Kafka':48} {len(burst) / streaming_s:10.1f}")
    print(f"streaming / offline throughput: {offline_s / streaming_s:.2f}")
    print()
    print(
        f"worker event loop during the burst: max lag {max(lags):.1f} ms "
        f"({len(lags)} reports, one every {REPORT_S:.0f} s; Faust heartbeats every "
        f"{max(1.0, settings.session_timeout / 4):.1f} s)"
    )


class _Watcher:
    """Reads the enriched and dead-letter topics from their current end, remembering ids."""

    def __init__(self, settings: Settings) -> None:
        self.consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap_servers)
        topics = [settings.topic_enriched, settings.topic_dlq]
        partitions = [
            TopicPartition(topic, p)
            for topic in topics
            for p in self.consumer.partitions_for_topic(topic) or []
        ]
        self.consumer.assign(partitions)
        self.consumer.seek_to_end(*partitions)
        for partition in partitions:
            self.consumer.position(partition)
        self.seen: set[str] = set()

    def wait_for(self, ids: set[str], timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not ids <= self.seen:
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out: {len(ids - self.seen)} articles did not come out")
            for records in self.consumer.poll(timeout_ms=100).values():
                self.seen.update(json.loads(r.value).get("id") for r in records)


def _next_lag_report(log: Path) -> int:
    """Wait for the worker's next event-loop report; how many it has logged then."""
    seen = len(reported_max_lags(log.read_text(errors="replace")))
    deadline = time.monotonic() + 2 * REPORT_S
    while time.monotonic() < deadline:
        now = len(reported_max_lags(log.read_text(errors="replace")))
        if now > seen:
            return now
        time.sleep(0.05)
    raise SystemExit(f"the worker logged no event-loop report in {2 * REPORT_S:.0f} s")


def _send(producer: KafkaProducer, settings: Settings, articles: list) -> None:
    for article in articles:
        producer.send(settings.topic_raw, key=article.id.encode(), value=article.value)
    producer.flush()


def _round_trips(settings: Settings, topic: str, count: int) -> list[float]:
    ensure_topics(settings, [topic])
    producer = make_producer(settings)
    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap_servers)
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
    consumer.assign(partitions)
    consumer.seek_to_end(*partitions)
    for partition in partitions:
        consumer.position(partition)
    times = []
    for n in range(count + 1):
        sent_at = time.perf_counter()
        producer.send(topic, value=b"x" * 3000)
        producer.flush()
        while not any(consumer.poll(timeout_ms=100).values()):
            pass
        if n:  # the first one warms up connections
            times.append((time.perf_counter() - sent_at) * 1000)
    producer.close()
    consumer.close()
    return times


def _offline(articles: list, settings: Settings) -> float:
    analyzer = EntityAnalyzer(settings.model)
    records = [InputRecord(article.value, article.id.encode()) for article in articles]
    started = time.perf_counter()
    for _ in process_records(records, settings, load_analyzer=lambda: analyzer):
        pass
    return time.perf_counter() - started


def _latency_row(what: str, values: list[float]) -> None:
    p95 = statistics.quantiles(values, n=20)[18] if len(values) >= 2 else values[0]
    print(f"{what:48} {statistics.median(values):8.1f} {p95:8.1f} {max(values):8.1f}")


if __name__ == "__main__":
    main()
