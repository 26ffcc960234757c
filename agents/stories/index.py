"""The story index: every article seen within the window, its story, its revisions.

The source of truth is one mapping, article id to a JSON-able record (:class:`Record`): a dict
for ``copydesk process``, a changelog-backed Faust table in the worker. Records are replaced,
never changed in place, because a Faust table logs only assignments. Everything else here is
derived from the records and rebuilt from them (:meth:`StoryIndex.rebuild`) after a restart:
the LSH band map (band key to article ids) and the expiry queue.

Only the first article of each story is indexed for matching (its shingle hashes and its band
keys): a copy is the duplicate of the first article seen with that body, so later copies need
only find that one. A copy keeps its original alive: the original's record is seen again each
time a copy of it comes, so a story that keeps being republished is not forgotten mid-way.

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
from agents.stories.revisions import HASH_CHARS, Version, changes, version
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
    title: str | None  # a short hash (revisions.Version)
    paragraphs: str  # the paragraphs' short hashes, end to end
    shingles: str  # base64 of the sorted 32-bit shingle hashes; empty when not indexed


class StoryIndex:
    """Near-duplicates, stories and revisions over ``records`` (see the module's docstring)."""

    def __init__(self, records: MutableMapping[str, Record], *, window_s: float) -> None:
        if window_s <= 0:
            raise ValueError("the window must be positive (seconds)")
        self.records = records
        self.window_s = window_s
        #: Band key to the indexed article with that band (a tuple when several share it).
        self._bands: dict[int, str | tuple[str, ...]] = {}
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
            self._add_bands(article_id, _band_keys(_hashes(record)))
        heapq.heapify(self._expiry)

    def __len__(self) -> int:
        return len(self.records)

    def band_count(self) -> int:
        """How many band keys the index holds (for the benchmark's memory report)."""
        return len(self._bands)

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
        keys = _band_keys(hashes)
        original, similarity = self._original_of(hashes, keys)
        if original is None:
            story = article_id
            self._add_bands(article_id, keys)
        else:
            story = self.records[original]["story"]
            self._store(original, {**self.records[original], "last_seen": now})  # type: ignore[typeddict-item]
            hashes = array("I")  # a copy is found through its original: not indexed itself
        record: Record = {
            "first_seen": now,
            "last_seen": now,
            "story": story,
            "duplicate_of": original,
            "similarity": similarity,
            "revision": 1,
            "title": current.title,
            "paragraphs": "".join(current.paragraphs),
            "shingles": _encode(hashes),
        }
        self._store(article_id, record)
        return _fields(record, unchanged=False, diff=None)

    def _again(
        self,
        article_id: str,
        previous: Record,
        current: Version,
        paragraphs: Sequence[str],
        now: float,
    ) -> StoryFields:
        """The same id again: unchanged, or its next revision (same story; an original is
        re-indexed on its new body)."""
        before = Version(previous["title"], _split(previous["paragraphs"]))
        diff = changes(before, current)
        record: Record = {**previous, "last_seen": now}  # type: ignore[typeddict-item]
        if diff is not None:
            record.update(
                revision=previous["revision"] + 1,
                title=current.title,
                paragraphs="".join(current.paragraphs),
            )
            if previous["duplicate_of"] is None:
                self._remove_bands(article_id, _band_keys(_hashes(previous)))
                hashes = _indexable(shingle_hashes(paragraphs))
                self._add_bands(article_id, _band_keys(hashes))
                record["shingles"] = _encode(hashes)
        self._store(article_id, record)
        return _fields(record, unchanged=diff is None, diff=diff)

    def _original_of(self, hashes: array, keys: list[int]) -> tuple[str | None, float | None]:
        """The first-seen indexed article whose body this one duplicates, and their Jaccard."""
        candidates: set[str] = set()
        for key in keys:
            found = self._bands.get(key)
            if isinstance(found, str):
                candidates.add(found)
            elif found is not None:
                candidates.update(found)
        best: tuple[float, str, float] | None = None  # (first seen, id, similarity)
        for candidate in candidates:
            record = self.records[candidate]
            similarity = jaccard(hashes, _hashes(record))
            if similarity >= DUPLICATE_JACCARD:
                found_one = (record["first_seen"], candidate, similarity)
                best = found_one if best is None or found_one < best else best
        if best is None:
            return None, None
        return best[1], round(best[2], 4)

    # --- the derived state --------------------------------------------------------------------

    def _store(self, article_id: str, record: Record) -> None:
        self.records[article_id] = record  # a new dict: a Faust table logs assignments only
        heapq.heappush(self._expiry, (record["last_seen"], article_id))

    def _add_bands(self, article_id: str, keys: list[int]) -> None:
        for key in keys:
            found = self._bands.get(key)
            if found is None:
                self._bands[key] = article_id
            elif isinstance(found, str):
                self._bands[key] = (found, article_id)
            else:
                self._bands[key] = (*found, article_id)

    def _remove_bands(self, article_id: str, keys: list[int]) -> None:
        for key in keys:
            found = self._bands.get(key)
            if found == article_id:
                del self._bands[key]
            elif isinstance(found, tuple) and article_id in found:
                rest = tuple(other for other in found if other != article_id)
                self._bands[key] = rest[0] if len(rest) == 1 else rest

    def _tick(self, now: float) -> float:
        """Advance the clock to ``now`` (never back) and forget what the window has passed."""
        self._clock = max(self._clock, now)
        horizon = self._clock - self.window_s
        while self._expiry and self._expiry[0][0] < horizon:
            seen, article_id = heapq.heappop(self._expiry)
            record = self.records.get(article_id)
            if record is None or record["last_seen"] != seen:
                continue  # seen again since: a later entry of the queue covers it
            self._remove_bands(article_id, _band_keys(_hashes(record)))
            del self.records[article_id]
        return self._clock


def _fields(record: Record, *, unchanged: bool, diff: dict | None) -> StoryFields:
    return {
        "duplicate_of": record["duplicate_of"],
        "similarity": record["similarity"],
        "story": record["story"],
        "first_in_story": record["duplicate_of"] is None,
        "revision": record["revision"],
        "unchanged": unchanged,
        "changes": diff,  # type: ignore[typeddict-item]
    }


def _indexable(hashes: array) -> array:
    return hashes if len(hashes) >= MIN_SHINGLES else array("I")


def _band_keys(hashes: array) -> list[int]:
    return band_keys(hashes) if hashes else []


def _split(paragraphs: str) -> tuple[str, ...]:
    return tuple(paragraphs[i : i + HASH_CHARS] for i in range(0, len(paragraphs), HASH_CHARS))


def _encode(hashes: array) -> str:
    return base64.b64encode(hashes.tobytes()).decode("ascii")


def _hashes(record: Record) -> array:
    hashes = array("I")
    hashes.frombytes(base64.b64decode(record["shingles"]))
    return hashes
