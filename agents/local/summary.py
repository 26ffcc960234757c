"""Readable one-screen summaries of events, for ``copydesk demo`` and people at a terminal."""

from __future__ import annotations

from collections import Counter

from agents.entities.tables.labels import PLACE_LABELS
from agents.records import AlertMatch, ArticleEntity, DeadLetter, EnrichedArticle

_GROUPS = (
    ("people", {"PERSON"}),
    ("organisations", {"ORG"}),
    ("groups", {"NORP"}),
    ("dates", {"DATE", "TIME"}),
    ("amounts", {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}),
)


def describe_article(event: EnrichedArticle, latency: float | None = None) -> list[str]:
    """An enriched event as a few lines of text."""
    facts = [
        f"id {event['id']}",
        f"source {event['source'] or '?'}",
        f"published {event['published'] or '?'}",
    ]
    if event["reading_time_minutes"] is not None:
        facts.append(f"{event['reading_time_minutes']} min read")
    facts += [
        event["language"] or "language ?",
        f"{event['word_count']} words",
        f"{len(event['paragraphs'])} paragraphs",
    ]
    lines = [f"== {event['title'] or '(no title)'}", "   " + " · ".join(facts)]
    if event["authors"] or event["dateline"]:
        by = ", ".join(event["authors"]) or "?"
        where = event["dateline"]["text"] if event["dateline"] else "?"
        lines.append(f"   by {by} · dateline {where}")
    if event["decoding"]:
        decoding = event["decoding"]
        lines.append(
            f"   decoded as {decoding['encoding']} ({decoding['method']}, "
            f"confidence {decoding['confidence']:.2f})"
        )
    if event["repairs"]:
        kinds = Counter(repair["kind"] for repair in event["repairs"])
        first = event["repairs"][0]
        lines.append(
            "   repaired: "
            + ", ".join(f"{n} {kind}" for kind, n in kinds.items())
            + f" (e.g. {first['before']!r} -> {first['after']!r})"
        )
    for item in event["furniture"]:
        lines.append(f"   dropped {item['text']!r}: {item['reason']}")
    for image in event["images"]:
        lines.append(f"   image: {_clip(image['caption'])} [credit {image['credit'] or '?'}]")
    for quote in event["quotes"]:
        lines.append(f'   quote: "{_clip(quote["text"])}" -- {quote["speaker"] or "?"}')
    places = [e for e in event["entities"] if e["type"] in PLACE_LABELS]
    if places:
        lines.append("   places: " + ", ".join(_place(e) for e in places))
    for label, types in _GROUPS:
        names = [e["name"] for e in event["entities"] if e["type"] in types]
        if names:
            lines.append(f"   {label}: " + ", ".join(names))
    if event.get("countries"):
        lines.append("   countries: " + ", ".join(c["country_code"] for c in event["countries"]))
    if event.get("amounts"):
        lines.append("   counted: " + "; ".join(_clip(a["text"], 40) for a in event["amounts"]))
    if "story" in event:
        lines.append("   " + _story_line(event))
    if latency is not None:
        lines.append(f"   {latency:.2f} s from publish to enriched event")
    return lines


def _story_line(event: dict) -> str:
    if event["duplicate_of"] is not None:
        return (
            f"duplicate of {event['duplicate_of']} (similarity {event['similarity']:.2f}), "
            f"story {event['story']}"
        )
    if event.get("unchanged"):
        return f"unchanged re-send of revision {event['revision']}, story {event['story']}"
    if event["revision"] > 1:
        return f"revision {event['revision']}, story {event['story']}"
    return f"first in its story ({event['story']})"


def describe_match(match: AlertMatch) -> list[str]:
    """A watchlist match as an alerting desk would read it."""
    return [
        f"!! alert [{match['severity']}] {match['rule_name']}: {match['title'] or match['id']}",
        f"   {match['why']}",
        f"   article {match['id']}, story {match['story']}",
    ]


def describe_entity_events(topic: str, events: list[ArticleEntity], most: int = 8) -> list[str]:
    """The per-entity topic as an alerting system subscribes to it: by key, the most cited first."""
    by_key: dict[str, list[ArticleEntity]] = {}
    for event in events:
        by_key.setdefault(event["entity"]["key"], []).append(event)
    ranked = sorted(by_key.items(), key=lambda item: (-len(item[1]), item[0]))
    lines = [f"== {topic}: {len(events)} events, {len(by_key)} entity keys; the most cited:"]
    for key, found in ranked[:most]:
        articles = len({event["id"] for event in found})
        lines.append(f"   {key} ({found[0]['entity']['name']}): {articles} article(s)")
    return lines


def describe_dead_letter(letter: DeadLetter) -> list[str]:
    origin = letter["origin"]
    where = origin.get("path") or f"{origin.get('topic')}[{origin.get('partition')}]"
    if "line" in origin:
        where = f"{where}:{origin['line']}"
    return [
        f"!! dead letter from the {letter['stage']} stage ({letter['kind']}): {where}",
        f"   {letter['reason']}",
        f"   value: {_clip(letter['value_preview'])!r} ({letter['value_bytes']} bytes, kept whole)",
    ]


def _place(entity: dict) -> str:
    if entity.get("country_code"):
        return f"{entity['name']} ({entity['country_code']})"
    return entity["name"]


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
