"""A body's shingles, hashed: the set both MinHash and the exact Jaccard are computed over.

Words are casefolded runs of letters and digits, so punctuation, curly or straight quotes and
case (what syndication and repair change most) do not count. Shingles never cross a paragraph
boundary: an outlet that reorders paragraphs or trims the last ones changes only those.

>>> hashes = shingle_hashes(["The river rose overnight.", "Schools are closed."])
>>> len(hashes)  # 2 shingles in the first paragraph, 1 in the second
3
>>> jaccard(hashes, shingle_hashes(["Schools are closed!", "the river ROSE overnight"]))
1.0
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence

from rensa import RMinHash

from agents.stories.tuning import SHINGLE_WORDS

_WORD = re.compile(r"\w+")
#: Shingle hashes are kept to 32 bits: 4 bytes each in the index. Two bodies of 500 shingles
#: share a false hash with probability about 500 * 500 / 2**32, so the Jaccard stays exact.
_MASK = 0xFFFFFFFF


def words(paragraph: str) -> list[str]:
    return _WORD.findall(paragraph.casefold())


def shingles(paragraphs: Sequence[str], size: int = SHINGLE_WORDS) -> list[str]:
    """Runs of ``size`` words within each paragraph (a shorter paragraph is one shingle)."""
    found: list[str] = []
    for paragraph in paragraphs:
        found_words = words(paragraph)
        if len(found_words) <= size:
            if found_words:
                found.append(" ".join(found_words))
            continue
        found.extend(
            " ".join(found_words[i : i + size]) for i in range(len(found_words) - size + 1)
        )
    return found


def shingle_hashes(paragraphs: Sequence[str]) -> array:
    """The body's distinct shingles as sorted 32-bit hashes (rensa's token hash, truncated)."""
    (hashes,) = RMinHash.hash_token_sets([shingles(paragraphs)])
    return array("I", sorted({h & _MASK for h in hashes}))


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Exact Jaccard similarity of two hash sets: shared over all."""
    if not a and not b:
        return 0.0
    shared = len(set(a).intersection(b))
    return shared / (len(a) + len(b) - shared)
