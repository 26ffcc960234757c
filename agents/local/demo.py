"""``copydesk demo``: the whole pipeline on the embedded broker, from raw articles to a summary.

Starts the embedded broker and a worker, waits until the worker is ready (its first group join
takes seconds), adds the watchlist rule of ``demo-rules.json`` and waits until the worker has
read it, publishes the example articles (and the seed article when ``../shared`` is beside the
project), waits until every one of them has come out on the enriched or the dead-letter topic,
prints what came out with its latency from publish and its story; then publishes syndicated
copies of one of them (``syndicated/``), prints them, marked as its duplicates, and the one
alert the story raised (``alerts.matches``); then reads the per-entity events
(``articles.entities``) those articles caused, and stops everything.

The examples in ``agents/local/examples/`` were written for copydesk (invented news), each
showing damage wire copy arrives with:

- ``harbour-strike.txt``: UTF-8 whose quotes and apostrophes were read as cp1252 (``â€œ``, ``â€™``);
  byline, US-style date with a time zone, dateline, quotations with speakers.
- ``river-floods-cp1252.txt``: bytes in cp1252, not UTF-8; standfirst, "3 min read", a caption
  credited ``(AFP)``, share furniture.
- ``feed.jsonl``: raw JSON records as a feed sends them: an HTML page, a text with HTML entities and
  a producer-given title; then three bad records (broken JSON, a misspelt field, an empty text).
- ``syndicated/harbour-strike-copies.jsonl``: two outlets' copies of the harbour strike: a new
  headline, straight quotes, a paragraph dropped or moved, an agency or licence line added.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from agents.cli.inputs import InputRecord, read_inputs
from agents.cli.publish import publish_records
from agents.cli.rules import read_rule_files
from agents.entities.events import entity_events
from agents.kafka.clients import read_topics
from agents.kafka.rules import send_rules
from agents.local.broker import EmbeddedBroker
from agents.local.processes import free_port, start_worker, stop_process, wait_until_ready
from agents.local.summary import (
    describe_article,
    describe_dead_letter,
    describe_entity_events,
    describe_match,
)
from agents.settings import Settings
from agents.streaming import RULE_LOGGED

EXAMPLES = Path(__file__).resolve().parent / "examples"
SYNDICATED = Path(__file__).resolve().parent / "syndicated"
RULES = Path(__file__).resolve().parent / "demo-rules.json"
_CONNECTION_VARIABLES = ("COPYDESK_TLS", "COPYDESK_SASL_")
Say = Callable[[str], None]
SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "samples" / "seed-article.txt"


def demo_waves() -> tuple[list[InputRecord], list[InputRecord]]:
    """The articles, then the syndicated copies of one of them: published once the articles
    are out, so that the story has broken before its copies come."""
    paths = [str(EXAMPLES)]
    if SEED.is_file():
        paths.append(str(SEED))
    return list(read_inputs(paths)), list(read_inputs([str(SYNDICATED)]))


def demo_records() -> list[InputRecord]:
    first, copies = demo_waves()
    return first + copies


def run_demo(out: TextIO, timeout: float = 180.0) -> int:
    """Run the demo, printing to ``out``; 0 when every article came out, else 1."""
    first, copies = demo_waves()
    rules = read_rule_files([str(RULES)])
    workdir = Path(tempfile.mkdtemp(prefix="copydesk-demo-"))
    say = _printer(out)
    say(f"starting the embedded broker (logs in {workdir})")
    with EmbeddedBroker() as broker:
        # The embedded broker speaks plaintext: TLS and SASL settings meant for a cluster stay out.
        env = {k: v for k, v in os.environ.items() if not k.startswith(_CONNECTION_VARIABLES)}
        settings = Settings.from_env(
            env,
            broker=broker.url,
            app_id="copydesk-demo",
            partitions=2,
            web_port=free_port(),
            datadir=str(workdir / "data"),
        )
        say(f"broker at {broker.url}; starting a worker")
        log = workdir / "worker.log"
        worker = start_worker(settings, log)
        try:
            if not wait_until_ready(worker, log, timeout):
                say(f"the worker did not get ready in {timeout:.0f} s; its log: {log}")
                return 1
            say("worker ready (partitions assigned, model loaded); adding a watchlist rule")
            send_rules(settings, [(rule["id"], rule) for rule in rules])
            in_force = tuple(f"{RULE_LOGGED} {rule['id']}: in force".encode() for rule in rules)
            if not wait_until_ready(worker, log, timeout, in_force):
                say(f"the worker did not read the rules in {timeout:.0f} s; its log: {log}")
                return 1
            named = (f"{rule['id']} ({rule['severity']}): {rule['name']}" for rule in rules)
            say("watchlist rule " + ", ".join(named) + "; publishing")
            printed: set[tuple[str, int, int]] = set()
            summary = publish_records(first, settings, settings.topic_raw, progress=False)
            say(summary.describe())
            done, expected_entities = _collect(settings, summary.sent, printed, timeout, say)
            say(f"the story is syndicated: {len(copies)} copies of it come in")
            more = publish_records(copies, settings, settings.topic_raw, progress=False)
            sent = summary.sent + more.sent
            done, copy_entities = _collect(settings, sent, printed, timeout, say)
            alerts = _collect_alerts(settings, say)
            entities = _collect_entities(settings, expected_entities + copy_entities, timeout, say)
        finally:
            code = stop_process(worker)
    if done < sent:
        say(f"only {done} of {sent} articles came out in {timeout:.0f} s; worker log: {log}")
        return 1
    if entities < expected_entities + copy_entities:
        say(f"only {entities} entity events came out in {timeout:.0f} s")
        return 1
    say(
        f"all {done} records accounted for, {alerts} alert(s); worker stopped (exit {code}), "
        "broker stopped"
    )
    return 0


def _collect(
    settings: Settings,
    expected: int,
    printed: set[tuple[str, int, int]],
    timeout: float,
    say: Say,
) -> tuple[int, int]:
    """Print the enriched events and dead letters not ``printed`` yet; how many came in all,
    and how many entity events the newly printed enriched ones imply."""
    topics = [settings.topic_enriched, settings.topic_dlq]
    seen = entities = 0
    for record in read_topics(
        settings, topics, from_beginning=True, timeout=timeout, count=expected
    ):
        seen += 1
        where = (record.topic, record.partition, record.offset)
        if where in printed:
            continue
        printed.add(where)
        event = json.loads(record.value)
        if record.topic == settings.topic_dlq:
            lines = describe_dead_letter(event)
        else:
            lines = describe_article(event, latency=_latency(event, record.timestamp))
            entities += len(entity_events(event))
        say("\n".join(lines))
    return seen, entities


def _collect_alerts(settings: Settings, say: Say) -> int:
    """Print the watchlist matches: they were published before the copies' events that came
    after them, so a short read finds them all."""
    topics = [settings.topic_matches]
    matches = [
        json.loads(record.value)
        for record in read_topics(settings, topics, from_beginning=True, timeout=3.0)
    ]
    for match in matches:
        say("\n".join(describe_match(match)))
    return len(matches)


def _collect_entities(settings: Settings, expected: int, timeout: float, say: Say) -> int:
    """Read the per-entity events and print how alerting would see them, by entity key."""
    topics = [settings.topic_entities]
    events = [
        json.loads(record.value)
        for record in read_topics(
            settings, topics, from_beginning=True, timeout=timeout, count=expected
        )
    ]
    say("\n".join(describe_entity_events(settings.topic_entities, events)))
    return len(events)


def _latency(event: dict, enriched_ms: int) -> float | None:
    if not event.get("ingested_at"):
        return None
    ingested = datetime.fromisoformat(event["ingested_at"].replace("Z", "+00:00"))
    return enriched_ms / 1000 - ingested.timestamp()


def _printer(out: TextIO) -> Say:
    started = time.monotonic()

    def say(text: str) -> None:
        print(f"[{time.monotonic() - started:5.1f}s] {text}", file=out, flush=True)

    return say
