"""Enriched articles made by hand for the watchlist tests: no model, entities placed by offset."""

from __future__ import annotations

from agents.records import StoriedArticle
from tests.helpers import structured
from tests.unit.stories.bodies import FERRY

FERRY_TEXT = "Ferry aground off Valdre, 212 rescued\n\n" + "\n\n".join(FERRY) + "\n"


def entity(text: str, name: str, key: str, kind: str, score: float | None, **extra) -> dict:
    mentions = []
    start = text.find(name)
    while start != -1:
        mentions.append({"start": start, "end": start + len(name), "text": name})
        start = text.find(name, start + 1)
    found = {
        "key": key,
        "name": name,
        "type": kind,
        "aliases": extra.pop("aliases", []),
        "count": len(mentions),
        "mentions": mentions,
        **extra,
    }
    if score is not None:
        found["salience"] = {"score": score, "in_title": score >= 0.4, "in_lead": True}
    return found


def ferry_article(**story) -> StoriedArticle:
    """The ferry story as an enriched, storied event (first in its story unless told)."""
    event = structured(FERRY_TEXT)
    text = event["text"]
    entities = [
        entity(text, "Valdre", "place:geonames:900001", "GPE", 0.85, country_code="NO",
               lat=60.1, lon=5.2, geonames_id=900001, feature="city"),
        entity(text, "Strand Line", "org:strand-line", "ORG", 0.15, aliases=["the operator"]),
        entity(text, "Kessa", "place:geonames:900002", "GPE", 0.3, country_code="NO",
               lat=60.2, lon=5.3, geonames_id=900002, feature="city"),
    ]  # fmt: skip
    return {
        **event,
        "schema": "enriched-article/1",
        "source": "wire",
        "entities": entities,
        "countries": [
            {
                "country_code": "NO",
                "score": 1.0,
                "mentions": 3,
                "entities": ["place:geonames:900001", "place:geonames:900002"],
            }
        ],
        "amounts": [],
        "duplicate_of": None,
        "similarity": None,
        "story": event["id"],
        "first_in_story": True,
        "revision": 1,
        "unchanged": False,
        "changes": None,
        **story,
    }  # type: ignore[typeddict-item]
