"""How much an article is about each of its entities.

News puts what a story is about first: in the headline, then in the lead (the standfirst and the
first paragraph), and names it again and again. The score weighs those three signs; the weights
are an editor's rule of thumb, not fitted: a name in the headline alone scores 0.4, in the lead
alone 0.3, and the article's most-mentioned entity gets the full 0.3 for frequency.
"""

from __future__ import annotations

from collections.abc import Sequence

from agents.entities.tables.labels import NAME_LABELS
from agents.records import Block, Entity, Salience

TITLE_WEIGHT = 0.4
LEAD_WEIGHT = 0.3
FREQUENCY_WEIGHT = 0.3


def add_salience(entities: Sequence[Entity], blocks: Sequence[Block]) -> None:
    """Give each named entity its ``salience`` (in place); ``blocks`` are the article's. Values
    (dates, numbers) get none: they are not what an article is about."""
    title = [(b["start"], b["end"]) for b in blocks if b["kind"] == "title"]
    lead = [(b["start"], b["end"]) for b in blocks if b["kind"] == "standfirst"]
    first_paragraph = next((b for b in blocks if b["kind"] == "paragraph"), None)
    if first_paragraph is not None:
        lead.append((first_paragraph["start"], first_paragraph["end"]))
    named = [e for e in entities if is_named(e)]
    most = max((e["count"] for e in named), default=1)
    for entity in named:
        entity["salience"] = salience(entity, title, lead, most)


def is_named(entity: Entity) -> bool:
    """A named entity (a person, a place...), not a value (a date, a number)."""
    return entity["type"] in NAME_LABELS


def salience(
    entity: Entity,
    title: Sequence[tuple[int, int]],
    lead: Sequence[tuple[int, int]],
    most_mentions: int,
) -> Salience:
    """One entity's salience, given the title's and the lead's spans and the article's highest
    mention count."""
    in_title = _mentioned_in(entity, title)
    in_lead = _mentioned_in(entity, lead)
    score = (
        TITLE_WEIGHT * in_title
        + LEAD_WEIGHT * in_lead
        + FREQUENCY_WEIGHT * entity["count"] / most_mentions
    )
    return {"score": round(score, 3), "in_title": in_title, "in_lead": in_lead}


def _mentioned_in(entity: Entity, spans: Sequence[tuple[int, int]]) -> bool:
    return any(
        start <= m["start"] and m["end"] <= end for m in entity["mentions"] for start, end in spans
    )
