"""docker-compose.yml and the Dockerfile agree with the code (no Docker engine runs here)."""

from __future__ import annotations

import dataclasses
import re

import pytest
import yaml

from agents.cli import build_parser
from agents.settings import ENV_PREFIX, Settings
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_worker_settings_are_real_settings(compose: dict) -> None:
    env = compose["services"]["worker"]["environment"]
    known = {ENV_PREFIX + f.name.upper() for f in dataclasses.fields(Settings)}
    assert set(env) <= known
    settings = Settings.from_env(env)  # every value parses
    assert settings.broker == "kafka://kafka:9092"


def test_compose_topics_service_creates_every_topic_with_the_configured_partitions(
    compose: dict,
) -> None:
    topics = compose["services"]["topics"]
    script = topics["command"][0]
    assert topics["environment"] == compose["services"]["worker"]["environment"]
    for role in Settings().stage_topics:
        assert f"$$COPYDESK_TOPIC_{role.upper()}" in script
    assert '--partitions "$$COPYDESK_PARTITIONS"' in script
    depends = compose["services"]["worker"]["depends_on"]["topics"]["condition"]
    assert depends == "service_completed_successfully"


def test_compose_kafka_accepts_copydesk_largest_events(compose: dict) -> None:
    kafka = compose["services"]["kafka"]
    settings = Settings.from_env(compose["services"]["worker"]["environment"])
    assert kafka["image"].startswith("apache/kafka:")
    assert "controller" in kafka["environment"]["KAFKA_PROCESS_ROLES"]  # KRaft, no ZooKeeper
    assert int(kafka["environment"]["KAFKA_MESSAGE_MAX_BYTES"]) >= settings.max_event_bytes
    script = compose["services"]["topics"]["command"][0]
    (topic_limit,) = re.findall(r"max\.message\.bytes=(\d+)", script)
    assert int(topic_limit) >= settings.max_event_bytes
    assert kafka["environment"]["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"


def test_compose_workers_scale(compose: dict) -> None:
    worker = compose["services"]["worker"]
    # --scale needs no fixed name and no host port; the command must be one our CLI accepts.
    assert "container_name" not in worker and "ports" not in worker
    args = build_parser().parse_args(worker["command"])
    assert args.run.__name__ == "_worker"


def test_compose_dockerfile_installs_pinned_and_runs_the_worker() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11" in dockerfile
    assert "-c constraints.txt" in dockerfile and (ROOT / "constraints.txt").is_file()
    assert 'ENTRYPOINT ["copydesk"]' in dockerfile and 'CMD ["worker"]' in dockerfile
    assert "COPY schemas schemas" in dockerfile
