"""Quotations linked to the entities who said them.

The structure stage names each speaker as the article does: "Governor Eduardo Leite", "the
Syrian Salvation Government", "Iraqi Prime Minister X and Iranian President Y". A speaker is
linked to an entity when the phrase ends with one of the entity's names and what comes before
it only describes that entity: titles and roles ("foreign minister"), demonyms, capitalised
words, a determiner. "A Syrian officer loyal to Assad" is the officer, not Assad: no link. A joint
speaker ("X and Y") links to each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from agents.entities.merge import group_key
from agents.entities.tables.labels import ACTOR_LABELS
from agents.entities.tables.people import PERSON_TITLES, SPEAKER_ROLE_WORDS
from agents.records import Entity, LinkedQuote, Quote

#: Entity types that can say something: people, organisations, and governments by their
#: country's or city's name ("Iraq said", "Moscow said").
SPEAKING_TYPES = ACTOR_LABELS | {"GPE"}
_DETERMINERS = frozenset({"the", "a", "an"})
_JOINED = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")


def link_speakers(quotes: Iterable[Quote], entities: Sequence[Entity]) -> list[LinkedQuote]:
    """The quotes, each with ``speaker_keys``: the keys of the entities its speaker names."""
    forms = {
        group_key(form): entity["key"]
        for entity in entities
        if entity["type"] in SPEAKING_TYPES
        for form in (entity["name"], *entity["aliases"])
    }
    describers = {
        form.casefold()
        for entity in entities
        if entity["type"] == "NORP"
        for form in (entity["name"], *entity["aliases"])
    }
    return [
        {**quote, "speaker_keys": speaker_keys(quote["speaker"], forms, describers)}
        for quote in quotes
    ]


def speaker_keys(speaker: str | None, forms: dict[str, str], describers: set[str]) -> list[str]:
    """The entity keys a speaker phrase names; ``forms``: group key of each entity name to the
    entity's key; ``describers``: casefolded words that may describe a speaker (demonyms)."""
    if not speaker:
        return []
    keys = []
    # Spaces collapsed first: the parts' words are the same, and a speaker padded with
    # thousands of spaces splits in linear time, not in the square of the padding.
    for part in _JOINED.split(" ".join(speaker.split())):
        key = _named_by(part.split(), forms, describers)
        if key is not None and key not in keys:
            keys.append(key)
    return keys


def _named_by(words: list[str], forms: dict[str, str], describers: set[str]) -> str | None:
    """The entity the words end with, if all the words before it describe it."""
    for cut in range(len(words)):
        key = forms.get(group_key(" ".join(words[cut:])))
        if key is not None and all(_describes(w, describers) for w in words[:cut]):
            return key
    return None


def _describes(word: str, describers: set[str]) -> bool:
    lowered = word.casefold()
    return (
        lowered in _DETERMINERS
        or lowered in PERSON_TITLES
        or lowered in SPEAKER_ROLE_WORDS
        or lowered in describers
        or word[:1].isupper()
    )
