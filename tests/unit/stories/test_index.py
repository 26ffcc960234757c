import pytest

from agents.stories import StoryIndex
from agents.stories.tuning import BANDS, DUPLICATE_JACCARD
from tests.unit.stories.bodies import FERRY, FERRY_RIVAL, HARBOUR, reordered, syndicated

DAY = 86_400.0


def new_index(records=None, window_s=7 * DAY):
    return StoryIndex({} if records is None else records, window_s=window_s)


def test_the_first_article_starts_its_story():
    mark = new_index().see("ferry-1", "Ferry aground", FERRY, 0)
    assert mark == {
        "duplicate_of": None,
        "similarity": None,
        "story": "ferry-1",
        "first_in_story": True,
        "revision": 1,
        "unchanged": False,
        "changes": None,
    }


def test_a_syndicated_copy_is_a_duplicate_in_the_same_story():
    index = new_index()
    index.see("ferry-1", "Ferry aground off Valdre", FERRY, 0)
    mark = index.see("ferry-copy", "212 rescued as ferry hits sandbank", syndicated(FERRY), 60)
    assert mark["duplicate_of"] == "ferry-1"
    assert mark["story"] == "ferry-1"
    assert not mark["first_in_story"]
    assert DUPLICATE_JACCARD <= mark["similarity"] < 1


def test_reordered_paragraphs_are_the_same_body():
    index = new_index()
    index.see("ferry-1", None, FERRY, 0)
    assert index.see("ferry-2", None, reordered(FERRY), 1)["similarity"] == 1.0


def test_another_agency_on_the_same_event_is_another_story():
    index = new_index()
    index.see("ferry-1", None, FERRY, 0)
    mark = index.see("ferry-rival", None, FERRY_RIVAL, 1)
    assert mark["duplicate_of"] is None and mark["story"] == "ferry-rival"


def test_a_copy_of_a_copy_points_at_the_first_article():
    index = new_index()
    index.see("ferry-1", None, FERRY, 0)
    index.see("ferry-2", None, syndicated(FERRY), 1)
    mark = index.see("ferry-3", None, syndicated(FERRY), 2)
    assert (mark["duplicate_of"], mark["story"]) == ("ferry-1", "ferry-1")


def test_an_unchanged_resend_is_marked_and_keeps_its_story():
    index = new_index()
    index.see("ferry-1", None, FERRY, 0)
    index.see("ferry-2", "Copy", syndicated(FERRY), 1)
    again = index.see("ferry-2", "Copy", syndicated(FERRY), 2)
    assert again["unchanged"] and again["revision"] == 1 and again["changes"] is None
    assert again["duplicate_of"] == "ferry-1"


def test_a_changed_body_is_the_next_revision():
    index = new_index()
    index.see("ferry-1", "Ferry aground", FERRY[:3], 0)
    second = index.see("ferry-1", "Ferry aground, 212 rescued", FERRY[:4], 10)
    assert second["revision"] == 2 and not second["unchanged"]
    assert second["changes"] == {
        "title_changed": True,
        "paragraphs_added": [3],
        "paragraphs_removed": [],
    }
    assert second["story"] == "ferry-1" and second["first_in_story"]
    third = index.see("ferry-1", "Ferry aground, 212 rescued", FERRY, 20)
    assert third["revision"] == 3
    # The index holds the latest version: a copy of it is found.
    assert index.see("ferry-copy", None, FERRY[1:], 30)["duplicate_of"] == "ferry-1"


def test_short_bodies_are_never_duplicates():
    index = new_index()
    index.see("stub-1", None, ["More to follow."], 0)
    assert index.see("stub-2", None, ["More to follow."], 1)["duplicate_of"] is None
    assert index.see("empty", None, [], 2)["story"] == "empty"


def test_the_window_forgets_and_memory_stays_flat():
    index = new_index(window_s=DAY)
    index.see("ferry-1", None, FERRY, 0)
    # Within the window: found. A day and more later: forgotten, so the copy starts a story.
    assert index.see("ferry-2", None, syndicated(FERRY), DAY - 1)["duplicate_of"] == "ferry-1"
    assert index.see("ferry-3", None, syndicated(FERRY), 2 * DAY)["duplicate_of"] is None
    assert "ferry-1" not in index.records and "ferry-2" not in index.records
    sizes = []
    for hour in range(24 * 6):  # six days of one harbour article an hour
        index.see(f"h{hour}", None, [f"Update {hour}.", *HARBOUR], 2 * DAY + hour * 3600)
        sizes.append((len(index), index.band_count()))
    # A day's articles (and one more), and the first, kept alive by its copies.
    assert {records for records, _ in sizes[-48:]} == {26}
    assert max(bands for _, bands in sizes) <= 25 * BANDS


def test_copies_keep_their_original_alive():
    index = new_index(window_s=DAY)
    index.see("ferry-1", None, FERRY, 0)
    for day in range(1, 5):  # republished every day, for longer than the window
        assert index.see(f"copy-{day}", None, syndicated(FERRY), day * DAY)["story"] == "ferry-1"


def test_time_never_runs_backwards():
    index = new_index(window_s=DAY)
    index.see("h1", None, HARBOUR, 10 * DAY)
    # Stamped long ago, but seen now: it is not forgotten at once, and h1 is still there.
    index.see("late", None, FERRY, 0)
    assert {"h1", "late"} <= set(index.records)


def test_a_restarted_index_knows_what_it_knew():
    records: dict = {}
    index = new_index(records)
    index.see("ferry-1", None, FERRY, 0)
    index.see("ferry-1", "T", FERRY[:4], 5)
    restarted = new_index(dict(records))  # as a Faust table restored from its changelog
    assert restarted.see("ferry-2", None, syndicated(FERRY), 9)["duplicate_of"] == "ferry-1"
    assert restarted.see("ferry-1", "T", FERRY, 10)["revision"] == 3


def test_records_are_replaced_not_changed_in_place():
    class Logged(dict):
        """A Faust table sends to its changelog on assignment only."""

        def __init__(self):
            super().__init__()
            self.writes = []

        def __setitem__(self, key, value):
            self.writes.append((key, value))
            super().__setitem__(key, value)

    records = Logged()
    index = new_index(records)
    index.see("ferry-1", None, FERRY, 0)
    first = dict(records["ferry-1"])
    index.see("ferry-1", None, FERRY[:2], 5)
    assert first == records.writes[0][1]  # the first write's value was not touched
    assert records.writes[-1][1]["revision"] == 2


def test_the_window_must_be_positive():
    with pytest.raises(ValueError, match="window"):
        new_index(window_s=0)
