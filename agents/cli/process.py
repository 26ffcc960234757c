"""``copydesk process``: the stages without Kafka, over records read from files or stdin.

The same compute process as the worker (:mod:`agents.compute`), with the same batches and the
same deadline per record: what this prints for an article is what the worker would publish for
it, and a record that would stall the worker is dead-lettered here too. The compute process
loads only the stages up to ``--until``: ``--until repair`` never imports spaCy or trafilatura.
While it computes one batch, this process prints the previous one and reads the next, and marks
each enriched event with its story (the run's index must see every article, in order).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
from typing import BinaryIO

import orjson

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
    alerts: bool = False,
    rules: Sequence[str] = (),
    stdin_format: StdinFormat = "text",
    out: BinaryIO | None = None,
    err: BinaryIO | None = None,
) -> int:
    """Events of the last stage run as JSON lines on ``out`` (the enriched ones marked with their
    story by this run's index; or the per-entity events; or the watchlist matches of ``rules``),
    dead letters on ``err``; 1 when a record was dead-lettered, else 0."""
    if entity_events and until != "entities":
        raise ConfigError("--entity-events needs the entities stage: drop --until")
    if (alerts or rules) and until != "entities":
        raise ConfigError("--rules and --alerts need the entities stage: drop --until")
    if entity_events and alerts:
        raise ConfigError("--entity-events and --alerts print different events: choose one")
    out = out or sys.stdout.buffer
    err = err or sys.stderr.buffer
    mark = _story_marker(settings, rules, alerts) if until == "entities" else None
    role = "entities" if entity_events else STAGE_ROLES[until]
    dead = 0
    records = read_inputs(paths, stdin_format=stdin_format)
    for _, result in process_records(records, settings, until):
        for output in result.outputs:
            if output.role == "dlq":
                dead += 1
                err.write(output.value + b"\n")
                err.flush()
            elif output.role == "enriched" and mark is not None:
                lines = mark(output.value)
                if not entity_events:
                    out.writelines(line + b"\n" for line in lines)
            elif output.role == role:
                out.write(output.value + b"\n")
        out.flush()
    return 1 if dead else 0


def _story_marker(
    settings: Settings, rules: Sequence[str], alerts: bool
) -> Callable[[bytes], list[bytes]]:
    """What to print for an enriched event: the event marked with its story by this run's
    index, or (``alerts``) the matches of the watchlist ``rules`` on it. The index lives in this
    process, since it must see every article in order; the compute process sends the event."""
    from agents.cli.rules import read_rule_files, watchlist_of
    from agents.contracts import encode_event
    from agents.stories import StoryIndex, mark_story

    watchlist = watchlist_of(read_rule_files(rules))
    stories = StoryIndex({}, window_s=settings.story_window_s)

    def mark(value: bytes) -> list[bytes]:
        event = mark_story(orjson.loads(value), stories, time.time())
        lines = watchlist.matches(event) if alerts else [event]
        return [encode_event(line) for line in lines]

    return mark


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
