"""The worker's loop without Faust or a compute process: batching, order, acks, pipelining.

The stream is an async generator of stand-in events, the compute process a coroutine that
records the batches it was given. The real agent and compute process are in test_agents.py and
tests/integration.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from agents.compute import Status
from agents.pipeline import Job, Output, RecordResult
from agents.streaming.loop import PipelineLoop, job_of, take_ready


@dataclass
class Message:
    value: bytes
    key: bytes | None = None
    topic: str = "articles.raw"
    partition: int = 0
    offset: int = 0
    timestamp: float = 1_767_225_600.0  # 2026-01-01T00:00:00Z


@dataclass
class Event:
    message: Message


@dataclass
class Recorder:
    """The loop's collaborators, recording what they were asked to do, in order."""

    log: list[tuple[str, object]] = field(default_factory=list)
    batches: list[list[bytes | None]] = field(default_factory=list)
    compute_delay: float = 0.0
    send_delay: float = 0.0
    fail_on: bytes | None = None

    async def compute(self, jobs: list[Job]) -> list[RecordResult]:
        self.batches.append([job.value for job in jobs])
        self.log.append(("compute", len(self.batches)))
        await asyncio.sleep(self.compute_delay)
        if any(job.value == self.fail_on for job in jobs):
            raise RuntimeError("the compute process could not start")
        return [
            RecordResult(
                outputs=[
                    Output("repaired", job.key, b"r:" + (job.value or b"")),
                    Output("enriched", job.key, b"e:" + (job.value or b"")),
                ],
                stage="entities",
            )
            for job in jobs
        ]

    async def send(self, output: Output) -> None:
        await asyncio.sleep(self.send_delay)
        self.log.append(("send", output.value))

    async def ack(self, event: Event) -> None:
        self.log.append(("ack", event.message.value))


async def _stream(values: list[bytes], *, pause_after: int | None = None) -> AsyncIterator[Event]:
    """Events for ``values``, then a stream that stays open, as a live topic does."""
    for n, value in enumerate(values):
        if pause_after is not None and n == pause_after:
            await asyncio.sleep(0.2)
        yield Event(Message(value, key=value, offset=n))
    await asyncio.Event().wait()


def _run(recorder: Recorder, values: list[bytes], until: int, batch_size: int = 4, **kw) -> None:
    """Run the loop over ``values`` until ``until`` events were acked (or it raised)."""

    async def scenario() -> None:
        loop = PipelineLoop(
            compute=recorder.compute,
            send=recorder.send,
            ack=recorder.ack,
            batch_size=batch_size,
            status=Status(),
        )
        running = asyncio.ensure_future(loop.run(_stream(values, **kw), backlog=lambda: False))
        for _ in range(400):
            if running.done() or sum(kind == "ack" for kind, _ in recorder.log) >= until:
                break
            await asyncio.sleep(0.01)
        if running.done():
            running.result()
        running.cancel()
        with pytest.raises(asyncio.CancelledError):
            await running

    asyncio.run(scenario())


def test_take_ready_takes_one_when_idle_and_what_is_there_under_load() -> None:
    async def scenario() -> None:
        inbox: asyncio.Queue[int] = asyncio.Queue()
        inbox.put_nowait(1)
        assert await take_ready(inbox, 4) == [1]  # a lone item goes at once
        for n in range(6):
            inbox.put_nowait(n)
        assert await take_ready(inbox, 4) == [0, 1, 2, 3]  # up to the limit
        assert await take_ready(inbox, 4) == [4, 5]  # what is left, without waiting for more

    asyncio.run(asyncio.wait_for(scenario(), 5))


def test_take_ready_lets_records_already_fetched_reach_the_inbox() -> None:
    async def scenario() -> None:
        inbox: asyncio.Queue[int] = asyncio.Queue()
        fetched = [2, 3, 4]  # in Faust's buffer, a few loop turns from the inbox

        async def reader() -> None:
            while fetched:
                await asyncio.sleep(0)
                await asyncio.sleep(0)
                inbox.put_nowait(fetched.pop(0))

        inbox.put_nowait(1)
        moving = asyncio.ensure_future(reader())
        assert await take_ready(inbox, 8, backlog=lambda: bool(fetched)) == [1, 2, 3, 4]
        await moving

    asyncio.run(asyncio.wait_for(scenario(), 5))


def test_loop_publishes_in_order_and_acks_each_record_after_its_events() -> None:
    recorder = Recorder()
    values = [f"v{n}".encode() for n in range(10)]
    _run(recorder, values, until=10)
    sends = [value for kind, value in recorder.log if kind == "send"]
    assert sends == [prefix + v for v in values for prefix in (b"r:", b"e:")]
    for value in values:
        acked = recorder.log.index(("ack", value))
        assert recorder.log.index(("send", b"e:" + value)) < acked
    assert sum(len(batch) for batch in recorder.batches) == 10
    assert all(len(batch) <= 4 for batch in recorder.batches)


def test_loop_sends_a_lone_record_at_once_and_batches_a_backlog() -> None:
    recorder = Recorder(compute_delay=0.05)
    values = [b"lone", *(f"v{n}".encode() for n in range(8))]
    _run(recorder, values, until=9, pause_after=1)
    assert recorder.batches[0] == [b"lone"]  # not held back waiting for company
    assert max(len(batch) for batch in recorder.batches[1:]) == 4  # the backlog fills batches


def test_loop_computes_the_next_batch_while_it_publishes_the_last() -> None:
    recorder = Recorder(send_delay=0.01)
    _run(recorder, [f"v{n}".encode() for n in range(8)], until=8)
    second = recorder.log.index(("compute", 2))
    last_send_of_first = max(
        i for i, (kind, value) in enumerate(recorder.log) if kind == "send" and value in (
            b"e:" + v for v in recorder.batches[0]
        )
    )  # fmt: skip
    assert second < last_send_of_first


def test_loop_ends_with_the_error_that_stopped_the_compute() -> None:
    recorder = Recorder(fail_on=b"boom")
    with pytest.raises(RuntimeError, match="could not start"):
        _run(recorder, [b"ok", b"boom"], until=99)  # and the stream idle after


def test_job_of_carries_the_records_bytes_and_where_it_came_from() -> None:
    job = job_of(Event(Message(b"text", key=b"k", partition=2, offset=7)))
    assert (job.key, job.value, job.size) == (b"k", b"text", 4)
    assert job.origin == {
        "topic": "articles.raw",
        "partition": 2,
        "offset": 7,
        "timestamp": "2026-01-01T00:00:00.000Z",
    }
    assert job.ingested_at == "2026-01-01T00:00:00.000Z"
