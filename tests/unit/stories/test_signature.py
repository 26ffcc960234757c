from agents.stories.shingles import shingle_hashes
from agents.stories.signature import _BAND_BITS, band_keys
from agents.stories.tuning import BANDS
from tests.unit.stories.bodies import FERRY, FERRY_RIVAL, syndicated


def test_one_key_per_band_and_bands_never_collide():
    keys = band_keys(shingle_hashes(FERRY))
    assert len(keys) == BANDS
    assert len({key >> _BAND_BITS for key in keys}) == BANDS  # the band's number is part of its key


def test_similar_bodies_share_bands_and_different_ones_do_not():
    ferry = set(band_keys(shingle_hashes(FERRY)))
    assert len(ferry & set(band_keys(shingle_hashes(syndicated(FERRY))))) >= 5
    assert not ferry & set(band_keys(shingle_hashes(FERRY_RIVAL)))


def test_band_keys_are_pinned():
    # Derived state, rebuilt from the stored shingle hashes; pinned so a change is seen.
    keys = band_keys(shingle_hashes(["the ferry ran aground off the island"]))
    assert keys[:2] == [59883411455730867850390184129, 139314045747433785379919447311]
