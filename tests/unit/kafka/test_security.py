"""The configuration every client receives: kafka-python's keyword arguments and the Faust worker's
credentials (which become aiokafka's), for plaintext, TLS, SASL and SASL over TLS."""

from __future__ import annotations

import ssl
from pathlib import Path

import faust
import pytest
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth

from agents.errors import ConfigError
from agents.kafka.security import Secret, client_config, faust_credentials, ssl_context
from agents.settings import Settings
from tests.helpers import Pki


def _settings(tmp_path: Path, **values: object) -> Settings:
    return Settings.from_env({}, broker="kafka://k1:9093;k2", datadir=str(tmp_path), **values)


def _sasl(pki: Pki, tmp_path: Path, tls: bool = True, mechanism: str = "SCRAM-SHA-512") -> Settings:
    (tmp_path / "password").write_text("hunter2\n")
    tls_values = {"tls": True, "tls_ca_file": str(pki.ca)} if tls else {}
    return _settings(
        tmp_path,
        sasl_mechanism=mechanism,
        sasl_username="alice",
        sasl_password_file=str(tmp_path / "password"),
        **tls_values,
    )


def test_plaintext_clients(tmp_path: Path) -> None:
    settings = _settings(tmp_path, broker_timeout=4.5)
    config = client_config(settings)
    assert config["bootstrap_servers"] == ["k1:9093", "k2:9092"]
    assert config["security_protocol"] == "PLAINTEXT"
    assert config["bootstrap_timeout_ms"] == config["request_timeout_ms"] == 4500
    assert not {k for k in config if k.startswith(("ssl_", "sasl_"))}
    assert faust_credentials(settings) is None


def test_tls_clients_share_one_context(pki: Pki, tmp_path: Path) -> None:
    settings = _settings(tmp_path, tls=True, tls_ca_file=str(pki.ca))
    config = client_config(settings)
    assert config["security_protocol"] == "SSL"
    context = config["ssl_context"]
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert [c["subject"] for c in context.get_ca_certs()] == [
        ((("commonName", "copydesk test CA"),),)
    ]
    credentials = faust_credentials(settings)
    assert isinstance(credentials, faust.SSLCredentials)
    aiokafka = credentials_to_aiokafka_auth(credentials)
    assert aiokafka["security_protocol"] == "SSL"
    assert aiokafka["ssl_context"].get_ca_certs() == context.get_ca_certs()


def test_tls_without_host_name_check_still_verifies(pki: Pki, tmp_path: Path) -> None:
    settings = _settings(tmp_path, tls=True, tls_ca_file=str(pki.ca), tls_check_hostname=False)
    for context in (ssl_context(settings), client_config(settings)["ssl_context"]):
        assert context is not None
        assert not context.check_hostname and context.verify_mode == ssl.CERT_REQUIRED


def test_tls_client_certificate(pki: Pki, tmp_path: Path) -> None:
    files = {"tls_cert_file": str(pki.client_cert), "tls_key_file": str(pki.client_key)}
    assert ssl_context(_settings(tmp_path, tls=True, tls_ca_file=str(pki.ca), **files))
    with pytest.raises(ConfigError, match="TLS_CERT_FILE/TLS_KEY_FILE: not a usable PEM"):
        ssl_context(_settings(tmp_path, tls=True, tls_cert_file=str(pki.ca)))  # no key in it
    with pytest.raises(ConfigError, match="TLS_CA_FILE: not a usable PEM"):
        ssl_context(_settings(tmp_path, tls=True, tls_ca_file=str(pki.client_key)))


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_sasl_over_tls_clients(pki: Pki, tmp_path: Path, mechanism: str) -> None:
    settings = _sasl(pki, tmp_path, mechanism=mechanism)
    config = client_config(settings)
    assert config["security_protocol"] == "SASL_SSL"
    assert config["sasl_mechanism"] == mechanism
    assert config["sasl_plain_username"] == "alice"
    assert config["sasl_plain_password"] == "hunter2"
    assert isinstance(config["ssl_context"], ssl.SSLContext)
    aiokafka = credentials_to_aiokafka_auth(faust_credentials(settings))
    assert aiokafka["security_protocol"] == "SASL_SSL"
    assert aiokafka["sasl_mechanism"] == mechanism
    assert (aiokafka["sasl_plain_username"], aiokafka["sasl_plain_password"]) == (
        "alice",
        "hunter2",
    )
    assert isinstance(aiokafka["ssl_context"], ssl.SSLContext)


def test_sasl_without_tls(pki: Pki, tmp_path: Path) -> None:
    settings = _sasl(pki, tmp_path, tls=False)
    assert client_config(settings)["security_protocol"] == "SASL_PLAINTEXT"
    assert "ssl_context" not in client_config(settings)
    aiokafka = credentials_to_aiokafka_auth(faust_credentials(settings))
    assert aiokafka["security_protocol"] == "SASL_PLAINTEXT" and aiokafka["ssl_context"] is None


def test_the_worker_app_gets_the_credentials(pki: Pki, tmp_path: Path) -> None:
    from agents.streaming.app import build_app

    app = build_app(_sasl(pki, tmp_path))
    credentials = app.conf.broker_credentials
    assert isinstance(credentials, faust.SASLCredentials)
    assert (
        credentials.protocol.value == "SASL_SSL" and credentials.mechanism.value == "SCRAM-SHA-512"
    )


def test_the_password_never_shows_in_logged_configuration(pki: Pki, tmp_path: Path) -> None:
    settings = _sasl(pki, tmp_path)
    config = client_config(settings)
    # kafka-python logs "Starting KafkaAdminClient with configuration: %s" at DEBUG.
    assert "hunter2" not in str(config) and "'sasl_plain_password': '***'" in repr(config)
    assert "hunter2" not in repr(faust_credentials(settings))
    assert repr(Secret("x")) == "'***'" and Secret("x") == "x" and Secret("x").encode() == b"x"
