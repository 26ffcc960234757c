"""Latency, throughput, scaling and memory of the worker through Kafka, each against a baseline
measured in the same run: the table of issue 11.

    python -m benchmarks.streaming [--burst 400] [--rate-seconds 30] [--articles 1200]
                                   [--clean 3000] [--skip-two-workers] [--scaling ROUNDS]

Articles are the news corpus (``tests/data/news/``: about 530 words each, curly quotes, dashes,
accented names), published as JSON raw records, as many as needed, each with an id of its own.
The broker is the embedded one (Tansu), the workers real ``copydesk worker`` processes, four
partitions.

1. **Bare model**: spaCy's NER-only model (as copydesk loads it) over the burst's texts, in
   batches of ``COPYDESK_BATCH_SIZE``; measured just before and just after each run it is
   compared with, the mean of the two taken.
2. **copydesk process** on the burst's records, start-up excluded (its time on one article,
   the model loaded, subtracted), against the bare model.
3. **Burst**, one worker: every record published at once, until its last event; against the
   bare model. This is the worker's peak.
4. **Fixed rate** at half that peak for ``--rate-seconds``: publish to enriched event, from the
   events' own timestamps (the raw record's, copied into ``ingested_at``, and the enriched
   record's); against a bare produce-and-consume round trip through the same broker, and the
   time the stages computed (the events' ``timings``). The stories hop is the part of it from
   the record on the internal stories topic to the enriched record (the stories agent's marking
   and one more pass through the broker), read after the run.
5. **Memory**: the worker's resident set (its Faust process and its compute process) after the
   burst and after ``--articles`` records in all (``--articles 20000`` for the real check: about
   25 minutes; not for CI).
6. **Two workers**, the same burst on fresh topics, against the one worker of step 3.
7. **copydesk process --until repair** on ``--clean`` clean articles (the news corpus over and
   over, as files), the whole command with its start-up, against ``ftfy.fix_text`` alone on the
   same texts in this process.

The machines are shared: print ``uptime``'s load with each figure, and trust ratios over
absolute figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import ftfy
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition

from agents.entities.model import load_ner
from agents.kafka.clients import ensure_topics, make_producer
from agents.local.broker import EmbeddedBroker
from agents.local.processes import free_port, start_worker, stop_process, wait_until_ready
from agents.settings import Settings
from tests.integration.drills import children_of
from tests.quality.corpus import Article
from tests.quality.news import news_records, news_texts

GOALS = {
    "latency": "≤ 100 / - / 250",
    "burst": "≥ 0.9",
    "process": "≥ 0.95",
    "scaling": "≥ 1.8x",
    "repair": "≤ 0.5x",
    "rss": "flat (±10%)",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--burst", type=int, default=400, help="articles in a burst (400)")
    parser.add_argument(
        "--rate-seconds", type=float, default=30.0, help="length of the fixed-rate run (30)"
    )
    parser.add_argument(
        "--articles",
        type=int,
        default=1200,
        help="records through the one worker in all, for its memory (1200; 20000 for the check)",
    )
    parser.add_argument("--clean", type=int, default=3000, help="articles for --until repair")
    parser.add_argument("--skip-two-workers", action="store_true", help="one worker only")
    parser.add_argument(
        "--scaling",
        type=int,
        metavar="ROUNDS",
        help="only one against two workers: ROUNDS bursts of each, alternated (for a quiet "
        "moment on a shared machine)",
    )
    args = parser.parse_args()
    if args.scaling:
        _scaling(args.burst, args.scaling)
        return
    workdir = Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    settings = Settings.from_env({})
    burst = news_records(args.burst, prefix="burst")
    words = sum(a.words for a in burst)
    print(
        f"corpus: {len(news_texts())} news articles; a burst of {len(burst)} holds {words:,} words"
    )
    rows: dict[str, str] = {}

    # The bare model is measured between the runs it is compared with: the machines are shared
    # and its own rate moved by half between two runs ten minutes apart.
    bare = [_bare_model(burst, settings)]
    print(f"bare NER-only model: {bare[-1]:.1f} articles/s {_load()}")
    process_rate, startup = _copydesk_process(burst, workdir)
    print(f"copydesk process: {process_rate:.1f} articles/s, start-up {startup:.1f} s {_load()}")
    bare.append(_bare_model(burst, settings))
    print(f"bare NER-only model: {bare[-1]:.1f} articles/s {_load()}")
    repair_s, repair_startup, ftfy_s = _until_repair(args.clean, workdir)
    print(
        f"--until repair on {args.clean:,}: {repair_s:.2f} s ({repair_startup:.2f} s of it "
        f"start-up); ftfy.fix_text {ftfy_s:.2f} s {_load()}"
    )

    with EmbeddedBroker().start(log=workdir / "broker.log") as broker:
        round_trips = _round_trips(broker.url, settings, 60)
        one = _bench_settings(broker.url, workdir / "one")
        with _Workers(one, 1, workdir / "one") as workers:
            pids = {"Faust": workers.processes[0].pid, "compute": workers.compute_pid()}
            pids["broker"] = broker.process.pid  # type: ignore[union-attr]
            cpu_before = {name: _cpu(pid) for name, pid in pids.items()}
            waited_before = _waited(pids["compute"])
            one_rate = _burst(one, burst)
            cpu = {name: (_cpu(pid) - cpu_before[name]) / len(burst) for name, pid in pids.items()}
            waited = (_waited(pids["compute"]) - waited_before) / len(burst)
            print(f"burst, one worker: {one_rate:.1f} articles/s {_load()}")
            rss_burst = workers.rss()
            bare.append(_bare_model(burst, settings))  # the worker idle meanwhile
            print(f"bare NER-only model: {bare[-1]:.1f} articles/s {_load()}")
            rate = one_rate / 2
            latencies, computed, hops = _fixed_rate(one, rate, args.rate_seconds)
            print(f"fixed rate {rate:.1f}/s: {len(latencies)} articles {_load()}")
            done = len(burst) + len(latencies)
            while done < args.articles:
                more = news_records(min(args.burst, args.articles - done), prefix=f"more{done}")
                _burst(one, more)
                done += len(more)
            rss_end = workers.rss()
            lags = workers.worst_loop_lag()
        two_rate = None
        if not args.skip_two_workers:
            two = _bench_settings(broker.url, workdir / "two")
            with _Workers(two, 2, workdir / "two"):
                two_rate = _burst(two, news_records(args.burst, prefix="two"))
            print(f"burst, two workers: {two_rate:.1f} articles/s {_load()}")

    p50, p90, p99 = _percentiles(latencies)
    b50, b90, b99 = _percentiles(round_trips)
    stages = {stage: statistics.median(ms[stage] for ms in computed) for stage in computed[0]}
    total = statistics.median(sum(ms.values()) for ms in computed)
    rows["publish to enriched event, p50 / p90 / p99 (ms)"] = (
        f"{p50:.0f} / {p90:.0f} / {p99:.0f}|{GOALS['latency']}|bare round trip "
        f"{b50:.1f} / {b90:.1f} / {b99:.1f}; stages computed {total:.0f} (median)"
    )
    h50, h90, h99 = _percentiles(hops)
    rows["of which the stories hop (stories record to enriched), p50 / p90 / p99 (ms)"] = (
        f"{h50:.0f} / {h90:.0f} / {h99:.0f}| |{h50 / p50:.0%} of the median latency"
    )
    rows["time the three stages compute, median (ms)"] = (
        f"{total:.0f} (entities {stages['entities']:.0f})| |"
        + ", ".join(f"{stage} {ms:.1f}" for stage, ms in stages.items())
    )
    around_burst = (bare[1] + bare[2]) / 2
    around_process = (bare[0] + bare[1]) / 2
    rows[f"burst of {len(burst)}, one worker, vs the bare NER-only model"] = (
        f"{one_rate / around_burst:.2f}|{GOALS['burst']}|bare model {around_burst:.1f}/s "
        f"(before {bare[1]:.1f}, after {bare[2]:.1f}); worker {one_rate:.1f}/s"
    )
    rows[f"copydesk process on the same {len(burst)} (start-up excluded) vs the bare model"] = (
        f"{process_rate / around_process:.2f}|{GOALS['process']}|bare model "
        f"{around_process:.1f}/s (before {bare[0]:.1f}, after {bare[1]:.1f}); process "
        f"{process_rate:.1f}/s, start-up {startup:.1f} s"
    )
    if two_rate is not None:
        rows["two workers vs one, same burst"] = (
            f"{two_rate / one_rate:.2f}x|{GOALS['scaling']}|one {one_rate:.1f}/s, "
            f"two {two_rate:.1f}/s"
        )
    rows[f"copydesk process --until repair on {args.clean:,} clean articles vs ftfy.fix_text"] = (
        f"{repair_s / ftfy_s:.2f}x the time|{GOALS['repair']}|ftfy {ftfy_s:.2f} s; copydesk "
        f"{repair_s:.2f} s, {repair_startup:.2f} s of it start-up "
        f"({(repair_s - repair_startup) / ftfy_s:.2f}x without)"
    )
    rows[f"worker RSS after {len(burst)} → after {done:,} articles"] = (
        f"{(rss_end[0] + rss_end[1]) / (rss_burst[0] + rss_burst[1]) - 1:+.1%}|{GOALS['rss']}|"
        f"{_mb(rss_burst)} → {_mb(rss_end)}"
    )
    print()
    print(f"{'figure':78} {'now':>18}  {'goal':>16}  baseline (same run)")
    for figure, row in rows.items():
        now, goal, baseline = row.split("|")
        print(f"{figure:78} {now:>18}  {goal:>16}  {baseline}")
    print()
    print(
        "CPU per article in the one-worker burst: "
        + ", ".join(f"{name} {seconds * 1000:.1f} ms" for name, seconds in cpu.items())
        + f" (the bare model: {1000 / around_burst:.1f} ms of wall time on one core); the "
        f"compute process waited {waited * 1000:.1f} ms per article for a core, and was idle "
        f"{max(0.0, 1 / one_rate - cpu['compute'] - waited) * 1000:.1f} ms"
    )
    print(
        f"worker event loop, worst lag per 10 s report: {max(lags):.1f} ms ({len(lags)} "
        f"reports); Faust heartbeats every {max(1.0, one.session_timeout / 4):.1f} s"
    )


def _scaling(size: int, rounds: int) -> None:
    """One worker's burst against two workers', alternated so that drift hits both alike."""
    workdir = Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    rates: dict[int, list[float]] = {1: [], 2: []}
    with EmbeddedBroker().start(log=workdir / "broker.log") as broker:
        for n in range(rounds):
            for count in (1, 2):
                settings = _bench_settings(broker.url, workdir / f"{count}-{n}")
                with _Workers(settings, count, workdir / f"{count}-{n}"):
                    rate = _burst(settings, news_records(size, prefix=f"s{count}-{n}"))
                rates[count].append(rate)
                print(f"round {n + 1}, {count} worker(s): {rate:.1f} articles/s {_load()}")
    one, two = statistics.mean(rates[1]), statistics.mean(rates[2])
    print(f"two workers vs one: {two / one:.2f}x (one {one:.1f}/s, two {two:.1f}/s; goal 1.8x)")


# --- baselines and offline runs ---------------------------------------------------------------


def _bare_model(articles: Sequence[Article], settings: Settings) -> float:
    """Articles/s of the NER-only model, as copydesk loads it, on the articles' texts."""
    nlp = load_ner(settings.model)
    texts = [json.loads(a.value)["text"] for a in articles]
    list(nlp.pipe(texts[:8]))
    started = time.perf_counter()
    size = settings.batch_size
    for i in range(0, len(texts), size):
        list(nlp.pipe(texts[i : i + size], batch_size=size))
    return len(texts) / (time.perf_counter() - started)


def _copydesk_process(articles: Sequence[Article], workdir: Path) -> tuple[float, float]:
    """Articles/s of ``copydesk process`` start-up excluded, and its start-up (one article)."""
    feed, one = workdir / "burst.jsonl", workdir / "one.jsonl"
    feed.write_bytes(b"".join(a.value + b"\n" for a in articles))
    one.write_bytes(articles[0].value + b"\n")
    whole, alone = (_timed_command("process", str(path)) for path in (feed, one))
    return (len(articles) - 1) / (whole - alone), alone


def _until_repair(count: int, workdir: Path) -> tuple[float, float, float]:
    """Seconds of ``copydesk process --until repair`` on ``count`` clean articles as files, of
    the same on one article (its start-up), and of ftfy.fix_text alone on the texts."""
    folder = workdir / "clean"
    folder.mkdir()
    texts = news_texts()
    for n in range(count):
        (folder / f"{n:05d}.txt").write_text(texts[n % len(texts)][1], encoding="utf-8")
    whole = _timed_command("process", "--until", "repair", str(folder))
    alone = _timed_command("process", "--until", "repair", str(folder / "00000.txt"))
    started = time.perf_counter()
    for n in range(count):
        ftfy.fix_text(texts[n % len(texts)][1])
    return whole, alone, time.perf_counter() - started


def _timed_command(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "agents", *args], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def _round_trips(broker: str, settings: Settings, count: int) -> list[float]:
    """One bare record's produce-to-consume time (ms), the consumer waiting as a worker does."""
    echo = Settings.from_env({}, broker=broker)
    topic = f"echo-{uuid.uuid4().hex[:8]}"
    ensure_topics(echo, [topic])
    producer = KafkaProducer(bootstrap_servers=echo.bootstrap_servers, linger_ms=0)
    consumer = _consumer(echo, [topic], int(settings.fetch_max_wait * 1000), from_end=True)
    times = []
    for n in range(count + 1):
        sent_at = time.perf_counter()
        producer.send(topic, value=b"x" * 3000)
        producer.flush()
        while not any(consumer.poll(timeout_ms=100).values()):
            pass
        if n:  # the first one warms up connections
            times.append((time.perf_counter() - sent_at) * 1000)
        time.sleep(0.05)
    producer.close()
    consumer.close()
    return times


# --- the workers through Kafka ----------------------------------------------------------------


def _bench_settings(broker: str, workdir: Path) -> Settings:
    prefix = "b" + uuid.uuid4().hex[:8]
    return Settings.from_env(
        {},
        broker=broker,
        app_id=f"copydesk-{prefix}",
        web_port=free_port(),
        datadir=str(workdir / "data"),
        **{f"topic_{role}": f"{prefix}.{role}" for role in Settings().stage_topics},
    )


class _Workers:
    """``count`` real ``copydesk worker`` processes on ``settings``, ready and sharing the raw
    topic's partitions when the block starts."""

    def __init__(self, settings: Settings, count: int, workdir: Path) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.settings = settings
        self.logs = [workdir / f"worker-{n}.log" for n in range(count)]
        self.processes: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> _Workers:
        ensure_topics(self.settings, self.settings.stage_topics.values())
        for n, log in enumerate(self.logs):
            port = free_port()
            self.processes.append(
                start_worker(dataclasses.replace(self.settings, web_port=port), log)
            )
            time.sleep(0.2 * n)
        for worker, log in zip(self.processes, self.logs, strict=True):
            if not wait_until_ready(worker, log, 180):
                raise SystemExit(f"a worker did not get ready: see {log}")
        deadline = time.monotonic() + 90
        while len(self.logs) > 1 and not self._split():
            if time.monotonic() > deadline:
                raise SystemExit(f"the workers did not share the partitions: see {self.logs}")
            time.sleep(0.2)
        # One article per partition through, so that every worker's path is warm.
        _burst(self.settings, news_records(8, prefix=f"warm{uuid.uuid4().hex[:4]}"))
        return self

    def __exit__(self, *exc: object) -> None:
        for worker in self.processes:
            stop_process(worker)

    def _split(self) -> bool:
        topic = re.escape(self.settings.topic_raw)
        held = []
        for log in self.logs:
            rows = re.findall(
                rf"\| {topic} +\| \{{([0-9, ]*)\}} +\|", log.read_text("utf-8", "replace")
            )
            held.append({int(p) for p in rows[-1].split(",")} if rows else set())
        return all(held) and set().union(*held) == set(range(self.settings.partitions))

    def compute_pid(self) -> int:
        (child,) = children_of(self.processes[0].pid)
        return child

    def rss(self) -> tuple[int, int]:
        """Resident bytes of the first worker's Faust process and of its compute process."""
        pid = self.processes[0].pid
        children = [_rss(child) for child in children_of(pid)]
        return _rss(pid), sum(children)

    def worst_loop_lag(self) -> list[float]:
        text = self.logs[0].read_text("utf-8", "replace")
        return [float(ms) for ms in re.findall(r"event loop lag: max ([\d.]+) ms", text)]


def _burst(settings: Settings, articles: Sequence[Article]) -> float:
    """Publish every article at once; articles/s until the last event of the burst was
    published, from the output records' own timestamps.

    Nothing reads the outputs while the workers work: the group committing every record of the
    burst says it is done (Faust commits only what it has published), and the outputs are read
    after. A watcher reading the enriched events as they came cost the broker and itself
    10-30 ms of CPU per article, on the same two cores as the workers.
    """
    producer = make_producer(settings)
    started = time.time()
    sent = [
        producer.send(settings.topic_raw, key=article.id.encode(), value=article.value)
        for article in articles
    ]
    producer.flush()
    producer.close()
    # The broker's own end offsets are not to be trusted (Tansu 0.6 answered 1 for partitions
    # holding 4 records): the producer's acknowledgements say where the burst ends.
    ends: dict[TopicPartition, int] = {}
    for future in sent:
        meta = future.get(timeout=60)
        tp = TopicPartition(meta.topic, meta.partition)
        ends[tp] = max(ends.get(tp, 0), meta.offset + 1)
    admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
    deadline = time.monotonic() + 900
    while True:
        committed = admin.list_group_offsets(settings.app_id).get(settings.app_id, {})
        if all(tp in committed and committed[tp].offset >= end for tp, end in ends.items()):
            break
        if time.monotonic() > deadline:
            raise SystemExit("timed out: the workers did not get through the burst")
        time.sleep(0.25)
    admin.close()
    published = _outputs(settings).published({a.id for a in articles})
    return len(articles) / (max(published.values()) / 1000 - started)


class _Outputs:
    """The enriched and dead-letter topics of one pipeline, read from the start and then on
    from where the last read stopped: when each article's event was published, by its key."""

    def __init__(self, settings: Settings) -> None:
        self.consumer = _consumer(settings, [settings.topic_enriched, settings.topic_dlq], 500)
        self.seen: dict[str, int] = {}

    def published(self, ids: set[str], timeout: float = 120) -> dict[str, int]:
        deadline = time.monotonic() + timeout
        while not ids <= self.seen.keys():
            if time.monotonic() > deadline:
                raise SystemExit(f"{len(ids - self.seen.keys())} articles have no event")
            for records in self.consumer.poll(timeout_ms=200).values():
                for record in records:
                    self.seen[record.key.decode()] = record.timestamp
        return {article_id: self.seen[article_id] for article_id in ids}


_OUTPUTS: dict[str, _Outputs] = {}


def _outputs(settings: Settings) -> _Outputs:
    if settings.app_id not in _OUTPUTS:
        _OUTPUTS[settings.app_id] = _Outputs(settings)
    return _OUTPUTS[settings.app_id]


def _fixed_rate(
    settings: Settings, rate: float, seconds: float
) -> tuple[list[float], list[dict[str, float]], list[float]]:
    """Publish at ``rate`` a second for ``seconds``: each enriched article's latency (ms, from
    the events' timestamps), the compute time of each stage, and each article's stories hop
    (ms from its record on the stories topic to its enriched record)."""
    articles = news_records(max(1, int(rate * seconds)), prefix=f"rate{uuid.uuid4().hex[:4]}")
    watcher = _Watcher(settings, keep=True)
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap_servers, linger_ms=0, acks=1)
    started = time.monotonic()
    for n, article in enumerate(articles):
        time.sleep(max(0.0, started + n / rate - time.monotonic()))
        producer.send(settings.topic_raw, key=article.id.encode(), value=article.value)
        producer.flush()
        watcher.poll()
    watcher.wait_for({a.id for a in articles}, timeout=300)
    producer.close()
    watcher.close()
    events = [watcher.enriched[a.id] for a in articles if a.id in watcher.enriched]
    latencies = [timestamp - _ms(event["ingested_at"]) for event, timestamp in events]
    computed = [
        {stage: timing["ms"] for stage, timing in event["timings"].items()} for event, _ in events
    ]
    marked = _timestamps(settings, settings.topic_stories, {event["id"] for event, _ in events})
    hops = [timestamp - marked[event["id"]] for event, timestamp in events]
    return latencies, computed, hops


def _timestamps(settings: Settings, topic: str, keys: set[str]) -> dict[str, int]:
    """The timestamp of each of ``keys``' records on ``topic``, read from its start."""
    consumer = _consumer(settings, [topic], 500)
    seen: dict[str, int] = {}
    deadline = time.monotonic() + 60
    while not keys <= seen.keys():
        if time.monotonic() > deadline:
            raise SystemExit(f"{len(keys - seen.keys())} articles are not on {topic}")
        for records in consumer.poll(timeout_ms=500).values():
            seen.update((record.key.decode(), record.timestamp) for record in records)
    consumer.close()
    return seen


class _Watcher:
    """Reads the enriched and dead-letter topics from their current end: when each article's
    event was published (by its key), and the enriched events themselves when asked.

    It polls with a long fetch wait and decodes nothing it need not: a watcher polling every
    20 ms and decoding every event cost the broker and itself 30 ms of CPU per article, a
    third of what the worker's compute cost, on the same two cores.
    """

    def __init__(self, settings: Settings, *, keep: bool = False) -> None:
        topics = [settings.topic_enriched, settings.topic_dlq]
        self.consumer = _consumer(settings, topics, 500, from_end=True)
        self.enriched_topic = settings.topic_enriched
        self.keep = keep
        self.enriched: dict[str, tuple[dict, int]] = {}
        self.published: dict[str, int] = {}

    def poll(self, timeout_ms: int = 0) -> None:
        for records in self.consumer.poll(timeout_ms=timeout_ms).values():
            for record in records:
                article_id = record.key.decode()
                self.published[article_id] = record.timestamp
                if self.keep and record.topic == self.enriched_topic:
                    self.enriched[article_id] = (json.loads(record.value), record.timestamp)

    def wait_for(self, ids: set[str], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not ids <= self.published.keys():
            if time.monotonic() > deadline:
                missing = len(ids - self.published.keys())
                raise SystemExit(f"timed out: {missing} articles did not come out")
            self.poll(100)

    def close(self) -> None:
        self.consumer.close()


def _consumer(
    settings: Settings, topics: list[str], wait_ms: int, *, from_end: bool = False
) -> KafkaConsumer:
    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers,
        fetch_max_wait_ms=wait_ms,
        max_partition_fetch_bytes=settings.max_event_bytes,
        fetch_max_bytes=settings.max_event_bytes * 4,
    )
    partitions = [
        TopicPartition(topic, p)
        for topic in topics
        for p in consumer.partitions_for_topic(topic) or []
    ]
    consumer.assign(partitions)
    if from_end:
        consumer.seek_to_end(*partitions)
        for partition in partitions:
            consumer.position(partition)
    else:
        consumer.seek_to_beginning(*partitions)
    return consumer


# --- small things -----------------------------------------------------------------------------


def _percentiles(values: Sequence[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return statistics.median(values), cuts[89], cuts[98]


def _ms(iso: str) -> float:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000


def _cpu(pid: int) -> float:
    """CPU seconds (user and system) that process ``pid`` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _waited(pid: int) -> float:
    """Seconds process ``pid``'s main thread has spent runnable but waiting for a core."""
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _mb(rss: tuple[int, int]) -> str:
    return f"{sum(rss) / 2**20:.0f} MB (Faust {rss[0] / 2**20:.0f}, compute {rss[1] / 2**20:.0f})"


def _load() -> str:
    return f"(load {os.getloadavg()[0]:.1f})"


if __name__ == "__main__":
    main()
