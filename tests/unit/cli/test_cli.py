"""The ``copydesk`` command as a user runs it: exit codes, stdout, stderr, help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from agents.cli import build_parser
from agents.contracts import problems
from tests.conftest import ROOT

EXAMPLES = ROOT / "agents" / "local" / "examples"


def copydesk(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "agents", *args], input=stdin, capture_output=True, timeout=300
    )


def lines(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines() if line.strip()]


def test_cli_process_until_repair_and_structure(tmp_path: Path) -> None:
    for until, version in (("repair", "repaired-article/1"), ("structure", "structured-article/1")):
        done = copydesk("process", "--until", until, str(EXAMPLES / "harbour-strike.txt"))
        assert done.returncode == 0, done.stderr
        (event,) = lines(done.stdout)
        assert problems(event, version) == []
        assert "Europe’s busiest port" in event["text"]  # the mojibake is gone
        assert "any longer,” said Marieke Jansen" in event["text"]  # the quote lost a byte
    assert [quote["speaker"] for quote in event["quotes"]] == [
        "Marieke Jansen", "The employers’ association",
    ]  # fmt: skip


@pytest.mark.model
def test_cli_process_reports_dead_letters_on_stderr_and_exits_1() -> None:
    done = copydesk("process", str(EXAMPLES / "feed.jsonl"), str(EXAMPLES / "harbour-strike.txt"))
    assert done.returncode == 1
    events, letters = lines(done.stdout), lines(done.stderr)
    assert {e["id"] for e in events} >= {"demo-chip-plant", "demo-council-vote"}
    assert all(problems(e, "enriched-article/1") == [] for e in events)
    assert sorted(letter["kind"] for letter in letters) == [
        "empty", "invalid_json", "schema_violation",
    ]  # fmt: skip
    assert all(problems(letter, "dead-letter/1") == [] for letter in letters)
    assert {letter["origin"]["line"] for letter in letters} == {3, 4, 5}


def test_cli_process_reads_stdin_as_text_or_json_lines() -> None:
    done = copydesk("process", "--until", "repair", "-", stdin=b"Headline\n\nSome text.\n")
    assert done.returncode == 0 and lines(done.stdout)[0]["text"] == "Headline\n\nSome text.\n"
    feed = b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n'
    done = copydesk("process", "--until", "repair", "--format", "jsonl", "-", stdin=feed)
    assert [e["id"] for e in lines(done.stdout)] == ["s1", "s2"]


def test_cli_process_entity_events_one_per_named_entity() -> None:
    done = copydesk("process", "--entity-events", str(EXAMPLES / "harbour-strike.txt"))
    assert done.returncode == 0, done.stderr
    events = lines(done.stdout)
    assert all(problems(event, "article-entity/1") == [] for event in events)
    assert len({event["id"] for event in events}) == 1
    rotterdam = next(e for e in events if e["entity"]["name"] == "Rotterdam")
    assert rotterdam["entity"]["country_code"] == "NL"
    assert rotterdam["article_countries"][0] == "NL"  # the headline's place comes first
    refused = copydesk("process", "--entity-events", "--until", "structure", "-", stdin=b"x")
    assert refused.returncode == 2 and b"--entity-events needs" in refused.stderr


def test_cli_missing_path_is_a_clear_error_with_exit_2() -> None:
    done = copydesk("process", "no/such/file.txt")
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "copydesk: error: no such file or directory: no/such/file.txt"
    )


def test_cli_bad_setting_is_a_clear_error_with_exit_2() -> None:
    done = copydesk("process", "--batch-size", "0", str(EXAMPLES / "harbour-strike.txt"))
    assert done.returncode == 2 and b"COPYDESK_BATCH_SIZE must be at least 1" in done.stderr


def test_cli_every_command_has_help_and_the_readme_shows_it() -> None:
    readme = (ROOT / "README.md").read_text()
    (commands,) = [a for a in build_parser()._actions if isinstance(a.choices, dict)]
    assert set(commands.choices) == {"broker", "worker", "publish", "tail", "process", "demo"}
    for name, parser in commands.choices.items():
        assert parser.description, name
        assert f"copydesk {name}" in readme, f"README does not show 'copydesk {name}'"
        for action in parser._actions:
            assert action.help, (name, action.option_strings or action.dest)
        assert copydesk(name, "--help").returncode == 0
