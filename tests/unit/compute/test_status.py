"""The status a worker's compute process and loop keep for metrics and health checks."""

from __future__ import annotations

import json

from agents.compute import Status
from agents.pipeline import Output, RecordResult


class Observer:
    def __init__(self) -> None:
        self.seen: list[tuple[str, object]] = []

    def observe_batch(self, size: int, seconds: float) -> None:
        self.seen.append(("batch", size))

    def observe_record(self, result: RecordResult) -> None:
        self.seen.append(("record", result.kind))

    def observe_end_to_end(self, seconds: float) -> None:
        self.seen.append(("end_to_end", round(seconds)))


def test_status_counts_and_tells_observers() -> None:
    status, observer = Status(), Observer()
    status.observers.append(observer)
    status.batch_started(2)
    assert status.snapshot()["in_flight"] == 2 and status.snapshot()["busy_for"] >= 0
    status.progressed("entities", deadline_at=0.0)  # an allowance long run out
    assert status.snapshot()["past_deadline"] is True
    ok = RecordResult([Output("enriched", b"a", b"{}")], "entities", None, {"repair": 1.0})
    dead = RecordResult([Output("dlq", b"b", b"{}")], "structure", "stage_error", {"repair": 2.0})
    status.batch_finished([ok, dead])
    status.events_published(1, end_to_end=3.0)
    snapshot = status.snapshot()
    assert snapshot["records"] == {"repair/ok": 2, "structure/dead_letter": 1}
    assert snapshot["dead_letters"] == {"structure/stage_error": 1}
    assert snapshot["stage_seconds"] == {"repair": 0.003}
    assert snapshot["busy_for"] is None and snapshot["past_deadline"] is False
    assert snapshot["batch_sizes"] == {2: 1} and snapshot["published"] == 1
    assert observer.seen == [
        ("batch", 2), ("record", None), ("record", "stage_error"), ("end_to_end", 3),
    ]  # fmt: skip
    json.dumps(snapshot)  # JSON-ready, for /healthz
