"""A real worker's /metrics, /healthz and /readyz over HTTP, against the embedded broker: the
counts it serves are the records published, its lag returns to 0, ``copydesk status`` (the
broker's view) agrees, and a record that holds the compute process past its deadline turns
/healthz to 503 until the replacement process has taken over."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from agents.local.processes import start_worker, stop_process
from agents.repair.intake import content_id
from tests.helpers import Samples, copydesk, parse_metrics
from tests.integration.conftest import (
    SHORT_DEADLINE,
    WAIT,
    RunningPipeline,
    pipeline_settings,
    slow_record,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def worker(broker_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPipeline]:
    """A worker of its own (its counts are this module's), with a short record deadline."""
    workdir = tmp_path_factory.mktemp("operations")
    settings = pipeline_settings(broker_url, workdir, record_deadline=SHORT_DEADLINE)
    running = RunningPipeline(settings, workdir / "worker.log")
    running.worker = start_worker(settings, running.log)
    try:
        _wait_for(running, lambda: _get(running, "/readyz")[0] == 200, "ready")
        yield running
    finally:
        code = stop_process(running.worker)
    assert code == 0, f"the worker did not stop cleanly (exit {code}):\n{running.log_tail()}"


def _get(running: RunningPipeline, path: str) -> tuple[int, bytes]:
    url = f"http://127.0.0.1:{running.settings.web_port}{path}"
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""  # not listening yet


def _scrape(running: RunningPipeline) -> Samples:
    status, body = _get(running, "/metrics")
    assert status == 200, body
    return parse_metrics(body.decode())


def _total(samples: Samples, name: str, **labels: str) -> float:
    wanted = set(labels.items())
    return sum(v for k, v in samples.get(name, {}).items() if wanted <= set(k))


def _wait_for(running: RunningPipeline, done, what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        assert running.worker is not None and running.worker.poll() is None, running.log_tail()
        assert time.monotonic() < deadline, f"not {what} in {timeout} s:\n{running.log_tail()}"
        time.sleep(0.1)


def _story(n: int) -> str:
    return json.dumps(
        {"id": f"ops-{n}", "text": f"Ferry {n} sails again\n\nThe ferry to Texel sailed on Friday."}
    )


def test_metrics_count_what_was_published_and_status_agrees(
    worker: RunningPipeline, tmp_path: Path
) -> None:
    settings = worker.settings
    good = 8
    bad = [
        '{"id": "ops-broken", "text": "no end',
        json.dumps({"id": "ops-empty", "text": "  "}),
        json.dumps({"id": "ops-misspelt", "txt": "a typo"}),
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([*(_story(n) for n in range(good)), *bad]) + "\n")
    worker.publish(feed)

    def settled() -> bool:
        samples = _scrape(worker)
        lags = samples.get("copydesk_consumer_lag", {})
        return (
            _total(samples, "copydesk_records_total", stage="entities", outcome="ok") == good
            and _total(samples, "copydesk_dead_letters_total") == len(bad)
            and len(lags) == settings.partitions
            and not any(lags.values())
        )

    _wait_for(worker, settled, "all counted, lag 0")
    samples = _scrape(worker)
    assert _total(samples, "copydesk_records_total", outcome="dead_letter") == len(bad)
    kinds = {
        dict(labels)["kind"]: value
        for labels, value in samples["copydesk_dead_letters_total"].items()
    }
    assert _total(samples, "copydesk_end_to_end_seconds_count") == good
    assert _total(samples, "copydesk_batch_size_sum") == good + len(bad)
    assert samples["copydesk_compute_ready"][()] == 1
    for path in ("/healthz", "/readyz"):
        status, body = _get(worker, path)
        assert status == 200 and json.loads(body)["status"] == "ok", body

    # The broker's picture: the same records, dead letters by kind, and the group caught up.
    topics = [f"--topic-{role}={topic}" for role, topic in settings.stage_topics.items()]
    done = copydesk("status", "--broker", settings.broker, "--json", *topics)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["topics"][settings.topic_raw]["records"] == good + len(bad)
    assert seen["topics"][settings.topic_enriched]["records"] == good
    assert seen["dead_letters"]["by_kind"] == kinds
    assert seen["groups"][settings.app_id]["lag"] == 0
    # For the record of a run (pytest -s shows it): the scrape and the terminal picture.
    body = _get(worker, "/metrics")[1].decode()
    print("\n".join(line for line in body.splitlines() if not line.startswith("#")))
    print(copydesk("status", "--broker", settings.broker, *topics).stdout.decode())


def test_healthz_fails_while_a_record_holds_the_compute_past_its_deadline(
    worker: RunningPipeline, tmp_path: Path
) -> None:
    """The slow record runs past its allowance in the entity stage (:func:`slow_record`)."""
    slow = slow_record(tmp_path / "slow.txt")
    assert _get(worker, "/healthz")[0] == 200
    # Restarts so far: under heavy load a batch of the test before can overrun its short
    # deadline together and be retried one at a time (a restart, no dead letter).
    before = _total(_scrape(worker), "copydesk_compute_restarts_total")
    worker.publish(slow)
    failing: list[dict] = []

    def turned() -> bool:
        status, body = _get(worker, "/healthz")
        if status == 503:
            failing.append(json.loads(body))
        return bool(failing)

    _wait_for(worker, turned, "503")
    assert failing[0]["status"] == "failing"
    assert "past its deadline in the entities stage" in failing[0]["reasons"][0], failing[0]
    _wait_for(worker, lambda: _get(worker, "/healthz")[0] == 200, "healthy again")
    letter = worker.outcomes_for({content_id(slow.read_bytes())})
    assert [o.event["kind"] for o in letter.values()] == ["deadline"]
    samples = _scrape(worker)
    assert _total(samples, "copydesk_dead_letters_total", kind="deadline", stage="entities") == 1
    restarts = _total(samples, "copydesk_compute_restarts_total") - before
    assert restarts == 1, worker.log_tail()  # the record, alone: one restart
    _wait_for(worker, lambda: _get(worker, "/readyz")[0] == 200, "ready again")
