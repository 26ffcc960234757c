"""Fault drills on the news corpus: ``python -m benchmarks.faults [--count N] [--drills a,b]``.

The fault tests' drills (:mod:`tests.integration.drills`), longer: ``--count`` news articles per
drill (1,000 by default) through real ``copydesk worker`` processes on the embedded broker, a raw
topic of four partitions, and faults while they stream:

- ``kill``: two workers; one killed with SIGKILL at a quarter, a half and three quarters of the
  stream, a new one started after each kill;
- ``sigterm``: two workers; one stopped with SIGTERM at a third and two thirds, a new one started
  after each;
- ``join``: one worker, a second joining at a fifth;
- ``poison``: two workers whose compute process crashes (5 records) or hangs (5 records, deadline
  1 s) on marked records, spread through the stream.

Per drill: records published, enriched, dead-lettered, lost (must be 0), duplicated (and how
many of them lie at or after what the group had committed, on the raw topic or the stories
topic, when a fault hit: a kill, a stop, a worker joining, a replacement included),
and the longest wait for an outcome of the partitions a fault moved, against the median gap
between their outcomes before the first fault in the same run; "news again": duplicated records
whose second event was not marked ``unchanged`` (the story index had not recorded the first), on
which a watchlist would alert again. Not in CI.
"""

from __future__ import annotations

import argparse
import signal
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from agents.local.broker import EmbeddedBroker
from tests.integration.drills import Drill, Tally, gone
from tests.quality.news import news_records
from tests.unit.compute.runners import CRASH, HANG

#: Kafka's least session timeout: how long the group takes to notice a killed worker.
SESSION_TIMEOUT = 6.0
POISON_RUNNER = "tests.unit.compute.runners:fails_in_entities"


def _records(count: int) -> list[tuple[str, bytes]]:
    return [(a.id, a.value) for a in news_records(count, prefix=uuid.uuid4().hex[:6])]


def _stop_at(drill: Drill, fractions: list[float], fault: Callable[[], None]) -> None:
    for fraction in fractions:
        drill.wait_out(int(len(drill.where) * fraction))
        fault()


def kill(drill: Drill, count: int) -> None:
    drill.start_worker(), drill.start_worker()
    drill.wait_ready()
    drill.publish(_records(count))

    def fault() -> None:
        victim = drill.running()[0]
        compute = victim.children()
        drill.kill(victim)
        ended = all(gone(pid, 10) for pid in compute)
        print(f"  killed worker {victim.pid} at {drill.out()} outcomes; compute gone: {ended}")
        drill.join()  # a replacement: its rebalance is a fault of its own

    _stop_at(drill, [0.25, 0.5, 0.75], fault)


def sigterm(drill: Drill, count: int) -> None:
    drill.start_worker(), drill.start_worker()
    drill.wait_ready()
    drill.publish(_records(count))

    def fault() -> None:
        leaver = drill.running()[0]
        drill.kill(leaver, signal.SIGTERM)
        code = leaver.process.returncode
        print(f"  stopped worker {leaver.pid} (exit {code}) at {drill.out()} outcomes")
        drill.join()  # a replacement: its rebalance is a fault of its own

    _stop_at(drill, [1 / 3, 2 / 3], fault)


def join(drill: Drill, count: int) -> None:
    drill.start_worker()
    drill.wait_ready()
    drill.publish(_records(count))

    def fault() -> None:
        drill.join()
        print(f"  a second worker joined at {drill.out()} outcomes")

    _stop_at(drill, [0.2], fault)


def poison(drill: Drill, count: int) -> None:
    drill.start_worker(), drill.start_worker()
    drill.wait_ready()
    article = news_records(1)[0].value
    records = _records(count)
    step = max(1, count // 11)
    for n in range(10):
        mark = CRASH if n % 2 else HANG
        records.insert(
            (n + 1) * step, (f"poison-{n}-{uuid.uuid4().hex[:6]}", mark + b"\n\n" + article)
        )
    drill.publish(records)


DRILLS: dict[str, tuple[Callable[[Drill, int], None], dict[str, object]]] = {
    "kill": (kill, {}),
    "sigterm": (sigterm, {}),
    "join": (join, {}),
    "poison": (poison, {"runner": POISON_RUNNER, "record_deadline": 1.0}),
}


def run(name: str, broker: str, workdir: Path, count: int) -> Tally:
    drill_fn, options = DRILLS[name]
    drill = Drill.create(broker, workdir / name, session_timeout=SESSION_TIMEOUT, **options)
    started = time.monotonic()
    try:
        drill_fn(drill, count)
        settled = drill.settle(timeout=900)
        tally = drill.tally()
        codes = drill.stop()
    finally:
        drill.close()
    print(tally.line(name) + f" ({time.monotonic() - started:.0f} s)")
    if not settled or any(codes):
        print(f"  settled: {settled}; exit codes of the workers left: {codes}")
    if tally.dead_lettered:
        letters = drill.dead_letters()
        for poisoned in (True, False):
            kinds = Counter(
                f"{letter['kind']} in {letter['stage']}"
                for record_id, found in letters.items()
                if record_id.startswith("poison-") == poisoned
                for letter in found
            )
            if kinds:
                what = "poison records" if poisoned else "other records"
                print(f"  dead letters of {what}: {dict(kinds)}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.faults", description=__doc__)
    parser.add_argument("--count", type=int, default=1000, help="news articles per drill")
    parser.add_argument("--drills", default=",".join(DRILLS), help="which drills, comma-separated")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="copydesk-faults-") as tmp:
        workdir = Path(tmp)
        with EmbeddedBroker().start(log=workdir / "broker.log") as broker:
            tallies = {
                name: run(name, broker.url, workdir, args.count) for name in args.drills.split(",")
            }
    header = "drill | published | enriched | dead-lettered | lost | duplicated (past a commit)"
    print(f"\n| {header} | of them, news again | recovery |")
    print("|---|---|---|---|---|---|---|---|")
    for name, t in tallies.items():
        recovery = "-"
        if t.recovery_s is not None and t.normal_gap_s:
            ratio = t.recovery_s / t.normal_gap_s
            recovery = (
                f"{t.recovery_s:.1f} s ({ratio:.0f}x a gap of {t.normal_gap_s * 1000:.0f} ms)"
            )
        print(
            f"| {name} | {t.published:,} | {t.enriched:,} | {t.dead_lettered} | {t.lost} | "
            f"{t.duplicated} ({t.past_commit}) | {t.news_again} | {recovery} |"
        )


if __name__ == "__main__":
    main()
