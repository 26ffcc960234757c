"""Helpers for tests: run the early stages on an article, read our own test articles, check what
the stages report."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

import pytest

from agents.contracts import problems
from agents.pipeline import run_repair, run_structure
from agents.records import SCHEMA_STRUCTURED, Block, RepairedArticle, StructuredArticle
from agents.repair.intake import parse_raw_record
from agents.settings import Settings

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
#: The example inputs the package ships for ``copydesk demo``.
EXAMPLES = Path(__file__).resolve().parent.parent / "agents" / "local" / "examples"

BlockKind = Literal[
    "title", "standfirst", "byline", "date", "reading_time", "caption", "heading", "paragraph",
    "furniture",
]  # fmt: skip
BLOCK_KINDS = set(get_args(BlockKind))


def repaired(text: str | bytes, settings: Settings | None = None) -> RepairedArticle:
    """Run intake and repair on an article, as the repair agent would."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    settings = settings or Settings.from_env({})
    raw = parse_raw_record(None, data, max_bytes=settings.max_record_bytes)
    return run_repair(raw, settings)


def structured(text: str | bytes) -> StructuredArticle:
    """Run intake, repair and structure on an article."""
    return run_structure(repaired(text))


def assert_spans(before: str, after: str, repairs: list) -> None:
    """Every repair's spans name its text: ``before`` in the input, ``after`` in the output."""
    for repair in repairs:
        a, b = repair["input_span"]
        c, d = repair["output_span"]
        assert before[a:b] == repair["before"] and after[c:d] == repair["after"]


def article(name: str) -> str:
    """One of our own test articles from tests/data/articles/."""
    return (ARTICLES / name).read_text(encoding="utf-8")


def structured_by_lines(
    text: str | bytes, kinds: Mapping[int, BlockKind] | None = None
) -> StructuredArticle:
    """A structured event made by hand, not by the structure stage: intake and repair run, then
    every non-blank line becomes a paragraph block, unless ``kinds`` gives it another kind (keys
    count non-blank lines from 0; negative keys count from the end, -1 the last line)."""
    event = repaired(text)
    body = event["text"]
    bounds = [(m.start(), m.end()) for m in re.finditer(r"\S(?:[^\n]*\S)?", body)]
    chosen = {index % len(bounds): kind for index, kind in (kinds or {}).items()} if bounds else {}
    blocks: list[Block] = [
        {"kind": chosen.get(i, "paragraph"), "start": start, "end": end}
        for i, (start, end) in enumerate(bounds)
    ]

    def of_kind(kind: str) -> list[tuple[int, int, str]]:
        return [
            (b["start"], b["end"], body[b["start"] : b["end"]]) for b in blocks if b["kind"] == kind
        ]

    paragraphs = [line for _, _, line in of_kind("paragraph")]
    fields = {key: value for key, value in event.items() if key != "html"}
    return {  # type: ignore[return-value]
        **fields,
        "schema": SCHEMA_STRUCTURED,
        "title": next((line for _, _, line in of_kind("title")), None),
        "standfirst": next((line for _, _, line in of_kind("standfirst")), None),
        "authors": [],
        "dateline": None,
        "published": None,
        "reading_time_minutes": None,
        "word_count": sum(len(p.split()) for p in paragraphs),
        "language": "en",
        "images": [
            {"start": s, "end": e, "caption": line, "credit": None}
            for s, e, line in of_kind("caption")
        ],
        "paragraphs": paragraphs,
        "quotes": [],
        "furniture": [
            {"start": s, "end": e, "text": line, "reason": "marked as furniture by the test"}
            for s, e, line in of_kind("furniture")
        ],
        "blocks": blocks,
    }


def assert_consistent(event: StructuredArticle) -> None:
    """What holds for every structured event: the schema, and every offset names what it says."""
    assert problems(event, "structured-article/1") == []
    text = event["text"]
    for quote in event["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert not quote["text"].startswith(('"', "“")) and not quote["text"].endswith(('"', "”"))
        if quote["speaker"]:
            assert text[quote["speaker_start"] : quote["speaker_end"]] == quote["speaker"]
    for line in event["furniture"]:
        assert text[line["start"] : line["end"]] == line["text"] and line["reason"]
    for image in event["images"]:
        line = text[image["start"] : image["end"]]
        assert line.startswith(image["caption"]) and (image["credit"] or "") in line
    # Blocks: every non-blank line once, in order, each taken to be one known kind.
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    blocks = event["blocks"]
    assert [text[b["start"] : b["end"]] for b in blocks] == lines
    assert [b["start"] for b in blocks] == sorted(b["start"] for b in blocks)
    assert {b["kind"] for b in blocks} <= BLOCK_KINDS
    # Paragraphs: body only, made of paragraph blocks (wrapped lines joined with a space).
    body = " ".join(text[b["start"] : b["end"]] for b in blocks if b["kind"] == "paragraph")
    assert " ".join(event["paragraphs"]) == body


def copydesk(
    *args: str,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
    unprivileged: bool = False,
    **run: Any,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``copydesk ARGS`` as a user would (``python -m agents``), capturing its output;
    ``env`` is added to this process's environment, ``run`` goes to ``subprocess.run``.

    ``unprivileged``: without root's power to read any file (when the tests run as root), so a
    file without read permission is unreadable to the command, as it is to a user."""
    prefix = []
    if unprivileged and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: every file is readable")
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "agents", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        env={**os.environ, **(env or {})},
        **run,
    )


def assert_one_line_error(done: subprocess.CompletedProcess[bytes], *says: str) -> str:
    """The README's promise for a command that cannot run: exit 2, one line on stderr that
    says what went wrong (each of ``says``), no traceback; returns the line."""
    err = done.stderr.decode(errors="replace")
    assert done.returncode == 2, f"exit {done.returncode}, stderr:\n{err}"
    assert err.count("\n") == 1 and err.startswith("copydesk"), f"not one line:\n{err}"
    assert "Traceback" not in err and ": error: " in err, err
    for part in says:
        assert part in err, f"{part!r} not in {err!r}"
    return err.strip()


@contextmanager
def silent_server(answer: Callable[[socket.socket], None] | None = None) -> Iterator[int]:
    """A TCP listener on a free port that is not Kafka: it reads what a client says and answers
    nothing (or runs ``answer`` on each connection), in a thread. Yields its port."""

    def hush(conn: socket.socket) -> None:
        while conn.recv(1024):
            pass

    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        with conn, suppress(OSError):
            conn.settimeout(30)
            (answer or hush)(conn)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        listener.close()


def json_lines(data: bytes) -> list[dict]:
    """The JSON objects of a command's output, one a line."""
    return [json.loads(line) for line in data.decode().splitlines() if line.strip()]


@dataclass(frozen=True)
class Pki:
    """A certificate authority made for a test, a server certificate it signed for the name
    ``localhost`` only (so ``127.0.0.1`` does not match it), and a client certificate."""

    ca: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path


def make_pki(folder: Path) -> Pki:
    """Make a :class:`Pki` in ``folder`` with the ``openssl`` command (a day's validity)."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
            "/CN=copydesk test CA", "-keyout", "ca.key", "-out", "ca.pem")  # fmt: skip
    for name, usage, names in (
        ("server", "serverAuth", "subjectAltName=DNS:localhost"),
        ("client", "clientAuth", "subjectAltName=DNS:copydesk-client"),
    ):
        (folder / f"{name}.ext").write_text(f"{names}\nextendedKeyUsage={usage}\n")
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}",
                "-keyout", f"{name}.key", "-out", f"{name}.csr")  # fmt: skip
        openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "1", "-extfile", f"{name}.ext",
                "-out", f"{name}.pem")  # fmt: skip
    return Pki(
        folder / "ca.pem",
        folder / "server.pem",
        folder / "server.key",
        folder / "client.pem",
        folder / "client.key",
    )


#: Raw records of every outcome the early stages give: two articles, then bad input.
FEED = [
    json.dumps({"id": "fed-1", "text": "Bridge reopens\n\nThe bridge in Ghent reopened."}).encode(),
    json.dumps({"id": "fed-2", "text": "Port strike\n\nDockers in Antwerp struck."}).encode(),
    b'{"id": "fed-broken", "text": "no end',
    json.dumps({"id": "fed-empty", "text": " "}).encode(),
]


def fed_metrics(
    *, lags: Mapping[tuple[str, int], int] | None = None, loop_lag: float = 0.0
) -> tuple[Any, Any, list]:
    """A :class:`~agents.streaming.metrics.WorkerMetrics` over a Status fed one batch of
    :data:`FEED` as the real stages (intake to structure) left it, and an end-to-end time:
    ``(metrics, status, results)``."""
    from agents.compute import Status
    from agents.pipeline import Job, run_jobs
    from agents.streaming.metrics import WorkerMetrics

    status = Status()
    metrics = WorkerMetrics(
        status,
        version="test",
        model="a-model",
        consumer_lag=lambda: dict(lags or {}),
        loop_lag=lambda: loop_lag,
    )
    results = run_jobs([Job(None, value) for value in FEED], Settings(), until="structure")
    status.batch_started(len(results))
    status.batch_finished(results)
    status.events_published(2, end_to_end=0.3)
    return metrics, status, results


Samples = dict[str, dict[tuple[tuple[str, str], ...], float]]


def scraped(metrics: Any) -> Samples:
    """A :class:`~agents.streaming.metrics.WorkerMetrics`' exposition parsed back."""
    return parse_metrics(metrics.exposition().decode())


def parse_metrics(text: str) -> Samples:
    """The Prometheus text format parsed: sample name -> sorted labels -> value."""
    from prometheus_client.parser import text_string_to_metric_families

    samples: Samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples.setdefault(sample.name, {})[tuple(sorted(sample.labels.items()))] = sample.value
    return samples
