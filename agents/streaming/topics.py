"""Every topic copydesk reads or writes, declared once per app.

Values are raw bytes on every topic: the agents decode them themselves, so that a record Faust
could not deserialize still reaches the dead-letter topic instead of being dropped with a log line.
``internal=True`` lets Faust create a missing topic with ``COPYDESK_PARTITIONS`` partitions;
the stories topic (``<app id>-stories``, between the raw agent and the stories agent) and the rules
topic have one partition (:mod:`.stories` says why).
"""

from __future__ import annotations

from dataclasses import dataclass

import faust
from faust.types import TopicT

from agents.kafka.rules import RULES_TOPIC_CONFIG
from agents.settings import Settings


@dataclass(frozen=True)
class Topics:
    raw: TopicT
    repaired: TopicT
    structured: TopicT
    enriched: TopicT
    entities: TopicT
    dlq: TopicT
    stories: TopicT
    rules: TopicT
    matches: TopicT

    @classmethod
    def declare(cls, app: faust.App, settings: Settings) -> Topics:
        def topic(name: str, partitions: int = settings.partitions, **config: object) -> TopicT:
            return app.topic(
                name,
                key_type=bytes,
                value_type=bytes,
                key_serializer="raw",
                value_serializer="raw",
                partitions=partitions,
                internal=True,
                **config,
            )

        return cls(
            **{role: topic(name) for role, name in settings.stage_topics.items()},
            stories=topic(settings.topic_stories, 1),
            rules=topic(settings.topic_rules, 1, config=RULES_TOPIC_CONFIG),
            matches=topic(settings.topic_matches),
        )

    @property
    def output_only(self) -> tuple[TopicT, ...]:
        """Topics only written to: Faust creates those its agents read (raw, stories) itself,
        these we declare (the rules topic is declared by the task that reads it)."""
        return (
            self.repaired,
            self.structured,
            self.enriched,
            self.entities,
            self.dlq,
            self.matches,
        )
