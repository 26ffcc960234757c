"""The stages composed: each event stamped with its stage's timing; a batch of raw records to
each record's outputs, in order, or its dead letter holding the raw record."""

from __future__ import annotations

import base64
import json

import pytest

from agents.contracts import problems
from agents.pipeline import Job, run_jobs
from agents.settings import Settings
from tests.helpers import repaired

STORY = "Ferry resumes\n\nThe ferry resumed on Monday after a storm, the operator said.\n"


def _record(article_id: str) -> bytes:
    return json.dumps({"id": article_id, "source": "t", "text": STORY}).encode()


def test_pipeline_stamps_stage_timings() -> None:
    event = repaired("Headline\n\nA paragraph of text.\n")
    timing = event["timings"]["repair"]
    assert timing["ms"] >= 0 and timing["at"].endswith("Z")
    assert problems(event, "repaired-article/1") == []


def test_run_jobs_gives_each_records_events_in_order_and_reports_progress() -> None:
    jobs = [Job(b"a", _record("a")), Job(None, b"{oops"), Job(None, STORY.encode())]
    heard: list[tuple[tuple[int, ...], str]] = []
    results = run_jobs(
        jobs, Settings(), "structure", progress=lambda p, s: heard.append((tuple(p), s))
    )
    assert [[o.role for o in r.outputs] for r in results] == [
        ["repaired", "structured"],
        ["dlq"],
        ["repaired", "structured"],
    ]
    assert [(r.stage, r.kind) for r in results] == [
        ("structure", None),
        ("intake", "invalid_json"),
        ("structure", None),
    ]
    first = json.loads(results[0].outputs[1].value)
    assert results[0].outputs[1].key == b"a" and problems(first, "structured-article/1") == []
    assert heard[:4] == [((0,), "intake"), ((0,), "repair"), ((0,), "structure"), ((1,), "intake")]
    assert results[0].ms.keys() == {"repair", "structure"}


def test_run_jobs_dead_letters_the_raw_record_whatever_stage_failed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A record the structure stage fails on keeps its repaired event, and its dead letter holds
    the raw record as it arrived, so that replaying it to the raw topic runs it again."""
    import agents.structure.stage

    def fails(event: dict) -> dict:
        raise ValueError("a bug in the structure stage")

    monkeypatch.setattr(agents.structure.stage, "structure_article", fails)
    origin = {"topic": "articles.raw", "partition": 1, "offset": 9, "timestamp": None}
    (result,) = run_jobs([Job(b"boom", _record("boom"), origin)], Settings(), "structure")
    assert [o.role for o in result.outputs] == ["repaired", "dlq"]
    assert (result.stage, result.kind) == ("structure", "stage_error")
    letter = json.loads(result.outputs[1].value)
    assert problems(letter, "dead-letter/1") == []
    assert base64.b64decode(letter["value_b64"]) == _record("boom")
    assert (letter["id"], letter["origin"], result.outputs[1].key) == ("boom", origin, b"boom")
    assert "ValueError: a bug in the structure stage" in letter["reason"]


def test_run_jobs_up_to_repair_gives_the_repaired_event_alone() -> None:
    (result,) = run_jobs([Job(None, STORY.encode())], Settings(), "repair")
    assert [o.role for o in result.outputs] == ["repaired"]
    assert problems(json.loads(result.outputs[0].value), "repaired-article/1") == []
