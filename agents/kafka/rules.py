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

from kafka import TopicPartition
from kafka.admin import NewTopic

from agents.contracts import decode_event, encode_event
from agents.errors import RejectedInput
from agents.kafka.clients import (
    KafkaUnavailable,
    create_missing,
    end_offsets,
    make_consumer,
    make_producer,
)
from agents.kafka.connect import broker_errors
from agents.records import SCHEMA_ALERT_RULE
from agents.settings import Settings

log = logging.getLogger(__name__)
RULES_TOPIC_CONFIG = {"cleanup.policy": "compact"}


def ensure_rules_topic(settings: Settings) -> None:
    """Create the rules topic, compacted with one partition, unless it exists."""
    create_missing(
        settings, [NewTopic(settings.topic_rules, 1, 1, topic_configs=RULES_TOPIC_CONFIG)]
    )


def send_rules(settings: Settings, records: Iterable[tuple[str, dict[str, Any] | None]]) -> int:
    """Write (rule id, rule or None for a tombstone) records; how many were acknowledged."""
    ensure_rules_topic(settings)
    producer = make_producer(settings)
    try:
        with broker_errors(settings):
            futures = [
                producer.send(
                    settings.topic_rules,
                    key=rule_id.encode("utf-8"),
                    value=None if rule is None else encode_event(rule),
                )
                for rule_id, rule in records
            ]
            producer.flush(timeout=3 * settings.broker_timeout)
            return sum(1 for future in futures if future.succeeded())
    finally:
        producer.close(timeout=settings.broker_timeout)


def rules_in_force(settings: Settings, timeout: float = 15.0) -> dict[str, dict[str, Any]]:
    """The rules in force: the topic read from its start to its end, tombstones applied. A
    record that is not a valid rule is left out (and logged)."""
    ensure_rules_topic(settings)
    consumer = make_consumer(settings)
    rules: dict[str, dict[str, Any]] = {}
    try:
        with broker_errors(settings):
            partitions = [
                TopicPartition(settings.topic_rules, p)
                for p in sorted(consumer.partitions_for_topic(settings.topic_rules) or {0})
            ]
            consumer.assign(partitions)
            # The end from the fetch high watermark: the embedded broker's ListOffsets stops
            # short of a last batch of several rules (see agents.kafka.clients).
            ends = end_offsets(consumer, partitions, settings.broker_timeout)
            consumer.seek_to_beginning(*partitions)
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
