"""What a worker tells operators, without a broker: its metrics over a Status fed real stage
results, its liveness and readiness verdicts, the loop-lag window, and its JSON log lines.
The same endpoints over HTTP, from a real worker, are in tests/integration/test_operations.py."""

from __future__ import annotations

import io
import json
import logging
import logging.config
import sys
import time
from collections import Counter
from pathlib import Path

from agents.compute import Status
from agents.logs import JsonFormatter, logging_config
from agents.pipeline import Output, RecordResult
from agents.settings import Settings
from agents.streaming.app import build_app
from agents.streaming.health import liveness, readiness
from agents.streaming.loop import log_record
from agents.streaming.loop_lag import RecentLags
from agents.streaming.metrics import WorkerMetrics
from tests.helpers import fed_metrics, scraped


def test_metrics_count_what_the_stages_gave() -> None:
    metrics, status, results = fed_metrics(lags={("articles.raw", 1): 7}, loop_lag=0.012)
    samples = scraped(metrics)
    # Expected values from the results themselves, not written down.
    passed = Counter(stage for result in results for stage in result.ms)
    dead = Counter((r.stage, r.kind) for r in results if r.kind is not None)
    assert dead and passed  # the feed has both
    records = samples["copydesk_records_total"]
    for stage, count in passed.items():
        assert records[(("outcome", "ok"), ("stage", stage))] == count
    for (stage, kind), count in dead.items():
        assert samples["copydesk_dead_letters_total"][(("kind", kind), ("stage", stage))] == count
    assert sum(v for k, v in records.items() if ("outcome", "dead_letter") in k) == sum(
        dead.values()
    )
    stage_counts = samples["copydesk_stage_seconds_count"]
    assert {dict(k)["stage"]: v for k, v in stage_counts.items()} == dict(passed)
    ms = sum(sum(r.ms.values()) for r in results)
    assert abs(sum(samples["copydesk_stage_seconds_sum"].values()) - ms / 1000) < 1e-9
    assert samples["copydesk_batch_size_sum"][()] == len(results)
    assert samples["copydesk_end_to_end_seconds_count"][()] == 1
    assert samples["copydesk_consumer_lag"] == {(("partition", "1"), ("topic", "articles.raw")): 7}
    assert samples["copydesk_event_loop_lag_seconds"][()] == 0.012
    assert samples["copydesk_model_busy_seconds_total"][()] == status.snapshot()["busy_seconds"]
    assert samples["copydesk_info"] == {(("model", "a-model"), ("version", "test")): 1}


def test_busy_seconds_count_the_batch_in_progress() -> None:
    metrics, status, _ = fed_metrics()
    before = scraped(metrics)["copydesk_model_busy_seconds_total"][()]
    status.batch_started(3)
    time.sleep(0.05)
    during = scraped(metrics)
    assert during["copydesk_model_busy_seconds_total"][()] >= before + 0.05
    assert during["copydesk_in_flight"][()] == 3


def test_each_worker_has_a_registry_of_its_own(tmp_path: Path) -> None:
    """Two apps in one process (the tests, an embedding program) do not clash: each serves its
    own figures, none lands in prometheus-client's global registry."""
    from prometheus_client import REGISTRY

    first, _, _ = fed_metrics()
    second = WorkerMetrics(Status(), version="test", model="a-model")
    assert "copydesk_records_total" in scraped(first)
    assert "copydesk_records_total" not in scraped(second)  # nothing counted there
    assert "copydesk_batch_size_count" not in {
        s.name for m in REGISTRY.collect() for s in m.samples
    }
    apps = [
        build_app(Settings.from_env({}, app_id=f"ops-{n}", datadir=str(tmp_path / str(n))))
        for n in range(2)
    ]
    for app in apps:
        paths = {view.view_path for view in app.web.views.values()}
        assert {"/metrics", "/healthz", "/readyz"} <= paths
    off = build_app(Settings.from_env({}, app_id="ops-off", datadir=str(tmp_path), web=False))
    assert not off.conf.web_enabled


def test_live_while_making_progress_and_not_past_a_deadline() -> None:
    status = Status()
    status.set_ready(True, "a-model")
    verdict = liveness(status.snapshot(), loop_lag=0.01, heartbeat_s=2.5)
    assert verdict.http_status == 200 and verdict.reasons == []
    status.batch_started(1)
    status.progressed("entities", deadline_at=time.monotonic() + 60)
    assert liveness(status.snapshot(), 0.01, 2.5).ok  # working, within its allowance

    status.progressed("entities", deadline_at=time.monotonic() - 0.5)  # allowance run out
    verdict = liveness(status.snapshot(), 0.01, 2.5)
    assert verdict.http_status == 503
    (reason,) = verdict.reasons
    assert "past its deadline" in reason and "entities" in reason
    json.dumps(verdict.as_json())

    status.restarted("deadline in the entities stage")
    status.batch_finished([RecordResult([Output("dlq", None, b"{}")], "entities", "deadline")])
    verdict = liveness(status.snapshot(), 0.01, 2.5)
    assert verdict.ok and verdict.as_json()["last_restart"] == "deadline in the entities stage"


def test_not_live_when_the_loop_lagged_past_the_heartbeat() -> None:
    verdict = liveness(Status().snapshot(), loop_lag=3.2, heartbeat_s=2.5)
    assert verdict.http_status == 503
    assert "3.20 s" in verdict.reasons[0] and "heartbeat" in verdict.reasons[0]
    assert verdict.as_json()["status"] == "failing"


def test_ready_once_partitions_are_assigned_and_the_model_loaded() -> None:
    status = Status()
    verdict = readiness(status.snapshot(), [], "articles.raw")
    assert verdict.http_status == 503 and len(verdict.reasons) == 2
    assert readiness(status.snapshot(), [0, 2], "articles.raw").reasons == [
        "the compute process is loading its stages and model"
    ]
    status.set_ready(True, "a-model")
    (reason,) = readiness(status.snapshot(), [], "articles.raw").reasons
    assert reason.startswith("no partition of articles.raw assigned")
    verdict = readiness(status.snapshot(), [2, 0], "articles.raw")
    assert verdict.ok and verdict.as_json()["partitions"] == [0, 2]
    status.restarted("the compute process died (killed by signal 9) in the repair stage")
    (reason,) = readiness(status.snapshot(), [0], "articles.raw").reasons
    assert "killed by signal 9" in reason


def test_recent_lags_keep_the_worst_of_the_window() -> None:
    lags = RecentLags(window=5.0)
    assert lags.worst(now=0.0) == 0.0
    lags.add(0.8, now=10.0)
    lags.add(0.01, now=12.0)
    assert lags.worst(now=12.0) == 0.8
    assert lags.worst(now=15.5) == 0.01  # the stall at 10 s has left the window
    lags.add(0.02, now=30.0)
    assert lags.worst(now=30.0) == 0.02


def test_json_log_lines_carry_the_record_fields() -> None:
    stream = io.StringIO()
    config = logging_config("json", "info")
    assert config is not None and logging_config("text", "info") is None
    config["handlers"]["default"]["stream"] = stream  # dictConfig takes a stream object too
    config.pop("merge")
    config |= {"version": 1, "disable_existing_loggers": False}
    config["root"] = {"level": "INFO", "handlers": ["default"]}
    logging.config.dictConfig(config)
    try:
        letter = {"id": "a-7", "reason": "no text", "kind": "empty"}
        log_record(
            RecordResult([Output("dlq", None, json.dumps(letter).encode())], "intake", "empty"),
            1,
            5,
        )
        ok = RecordResult([Output("repaired", b"a-8", b"{}"), Output("enriched", b"a-8", b"{}")])
        log_record(RecordResult(ok.outputs, "entities"), 0, 9)
    finally:
        logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})
        logging.root.handlers.clear()
    dead, passed = (json.loads(line) for line in stream.getvalue().splitlines())
    assert dead["level"] == "warning" and dead["logger"] == "agents.streaming.loop"
    assert {k: dead[k] for k in ("article_id", "stage", "outcome", "kind", "reason")} == {
        "article_id": "a-7",
        "stage": "intake",
        "outcome": "dead_letter",
        "kind": "empty",
        "reason": "no text",
    }
    assert (dead["partition"], dead["offset"]) == (1, 5)
    assert dead["time"].endswith("Z") and "a-7" in dead["message"]
    assert {k: passed[k] for k in ("article_id", "stage", "outcome")} == {
        "article_id": "a-8",
        "stage": "entities",
        "outcome": "ok",
    }
    assert "kind" not in passed


def test_json_formatter_keeps_a_traceback_on_its_line() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed %s", ("here",), None)
    try:
        raise ValueError("bad")
    except ValueError:
        record.exc_info = sys.exc_info()
    line = JsonFormatter().format(record)
    assert "\n" not in line
    parsed = json.loads(line)
    assert parsed["message"] == "failed here" and "ValueError: bad" in parsed["exc"]
