"""Reading raw records from paths and stdin, for publish and process."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from agents.cli.inputs import InputError, read_inputs


def test_sources_kinds_of_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Bare article bytes")
    (tmp_path / "b.json").write_text(json.dumps({"id": "b-1", "text": "One record"}))
    (tmp_path / "c.jsonl").write_text('{"id": "c-1", "text": "x"}\n\n{"text": "no id"}\nbroken\n')
    (tmp_path / ".hidden").write_bytes(b"skipped")
    records = list(read_inputs([str(tmp_path)]))
    assert [r.value for r in records] == [
        b"Bare article bytes",
        json.dumps({"id": "b-1", "text": "One record"}).encode(),
        b'{"id": "c-1", "text": "x"}',
        b'{"text": "no id"}',
        b"broken",
    ]
    assert [r.key for r in records] == [None, b"b-1", b"c-1", None, None]
    assert records[4].origin == {"path": str(tmp_path / "c.jsonl"), "line": 4}


def test_sources_stdin_as_text_or_jsonl() -> None:
    stdin = io.BytesIO(b"line one\nline two\n")
    (record,) = read_inputs(["-"], stdin=stdin)
    assert record.value == b"line one\nline two\n" and record.origin == {"path": "<stdin>"}
    records = list(read_inputs(["-"], stdin=io.BytesIO(b"{}\n{}\n"), stdin_format="jsonl"))
    assert len(records) == 2


def test_sources_missing_path_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"no such file or directory: nowhere\.txt"):
        list(read_inputs(["nowhere.txt"]))
