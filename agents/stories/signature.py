"""MinHash signatures and their LSH band keys.

rensa computes the signature from the shingle hashes (``docs/stages/stories.md`` says why rensa
and not datasketch); the band keys are ours, because they are what the index is keyed by. A key
is the band's values themselves with the band's number above them, so two bodies share a key
exactly when they share that band: no second hash, no collisions.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from rensa import RMinHash

from agents.stories.tuning import BANDS, NUM_PERM, ROWS, SEED

_BAND_BITS = 32 * ROWS


def band_keys(hashes: Sequence[int]) -> list[int]:
    """One key per band of the body's MinHash signature; an equal key means a similar body."""
    (signature,) = RMinHash.digest_matrix_from_token_hash_sets(
        [hashes], num_perm=NUM_PERM, seed=SEED
    ).to_rows()
    values = array("I", signature).tobytes()
    width = ROWS * 4
    return [
        (band << _BAND_BITS) | int.from_bytes(values[band * width : (band + 1) * width], "little")
        for band in range(BANDS)
    ]
