"""Dead letters: the original record kept byte for byte, with the stage, the error and where it came
from."""

from __future__ import annotations

import base64

from agents.contracts import problems
from agents.deadletters import dead_letter
from agents.errors import RejectedInput


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
