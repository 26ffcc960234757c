"""``copydesk rules add | list | remove`` on a real broker's compacted rules topic."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from agents.kafka.rules import rules_in_force
from agents.settings import Settings
from tests.helpers import copydesk

pytestmark = pytest.mark.integration

FERRIES = {"schema": "alert-rule/1", "id": "ferries", "name": "Ferries", "severity": "high",
           "all_of": [{"keyword": "ferry"}]}  # fmt: skip


def test_rules_add_list_replace_remove(broker_url: str, tmp_path: Path) -> None:
    topic = f"t{uuid.uuid4().hex[:10]}.rules"
    where = ["--broker", broker_url, "--topic-rules", topic]
    rules = tmp_path / "rules.jsonl"
    rules.write_text(
        json.dumps(FERRIES) + "\n" + json.dumps({**FERRIES, "id": "quakes", "name": "Quakes"})
    )
    done = copydesk("rules", "add", str(rules), *where)
    assert done.returncode == 0, done.stderr
    assert b"2 of 2 rules added" in done.stderr

    replaced = tmp_path / "replace.json"
    replaced.write_text(json.dumps({**FERRIES, "severity": "low"}))
    assert copydesk("rules", "add", str(replaced), *where).returncode == 0
    listed = copydesk("rules", "list", *where)
    assert listed.stdout.decode().splitlines() == ["ferries\tlow\tFerries", "quakes\thigh\tQuakes"]

    assert copydesk("rules", "remove", "ferries", *where).returncode == 0
    gone = copydesk("rules", "remove", "ferries", *where)
    assert gone.returncode == 1 and b"no rule 'ferries'" in gone.stderr
    in_force = rules_in_force(Settings.from_env({}, broker=broker_url, topic_rules=topic))
    assert list(in_force) == ["quakes"]
    listed = copydesk("rules", "list", "--json", *where)
    assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == ["quakes"]
