"""The compute process itself: ``python -m agents.compute.child IN_FD OUT_FD PARENT_PID``.

Started by :class:`agents.compute.ComputeProcess`, never by hand. It reads pickled messages on
``IN_FD`` and writes them on ``OUT_FD`` (pipes of its parent; its stdout and stderr stay the
parent's, so its errors land in the worker's log):

- in ``("start", settings, until, runner)``: load the stages up to ``until`` (the model only when
  ``until`` is entities), run one short article through them (first calls build caches), then
  out ``("ready", info)``, or ``("failed", error type, message)``;
- in ``("run", jobs)``: out ``("at", positions, stage)`` as records enter each stage, then
  ``("done", results)``;
- in ``("stop",)``, or the parent's end of the pipe closed: exit.

It dies with its parent (``PR_SET_PDEATHSIG`` on Linux), so a worker killed with SIGKILL leaves
no process behind, even one deep in a stage; and it ignores SIGINT, which a terminal sends to the
whole process group: the parent decides when it stops.
"""

from __future__ import annotations

import ctypes
import importlib
import json
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection

from agents.errors import CopydeskError
from agents.pipeline import Job

#: What the child runs before it says it is ready, as a bare article and as a JSON record: first
#: calls import modules, compile patterns and build the schema validators (the first record
#: after a start took 0.3 s to repair, and the structure stage's first article five times its
#: usual time), and a record must not be charged for them against its deadline.
_ARTICLE = (
    "Ferry service resumes after storm\n\n"
    "GALWAY, Ireland — The ferry between the two islands resumed on Monday after a storm closed "
    "the route for three days, the operator said.\n\n"
    "“Passengers can book again from today,” said Maria Keane, a spokeswoman for the operator.\n"
)
WARM_UP = [
    Job(None, _ARTICLE.encode()),
    Job(b"warm-up", json.dumps({"id": "warm-up", "source": "copydesk", "text": _ARTICLE}).encode()),
]

_PR_SET_PDEATHSIG = 1


def main(argv: Sequence[str]) -> int:
    inbox = Connection(int(argv[0]), writable=False)
    outbox = Connection(int(argv[1]), readable=False)
    _die_with_parent(int(argv[2]))
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def send(message: tuple) -> None:
        outbox.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))

    try:
        _, settings, until, runner = pickle.loads(inbox.recv_bytes())
    except EOFError:
        return 0
    try:
        run = _runner(runner)
        analyzer = None
        if until == "entities":
            from agents.entities.stage import EntityAnalyzer

            analyzer = EntityAnalyzer(settings.model)
        run(WARM_UP, settings, until, analyzer, _quiet)
    except CopydeskError as exc:
        send(("failed", type(exc).__name__, str(exc)))
        return 2
    send(("ready", {"pid": os.getpid(), "until": until, "model": settings.model}))

    def progress(positions: Sequence[int], stage: str) -> None:
        send(("at", tuple(positions), stage))

    while True:
        try:
            message = pickle.loads(inbox.recv_bytes())
        except EOFError:
            return 0
        if message[0] == "stop":
            return 0
        send(("done", run(message[1], settings, until, analyzer, progress)))


def _quiet(positions: Sequence[int], stage: str) -> None:
    """Progress of the warm-up: nobody is waiting on it."""


def _runner(name: str) -> Callable:
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to SIGKILL this process when its parent dies; elsewhere, rely on the pipe.

    Linux sends it when the parent's *thread* that started the child ends: the parent starts
    children from one long-lived thread (the worker's compute thread, or the main thread).
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before we asked
        os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
