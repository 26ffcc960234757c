"""Intake: raw record bytes to a RawArticle, or a rejection a person can act on."""

from __future__ import annotations

import base64
import json

import pytest

from agents.errors import RejectedInput
from agents.repair.intake import content_id, parse_raw_record

LIMIT = 10_000


def parse(value: bytes | None, key: bytes | None = None):
    return parse_raw_record(key, value, max_bytes=LIMIT)


def rejection(value: bytes | None) -> RejectedInput:
    with pytest.raises(RejectedInput) as caught:
        parse(value)
    return caught.value


def test_intake_json_record_keeps_every_field() -> None:
    record = {
        "id": "wire-1",
        "source": "example-wire",
        "url": "https://wire.example/1",
        "received_at": "2024-12-02T10:00:00Z",
        "title": "A headline",
        "published": "2024-12-02",
        "content_type": "text/plain",
        "charset": None,
        "text": "Body of the story.",
    }
    raw = parse(json.dumps(record).encode())
    assert (raw.id, raw.source, raw.url, raw.title, raw.published) == (
        "wire-1", "example-wire", "https://wire.example/1", "A headline", "2024-12-02",
    )  # fmt: skip
    assert raw.text == "Body of the story." and raw.body is None


def test_intake_body_b64_becomes_bytes() -> None:
    body = "Café crème".encode("cp1252")
    record = {"id": "b", "body_b64": base64.b64encode(body).decode(), "charset": "cp1252"}
    raw = parse(json.dumps(record).encode())
    assert raw.body == body and raw.text is None and raw.charset == "cp1252"


def test_intake_bare_bytes_are_an_article_with_a_content_id() -> None:
    value = b"Plain article text, no envelope."
    raw = parse(value)
    assert raw.body == value
    assert raw.id == content_id(value) and raw.id.startswith("sha256:")
    assert parse(value).id == raw.id  # a replay gets the same id


def test_intake_id_falls_back_to_the_kafka_key() -> None:
    assert parse(b"Some article", key=b"feed-42").id == "feed-42"
    assert parse(json.dumps({"text": "x y"}).encode(), key=b"feed-43").id == "feed-43"
    assert parse(json.dumps({"id": "own", "text": "x y"}).encode(), key=b"feed-44").id == "own"


def test_intake_json_id_without_key_is_a_hash_of_the_content() -> None:
    raw = parse(json.dumps({"source": "s", "text": "Same words"}).encode())
    assert raw.id == content_id(b"Same words")


@pytest.mark.parametrize("value", [None, b"", b"   \n\t "])
def test_intake_empty_records_are_rejected(value: bytes | None) -> None:
    assert rejection(value).kind == "empty"


def test_intake_empty_text_field_is_rejected() -> None:
    error = rejection(json.dumps({"id": "e", "text": "  "}).encode())
    assert error.kind == "empty" and "empty" in error.reason


def test_intake_oversized_records_name_the_limit() -> None:
    error = rejection(b"x" * (LIMIT + 1))
    assert error.kind == "too_large"
    assert "10,001" in error.reason and "10,000" in error.reason
    assert "COPYDESK_MAX_RECORD_BYTES" in error.reason


def test_intake_broken_json_says_where() -> None:
    error = rejection(b'{"id": "x", "text": "unterminated}')
    assert error.kind == "invalid_json"
    assert "line 1, column" in error.reason


def test_intake_json_that_is_not_utf8_is_invalid() -> None:
    error = rejection(b'{"id": "x", "text": "caf\xe9"}')
    assert error.kind == "invalid_json" and "UTF-8" in error.reason


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ({"id": "x", "txt": "typo"}, ["neither 'text' nor 'body_b64'"]),
        ({"id": "x", "text": "a", "body_b64": "YQ=="}, ["both 'text' and 'body_b64'"]),
        ({"id": "x", "text": 42}, ["field 'text'", "must be a string", "42"]),
        ({"id": "x", "text": "a", "tilte": "typo"}, ["unknown field 'tilte'"]),
        ({"id": "", "text": "a"}, ["field 'id'"]),
        ({"id": "x", "body_b64": "not base64!"}, ["body_b64", "not valid base64"]),
    ],
)
def test_intake_schema_violations_say_which_field(record: dict, words: list[str]) -> None:
    error = rejection(json.dumps(record).encode())
    assert error.kind == "schema_violation"
    for word in words:
        assert word in error.reason


def test_intake_utf8_bom_before_json_is_accepted() -> None:
    raw = parse(b"\xef\xbb\xbf" + json.dumps({"id": "bom", "text": "ok"}).encode())
    assert raw.id == "bom" and raw.text == "ok"
