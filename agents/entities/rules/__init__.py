"""Corrections to what the small NER model finds, as general rules over tokens.

The model reads one block at a time and knows nothing of the article around it. On news it misses
places it has not seen (Aleppo) and acronyms (HTS), reads "Kataib Hezbollah" as a person and
"Assad Reuters" as one person, splits "Mohammed Shia' Al-Sudani", and tags a militia listed beside
another as a place. The rules below mend such errors with what the text itself shows: titles,
organisation words, agency names, acronyms defined in brackets, names used elsewhere in the
article, the gazetteer. None of them knows any particular article.

Entities are :class:`Tagged` token ranges of one block's :class:`Words`. :func:`correct_block`
works on one block; :func:`correct_article` then works across the article's blocks.

The rules themselves live by scope: :mod:`agents.entities.rules.span` (one span at a time),
:mod:`agents.entities.rules.neighbour` (spans beside each other) and
:mod:`agents.entities.rules.article` (across the article); a span's label is mended by the named
rules of :mod:`agents.entities.rules.retype`, in order; all on the types of
:mod:`agents.entities.tokens`.
"""

from __future__ import annotations

from collections.abc import Sequence

from agents.entities.gazetteer import Gazetteer, count_tokens
from agents.entities.rules.article import (
    MISSED_NAME_RULES,
    MissedNameRule,
    define_acronyms,
    feature_short_names,
    find_free,
    find_short_org_names,
    harmonise_labels,
    known_names,
    missed_lookup,
    type_article_towns,
)
from agents.entities.rules.neighbour import (
    extend_org_names,
    extend_places,
    find_venues,
    join_split_persons,
    retype_coordinated,
)
from agents.entities.rules.retype import RETYPE_RULES, RetypeRule, retype
from agents.entities.rules.span import (
    drop_portfolios,
    find_demonym_names,
    find_places_of_nouns,
    is_common_noun,
    split_agency,
    split_demonym,
    spot_dateline,
    trim,
)
from agents.entities.tables.labels import NAME_LABELS
from agents.entities.tokens import Tagged, Words, span_text

#: Known names are looked for again up to this many tokens long: each capitalised word tries every
#: length up to the longest, so one name of hundreds of tokens (a block of dense names read as
#: one person) made the search quadratic. News names run to about eight ("United Nations High
#: Commissioner for Refugees" is six).
MAX_FREE_NAME_TOKENS = 12


def correct_block(
    doc: Words,
    gazetteer: Gazetteer,
    retype_rules: Sequence[tuple[str, RetypeRule]] = RETYPE_RULES,
) -> list[Tagged]:
    """The model's entities in one block, trimmed, split and retyped (by ``retype_rules``: an
    ablation passes fewer, see :func:`agents.entities.tokens.rules_without`)."""
    spans = [Tagged(ent.start, ent.end, ent.label_) for ent in doc.ents]
    trimmed = (trim(doc, span) for span in spans)
    spans = [part for span in trimmed if span for part in split_agency(doc, span)]
    spans = [part for span in spans for part in split_demonym(doc, span, gazetteer)]
    spans = [span for span in spans if not is_common_noun(doc, span)]
    spans = [retype(doc, span, gazetteer, retype_rules) for span in spans]
    spans += spot_dateline(doc, spans, gazetteer)
    spans = extend_places(doc, drop_portfolios(doc, spans) + find_venues(doc, spans))
    spans = extend_org_names(doc, spans)
    spans = join_split_persons(spans)
    return retype_coordinated(doc, spans, gazetteer)


def correct_article(
    docs: Sequence[Words],
    blocks: Sequence[list[Tagged]],
    gazetteer: Gazetteer,
    missed_name_rules: Sequence[tuple[str, MissedNameRule]] = MISSED_NAME_RULES,
) -> tuple[list[list[Tagged]], dict[str, str]]:
    """Rules across an article's blocks; also returns its acronyms and short names of its
    organisations and natural features, each with its long form: {"HTS": "Hayat Tahrir...",
    "Cordillera": "Minera Cordillera Sur", "Tourmalet": "Col du Tourmalet"}.

    Order matters: acronyms first (they create long names), then places the model missed, then
    one label per name, and last the names seen so far looked for where the model saw nothing.
    Names the model missed altogether are typed by ``missed_name_rules``, in order.
    """
    blocks, acronyms = define_acronyms(docs, blocks)
    blocks = [
        sorted(
            spans
            + find_demonym_names(doc, spans, gazetteer)
            + find_places_of_nouns(doc, spans, gazetteer)
        )
        for doc, spans in zip(docs, blocks, strict=True)
    ]
    blocks = [
        sorted(
            spans
            + find_free(
                doc,
                spans,
                missed_lookup(gazetteer, doc, missed_name_rules),
                gazetteer.max_spot_tokens,
            )
        )
        for doc, spans in zip(docs, blocks, strict=True)
    ]
    blocks = harmonise_labels(docs, type_article_towns(docs, blocks, gazetteer), gazetteer)
    features = feature_short_names(docs, blocks)
    names = {short: "LOC" for short in features} | known_names(docs, blocks)
    longest = min(MAX_FREE_NAME_TOKENS, max((count_tokens(name) for name in names), default=1))
    blocks = [
        extend_org_names(doc, spans + find_free(doc, spans, names.get, longest))
        for doc, spans in zip(docs, blocks, strict=True)
    ]
    blocks, short_forms = find_short_org_names(docs, blocks, gazetteer)
    return blocks, short_forms | features | acronyms


def drop_headline_openers(
    docs: Sequence[Words], blocks: Sequence[list[Tagged]], headlines: Sequence[bool]
) -> list[list[Tagged]]:
    """Headlines capitalise their first word whatever it is ("Chipmaker opens...", "Council
    approves..."), and the model takes it for a name. A one-word name opening a headline is kept
    only if the rest of the article names it too: alone, or as a person's surname ("Merkel")."""
    elsewhere: set[str] = set()
    for doc, spans, headline in zip(docs, blocks, headlines, strict=True):
        for span in spans:
            if not (headline and span.start == 0):
                elsewhere.add(span_text(doc, span))
                if span.label == "PERSON":
                    elsewhere.add(doc[span.end - 1].text)
    return [
        [
            span
            for span in spans
            if not (headline and span.start == 0 and span.end == 1 and span.label in NAME_LABELS)
            or span_text(doc, span) in elsewhere
        ]
        for doc, spans, headline in zip(docs, blocks, headlines, strict=True)
    ]
