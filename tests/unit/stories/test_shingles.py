from agents.stories.shingles import jaccard, shingle_hashes, shingles
from tests.unit.stories.bodies import FERRY, FERRY_RIVAL


def test_shingles_stay_within_a_paragraph():
    assert shingles(["one two three four", "five six"]) == [
        "one two three",
        "two three four",
        "five six",
    ]


def test_case_and_punctuation_do_not_count():
    assert shingle_hashes(["“Quake” hits, again!"]) == shingle_hashes(['"quake" HITS again'])


def test_hashes_are_sorted_and_distinct():
    hashes = shingle_hashes(["a b c a b c a b c"])
    assert len(hashes) == 3  # "a b c", "b c a", "c a b"
    assert list(hashes) == sorted(set(hashes))


def test_hashes_are_pinned():
    # Stored in the index's changelog: the same in every process, and across upgrades. If rensa
    # changes its token hash, this fails, and a stored index would need rebuilding from scratch.
    assert list(shingle_hashes(["the ferry ran aground off the island"])) == [
        2251280724, 2425810164, 3215030229, 3264552343, 3903047871,
    ]  # fmt: skip


def test_jaccard_is_exact():
    a = shingle_hashes(FERRY)
    assert jaccard(a, a) == 1.0
    assert jaccard(a, shingle_hashes(FERRY[:3])) == len(shingle_hashes(FERRY[:3])) / len(a)
    assert jaccard(a, shingle_hashes(FERRY_RIVAL)) < 0.05
    assert jaccard([], []) == 0.0
