"""Properties of every stage and of the whole offline pipeline, for any input: exactly one
outcome per record, an event valid against its schema or a dead letter whose kind is one of the
closed list; no exception escapes, and no event is larger than brokers are told to accept."""

from __future__ import annotations

import json
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agents.contracts import problems
from agents.errors import RejectedInput, RejectKind
from agents.pipeline import Job, run_entities, run_jobs, run_repair, run_structure
from agents.repair.intake import parse_raw_record
from agents.settings import Settings
from tests.properties.strategies import raw_values

SETTINGS = Settings.from_env({})
KINDS = set(get_args(RejectKind))


def _repaired(value: bytes):
    """The repaired event for a raw value, or the RejectedInput it is refused with."""
    try:
        raw = parse_raw_record(b"key", value, max_bytes=SETTINGS.max_record_bytes)
        return run_repair(raw, SETTINGS)
    except RejectedInput as refused:
        assert refused.kind in KINDS and refused.reason
        return refused


@given(raw_values)
def test_properties_intake_and_repair_give_an_event_or_refuse_with_a_kind(value):
    event = _repaired(value)
    if isinstance(event, RejectedInput):
        return
    assert problems(event, "repaired-article/1") == []
    for repair in event["repairs"]:
        a, b = repair["output_span"]
        if event["html"] is None:
            assert event["text"][a:b] == repair["after"]


@given(raw_values)
def test_properties_structure_gives_a_valid_event_for_any_repaired_article(value):
    event = _repaired(value)
    if isinstance(event, RejectedInput):
        return
    structured = run_structure(event)
    assert problems(structured, "structured-article/1") == []
    text = structured["text"]
    for quote in structured["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(structured["blocks"]) == len(lines)


@pytest.mark.model
@given(st.lists(raw_values, min_size=1, max_size=4))
def test_properties_entities_give_valid_events_with_mentions_at_their_offsets(analyzer, values):
    events = [e for e in map(_repaired, values) if not isinstance(e, RejectedInput)]
    structured = [run_structure(event) for event in events]
    for result in run_entities(structured, analyzer):
        assert not isinstance(result, Exception), result
        assert problems(result, "enriched-article/1") == []
        for entity in result["entities"]:
            for mention in entity["mentions"]:
                assert result["text"][mention["start"] : mention["end"]] == mention["text"]


@pytest.mark.model
@given(st.lists(raw_values, min_size=1, max_size=6))
def test_properties_pipeline_gives_each_record_exactly_one_outcome(analyzer, values):
    keys = [f"rec-{n}" for n in range(len(values))]
    jobs = [Job(k.encode(), v, {"path": k}) for k, v in zip(keys, values, strict=True)]
    results = run_jobs(jobs, SETTINGS, analyzer=analyzer)
    assert len(results) == len(jobs)
    accounted = []
    for result in results:
        for output in result.outputs:
            assert len(output.value) <= SETTINGS.max_event_bytes
        last = {output.role: json.loads(output.value) for output in result.outputs}
        if result.kind is not None:
            event = last["dlq"]
            assert "enriched" not in last
            assert problems(event, "dead-letter/1") == [] and event["kind"] in KINDS
            assert event["kind"] != "stage_error", event["reason"] + (event["traceback"] or "")
            accounted.append(event["origin"]["path"])
        else:
            event = last["enriched"]
            assert "dlq" not in last
            assert problems(event, "enriched-article/1") == []
            accounted.append(event["id"])
    # Records without an id of their own are keyed rec-N; JSON ones may name themselves.
    assert len(accounted) == len(set(accounted)) or len(set(values)) < len(values)
