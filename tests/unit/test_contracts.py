"""The contract: the schemas valid, complete and readable in their errors; events encoded and
decoded against them, each record's failure its own."""

from __future__ import annotations

import json

import pytest

from agents import records
from agents.contracts import (
    SCHEMA_DIR,
    SCHEMA_FILES,
    decode_event,
    decode_events,
    definition_problems,
    encode_event,
    problems,
    validator,
)
from agents.errors import RejectedInput
from tests.helpers import repaired


@pytest.mark.parametrize("version", sorted(SCHEMA_FILES))
def test_schemas_load_and_match_their_version(version: str) -> None:
    schema = validator(version).schema
    name, number = version.split("/")
    assert schema["$id"] == f"urn:copydesk:schema:{name}:{number}"


def test_schemas_every_file_is_registered() -> None:
    files = {p.name for p in SCHEMA_DIR.glob("*.schema.json")} - {"common.schema.json"}
    assert files == set(SCHEMA_FILES.values())


def test_schemas_versions_agree_with_the_code() -> None:
    assert {
        records.SCHEMA_RAW,
        records.SCHEMA_REPAIRED,
        records.SCHEMA_STRUCTURED,
        records.SCHEMA_ENRICHED,
        records.SCHEMA_DEAD_LETTER,
        records.SCHEMA_ARTICLE_ENTITY,
        records.SCHEMA_ALERT_RULE,
        records.SCHEMA_ALERT_MATCH,
    } == set(SCHEMA_FILES)


def test_schemas_each_event_lists_the_fields_of_the_one_before() -> None:
    required = {
        version: set(validator(version).schema.get("required", []))
        for version in ("repaired-article/1", "structured-article/1", "enriched-article/1")
    }
    assert required["repaired-article/1"] - {"html"} <= required["structured-article/1"]
    assert required["structured-article/1"] < required["enriched-article/1"]


def test_schemas_dead_letter_kinds_match_the_code() -> None:
    schema = json.loads((SCHEMA_DIR / "dead-letter.schema.json").read_text())
    from typing import get_args

    from agents.errors import RejectKind

    assert set(schema["properties"]["kind"]["enum"]) == set(get_args(RejectKind))


def test_schemas_dead_letter_stages_match_the_code() -> None:
    from typing import get_args

    schema = json.loads((SCHEMA_DIR / "dead-letter.schema.json").read_text())
    assert set(schema["properties"]["stage"]["enum"]) == set(get_args(records.Stage))


def test_schemas_one_definition_checks_only_its_fields() -> None:
    story = {"duplicate_of": None, "similarity": None, "story": "a", "first_in_story": True,
             "revision": 1, "unchanged": False, "changes": None}  # fmt: skip
    assert definition_problems(story, "enriched_fields") == []
    assert definition_problems({**story, "revision": 0, "story": 3}, "enriched_fields") == [
        "field 'revision': 0 is less than the minimum of 1",
        "field 'story': must be a string, not a number (3)",
    ]


def test_schemas_unknown_fields_are_named() -> None:
    found = problems({"text": "x", "colour": "red"}, "raw-article/1")
    assert found == ["unknown field 'colour'"]


def test_schemas_extra_fields_on_events_are_refused() -> None:
    letter_fields = {"schema": "dead-letter/1", "surprise": 1}
    assert any("surprise" in p for p in problems(letter_fields, "dead-letter/1"))


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


def test_pipeline_decode_events_keeps_each_records_failure_its_own() -> None:
    event = repaired("Headline\n\nA paragraph.\n")
    good, bad = encode_event(event), b"{not json"
    first, failure, second = decode_events([good, bad, good], "repaired-article/1")
    assert first == second == event
    assert isinstance(failure, RejectedInput) and failure.kind == "invalid_json"


def test_encode_event_writes_what_the_json_module_would() -> None:
    event = {"id": "a", "text": "“Ñuñoa” — 港口", "n": 3, "score": 0.125, "none": None, "ok": True}
    encoded = encode_event(event)
    assert encoded == json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode()
    assert json.loads(encoded) == event
