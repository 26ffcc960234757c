"""Edits made in stages, and their report: where each change stood in the input and stands in the
output, however many later stages moved the text around it.

Each stage works on the previous stage's output and says what it changed as :class:`Edit` s in
its own input's coordinates. :func:`compose` applies the stages and maps every edit back to the
original text and forward to the final one, so a report's spans always index the texts a
consumer has (``input[a:b] == before``, ``output[c:d] == after``).
"""

from __future__ import annotations

from bisect import bisect_right
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
    final = original
    for edits in stages:
        final = apply(final, edits)
    maps = [_Map.of(edits) for edits in stages]
    repairs: list[Repair] = []
    for index, edits in enumerate(stages):
        for number, edit in enumerate(edits):
            a, b = edit.start, edit.end
            for earlier in reversed(maps[:index]):
                a, b = earlier.back(a, "start"), earlier.back(b, "end")
            c, d = maps[index].out_start[number], maps[index].out_end[number]
            for later in maps[index + 1 :]:
                c, d = later.forward(c, "start"), later.forward(d, "end")
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


@dataclass(frozen=True)
class _Map:
    """Where one stage's edits stand in its input and in its output, for positions to cross it.

    A position inside an edit widens to the whole edit on the other side.
    """

    in_start: list[int]
    in_end: list[int]
    out_start: list[int]
    out_end: list[int]

    @classmethod
    def of(cls, edits: Sequence[Edit]) -> _Map:
        out_start, out_end, delta = [], [], 0
        for edit in edits:
            out_start.append(edit.start + delta)
            out_end.append(edit.start + delta + len(edit.after))
            delta += len(edit.after) - (edit.end - edit.start)
        return cls([e.start for e in edits], [e.end for e in edits], out_start, out_end)

    def forward(self, pos: int, side: str) -> int:
        """A position in the stage's input, in its output."""
        return _cross(pos, side, (self.in_start, self.in_end), (self.out_start, self.out_end))

    def back(self, pos: int, side: str) -> int:
        """A position in the stage's output, in its input."""
        return _cross(pos, side, (self.out_start, self.out_end), (self.in_start, self.in_end))


def _cross(
    pos: int, side: str, here: tuple[list[int], list[int]], there: tuple[list[int], list[int]]
) -> int:
    starts, ends = here
    index = bisect_right(ends, pos)  # the edits that end at or before pos
    if index < len(starts) and starts[index] < pos:
        return there[0][index] if side == "start" else there[1][index]
    return pos + (there[1][index - 1] - ends[index - 1] if index else 0)
