"""Amounts as GDELT's knowledge graph counts them: a number, what it counts, and where.

"at least 200 Iran-aligned Iraqi militiamen" is 200 militiamen (approximate); "thousands of
fighters" at least 2,000 fighters. The model finds the number (a CARDINAL entity); the counted
thing is the run of words right after it, through one "of", up to the first function word,
verb or punctuation mark. Without a parser that is a heuristic: a number with no such words
after it ("more than 70,000 had left") is no amount, rather than a guess at what it counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from agents.entities.tables.amounts import (
    AMOUNT_QUALIFIERS,
    AMOUNT_STOP_VERBS,
    NUMBER_MULTIPLIERS,
    NUMBER_WORDS,
    VAGUE_AMOUNTS,
)
from agents.records import Amount, Entity

#: What is counted is a short noun phrase: more words than this and the run is not one.
MAX_COUNTED_WORDS = 4
#: Space between words: a wrapped line's break, but never a blank line (another paragraph).
#: Possessive, so a long run of spaces after a number is read once, not once per way to split it.
_GAP = r"[^\S\n]*+(?:\n[^\S\n]*+)?+"
_WORD = re.compile(_GAP + r"([^\W\d_][\w'’]*(?:-[\w'’]+)*)")
_OF = re.compile(_GAP + r"of\b")
_STOPS = STOP_WORDS | AMOUNT_STOP_VERBS
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_QUALIFIER = re.compile(
    r"(?:"
    + "|".join(re.escape(q) for q in sorted(AMOUNT_QUALIFIERS, key=len, reverse=True))
    + r")\s+",
    re.IGNORECASE,
)


def extract_amounts(text: str, entities: Iterable[Entity]) -> list[Amount]:
    """Every counted amount among the CARDINAL mentions of ``entities``, in text order."""
    amounts = []
    for entity in entities:
        if entity["type"] != "CARDINAL":
            continue
        for mention in entity["mentions"]:
            amount = read_amount(text, mention["start"], mention["end"])
            if amount is not None:
                amounts.append(amount)
    return sorted(amounts, key=lambda a: a["start"])


def read_amount(text: str, start: int, end: int) -> Amount | None:
    """The amount whose number is ``text[start:end]``, or None if it counts nothing readable.

    >>> read_amount("with at least 200 armed men had crossed", 5, 17)["counted"]
    'armed men'
    """
    parsed = parse_number(text[start:end])
    counted = _counted_after(text, end)
    if parsed is None or counted is None:
        return None
    value, approximate = parsed
    counted_text, counted_end = counted
    return {
        "value": value,
        "approximate": approximate,
        "counted": counted_text,
        "text": text[start:counted_end],
        "start": start,
        "end": counted_end,
    }


def parse_number(words: str) -> tuple[float | int, bool] | None:
    """The value of a number as written, and whether it is approximate: "at least 3,500" is
    (3500, True), "two" (2, False), "1.5 million" (1500000, False), "Thousands" (2000, True)."""
    words = " ".join(words.split())
    qualified = _QUALIFIER.match(words)
    if qualified:
        words = words[qualified.end() :]
    lowered = words.lower()
    if lowered in VAGUE_AMOUNTS:
        return VAGUE_AMOUNTS[lowered], True
    head, _, scale = lowered.rpartition(" ")
    multiplier = NUMBER_MULTIPLIERS.get(scale) if head else None
    if multiplier is not None:
        lowered = head
    number = _NUMBER.fullmatch(lowered)
    if number:
        value: float = float(number[1].replace(",", "") + "." + (number[2] or "0"))
    elif lowered in NUMBER_WORDS:
        value = NUMBER_WORDS[lowered]
    else:
        return None
    value *= multiplier or 1
    return (int(value) if value == int(value) else value), qualified is not None


def _counted_after(text: str, end: int) -> tuple[str, int] | None:
    """The words a number counts, right after it, and where they end."""
    of = _OF.match(text, end)
    at = of.end() if of else end
    words: list[re.Match[str]] = []
    while len(words) < MAX_COUNTED_WORDS:
        match = _WORD.match(text, at)
        if not match or match[1].lower() in _STOPS:
            break
        words.append(match)
        at = match.end()
    # A verb ends the run ("12 died", "people fleeing"); before a noun it is an adjective
    # ("armed men", "displaced families") and stays.
    while words and _verb_like(words[-1][1]):
        words.pop()
    if not words:
        return None
    return text[words[0].start(1) : words[-1].end()], words[-1].end()


def _verb_like(word: str) -> bool:
    """Ends like a participle, and is no compound adjective ("Iran-aligned")."""
    return "-" not in word and word.lower().endswith(("ed", "ing"))
