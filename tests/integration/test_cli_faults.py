"""The broker going away under a running command: ``tail`` and ``publish`` end in one line and
exit 2, saying how far they got, instead of retrying quietly forever. Each test has a broker of
its own (the embedded one), killed with SIGKILL mid-run."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

from agents.kafka.clients import read_topics
from agents.local.broker import EmbeddedBroker
from agents.settings import Settings
from tests.helpers import assert_one_line_error

pytestmark = pytest.mark.integration

#: The broker timeout of these commands, so that losing the broker shows within seconds.
TIMEOUT = "2"


@pytest.fixture
def doomed_broker() -> Iterator[EmbeddedBroker]:
    """An embedded broker of this test's own, for the test to kill."""
    broker = EmbeddedBroker().start()
    yield broker
    broker.stop()


def _start(*args: str, stdin: int | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "agents", *args, "--broker-timeout", TIMEOUT],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _lines(n: int, start: int = 0) -> bytes:
    return b"".join(
        json.dumps({"id": f"kill-{i}", "text": f"Story {i}."}).encode() + b"\n"
        for i in range(start, start + n)
    )


def test_tail_ends_when_the_broker_goes_away(doomed_broker: EmbeddedBroker) -> None:
    broker = doomed_broker.url
    published = subprocess.run(
        [sys.executable, "-m", "agents", "publish", "--broker", broker, "--format", "jsonl", "-"],
        input=_lines(5),
        capture_output=True,
    )
    assert published.returncode == 0, published.stderr
    tail = _start("tail", "--broker", broker, "--topic", "articles.raw", "--from-beginning")
    assert tail.stdout is not None
    seen = [tail.stdout.readline() for _ in range(5)]  # it is reading: kill the broker now
    assert all(json.loads(line)["id"].startswith("kill-") for line in seen)
    assert doomed_broker.process is not None
    doomed_broker.process.kill()
    out, err = tail.communicate(timeout=60)  # without --timeout: only the lost broker ends it
    done = subprocess.CompletedProcess(tail.args, tail.returncode, out, err)
    assert_one_line_error(
        done, f"lost the broker at {broker} after 5 event(s)", "refused the connection"
    )


def test_publish_ends_when_the_broker_goes_away(doomed_broker: EmbeddedBroker) -> None:
    broker = doomed_broker.url
    publish = _start("publish", "--broker", broker, "--format", "jsonl", "-", stdin=subprocess.PIPE)
    assert publish.stdin is not None
    publish.stdin.write(_lines(5))  # a feed piped in: these five go while the broker is there
    publish.stdin.flush()
    settings = Settings.from_env({}, broker=broker)
    arrived = list(
        read_topics(settings, ["articles.raw"], from_beginning=True, timeout=60, count=5)
    )
    assert len(arrived) == 5
    assert doomed_broker.process is not None
    doomed_broker.process.kill()
    doomed_broker.process.wait()
    out, err = publish.communicate(_lines(5, start=5), timeout=60)  # these find no broker
    done = subprocess.CompletedProcess(publish.args, publish.returncode, out, err)
    assert_one_line_error(
        done,
        f"lost the broker at {broker}: 5 record(s) published to articles.raw",
        "refused the connection",
        "publish again once it is back",
    )
