"""The Faust agents, driven with ``agent.test_context()``: no broker, the real stage functions.

What each agent sends is captured at the topic's ``send``. The point here is the error path: a
record that breaks a stage is dead-lettered and the agent goes on with the next one. The same
paths through a real broker are in tests/integration.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from agents import pipeline
from agents.contracts import encode_event, problems
from agents.entities.stage import EntityAnalyzer
from agents.settings import Settings
from agents.streaming import agents as streams
from agents.streaming.agents import StageAgents
from agents.streaming.app import build_app
from agents.streaming.transport import CopydeskApp
from tests.helpers import repaired, structured

Sent = dict[str, list[tuple[bytes | None, dict]]]


@pytest.fixture
def app(tmp_path: Path) -> CopydeskApp:
    """An app built from explicit settings: no environment read, nothing written but tmp_path."""
    return build_app(Settings.from_env({}, app_id="agents-test", datadir=str(tmp_path)))


@pytest.fixture
def agents(app: CopydeskApp) -> StageAgents:
    return app.stage_agents


@pytest.fixture
def sent(agents: StageAgents, app: CopydeskApp, monkeypatch: pytest.MonkeyPatch) -> Sent:
    """Everything the agents send, by topic role, values decoded."""
    captured: Sent = defaultdict(list)
    for role in ("repaired", "structured", "enriched", "entities", "dlq"):
        topic = getattr(agents.topics, role)

        async def record(
            key: bytes | None = None, value: bytes = b"", _r=role, **_: object
        ) -> None:
            captured[_r].append((key, json.loads(value)))

        monkeypatch.setattr(topic, "send", record)
    app.finalize()
    app.flow_control.resume()
    return captured


def drive(
    agent: object,
    records: list[tuple[bytes | None, bytes]],
    until: Callable[[], bool] = lambda: True,
) -> None:
    """Put ``records`` to ``agent``; keep it running until ``until()`` (batches take a moment)."""

    async def scenario() -> None:
        async with agent.test_context() as running:  # type: ignore[attr-defined]
            for key, value in records:
                await running.put(value, key=key)
            for _ in range(600):
                if until():
                    break
                await asyncio.sleep(0.05)

    asyncio.run(scenario())


def test_streams_repair_agent_forwards_good_records_and_dead_letters_bad_ones(
    sent: Sent, agents: StageAgents
) -> None:
    good = json.dumps({"id": "good-1", "text": "Headline\n\nA paragraph.\n"}).encode()
    drive(
        agents.repair, [(b"good-1", good), (None, b"{broken"), (b"x", b""), (None, b"More text.")]
    )
    forwarded = [event["id"] for _, event in sent["repaired"]]
    assert forwarded[0] == "good-1" and len(forwarded) == 2  # the bare text is an article too
    letters = [event for _, event in sent["dlq"]]
    assert [(e["stage"], e["kind"]) for e in letters] == [
        ("intake", "invalid_json"),
        ("intake", "empty"),
    ]
    assert all(problems(e, "dead-letter/1") == [] for e in letters)


def test_streams_structure_agent_survives_an_exception_inside_the_stage(
    sent: Sent, agents: StageAgents, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = streams.run_structure

    def fails_on_boom(event: dict) -> dict:
        if event["id"] == "boom":
            raise ValueError("a bug in the structure stage")
        return real(event)

    monkeypatch.setattr(streams, "run_structure", fails_on_boom)
    events = [dict(repaired("Headline\n\nBody text here.\n"), id=i) for i in ("one", "boom", "two")]
    drive(agents.structure, [(e["id"].encode(), encode_event(e)) for e in events])
    assert [e["id"] for _, e in sent["structured"]] == ["one", "two"]
    ((key, letter),) = sent["dlq"]
    assert (letter["stage"], letter["kind"], letter["id"], key) == (
        "structure", "stage_error", "boom", b"boom",
    )  # fmt: skip
    assert "ValueError: a bug in the structure stage" in letter["reason"]
    assert "Traceback" in letter["traceback"]
    assert json.loads(base64.b64decode(letter["value_b64"]))["id"] == "boom"


@pytest.mark.model
def test_streams_entities_agent_isolates_the_article_that_breaks_a_batch(
    sent: Sent, agents: StageAgents, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyze: Callable = EntityAnalyzer.analyze

    def fails_on_boom(self: EntityAnalyzer, events: list[dict]) -> list:
        if any(event["id"] == "boom" for event in events):
            raise RuntimeError("the model choked")
        return analyze(self, events)

    monkeypatch.setattr(EntityAnalyzer, "analyze", fails_on_boom)
    text = "Talks in Geneva\n\nDiplomats met in Geneva on Monday, officials said.\n"
    events = [dict(structured(text), id=i) for i in ("a", "boom", "b")]
    drive(
        agents.entities,
        [(e["id"].encode(), encode_event(e)) for e in events],
        until=lambda: len(sent["enriched"]) >= 2,
    )
    enriched = {e["id"]: e for _, e in sent["enriched"]}
    assert set(enriched) == {"a", "b"}
    assert all(problems(e, "enriched-article/1") == [] for e in enriched.values())
    # Each enriched article's named entities, one event each, keyed by the entity's key.
    per_entity = sent["entities"]
    assert sorted((e["id"], key) for key, e in per_entity) == sorted(
        (article_id, entity["key"].encode())
        for article_id, article in enriched.items()
        for entity in article["entities"]
        if entity["type"] != "DATE"
    )
    assert {e["entity"]["name"] for _, e in per_entity} == {"Geneva"}
    assert all(problems(e, "article-entity/1") == [] for _, e in per_entity)
    ((_, letter),) = sent["dlq"]
    assert (letter["stage"], letter["id"]) == ("entities", "boom")
    assert "RuntimeError: the model choked" in letter["reason"]
    assert pipeline.run_entities is streams.run_entities  # the agent uses the pipeline's batching
