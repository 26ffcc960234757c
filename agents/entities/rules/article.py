"""Entity rules across a whole article's blocks: acronyms defined in brackets, one label per
name, names the article has used found again where the model saw nothing, and short names of
organisations and natural features with their long forms."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from agents.entities.gazetteer import Gazetteer
from agents.entities.tables.labels import (
    ACTOR_LABELS,
    ACTOR_OR_PLACE_LABELS,
    AREA_LABELS,
    NAME_LABELS,
    PLACE_LABELS,
    PLACE_OR_GROUP_LABELS,
)
from agents.entities.tables.landforms import FEATURE_HEAD_WORDS, NATURAL_FEATURES
from agents.entities.tables.organisations import (
    COMMON_ACRONYMS,
    CORPORATE_SUFFIXES,
    LONG_NAME_CONNECTORS,
    NEWS_AGENCIES,
    ORG_CUE_WORDS,
)
from agents.entities.tables.places import LOCATIVE_PREPOSITIONS, PLACE_KIND_WORDS
from agents.entities.tokens import (
    POSSESSIVES,
    Tagged,
    Words,
    WordSpan,
    after_place_of_noun,
    first_decision,
    is_name_word,
    particle_then_name,
    span_text,
)
from agents.lexicon import NAME_PARTICLES

_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "“", "”", ":"})
#: Labels whose known names are looked for again across the article.
_PROPAGATED = ACTOR_OR_PLACE_LABELS
#: Labels a short name of an organisation may have been given by the model.
_SHORT_ORG_LABELS = PLACE_OR_GROUP_LABELS | {"PERSON"}
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*")


def define_acronyms(
    docs: Sequence[Words], blocks: Sequence[list[Tagged]]
) -> tuple[list[list[Tagged]], dict[str, str]]:
    """Acronyms defined in brackets after their long form, "the World Health Organization (WHO)",
    "Hayat Tahrir al-Sham-led (HTS)": the long form becomes an entity if the model missed it, the
    acronym a mention of the same entity, and ``acronyms`` maps one to the other so that later
    bare uses ("HTS's") are found and merged."""
    acronyms: dict[str, str] = {}
    labels: dict[str, str] = {}
    out = []
    for doc, spans in zip(docs, blocks, strict=True):
        spans = list(spans)
        words = doc.words
        for i in range(len(doc) - 2):
            if words[i].text != "(" or words[i + 2].text != ")":
                continue
            if not is_acronym(words[i + 1].text):
                continue
            long_form = _long_form(doc, _name_end_before(doc, i), doc[i + 1].text, spans)
            if long_form is None:
                continue
            short = Tagged(i + 1, i + 2, long_form.label)
            spans = [s for s in spans if not _overlaps(s, long_form) and not _overlaps(s, short)]
            spans += [long_form, short]
            acronyms[doc[i + 1].text] = doc[long_form.start : long_form.end].text
            labels[doc[i + 1].text] = long_form.label
        out.append(spans)
    # The definition settles what the acronym is, wherever else the model guessed otherwise.
    return [
        sorted(s._replace(label=labels.get(span_text(doc, s), s.label)) for s in spans)
        for doc, spans in zip(docs, out, strict=True)
    ], acronyms


def harmonise_labels(
    docs: Sequence[Words], blocks: Sequence[list[Tagged]], gazetteer: Gazetteer
) -> list[list[Tagged]]:
    """One label per name across the article: the surname of a person named in full is that
    person ("Scholz's office", read as a place), else the label most uses of the name carry; on
    a tie between a place and something else, a place the gazetteer knows."""
    votes: dict[str, Counter[str]] = {}
    surnames = set()
    for doc, spans in zip(docs, blocks, strict=True):
        for span in spans:
            if span.label in NAME_LABELS:
                # By folded text: a "ROTTERDAM" dateline votes with "Rotterdam" in the body.
                votes.setdefault(span_text(doc, span).casefold(), Counter())[span.label] += 1
            if span.label == "PERSON" and span.end - span.start > 1:
                surnames.add(doc[span.end - 1].text)
    out = []
    for doc, spans in zip(docs, blocks, strict=True):
        mended = []
        for span in spans:
            text = span_text(doc, span)
            if span.label not in NAME_LABELS:
                mended.append(span)
            elif (
                span.end - span.start == 1
                and text in surnames
                and span.label != "PERSON"
                and not (span.label == "NORP" and gazetteer.group_country(text))
                and text not in ORG_CUE_WORDS
                and not gazetteer.is_place(text)
            ):
                mended.append(span._replace(label="PERSON"))
            else:
                ballot = votes[text.casefold()]
                top = _majority(ballot)
                if top is None and ballot.keys() & AREA_LABELS and gazetteer.is_place(text):
                    top = "GPE"  # a tie, and the gazetteer knows the place: "Kumamoto"
                mended.append(span._replace(label=top) if top else span)
        out.append(mended)
    return out


def type_article_towns(
    docs: Sequence[Words], blocks: Sequence[list[Tagged]], gazetteer: Gazetteer
) -> list[list[Tagged]]:
    """A name read as a person or an organisation is a place throughout the article when it
    names a region with its kind ("Sumy Oblast", "Edo State"), or when it is a town, however
    small, in a country the article names, and one of its mentions stands where places do:
    after "in", "near", "from" or "<place noun> of", or before a kind of place ("in Tazacorte",
    "the village of Ciucea", "Chamoli district"; not "in Kalam's view"). Small towns are too
    many to be taken anywhere else: thousands are named like people or everyday words. (Known
    places are retyped span by span: :func:`agents.entities.rules.retype.known_place_after_cue`,
    and clubs named after them are not places.)"""
    countries = _article_countries(docs, blocks, gazetteer)
    places: set[str] = set()
    for doc, spans in zip(docs, blocks, strict=True):
        for span in spans:
            tokens = doc[span.start : span.end]
            text = span_text(doc, span)
            if (
                span.label not in ACTOR_LABELS
                or text in places
                or {t.text for t in tokens} & ORG_CUE_WORDS
                or not all(is_name_word(t) or not t.is_alpha for t in tokens)
            ):
                continue
            if gazetteer.is_region_of_its_kind(text) or (
                gazetteer.countries_with(text, "city", small=True) & countries
                and _where_places_stand(doc, span)
            ):
                places.add(text)
    if not places:
        return list(blocks)
    return [
        [
            span._replace(label="GPE")
            if span.label in ACTOR_LABELS and span_text(doc, span) in places
            else span
            for span in spans
        ]
        for doc, spans in zip(docs, blocks, strict=True)
    ]


def _article_countries(
    docs: Sequence[Words], blocks: Sequence[list[Tagged]], gazetteer: Gazetteer
) -> set[str]:
    """The countries of the article's countries, known towns and demonyms (not of its regions:
    a region's name is the one in doubt in :func:`find_short_org_names`)."""
    names = {
        span_text(doc, span): span.label
        for doc, spans in zip(docs, blocks, strict=True)
        for span in spans
        if span.label in PLACE_LABELS or span.label == "NORP"
    }
    countries = {gazetteer.group_country(n) for n, label in names.items() if label == "NORP"}
    places = gazetteer.resolve([n for n, label in names.items() if label != "NORP"], ())
    countries |= {
        place.country_code
        for place in places.values()
        if place.known and place.feature != "admin_region"
    }
    return countries - {None}


def _where_places_stand(doc: Words, span: Tagged) -> bool:
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in POSSESSIVES:
        return False
    return (
        (before is not None and before.lower_ in LOCATIVE_PREPOSITIONS | {"from"})
        or after_place_of_noun(doc, span.start)
        or (after is not None and after.text in PLACE_KIND_WORDS)
    )


def find_short_org_names(
    docs: Sequence[Words], blocks: Sequence[list[Tagged]], gazetteer: Gazetteer
) -> tuple[list[list[Tagged]], dict[str, str]]:
    """A one-word name that the model did not call an organisation, that is no known place or
    person, and that is a word of one organisation's name in the article is that organisation,
    in short: "Cordillera" of "Minera Cordillera Sur". (A name the model calls an organisation
    may be another one: "Hezbollah" is not "Kataib Hezbollah".) Returns the blocks and the
    short names with their long forms."""
    longs: dict[str, set[str]] = {}
    people = set()
    for doc, spans in zip(docs, blocks, strict=True):
        for span in spans:
            tokens = doc[span.start : span.end]
            if span.label == "ORG" and len(tokens) > 1:
                for token in tokens:
                    longs.setdefault(token.text, set()).add(tokens.text)
            elif span.label == "PERSON" and len(tokens) > 1:
                people.update(token.text for token in tokens)

    countries = _article_countries(docs, blocks, gazetteer)

    def long_form(text: str, label: str) -> str | None:
        if label not in _SHORT_ORG_LABELS or len(longs.get(text, ())) != 1:
            return None
        if text in people or text in ORG_CUE_WORDS or text in CORPORATE_SUFFIXES:
            return None
        # A region's name in one organisation's is its short form when the region lies in no
        # country the article names: "Cordillera" of "Minera Cordillera Sur" in a story from
        # Chile (Paraguay's department); a town's or a country's stays the place.
        if gazetteer.is_place(text, regions=False) or gazetteer.group_country(text):
            return None
        if gazetteer.countries_with(text, "admin_region") & countries:
            return None
        return next(iter(longs[text]))

    short_forms: dict[str, str] = {}
    out = []
    for doc, spans in zip(docs, blocks, strict=True):
        mended = []
        for span in spans:
            text = span_text(doc, span)
            long = long_form(text, span.label) if span.end - span.start == 1 else None
            if long:
                short_forms[text] = long
                span = span._replace(label="ORG")
            mended.append(span)
        out.append(mended)
    return out, short_forms


def feature_short_names(docs: Sequence[Words], blocks: Sequence[list[Tagged]]) -> dict[str, str]:
    """Natural features named with a head word are also named without it: "the Tourmalet" is
    the "Col du Tourmalet", "Kilimanjaro" is "Mount Kilimanjaro". Short name to long."""
    short: dict[str, str] = {}
    for doc, spans in zip(docs, blocks, strict=True):
        for span in spans:
            if span.label != "LOC" or doc[span.start].text not in FEATURE_HEAD_WORDS:
                continue
            start = span.start + 1
            while start < span.end and doc[start].text in NAME_PARTICLES:
                start += 1
            if start < span.end and is_name_word(doc[start]):
                short.setdefault(doc[start : span.end].text, span_text(doc, span))
    return short


def known_names(docs: Sequence[Words], blocks: Sequence[list[Tagged]]) -> dict[str, str]:
    """Names the article has used, with their labels: full names, people's surnames ("Assad"
    of "Bashar al-Assad"), defined acronyms; and news agencies, always organisations."""
    names: dict[str, str] = {}
    for doc, spans in zip(docs, blocks, strict=True):
        for span in spans:
            if span.label not in _PROPAGATED:
                continue
            names.setdefault(span_text(doc, span), span.label)
            last = doc[span.end - 1]
            if span.label == "PERSON" and span.end - span.start > 1 and is_name_word(last):
                names.setdefault(last.text, "PERSON")
    for agency in NEWS_AGENCIES:
        names.setdefault(agency, "ORG")
    return {name: label for name, label in names.items() if _may_stand_alone(name)}


def find_free(
    doc: Words, spans: Iterable[Tagged], lookup: Callable[[str], str | None], longest: int
) -> list[Tagged]:
    """Capitalised runs of tokens outside every span that ``lookup`` labels, longest first, and
    not part of a longer capitalised name ("Blackburn" in "Blackburn Rovers")."""
    taken = [False] * len(doc)
    for span in spans:
        taken[span.start : span.end] = [True] * (span.end - span.start)
    found = []
    words, n = doc.words, len(doc)
    i = 0
    while i < n:
        match = None
        if not taken[i] and words[i].text[:1].isupper():
            match = _match_at(doc, i, taken, lookup, longest)
        if match:
            found.append(match)
            i = match.end
        else:
            i += 1
    return found


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 10 and _ACRONYM.fullmatch(word) is not None


def initials(tokens: WordSpan) -> str:
    """The capital letters that start words: "Hayat Tahrir al-Sham" gives "HTS"."""
    return "".join(token.text[0] for token in tokens if token.text[:1].isupper())


# --- helpers --------------------------------------------------------------------------------


def _match_at(
    doc: Words, start: int, taken: list[bool], lookup: Callable[[str], str | None], longest: int
) -> Tagged | None:
    limit = min(len(doc), start + longest)
    if True in taken[start:limit]:
        limit = taken.index(True, start)
    names = doc.names
    for end in range(limit, start, -1):
        # A name ends with a name word ("Deir ez-Zor"): skip the rest without building a span.
        if not names[end - 1] or not _free_standing(doc, start, end, taken):
            continue
        label = lookup(doc.text_of(start, end))
        if label:
            return Tagged(start, end, label)
    return None


def _free_standing(doc: Words, start: int, end: int, taken: list[bool]) -> bool:
    """Not part of a longer capitalised name: no name word right after, and none right before
    unless that word opens the sentence, and is capitalised for that ("Despite HTS's ...").
    (A name that starts the sentence is looked up from its first word, before this one.)"""
    names = doc.names
    if (
        end < len(doc)
        and not taken[end]
        and names[end]
        and doc[end].text not in CORPORATE_SUFFIXES  # extend_org_names takes it
    ):
        return False
    if particle_then_name(doc, end):
        return False  # "Rio Grande" of "Rio Grande do Sul"
    if start == 0 or taken[start - 1] or not names[start - 1]:
        return True
    return _opens_sentence(doc, start - 1)


class MissedContext(NamedTuple):
    """What the missed-name rules know beside a name: the gazetteer, and whether the whole block
    is in capitals (where every word looks like an acronym)."""

    gazetteer: Gazetteer
    shouting: bool


#: A missed-name rule: the label it gives a capitalised name the model missed, or None to leave
#: it to the next rule.
MissedNameRule = Callable[[str, MissedContext], str | None]


def major_feature(text: str, context: MissedContext) -> str | None:
    """A river or a range news names bare is a place (LOC): "the Danube", "snow in the Urals"."""
    return "LOC" if text in NATURAL_FEATURES else None


def spottable_place(text: str, context: MissedContext) -> str | None:
    """A place the gazetteer may spot alone is a place (GPE): a country, a US state, a city of
    100,000 people or more ("Aleppo", "Idlib"), never an everyday word ("Reading")."""
    return "GPE" if context.gazetteer.spottable(text) else None


def demonym_alone(text: str, context: MissedContext) -> str | None:
    """One word that is a demonym is a group (NORP): "Greeks have faced..."."""
    return "NORP" if " " not in text and context.gazetteer.demonym_country(text) else None


def unknown_acronym(text: str, context: MissedContext) -> str | None:
    """An acronym of four letters or more is an organisation: "MONUSCO" (shorter ones are as
    often "CEO" or "GDP"; a common one, "COVID", names none; in a block in capitals every word
    looks like one)."""
    if (
        is_acronym(text)
        and text.isalpha()
        and len(text) >= 4
        and not context.shouting
        and text not in COMMON_ACRONYMS
    ):
        return "ORG"
    return None


#: The missed-name rules by name, in the order they are tried: the first that decides wins.
MISSED_NAME_RULES: tuple[tuple[str, MissedNameRule], ...] = tuple(
    (rule.__name__, rule)
    for rule in (major_feature, spottable_place, demonym_alone, unknown_acronym)
)


def missed_lookup(
    gazetteer: Gazetteer,
    doc: Words,
    rules: Sequence[tuple[str, MissedNameRule]] = MISSED_NAME_RULES,
) -> Callable[[str], str | None]:
    """What a capitalised name the model missed is by itself, by the first of ``rules`` that
    decides (:data:`MISSED_NAME_RULES`): a major natural feature, a place the gazetteer may spot,
    a one-word demonym, an acronym of four letters or more; else nothing."""
    context = MissedContext(gazetteer, doc.text.isupper())
    return lambda text: first_decision(rules, text, context)


def _long_form(doc: Words, end: int, acronym: str, spans: Sequence[Tagged]) -> Tagged | None:
    """The name that ``acronym`` abbreviates, ending at token ``end``: the model's entity there if
    it spells the acronym, else the shortest run of name words that does."""
    letters = re.sub(r"[^A-Z]", "", acronym)
    for span in spans:
        if span.end != end:
            continue
        spelt = initials(doc[span.start : end])
        if spelt == letters:
            return span if span.label in NAME_LABELS else span._replace(label="ORG")
        if span.label == "ORG" and len(spelt) >= 2 and letters[:1] in spelt:
            # An acronym of the name in its own language: "General Inspectorate for Emergency
            # Situations (IGSU)" abbreviates the Romanian name.
            return span
    start = end
    while start > 0 and (
        doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in LONG_NAME_CONNECTORS
    ):
        start -= 1
        spelt = initials(doc[start:end])
        if len(spelt) > len(letters):
            break
        if doc[start].text[:1].isupper() and spelt == letters:
            return Tagged(start, end, "ORG")
    return None


def _name_end_before(doc: Words, i: int) -> int:
    """Where a name ends before token ``i``, skipping hyphenated modifiers ("-led")."""
    while i >= 2 and doc[i - 2].text == "-" and doc[i - 1].is_lower:
        i -= 2
    return i


def _opens_sentence(doc: Words, i: int) -> bool:
    return i == 0 or doc[i - 1].text in _SENTENCE_ENDS


def _may_stand_alone(name: str) -> bool:
    """Can this name be recognised by itself wherever it appears? Not a capitalised everyday word
    ("The", "May"), a single letter or a number."""
    if len(name) < 2 or not name[:1].isupper():
        return False
    return name.isupper() or name.casefold() not in STOP_WORDS


def _majority(votes: Counter[str]) -> str | None:
    ranked = votes.most_common(2)
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


def _overlaps(a: Tagged, b: Tagged) -> bool:
    return a.start < b.end and b.start < a.end
