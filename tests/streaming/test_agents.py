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
        for role in ("repaired", "structured", "enriched", "entities", "dlq")
    }

    async def send(topic: str, key: bytes | None, value: bytes, *_: object, **__: object) -> None:
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
            assert roles[:3] == ["repaired", "structured", "enriched"]
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
            "enriched": "enriched-article/1",
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
