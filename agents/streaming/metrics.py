"""A worker's Prometheus metrics, read from its :class:`~agents.compute.Status`.

Each worker has a registry of its own (never prometheus-client's global one, which Faust's own
Prometheus sensor serves): two apps in one process, as in the tests, keep their figures apart.
The running totals (records, dead letters, busy seconds, restarts) are read from
``Status.snapshot()`` at scrape time, so nothing counts twice; the histograms need each
observation, so :class:`WorkerMetrics` is also a :class:`~agents.compute.StatusObserver`.
Consumer lag and loop lag come from callables the web module gives it (they read Faust).

The names are a contract: the Grafana dashboard and the Prometheus rules in ``deploy/`` use them,
and a test checks that every name there is one a fed registry serves. ``docs/operations.md``
says what each means.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from prometheus_client import CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from agents.compute import Status
from agents.pipeline import RecordResult

PREFIX = "copydesk"
#: Compute seconds of one stage on one record: a short article's stages take milliseconds, a
#: long page's entity stage seconds, a record near its deadline tens of seconds.
STAGE_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
#: Raw record timestamp to enriched event: ~0.1 s on an idle stream, seconds under a backlog.
END_TO_END_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256)

#: (topic, partition) -> end offset minus committed offset.
Lags = Mapping[tuple[str, int], int]


class WorkerMetrics:
    """The registry one worker serves on ``/metrics``; observes ``status`` from now on."""

    def __init__(
        self,
        status: Status,
        *,
        version: str,
        model: str,
        consumer_lag: Callable[[], Lags] = dict,
        loop_lag: Callable[[], float] = lambda: 0.0,
    ) -> None:
        self.registry = CollectorRegistry()
        self.stage_seconds = Histogram(
            f"{PREFIX}_stage_seconds",
            "Compute seconds of one stage on one record (in the compute process)",
            ["stage"],
            buckets=STAGE_BUCKETS,
            registry=self.registry,
        )
        self.end_to_end = Histogram(
            f"{PREFIX}_end_to_end_seconds",
            "Seconds from a raw record's timestamp to its enriched event's publication",
            buckets=END_TO_END_BUCKETS,
            registry=self.registry,
        )
        self.batch_size = Histogram(
            f"{PREFIX}_batch_size",
            "Records in each batch handed to the compute process",
            buckets=BATCH_BUCKETS,
            registry=self.registry,
        )
        self.registry.register(_StatusCollector(status, version, model, consumer_lag, loop_lag))
        status.observers.append(self)

    # --- StatusObserver ----------------------------------------------------------------------

    def observe_batch(self, size: int, seconds: float) -> None:
        self.batch_size.observe(size)

    def observe_record(self, result: RecordResult) -> None:
        for stage, ms in result.ms.items():
            self.stage_seconds.labels(stage).observe(ms / 1000)

    def observe_end_to_end(self, seconds: float) -> None:
        self.end_to_end.observe(max(0.0, seconds))

    # --- served ------------------------------------------------------------------------------

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)


class _StatusCollector(Collector):
    """The running totals and present state, read at each scrape."""

    def __init__(
        self,
        status: Status,
        version: str,
        model: str,
        consumer_lag: Callable[[], Lags],
        loop_lag: Callable[[], float],
    ) -> None:
        self.status = status
        self.version = version
        self.model = model
        self.consumer_lag = consumer_lag
        self.loop_lag = loop_lag

    def collect(self) -> Iterator[Metric]:
        snap: dict[str, Any] = self.status.snapshot()
        records = CounterMetricFamily(
            f"{PREFIX}_records",
            "Records by stage and outcome: ok at each stage a record passed, dead_letter at the "
            "stage that dead-lettered it",
            labels=["stage", "outcome"],
        )
        for key, count in sorted(snap["records"].items()):
            records.add_metric(key.split("/", 1), count)
        yield records
        letters = CounterMetricFamily(
            f"{PREFIX}_dead_letters",
            "Dead letters by the stage that wrote them and their kind",
            labels=["stage", "kind"],
        )
        for key, count in sorted(snap["dead_letters"].items()):
            letters.add_metric(key.split("/", 1), count)
        yield letters
        # The batch in progress counts as it runs, so a long batch shows in rate() at once.
        busy = snap["busy_seconds"] + (snap["busy_for"] or 0.0)
        yield CounterMetricFamily(
            f"{PREFIX}_model_busy_seconds",
            "Seconds the compute process (the stages and the model) was busy with batches",
            value=busy,
        )
        yield CounterMetricFamily(
            f"{PREFIX}_compute_restarts",
            "Compute processes replaced after a record overran its deadline or a crash",
            value=snap["restarts"],
        )
        yield CounterMetricFamily(
            f"{PREFIX}_events_published",
            "Events sent to the output topics",
            value=snap["published"],
        )
        yield GaugeMetricFamily(
            f"{PREFIX}_compute_ready",
            "1 while the compute process has its stages and model loaded, else 0",
            value=1 if snap["ready"] else 0,
        )
        yield GaugeMetricFamily(
            f"{PREFIX}_in_flight", "Records in the compute process now", value=snap["in_flight"]
        )
        lag = GaugeMetricFamily(
            f"{PREFIX}_consumer_lag",
            "Records of an assigned input partition not yet committed: end offset minus "
            "committed offset",
            labels=["topic", "partition"],
        )
        for (topic, partition), behind in sorted(self.consumer_lag().items()):
            lag.add_metric([topic, str(partition)], behind)
        yield lag
        yield GaugeMetricFamily(
            f"{PREFIX}_event_loop_lag_seconds",
            "Worst lateness of the worker's event loop in the last few seconds",
            value=self.loop_lag(),
        )
        info = GaugeMetricFamily(
            f"{PREFIX}_info",
            "The worker's copydesk version and NER model",
            labels=["version", "model"],
        )
        info.add_metric([self.version, snap["model"] or self.model], 1)
        yield info
