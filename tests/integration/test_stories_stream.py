"""Stories and watchlists in the stream: two real workers, the embedded broker, a restart.

The articles are the labelled duplicate set's (``tests/quality/duplicate_set.py``): the Reuters
report of the Malatya earthquake, four syndicated copies of it, the AFP report of the same quake
(written independently: another story) and the next day's report (another story again). Their ids
are their keys, which hash to partitions 1, 2 and 3 of four: the copies are computed on other
partitions than their original, by both workers (each holds two raw partitions), and meet in the
one story index of the stories partition.
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest
from kafka.partitioner.default import murmur2

from agents.contracts import problems
from agents.local.processes import free_port, start_worker, stop_process
from agents.streaming import RULE_LOGGED
from tests.helpers import copydesk
from tests.integration.conftest import Outcome, RunningPipeline, pipeline_settings
from tests.integration.test_pipeline_kafka import _split
from tests.quality.duplicate_set import LabelledArticle, build_duplicate_set

pytestmark = pytest.mark.integration

PARTITIONS = 4
REUTERS = "w3ce8af05302"  # 001-turkey-quake-malatya-reuters: the story that breaks
AFP = "wec15f4e04cf"  # 002-turkey-quake-malatya-afp: the same quake, written independently
DAY_TWO = "wb020a518d0a"  # 006-turkey-quake-rescue-day-two: another story on it
RULE = {"schema": "alert-rule/1", "id": "malatya", "name": "Malatya", "severity": "high",
        "all_of": [{"keyword": "Malatya"}]}  # fmt: skip


def _articles() -> dict[str, LabelledArticle]:
    return {article.id: article for article in build_duplicate_set()}


def _feed(path: Path, articles: list[LabelledArticle]) -> Path:
    path.write_text(
        "".join(
            json.dumps({"id": a.id, "source": a.source, "text": a.text}) + "\n" for a in articles
        )
    )
    return path


def _partition(article_id: str) -> int:
    """The raw partition ``copydesk publish`` sends an id to (kafka-python's partitioner)."""
    return (murmur2(article_id.encode()) & 0x7FFFFFFF) % PARTITIONS


def _wait_for_log(logs: list[Path], line: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(line in (log.read_text(errors="replace") if log.exists() else "") for log in logs):
            return
        time.sleep(0.2)
    raise AssertionError(f"no {line!r} in every worker's log after {timeout} s")


def _enriched(running: RunningPipeline, ids: set[str]) -> dict[str, dict]:
    outcomes = running.outcomes_for(ids)
    for article_id, outcome in outcomes.items():
        assert outcome.topic == running.settings.topic_enriched, outcome.event
        assert problems(outcome.event, "enriched-article/1") == [], article_id
    return {article_id: outcome.event for article_id, outcome in outcomes.items()}


def test_copies_on_two_workers_make_one_story_one_alert_and_survive_a_restart(
    broker_url: str, tmp_path: Path
) -> None:
    articles = _articles()
    copies = [a for a in articles.values() if a.expected_duplicate_of == REUTERS]
    late_copy = next(a for a in articles.values() if a.expected_duplicate_of == AFP)
    assert len(copies) == 4 and len({_partition(a.id) for a in copies} - {_partition(REUTERS)}) > 1

    settings = pipeline_settings(broker_url, tmp_path, partitions=PARTITIONS)
    first = RunningPipeline(settings, tmp_path / "first.log")
    second = dataclasses.replace(settings, web_port=free_port())
    logs = [first.log, tmp_path / "second.log"]
    workers = [start_worker(settings, logs[0]), start_worker(second, logs[1])]
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not all(_split(logs, settings.topic_raw)):
            time.sleep(0.2)
        # Before the rule: the AFP report, which the rule would match.
        first.publish(_feed(tmp_path / "afp.jsonl", [articles[AFP]]))
        _enriched(first, {AFP})

        # The rule, added while the workers run; both have read it before the next article.
        rule_file = tmp_path / "rule.json"
        rule_file.write_text(json.dumps(RULE))
        where = ["--broker", broker_url, "--topic-rules", settings.topic_rules]
        added = copydesk("rules", "add", str(rule_file), *where)
        assert added.returncode == 0, added.stderr
        _wait_for_log(logs, f"{RULE_LOGGED} malatya: in force")

        # The story breaks, then its copies come on other partitions, then the next day's story.
        first.publish(_feed(tmp_path / "reuters.jsonl", [articles[REUTERS]]))
        _enriched(first, {REUTERS})
        first.publish(_feed(tmp_path / "copies.jsonl", copies))
        first.publish(_feed(tmp_path / "day-two.jsonl", [articles[DAY_TWO]]))
        events = _enriched(first, {REUTERS, AFP, DAY_TWO} | {a.id for a in copies})
        # The day-two alert comes after every other match of the rule (one key, one partition).
        seen = first.wait_for(
            lambda s: any(o.event["id"] == DAY_TWO for o in s), topics=[settings.topic_matches]
        )
        held = _split(logs, settings.topic_raw)
    finally:
        codes = [stop_process(worker) for worker in workers]
    assert codes == [0, 0], first.log_tail()

    # Each worker held raw partitions of the story's articles: copies were computed on both.
    story_partitions = {_partition(REUTERS)} | {_partition(a.id) for a in copies}
    assert all(story_partitions & mine for mine in held), (held, story_partitions)

    original = events[REUTERS]
    assert (original["story"], original["duplicate_of"], original["first_in_story"]) == (
        REUTERS,
        None,
        True,
    )
    for copy in copies:
        event = events[copy.id]
        assert (event["story"], event["duplicate_of"], event["first_in_story"]) == (
            REUTERS,
            REUTERS,
            False,
        ), copy.id
        assert 0.5 <= event["similarity"] <= 1
    for other in (AFP, DAY_TWO):
        assert (events[other]["story"], events[other]["duplicate_of"]) == (other, None)

    # One alert for the story, none for its copies nor for what came before the rule.
    alerts: list[Outcome] = seen
    assert [o.event["id"] for o in alerts] == [REUTERS, DAY_TWO]
    for outcome in alerts:
        assert problems(outcome.event, "alert-match/1") == []
        assert outcome.key == b"malatya" and outcome.event["severity"] == "high"
    assert alerts[0].event["story"] == REUTERS and "Malatya" in alerts[0].event["why"]

    # A worker started again restores the index from its table's changelog: a copy of the AFP
    # report, published after the restart, is still its duplicate.
    again = RunningPipeline(settings, tmp_path / "again.log")
    again.worker = start_worker(settings, again.log)
    try:
        again.publish(_feed(tmp_path / "late.jsonl", [late_copy]))
        late = _enriched(again, {late_copy.id})[late_copy.id]
    finally:
        assert stop_process(again.worker) == 0, again.log_tail()
    assert (late["duplicate_of"], late["story"]) == (AFP, AFP)
