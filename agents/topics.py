"""Every topic copydesk reads or writes, declared once.

Values are raw bytes on every topic: the agents decode them themselves, so that a record Faust
could not deserialize still reaches the dead-letter topic instead of being dropped with a log line.
``internal=True`` lets Faust create a missing topic with ``COPYDESK_PARTITIONS`` partitions.
"""

from __future__ import annotations

from faust.types import TopicT

from agents.app import app, settings


def _topic(name: str) -> TopicT:
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=settings.partitions,
        internal=True,
    )


raw = _topic(settings.topic_raw)
repaired = _topic(settings.topic_repaired)
structured = _topic(settings.topic_structured)
enriched = _topic(settings.topic_enriched)
entities = _topic(settings.topic_entities)
dlq = _topic(settings.topic_dlq)

#: Topics only written to: Faust creates the ones it reads itself, these we declare at start.
OUTPUT_ONLY = (enriched, entities, dlq)
