"""The Faust app, built from :class:`~agents.settings.Settings`.

``build_app(settings)`` makes a worker's app with its topics and agents; nothing is read from the
environment or written to disk on import. ``copydesk worker`` builds it from its flags and the
``COPYDESK_*`` environment; ``faust -A agents.streaming.app worker`` finds the module-level
``app``, built from the environment the first time it is asked for.
"""

from __future__ import annotations

from pathlib import Path

from agents.kafka.security import faust_credentials
from agents.settings import Settings
from agents.streaming.agents import CopydeskAgents, register_agents
from agents.streaming.topics import Topics
from agents.streaming.transport import CopydeskApp
from agents.streaming.web import serve_operations


def build_app(settings: Settings) -> CopydeskApp:
    """A Faust app for ``settings``, with copydesk's topics and agents registered on it."""
    # Faust keeps table state in its data directory and wants it to exist.
    Path(settings.datadir).mkdir(parents=True, exist_ok=True)
    app = CopydeskApp(
        settings.app_id,
        fetch_max_wait=settings.fetch_max_wait,
        broker=settings.broker,
        broker_credentials=faust_credentials(settings),
        autodiscover=False,
        origin="agents.streaming",
        datadir=settings.datadir,
        web_enabled=settings.web,
        web_port=settings.web_port,
        topic_partitions=settings.partitions,
        broker_session_timeout=settings.session_timeout,
        broker_rebalance_timeout=settings.rebalance_timeout,
        broker_heartbeat_interval=max(1.0, settings.session_timeout / 4),
        # Events carry the whole article (dead letters the whole input, base64): allow large ones.
        producer_max_request_size=settings.max_event_bytes,
        producer_compression_type="gzip",
        consumer_max_fetch_size=settings.max_event_bytes,
    )
    app.copydesk = register_agents(app, Topics.declare(app, settings), settings)
    if settings.web:
        serve_operations(app, app.copydesk, settings)  # /metrics, /healthz, /readyz
    return app


def __getattr__(name: str) -> CopydeskApp:
    # The module-level ``app`` that ``faust -A agents.streaming.app`` looks for, built on demand.
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    app = build_app(Settings.from_env())
    globals()["app"] = app
    return app


__all__ = ["CopydeskAgents", "build_app"]
