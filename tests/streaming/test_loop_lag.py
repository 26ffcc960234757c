"""The event-loop watcher: it sees a loop held by blocking work, and reports in a form the
streaming benchmark reads back."""

from __future__ import annotations

import asyncio
import time

from agents.streaming.loop_lag import describe_lags, reported_max_lags, watch_loop_lag


def test_loop_lag_reports_a_blocked_loop_and_not_a_free_one():
    reports: list[str] = []

    async def scenario() -> None:
        watcher = asyncio.create_task(watch_loop_lag(reports.append, sample_s=0.005, report_s=0.1))
        await asyncio.sleep(0.15)  # a free loop: one report
        time.sleep(0.2)  # blocking work on the loop, as a model run on it would be
        await asyncio.sleep(0.15)
        watcher.cancel()

    asyncio.run(scenario())
    worst = reported_max_lags("\n".join(reports))
    assert len(worst) >= 2
    assert worst[0] < 100  # ms: nothing held the loop
    assert max(worst) >= 150  # the 200 ms block, less the sample it fell in


def test_loop_lag_report_reads_back():
    line = describe_lags([0.001, 0.002, 0.25])
    assert line == "copydesk: event loop lag: max 250.0 ms, median 2.00 ms over 3 samples"
    assert reported_max_lags(f"[info] {line}\n[info] other\n[info] {line}") == [250.0, 250.0]
