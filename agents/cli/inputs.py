"""Reading raw records from files and stdin, for ``copydesk publish`` and ``copydesk process``.

A ``.jsonl`` file is one raw record per line, a ``.json`` file one record, any other file one
article's bytes, a directory every file below it (hidden ones skipped), ``-`` standard input: one
article, or JSON lines with ``--format jsonl`` (read line by line as they come, so a feed can be
piped in). Records are passed on exactly as read: judging them is the pipeline's job, so that
``process`` and the worker dead-letter the same things.

:func:`plan_inputs` checks every path before anything is read or sent (a missing path, a file
that cannot be read, a directory with no file in it), so ``publish`` complains about a path before
it ever talks to the broker.
"""

from __future__ import annotations

import json
import os
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


def plan_inputs(paths: Iterable[str]) -> list[Path | None]:
    """The files ``paths`` name, in reading order (``None`` for ``-``), each checked readable.

    Raises :class:`InputError` for a path that does not exist, a file or directory that cannot
    be read, and a directory without a file in it."""
    plan: list[Path | None] = []
    for name in paths:
        if name == "-":
            plan.append(None)
            continue
        path = Path(name)
        if path.is_dir():
            files = _files_below(path)
            if not files:
                raise InputError(f"no files in directory {name} (hidden ones are skipped)")
        elif path.is_file():
            files = [path]
        elif path.exists():
            raise InputError(f"not a file or directory: {name}")
        else:
            raise InputError(f"no such file or directory: {name}")
        for file in files:
            try:
                with file.open("rb"):
                    pass
            except OSError as exc:
                raise InputError(f"cannot read {file}: {exc.strerror}") from exc
        plan.extend(files)
    return plan


def read_inputs(
    paths: Iterable[str], stdin: BinaryIO | None = None, stdin_format: StdinFormat = "text"
) -> Iterator[InputRecord]:
    """Every raw record in ``paths``, in order; ``-`` reads ``stdin`` (default: standard input).

    Every path is checked (:func:`plan_inputs`) before the first record is read."""
    for file in plan_inputs(paths):
        if file is None:
            source = stdin or sys.stdin.buffer
            if stdin_format == "jsonl":
                yield from _lines(source, "<stdin>")
            else:
                yield from _records(source.read(), "<stdin>", jsonl=False)
            continue
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {file}: {exc.strerror}") from exc
        yield from _records(data, str(file), jsonl=file.suffix.lower() == ".jsonl")


def _files_below(root: Path) -> list[Path]:
    """Every file below ``root``, hidden files and folders skipped; unreadable folders raise."""

    def fail(exc: OSError) -> None:
        raise InputError(f"cannot read directory {exc.filename}: {exc.strerror}") from exc

    files = []
    for folder, dirs, names in os.walk(root, onerror=fail):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [Path(folder) / n for n in names if not n.startswith(".")]
    return sorted(p for p in files if p.is_file())


def _lines(source: BinaryIO, origin: str) -> Iterator[InputRecord]:
    """JSON lines as they arrive (a pipe from a feed), one record per non-blank line."""
    for number, line in enumerate(iter(source.readline, b""), start=1):
        line = line.rstrip(b"\r\n")
        if line.strip():
            yield InputRecord(line, _id_key(line), {"path": origin, "line": number})


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
