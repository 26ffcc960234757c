"""Every command's failure modes that need no broker, through real processes: each ends in the
README's promise, one line that says what to do and exit 2, never a traceback.

The faults that need a broker (one that goes away mid-run, the secure listeners) are in
tests/integration/test_cli_faults.py and test_secure.py."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from agents.local.processes import free_port
from tests.helpers import EXAMPLES, assert_one_line_error, copydesk, silent_server

#: Commands that talk to Kafka, with the arguments each needs besides the broker.
KAFKA_COMMANDS = {
    "worker": ["worker"],
    "publish": ["publish", str(EXAMPLES / "harbour-strike.txt")],
    "tail": ["tail", "--timeout", "30"],
    "status": ["status"],
    "rules": ["rules", "list"],
}
#: A short wait for the broker, so the faults that wait for it stay quick.
QUICK = {"COPYDESK_BROKER_TIMEOUT": "1"}


# -- settings, flags and variables: every command ---------------------------------------------


@pytest.mark.parametrize(
    ("command", "flags", "env", "says"),
    [
        ("worker", ["--broker", "nonsense://x"], {}, "--broker: unknown scheme 'nonsense'"),
        ("worker", [], {"COPYDESK_BROKER_TIMEOUT": "nan"}, "COPYDESK_BROKER_TIMEOUT=nan must be"),
        ("worker", [], {"COPYDESK_TLS": "maybe"}, "COPYDESK_TLS='maybe' is not yes or no"),
        ("publish", ["--broker", "kafka://h:0"], {}, "--broker: port '0' in 'kafka://h:0' is not"),
        ("publish", [], {"COPYDESK_PARTITIONS": "many"}, "COPYDESK_PARTITIONS='many' is not a"),
        ("publish", ["--sasl-mechanism", "PLAIN"], {}, "is PLAIN but COPYDESK_SASL_USERNAME"),
        ("tail", ["--broker", "kafka://"], {}, "--broker: no host in 'kafka://'"),
        ("tail", [], {"COPYDESK_BROKER": "kafka://u:pw@h:1"}, "BROKER must not hold credentials"),
        ("tail", ["--tls-ca-file", "/no/ca.pem"], {}, "--tls-ca-file is set but TLS is off"),
        ("status", ["--broker", "http://h:80"], {}, "--broker: unknown scheme 'http'"),
        ("status", [], {"COPYDESK_WEB_PORT": "0"}, "COPYDESK_WEB_PORT=0 must be from 1 to 65535"),
        ("rules", ["--broker", "kafka://h:x"], {}, "--broker: port 'x' in 'kafka://h:x' is not"),
        ("rules", [], {"COPYDESK_TOPIC_RULES": "a/b"}, "COPYDESK_TOPIC_RULES='a/b' is not a Kafka"),
        ("status", ["--tls", "--tls-ca-file", "/no/ca.pem"], {}, "--tls-ca-file: no such file"),
    ],
)
def test_bad_settings(command: str, flags: list[str], env: dict[str, str], says: str) -> None:
    done = copydesk(*KAFKA_COMMANDS[command], *flags, env=env)
    line = assert_one_line_error(done, says)
    assert "pw" not in line  # credentials in a URL are never echoed


def test_worker_web_port_zero_is_refused_before_faust() -> None:
    done = copydesk("worker", "--web-port", "0")
    assert_one_line_error(done, "copydesk: error: --web-port=0 must be from 1 to 65535")


def test_bad_flags_are_one_line_too() -> None:
    assert_one_line_error(copydesk("tail", "--count", "0"), "--count: '0' must be over 0")
    assert_one_line_error(copydesk("tail", "--timeout", "-1"), "--timeout: '-1' must be over 0")
    assert_one_line_error(copydesk("tail", "--timeout", "soon"), "'soon' is not a number")
    assert_one_line_error(copydesk("broker", "--port", "70000"), "'70000' is not a port")
    assert_one_line_error(copydesk("status", "--tls", "yes"), "unrecognized arguments: yes")
    assert_one_line_error(copydesk("nosuch"), "invalid choice: 'nosuch'")


# -- the broker: not there, not Kafka, not TLS ------------------------------------------------


@pytest.mark.parametrize("command", list(KAFKA_COMMANDS))
def test_nothing_listens_on_the_broker_port(command: str) -> None:
    port = free_port()
    done = copydesk(*KAFKA_COMMANDS[command], "--broker", f"kafka://127.0.0.1:{port}", env=QUICK)
    assert_one_line_error(
        done, f"127.0.0.1:{port} refused the connection", "is the broker running?"
    )


@pytest.mark.parametrize("command", list(KAFKA_COMMANDS))
def test_the_broker_host_does_not_resolve(command: str) -> None:
    done = copydesk(*KAFKA_COMMANDS[command], "--broker", "kafka://no-such-host.invalid:9092")
    assert_one_line_error(done, "no-such-host.invalid:9092 is not a host name that resolves")


@pytest.mark.parametrize("command", list(KAFKA_COMMANDS))
def test_something_else_listens_on_the_broker_port(command: str) -> None:
    with silent_server() as port:
        done = copydesk(
            *KAFKA_COMMANDS[command], "--broker", f"kafka://127.0.0.1:{port}", env=QUICK
        )
    assert_one_line_error(done, "accepted the connection but gave no Kafka answer", "waited 1 s")


@pytest.mark.parametrize("command", list(KAFKA_COMMANDS))
def test_tls_to_a_plaintext_listener(command: str) -> None:
    # kafka-python alone waited forever here: its TLS handshake has no timeout.
    with silent_server() as port:
        done = copydesk(
            *KAFKA_COMMANDS[command], "--broker", f"kafka://127.0.0.1:{port}", "--tls", env=QUICK
        )
    assert_one_line_error(done, "gave no TLS answer within 1 s: is it a TLS listener?")


# -- paths: publish and process -----------------------------------------------------------------


@pytest.mark.parametrize("command", ["publish", "process"])
def test_missing_path_comes_before_the_broker(command: str) -> None:
    done = copydesk(command, "/no/such/path", env={"COPYDESK_BROKER": f"127.0.0.1:{free_port()}"})
    assert (
        assert_one_line_error(done) == "copydesk: error: no such file or directory: /no/such/path"
    )


@pytest.mark.parametrize("command", ["publish", "process"])
def test_directory_with_nothing_in_it(command: str, tmp_path: Path) -> None:
    (tmp_path / ".hidden").write_text("skipped, as every hidden file")
    done = copydesk(command, str(tmp_path))
    assert_one_line_error(done, f"no files in directory {tmp_path}")


@pytest.mark.parametrize("command", ["publish", "process"])
def test_unreadable_file(command: str, tmp_path: Path) -> None:
    secret = tmp_path / "embargoed.txt"
    secret.write_text("Not for publication before noon.")
    secret.chmod(0)
    done = copydesk(command, str(EXAMPLES / "harbour-strike.txt"), str(secret), unprivileged=True)
    assert_one_line_error(done, f"cannot read {secret}: Permission denied")


@pytest.mark.parametrize("command", ["publish", "process"])
def test_unreadable_directory(command: str, tmp_path: Path) -> None:
    inside = tmp_path / "desk" / "locked"
    inside.mkdir(parents=True)
    (inside / "story.txt").write_text("A story.")
    (tmp_path / "desk" / "open.txt").write_text("Another story.")
    inside.chmod(0)
    done = copydesk(command, str(tmp_path / "desk"), unprivileged=True)
    assert_one_line_error(done, f"cannot read directory {inside}: Permission denied")


def test_rule_file_missing_comes_before_the_broker() -> None:
    done = copydesk("rules", "add", "/no/rules.json", env={"COPYDESK_BROKER": "127.0.0.1:9"})
    assert_one_line_error(done, "cannot read rule file /no/rules.json")


def test_not_a_file_or_directory() -> None:
    assert_one_line_error(copydesk("process", "/dev/null"), "not a file or directory: /dev/null")


# -- what the worker needs besides the broker -------------------------------------------------


def test_worker_model_not_installed() -> None:
    done = copydesk("worker", "--model", "no_such_model", "--broker", f"127.0.0.1:{free_port()}")
    assert_one_line_error(done, "the spaCy model 'no_such_model' is not installed")


def test_worker_data_directory_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    done = copydesk("worker", env={"COPYDESK_DATADIR": str(tmp_path / "a-file" / "data")})
    assert_one_line_error(done, "cannot create the data directory", "set COPYDESK_DATADIR")


# -- the embedded broker's port ---------------------------------------------------------------


def test_broker_port_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = copydesk("broker", "--port", str(port))
    assert_one_line_error(
        done, f"cannot listen on 127.0.0.1:{port} (Address already in use)", "another --port"
    )


def test_no_command_shows_a_password(tmp_path: Path) -> None:
    """--help lists no password flag, and no error line shows the password."""
    env = {
        "COPYDESK_SASL_MECHANISM": "SCRAM-SHA-256",
        "COPYDESK_SASL_USERNAME": "alice",
        "COPYDESK_SASL_PASSWORD": "hunter2-in-env",
    }
    for command in (["worker"], ["publish"], ["tail"], ["status"], ["rules", "add"]):
        shown = copydesk(*command, "--help", env=env).stdout.decode()
        assert "--sasl-password-file" in shown and "--sasl-password " not in shown
        assert "hunter2" not in shown
    done = copydesk("status", "--broker", f"127.0.0.1:{free_port()}", env={**env, **QUICK})
    assert "hunter2" not in assert_one_line_error(done, "refused the connection")
    assert os.environ.get("COPYDESK_SASL_PASSWORD") is None  # the test leaked nothing
