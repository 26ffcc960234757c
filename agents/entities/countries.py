"""The countries an article concerns, ranked: for alert rules such as "anything in Iraq".

A country counts through every entity that points to it: itself, its towns and regions, its
demonyms ("Iraqi"). Its score is the sum of their saliences, so a country in the headline
outranks one named as often further down.
"""

from __future__ import annotations

from collections.abc import Iterable

from agents.records import CountryShare, Entity


def rank_countries(entities: Iterable[Entity]) -> list[CountryShare]:
    """One entry per country code among ``entities``, highest score first (then most mentions,
    then first named)."""
    shares: dict[str, CountryShare] = {}
    for entity in entities:
        code = entity.get("country_code")
        if not code:
            continue
        share = shares.setdefault(
            code, {"country_code": code, "score": 0.0, "mentions": 0, "entities": []}
        )
        share["score"] = round(share["score"] + entity.get("salience", {}).get("score", 0.0), 3)
        share["mentions"] += entity["count"]
        share["entities"].append(entity["key"])
    order = list(shares)
    return sorted(
        shares.values(),
        key=lambda s: (-s["score"], -s["mentions"], order.index(s["country_code"])),
    )
