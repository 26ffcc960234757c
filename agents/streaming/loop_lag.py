"""The worker's event loop, watched: how late it wakes a task that asked to sleep.

Faust runs heartbeats, commits, fetches and every agent on one asyncio loop. Work that holds the
loop (the NER model, were it run on the loop instead of in its thread) shows here as lag long
before the group evicts the worker for missed heartbeats. The watcher sleeps ``SAMPLE_S`` at a
time, notes how late it woke, and reports the worst and the median every ``REPORT_S``: one log
line each time, which ``benchmarks.streaming`` reads back. A :class:`RecentLags` keeps the last
few seconds of samples for ``/metrics`` and ``/healthz`` to read.
"""

from __future__ import annotations

import asyncio
import re
import statistics
import time
from collections import deque
from collections.abc import Callable, Sequence

#: Often enough to catch a stall of a few tens of milliseconds; 50 wake-ups a second cost
#: nothing measurable.
SAMPLE_S = 0.02
REPORT_S = 10.0
LAG_REPORT = "copydesk: event loop lag"
_REPORTED = re.compile(re.escape(LAG_REPORT) + r": max ([\d.]+) ms")


class RecentLags:
    """The loop's lag samples of the last ``window`` seconds: the worst of them is what
    ``copydesk_event_loop_lag_seconds`` shows and what ``/healthz`` holds against the
    heartbeat interval (a scrape between two stalls must still see the last one)."""

    def __init__(self, window: float = 5.0) -> None:
        self.window = window
        self._samples: deque[tuple[float, float]] = deque()

    def add(self, lag: float, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        self._samples.append((now, lag))
        while self._samples and self._samples[0][0] < now - self.window:
            self._samples.popleft()

    def worst(self, now: float | None = None) -> float:
        """The worst lag sampled in the last ``window`` seconds (0 if none)."""
        since = (time.monotonic() if now is None else now) - self.window
        return max((lag for at, lag in self._samples if at >= since), default=0.0)


def describe_lags(lags: Sequence[float]) -> str:
    """One report line for a window of lags (seconds)."""
    return (
        f"{LAG_REPORT}: max {max(lags) * 1000:.1f} ms, median "
        f"{statistics.median(lags) * 1000:.2f} ms over {len(lags)} samples"
    )


def reported_max_lags(log: str) -> list[float]:
    """The worst lag (ms) of every report in a worker's log, in order."""
    return [float(ms) for ms in _REPORTED.findall(log)]


async def watch_loop_lag(
    report: Callable[[str], object],
    *,
    recent: RecentLags | None = None,
    sample_s: float = SAMPLE_S,
    report_s: float = REPORT_S,
) -> None:
    """Measure the running loop's lag for ever, passing a line to ``report`` every ``report_s``
    and each sample to ``recent``."""
    loop = asyncio.get_running_loop()
    lags: list[float] = []
    next_report = loop.time() + report_s
    while True:
        due = loop.time() + sample_s
        await asyncio.sleep(sample_s)
        now = loop.time()
        lag = max(0.0, now - due)
        lags.append(lag)
        if recent is not None:
            recent.add(lag)
        if now >= next_report:
            report(describe_lags(lags))
            lags = []
            next_report = now + report_s
