"""Child processes of copydesk's own: a worker for ``copydesk demo`` and the tests, and helpers
to find a free port, wait for a listener and stop a child cleanly."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from agents.settings import Settings
from agents.streaming import MODEL_LOADED


def start_worker(settings: Settings, log: Path) -> subprocess.Popen[bytes]:
    """``copydesk worker`` in a child process with ``settings``, its output going to ``log``."""
    with open(log, "ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "agents", "worker", "--loglevel", "info"],
            env={**os.environ, **settings.as_env()},
            stdout=out,
            stderr=subprocess.STDOUT,
        )


#: Lines a worker has logged when it is ready: Faust's, once it has its partitions, and ours.
READY_MARKERS = (b"[^Worker]: Ready", MODEL_LOADED.encode())


def wait_until_ready(
    worker: subprocess.Popen[bytes],
    log: Path,
    timeout: float,
    markers: tuple[bytes, ...] = READY_MARKERS,
) -> bool:
    """Whether ``worker`` logged that it is ready (partitions assigned, model loaded), or
    whatever else ``markers`` say, within ``timeout`` seconds; False at once if it exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and worker.poll() is None:
        text = log.read_bytes() if log.exists() else b""
        if all(marker in text for marker in markers):
            return True
        time.sleep(0.1)
    return False


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def wait_for_port(host: str, port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def stop_process(process: subprocess.Popen[bytes], grace: float = 15.0) -> int:
    """Ask a child process to stop (SIGTERM), then insist (SIGKILL) after ``grace`` seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait()
