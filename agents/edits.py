"""Edits made in stages, and their report: where each change stood in the input and stands in the
output, however many later stages moved the text around it.

Each stage works on the previous stage's output and says what it changed as :class:`Edit` s in
its own input's coordinates. :func:`compose` applies the stages and maps every edit back to the
original text and forward to the final one, so a report's spans always index the texts a
consumer has (``input[a:b] == before``, ``output[c:d] == after``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agents.records import Repair


@dataclass(frozen=True)
class Edit:
    """``text[start:end]`` becomes ``after``; an edit whose ``after`` equals what it replaces only
    reports damage that cannot be undone."""

    start: int
    end: int
    after: str
    kind: str
    codec: str | None = None


def apply(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with ``edits`` (sorted, not overlapping) made."""
    parts, pos = [], 0
    for edit in edits:
        parts += [text[pos : edit.start], edit.after]
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def compose(original: str, stages: Sequence[Sequence[Edit]]) -> tuple[str, list[Repair]]:
    """Apply the stages in turn; one report entry per edit, spans in the original and final text."""
    texts = [original]
    for edits in stages:
        texts.append(apply(texts[-1], edits))
    final = texts[-1]
    repairs: list[Repair] = []
    for index, edits in enumerate(stages):
        for edit in edits:
            a, b = edit.start, edit.end
            for earlier in reversed(stages[:index]):
                a, b = _back(a, earlier, "start"), _back(b, earlier, "end")
            c, d = edit.start, edit.start + len(edit.after)
            c, d = _shift_within(c, d, edits, edit)
            for later in stages[index + 1 :]:
                c, d = _forward(c, later, "start"), _forward(d, later, "end")
            repairs.append(
                {
                    "kind": edit.kind,
                    "before": original[a:b],
                    "after": final[c:d],
                    "input_span": [a, b],
                    "output_span": [c, d],
                    "codec": edit.codec,
                }
            )
    repairs.sort(key=lambda r: r["input_span"])
    return final, repairs


def _shift_within(c: int, d: int, edits: Sequence[Edit], edit: Edit) -> tuple[int, int]:
    """Where ``edit``'s output lands in its own stage's output: earlier edits moved it."""
    delta = sum(
        len(e.after) - (e.end - e.start) for e in edits if e.end <= edit.start and e is not edit
    )
    return c + delta, d + delta


def _forward(pos: int, edits: Sequence[Edit], side: str) -> int:
    """A position in a stage's input, in its output; inside an edit it widens to the edit."""
    delta = 0
    for edit in edits:
        if edit.end <= pos:
            delta += len(edit.after) - (edit.end - edit.start)
        elif edit.start < pos:
            return edit.start + delta + (len(edit.after) if side == "end" else 0)
        else:
            break
    return pos + delta


def _back(pos: int, edits: Sequence[Edit], side: str) -> int:
    """A position in a stage's output, in its input; inside an edit it widens to the edit."""
    delta = 0
    for edit in edits:
        new_start = edit.start + delta
        new_end = new_start + len(edit.after)
        if new_end <= pos:
            delta += len(edit.after) - (edit.end - edit.start)
        elif new_start < pos:
            return edit.end if side == "end" else edit.start
        else:
            break
    return pos - delta
