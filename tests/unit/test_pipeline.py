"""The stages composed: timings, event decoding, dead letters that lose nothing."""

from __future__ import annotations

import base64
import json

import pytest

from agents.contracts import decode_event, decode_events, encode_event, problems
from agents.deadletters import dead_letter
from agents.errors import RejectedInput
from agents.records import timestamp_to_iso
from tests.helpers import repaired


def test_pipeline_stamps_stage_timings() -> None:
    event = repaired("Headline\n\nA paragraph of text.\n")
    timing = event["timings"]["repair"]
    assert timing["ms"] >= 0 and timing["at"].endswith("Z")
    assert problems(event, "repaired-article/1") == []


def test_pipeline_dead_letter_keeps_key_and_value_bytes() -> None:
    value = b"\x89PNG\r\n\x1a\n\x00\x01 not text"
    letter = dead_letter(
        "repair",
        RejectedInput("binary", "the bytes are a PNG image, not article text"),
        b"photo-1",
        value,
        origin={"topic": "articles.raw", "partition": 3, "offset": 17, "timestamp": None},
    )
    assert base64.b64decode(letter["value_b64"]) == value
    assert base64.b64decode(letter["key_b64"]) == b"photo-1"
    assert letter["id"] == "photo-1"  # raw records are keyed by article id
    assert (letter["kind"], letter["value_bytes"], letter["traceback"]) == (
        "binary",
        len(value),
        None,
    )
    assert problems(letter, "dead-letter/1") == []


def test_pipeline_dead_letter_for_a_bug_carries_the_traceback() -> None:
    try:
        {}["title"]
    except KeyError as exc:
        letter = dead_letter("structure", exc, None, b"{}", origin={"path": "x.json"})
    assert letter["kind"] == "stage_error"
    assert "structure stage failed" in letter["reason"] and "KeyError" in letter["reason"]
    assert "Traceback" in letter["traceback"]
    assert letter["key_b64"] is None
    assert problems(letter, "dead-letter/1") == []


def test_pipeline_decode_event_round_trip() -> None:
    event = repaired("Headline\n\nBody.\n")
    assert decode_event(encode_event(event), "repaired-article/1") == event


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (b"", "empty"),
        (b"not json", "invalid_json"),
        (json.dumps({"schema": "structured-article/1", "text": "x"}).encode(), "schema_violation"),
        (json.dumps(["a list"]).encode(), "schema_violation"),
    ],
)
def test_pipeline_decode_event_rejects_foreign_records(value: bytes, kind: str) -> None:
    with pytest.raises(RejectedInput) as caught:
        decode_event(value, "repaired-article/1")
    assert caught.value.kind == kind


def test_pipeline_kafka_timestamps_become_utc_iso() -> None:
    assert timestamp_to_iso(1733097600000) == "2024-12-02T00:00:00.000Z"
    assert timestamp_to_iso(None) is None


def test_pipeline_decode_events_keeps_each_records_failure_its_own() -> None:
    event = repaired("Headline\n\nA paragraph.\n")
    good, bad = encode_event(event), b"{not json"
    first, failure, second = decode_events([good, bad, good], "repaired-article/1")
    assert first == second == event
    assert isinstance(failure, RejectedInput) and failure.kind == "invalid_json"
