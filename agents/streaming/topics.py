"""Every topic copydesk reads or writes, declared once per app.

Values are raw bytes on every topic: the agents decode them themselves, so that a record Faust
could not deserialize still reaches the dead-letter topic instead of being dropped with a log line.
``internal=True`` lets Faust create a missing topic with ``COPYDESK_PARTITIONS`` partitions.
"""

from __future__ import annotations

from dataclasses import dataclass

import faust
from faust.types import TopicT

from agents.settings import Settings


@dataclass(frozen=True)
class Topics:
    raw: TopicT
    repaired: TopicT
    structured: TopicT
    enriched: TopicT
    entities: TopicT
    dlq: TopicT

    @classmethod
    def declare(cls, app: faust.App, settings: Settings) -> Topics:
        def topic(name: str) -> TopicT:
            return app.topic(
                name,
                key_type=bytes,
                value_type=bytes,
                key_serializer="raw",
                value_serializer="raw",
                partitions=settings.partitions,
                internal=True,
            )

        return cls(**{role: topic(name) for role, name in settings.stage_topics.items()})

    @property
    def output_only(self) -> tuple[TopicT, ...]:
        """Topics only written to (every one but the raw topic): Faust creates the one it reads
        itself, these we declare."""
        return (self.repaired, self.structured, self.enriched, self.entities, self.dlq)
