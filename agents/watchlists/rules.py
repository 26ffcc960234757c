"""Watchlist rules: an ``alert-rule/1`` event read into a :class:`Rule`.

The event is checked against its JSON Schema by whoever reads it off the topic or a file
(:func:`agents.contracts.decode_event`); here it becomes plain values, names casefolded once
rather than on every article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

ConditionKind = Literal["entity", "country", "keyword", "language", "source"]
#: The order in which a condition's kind is looked for in its object (one is present).
CONDITION_KINDS: tuple[ConditionKind, ...] = ("entity", "country", "keyword", "language", "source")
SEVERITIES = ("info", "low", "medium", "high", "critical")


@dataclass(frozen=True)
class Condition:
    """One thing to look for. ``value`` is what the rule said (a key, a name, a country code, a
    keyword, a language, a source); ``names`` are an entity's name and aliases, casefolded."""

    kind: ConditionKind
    value: str
    by_key: bool = False
    names: frozenset[str] = frozenset()
    min_salience: float | None = None

    @classmethod
    def from_event(cls, condition: dict[str, Any]) -> Condition:
        kind = next(kind for kind in CONDITION_KINDS if kind in condition)
        if kind != "entity":
            return cls(kind, condition[kind])
        entity = condition["entity"]
        min_salience = condition.get("min_salience")
        if "key" in entity:
            return cls("entity", entity["key"], by_key=True, min_salience=min_salience)
        names = frozenset(n.casefold() for n in [entity["name"], *entity.get("aliases", [])])
        return cls("entity", entity["name"], names=names, min_salience=min_salience)


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: str
    all_of: tuple[Condition, ...]
    any_of: tuple[Condition, ...]
    skip_duplicates: bool = True
    skip_unchanged: bool = True

    @classmethod
    def from_event(cls, event: dict[str, Any]) -> Rule:
        """A rule from a schema-valid ``alert-rule/1`` event."""
        return cls(
            id=event["id"],
            name=event["name"],
            severity=event["severity"],
            all_of=tuple(Condition.from_event(c) for c in event.get("all_of", [])),
            any_of=tuple(Condition.from_event(c) for c in event.get("any_of", [])),
            skip_duplicates=event.get("skip_duplicates", True),
            skip_unchanged=event.get("skip_unchanged", True),
        )
