"""Does a rule match an enriched article, on what, and why (in words)?

>>> from agents.watchlists.rules import Rule
>>> rule = Rule.from_event({"id": "r", "name": "Ferries", "severity": "high",
...                         "all_of": [{"keyword": "ferry"}]})
>>> article = {"id": "a1", "text": "A ferry ran aground. The ferry was refloated.",
...            "entities": [], "countries": [], "language": "en", "source": "wire",
...            "duplicate_of": None, "unchanged": False, "revision": 1, "story": "a1"}
>>> [m["start"] for m in match_rule(rule, article)[0]["mentions"]]
[2, 25]
>>> explain(rule, article, match_rule(rule, article))
"Ferries (high): keyword 'ferry' (2 mentions); first in its story"
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from agents.records import MatchedCondition, MatchedEntity, Mention
from agents.watchlists.rules import Condition, Rule


def match_rule(rule: Rule, article: dict[str, Any]) -> list[MatchedCondition] | None:
    """The conditions of ``rule`` that hold for ``article``, or None when the rule does not
    match (a condition of ``all_of`` fails, none of ``any_of`` holds, or the article is a
    duplicate or an unchanged re-send the rule skips)."""
    if rule.skip_duplicates and article.get("duplicate_of") is not None:
        return None
    if rule.skip_unchanged and article.get("unchanged"):
        return None
    matched: list[MatchedCondition] = []
    for condition in rule.all_of:
        found = match_condition(condition, article)
        if found is None:
            return None
        matched.append(found)
    if rule.any_of:
        held = [m for m in (match_condition(c, article) for c in rule.any_of) if m is not None]
        if not held:
            return None
        matched.extend(held)
    return matched


def match_condition(condition: Condition, article: dict[str, Any]) -> MatchedCondition | None:
    """What in ``article`` satisfies ``condition``, or None."""
    entities: list[MatchedEntity] = []
    mentions: list[Mention] = []
    if condition.kind == "entity":
        entities = [_matched(e) for e in article.get("entities", []) if _is(condition, e)]
        if not entities:
            return None
    elif condition.kind == "country":
        share = next(
            (c for c in article.get("countries", []) if c["country_code"] == condition.value),
            None,
        )
        if share is None:
            return None
        keys = set(share["entities"])
        entities = [_matched(e) for e in article.get("entities", []) if e["key"] in keys]
    elif condition.kind == "keyword":
        text = article.get("text", "")
        mentions = [
            {"start": m.start(), "end": m.end(), "text": m.group()}
            for m in _keyword(condition.value).finditer(text)
        ]
        if not mentions:
            return None
    else:  # language, source: a field of the article, case aside
        found = article.get(condition.kind)
        if found is None or found.casefold() != condition.value.casefold():
            return None
    return {
        "condition": condition.kind,
        "value": condition.value,
        "entities": entities,
        "mentions": mentions,
    }


def explain(rule: Rule, article: dict[str, Any], matched: list[MatchedCondition]) -> str:
    """The match in words: the rule, each condition that held, and where the article stands."""
    parts = [_describe(m) for m in matched]
    if article.get("duplicate_of") is not None:
        parts.append(f"a duplicate of {article['duplicate_of']}")
    elif "story" in article:
        parts.append("first in its story")
    if article.get("revision", 1) > 1:
        parts.append(f"revision {article['revision']}")
    return f"{rule.name} ({rule.severity}): " + "; ".join(parts)


def _is(condition: Condition, entity: dict[str, Any]) -> bool:
    if condition.by_key:
        if entity["key"] != condition.value:
            return False
    elif not condition.names & {n.casefold() for n in [entity["name"], *entity["aliases"]]}:
        return False
    if condition.min_salience is None:
        return True
    salience = entity.get("salience")
    return salience is not None and salience["score"] >= condition.min_salience


def _matched(entity: dict[str, Any]) -> MatchedEntity:
    salience = entity.get("salience")
    return {
        "key": entity["key"],
        "name": entity["name"],
        "salience": None if salience is None else salience["score"],
        "mentions": entity["mentions"],
    }


def _describe(matched: MatchedCondition) -> str:
    kind, value = matched["condition"], matched["value"]
    if kind == "keyword":
        count = len(matched["mentions"])
        return f"keyword {value!r} ({count} mention{'s' * (count != 1)})"
    if kind == "entity":
        found = ", ".join(
            f"{e['name']} ({e['key']}"
            + (f", salience {e['salience']:.2f}" if e["salience"] is not None else "")
            + f", {len(e['mentions'])} mention{'s' * (len(e['mentions']) != 1)})"
            for e in matched["entities"]
        )
        return f"entity {value}: {found}"
    if kind == "country":
        names = ", ".join(e["name"] for e in matched["entities"])
        return f"country {value}" + (f" ({names})" if names else "")
    return f"{kind} {value}"


@lru_cache(maxsize=1024)
def _keyword(keyword: str) -> re.Pattern[str]:
    """Whole words, case aside; spaces in a phrase match any run of white space."""
    words = [re.escape(word) for word in keyword.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
