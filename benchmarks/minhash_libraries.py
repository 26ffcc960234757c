"""Why rensa: MinHash libraries timed and checked on the same bodies.

    pip install datasketch   # rensa is a dependency already
    python -m benchmarks.minhash_libraries

For each library installed: the time to sign one body (its shingles as ``agents.stories`` makes
them, 128 permutations) and how far its Jaccard estimate strays from the exact Jaccard, over
pairs made of the labelled duplicate set's originals (each with a trimmed copy of itself, and
with the next original). The decision and the figures: ``docs/stages/stories.md``.
"""

from __future__ import annotations

import importlib.util
import itertools
import statistics
import time
from collections.abc import Callable

from agents.stories.shingles import jaccard, shingles
from tests.helpers import structured
from tests.quality.duplicate_set import build_duplicate_set

NUM_PERM = 128


def main() -> None:
    bodies = [
        structured(a.text)["paragraphs"] for a in build_duplicate_set() if a.kind == "original"
    ]
    sets = [set(shingles(body)) for body in bodies]
    pairs = [(set(shingles(b)), set(shingles(b[: max(2, len(b) * 2 // 3)]))) for b in bodies]
    pairs += list(itertools.pairwise(sets))
    print(f"{len(sets)} bodies, {statistics.mean(map(len, sets)):.0f} shingles each on average")
    print(f"{'library':34} {'us/body':>8} {'mean |err|':>11} {'max |err|':>10}")
    for name, sign, estimate in _candidates():
        started = time.perf_counter()
        for shingle_set in sets * 3:
            sign(shingle_set)
        per = (time.perf_counter() - started) / (3 * len(sets)) * 1e6
        errors = [abs(estimate(sign(a), sign(b)) - _exact(a, b)) for a, b in pairs]
        print(f"{name:34} {per:8.0f} {statistics.mean(errors):11.3f} {max(errors):10.3f}")


def _exact(a: set[str], b: set[str]) -> float:
    return jaccard(sorted(hash(s) for s in a), sorted(hash(s) for s in b))


def _candidates() -> list[tuple[str, Callable, Callable]]:
    found: list[tuple[str, Callable, Callable]] = []
    if importlib.util.find_spec("rensa"):
        from rensa import RMinHash

        def rensa_sign(tokens: set[str]) -> RMinHash:
            signature = RMinHash(num_perm=NUM_PERM, seed=1)
            signature.update(list(tokens))
            return signature

        found.append(("rensa 0.5 RMinHash", rensa_sign, lambda a, b: a.jaccard(b)))
    if importlib.util.find_spec("datasketch"):
        from datasketch import MinHash

        def datasketch_sign(tokens: set[str]) -> MinHash:
            signature = MinHash(num_perm=NUM_PERM, seed=1)
            signature.update_batch([token.encode("utf-8") for token in tokens])
            return signature

        found.append(
            ("datasketch MinHash, update_batch", datasketch_sign, lambda a, b: a.jaccard(b))
        )
    else:
        print("(datasketch is not installed: pip install datasketch to compare)")
    return found


if __name__ == "__main__":
    main()
