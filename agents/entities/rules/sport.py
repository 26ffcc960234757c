"""Clubs and teams in sport reports: "Bologna beat Fiorentina", "the Dutch team Visma".

A club is often named after its town, or has a name the small model has never seen, and it
reads them as places or people. In an article about sport (:func:`is_sport`), a name that the
words around it show to be a side (it beats, hosts, travels; someone joined from it; it has a
coach; twice, where the model took it for a person) is an organisation, and so is every other
mention of it, except where the text names the town itself: a dateline ("PORTO, Portugal -") or
"in Porto". Countries stay places: a national side is reported as its country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from agents.entities.gazetteer import Gazetteer
from agents.entities.tables.labels import ACTOR_OR_PLACE_LABELS
from agents.entities.tables.sport import (
    CLUB_CUE_PAIRS_BEFORE,
    CLUB_CUES_AFTER,
    CLUB_CUES_BEFORE,
    CLUB_ROLES_AFTER,
    SPORT_WORDS,
)
from agents.entities.tokens import Tagged, Words

_SCORE_LINE = re.compile(r"(?<![\d-])\d{1,2}-\d{1,2}(?![\d-])")
#: Labels a club may have been given by the model.
_CLUB_LABELS = ACTOR_OR_PLACE_LABELS


def is_sport(docs: Sequence[Words]) -> bool:
    """Two sport words, or a sport word and a score line ("2-1"), somewhere in the article."""
    words = {token.lower_ for doc in docs for token in doc} & SPORT_WORDS
    scores = any(_SCORE_LINE.search(doc.text) for doc in docs)
    return len(words) + scores >= 2


def retype_clubs(
    docs: Sequence[Words], blocks: Sequence[list[Tagged]], gazetteer: Gazetteer
) -> list[list[Tagged]]:
    """In a sport report, names shown to be sides become organisations, everywhere but where
    they name the town; sides the model missed after a cue ("joined from PSV Eindhoven") are
    added."""
    if not is_sport(docs):
        return [list(spans) for spans in blocks]
    people = {
        doc[span.end - 1].text
        for doc, spans in zip(docs, blocks, strict=True)
        for span in spans
        if span.label == "PERSON" and span.end - span.start > 1
    }
    cues: Counter[str] = Counter()
    persons: set[str] = set()
    out = []
    for doc, spans in zip(docs, blocks, strict=True):
        spans = list(spans) + _missed_after_cues(doc, spans)
        spans = sorted(s for s in spans if not _inside_another(s, spans))
        for span in spans:
            text = doc[span.start : span.end].text
            if (
                span.label in _CLUB_LABELS
                and not (span.label == "PERSON" and (span.end - span.start > 1 or text in people))
                and not gazetteer.country_of(text)
                and _club_cue(doc, span.start, span.end)
            ):
                cues[text] += 1
                if span.label == "PERSON":
                    persons.add(text)
        out.append(spans)
    # One cue may fit a player known by one name ("beat Alcaraz"); a side has several.
    clubs = {text for text, n in cues.items() if n >= 2 or text not in persons}
    return [
        [
            span._replace(label="ORG")
            if doc[span.start : span.end].text in clubs and not _names_the_town(doc, span)
            else span
            for span in spans
        ]
        for doc, spans in zip(docs, out, strict=True)
    ]


def _club_cue(doc: Words, start: int, end: int) -> bool:
    before = doc[start - 1].lower_ if start > 0 else ""
    pair = (doc[start - 2].lower_, before) if start > 1 else ("", before)
    if before in CLUB_CUES_BEFORE or pair in CLUB_CUE_PAIRS_BEFORE:
        return True
    after = doc[end].lower_ if end < len(doc) else ""
    if after in CLUB_CUES_AFTER:
        return True
    return after in {"'s", "’s"} and end + 1 < len(doc) and doc[end + 1].lower_ in CLUB_ROLES_AFTER


def _missed_after_cues(doc: Words, spans: Sequence[Tagged]) -> list[Tagged]:
    """Runs of name words right after a cue that begin no entity: "joined from PSV Eindhoven"
    where the model saw "Eindhoven" alone, or nothing."""
    starts = {span.start for span in spans}
    found = []
    names = doc.names
    for i in range(1, len(doc)):
        if not names[i] or i in starts:
            continue
        pair = (doc[i - 2].lower_ if i > 1 else "", doc[i - 1].lower_)
        if pair not in CLUB_CUE_PAIRS_BEFORE and doc[i - 1].lower_ not in {"team", "club"}:
            continue
        end = i
        while end < len(doc) and names[end]:
            end += 1
        found.append(Tagged(i, end, "ORG"))
    return found


def _inside_another(span: Tagged, spans: Sequence[Tagged]) -> bool:
    return any(o != span and o.start <= span.start and span.end <= o.end for o in spans)


def _names_the_town(doc: Words, span: Tagged) -> bool:
    """A dateline's place ("PORTO, Portugal -") or a place after "in" is the town itself."""
    if span.start == 0 and doc[span.start : span.end].text.isupper():
        return True
    return span.start > 0 and doc[span.start - 1].lower_ == "in"
