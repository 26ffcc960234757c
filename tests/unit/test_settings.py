"""Settings: defaults, then COPYDESK_* variables, then flags; docs/configuration.md generated from
them."""

from __future__ import annotations

import pytest

from agents.errors import ConfigError
from agents.settings import Settings, reference
from tests.conftest import ROOT


def test_settings_defaults_match_the_design() -> None:
    settings = Settings.from_env({})
    assert settings.broker == "kafka://localhost:9092"
    assert settings.stage_topics == {
        "raw": "articles.raw",
        "repaired": "articles.repaired",
        "structured": "articles.structured",
        "enriched": "articles.enriched",
        "entities": "articles.entities",
        "dlq": "articles.dlq",
    }
    assert settings.datadir.endswith("copydesk/copydesk")


def test_settings_environment_then_overrides() -> None:
    env = {"COPYDESK_TOPIC_RAW": "wire.in", "COPYDESK_PARTITIONS": "8", "COPYDESK_BROKER": "x:1"}
    settings = Settings.from_env(env, broker="kafka://flag:9092", partitions=None)
    assert settings.topic_raw == "wire.in"
    assert settings.partitions == 8  # None means "flag not given"
    assert settings.broker == "kafka://flag:9092"


def test_settings_round_trip_through_the_environment() -> None:
    settings = Settings.from_env({}, app_id="other", record_deadline=2.5, partitions=2)
    assert Settings.from_env(settings.as_env()) == settings


@pytest.mark.parametrize(
    ("broker", "servers"),
    [
        ("kafka://localhost:9092", ["localhost:9092"]),
        ("kafka://a:1;kafka://b:2", ["a:1", "b:2"]),
        ("a:1,b:2", ["a:1", "b:2"]),
    ],
)
def test_settings_bootstrap_servers_for_kafka_python(broker: str, servers: list[str]) -> None:
    assert Settings.from_env({}, broker=broker).bootstrap_servers == servers


def test_settings_bad_numbers_name_the_variable() -> None:
    with pytest.raises(ConfigError, match="COPYDESK_PARTITIONS='many' is not a valid int"):
        Settings.from_env({"COPYDESK_PARTITIONS": "many"})
    with pytest.raises(ConfigError, match="COPYDESK_BATCH_SIZE must be at least 1"):
        Settings.from_env({"COPYDESK_BATCH_SIZE": "0"})
    with pytest.raises(ConfigError, match="COPYDESK_FETCH_MAX_WAIT must be over 0"):
        Settings.from_env({"COPYDESK_FETCH_MAX_WAIT": "0"})


def test_docs_configuration_is_generated_from_the_settings() -> None:
    written = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert written == reference(), "regenerate: python -m agents.settings > docs/configuration.md"
