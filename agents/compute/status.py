"""What a worker's compute process and its loop are doing, for metrics and health checks to read.

The compute process (:class:`agents.compute.ComputeProcess`) and the worker's loop
(:mod:`agents.streaming.loop`) update one :class:`Status`; nothing else writes it. A reader (a
``/metrics`` or ``/healthz`` handler) takes :meth:`Status.snapshot`, a plain dict copied under
the lock, or registers an observer to see every batch and record as it happens (histograms
need each observation, not the running totals). Updates come from the compute thread and the
event loop, so each one takes the lock; an observer is called outside it and must be quick.

Times are ``time.monotonic()`` seconds, so a reader compares them with its own ``monotonic()``.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol

from agents.pipeline import RecordResult

OK = "ok"
DEAD_LETTER = "dead_letter"


class StatusObserver(Protocol):
    """Sees each observation as it is made (a Prometheus collector, a test)."""

    def observe_batch(self, size: int, seconds: float) -> None: ...

    def observe_record(self, result: RecordResult) -> None: ...

    def observe_end_to_end(self, seconds: float) -> None: ...


@dataclass
class Status:
    """Running totals and the present state of one worker's compute."""

    #: Whether the compute process has its stages (and model) loaded and is taking work.
    ready: bool = False
    model: str | None = None
    #: Batches handed to the compute process, and how many of each size.
    batches: int = 0
    batch_sizes: Counter[int] = field(default_factory=Counter)
    #: Records by (stage, outcome): a record counts ``ok`` at each stage it passed and
    #: ``dead_letter`` at the stage that dead-lettered it.
    records: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: Dead letters by (stage, kind).
    dead_letters: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: Compute seconds spent in each stage, summed over records.
    stage_seconds: Counter[str] = field(default_factory=Counter)
    #: Seconds the compute process was busy with batches, summed.
    busy_seconds: float = 0.0
    #: When the batch in the compute process was handed over (None: idle), and its size.
    busy_since: float | None = None
    in_flight: int = 0
    #: When the compute process last reported progress (a record or a batch entering a stage).
    last_progress: float | None = None
    #: The stage in progress, and when its allowance runs out (the record is stopped then).
    stage: str | None = None
    deadline_at: float | None = None
    #: Compute processes replaced (after a deadline, or a crash), and why the last one was.
    restarts: int = 0
    last_restart: str | None = None
    #: Events published, and the enriched articles' time from raw record to publication.
    published: int = 0
    observers: list[StatusObserver] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # --- written by the compute process's parent side ---------------------------------------

    def set_ready(self, ready: bool, model: str | None = None) -> None:
        with self._lock:
            self.ready, self.model = ready, model or self.model

    def batch_started(self, size: int) -> None:
        with self._lock:
            self.busy_since = self.last_progress = time.monotonic()
            self.in_flight = size

    def progressed(self, stage: str, deadline_at: float) -> None:
        with self._lock:
            self.last_progress, self.stage, self.deadline_at = time.monotonic(), stage, deadline_at

    def batch_finished(self, results: list[RecordResult]) -> None:
        now = time.monotonic()
        with self._lock:
            seconds = now - self.busy_since if self.busy_since is not None else 0.0
            self.batches += 1
            self.batch_sizes[len(results)] += 1
            self.busy_seconds += seconds
            self.busy_since = self.stage = self.deadline_at = None
            self.in_flight = 0
            self.last_progress = now
            for result in results:
                for stage, ms in result.ms.items():
                    self.records[stage, OK] += 1
                    self.stage_seconds[stage] += ms / 1000
                if result.kind is not None:
                    self.records[result.stage, DEAD_LETTER] += 1
                    self.dead_letters[result.stage, result.kind] += 1
        for observer in self.observers:
            observer.observe_batch(len(results), seconds)
            for result in results:
                observer.observe_record(result)

    def restarted(self, why: str) -> None:
        with self._lock:
            self.restarts += 1
            self.last_restart = why
            self.ready = False

    # --- written by the worker's loop --------------------------------------------------------

    def events_published(self, count: int, end_to_end: float | None = None) -> None:
        """``count`` events sent; ``end_to_end``: an enriched article's seconds since its raw
        record's timestamp."""
        with self._lock:
            self.published += count
        if end_to_end is not None:
            for observer in self.observers:
                observer.observe_end_to_end(end_to_end)

    # --- read by anyone ----------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """A copy of every figure, JSON-ready, plus ``busy_for`` and ``stalled_for``: how long
        the present batch has run, and how long since the compute process last reported."""
        now = time.monotonic()
        with self._lock:
            return {
                "ready": self.ready,
                "model": self.model,
                "batches": self.batches,
                "batch_sizes": dict(self.batch_sizes),
                "records": {
                    f"{stage}/{outcome}": n for (stage, outcome), n in self.records.items()
                },
                "dead_letters": {
                    f"{stage}/{kind}": n for (stage, kind), n in self.dead_letters.items()
                },
                "stage_seconds": dict(self.stage_seconds),
                "busy_seconds": self.busy_seconds,
                "in_flight": self.in_flight,
                "busy_for": None if self.busy_since is None else now - self.busy_since,
                "stalled_for": None
                if self.busy_since is None
                else now - (self.last_progress or now),
                "stage": self.stage,
                "past_deadline": self.deadline_at is not None and now > self.deadline_at,
                "restarts": self.restarts,
                "last_restart": self.last_restart,
                "published": self.published,
            }
