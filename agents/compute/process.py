"""The parent's side of the compute process: hand it batches, hold every record to its deadline.

:meth:`ComputeProcess.run` sends a batch of raw records to the child
(:mod:`agents.compute.child`) and reads its progress until the results come back. The child
says which record (or which group of records, for the entity stage's batched model) it is on;
each step gets an allowance from the size of its records (:func:`allowance`). When a step
overruns, the child is killed and a new one started:

- a step of one record: that record is the culprit. It is dead-lettered as ``deadline`` (its
  original bytes, the stage, how long it ran) and the rest of the batch runs again;
- a step of several (the entity stage runs a batch through the model together): the culprit is
  unknown, so the batch's records run again one at a time, each with its own allowance, until
  one overruns alone and is dead-lettered; the records after it go on together again.

A child that dies on its own (a crash in native code, the kernel's OOM killer) is handled the
same way, and its culprit dead-lettered as ``stage_error``. Records before and after a culprit
keep their order: results come back in the batch's order whatever happened.

One run at a time: the worker calls :meth:`run` from one thread, off its event loop, so the
loop keeps heartbeats and commits flowing while the parent waits on the child.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection

from agents.compute.status import Status
from agents.errors import ConfigError, CopydeskError, RejectedInput
from agents.pipeline import Job, RecordResult, Until, add_dead_letter
from agents.records import Stage
from agents.settings import Settings

log = logging.getLogger(__name__)

#: Every this many bytes of records earns another ``COPYDESK_RECORD_DEADLINE`` of allowance.
DEADLINE_UNIT_BYTES = 20_000
#: Time a new compute process may take to load its stages and model and report ready.
START_TIMEOUT_S = 300.0
#: Time a compute process asked to stop is given before it is killed.
STOP_GRACE_S = 5.0
#: What the child runs by default: ``module:function`` with :func:`agents.pipeline.run_jobs`'s
#: signature. Tests name another to simulate a stage that hangs or crashes.
DEFAULT_RUNNER = "agents.pipeline:run_jobs"


class ComputeError(CopydeskError):
    """The compute process could not start, or was closed while a batch was in it."""


def allowance(size: int, base: float) -> float:
    """Seconds records of ``size`` bytes in all may hold the stages in one step: ``base``
    (``COPYDESK_RECORD_DEADLINE``), and as much again for every 20,000 bytes.

    A news article of 3,500 bytes gets 1.2 times ``base``; a 200,000-byte one 11 times. A group
    in the entity stage shares one ``base``: 32 such articles together get 6.6 times ``base``.

    >>> allowance(20_000, 5.0)
    10.0
    """
    return base * (1 + size / DEADLINE_UNIT_BYTES)


@dataclass
class _Step:
    """What the child is on: the batch positions of the records, their stage, since when."""

    positions: tuple[int, ...]
    stage: Stage
    since: float
    allowed: float


@dataclass
class _Stopped:
    """A step that did not finish: it overran its allowance, or the child died in it."""

    step: _Step
    ran: float
    died: str | None = None  # how the child ended, when it was not us


class ComputeProcess:
    """One child process that runs the stages up to ``until``, replaced when a record holds it
    past its deadline. Use as a context manager, or call :meth:`close`."""

    def __init__(
        self,
        settings: Settings,
        until: Until = "entities",
        status: Status | None = None,
        *,
        runner: str = DEFAULT_RUNNER,
    ) -> None:
        self.settings = settings
        self.until = until
        self.status = status if status is not None else Status()
        self.runner = runner
        self._child: subprocess.Popen[bytes] | None = None
        self._to: Connection | None = None
        self._from: Connection | None = None
        self._lock = threading.RLock()
        self._closing = False

    def __enter__(self) -> ComputeProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def pid(self) -> int | None:
        return self._child.pid if self._child is not None else None

    # --- starting and stopping ---------------------------------------------------------------

    def start(self) -> None:
        """Start the child and wait until it has loaded its stages; a no-op when it runs.

        Raises :class:`~agents.errors.ConfigError` when the child cannot load what the settings
        name (the model), :class:`ComputeError` when it fails otherwise.
        """
        with self._lock:
            if self._closing:
                raise ComputeError("the compute process was closed")
            if self._child is not None and self._child.poll() is None:
                return
            self._spawn()

    def close(self) -> None:
        """Stop the child: asked first, killed after ``STOP_GRACE_S``. A :meth:`run` in
        progress in another thread ends with :class:`ComputeError`."""
        self._closing = True
        child = self._child
        if child is None:
            return
        if not self._lock.acquire(blocking=False):
            # A batch is in the child: the run waiting on it ends when the child does.
            child.kill()
            child.wait()
            return
        try:
            if child.poll() is None:
                try:
                    self._send(("stop",))
                    child.wait(STOP_GRACE_S)
                except (OSError, ValueError, subprocess.TimeoutExpired):
                    child.kill()
                    child.wait()
            self._close_pipes()
            self.status.set_ready(False)
        finally:
            self._lock.release()

    def _spawn(self) -> None:
        child_in, to_child = os.pipe()
        from_child, child_out = os.pipe()
        command = [sys.executable, "-m", "agents.compute.child"]
        self._child = subprocess.Popen(
            [*command, str(child_in), str(child_out), str(os.getpid())],
            pass_fds=(child_in, child_out),
            stdin=subprocess.DEVNULL,
        )
        os.close(child_in)
        os.close(child_out)
        self._to = Connection(to_child, readable=False)
        self._from = Connection(from_child, writable=False)
        try:
            self._send(("start", self.settings, self.until, self.runner))
            message = self._receive(START_TIMEOUT_S)
        except (EOFError, OSError):
            message = None
        if message is None or message[0] != "ready":
            self._kill()
            if message is not None and message[0] == "failed" and message[1] == "ConfigError":
                raise ConfigError(message[2])
            detail = message[2] if message is not None and message[0] == "failed" else None
            raise ComputeError(
                "the compute process did not start"
                + (f": {detail}" if detail else f" ({self._ended()}); see its error above")
            )
        self.status.set_ready(True, message[1].get("model"))

    def _kill(self) -> None:
        if self._child is not None and self._child.poll() is None:
            self._child.kill()
        if self._child is not None:
            self._child.wait()
        self._close_pipes()

    def _restart(self, why: str) -> None:
        log.warning("copydesk: restarting the compute process: %s", why)
        self.status.restarted(why)
        self._kill()
        if self._closing:
            raise ComputeError("the compute process was closed while it ran a batch")
        self._spawn()

    def _close_pipes(self) -> None:
        for connection in (self._to, self._from):
            if connection is not None:
                connection.close()
        self._to = self._from = None

    def _ended(self) -> str:
        code = self._child.poll() if self._child is not None else None
        if code is None:
            return "it did not answer"
        return f"killed by signal {-code}" if code < 0 else f"exit code {code}"

    # --- running batches ---------------------------------------------------------------------

    def run(self, jobs: Sequence[Job]) -> list[RecordResult]:
        """Every record of ``jobs`` through the stages: one result each, in order."""
        with self._lock:
            self.start()
            self.status.batch_started(len(jobs))
            results: list[RecordResult | None] = [None] * len(jobs)
            self._settle(list(range(len(jobs))), jobs, results)
            done = [result for result in results if result is not None]
            assert len(done) == len(jobs)
            self.status.batch_finished(done)
            return done

    def _settle(
        self, todo: list[int], jobs: Sequence[Job], results: list[RecordResult | None]
    ) -> None:
        """Fill ``results`` for the batch positions in ``todo``, however many children it takes."""
        alone = False  # after several records overran together: one at a time, until the culprit
        while todo:
            batch = todo[:1] if alone else todo
            outcome = self._attempt([jobs[i] for i in batch])
            if not isinstance(outcome, _Stopped):
                for position, result in zip(batch, outcome, strict=True):
                    results[position] = result
                todo = todo[len(batch) :]
                continue
            self._restart(f"{outcome.died or 'deadline'} in the {outcome.step.stage} stage")
            stopped = [batch[p] for p in outcome.step.positions]
            if len(stopped) > 1:
                # Which of them held the step up is unknown. One at a time, each with its own
                # allowance, the culprit shows itself; the records after it go on together.
                alone = True
                continue
            (culprit,) = stopped
            results[culprit] = self._stopped_result(jobs[culprit], outcome)
            todo = [i for i in todo if i != culprit]
            alone = False

    def _attempt(self, jobs: list[Job]) -> list[RecordResult] | _Stopped:
        base = self.settings.record_deadline
        sizes = [job.size for job in jobs]
        step = _Step(
            tuple(range(len(jobs))), "intake", time.monotonic(), allowance(sum(sizes), base)
        )
        try:
            self._send(("run", jobs))
        except (OSError, ValueError):
            return _Stopped(step, 0.0, died=self._ended())
        while True:
            remaining = step.since + step.allowed - time.monotonic()
            try:
                message = self._receive(max(0.0, remaining))
            except (EOFError, OSError):
                return _Stopped(step, time.monotonic() - step.since, died=self._died())
            if message is None:
                return _Stopped(step, time.monotonic() - step.since)
            if message[0] == "done":
                return message[1]
            _, positions, stage = message
            if tuple(positions) != step.positions:
                size = sum(sizes[p] for p in positions)
                step = _Step(tuple(positions), stage, time.monotonic(), allowance(size, base))
            else:
                step.stage = stage
            self.status.progressed(stage, step.since + step.allowed)

    def _died(self) -> str:
        if self._child is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._child.wait(1.0)
        return f"the compute process died ({self._ended()})"

    def _stopped_result(self, job: Job, stopped: _Stopped) -> RecordResult:
        """The dead letter of a record that held its stage too long, or took the child down."""
        stage, ran, allowed = stopped.step.stage, stopped.ran, stopped.step.allowed
        if stopped.died is None:
            error = RejectedInput(
                "deadline",
                f"the {stage} stage had run for {ran:.1f} s on this record when it was stopped at "
                f"its deadline of {allowed:.1f} s (COPYDESK_RECORD_DEADLINE "
                f"{self.settings.record_deadline:g} s, and as much again for every "
                f"{DEADLINE_UNIT_BYTES:,} bytes of the record's {job.size:,}); the stream went on",
            )
        else:
            error = RejectedInput(
                "stage_error",
                f"{stopped.died} while the {stage} stage ran on this record; the record was set "
                "aside so that it cannot take the next process down too",
            )
        fields = {}
        if stopped.died is None:
            fields = {"ran_ms": round(ran * 1000, 1), "deadline_ms": round(allowed * 1000, 1)}
        result = RecordResult()
        add_dead_letter(result, job, stage, error, *_about(job, self.settings), **fields)
        return result

    # --- the pipe ----------------------------------------------------------------------------

    def _send(self, message: tuple) -> None:
        if self._to is None:
            raise ValueError("no compute process")
        self._to.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))

    def _receive(self, timeout: float) -> tuple | None:
        """The child's next message, or None after ``timeout`` seconds without one."""
        if self._from is None:
            raise EOFError("no compute process")
        if not self._from.poll(timeout):
            return None
        return pickle.loads(self._from.recv_bytes())


def _about(job: Job, settings: Settings) -> tuple[str | None, str | None]:
    """The article id and source of a stopped record, when intake can tell them."""
    from agents.repair.intake import parse_raw_record

    try:
        raw = parse_raw_record(job.key, job.value, max_bytes=settings.max_record_bytes)
    except Exception:
        return None, None
    return raw.id, raw.source
