"""The rules topic (``alerts.rules``) with kafka-python: add, remove, read the rules in force.

The topic is compacted and keyed by rule id: the latest record of an id is the rule in force, a
tombstone (a record with no value) removes it. It has one partition, so every reader sees the
rules in the order they were written. Reading uses manually assigned partitions and no group,
as ``tail`` does (see :mod:`agents.kafka.clients`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from agents.contracts import decode_event, encode_event
from agents.errors import RejectedInput
from agents.kafka.clients import KafkaUnavailable, make_producer
from agents.records import SCHEMA_ALERT_RULE
from agents.settings import Settings

log = logging.getLogger(__name__)
RULES_TOPIC_CONFIG = {"cleanup.policy": "compact"}


def ensure_rules_topic(settings: Settings) -> None:
    """Create the rules topic, compacted with one partition, unless it exists."""
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=settings.bootstrap_servers, request_timeout_ms=15_000
        )
    except KafkaError as exc:
        raise KafkaUnavailable(f"cannot reach the broker at {settings.broker}: {exc}") from exc
    try:
        if settings.topic_rules not in admin.list_topics():
            admin.create_topics(
                [NewTopic(settings.topic_rules, 1, 1, topic_configs=RULES_TOPIC_CONFIG)]
            )
    except TopicAlreadyExistsError:
        pass
    finally:
        admin.close()


def send_rules(settings: Settings, records: Iterable[tuple[str, dict[str, Any] | None]]) -> int:
    """Write (rule id, rule or None for a tombstone) records; how many were acknowledged."""
    ensure_rules_topic(settings)
    producer = make_producer(settings)
    try:
        futures = [
            producer.send(
                settings.topic_rules,
                key=rule_id.encode("utf-8"),
                value=None if rule is None else encode_event(rule),
            )
            for rule_id, rule in records
        ]
        producer.flush(timeout=30)
        return sum(1 for future in futures if future.succeeded())
    finally:
        producer.close()


def rules_in_force(settings: Settings, timeout: float = 15.0) -> dict[str, dict[str, Any]]:
    """The rules in force: the topic read from its start to its end, tombstones applied. A
    record that is not a valid rule is left out (and logged)."""
    ensure_rules_topic(settings)
    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False, group_id=None
    )
    rules: dict[str, dict[str, Any]] = {}
    try:
        partitions = [
            TopicPartition(settings.topic_rules, p)
            for p in sorted(consumer.partitions_for_topic(settings.topic_rules) or {0})
        ]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        ends = consumer.end_offsets(partitions)
        deadline = time.monotonic() + timeout
        while any(consumer.position(p) < ends[p] for p in partitions):
            if time.monotonic() > deadline:
                raise KafkaUnavailable(f"could not read {settings.topic_rules} in {timeout} s")
            for records in consumer.poll(timeout_ms=500).values():
                for record in records:
                    apply_rule_record(rules, record.key, record.value)
    finally:
        consumer.close()
    return rules


def apply_rule_record(
    rules: dict[str, dict[str, Any]], key: bytes | None, value: bytes | None
) -> None:
    """One record of the rules topic applied to ``rules`` (rule id to rule event)."""
    if key is None:
        log.warning("copydesk: a record of the rules topic has no key (a rule id): ignored")
        return
    rule_id = key.decode("utf-8", errors="replace")
    if value is None:
        rules.pop(rule_id, None)
        return
    try:
        rule = decode_event(value, SCHEMA_ALERT_RULE)
    except RejectedInput as exc:
        log.warning("copydesk: rule %s on the rules topic ignored: %s", rule_id, exc.reason)
        return
    if rule["id"] != rule_id:
        log.warning("copydesk: rule %s keyed %s on the rules topic: ignored", rule["id"], rule_id)
        return
    rules[rule_id] = rule
