"""Reaching the broker: the bounded preflight against real sockets, and the one-line reasons for
what kafka-python logs."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable

import pytest
from kafka.errors import (
    KafkaConnectionError,
    KafkaTimeoutError,
    RequestTimedOutError,
    SaslAuthenticationFailedError,
    UnsupportedSaslMechanismError,
)

from agents.kafka.connect import KafkaUnavailable, explain, preflight
from agents.local.processes import free_port
from agents.settings import Settings
from tests.helpers import Pki, silent_server


def _tls(pki: Pki) -> Callable[[socket.socket], None]:
    """A TLS server's answer: the handshake with the test's server certificate."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(pki.server_cert, pki.server_key)

    def answer(conn: socket.socket) -> None:
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.recv(1)

    return answer


def _settings(port: int, host: str = "127.0.0.1", **values: object) -> Settings:
    return Settings.from_env({}, broker=f"kafka://{host}:{port}", broker_timeout=1.0, **values)


def _reason(settings: Settings) -> str:
    with pytest.raises(KafkaUnavailable) as caught:
        preflight(settings)
    return str(caught.value)


def test_preflight_refused_and_unknown_host() -> None:
    port = free_port()
    assert _reason(_settings(port)) == (
        f"cannot reach the broker at kafka://127.0.0.1:{port}: 127.0.0.1:{port} refused the "
        "connection: nothing listens there; is the broker running?"
    )
    assert "no-such-host.invalid:9092 is not a host name that resolves" in _reason(
        _settings(9092, host="no-such-host.invalid")
    )


def test_preflight_passes_when_one_server_answers() -> None:
    with silent_server() as port:
        preflight(Settings.from_env({}, broker=f"127.0.0.1:{free_port()},127.0.0.1:{port}"))


def test_preflight_tls_to_a_listener_that_does_not_speak_it() -> None:
    # kafka-python's own handshake has no timeout: against this it waited forever.
    with silent_server() as port:
        assert "gave no TLS answer within 1 s: is it a TLS listener?" in _reason(
            _settings(port, tls=True)
        )
    with silent_server(lambda conn: conn.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n")) as port:
        assert "did not complete a TLS handshake (WRONG_VERSION_NUMBER)" in _reason(
            _settings(port, tls=True)
        )


def test_preflight_tls_certificates(pki: Pki) -> None:
    with silent_server(_tls(pki)) as port:
        untrusted = _reason(_settings(port, host="localhost", tls=True))
        assert "presented a certificate that is not trusted" in untrusted
        assert "give its CA with COPYDESK_TLS_CA_FILE" in untrusted
        trusted = {"tls": True, "tls_ca_file": str(pki.ca)}
        preflight(_settings(port, host="localhost", **trusted))
        # The certificate names localhost, not 127.0.0.1.
        other = _reason(_settings(port, **trusted))
        assert "presented a certificate for another name" in other
        assert "COPYDESK_TLS_CHECK_HOSTNAME=no" in other
        preflight(_settings(port, tls_check_hostname=False, **trusted))


@pytest.mark.parametrize(
    ("seen", "expected"),
    [
        ([SaslAuthenticationFailedError()], "refused the SASL SCRAM-SHA-256 login of user 'alice'"),
        ([KeyError("v")], "refused the SASL SCRAM-SHA-256 login of user 'alice'"),
        ([UnsupportedSaslMechanismError()], "does not offer SASL SCRAM-SHA-256"),
        ([KafkaConnectionError("socket disconnected")], "closed the connection: it may want TLS"),
        ([RequestTimedOutError("after 3000 ms")], "gave no Kafka answer: is it a Kafka listener?"),
        ([KafkaConnectionError("111 ECONNREFUSED")], "connection refused; is the broker running?"),
        ([KafkaConnectionError("Handshake failed: [SSL] x")], "TLS handshake failed ([SSL] x)"),
        ([], "cannot reach the broker at kafka://k:9092 (waited 10 s, COPYDESK_BROKER_TIMEOUT)"),
    ],
)
def test_explain_what_kafka_python_logged(
    tmp_path: object, seen: list[BaseException], expected: str
) -> None:
    settings = Settings.from_env(
        {"COPYDESK_SASL_PASSWORD": "pw"},
        broker="kafka://k:9092",
        sasl_mechanism="SCRAM-SHA-256",
        sasl_username="alice",
    )
    message = explain(settings, KafkaTimeoutError("Unable to bootstrap from ['k:9092']"), seen)
    assert expected in message
    assert "\n" not in message and "pw" not in message.replace("SCRAM", "")
