"""The event-loop watcher: it sees a loop held by blocking work, and reports in a form the
streaming benchmark reads back.

The watcher runs here on a virtual clock, so what it reports is exact on a loaded machine too: the
lag it measures in real time is the benchmarks' to print (``python -m benchmarks.streaming``, the
worker's worst report during a burst; ``python -m benchmarks.entities``, the model in its thread
against the model on the loop).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from typing import Any

from agents.streaming.loop_lag import describe_lags, reported_max_lags, watch_loop_lag


class VirtualClock:
    """An event loop's clock that moves only when the loop would wait (then at once to its next
    timer) or when :meth:`hold` says so: blocking work, simulated without the wall clock."""

    def __init__(self) -> None:
        self.now = 0.0

    def hold(self, seconds: float) -> None:
        """The loop is held for ``seconds``, as by work that never awaits."""
        self.now += seconds

    def run(self, main: Coroutine[Any, Any, None]) -> None:
        loop = asyncio.new_event_loop()
        loop.time = lambda: self.now  # type: ignore[method-assign]
        selector = loop._selector  # type: ignore[attr-defined]
        select = selector.select

        def skip_the_wait(timeout: float | None = None) -> list:
            self.now += timeout or 0.0
            return select(0)

        selector.select = skip_the_wait
        try:
            loop.run_until_complete(main)
        finally:
            loop.close()


def test_loop_lag_reports_a_blocked_loop_and_not_a_free_one():
    reports: list[str] = []
    clock = VirtualClock()

    async def scenario() -> None:
        watcher = asyncio.create_task(watch_loop_lag(reports.append, sample_s=0.005, report_s=0.1))
        await asyncio.sleep(0.15)  # a free loop: one report
        clock.hold(0.2)  # blocking work on the loop, as a model run on it would be
        await asyncio.sleep(0.15)
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher

    clock.run(scenario())
    worst = reported_max_lags("\n".join(reports))
    assert len(worst) >= 2
    assert worst[0] == 0.0  # ms: nothing held the loop
    assert 195 <= max(worst) <= 200  # the 200 ms hold, less the part of a sample it fell in


def test_loop_lag_report_reads_back():
    line = describe_lags([0.001, 0.002, 0.25])
    assert line == "copydesk: event loop lag: max 250.0 ms, median 2.00 ms over 3 samples"
    assert reported_max_lags(f"[info] {line}\n[info] other\n[info] {line}") == [250.0, 250.0]
