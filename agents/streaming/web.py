"""``/metrics``, ``/healthz`` and ``/readyz`` on a worker's Faust web server (its web port).

The views run on the worker's event loop, as Faust's web server does, and only read: the
:class:`~agents.compute.Status` snapshot (under its lock, for microseconds), the loop-lag window,
and what Faust's consumer already knows of its partitions. Consumer lag per assigned partition
is the end offset minus the offset this worker committed there. The end offset is the high
watermark of the consumer's latest fetch of the partition, and at least the broker's
ListOffsets answer, refreshed every :data:`END_OFFSETS_S` seconds: the embedded broker
(Tansu) under-reports ListOffsets (see :mod:`agents.kafka.clients`), while a fetch's high
watermark is right there; ListOffsets keeps a paused partition's end moving on Apache Kafka.
"""

from __future__ import annotations

import logging
from importlib.metadata import version

import faust
from faust.types import TP
from faust.web import Request, Response, View

from agents.settings import Settings
from agents.streaming.agents import CopydeskAgents
from agents.streaming.health import liveness, readiness
from agents.streaming.metrics import Lags, WorkerMetrics

log = logging.getLogger(__name__)

END_OFFSETS_S = 5.0
#: prometheus-client's text format, version 0.0.4.
METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class ConsumerLag:
    """End minus committed offset of every partition of ``topics`` assigned to the app's
    consumer (Faust's own internal topics left out)."""

    def __init__(self, app: faust.App, topics: set[str]) -> None:
        self.app = app
        self.topics = topics
        self.listed: dict[TP, int] = {}  # ListOffsets' end offsets, refreshed by a timer

    def assigned(self) -> set[TP]:
        try:
            assignment = self.app.consumer.assignment()
        except Exception:  # the consumer has not started yet (or is stopping): none
            return set()
        return {tp for tp in assignment if tp.topic in self.topics}

    def current(self) -> Lags:
        consumer = self.app.consumer
        lags: dict[tuple[str, int], int] = {}
        for tp in self.assigned():
            try:
                fetched = consumer.highwater(tp)
            except Exception:  # revoked since assignment() was read (a rebalance): skip it
                continue
            end = max(fetched or 0, self.listed.get(tp, 0))
            if fetched is None and tp not in self.listed:
                continue  # nothing known of this partition yet
            # Faust's own record of what it committed (private; faust-streaming is pinned):
            # Kafka's convention, the next offset to read; None for nothing or offset 0.
            committed = consumer._committed_offset.get(tp) or 0
            lags[tp.topic, tp.partition] = max(0, end - committed)
        return lags

    async def refresh(self) -> None:
        tps = self.assigned()
        if not tps:
            return
        try:
            self.listed = dict(await self.app.consumer.highwaters(*tps))
        except Exception as exc:  # a broker hiccup: the fetch high watermarks still serve
            log.debug("copydesk: end offsets not refreshed: %r", exc)


def serve_operations(app: faust.App, agents: CopydeskAgents, settings: Settings) -> WorkerMetrics:
    """Register the three views (and the end-offset timer) on ``app``; returns the metrics."""
    lag = ConsumerLag(app, {settings.topic_raw})
    metrics = WorkerMetrics(
        agents.status,
        version=version("copydesk"),
        model=settings.model,
        consumer_lag=lag.current,
        loop_lag=agents.loop_lag.worst,
    )
    heartbeat = float(app.conf.broker_heartbeat_interval)

    @app.timer(END_OFFSETS_S)
    async def refresh_end_offsets() -> None:
        await lag.refresh()

    @app.page("/metrics")
    async def prometheus(view: View, request: Request) -> Response:
        return view.bytes(metrics.exposition(), headers={"Content-Type": METRICS_CONTENT_TYPE})

    @app.page("/healthz")
    async def healthz(view: View, request: Request) -> Response:
        verdict = liveness(agents.status.snapshot(), agents.loop_lag.worst(), heartbeat)
        return view.json(verdict.as_json(), status=verdict.http_status)

    @app.page("/readyz")
    async def readyz(view: View, request: Request) -> Response:
        raw = settings.topic_raw
        assigned = [tp.partition for tp in lag.assigned()]
        verdict = readiness(agents.status.snapshot(), assigned, raw)
        return view.json(verdict.as_json(), status=verdict.http_status)

    return metrics
