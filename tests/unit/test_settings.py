"""Settings: defaults, then COPYDESK_* variables, then flags; docs/configuration.md generated from
them."""

from __future__ import annotations

import re
from pathlib import Path

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


@pytest.mark.parametrize(
    ("broker", "message"),
    [
        ("nonsense://x", "unknown scheme 'nonsense'"),
        ("http://h:9092", "unknown scheme 'http'"),
        ("kafka://", "no host in 'kafka://'"),
        ("kafka://:9092", "no host"),
        ("kafka://bad host:9092", "no host"),
        ("kafka://h:0", "port '0' in 'kafka://h:0' is not from 1 to 65535"),
        ("kafka://h:65536", "is not from 1 to 65535"),
        ("h:port", "port 'port'"),
        (";", "COPYDESK_BROKER is empty"),
        ("kafka://alice:pw@h:9092", "must not hold credentials"),
    ],
)
def test_settings_broker_url_is_checked(broker: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)) as caught:
        Settings.from_env({}, broker=broker)
    assert "pw@" not in str(caught.value)  # a password in the URL is never echoed


def test_settings_broker_url_is_normalised_for_every_client() -> None:
    settings = Settings.from_env({}, broker="a:1, aiokafka://b ;kafka://[::1]:3")
    assert settings.broker == "kafka://a:1;kafka://b:9092;kafka://[::1]:3"
    assert settings.bootstrap_servers == ["a:1", "b:9092", "[::1]:3"]
    assert settings.broker_servers == [("a", 1), ("b", 9092), ("::1", 3)]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"COPYDESK_WEB_PORT": "0"}, "COPYDESK_WEB_PORT=0 must be from 1 to 65535"),
        ({"COPYDESK_WEB_PORT": "70000"}, "COPYDESK_WEB_PORT=70000 must be from 1 to 65535"),
        ({"COPYDESK_WEB_PORT": "6066.5"}, "COPYDESK_WEB_PORT='6066.5' is not a valid int"),
        ({"COPYDESK_BROKER_TIMEOUT": "nan"}, "COPYDESK_BROKER_TIMEOUT=nan must be a number"),
        ({"COPYDESK_BROKER_TIMEOUT": "inf"}, "COPYDESK_BROKER_TIMEOUT=inf must be a number"),
        ({"COPYDESK_BROKER_TIMEOUT": "0"}, "COPYDESK_BROKER_TIMEOUT=0.0 must be a number"),
        ({"COPYDESK_SESSION_TIMEOUT": "-1"}, "COPYDESK_SESSION_TIMEOUT=-1.0 must be a number"),
        (
            {"COPYDESK_RECORD_DEADLINE": "ten"},
            "COPYDESK_RECORD_DEADLINE='ten' is not a valid float",
        ),
        ({"COPYDESK_TLS": "maybe"}, "COPYDESK_TLS='maybe' is not yes or no"),
        ({"COPYDESK_TOPIC_RAW": "raw topic"}, "COPYDESK_TOPIC_RAW='raw topic' is not a Kafka"),
        ({"COPYDESK_APP_ID": " "}, "COPYDESK_APP_ID is empty"),
    ],
)
def test_settings_bad_values_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        Settings.from_env(env)


def test_settings_yes_and_no() -> None:
    for word, value in (("yes", True), ("1", True), ("On", True), ("no", False), ("false", False)):
        assert Settings.from_env({"COPYDESK_TLS_CHECK_HOSTNAME": word}).tls_check_hostname is value


def _secure(tmp_path: Path, **env: str) -> dict[str, str]:
    """Environment for SCRAM over TLS, with the files made in ``tmp_path``."""
    (tmp_path / "ca.pem").write_text("not read by the settings")
    (tmp_path / "password").write_text("hunter2-secret\n")
    return {
        "COPYDESK_TLS": "yes",
        "COPYDESK_TLS_CA_FILE": str(tmp_path / "ca.pem"),
        "COPYDESK_SASL_MECHANISM": "scram-sha-512",
        "COPYDESK_SASL_USERNAME": "alice",
        "COPYDESK_SASL_PASSWORD_FILE": str(tmp_path / "password"),
        **env,
    }


def test_settings_tls_and_sasl(tmp_path: Path) -> None:
    settings = Settings.from_env(_secure(tmp_path))
    assert settings.sasl_mechanism == "SCRAM-SHA-512"
    assert settings.security_protocol == "SASL_SSL"
    assert settings.sasl_secret() == "hunter2-secret"  # read from the file, newline dropped
    assert Settings.from_env({}).security_protocol == "PLAINTEXT"
    assert Settings.from_env({"COPYDESK_TLS": "yes"}).security_protocol == "SSL"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"COPYDESK_TLS": "no"}, "COPYDESK_TLS_CA_FILE is set but TLS is off"),
        ({"COPYDESK_TLS_CA_FILE": "/no/such/ca.pem"}, "COPYDESK_TLS_CA_FILE: no such file"),
        ({"COPYDESK_TLS_KEY_FILE": "{tmp}/password"}, "TLS_KEY_FILE is set without"),
        ({"COPYDESK_SASL_MECHANISM": "GSSAPI"}, "'GSSAPI' is not one of PLAIN, SCRAM-SHA-256"),
        ({"COPYDESK_SASL_MECHANISM": ""}, "COPYDESK_SASL_USERNAME is set but"),
        ({"COPYDESK_SASL_USERNAME": ""}, "COPYDESK_SASL_USERNAME is empty"),
        ({"COPYDESK_SASL_PASSWORD_FILE": ""}, "no password: set COPYDESK_SASL_PASSWORD_FILE"),
        ({"COPYDESK_SASL_PASSWORD": "x"}, "both COPYDESK_SASL_PASSWORD and"),
        ({"COPYDESK_SASL_PASSWORD_FILE": "{tmp}/empty"}, "COPYDESK_SASL_PASSWORD_FILE {tmp}/empty"),
    ],
)
def test_settings_tls_and_sasl_that_do_not_fit(
    tmp_path: Path, change: dict[str, str], message: str
) -> None:
    (tmp_path / "empty").write_text("\n")
    env = _secure(tmp_path, **{k: v.format(tmp=tmp_path) for k, v in change.items()})
    with pytest.raises(ConfigError, match=re.escape(message.format(tmp=tmp_path))):
        Settings.from_env(env)


def test_settings_never_show_the_password(tmp_path: Path) -> None:
    env = {**_secure(tmp_path, COPYDESK_SASL_PASSWORD_FILE=""), "COPYDESK_SASL_PASSWORD": "hunter2"}
    settings = Settings.from_env(env)
    assert settings.sasl_secret() == "hunter2"
    assert "hunter2" not in repr(settings) and "hunter2" not in str(settings)
    child = settings.as_env()
    assert child["COPYDESK_SASL_PASSWORD"] == "hunter2"  # a child process gets it ...
    assert "hunter2" not in repr(child) and "hunter2" not in f"{child}"  # ... a log line does not
    assert "'COPYDESK_SASL_PASSWORD': '***'" in repr(child)
    assert Settings.from_env(child) == settings
    assert "hunter2" not in reference()
