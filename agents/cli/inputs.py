"""Reading raw records from files and stdin, for ``copydesk publish`` and ``copydesk process``.

A ``.jsonl`` file is one raw record per line, a ``.json`` file one record, any other file one
article's bytes, a directory every file below it (hidden ones skipped), ``-`` standard input: one
article, or JSON lines with ``--format jsonl``. Records are passed on exactly as read: judging
them is the pipeline's job, so that ``process`` and the worker dead-letter the same things.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

from agents.errors import CopydeskError

StdinFormat = Literal["text", "jsonl"]


class InputError(CopydeskError):
    """A path given on the command line cannot be read."""


@dataclass(frozen=True)
class InputRecord:
    value: bytes
    key: bytes | None = None
    origin: dict[str, object] = field(default_factory=dict)  # {"path": ..., "line": ...}


def read_inputs(
    paths: Iterable[str], stdin: BinaryIO | None = None, stdin_format: StdinFormat = "text"
) -> Iterator[InputRecord]:
    """Every raw record in ``paths``, in order; ``-`` reads ``stdin`` (default: standard input)."""
    for name in paths:
        if name == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from _records(data, "<stdin>", jsonl=stdin_format == "jsonl")
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        elif path.is_file():
            files = [path]
        else:
            raise InputError(f"no such file or directory: {name}")
        for file in files:
            try:
                data = file.read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read {file}: {exc.strerror}") from exc
            yield from _records(data, str(file), jsonl=file.suffix.lower() == ".jsonl")


def _records(data: bytes, origin: str, *, jsonl: bool) -> Iterator[InputRecord]:
    if not jsonl:
        yield InputRecord(data, _id_key(data), {"path": origin})
        return
    for number, line in enumerate(data.splitlines(), start=1):
        if line.strip():
            yield InputRecord(line, _id_key(line), {"path": origin, "line": number})


def _id_key(value: bytes) -> bytes | None:
    """The record's ``id`` as its Kafka key, when it is a JSON record that has one."""
    if not value.lstrip().startswith(b"{"):
        return None
    try:
        record = json.loads(value)
    except (ValueError, UnicodeDecodeError):
        return None
    article_id = record.get("id") if isinstance(record, dict) else None
    return article_id.encode("utf-8") if isinstance(article_id, str) and article_id else None


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
