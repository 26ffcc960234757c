"""Numbers in words, and the words around them: qualifiers, vague amounts, verbs that end a
counted phrase."""

from __future__ import annotations

#: Words before a number that say it is a bound or a guess: "at least 200", "nearly 40".
AMOUNT_QUALIFIERS = (
    "at least", "at most", "more than", "fewer than", "less than", "up to", "as many as",
    "about", "around", "nearly", "almost", "over", "some", "roughly", "approximately",
    "an estimated", "estimated",
)  # fmt: skip

#: Number words and their values; multipliers scale the number before them ("1.5 million").
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a dozen": 12, "a hundred": 100, "a thousand": 1000,
}  # fmt: skip
NUMBER_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9}

#: Vague amounts as GDELT-style counts: the least the words can mean ("dozens" is at least two
#: dozen), always marked approximate. Compared lowercase.
VAGUE_AMOUNTS = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens of thousands": 20000,
    "hundreds of thousands": 200000, "millions": 2000000,
}  # fmt: skip

#: Verbs that can follow a number directly ("two said", "12 died"): the end of the counted
#: phrase, never part of it. Words ending in -ed and -ing are treated alike.
AMOUNT_STOP_VERBS = frozenset({"said", "says", "say", "told", "tell", "went", "came", "fled"})
