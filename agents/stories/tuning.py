"""The near-duplicate detector's constants, in one place (data, no logic).

Calibrated on the labelled duplicate set (``tests/quality/duplicate_set.py``) with
``python -m benchmarks.duplicates``; the figures are in ``docs/stages/stories.md``.

- Shingles are runs of ``SHINGLE_WORDS`` words *within* a paragraph, so moving a paragraph changes
  nothing and trimming the ending removes exactly that paragraph's shingles.
- A candidate is a duplicate when the exact Jaccard of the two shingle sets is at least
  ``DUPLICATE_JACCARD``: 0.5, the labelling rule's own line (a duplicate keeps at least half of
  the original's body) and midway between the set's closest pair of different stories (0.28, an
  excerpt and its original) and its least similar duplicate (0.73).
- ``NUM_PERM`` MinHash values form the signature, cut into ``BANDS`` bands of ``ROWS`` values:
  two bodies become candidates when one band is equal, which happens with probability
  ``1 - (1 - J**ROWS)**BANDS`` for a Jaccard similarity ``J``: 0.986 at J = 0.5, 0.9995 at 0.6,
  0.58 at 0.3, 0.03 at 0.1 (same-topic articles by different writers sit near 0.02). A missed
  candidate is a missed duplicate; a false one costs one exact comparison. Each band is a key of
  the index's memory, so fewer bands hold more articles in the same memory.
"""

from __future__ import annotations

SHINGLE_WORDS = 3
NUM_PERM = 96
BANDS = 32
ROWS = 3
assert BANDS * ROWS == NUM_PERM

#: The MinHash permutations' seed. Changing it (or rensa's algorithm) changes every band key:
#: the index is rebuilt from the stored shingle hashes, so a change costs a rebuild, not data.
SEED = 20251110

DUPLICATE_JACCARD = 0.5

#: A body with fewer shingles than this is too short to call anything its duplicate: two
#: one-line stubs ("More to follow.") would match each other.
MIN_SHINGLES = 12
