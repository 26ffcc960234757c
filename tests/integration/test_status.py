"""``copydesk status`` against a real broker and the session's real worker: the end offsets it
shows are the records there are, the worker's group catches up to lag 0, and the dead letters are
counted by kind, all from the broker alone."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pytest

from agents.kafka.clients import read_topics
from tests.helpers import copydesk
from tests.integration.conftest import WAIT, RunningPipeline

pytestmark = pytest.mark.integration


def _status(pipeline: RunningPipeline, *flags: str) -> str:
    settings = pipeline.settings
    topics = [f"--topic-{role}={topic}" for role, topic in settings.stage_topics.items()]
    names = [f"--app-id={settings.app_id}", f"--topic-matches={settings.topic_matches}"]
    done = copydesk("status", "--broker", settings.broker, *topics, *names, *flags)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode()


def _story(n: int) -> str:
    return json.dumps(
        {
            "id": f"status-{n}",
            "source": "t",
            "text": f"Bridge {n} reopens\n\nThe bridge in Ghent reopened on Tuesday.",
        }
    )


def test_status_shows_offsets_lag_and_dead_letters(
    pipeline: RunningPipeline, tmp_path: Path
) -> None:
    settings = pipeline.settings
    group, raw, dlq = settings.app_id, settings.topic_raw, settings.topic_dlq
    before = json.loads(_status(pipeline, "--json"))
    bad = {"invalid_json": 2, "empty": 1, "schema_violation": 1}
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(
            [
                *(_story(n) for n in range(6)),
                '{"id": "status-broken", "text": "no end',
                '{"text": "no end either',
                json.dumps({"id": "status-empty", "text": " "}),
                json.dumps({"id": "status-misspelt", "txt": "typo"}),
            ]
        )
        + "\n"
    )
    published = 10
    pipeline.publish(feed)

    # Wait until the worker has processed them all and committed: status says so.
    deadline = time.monotonic() + WAIT
    while True:
        now = json.loads(_status(pipeline, "--json"))
        caught_up = group in now["groups"] and now["groups"][group]["lag"] == 0
        total = now["topics"][raw]["records"] - before["topics"][raw].get("records", 0)
        letters = now["dead_letters"]["total"] - before["dead_letters"]["total"]
        if caught_up and total == published and letters == sum(bad.values()):
            break
        assert time.monotonic() < deadline, (
            f"not caught up in {WAIT} s: {now}\n{pipeline.log_tail()}"
        )
        time.sleep(1)

    # End offsets: what a reader of the raw topic finds, partition by partition.
    counted: Counter[int] = Counter()
    for record in read_topics(settings, [raw], from_beginning=True, timeout=10):
        counted[record.partition] = max(counted[record.partition], record.offset + 1)
    partitions = now["topics"][raw]["partitions"]
    assert {int(n): p["end"] for n, p in partitions.items() if p["end"]} == dict(counted)
    assert now["topics"][raw]["last_minute"] >= published

    # The worker's group: committed up to the end of every partition of its inputs, the raw
    # topic and the stories agent's, which has one event for each article enriched.
    stories = settings.topic_stories
    for topic in (raw, stories):
        for number, part in now["groups"][group]["topics"][topic].items():
            assert (
                part["lag"] == 0
                and part["end"] == now["topics"][topic]["partitions"][number]["end"]
            )
    assert now["topics"][stories]["role"] == "stories"
    grown = now["topics"][stories]["records"] - before["topics"][stories].get("records", 0)
    assert grown == published - sum(bad.values())

    # Dead letters by kind: what was published, as the DLQ itself has them.
    grew = Counter(now["dead_letters"]["by_kind"]) - Counter(before["dead_letters"]["by_kind"])
    assert dict(grew) == bad
    kinds = Counter(
        json.loads(r.value)["kind"]
        for r in read_topics(settings, [dlq], from_beginning=True, timeout=10)
    )
    assert dict(kinds) == now["dead_letters"]["by_kind"]

    # The terminal picture says the same.
    text = _status(pipeline)
    assert f"consumer group {group}: lag 0" in text
    assert f"dead letters: {now['dead_letters']['total']}" in text
    for kind, count in now["dead_letters"]["by_kind"].items():
        assert any(line.split() == [kind, str(count)] for line in text.splitlines()), text
    row = next(line.split() for line in text.splitlines() if line.startswith(raw + " "))
    assert row[:3] == [raw, "raw", str(now["topics"][raw]["records"])]
