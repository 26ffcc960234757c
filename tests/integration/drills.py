"""Fault drills: real ``copydesk worker`` processes on a raw topic of four partitions, records
with ids, faults (kill -9, SIGTERM, a worker joining, a poison record) and the accounting of
what came out.

Shared by the fault tests (``tests/integration/test_faults.py``, short) and ``python -m
benchmarks.faults`` (long, on the news corpus). Every record is published with its id as its
key, so each output says whose it is (an enriched event's key is its article id, a dead letter's
the raw record's key), and the producer's acknowledgements say where each record is (partition,
offset): a record with two outcomes is a duplicate, and it is explained when it lies at or after
the offset the group had committed on its partition when a fault hit, or when its enriched event
on the stories topic lies at or after the offset committed there: at least once allows nothing
else. Every partition counts, not only the faulted worker's: Faust's rebalances are eager (every
member gives up every partition and reads it again from the group's commit), and a commit that
fails because the group is rebalancing is dropped without a retry (faust-streaming 0.15.3,
``Consumer._commit``), so a surviving worker may read its own partitions again from there.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from kafka import TopicPartition
from kafka.admin import NewTopic

from agents.kafka.clients import (
    create_missing,
    ensure_topics,
    make_admin,
    make_consumer,
    make_producer,
    read_topics,
)
from agents.local.processes import free_port, start_worker, stop_process, wait_until_ready
from agents.settings import Settings
from tests.integration.conftest import pipeline_settings

#: The raw topic's partitions: enough that two workers hold two each and a rebalance moves some.
PARTITIONS = 4
#: How long a drill waits for workers to start, or for the stream to come out.
WAIT = 180.0
#: Seconds without a new outcome after which a stream that gave every record one has settled:
#: longer than a commit interval (2.8 s) and a rebalance.
QUIET = 8.0


@dataclass
class Worker:
    """One ``copydesk worker`` process and its log."""

    process: subprocess.Popen[bytes]
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def children(self) -> list[int]:
        """Its child processes (the compute process) right now."""
        return children_of(self.pid)

    def held(self, topic: str) -> set[int]:
        """The partitions of ``topic`` it was last assigned (Faust logs a table)."""
        return held_partitions(self.log, topic)


@dataclass
class Fault:
    """What happened when: a worker killed, stopped or joining, and what the group had
    committed then on the partitions it moved."""

    kind: str
    at: float  # time.time()
    partitions: set[int]  # the raw partitions it moved
    committed: dict[int, int]  # the group's commit on every raw partition
    stories_committed: int  # and on the stories topic's one partition


@dataclass
class Tally:
    """A drill's accounting: every published record's outcomes."""

    published: int
    enriched: int  # records with at least one enriched event
    dead_lettered: int  # records with at least one dead letter and no event
    lost: int  # records with no outcome
    duplicated: int  # records with more than one outcome
    past_commit: int  # of the duplicated, those at or after a fault's committed offset (either hop)
    mixed: int  # records with both an event and a dead letter
    #: of the duplicated, those with more than one event not marked ``unchanged`` (the story
    #: index had not recorded the first when the record was read again)
    news_again: int = 0
    recovery_s: float | None = None  # longest gap in the moved partitions' outcomes after a fault
    normal_gap_s: float | None = None  # median gap between their outcomes before the first fault

    def line(self, name: str) -> str:
        recovery = ""
        if self.recovery_s is not None and self.normal_gap_s:
            recovery = (
                f"; recovery {self.recovery_s:.1f} s against a normal gap of "
                f"{self.normal_gap_s * 1000:.0f} ms ({self.recovery_s / self.normal_gap_s:.0f}x)"
            )
        return (
            f"{name}: published {self.published}, enriched {self.enriched}, dead-lettered "
            f"{self.dead_lettered}, lost {self.lost}, duplicated {self.duplicated} "
            f"({self.past_commit} past a commit, {self.news_again} not marked unchanged)"
            f"{recovery}"
        )


@dataclass
class Drill:
    """A pipeline of its own (topics and group from a uuid, a raw topic of four partitions), its
    workers, what was published and what came out."""

    settings: Settings
    workdir: Path
    runner: str | None = None  # a stand-in for the compute process (tests.unit.compute.runners)
    workers: list[Worker] = field(default_factory=list)
    where: dict[str, tuple[int, int]] = field(default_factory=dict)  # id -> partition, offset
    seen: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # id -> (role, ms)
    #: id -> offsets of its enriched events on the stories topic (more than one for a record
    #: the raw hop read twice)
    stories: dict[str, list[int]] = field(default_factory=dict)
    #: id -> enriched events not marked ``unchanged``: more than one, and a watchlist that
    #: skips re-sends would alert on it again
    news: dict[str, int] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)

    @classmethod
    def create(
        cls, broker: str, workdir: Path, runner: str | None = None, **overrides: object
    ) -> Drill:
        settings = pipeline_settings(broker, workdir, partitions=PARTITIONS, **overrides)
        ensure_topics(settings, settings.stage_topics.values())
        # Created as the worker declares it (one partition), so the reader can follow it now.
        create_missing(settings, [NewTopic(settings.topic_stories, 1, 1)])
        workdir.mkdir(parents=True, exist_ok=True)
        drill = cls(settings, workdir, runner)
        drill._producer = make_producer(settings)
        drill._reader = make_consumer(settings, fetch_max_wait_ms=300)
        outputs = [
            TopicPartition(topic, p)
            for topic in (settings.topic_enriched, settings.topic_dlq)
            for p in range(PARTITIONS)
        ] + [TopicPartition(settings.topic_stories, 0)]
        drill._reader.assign(outputs)
        drill._reader.seek_to_beginning(*outputs)
        drill._admin = make_admin(settings)
        return drill

    # --- workers -----------------------------------------------------------------------------

    def start_worker(self) -> Worker:
        """A new worker on the drill's settings (a port of its own); not waited for."""
        log = self.workdir / f"worker-{len(self.workers)}.log"
        settings = dataclasses.replace(self.settings, web_port=free_port())
        if self.runner is None:
            process = start_worker(settings, log)
        else:
            command = [sys.executable, "-m", "tests.integration.faulty_worker", self.runner]
            with open(log, "ab") as out:
                process = subprocess.Popen(
                    [*command, "--loglevel", "info"],
                    env={**os.environ, **settings.as_env()},
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
        worker = Worker(process, log)
        self.workers.append(worker)
        return worker

    def running(self) -> list[Worker]:
        return [w for w in self.workers if w.process.poll() is None]

    def wait_ready(self, workers: Sequence[Worker] | None = None) -> None:
        """Until ``workers`` (every running one) are ready and share every raw partition."""
        workers = list(workers or self.running())
        for worker in workers:
            assert wait_until_ready(worker.process, worker.log, WAIT), self.tail(worker)
        self.wait_for(lambda: self.shared(workers), "the workers to share the partitions")

    def shared(self, workers: Sequence[Worker]) -> bool:
        """Whether ``workers``' last assignments split every raw partition between them."""
        held = [w.held(self.settings.topic_raw) for w in workers]
        every = set().union(*held)
        return all(held) and every == set(range(PARTITIONS)) and sum(map(len, held)) == len(every)

    def kill(self, worker: Worker, signum: int = signal.SIGKILL) -> Fault:
        """Send ``signum`` to ``worker`` and note the fault: what the group had committed on its
        partitions when it stopped (after it exits, for a stop it may finish)."""
        partitions = worker.held(self.settings.topic_raw)
        at = time.time()
        worker.process.send_signal(signum)
        if signum == signal.SIGKILL:
            worker.process.wait(10)  # it commits nothing more once dead
        else:
            worker.process.wait(WAIT)
        fault = Fault(signal.Signals(signum).name, at, partitions, *self.commits())
        self.faults.append(fault)
        return fault

    def join(self) -> tuple[Worker, Fault]:
        """Start one more worker mid-stream; the group rebalances every partition."""
        # Noted as it starts: the group commits more when it rebalances, not less.
        fault = Fault("join", time.time(), set(range(PARTITIONS)), *self.commits())
        self.faults.append(fault)
        worker = self.start_worker()
        assert wait_until_ready(worker.process, worker.log, WAIT), self.tail(worker)
        return worker, fault

    def stop(self) -> list[int]:
        """Stop every running worker (SIGTERM); their exit codes."""
        return [stop_process(w.process) for w in self.running()]

    def close(self) -> None:
        for worker in self.running():
            worker.process.kill()
            worker.process.wait()
        self._producer.close()
        self._reader.close()
        self._admin.close()

    def tail(self, worker: Worker, lines: int = 40) -> str:
        text = worker.log.read_text(errors="replace") if worker.log.exists() else "(no log)"
        return f"{worker.log}:\n" + "\n".join(text.splitlines()[-lines:])

    # --- records in, outcomes out ------------------------------------------------------------

    def publish(self, records: Iterable[tuple[str, bytes]]) -> None:
        """Publish ``(id, value)`` records keyed by id; note where each one went."""
        sent = [
            (
                record_id,
                self._producer.send(self.settings.topic_raw, key=record_id.encode(), value=value),
            )
            for record_id, value in records
        ]
        self._producer.flush()
        for record_id, future in sent:
            meta = future.get(timeout=60)
            self.where[record_id] = (meta.partition, meta.offset)

    def poll(self, timeout_ms: int = 200) -> int:
        """Read what has come out since the last poll (and what went through the stories
        topic); how many outcomes."""
        roles = {self.settings.topic_enriched: "enriched", self.settings.topic_dlq: "dlq"}
        count = 0
        for records in self._reader.poll(timeout_ms=timeout_ms).values():
            for record in records:
                key = record.key.decode("utf-8", "replace") if record.key else ""
                if record.topic == self.settings.topic_stories:
                    self.stories.setdefault(key, []).append(record.offset)
                    continue
                role = roles[record.topic]
                self.seen.setdefault(key, []).append((role, record.timestamp))
                if role == "enriched" and not orjson.loads(record.value).get("unchanged"):
                    self.news[key] = self.news.get(key, 0) + 1
                count += 1
        return count

    def out(self) -> int:
        """How many published records have an outcome so far."""
        return sum(1 for record_id in self.where if record_id in self.seen)

    def wait_out(self, count: int) -> None:
        """Until at least ``count`` published records have an outcome."""
        self.wait_for(lambda: self.poll() >= 0 and self.out() >= count, f"{count} outcomes")

    def dead_letters(self) -> dict[str, list[dict]]:
        """Every dead letter on the drill's topic so far, by the raw record's key."""
        count = sum(role == "dlq" for seen in self.seen.values() for role, _ in seen)
        letters: dict[str, list[dict]] = {}
        topic = [self.settings.topic_dlq]
        for record in read_topics(
            self.settings, topic, from_beginning=True, timeout=60, count=count
        ):
            letters.setdefault(record.key.decode(), []).append(json.loads(record.value))
        return letters

    def commits(self) -> tuple[dict[int, int], int]:
        """The group's committed offset of each raw partition and of the stories topic's one
        (0 where none)."""
        found = self._admin.list_group_offsets({self.settings.app_id: None})
        offsets = found.get(self.settings.app_id, {})

        def committed(topic: str, partition: int) -> int:
            meta = offsets.get(TopicPartition(topic, partition))
            return meta.offset if meta is not None and meta.offset >= 0 else 0

        raw = {p: committed(self.settings.topic_raw, p) for p in range(PARTITIONS)}
        return raw, committed(self.settings.topic_stories, 0)

    def settle(self, timeout: float = WAIT) -> bool:
        """Until every published record has an outcome and nothing more has come out for
        :data:`QUIET` seconds (a worker reading its partitions again from the group's commit
        has finished); whether it got there."""
        quiet_since = [time.monotonic()]

        def done() -> bool:
            if self.poll():
                quiet_since[0] = time.monotonic()
            everything = self.out() >= len(self.where)
            return everything and time.monotonic() - quiet_since[0] > QUIET

        try:
            self.wait_for(done, "every record to come out", timeout)
        except AssertionError:
            return False
        return True

    def wait_for(self, done: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                tails = "\n".join(self.tail(w) for w in self.workers)
                raise AssertionError(f"gave up waiting for {what} after {timeout:g} s\n{tails}")
            time.sleep(0.1)

    # --- the accounting ----------------------------------------------------------------------

    def tally(self) -> Tally:
        outcomes = {record_id: self.seen.get(record_id, []) for record_id in self.where}
        duplicated = [record_id for record_id, seen in outcomes.items() if len(seen) > 1]
        roles = {record_id: {role for role, _ in seen} for record_id, seen in outcomes.items()}
        tally = Tally(
            published=len(outcomes),
            enriched=sum("enriched" in r for r in roles.values()),
            dead_lettered=sum(r == {"dlq"} for r in roles.values()),
            lost=sum(not r for r in roles.values()),
            duplicated=len(duplicated),
            past_commit=sum(self.past_a_commit(record_id) for record_id in duplicated),
            mixed=sum(r == {"enriched", "dlq"} for r in roles.values()),
            news_again=sum(self.news.get(record_id, 0) > 1 for record_id in duplicated),
        )
        if self.faults:
            tally.recovery_s, tally.normal_gap_s = self.recovery()
        return tally

    def unexplained(self) -> list[str]:
        """The duplicates no fault explains, each with where it was and what the faults found
        committed: what a failed drill prints."""
        return [
            f"{record_id}: raw {self.where[record_id]}, stories {self.stories.get(record_id)}, "
            f"outcomes {self.seen[record_id]}"
            for record_id, seen in self.seen.items()
            if record_id in self.where and len(seen) > 1 and not self.past_a_commit(record_id)
        ] + [f"fault {fault}" for fault in self.faults]

    def past_a_commit(self, record_id: str) -> bool:
        """Whether a fault found the group committed at or before the record on its partition,
        or at or before its enriched event on the stories topic: a record the group may read
        again."""
        partition, offset = self.where[record_id]
        stories = self.stories.get(record_id, [])
        return any(
            offset >= fault.committed[partition]
            or any(o >= fault.stories_committed for o in stories)
            for fault in self.faults
        )

    def recovery(self) -> tuple[float, float]:
        """The longest wait for an outcome of the faults' partitions from each fault on, and the
        median gap between their outcomes before the first fault (seconds)."""
        moved = set().union(*(fault.partitions for fault in self.faults))
        stamps = sorted(
            ms / 1000
            for record_id, seen in self.seen.items()
            if record_id in self.where and self.where[record_id][0] in moved
            for _, ms in seen
        )
        first = self.faults[0].at
        before = [b - a for a, b in itertools.pairwise(stamps) if b < first]
        longest = 0.0
        for fault in self.faults:
            after = [fault.at, *(t for t in stamps if t > fault.at)]
            gaps = [b - a for a, b in itertools.pairwise(after)]
            longest = max(longest, max(gaps, default=0.0))
        return longest, statistics.median(before) if before else 0.0


def held_partitions(log: Path, topic: str) -> set[int]:
    """The partitions of ``topic`` a worker was last assigned, read from its log."""
    text = log.read_text(errors="replace") if log.exists() else ""
    rows = re.findall(rf"\| {re.escape(topic)} +\| \{{([0-9, -]*)\}} +\|", text)
    held: set[int] = set()
    for part in rows[-1].split(",") if rows else []:
        first, _, last = part.strip().partition("-")  # "0-3" is a range
        held.update(range(int(first), int(last or first) + 1))
    return held


def children_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def gone(pid: int, timeout: float) -> bool:
    """Whether process ``pid`` is dead (no longer there, or a zombie) within ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state in ("Z", "X"):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
