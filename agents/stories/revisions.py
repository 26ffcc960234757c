"""What changed between two versions of one article (the same id sent again).

A version is its title and its paragraphs, each paragraph reduced to a short hash of its words
(case and punctuation aside, as for shingles), so a re-send through another repair path that
only straightened quotes is unchanged.

>>> old = version("Quake hits", ["A quake struck.", "Ten died."])
>>> changes(old, version("Quake kills ten", ["A quake struck.", "Ten died.", "Rescue goes on."]))
{'title_changed': True, 'paragraphs_added': [2], 'paragraphs_removed': []}
>>> changes(old, version("Quake hits", ["A quake struck!", "ten died"])) is None
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from agents.records import StoryChanges
from agents.stories.shingles import words


class Version(NamedTuple):
    title: str | None  # its words, as for paragraphs
    paragraphs: tuple[str, ...]  # one short hash per paragraph


def version(title: str | None, paragraphs: Sequence[str]) -> Version:
    return Version(
        None if title is None else " ".join(words(title)),
        tuple(_paragraph_hash(p) for p in paragraphs),
    )


def changes(previous: Version, current: Version) -> StoryChanges | None:
    """How ``current`` differs from ``previous``; None when it does not."""
    if previous == current:
        return None
    added: list[int] = []
    removed: list[int] = []
    matcher = SequenceMatcher(a=previous.paragraphs, b=current.paragraphs, autojunk=False)
    for op, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if op in ("delete", "replace"):
            removed.extend(range(a_start, a_end))
        if op in ("insert", "replace"):
            added.extend(range(b_start, b_end))
    return {
        "title_changed": previous.title != current.title,
        "paragraphs_added": added,
        "paragraphs_removed": removed,
    }


def _paragraph_hash(paragraph: str) -> str:
    return hashlib.blake2b(" ".join(words(paragraph)).encode("utf-8"), digest_size=6).hexdigest()
