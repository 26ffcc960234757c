"""The whole pipeline through a real broker and a real Faust worker, fed by ``copydesk publish``."""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agents.contracts import problems
from agents.local.processes import free_port, start_worker, stop_process
from agents.repair.intake import content_id
from tests.helpers import ARTICLES, EXAMPLES
from tests.integration.conftest import (
    MAX_RECORD_BYTES,
    MAX_TEXT_CHARS,
    SHORT_DEADLINE,
    Outcome,
    RunningPipeline,
    pipeline_settings,
    slow_record,
)
from tests.integration.drills import held_partitions

pytestmark = pytest.mark.integration


def _story(n: int) -> str:
    return (
        f"Ferry service {n} resumes after storm\n\n"
        f"The ferry between the two islands resumed on Monday after a storm closed route {n} "
        "for three days, the operator said.\n\n"
        '"Passengers can book again from today," said Maria Keane, a spokeswoman for the '
        "operator in Galway.\n"
    )


def test_pipeline_enriches_every_published_article(
    pipeline: RunningPipeline, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    ids = {f"ferry-{n}" for n in range(20)}
    feed.write_text(
        "".join(
            json.dumps({"id": f"ferry-{n}", "source": "t", "text": _story(n)}) + "\n"
            for n in range(20)
        )
    )
    bare = EXAMPLES / "river-floods-cp1252.txt"
    page = ARTICLES / "structure-html-jsonld.html"  # sniffed as HTML, read with trafilatura
    ids |= {content_id(bare.read_bytes()), content_id(page.read_bytes())}
    summary = pipeline.publish(feed, bare, page)
    assert "published 22 record(s)" in summary

    outcomes = pipeline.outcomes_for(ids)
    for article_id, outcome in outcomes.items():
        assert outcome.topic == pipeline.settings.topic_enriched, outcome.event
        assert problems(outcome.event, "enriched-article/1") == [], article_id
        assert set(outcome.event["timings"]) == {"repair", "structure", "entities"}
    floods = outcomes[content_id(bare.read_bytes())].event
    assert floods["decoding"]["encoding"] == "cp1252"
    assert "Guaíba" in floods["text"]
    html = outcomes[content_id(page.read_bytes())].event
    assert html["content_type"] == "text/html" and "html" not in html
    assert html["title"] == "Glacier lake drained to protect alpine valley"
    assert html["published"] == "2025-07-14T06:30:00+02:00"
    assert html["sources"]["published"] == "json-ld"
    assert [image["credit"] for image in html["images"]] == [
        "Luca Ferri",
        "Valley Courier/Anna Moser",
    ]


def test_pipeline_intermediate_events_validate(pipeline: RunningPipeline, tmp_path: Path) -> None:
    record = tmp_path / "one.json"
    record.write_text(json.dumps({"id": "stages-1", "text": _story(99)}))
    pipeline.publish(record)
    for topic, version in (
        (pipeline.settings.topic_repaired, "repaired-article/1"),
        (pipeline.settings.topic_structured, "structured-article/1"),
    ):
        seen = pipeline.wait_for(
            lambda s: any(o.event.get("id") == "stages-1" for o in s), topics=[topic]
        )
        (event,) = [o.event for o in seen if o.event.get("id") == "stages-1"]
        assert problems(event, version) == []


def _bad_inputs(tmp_path: Path) -> list[tuple[bytes, str, str, str]]:
    """(value, kind, stage, file) for each kind of bad raw input; one file each."""
    rng = random.Random(11)
    cases = [
        (b'{"id": "bad-json", "text": "the record stops', "invalid_json", "intake"),
        (json.dumps({"id": "bad-type", "text": 42}).encode(), "schema_violation", "intake"),
        (
            json.dumps({"id": "bad-field", "text": "x", "colour": "red"}).encode(),
            "schema_violation",
            "intake",
        ),
        (json.dumps({"id": "bad-empty", "text": "   "}).encode(), "empty", "intake"),
        (b"", "empty", "intake"),
        (b"A" * (MAX_RECORD_BYTES + 1), "too_large", "intake"),
        (
            json.dumps({"id": "bad-long", "text": "word " * (MAX_TEXT_CHARS // 4)}).encode(),
            "too_large",
            "repair",
        ),
        (b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(300)), "binary", "repair"),
        (bytes(rng.randrange(128, 256) for _ in range(3000)), "undecodable", "repair"),
    ]
    out = []
    for n, (value, kind, stage) in enumerate(cases):
        path = tmp_path / f"bad-{n}.bin"
        path.write_bytes(value)
        out.append((value, kind, stage, str(path)))
    return out


def test_pipeline_dead_letters_every_kind_of_bad_input(
    pipeline: RunningPipeline, tmp_path: Path
) -> None:
    bad = _bad_inputs(tmp_path)
    after = tmp_path / "after.json"
    after.write_text(json.dumps({"id": "after-the-bad-ones", "text": _story(7)}))
    pipeline.publish(*(path for *_, path in bad), after)
    expected = [(v, k, s) for v, k, s, _ in bad]
    wanted = {value for value, _, _ in expected}

    def all_there(seen: list) -> bool:
        dead = {base64.b64decode(o.event["value_b64"]) for o in seen if "value_b64" in o.event}
        return wanted <= dead and any(o.event.get("id") == "after-the-bad-ones" for o in seen)

    seen = pipeline.wait_for(all_there)
    letters = {base64.b64decode(o.event["value_b64"]): o for o in seen if "value_b64" in o.event}
    for value, kind, stage in expected:
        letter = letters[value]
        assert letter.topic == pipeline.settings.topic_dlq
        assert (letter.event["kind"], letter.event["stage"]) == (kind, stage), letter.event
        assert len(letter.event["reason"]) > 20 and letter.event["traceback"] is None
        assert letter.event["value_bytes"] == len(value)
        assert problems(letter.event, "dead-letter/1") == []
    keyed = letters[json.dumps({"id": "bad-type", "text": 42}).encode()].event
    assert base64.b64decode(keyed["key_b64"]) == b"bad-type" and keyed["id"] == "bad-type"
    # The stream went on: the good article after the bad ones came through.
    (good,) = [o for o in seen if o.event.get("id") == "after-the-bad-ones"]
    assert good.topic == pipeline.settings.topic_enriched


def test_pipeline_seed_article(
    pipeline: RunningPipeline, seed_path: Path, seed_bytes: bytes, seed_lines: list[str]
) -> None:
    pipeline.publish(seed_path)
    event = pipeline.outcomes_for({content_id(seed_bytes)})[content_id(seed_bytes)].event
    assert problems(event, "enriched-article/1") == []
    assert event["title"] == seed_lines[1]  # the line after the junk line
    assert (event["published"], event["reading_time_minutes"]) == ("2024-12-02", 2)
    assert [image["credit"] for image in event["images"]] == ["Getty"]
    places = {e["name"]: e.get("country_code") for e in event["entities"]}
    for name, code in {"Syria": "SY", "Iraq": "IQ", "Aleppo": "SY", "Baghdad": "IQ"}.items():
        assert places.get(name) == code, (name, places.get(name))

    # The per-entity topic: one event for each named entity, keyed by the entity's key.
    named = {e["key"]: e for e in event["entities"] if "salience" in e}

    def all_entities(seen: list[Outcome]) -> bool:
        return set(named) <= {
            o.event["entity"]["key"] for o in seen if o.event["id"] == event["id"]
        }

    seen = pipeline.wait_for(all_entities, topics=[pipeline.settings.topic_entities])
    mine = [o for o in seen if o.event["id"] == event["id"]]
    assert len(mine) == len(named)
    for outcome in mine:
        assert problems(outcome.event, "article-entity/1") == []
        assert outcome.key == outcome.event["entity"]["key"].encode()
        assert outcome.event["entity"] == named[outcome.event["entity"]["key"]]
    (hts,) = [o.event for o in mine if o.event["entity"]["name"] == "Hayat Tahrir al-Sham"]
    assert _key_of(event, "Aleppo") in hts["co_entities"]
    assert hts["article_countries"][:2] == ["SY", "IQ"]


def _key_of(event: dict, name: str) -> str:
    return next(e["key"] for e in event["entities"] if e["name"] == name)


def test_pipeline_runs_under_the_faust_command(broker_url: str, tmp_path: Path) -> None:
    settings = pipeline_settings(broker_url, tmp_path)
    running = RunningPipeline(settings, tmp_path / "faust.log")
    command = [sys.executable, "-m", "faust", "-A", "agents.streaming.app", "worker"]
    command += ["--web-port", str(settings.web_port), "-l", "info"]
    with open(running.log, "wb") as log:
        running.worker = subprocess.Popen(
            command, env={**os.environ, **settings.as_env()}, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        record = tmp_path / "one.json"
        record.write_text(json.dumps({"id": "via-faust", "text": _story(3)}))
        running.publish(record)
        outcome = running.outcomes_for({"via-faust"})["via-faust"]
        assert outcome.topic == settings.topic_enriched
    finally:
        assert stop_process(running.worker) == 0, running.log_tail()


def test_pipeline_two_workers_share_the_work(broker_url: str, tmp_path: Path) -> None:
    settings = pipeline_settings(broker_url, tmp_path, partitions=4)
    first = RunningPipeline(settings, tmp_path / "first.log")
    second = dataclasses.replace(settings, web_port=free_port())
    logs = [first.log, tmp_path / "second.log"]
    workers = [start_worker(settings, logs[0]), start_worker(second, logs[1])]
    try:
        # Wait until the group has settled with both members before feeding it.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not all(_split(logs, settings.topic_raw)):
            time.sleep(0.2)
        feed = tmp_path / "feed.jsonl"
        feed.write_text(
            "".join(json.dumps({"id": f"pair-{n}", "text": _story(n)}) + "\n" for n in range(40))
        )
        first.publish(feed)
        outcomes = first.outcomes_for({f"pair-{n}" for n in range(40)})
        assert {o.topic for o in outcomes.values()} == {settings.topic_enriched}
    finally:
        codes = [stop_process(worker) for worker in workers]
    assert codes == [0, 0], first.log_tail()
    # Each worker's last assignment (Faust logs it as a table) holds half the raw partitions.
    held = _split(logs, settings.topic_raw)
    assert all(held) and held[0] | held[1] == {0, 1, 2, 3} and not held[0] & held[1], held


def _split(logs: list[Path], topic: str) -> list[set[int]]:
    """The partitions of ``topic`` each worker was last assigned, read from its log."""
    return [held_partitions(log, topic) for log in logs]


def test_pipeline_dead_letters_a_record_past_its_deadline_and_goes_on(
    broker_url: str, tmp_path: Path
) -> None:
    """A record that holds the entity stage for longer than its deadline is stopped: the worker
    replaces its compute process, dead-letters the record as ``deadline`` with its original
    bytes, and the records published after it still come out.

    The slow record and the deadline: :func:`slow_record`.
    """
    settings = pipeline_settings(broker_url, tmp_path, partitions=1, record_deadline=SHORT_DEADLINE)
    running = RunningPipeline(settings, tmp_path / "deadline.log")
    running.worker = start_worker(settings, running.log)
    try:
        slow = slow_record(tmp_path / "slow.txt")
        feed = tmp_path / "feed.jsonl"
        feed.write_text(
            "".join(json.dumps({"id": f"next-{n}", "text": _story(n)}) + "\n" for n in range(5))
        )
        running.publish(slow, feed)
        slow_id = content_id(slow.read_bytes())
        outcomes = running.outcomes_for({slow_id} | {f"next-{n}" for n in range(5)})
        # One partition: the records after the slow one come out in the order they went in.
        enriched = running.wait_for(lambda seen: len(seen) >= 5, [settings.topic_enriched])
    finally:
        assert stop_process(running.worker) == 0, running.log_tail()
    letter = outcomes[slow_id]
    assert letter.topic == settings.topic_dlq
    assert (letter.event["kind"], letter.event["stage"]) == ("deadline", "entities")
    assert base64.b64decode(letter.event["value_b64"]) == slow.read_bytes()
    assert letter.event["ran_ms"] >= letter.event["deadline_ms"] > 1000
    assert problems(letter.event, "dead-letter/1") == []
    assert [o.event["id"] for o in enriched] == [f"next-{n}" for n in range(5)]
    for n in range(5):
        outcome = outcomes[f"next-{n}"]
        assert outcome.topic == settings.topic_enriched
        assert problems(outcome.event, "enriched-article/1") == []
