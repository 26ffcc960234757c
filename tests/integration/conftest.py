"""A real broker and a real worker for the integration tests.

The broker is the embedded one (Tansu) on a free port, or the one ``COPYDESK_TEST_BROKER`` names.
The session's worker is started with ``copydesk worker`` on topics and a group named from a uuid,
so runs never see each other's data. Tests publish with ``copydesk publish`` and wait for what
arrives on the enriched and dead-letter topics: they wait for results, never sleep.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from agents.kafka.clients import read_topics
from agents.local.broker import EmbeddedBroker
from agents.local.processes import free_port, start_worker, stop_process
from agents.settings import Settings

#: How long a test waits for the pipeline; the first group join takes seconds, the model ~1 s.
WAIT = 120.0


@dataclass
class Outcome:
    topic: str
    event: dict
    timestamp_ms: int
    key: bytes | None = None


@dataclass
class RunningPipeline:
    """A worker on its own topics, and ways to feed it and read what it gives."""

    settings: Settings
    log: Path
    worker: subprocess.Popen[bytes] | None = None
    env: dict[str, str] = field(default_factory=dict)

    def publish(self, *paths: str | Path, topic: str | None = None) -> str:
        """``copydesk publish`` the paths; returns its summary line."""
        command = [sys.executable, "-m", "agents", "publish", "--no-progress"]
        command += ["--broker", self.settings.broker, "--topic", topic or self.settings.topic_raw]
        # With the pipeline's settings: a raw topic it creates gets the pipeline's partitions.
        done = subprocess.run(
            [*command, *map(str, paths)],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, **self.settings.as_env()},
        )
        assert done.returncode == 0, done.stderr
        return done.stderr

    def wait_for(
        self,
        done: Callable[[list[Outcome]], bool],
        topics: list[str] | None = None,
        timeout: float = WAIT,
    ) -> list[Outcome]:
        """Everything on ``topics`` (enriched and dlq by default) once ``done`` says so."""
        topics = topics or [self.settings.topic_enriched, self.settings.topic_dlq]
        seen: list[Outcome] = []
        for record in read_topics(self.settings, topics, from_beginning=True, timeout=timeout):
            seen.append(
                Outcome(record.topic, json.loads(record.value), record.timestamp, record.key)
            )
            if done(seen):
                return seen
        raise AssertionError(
            f"gave up after {timeout} s with {len(seen)} events on {topics}; "
            f"worker log tail:\n{self.log_tail()}"
        )

    def outcomes_for(self, ids: set[str], timeout: float = WAIT) -> dict[str, Outcome]:
        """The enriched event or dead letter of every article id in ``ids``."""

        def all_there(seen: list[Outcome]) -> bool:
            return ids <= {o.event.get("id") for o in seen}

        return {
            o.event["id"]: o
            for o in self.wait_for(all_there, timeout=timeout)
            if o.event.get("id") in ids
        }

    def log_tail(self, lines: int = 60) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else "(no log)"
        return "\n".join(text.splitlines()[-lines:])


def pipeline_settings(broker: str, workdir: Path, **overrides: object) -> Settings:
    """Settings for a worker of its own: topics and group named from a uuid, a free web port."""
    prefix = "t" + uuid.uuid4().hex[:10]
    values: dict[str, object] = {
        "broker": broker,
        "app_id": f"copydesk-{prefix}",
        "partitions": 2,
        "web_port": free_port(),
        "datadir": str(workdir / "data"),
        **{f"topic_{role}": f"{prefix}.{role}" for role in Settings().stage_topics},
        "topic_rules": f"{prefix}.rules",
        "topic_matches": f"{prefix}.matches",
    }
    return Settings.from_env({}, **{**values, **overrides})


@pytest.fixture(scope="session")
def broker_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    given = os.environ.get("COPYDESK_TEST_BROKER")
    if given:
        yield given
        return
    log = tmp_path_factory.mktemp("broker") / "broker.log"
    with EmbeddedBroker().start(log=log) as broker:
        yield broker.url


#: Small limits, so the size tests need not push megabytes through the broker.
MAX_RECORD_BYTES = 64 * 1024
MAX_TEXT_CHARS = 20_000


@pytest.fixture(scope="session")
def pipeline(
    broker_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningPipeline]:
    workdir = tmp_path_factory.mktemp("worker")
    settings = pipeline_settings(
        broker_url, workdir, max_record_bytes=MAX_RECORD_BYTES, max_text_chars=MAX_TEXT_CHARS
    )
    running = RunningPipeline(settings, workdir / "worker.log")
    running.worker = start_worker(settings, running.log)
    yield running
    code = stop_process(running.worker)
    assert code == 0, f"the worker did not stop cleanly (exit {code}):\n{running.log_tail()}"
