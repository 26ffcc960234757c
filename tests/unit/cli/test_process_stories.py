"""``copydesk process`` marks stories, revisions and watchlist matches for the records of a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agents.contracts import problems
from tests.helpers import copydesk, json_lines
from tests.unit.stories.bodies import FERRY, FERRY_RIVAL, syndicated

RULE = {
    "schema": "alert-rule/1", "id": "groundings", "name": "Ships aground", "severity": "high",
    "all_of": [{"keyword": "ran aground"}], "any_of": [{"keyword": "coastguard"}],
}  # fmt: skip


def record(article_id: str, title: str, paragraphs: list[str]) -> str:
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return json.dumps({"id": article_id, "source": "wire", "text": text})


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    lines = [
        record("ferry-1", "Ferry runs aground off Valdre", FERRY[:4]),
        record("ferry-copy", "All 212 rescued as ferry hits sandbank", syndicated(FERRY[:4])),
        record("ferry-rival", "Hundreds rescued from stranded ferry", FERRY_RIVAL),
        record("ferry-1", "Ferry runs aground off Valdre", FERRY[:4]),  # re-sent as it was
        record("ferry-1", "Ferry runs aground off Valdre, 212 rescued", FERRY),  # updated
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.model
def test_process_marks_duplicates_stories_and_revisions(feed: Path) -> None:
    done = copydesk("process", str(feed))
    assert done.returncode == 0, done.stderr
    events = json_lines(done.stdout)
    assert all(problems(e, "enriched-article/1") == [] for e in events)
    fields = ("id", "duplicate_of", "story", "first_in_story", "revision", "unchanged")
    assert [tuple(e[f] for f in fields) for e in events] == [
        ("ferry-1", None, "ferry-1", True, 1, False),
        ("ferry-copy", "ferry-1", "ferry-1", False, 1, False),
        ("ferry-rival", None, "ferry-rival", True, 1, False),
        ("ferry-1", None, "ferry-1", True, 1, True),
        ("ferry-1", None, "ferry-1", True, 2, False),
    ]
    assert 0.3 <= events[1]["similarity"] < 1
    assert events[4]["changes"] == {
        "title_changed": True,
        "paragraphs_added": [4, 5],
        "paragraphs_removed": [],
    }


@pytest.mark.model
def test_process_alerts_once_for_a_story_and_its_update(feed: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(RULE))
    done = copydesk("process", "--rules", str(rules), "--alerts", str(feed))
    assert done.returncode == 0, done.stderr
    matches = json_lines(done.stdout)
    assert all(problems(m, "alert-match/1") == [] for m in matches)
    # The story breaks: one match; its copy and the unchanged re-send: none; the update: one,
    # saying so. The rival agency's account mentions no coastguard.
    assert [(m["id"], m["revision"]) for m in matches] == [("ferry-1", 1), ("ferry-1", 2)]
    first = matches[0]
    assert first["rule_id"] == "groundings" and first["story"] == "ferry-1"
    assert [m["condition"] for m in first["matched"]] == ["keyword", "keyword"]
    text_of = json_lines(copydesk("process", str(feed)).stdout)[0]["text"]
    (mention,) = first["matched"][0]["mentions"]
    assert text_of[mention["start"] : mention["end"]] == "ran aground"
    assert matches[1]["why"].endswith("first in its story; revision 2")
