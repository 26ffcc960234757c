"""The Faust app, configured from :class:`~agents.settings.Settings`.

Start a worker with ``copydesk worker`` or ``faust -A agents.app worker``; both read the same
``COPYDESK_*`` environment. The agents live in :mod:`agents.streams`, found by autodiscovery.
"""

from __future__ import annotations

from pathlib import Path

from agents.fetch_wait import CopydeskApp
from agents.settings import Settings

settings = Settings.from_env()
# Faust keeps table state in its data directory; copydesk has no tables, but Faust wants it there.
Path(settings.datadir).mkdir(parents=True, exist_ok=True)

app = CopydeskApp(
    settings.app_id,
    fetch_max_wait=settings.fetch_max_wait,
    broker=settings.broker,
    autodiscover=["agents.streams"],
    origin="agents",
    datadir=settings.datadir,
    web_enabled=False,
    web_port=settings.web_port,
    topic_partitions=settings.partitions,
    broker_session_timeout=settings.session_timeout,
    broker_rebalance_timeout=settings.rebalance_timeout,
    broker_heartbeat_interval=max(1.0, settings.session_timeout / 4),
    # Events carry the whole article (and dead letters the whole input, base64): allow large ones.
    producer_max_request_size=settings.max_event_bytes,
    consumer_max_fetch_size=settings.max_event_bytes,
)
