"""The worker's loop: raw records in, every stage's events out, in one consumer hop.

Three things run at once on the event loop, so that neither the broker nor the compute process
waits on the other:

1. the **reader** (the agent's body) moves events from the agent's stream into a small inbox,
   as fast as they come, until it holds one batch;
2. the **dispatcher** takes what the inbox holds, up to ``COPYDESK_BATCH_SIZE``
   (:func:`take_ready`: it never waits for more), and hands it to the compute process, off the
   loop in the compute thread;
3. a **publisher** task sends each record's outputs in the batch's order (repaired, structured,
   enriched, per-entity events; or the events it got to and its dead letter) and only then acks
   the record. It publishes batch N while the compute process is already on batch N+1.

So a lone article goes straight through, and under load each batch is the backlog that built up
while the previous one computed. Faust commits an offset only once the record is acked and the
producer flushed: a record whose events were not all sent is read again (at least once), and
batches are published in order, so nothing is reordered within a partition.

Each record published is logged, one line with its article id, last stage and outcome (and a
dead letter's kind and reason), as fields a JSON log line carries (:mod:`agents.logs`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, TypeVar

from agents.compute import Status
from agents.compute.status import DEAD_LETTER, OK
from agents.pipeline import Job, Output, RecordResult
from agents.records import timestamp_to_iso

log = logging.getLogger(__name__)
T = TypeVar("T")
#: Yields to the event loop allowed while records already fetched reach the inbox, per record
#: the batch may still take: a bound on the wait in :func:`take_ready` if the reader stalls.
_SPINS_PER_RECORD = 4


async def take_ready(
    inbox: asyncio.Queue[T], limit: int, backlog: Callable[[], bool] = lambda: False
) -> list[T]:
    """Wait for one item, then take what has already arrived, up to ``limit``.

    ``backlog()`` says whether records already fetched are still on their way to ``inbox``
    (in Faust's own buffer, a few event-loop turns behind): those are let through, since they
    have arrived; nothing that has not arrived is waited for.
    """
    batch = [await inbox.get()]
    spins = 0
    while len(batch) < limit:
        if not inbox.empty():
            batch.append(inbox.get_nowait())
        elif backlog() and spins < _SPINS_PER_RECORD * limit:
            spins += 1
            await asyncio.sleep(0)
        else:
            break
    return batch


def job_of(event: Any) -> Job:
    """The compute process's job for a Faust event of the raw topic."""
    message = event.message
    ingested_at = timestamp_to_iso(message.timestamp * 1000)
    return Job(
        key=message.key,
        value=message.value,
        origin={
            "topic": message.topic,
            "partition": message.partition,
            "offset": message.offset,
            "timestamp": ingested_at,
        },
        ingested_at=ingested_at,
    )


class PipelineLoop:
    """Reader, dispatcher and publisher over one agent's stream (see the module's doc).

    ``compute`` runs a batch of jobs (the compute process, from a thread); ``send`` publishes
    one output; ``ack`` acks one event once its outputs are sent.
    """

    def __init__(
        self,
        *,
        compute: Callable[[list[Job]], Awaitable[list[RecordResult]]],
        send: Callable[[Output], Awaitable[Any]],
        ack: Callable[[Any], Awaitable[Any]],
        batch_size: int,
        status: Status,
    ) -> None:
        self.compute = compute
        self.send = send
        self.ack = ack
        self.batch_size = batch_size
        self.status = status
        # One batch waiting while one computes: enough to keep the compute process busy, and
        # the rest stays in Faust's buffers, where flow control and rebalances manage it.
        self.inbox: asyncio.Queue[Any] = asyncio.Queue(maxsize=batch_size)

    async def run(self, events: AsyncIterator[Any], backlog: Callable[[], bool]) -> None:
        """Read ``events`` and dispatch batches until cancelled; an error in either ends the
        loop with that error (a compute process that cannot start, a producer that failed)."""
        reader = asyncio.ensure_future(self._read(events))
        dispatcher = asyncio.ensure_future(self._dispatch(backlog))
        try:
            done, _ = await asyncio.wait({reader, dispatcher}, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()  # raises what ended it
        finally:
            for task in (reader, dispatcher):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    async def _read(self, events: AsyncIterator[Any]) -> None:
        async for event in events:
            await self.inbox.put(event)

    async def _dispatch(self, backlog: Callable[[], bool]) -> None:
        publishing: asyncio.Future[None] | None = None
        try:
            while True:
                batch = await take_ready(self.inbox, self.batch_size, backlog)
                results = await self.compute([job_of(event) for event in batch])
                if publishing is not None:
                    await publishing  # batches go out in order
                publishing = asyncio.ensure_future(self._publish(batch, results))
        finally:
            if publishing is not None and not publishing.done():
                # Stopping: let the batch being sent finish, so that what was computed is not
                # sent twice after a clean stop.
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await asyncio.shield(publishing)

    async def _publish(self, batch: Sequence[Any], results: Sequence[RecordResult]) -> None:
        for event, result in zip(batch, results, strict=True):
            for output in result.outputs:
                await self.send(output)
            await self.ack(event)
            enriched = any(output.role == "enriched" for output in result.outputs)
            since = time.time() - event.message.timestamp if enriched else None
            self.status.events_published(len(result.outputs), since)
            log_record(result, event.message.partition, event.message.offset)


def log_record(result: RecordResult, partition: int, offset: int) -> None:
    """One log line for a record published: an enriched article at info, a dead letter at
    warning with its kind and reason (read back from the dead letter, rare enough to decode)."""
    fields: dict[str, Any] = {"stage": result.stage, "partition": partition, "offset": offset}
    if result.kind is None:
        if not log.isEnabledFor(logging.INFO):
            return
        # Every stage's event is keyed by the article id (the per-entity ones by entity).
        keyed = next((o for o in result.outputs if o.role != "entities" and o.key), None)
        fields["article_id"] = keyed.key.decode("utf-8", "replace") if keyed else None
        log.info("record %s: %s", OK, fields["article_id"], extra={**fields, "outcome": OK})
        return
    letter = json.loads(next(o.value for o in result.outputs if o.role == "dlq"))
    fields |= {"article_id": letter.get("id"), "kind": result.kind, "reason": letter.get("reason")}
    log.warning(
        "dead letter: %s in the %s stage: %s (%s)",
        fields["article_id"] or "(no id)",
        result.stage,
        result.kind,
        fields["reason"],
        extra={**fields, "outcome": DEAD_LETTER},
    )
