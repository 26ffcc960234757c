"""Secure clusters: TLS (a CA made for the test, the host-name check, client certificates) and
SASL (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512) reach every client copydesk makes: ``publish``,
``tail``, ``status`` (kafka-python) and the Faust worker (aiokafka), and the password shows
nowhere.

The embedded broker offers neither TLS nor usable SASL (tests/integration/secure_relay.py says
why), so each test puts a :class:`SecureRelay` in front of a broker of its own, advertised as
``localhost:PORT``, the name on the test's server certificate.
"""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from agents.kafka.clients import read_topics
from agents.local.broker import EmbeddedBroker
from agents.local.processes import free_port, stop_process, wait_until_ready
from agents.settings import Settings
from tests.helpers import EXAMPLES, Pki, assert_one_line_error, copydesk
from tests.integration.conftest import WAIT
from tests.integration.secure_relay import SecureRelay

pytestmark = pytest.mark.integration

PASSWORD = "correct-horse-battery-staple"
USERS = {"alice": PASSWORD}
#: The wait for the broker in the tests of refusals. A refusal comes back at once; the timeout
#: only bounds the wait for it, which a loaded machine (the suite on two processes) stretched.
QUICK = {"COPYDESK_BROKER_TIMEOUT": "8"}

Listener = Callable[..., tuple[SecureRelay, dict[str, str]]]


@pytest.fixture
def listener(pki: Pki, tmp_path: Path) -> Iterator[Listener]:
    """``listener(tls=..., client_certificates=..., users=..., mechanisms=...)``: a broker of
    the test's own behind a relay; returns the relay and the ``COPYDESK_*`` environment that
    reaches it (the broker URL and, with TLS, the CA file)."""
    started: list[tuple[EmbeddedBroker, SecureRelay]] = []

    def make(
        tls: bool = True,
        client_certificates: bool = False,
        users: dict[str, str] | None = None,
        mechanisms: tuple[str, ...] = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"),
    ) -> tuple[SecureRelay, dict[str, str]]:
        port = free_port()
        broker = EmbeddedBroker(advertised=f"localhost:{port}")
        broker.start(log=tmp_path / f"broker-{port}.log")
        context = None
        if tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(pki.server_cert, pki.server_key)
            if client_certificates:
                context.load_verify_locations(pki.ca)
                context.verify_mode = ssl.CERT_REQUIRED
        relay = SecureRelay(port, broker.port, tls=context, users=users, mechanisms=mechanisms)
        started.append((broker, relay.start()))
        env = {"COPYDESK_BROKER": f"kafka://localhost:{port}"}
        if tls:
            env |= {"COPYDESK_TLS": "yes", "COPYDESK_TLS_CA_FILE": str(pki.ca)}
        return relay, env

    yield make
    for broker, relay in started:
        relay.stop()
        broker.stop()


def _password_file(tmp_path: Path, password: str = PASSWORD) -> str:
    path = tmp_path / "sasl-password"
    path.write_text(password + "\n")
    path.chmod(0o600)
    return str(path)


def _ok(done: subprocess.CompletedProcess[bytes]) -> str:
    assert done.returncode == 0, done.stderr.decode()
    assert PASSWORD not in (done.stdout + done.stderr).decode()
    return done.stdout.decode()


def test_tls_reaches_publish_tail_and_status(listener: Listener) -> None:
    _, env = listener(tls=True)
    published = copydesk("publish", "--no-progress", str(EXAMPLES), env=env)
    _ok(published)
    assert "published 7 record(s)" in published.stderr.decode()
    raw = _ok(
        copydesk("tail", "--topic", "articles.raw", "--from-beginning", "--count", "7", env=env)
    )
    assert "demo-empty" in raw and "Floods cut off towns" in raw  # a JSON record, a bare one
    status = json.loads(_ok(copydesk("status", "--json", env=env)))
    assert status["topics"]["articles.raw"]["records"] == 7


def test_tls_refusals_are_one_line(listener: Listener, pki: Pki) -> None:
    _, env = listener(tls=True)
    port = env["COPYDESK_BROKER"].rsplit(":", 1)[1]
    no_ca = {**env, **QUICK, "COPYDESK_TLS_CA_FILE": ""}
    assert_one_line_error(
        copydesk("status", env=no_ca),
        f"localhost:{port} presented a certificate that is not trusted",
        "give its CA with COPYDESK_TLS_CA_FILE",
    )
    by_address = {**env, **QUICK, "COPYDESK_BROKER": f"kafka://127.0.0.1:{port}"}
    assert_one_line_error(
        copydesk("status", env=by_address),
        "presented a certificate for another name",
        "COPYDESK_TLS_CHECK_HOSTNAME=no",
    )
    _ok(copydesk("status", "--no-tls-check-hostname", env=by_address))  # still verified by CA
    plaintext = {**env, **QUICK, "COPYDESK_TLS": "no", "COPYDESK_TLS_CA_FILE": ""}
    assert_one_line_error(
        copydesk("status", env=plaintext), "closed the connection: it may want TLS"
    )


def test_tls_client_certificates(listener: Listener, pki: Pki) -> None:
    _, env = listener(tls=True, client_certificates=True)
    refused = copydesk("status", env={**env, **QUICK})
    assert_one_line_error(refused, "a client certificate (COPYDESK_TLS_CERT_FILE)")
    certificate = {
        "COPYDESK_TLS_CERT_FILE": str(pki.client_cert),
        "COPYDESK_TLS_KEY_FILE": str(pki.client_key),
    }
    _ok(copydesk("status", env={**env, **certificate}))


@pytest.mark.parametrize(
    ("mechanism", "tls"),
    [("PLAIN", False), ("SCRAM-SHA-256", False), ("SCRAM-SHA-512", False), ("PLAIN", True)],
)
def test_sasl_reaches_publish_tail_and_status(
    listener: Listener, tmp_path: Path, mechanism: str, tls: bool
) -> None:
    relay, env = listener(tls=tls, users=USERS)
    env |= {
        "COPYDESK_SASL_MECHANISM": mechanism,
        "COPYDESK_SASL_USERNAME": "alice",
        "COPYDESK_SASL_PASSWORD_FILE": _password_file(tmp_path),
    }
    _ok(copydesk("publish", str(EXAMPLES / "harbour-strike.txt"), env=env))
    _ok(copydesk("tail", "--topic", "articles.raw", "--from-beginning", "--count", "1", env=env))
    _ok(copydesk("status", env=env))
    assert relay.logins and all(login[:3] == (mechanism, "alice", True) for login in relay.logins)

    wrong = {**env, **QUICK, "COPYDESK_SASL_PASSWORD_FILE": _password_file(tmp_path, "guess")}
    for command in ("publish", "tail", "status"):
        args = (
            [command, str(EXAMPLES / "harbour-strike.txt")] if command == "publish" else [command]
        )
        assert_one_line_error(
            copydesk(*args, env=wrong),
            f"refused the SASL {mechanism} login of user 'alice'",
            "check COPYDESK_SASL_USERNAME and the password",
        )
    assert (mechanism, "alice", False) in {login[:3] for login in relay.logins}


def test_sasl_mechanism_the_broker_does_not_offer(listener: Listener) -> None:
    _, env = listener(tls=False, users=USERS, mechanisms=("SCRAM-SHA-512",))
    env |= {
        "COPYDESK_SASL_MECHANISM": "PLAIN",
        "COPYDESK_SASL_USERNAME": "alice",
        "COPYDESK_SASL_PASSWORD": PASSWORD,  # from the environment this time
    }
    line = assert_one_line_error(
        copydesk("status", env={**env, **QUICK}), "does not offer SASL PLAIN"
    )
    assert PASSWORD not in line


def test_worker_over_sasl_and_tls_and_no_password_anywhere(
    listener: Listener, tmp_path: Path
) -> None:
    """The whole pipeline with SCRAM-SHA-512 over TLS: the Faust worker (aiokafka) logs in, the
    commands (kafka-python) too, bad records are dead-lettered, and the password is in no log
    line (the worker's at debug), no dead letter, no output."""
    relay, env = listener(tls=True, users=USERS)
    env |= {
        "COPYDESK_SASL_MECHANISM": "SCRAM-SHA-512",
        "COPYDESK_SASL_USERNAME": "alice",
        "COPYDESK_SASL_PASSWORD_FILE": _password_file(tmp_path),
        "COPYDESK_APP_ID": "copydesk-secure",
        "COPYDESK_PARTITIONS": "2",
        "COPYDESK_WEB_PORT": str(free_port()),
        "COPYDESK_DATADIR": str(tmp_path / "data"),
    }
    log = tmp_path / "worker.log"
    with open(log, "wb") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", "agents", "worker", "--loglevel", "debug"],
            env={**_clean_environ(), **env},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        assert wait_until_ready(worker, log, WAIT), log.read_text(errors="replace")[-3000:]
        published = copydesk("publish", "--no-progress", str(EXAMPLES / "feed.jsonl"), env=env)
        assert "published 5 record(s)" in published.stderr.decode()
        settings = Settings.from_env(env)
        topics = [settings.topic_enriched, settings.topic_dlq]
        outcomes = [
            (r.topic, json.loads(r.value))
            for r in read_topics(settings, topics, from_beginning=True, timeout=WAIT, count=5)
        ]
        letters = [event for topic, event in outcomes if topic == settings.topic_dlq]
        assert sorted(e["kind"] for e in letters) == ["empty", "invalid_json", "schema_violation"]
        status = _ok(copydesk("status", "--json", env=env))
        assert json.loads(status)["dead_letters"]["total"] == 3
    finally:
        code = stop_process(worker)
    assert code == 0, log.read_text(errors="replace")[-3000:]

    clients = {client for mechanism, user, accepted, client in relay.logins if accepted}
    assert any(c.startswith("copydesk-") for c in clients), clients  # kafka-python
    assert any(not c.startswith("copydesk-") for c in clients), clients  # the worker's aiokafka
    assert all(login[:3] == ("SCRAM-SHA-512", "alice", True) for login in relay.logins)
    text = log.read_text(errors="replace")
    assert "SaslAuthenticate" in text  # the debug log shows the exchange, not the password
    assert PASSWORD not in text
    assert all(PASSWORD not in json.dumps(event) for _, event in outcomes)


def _clean_environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("COPYDESK_")}
