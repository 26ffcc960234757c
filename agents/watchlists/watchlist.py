"""The rules in force, kept from the compacted rules topic, and the matches of one article.

The rules arrive as (rule id, event or None) pairs, as on ``alerts.rules``: the latest event of
an id is the rule in force, a tombstone (None) removes it. :meth:`Watchlist.apply` takes them in
that order, so a worker that replays the topic from its start ends with the rules in force.
"""

from __future__ import annotations

from typing import Any

from agents.records import SCHEMA_ALERT_MATCH, AlertMatch, utc_now
from agents.watchlists.match import explain, match_rule
from agents.watchlists.rules import Rule


class Watchlist:
    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}

    def apply(self, rule_id: str, event: dict[str, Any] | None) -> None:
        """One record of the rules topic: a rule (added or replaced), or a tombstone."""
        if event is None:
            self.rules.pop(rule_id, None)
        else:
            self.rules[rule_id] = Rule.from_event(event)

    def matches(self, article: dict[str, Any]) -> list[AlertMatch]:
        """One match event per rule that matches ``article`` (an enriched, storied event)."""
        found: list[AlertMatch] = []
        for rule in self.rules.values():
            matched = match_rule(rule, article)
            if matched is not None:
                found.append(alert_match(rule, article, matched))
        return found


def alert_match(rule: Rule, article: dict[str, Any], matched: list) -> AlertMatch:
    return {
        "schema": SCHEMA_ALERT_MATCH,
        "id": article["id"],
        "rule_id": rule.id,
        "rule_name": rule.name,
        "severity": rule.severity,
        "source": article.get("source"),
        "url": article.get("url"),
        "title": article.get("title"),
        "published": article.get("published"),
        "story": article.get("story", article["id"]),
        "first_in_story": article.get("first_in_story", True),
        "duplicate_of": article.get("duplicate_of"),
        "revision": article.get("revision", 1),
        "matched": matched,
        "why": explain(rule, article, matched),
        "matched_at": utc_now(),
        "timings": article.get("timings", {}),
    }
