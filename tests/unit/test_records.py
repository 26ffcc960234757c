"""Event records: the helpers that fill their fields."""

from __future__ import annotations

from agents.records import timestamp_to_iso


def test_pipeline_kafka_timestamps_become_utc_iso() -> None:
    assert timestamp_to_iso(1733097600000) == "2024-12-02T00:00:00.000Z"
    assert timestamp_to_iso(None) is None
