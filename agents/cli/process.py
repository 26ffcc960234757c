"""``copydesk process``: the stages without Kafka, over records read from files or stdin.

The same compute process as the worker (:mod:`agents.compute`), with the same batches and the
same deadline per record: what this prints for an article is what the worker would publish for
it, and a record that would stall the worker is dead-lettered here too. The compute process
loads only the stages up to ``--until``: ``--until repair`` never imports spaCy or trafilatura.
While it computes one batch, this process prints the previous one and reads the next.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
from typing import BinaryIO

from agents.cli.inputs import InputRecord, StdinFormat, read_inputs
from agents.compute import ComputeProcess
from agents.errors import ConfigError
from agents.pipeline import STAGE_ROLES, Job, RecordResult, Until
from agents.settings import Settings


def run_process(
    paths: Iterable[str],
    settings: Settings,
    until: Until = "entities",
    *,
    entity_events: bool = False,
    stdin_format: StdinFormat = "text",
    out: BinaryIO | None = None,
    err: BinaryIO | None = None,
) -> int:
    """Events of the last stage run (or the per-entity events) as JSON lines on ``out``, dead
    letters on ``err``; 1 when a record was dead-lettered, else 0."""
    if entity_events and until != "entities":
        raise ConfigError("--entity-events needs the entities stage: drop --until")
    out = out or sys.stdout.buffer
    err = err or sys.stderr.buffer
    role = "entities" if entity_events else STAGE_ROLES[until]
    dead = 0
    records = read_inputs(paths, stdin_format=stdin_format)
    for _, result in process_records(records, settings, until):
        for output in result.outputs:
            if output.role == "dlq":
                dead += 1
                err.write(output.value + b"\n")
                err.flush()
            elif output.role == role:
                out.write(output.value + b"\n")
        out.flush()
    return 1 if dead else 0


def process_records(
    records: Iterable[InputRecord],
    settings: Settings,
    until: Until = "entities",
    compute: ComputeProcess | None = None,
) -> Iterator[tuple[InputRecord, RecordResult]]:
    """Every record through the stages up to ``until``, in batches of ``settings.batch_size``,
    in a compute process (``compute``, or one of its own): each record with its result, in order.

    The first batch is read before anything starts, so that a path that cannot be read is
    reported at once, not after the model has loaded.
    """
    own = compute is None
    compute = compute or ComputeProcess(settings, until)
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="copydesk-compute") as thread:
            pending: tuple[list[InputRecord], Future[list[RecordResult]]] | None = None
            for batch in _batches(records, settings.batch_size):
                jobs = [Job(record.key, record.value, record.origin) for record in batch]
                running = (batch, thread.submit(compute.run, jobs))
                if pending is not None:
                    yield from zip(pending[0], pending[1].result(), strict=True)
                pending = running
            if pending is not None:
                yield from zip(pending[0], pending[1].result(), strict=True)
    finally:
        if own:
            compute.close()


def _batches(records: Iterable[InputRecord], size: int) -> Iterator[list[InputRecord]]:
    it = iter(records)
    while batch := list(islice(it, size)):
        yield batch
