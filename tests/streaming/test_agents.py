"""The Faust agent, driven with ``agent.test_context()``: no broker, the real compute process.

What the agent sends is captured at the producer. The points here: one agent reads the
raw topic and publishes every stage's events, each record's in order and the records in the order
they came; bad records are dead-lettered with their original bytes and the agent goes on; a
record is acked only once its events are sent. The same paths through a real broker are in
tests/integration.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from agents.contracts import problems
from agents.settings import Settings
from agents.streaming.agents import CopydeskAgents
from agents.streaming.app import build_app
from agents.streaming.transport import CopydeskApp

pytestmark = pytest.mark.model

#: Every send, in order: (topic role, key, decoded value).
Sent = list[tuple[str, bytes | None, dict]]


@pytest.fixture
def app(tmp_path: Path) -> CopydeskApp:
    """An app built from explicit settings: no environment read, nothing written but tmp_path."""
    return build_app(Settings.from_env({}, app_id="agents-test", datadir=str(tmp_path)))


@pytest.fixture
def agents(app: CopydeskApp) -> CopydeskAgents:
    yield app.copydesk
    app.copydesk.compute.close()


@pytest.fixture
def sent(agents: CopydeskAgents, app: CopydeskApp, monkeypatch: pytest.MonkeyPatch) -> Sent:
    """Every message the agent hands the producer, by topic role, values decoded."""
    captured: Sent = []
    roles = {
        getattr(agents.topics, role).get_topic_name(): role
        for role in ("repaired", "structured", "enriched", "entities", "dlq", "stories", "matches")
    }

    async def send(topic: str, key: bytes | None, value: bytes, *_: object, **__: object) -> None:
        if topic in roles:  # not the story table's changelog
            captured.append((roles[topic], key, json.loads(value)))

    monkeypatch.setattr(app.producer, "send", send)
    app.finalize()
    app.flow_control.resume()
    return captured


def drive(
    agent: object, records: list[tuple[bytes | None, bytes]], until: Callable[[], bool]
) -> None:
    """Put ``records`` to ``agent``; keep it running until ``until()``."""

    async def scenario() -> None:
        async with agent.test_context() as running:  # type: ignore[attr-defined]
            for key, value in records:
                await running.put(value, key=key)
            for _ in range(1200):
                if until():
                    break
                await asyncio.sleep(0.05)

    asyncio.run(scenario())


def _story(n: int) -> bytes:
    text = (
        f"Talks resume in Geneva, round {n}\n\n"
        "Diplomats met in Geneva on Monday, officials said. “We are close,” said Anna Berg.\n"
    )
    return json.dumps({"id": f"story-{n}", "text": text}).encode()


def test_agent_publishes_every_stage_in_order_and_dead_letters_bad_records(
    sent: Sent, agents: CopydeskAgents
) -> None:
    records = [
        (b"story-0", _story(0)),
        (None, b"{broken"),
        (b"story-1", _story(1)),
        (b"x", b""),
        (b"story-2", _story(2)),
    ]
    drive(agents.pipeline, records, until=lambda: sum(r == "dlq" for r, _, _ in sent) == 2)
    # Each record's outputs together, the records in the order they came.
    runs: list[tuple[str | None, list[str]]] = []
    for role, _, event in sent:
        owner = event.get("id") if role != "dlq" else base64.b64decode(event["value_b64"])
        if not runs or runs[-1][0] != owner:
            runs.append((owner, []))
        runs[-1][1].append(role)
    assert [owner for owner, _ in runs] == ["story-0", b"{broken", "story-1", b"", "story-2"]
    for owner, roles in runs:
        if isinstance(owner, bytes):
            assert roles == ["dlq"]
        else:
            assert roles[:3] == ["repaired", "structured", "stories"]  # enriched, to be marked
            assert set(roles[3:]) == {"entities"}  # Geneva, Anna Berg
    letters = [event for role, _, event in sent if role == "dlq"]
    assert [(e["stage"], e["kind"]) for e in letters] == [
        ("intake", "invalid_json"),
        ("intake", "empty"),
    ]
    for role, key, event in sent:
        version = {
            "repaired": "repaired-article/1",
            "structured": "structured-article/1",
            "stories": "enriched-article/1",
            "entities": "article-entity/1",
            "dlq": "dead-letter/1",
        }[role]
        assert problems(event, version) == [], (role, event)
        if role == "entities":
            assert key == event["entity"]["key"].encode()
        elif role != "dlq":
            assert key == event["id"].encode()
    status = agents.status.snapshot()
    assert status["records"]["entities/ok"] == 3
    assert status["dead_letters"] == {"intake/invalid_json": 1, "intake/empty": 1}
    assert status["published"] == len(sent)


def test_stories_agent_marks_copies_matches_the_rules_and_dead_letters_the_rest(
    sent: Sent, agents: CopydeskAgents
) -> None:
    """The stories agent over what the raw agent sent it: an original and a syndicated copy
    (from the labelled duplicate set) and a record that is not an enriched event."""
    from tests.quality.duplicate_set import build_duplicate_set

    articles = {a.id: a for a in build_duplicate_set()}
    original = articles["w3ce8af05302"]
    copy = next(a for a in articles.values() if a.expected_duplicate_of == original.id)
    records = [
        (a.id.encode(), json.dumps({"id": a.id, "source": a.source, "text": a.text}).encode())
        for a in (original, copy)
    ]
    drive(agents.pipeline, records, until=lambda: sum(r == "stories" for r, _, _ in sent) == 2)
    enriched = [(key, json.dumps(event).encode()) for role, key, event in sent if role == "stories"]
    sent.clear()
    agents.stories.watchlist.apply(
        "malatya",
        {"schema": "alert-rule/1", "id": "malatya", "name": "Malatya", "severity": "high",
         "all_of": [{"keyword": "Malatya"}]},
    )  # fmt: skip
    drive(
        agents.stories.agent,
        [*enriched, (b"x", b"not an event")],
        until=lambda: any(role == "dlq" for role, _, _ in sent),
    )
    assert [(role, key) for role, key, _ in sent] == [
        ("enriched", original.id.encode()),
        ("matches", b"malatya"),
        ("enriched", copy.id.encode()),
        ("dlq", b"x"),
    ]
    (first, match, second, letter) = [event for _, _, event in sent]
    assert (first["story"], first["duplicate_of"], first["revision"]) == (original.id, None, 1)
    assert (second["story"], second["duplicate_of"]) == (original.id, original.id)
    assert (match["id"], match["rule_id"]) == (original.id, "malatya")
    assert (letter["stage"], letter["kind"]) == ("stories", "stage_error")
    assert base64.b64decode(letter["value_b64"]) == b"not an event"
    for (role, _, event), version in zip(
        sent,
        ["enriched-article/1", "alert-match/1", "enriched-article/1", "dead-letter/1"],
        strict=True,
    ):
        assert problems(event, version) == [], role
    assert set(agents.stories.index.records) == {original.id, copy.id}  # the table
