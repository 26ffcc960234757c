"""docker-compose.yml and the Dockerfile agree with the code (no Docker engine runs here)."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
import yaml

from agents.cli import build_parser
from agents.settings import ENV_PREFIX, Settings
from tests.conftest import ROOT
from tests.helpers import fed_metrics, scraped


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


#: The names the issue promises dashboards and alert rules can rely on.
PROMISED = {
    "copydesk_records_total",
    "copydesk_dead_letters_total",
    "copydesk_stage_seconds_bucket",
    "copydesk_end_to_end_seconds_bucket",
    "copydesk_consumer_lag",
    "copydesk_batch_size_bucket",
    "copydesk_event_loop_lag_seconds",
    "copydesk_model_busy_seconds_total",
    "copydesk_info",
}
DEPLOY = ROOT / "deploy"
_NAME = re.compile(r"(?<![\w:])copydesk_[a-z_]+")


def _served() -> set[str]:
    """Every sample name a worker's registry serves once fed (stage results, a lag)."""
    metrics, _, _ = fed_metrics(lags={("articles.raw", 0): 0})
    return set(scraped(metrics))


def _dashboard_exprs() -> list[str]:
    dashboard = json.loads((DEPLOY / "grafana/dashboards/copydesk.json").read_text())
    return [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]


def _rule_exprs() -> list[str]:
    rules = yaml.safe_load((DEPLOY / "prometheus/rules.yml").read_text())
    return [rule["expr"] for group in rules["groups"] for rule in group["rules"]]


def test_worker_serves_every_promised_metric() -> None:
    assert _served() >= PROMISED


def test_dashboard_and_rules_use_only_metrics_the_worker_serves() -> None:
    served = _served()
    for expr in _dashboard_exprs() + _rule_exprs():
        names = set(_NAME.findall(expr))
        # Prometheus's own ``up`` is the only other series they may read.
        assert names or re.fullmatch(r'.*\bup\{job="copydesk"\}.*', expr), expr
        assert names <= served, f"{expr!r} names {names - served}, not served"


def test_dashboard_has_the_operators_panels() -> None:
    dashboard = json.loads((DEPLOY / "grafana/dashboards/copydesk.json").read_text())
    by_title = {panel["title"]: panel for panel in dashboard["panels"]}
    wanted = {
        "Throughput by stage": "copydesk_records_total",
        "Dead letters by kind": "copydesk_dead_letters_total",
        "End-to-end latency": "copydesk_end_to_end_seconds_bucket",
        "Consumer lag per partition": "copydesk_consumer_lag",
        "Event loop lag": "copydesk_event_loop_lag_seconds",
        "Model busy share": "copydesk_model_busy_seconds_total",
    }
    for title, metric in wanted.items():
        assert any(metric in t["expr"] for t in by_title[title]["targets"]), title
    quantiles = {
        float(q)
        for t in by_title["End-to-end latency"]["targets"]
        for q in re.findall(r"histogram_quantile\(([\d.]+)", t["expr"])
    }
    assert quantiles == {0.5, 0.9, 0.99}
    assert len({panel["id"] for panel in dashboard["panels"]}) == len(dashboard["panels"])


def test_grafana_is_provisioned_with_the_datasource_and_dashboard(compose: dict) -> None:
    grafana = compose["services"]["grafana"]
    mounts = dict(volume.rsplit(":", 2)[:2] for volume in grafana["volumes"] if volume[0] == ".")
    assert mounts["./deploy/grafana/provisioning"] == "/etc/grafana/provisioning"
    provisioning = DEPLOY / "grafana/provisioning"
    (source,) = yaml.safe_load((provisioning / "datasources/prometheus.yml").read_text())[
        "datasources"
    ]
    assert source["type"] == "prometheus" and source["url"] == "http://prometheus:9090"
    (provider,) = yaml.safe_load((provisioning / "dashboards/copydesk.yml").read_text())[
        "providers"
    ]
    assert mounts["./deploy/grafana/dashboards"] == provider["options"]["path"]
    dashboard = json.loads((DEPLOY / "grafana/dashboards/copydesk.json").read_text())
    for panel in dashboard["panels"]:
        assert panel["datasource"]["uid"] == source["uid"], panel["title"]
        assert all(t["datasource"]["uid"] == source["uid"] for t in panel["targets"])


def test_prometheus_scrapes_every_worker_on_its_web_port(compose: dict) -> None:
    prometheus = compose["services"]["prometheus"]
    assert "./deploy/prometheus:/etc/prometheus:ro" in prometheus["volumes"]
    config = yaml.safe_load((DEPLOY / "prometheus/prometheus.yml").read_text())
    assert config["rule_files"] == ["/etc/prometheus/rules.yml"]
    (job,) = config["scrape_configs"]
    (discovery,) = job["dns_sd_configs"]
    worker = compose["services"]["worker"]
    args = build_parser().parse_args(worker["command"])
    # The service name resolves to every replica under --scale; each serves on its web port.
    assert discovery["names"] == ["worker"] and discovery["type"] == "A"
    assert discovery["port"] == args.web_port and job["metrics_path"] == "/metrics"
    assert args.web is not False
    probe = " ".join(worker["healthcheck"]["test"])
    assert f"http://localhost:{args.web_port}/healthz" in probe
