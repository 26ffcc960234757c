"""A Faust app whose consumers wait at most ``fetch_max_wait`` seconds for records to arrive.

Faust 0.15 passes aiokafka a fixed ``fetch_max_wait_ms=1500``. Apache Kafka answers a fetch as soon
as a record arrives, so there the wait costs nothing. The embedded broker (Tansu) holds every fetch
on an idle partition for the whole wait, whatever arrives meanwhile. Measured here, a record sent
to an idle partition reached a consumer 50–390 ms later with a 1500 ms wait and 3–15 ms later with
100 ms; when the pipeline consumed three hops, publish to enriched took 1.8 s at the median. It
consumes one now (the raw topic), and a shorter wait only costs more empty fetches on an idle
topic: at 25 ms, about 4% of a core in the worker and as much in the embedded broker.
"""

from __future__ import annotations

from typing import Any, cast

import aiokafka
import faust
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TransportT


class CopydeskApp(faust.App):
    """``faust.App`` with the consumers' fetch wait as a setting of its own."""

    #: What :func:`agents.streaming.app.build_app` registered: topics, agent, compute, status.
    copydesk: Any = None

    def __init__(self, *args: Any, fetch_max_wait: float, **kwargs: Any) -> None:
        self.fetch_max_wait = fetch_max_wait
        super().__init__(*args, **kwargs)

    def _new_transport(self) -> TransportT:
        return _Transport(self.conf.broker_consumer, self)


class _ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> aiokafka.AIOKafkaConsumer:
        consumer = super()._create_worker_consumer(transport)
        # aiokafka reads this when the consumer starts; it has no public setter (pinned 0.14).
        consumer._fetch_max_wait_ms = int(cast(CopydeskApp, self.app).fetch_max_wait * 1000)
        return consumer


class _Consumer(faust_aiokafka.Consumer):
    def _new_consumer_thread(self) -> _ConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)


class _Transport(faust_aiokafka.Transport):
    Consumer = _Consumer
