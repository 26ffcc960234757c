"""Rule files for ``copydesk rules add`` and ``copydesk process --rules``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agents.cli.rules import RuleFileError, describe_rule, read_rule_files, watchlist_of
from tests.helpers import copydesk

FERRIES = {"schema": "alert-rule/1", "id": "ferries", "name": "Ferries", "severity": "high",
           "all_of": [{"keyword": "ferry"}]}  # fmt: skip


def write(path: Path, content: object) -> str:
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def test_one_rule_a_list_or_json_lines(tmp_path: Path) -> None:
    other = {**FERRIES, "id": "other"}
    one = write(tmp_path / "one.json", FERRIES)
    many = write(tmp_path / "many.json", [FERRIES, other])
    lines = write(tmp_path / "r.jsonl", json.dumps(FERRIES) + "\n\n" + json.dumps(other) + "\n")
    found = read_rule_files([one, many, lines])
    assert [r["id"] for r in found] == ["ferries", "ferries", "other", "ferries", "other"]
    assert list(watchlist_of(found).rules) == ["ferries", "other"]
    assert describe_rule(FERRIES) == "ferries\thigh\tFerries"


def test_a_bad_rule_is_named_with_its_file_and_field(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.json", [FERRIES, {**FERRIES, "id": "x", "severity": "urgent"}])
    with pytest.raises(RuleFileError, match=r"bad.json, rule 2 \('x'\).*field 'severity'"):
        read_rule_files([bad])
    with pytest.raises(RuleFileError, match="is not JSON"):
        read_rule_files([write(tmp_path / "junk.json", "{nope")])
    with pytest.raises(RuleFileError, match="cannot read rule file"):
        read_rule_files([str(tmp_path / "missing.json")])


def test_the_commands_refuse_bad_rules_before_reaching_a_broker(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.json", {**FERRIES, "all_of": []})
    done = copydesk("rules", "add", bad, "--broker", "kafka://127.0.0.1:1")
    assert done.returncode == 2 and b"bad.json, rule 1" in done.stderr
    done = copydesk("process", "--until", "repair", "--rules", bad, "-", stdin=b"Text.")
    assert done.returncode == 2 and b"--rules and --alerts need the entities stage" in done.stderr
