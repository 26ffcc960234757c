"""The stages composed: each event stamped with its stage's timing."""

from __future__ import annotations

from agents.contracts import problems
from tests.helpers import repaired


def test_pipeline_stamps_stage_timings() -> None:
    event = repaired("Headline\n\nA paragraph of text.\n")
    timing = event["timings"]["repair"]
    assert timing["ms"] >= 0 and timing["at"].endswith("Z")
    assert problems(event, "repaired-article/1") == []
