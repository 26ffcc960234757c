"""What changed between two versions of one article (the same id sent again).

A version is its title and its paragraphs, each reduced to a short hash of its words (case and
punctuation aside, as for shingles), so a re-send through another repair path that only
straightened quotes is unchanged, and the index keeps 12 characters a paragraph.

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
    title: str | None  # a short hash of its words; None when there is no title
    paragraphs: tuple[str, ...]  # one short hash per paragraph


def version(title: str | None, paragraphs: Sequence[str]) -> Version:
    return Version(None if title is None else _hash(title), tuple(_hash(p) for p in paragraphs))


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


#: Characters of one hash in :attr:`Version.paragraphs`.
HASH_CHARS = 12


def _hash(text: str) -> str:
    words_only = " ".join(words(text)).encode("utf-8")
    return hashlib.blake2b(words_only, digest_size=HASH_CHARS // 2).hexdigest()
