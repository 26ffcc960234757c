"""The worker's consumer gets the fetch wait from the settings, not Faust's fixed 1.5 s."""

from __future__ import annotations

import asyncio

from agents.streaming.transport import CopydeskApp


def test_fetch_wait_reaches_the_aiokafka_consumer() -> None:
    async def created_wait() -> int:
        app = CopydeskApp("fetch-wait-test", broker="kafka://127.0.0.1:1", fetch_max_wait=0.05)
        thread = app.consumer._new_consumer_thread()
        consumer = thread._create_worker_consumer(app.transport)
        return consumer._fetch_max_wait_ms

    assert asyncio.run(created_wait()) == 50
