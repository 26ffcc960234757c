"""Faults through the real broker and real workers: kill -9, SIGTERM, a worker joining, a record
that fails the entity stage every time. Each drill publishes news articles with ids on a raw
topic of four partitions and accounts for every one (:mod:`tests.integration.drills`).

The kill -9 and the poison record run with the suite; SIGTERM and a worker joining are drills
(``pytest -m drill``), and the longer runs of all four are ``python -m benchmarks.faults``:
each drill starts two workers and waits out rebalances, a minute apiece."""

from __future__ import annotations

import base64
import signal
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from agents.contracts import problems
from tests.integration.drills import Drill, gone
from tests.quality.news import news_records
from tests.unit.compute.runners import CRASH, HANG

pytestmark = pytest.mark.integration

#: Records per drill: a few seconds of stream for two workers, so that a fault lands mid-stream.
COUNT = 160
#: The group notices a worker killed with SIGKILL after the session timeout (6 s: Kafka's least).
SESSION_TIMEOUT = 6.0


def _records(count: int = COUNT) -> list[tuple[str, bytes]]:
    return [(a.id, a.value) for a in news_records(count, prefix=uuid.uuid4().hex[:6])]


@pytest.fixture
def drill(broker_url: str, tmp_path: Path) -> Iterator[Drill]:
    drill = Drill.create(broker_url, tmp_path, session_timeout=SESSION_TIMEOUT)
    yield drill
    drill.close()


def test_kill_9_of_one_of_two_workers_loses_nothing(drill: Drill) -> None:
    """A worker killed mid-stream: its partitions go to the other after the session timeout,
    which reads them from the last commit. Every record comes out; the only duplicates are
    records at or after what the group had committed when it died, on either hop. Its compute
    process dies with it."""
    victim, survivor = drill.start_worker(), drill.start_worker()
    drill.wait_ready()
    compute = victim.children()
    drill.publish(_records())
    drill.wait_out(COUNT // 4)
    fault = drill.kill(victim)
    out_at_fault = drill.out()
    assert compute and all(gone(pid, 10) for pid in compute), "its compute process outlived it"
    assert drill.settle(), "the stream did not get through"
    tally = drill.tally()
    assert drill.stop() == [0], drill.tail(survivor)
    print(tally.line("kill -9"))
    assert out_at_fault < COUNT and fault.partitions, "the kill did not land mid-stream"
    assert (tally.lost, tally.mixed) == (0, 0), tally
    assert tally.enriched == COUNT, tally
    assert tally.duplicated == tally.past_commit, "\n".join([str(tally), *drill.unexplained()])


@pytest.mark.drill
def test_sigterm_of_a_worker_loses_nothing_and_repeats_nothing_it_committed(drill: Drill) -> None:
    """A worker stopped with SIGTERM mid-stream publishes and commits what it computed before it
    leaves, and the other takes its partitions from there: nothing lost, and nothing the group
    had committed when it left comes out twice."""
    leaver, stayer = drill.start_worker(), drill.start_worker()
    drill.wait_ready()
    drill.publish(_records())
    drill.wait_out(COUNT // 4)
    fault = drill.kill(leaver, signal.SIGTERM)
    out_at_fault = drill.out()
    assert leaver.process.returncode == 0, drill.tail(leaver)
    assert drill.settle(), "the stream did not get through"
    tally = drill.tally()
    assert drill.stop() == [0], drill.tail(stayer)
    print(tally.line("SIGTERM"))
    assert out_at_fault < COUNT and fault.partitions, "the stop did not land mid-stream"
    assert (tally.lost, tally.mixed, tally.enriched) == (0, 0, COUNT), tally
    assert tally.duplicated == tally.past_commit, "\n".join([str(tally), *drill.unexplained()])


@pytest.mark.drill
def test_a_worker_joining_mid_stream_loses_nothing(drill: Drill) -> None:
    """A second worker joins while the first is busy: the group rebalances every partition, the
    first gives up half of them, and every record still comes out; duplicates only from where
    the group had committed when the second one started."""
    drill.start_worker()
    drill.wait_ready()
    drill.publish(_records())
    drill.wait_out(COUNT // 8)
    drill.join()
    out_at_join = drill.out()
    drill.wait_ready()  # both, sharing the partitions
    assert drill.settle(), "the stream did not get through"
    tally = drill.tally()
    assert drill.stop() == [0, 0]
    assert out_at_join < COUNT, "the join did not land mid-stream"
    print(tally.line("join"))
    assert (tally.lost, tally.mixed, tally.enriched) == (0, 0, COUNT), tally
    assert tally.duplicated == tally.past_commit, "\n".join([str(tally), *drill.unexplained()])


def test_a_record_failing_the_entity_stage_every_time_is_set_aside_once(
    broker_url: str, tmp_path: Path
) -> None:
    """Two records fail the entity stage every time they are tried: one takes the compute
    process down, the other holds it past its deadline. Each is dead-lettered once, with its
    original bytes, and the records published after it on its partition come out."""
    drill = Drill.create(
        broker_url, tmp_path, runner="tests.unit.compute.runners:fails_in_entities",
        record_deadline=1.0,
    )  # fmt: skip
    try:
        drill.start_worker()
        drill.wait_ready()
        article = news_records(1)[0].value
        poison = {"crash": CRASH + b"\n\n" + article, "hang": HANG + b"\n\n" + article}
        ids = {name: f"poison-{name}-{uuid.uuid4().hex[:6]}" for name in poison}
        drill.publish([(ids[name], value) for name, value in poison.items()])
        after = _records(40)
        drill.publish(after)
        assert drill.settle(), "the stream did not get through"
        tally = drill.tally()
        letters = drill.dead_letters()
        assert drill.stop() == [0]
    finally:
        drill.close()
    assert (tally.lost, tally.duplicated, tally.enriched) == (0, 0, 40), tally
    kinds = {"crash": "stage_error", "hang": "deadline"}
    for name, record_id in ids.items():
        (letter,) = letters[record_id]
        assert (letter["kind"], letter["stage"]) == (kinds[name], "entities"), letter
        assert base64.b64decode(letter["value_b64"]) == poison[name]
        assert problems(letter, "dead-letter/1") == []
        partition, offset = drill.where[record_id]
        later = [i for i, _ in after if drill.where[i][0] == partition]
        assert later and all(drill.where[i][1] > offset for i in later)
        assert all(drill.seen[i] and drill.seen[i][0][0] == "enriched" for i in later)
