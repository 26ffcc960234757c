"""The story index: every article seen within the window, its story, its revisions.

The source of truth is one mapping, article id to a JSON-able record (:class:`Record`): a dict
for ``copydesk process``, a changelog-backed Faust table in the worker. Records are replaced,
never changed in place, because a Faust table logs only assignments. Everything else here is
derived from the records and rebuilt from them (:meth:`StoryIndex.rebuild`) after a restart:
the LSH band map (band key to article ids) and the expiry queue.

Time is the caller's clock in seconds (the stream uses each record's broker timestamp, so a
replay decides the same). It never runs backwards here: an article stamped earlier than one
already seen is taken as seen at the latest time, and records expire ``window_s`` after they
were last seen. So memory holds a window's articles, however long the stream runs.
"""

from __future__ import annotations

import base64
import heapq
from array import array
from collections.abc import MutableMapping, Sequence
from typing import TypedDict

from agents.records import StoryFields
from agents.stories.revisions import Version, changes, version
from agents.stories.shingles import jaccard, shingle_hashes
from agents.stories.signature import band_keys
from agents.stories.tuning import DUPLICATE_JACCARD, MIN_SHINGLES


class Record(TypedDict):
    """What the index keeps of one article (JSON-able: it is a Faust table's value)."""

    first_seen: float
    last_seen: float
    story: str
    duplicate_of: str | None
    similarity: float | None
    revision: int
    title: str | None  # normalised, as in revisions.Version
    paragraphs: list[str]  # one short hash per paragraph
    shingles: str  # base64 of the sorted 32-bit shingle hashes; empty when too short to index


class StoryIndex:
    """Near-duplicates, stories and revisions over ``records`` (see the module's docstring)."""

    def __init__(self, records: MutableMapping[str, Record], *, window_s: float) -> None:
        if window_s <= 0:
            raise ValueError("the window must be positive (seconds)")
        self.records = records
        self.window_s = window_s
        self._bands: dict[int, list[str]] = {}
        self._expiry: list[tuple[float, str]] = []
        self._clock = float("-inf")
        self.rebuild()

    def rebuild(self) -> None:
        """Derive the band map and the expiry queue from the records (after a restore)."""
        self._bands = {}
        self._expiry = []
        for article_id, record in sorted(
            self.records.items(), key=lambda item: (item[1]["first_seen"], item[0])
        ):
            self._clock = max(self._clock, record["last_seen"])
            self._expiry.append((record["last_seen"], article_id))
            hashes = _hashes(record)
            self._add_bands(article_id, band_keys(hashes) if hashes else [])
        heapq.heapify(self._expiry)

    def __len__(self) -> int:
        return len(self.records)

    def see(
        self, article_id: str, title: str | None, paragraphs: Sequence[str], now: float
    ) -> StoryFields:
        """Record one article (or a new version of one) and say how it relates to the rest."""
        now = self._tick(now)
        current = version(title, paragraphs)
        previous = self.records.get(article_id)
        if previous is not None:
            return self._again(article_id, previous, current, paragraphs, now)
        hashes = _indexable(shingle_hashes(paragraphs))
        keys = band_keys(hashes) if hashes else []
        original, similarity = self._original_of(hashes, keys)
        story = article_id if original is None else self.records[original]["story"]
        self._add_bands(article_id, keys)
        self._store(article_id, {
            "first_seen": now,
            "last_seen": now,
            "story": story,
            "duplicate_of": original,
            "similarity": similarity,
            "revision": 1,
            "title": current.title,
            "paragraphs": list(current.paragraphs),
            "shingles": _encode(hashes),
        })  # fmt: skip
        return {
            "duplicate_of": original,
            "similarity": similarity,
            "story": story,
            "first_in_story": original is None,
            "revision": 1,
            "unchanged": False,
            "changes": None,
        }

    def _again(
        self,
        article_id: str,
        previous: Record,
        current: Version,
        paragraphs: Sequence[str],
        now: float,
    ) -> StoryFields:
        """The same id again: unchanged, or its next revision (same story, re-indexed)."""
        diff = changes(Version(previous["title"], tuple(previous["paragraphs"])), current)
        record: Record = {**previous, "last_seen": now}  # type: ignore[typeddict-item]
        if diff is not None:
            self._remove_bands(article_id, _hashes(previous))
            hashes = _indexable(shingle_hashes(paragraphs))
            self._add_bands(article_id, band_keys(hashes) if hashes else [])
            record.update(
                revision=previous["revision"] + 1,
                title=current.title,
                paragraphs=list(current.paragraphs),
                shingles=_encode(hashes),
            )
        self._store(article_id, record)
        return {
            "duplicate_of": record["duplicate_of"],
            "similarity": record["similarity"],
            "story": record["story"],
            "first_in_story": record["duplicate_of"] is None,
            "revision": record["revision"],
            "unchanged": diff is None,
            "changes": diff,
        }

    def _original_of(self, hashes: array, keys: list[int]) -> tuple[str | None, float | None]:
        """The first-seen indexed article whose body this one duplicates, and their Jaccard."""
        candidates = {c for key in keys for c in self._bands.get(key, ())}
        best: tuple[float, str, float] | None = None  # (first seen, id, similarity)
        for candidate in candidates:
            record = self.records[candidate]
            similarity = jaccard(hashes, _hashes(record))
            if similarity >= DUPLICATE_JACCARD:
                found = (record["first_seen"], candidate, similarity)
                best = found if best is None or found < best else best
        if best is None:
            return None, None
        return best[1], round(best[2], 4)

    # --- the derived state --------------------------------------------------------------------

    def _store(self, article_id: str, record: Record) -> None:
        self.records[article_id] = record  # a new dict: a Faust table logs assignments only
        heapq.heappush(self._expiry, (record["last_seen"], article_id))

    def _add_bands(self, article_id: str, keys: list[int]) -> None:
        for key in keys:
            self._bands.setdefault(key, []).append(article_id)

    def _remove_bands(self, article_id: str, hashes: array) -> None:
        if not hashes:
            return
        for key in band_keys(hashes):
            ids = self._bands.get(key)
            if ids is not None and article_id in ids:
                ids.remove(article_id)
                if not ids:
                    del self._bands[key]

    def _tick(self, now: float) -> float:
        """Advance the clock to ``now`` (never back) and forget what the window has passed."""
        self._clock = max(self._clock, now)
        horizon = self._clock - self.window_s
        while self._expiry and self._expiry[0][0] < horizon:
            seen, article_id = heapq.heappop(self._expiry)
            record = self.records.get(article_id)
            if record is None or record["last_seen"] != seen:
                continue  # seen again since: a later entry of the queue covers it
            self._remove_bands(article_id, _hashes(record))
            del self.records[article_id]
        return self._clock

    def band_count(self) -> int:
        """How many band keys the index holds (for the benchmark's memory report)."""
        return len(self._bands)


def _indexable(hashes: array) -> array:
    return hashes if len(hashes) >= MIN_SHINGLES else array("I")


def _encode(hashes: array) -> str:
    return base64.b64encode(hashes.tobytes()).decode("ascii")


def _hashes(record: Record) -> array:
    hashes = array("I")
    hashes.frombytes(base64.b64decode(record["shingles"]))
    return hashes
