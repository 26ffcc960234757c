"""Corrections to what the small NER model finds, as general rules over tokens.

The model reads one block at a time and knows nothing of the article around it. On news it misses
places it has not seen (Aleppo) and acronyms (HTS), reads "Kataib Hezbollah" as a person and
"Assad Reuters" as one person, splits "Mohammed Shia' Al-Sudani", and tags a militia listed beside
another as a place. The rules below mend such errors with what the text itself shows: titles,
organisation words, agency names, acronyms defined in brackets, names used elsewhere in the
article, the gazetteer. None of them knows any particular article.

Entities are :class:`Tagged` token ranges of one block's ``Doc``. :func:`correct_block` works on
one block; :func:`correct_article` then works across the article's blocks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from agents.entity_tables import (
    AGENCIES_ALSO_SURNAMES,
    APPOSITION_NOUNS,
    BARE_INSTITUTION_WORDS,
    BUILDING_FIRST_WORDS,
    BUILDING_WORDS,
    COMMON_ACRONYMS,
    COMPETITION_LEAGUES,
    CORPORATE_SUFFIXES,
    EVENT_FIRST_WORDS,
    EVENT_LAST_WORDS,
    LOCATIVE_PREPOSITIONS,
    MOTION_VERBS,
    NAME_CONNECTORS,
    NAME_LABELS,
    NATURAL_FEATURE_WORDS,
    NEWS_AGENCIES,
    ORG_CUE_WORDS,
    ORG_HEAD_CONNECTORS,
    PERSON_TITLES,
    PLACE_LIKE_CUE_WORDS,
    PLACE_NAME_PARTICLES,
    PLACE_OF_NOUNS,
    PORTFOLIO_WORDS,
    SPEAKER_ROLE_WORDS,
)
from agents.geo import Gazetteer, count_tokens
from agents.landforms import FEATURE_HEAD_WORDS, NATURAL_FEATURES


class Tagged(NamedTuple):
    """An entity in one block: tokens ``start`` to ``end`` (exclusive) of its ``Doc``."""

    start: int
    end: int
    label: str


#: Punctuation that never begins or ends a name (the model sometimes takes a bracket or a comma).
_EDGE_PUNCT = frozenset(',;:()[]{}"“”«»-–—/.!?')
#: A lone apostrophe stays: it may be a letter ("Mohammed Shia' Al-Sudani" transliterates ʿ).
_POSSESSIVES = frozenset({"'s", "’s"})
_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "“", "”", ":"})
_COORDINATORS = frozenset({",", "and", "or", "&"})
#: Labels that a title before a name may turn into PERSON: a model's guess at a thing, not a
#: group (NORP after "Prime Minister" is an adjective: "Prime Minister Iraqi..." does not occur).
_TITLE_RETYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
#: Labels whose known names are looked for again across the article.
_PROPAGATED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: Labels a short name of an organisation may have been given by the model.
_SHORT_ORG_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP"})
#: Labels an apposition may correct (a person is left alone: "X, the company's founder").
_APPOSED = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*")


def correct_block(doc: Doc, gazetteer: Gazetteer) -> list[Tagged]:
    """The model's entities in one block, trimmed, split and retyped."""
    spans = [Tagged(ent.start, ent.end, ent.label_) for ent in doc.ents]
    trimmed = (trim(doc, span) for span in spans)
    spans = [part for span in trimmed if span for part in split_agency(doc, span)]
    spans = [part for span in spans for part in split_demonym(doc, span, gazetteer)]
    spans = [span for span in spans if not is_common_noun(doc, span)]
    spans = [retype(doc, span, gazetteer) for span in spans] + spot_dateline(doc, spans, gazetteer)
    spans = extend_places(doc, drop_portfolios(doc, spans) + find_venues(doc, spans))
    spans = extend_org_names(doc, spans)
    spans = join_split_persons(spans)
    return retype_coordinated(doc, spans, gazetteer)


def correct_article(
    docs: Sequence[Doc], blocks: Sequence[list[Tagged]], gazetteer: Gazetteer
) -> tuple[list[list[Tagged]], dict[str, str]]:
    """Rules across an article's blocks; also returns its acronyms and short names of its
    organisations and natural features, each with its long form: {"HTS": "Hayat Tahrir...",
    "Cordillera": "Minera Cordillera Sur", "Tourmalet": "Col du Tourmalet"}.

    Order matters: acronyms first (they create long names), then places the model missed, then
    one label per name, and last the names seen so far looked for where the model saw nothing.
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
            spans + find_free(doc, spans, _missed_lookup(gazetteer, doc), gazetteer.max_spot_tokens)
        )
        for doc, spans in zip(docs, blocks, strict=True)
    ]
    blocks = harmonise_labels(docs, blocks, gazetteer)
    features = feature_short_names(docs, blocks)
    names = {short: "LOC" for short in features} | known_names(docs, blocks)
    longest = max((count_tokens(name) for name in names), default=1)
    blocks = [
        extend_org_names(doc, spans + find_free(doc, spans, names.get, longest))
        for doc, spans in zip(docs, blocks, strict=True)
    ]
    blocks, short_forms = find_short_org_names(docs, blocks, gazetteer)
    return blocks, short_forms | features | acronyms


def drop_headline_openers(
    docs: Sequence[Doc], blocks: Sequence[list[Tagged]], headlines: Sequence[bool]
) -> list[list[Tagged]]:
    """Headlines capitalise their first word whatever it is ("Chipmaker opens...", "Council
    approves..."), and the model takes it for a name. A one-word name opening a headline is kept
    only if the rest of the article names it too: alone, or as a person's surname ("Merkel")."""
    elsewhere: set[str] = set()
    for doc, spans, headline in zip(docs, blocks, headlines, strict=True):
        for span in spans:
            if not (headline and span.start == 0):
                elsewhere.add(_text(doc, span))
                if span.label == "PERSON":
                    elsewhere.add(doc[span.end - 1].text)
    return [
        [
            span
            for span in spans
            if not (headline and span.start == 0 and span.end == 1 and span.label in NAME_LABELS)
            or _text(doc, span) in elsewhere
        ]
        for doc, spans, headline in zip(docs, blocks, headlines, strict=True)
    ]


# --- one span at a time ---------------------------------------------------------------------


def trim(doc: Doc, span: Tagged) -> Tagged | None:
    """Drop what the model took beside a name: edge punctuation, a leading "the", a possessive,
    a hyphenated modifier ("HTS-led", "Iran-backed"), a common noun after it ("party") and, for
    people, titles ("President")."""
    start, end, label = span
    is_name = label in NAME_LABELS
    # "General Motors" read as a person keeps its first word: retype will make it an ORG.
    titled = label == "PERSON" and not any(t.text in ORG_CUE_WORDS for t in doc[start:end])
    while start < end:
        last = doc[end - 1]
        if _drops_from_front(doc[start], is_name, titled):
            start += 1
        elif last.text in _EDGE_PUNCT or (is_name and last.text in _POSSESSIVES):
            end -= 1
        elif is_name and end - start > 2 and doc[end - 2].text == "-" and last.is_lower:
            end -= 2
        elif is_name and end - start > 1 and last.is_lower and last.is_alpha:
            end -= 1  # "the ruling Georgian Dream party": names end in a name word
        elif is_name and end - start > 1 and last.text[:1].isdigit() and not last.is_alpha:
            end -= 1  # "Atlético Madrid 2-1": a score line is no part of a name
        else:
            break
    return Tagged(start, end, label) if start < end else None


def split_agency(doc: Doc, span: Tagged) -> list[Tagged]:
    """A news agency is an ORG, and one that ends a person's span is split off it: the small
    model reads a name followed by its source's credit ("Assad Reuters") as one person."""
    if span.label not in NAME_LABELS:
        return [span]
    for cut in range(span.start, span.end):
        tail = doc[cut : span.end].text
        if tail not in NEWS_AGENCIES:
            continue
        if cut == span.start:
            return [Tagged(span.start, span.end, "ORG")]
        if tail not in AGENCIES_ALSO_SURNAMES:
            return [Tagged(span.start, cut, span.label), Tagged(cut, span.end, "ORG")]
        break
    return [span]


def split_demonym(doc: Doc, span: Tagged, gazetteer: Gazetteer) -> list[Tagged]:
    """A demonym before a person's name is a group, not part of the name: the model reads
    "Ethiopian Haile Bekele" as one person."""
    if span.label != "PERSON" or span.end - span.start < 3:
        return [span]
    if gazetteer.demonym_country(doc[span.start].text) is None:
        return [span]
    return [Tagged(span.start, span.start + 1, "NORP"), Tagged(span.start + 1, span.end, "PERSON")]


def drop_portfolios(doc: Doc, spans: Sequence[Tagged]) -> list[Tagged]:
    """A portfolio opening a person's title is no name: "Interior" of "Interior Minister Kemal
    Aydın", which the model calls an organisation."""
    people = {span.start for span in spans if span.label == "PERSON"}

    def opens_title(span: Tagged) -> bool:
        if span.label == "PERSON" or span.end - span.start != 1:
            return False
        if doc[span.start].lower_ not in PORTFOLIO_WORDS:
            return False
        end = span.end
        while end < len(doc) and doc[end].lower_ in PERSON_TITLES and doc[end].text[:1].isupper():
            end += 1
        return end > span.end and end in people

    return [span for span in spans if not opens_title(span)]


def is_common_noun(doc: Doc, span: Tagged) -> bool:
    """A name span that is no name: all lowercase ("the army said"), or one word naming an
    institution generically ("Parliament voted"). Values (dates, numbers) are not names."""
    tokens = doc[span.start : span.end]
    if span.label not in NAME_LABELS:
        return False
    if all(not token.text[:1].isupper() for token in tokens):
        return True
    return len(tokens) == 1 and tokens[0].lower_ in BARE_INSTITUTION_WORDS


def is_event(tokens: Span) -> bool:
    """A competition or a storm by its name's shape: "World Cup", "Tour de France", "Champions
    League", "Cyclone Remal"."""
    if len(tokens) < 2:
        return False
    first, last = tokens[0].text, tokens[-1].text
    if last == "League":
        return tokens[-2].text in COMPETITION_LEAGUES
    return last in EVENT_LAST_WORDS or first in EVENT_FIRST_WORDS


def find_demonym_names(doc: Doc, spans: Sequence[Tagged], gazetteer: Gazetteer) -> list[Tagged]:
    """A demonym and a name of two or three words where the model saw nothing: "the Slovenian
    Matej Kovac was third" is a group and a person (an organisation word makes it no person)."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    found = []
    for i in range(len(doc) - 2):
        if i in taken or not is_name_word(doc[i]) or not gazetteer.demonym_country(doc[i].text):
            continue
        end = i + 1
        while end < len(doc) and end not in taken and is_name_word(doc[end]):
            end += 1
        name = doc[i + 1 : end]
        if (
            2 <= len(name) <= 3
            and (end == len(doc) or end not in taken)
            and not {t.text for t in name} & ORG_CUE_WORDS
            and not gazetteer.is_place(name.text)
        ):
            found += [Tagged(i, i + 1, "NORP"), Tagged(i + 1, end, "PERSON")]
    return found


def find_places_of_nouns(doc: Doc, spans: Sequence[Tagged], gazetteer: Gazetteer) -> list[Tagged]:
    """A place the model missed after "the town of", "the port of": any place the gazetteer
    knows, however small (it is too small to be spotted anywhere: "the town of Sake")."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    found = []
    for i in range(2, len(doc)):
        if i in taken or not is_name_word(doc[i]) or not _place_of_noun(doc, i):
            continue
        end = i
        while end < len(doc) and end not in taken and is_name_word(doc[end]):
            end += 1
        if gazetteer.is_place(doc[i:end].text):
            found.append(Tagged(i, end, "GPE"))
    return found


def spot_dateline(doc: Doc, spans: Sequence[Tagged], gazetteer: Gazetteer) -> list[Tagged]:
    """A dateline's place in capitals that the model missed ("BERLIN (AP) -"): the block's first
    word, all capitals, before dateline punctuation, and a place once written normally."""
    if not doc or any(span.start == 0 for span in spans):
        return []
    first = doc[0]
    capitals = first.is_upper and first.is_alpha and _opens_dateline(doc, 1)
    return [Tagged(0, 1, "GPE")] if capitals and gazetteer.spottable(first.text.title()) else []


def retype(doc: Doc, span: Tagged, gazetteer: Gazetteer) -> Tagged:
    """One span's label mended from its own words and the word before it."""
    if span.label not in NAME_LABELS:
        return span
    tokens = doc[span.start : span.end]
    text = tokens.text
    before = doc[span.start - 1] if span.start > 0 else None
    label = span.label
    cues = {token.text for token in tokens} & ORG_CUE_WORDS
    has_cue = bool(cues)
    is_place = gazetteer.is_place(text)
    if is_event(tokens):
        return span._replace(label="EVENT")
    if text in NATURAL_FEATURES or (
        tokens[0].text in FEATURE_HEAD_WORDS and len(tokens) > 1 and not has_cue
    ):
        return span._replace(label="LOC")  # "the Danube", "Lake Kivu", "Col du Tourmalet"
    if label in {"GPE", "LOC"} and any(ch.isdigit() for ch in text):
        return span._replace(label="ORG")  # "M23": no place is named with figures
    if label == "NORP" and is_place and not gazetteer.group_country(text):
        return span._replace(label="GPE")  # "a charge Kigali denies": a capital is no group
    described = _apposition(doc, span.end)
    if (
        described not in {None, label}
        and label in _APPOSED
        and (described == "ORG" or is_place)
        and not gazetteer.country_of(text)
    ):
        return span._replace(label=described)  # "Codelco, the state miner"
    if (
        label == "ORG"
        and tokens[-1].text in BUILDING_WORDS
        and before is not None
        and before.lower_ in LOCATIVE_PREPOSITIONS
    ):
        return span._replace(label="FAC")  # "said at State House"
    if has_cue and label == "PERSON":
        return span._replace(label="ORG")  # "Kataib Hezbollah"
    if cues - PLACE_LIKE_CUE_WORDS and label in {"GPE", "LOC", "NORP", "FAC"} and not is_place:
        return span._replace(label="ORG")  # "Manchester City", but not "West Bank"
    if (
        label in _TITLE_RETYPES
        and _after_title(doc, span.start)
        and not has_cue
        and not is_place
        and all(is_name_word(token) for token in tokens)
    ):
        return span._replace(label="PERSON")  # "Chancellor Olaf Scholz" read as an ORG
    if (
        label == "LOC"
        and is_place
        and before is not None
        and before.lower_ in LOCATIVE_PREPOSITIONS | {"from"}
        and not _natural_feature(doc[span.end] if span.end < len(doc) else None)
    ):
        return span._replace(label="GPE")  # "people from Acharnes": a town takes no "the"
    if label in {"GPE", "LOC", "ORG"} and len(tokens) == 1 and gazetteer.demonym_country(text):
        return span._replace(label="NORP")  # a demonym: a group of people, not a place
    after = doc[span.end] if span.end < len(doc) else None
    if label in {"PERSON", "ORG", "PRODUCT"} and not has_cue and _natural_feature(after):
        return span._replace(label="LOC")  # "the Guaíba river"
    if label in {"PERSON", "ORG"} and not has_cue and gazetteer.country_of(text):
        return span._replace(label="GPE")  # "Uruguay offered...": OntoNotes keeps it a GPE
    if label in {"PERSON", "ORG"} and is_place and not has_cue:
        if (
            before is not None
            and (
                before.lower_ in LOCATIVE_PREPOSITIONS
                or _place_of_noun(doc, span.start)
                or _after_motion(doc, span.start)
            )
            and (after is None or after.text not in _POSSESSIVES)
        ):
            return span._replace(label="GPE")  # "everyone in Blackburn", not "in Jackson's view"
        if span.start == 0 and text.isupper() and _opens_dateline(doc, span.end):
            return span._replace(label="GPE")  # "BEIRUT (Reuters) -"
    return span


# --- spans beside each other ----------------------------------------------------------------


def find_venues(doc: Doc, spans: Sequence[Tagged]) -> list[Tagged]:
    """Venues named in another language that the model cut or missed ("Estádio do Dragão",
    read as a person "Dragão"); extend_places drops what they cover."""
    starts = {span.start for span in spans}
    found = []
    for i, token in enumerate(doc):
        if token.text not in BUILDING_FIRST_WORDS or i in starts:
            continue
        end = i + 1
        while end < len(doc) and (is_name_word(doc[end]) or _particle_then_name(doc, end)):
            end += 2 if _particle_then_name(doc, end) else 1
        if end > i + 1:
            found.append(Tagged(i, end, "FAC"))
    return found


def extend_places(doc: Doc, spans: Sequence[Tagged]) -> list[Tagged]:
    """A place goes on through a name particle and the capitalised words after it: the model
    stops "Rio Grande do Sul" at "Rio Grande", which is another place (a city), or calls it a
    group (NORP). Spans the longer name now covers are dropped."""
    out = sorted(spans)
    starts = {span.start for span in out}
    for i, span in enumerate(out):
        if span.label == "FAC":
            # A building's name goes on through the name words after it: the model stops
            # "Stadio Renato Dall'Ara" at "Renato".
            end = span.end
            while end < len(doc) and end not in starts and is_name_word(doc[end]):
                end += 1
            out[i] = span._replace(end=end)
            continue
        if span.label not in {"GPE", "LOC", "NORP"}:
            continue
        end = span.end
        while _particle_then_name(doc, end):
            end += 2
            while end < len(doc) and is_name_word(doc[end]):
                end += 1
        if end != span.end:
            out[i] = Tagged(span.start, end, "LOC" if span.label == "LOC" else "GPE")
    return [
        s for s in out if not any(o != s and o.start <= s.start and s.end <= o.end for o in out)
    ]


def extend_org_names(doc: Doc, spans: Sequence[Tagged]) -> list[Tagged]:
    """An organisation whose name ends in a head word ("Observatory", "Society") goes on through
    "of"/"for" (a mission through "in") and the capitalised words after it: the model stops
    "National Observatory of Athens" at "Observatory" and calls "Athens" a place. It also takes
    a company's legal suffix ("Nordvik Shipping ASA"). Spans the longer name now covers are
    dropped."""
    out = sorted(spans)
    for i, span in enumerate(out):
        if span.label != "ORG" or span.end >= len(doc):
            continue
        if doc[span.end].text in CORPORATE_SUFFIXES:
            out[i] = span = span._replace(end=span.end + 1)  # "Kestrel Airways" + "Group"
        if span.end + 1 >= len(doc):
            continue
        heads = ORG_HEAD_CONNECTORS.get(doc[span.end].text)
        if heads is None or doc[span.end - 1].text not in heads:
            continue
        end = span.end + 1
        end += doc[end].lower_ == "the"
        name_end = end
        while name_end < len(doc) and is_name_word(doc[name_end]):
            name_end += 1
        if name_end > end:
            out[i] = span._replace(end=name_end)
    return [
        s for s in out if not any(o != s and o.start <= s.start and s.end <= o.end for o in out)
    ]


def join_split_persons(spans: Sequence[Tagged]) -> list[Tagged]:
    """Two person spans with nothing but a space between are one name: the model cuts
    "Mohammed Shia' Al-Sudani" after the apostrophe."""
    joined: list[Tagged] = []
    for span in sorted(spans):
        if joined and joined[-1].label == span.label == "PERSON" and joined[-1].end == span.start:
            joined[-1] = joined[-1]._replace(end=span.end)
        else:
            joined.append(span)
    return joined


def retype_coordinated(doc: Doc, spans: Sequence[Tagged], gazetteer: Gazetteer) -> list[Tagged]:
    """In a list ("Kataib Hezbollah and Fatemiyoun"), a "place" that the gazetteer does not know
    and that is no demonym is an organisation when its neighbour is one; a one-word "person"
    that the gazetteer knows is a place when its neighbour is one ("Lublin and Rzeszów")."""
    spans = sorted(spans)

    def doubtful_place(span: Tagged) -> bool:
        text = doc[span.start : span.end].text
        return (
            span.label in {"GPE", "LOC", "NORP"}
            and not gazetteer.is_place(text)
            and not gazetteer.demonym_country(text)
        )

    def place_as_person(span: Tagged) -> bool:
        return (
            span.label == "PERSON"
            and span.end - span.start == 1
            and gazetteer.is_place(doc[span.start].text)
        )

    changed = True
    while changed:
        changed = False
        for i in range(len(spans) - 1):
            left, right = spans[i], spans[i + 1]
            between = doc[left.end : right.start]
            if not 0 < len(between) <= 2 or any(t.lower_ not in _COORDINATORS for t in between):
                continue
            for this, other in ((i, right), (i + 1, left)):
                if other.label == "ORG" and doubtful_place(spans[this]):
                    spans[this], changed = spans[this]._replace(label="ORG"), True
                elif other.label == "GPE" and place_as_person(spans[this]):
                    spans[this], changed = spans[this]._replace(label="GPE"), True
    return spans


# --- across the article ---------------------------------------------------------------------


def define_acronyms(
    docs: Sequence[Doc], blocks: Sequence[list[Tagged]]
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
        for i in range(len(doc) - 2):
            if doc[i].text != "(" or doc[i + 2].text != ")" or not is_acronym(doc[i + 1].text):
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
        sorted(s._replace(label=labels.get(_text(doc, s), s.label)) for s in spans)
        for doc, spans in zip(docs, out, strict=True)
    ], acronyms


def harmonise_labels(
    docs: Sequence[Doc], blocks: Sequence[list[Tagged]], gazetteer: Gazetteer
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
                votes.setdefault(_text(doc, span).casefold(), Counter())[span.label] += 1
            if span.label == "PERSON" and span.end - span.start > 1:
                surnames.add(doc[span.end - 1].text)
    out = []
    for doc, spans in zip(docs, blocks, strict=True):
        mended = []
        for span in spans:
            text = _text(doc, span)
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
                if top is None and ballot.keys() & {"GPE", "LOC"} and gazetteer.is_place(text):
                    top = "GPE"  # a tie, and the gazetteer knows the place: "Kumamoto"
                mended.append(span._replace(label=top) if top else span)
        out.append(mended)
    return out


def find_short_org_names(
    docs: Sequence[Doc], blocks: Sequence[list[Tagged]], gazetteer: Gazetteer
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

    def long_form(text: str, label: str) -> str | None:
        if label not in _SHORT_ORG_LABELS or len(longs.get(text, ())) != 1:
            return None
        if text in people or text in ORG_CUE_WORDS or text in CORPORATE_SUFFIXES:
            return None
        if gazetteer.is_place(text) or gazetteer.group_country(text):
            return None
        return next(iter(longs[text]))

    short_forms: dict[str, str] = {}
    out = []
    for doc, spans in zip(docs, blocks, strict=True):
        mended = []
        for span in spans:
            text = _text(doc, span)
            long = long_form(text, span.label) if span.end - span.start == 1 else None
            if long:
                short_forms[text] = long
                span = span._replace(label="ORG")
            mended.append(span)
        out.append(mended)
    return out, short_forms


def feature_short_names(docs: Sequence[Doc], blocks: Sequence[list[Tagged]]) -> dict[str, str]:
    """Natural features named with a head word are also named without it: "the Tourmalet" is
    the "Col du Tourmalet", "Kilimanjaro" is "Mount Kilimanjaro". Short name to long."""
    short: dict[str, str] = {}
    for doc, spans in zip(docs, blocks, strict=True):
        for span in spans:
            if span.label != "LOC" or doc[span.start].text not in FEATURE_HEAD_WORDS:
                continue
            start = span.start + 1
            while start < span.end and doc[start].text in PLACE_NAME_PARTICLES:
                start += 1
            if start < span.end and is_name_word(doc[start]):
                short.setdefault(doc[start : span.end].text, _text(doc, span))
    return short


def known_names(docs: Sequence[Doc], blocks: Sequence[list[Tagged]]) -> dict[str, str]:
    """Names the article has used, with their labels: full names, people's surnames ("Assad"
    of "Bashar al-Assad"), defined acronyms; and news agencies, always organisations."""
    names: dict[str, str] = {}
    for doc, spans in zip(docs, blocks, strict=True):
        for span in spans:
            if span.label not in _PROPAGATED:
                continue
            names.setdefault(_text(doc, span), span.label)
            last = doc[span.end - 1]
            if span.label == "PERSON" and span.end - span.start > 1 and is_name_word(last):
                names.setdefault(last.text, "PERSON")
    for agency in NEWS_AGENCIES:
        names.setdefault(agency, "ORG")
    return {name: label for name, label in names.items() if _may_stand_alone(name)}


def find_free(
    doc: Doc, spans: Iterable[Tagged], lookup: Callable[[str], str | None], longest: int
) -> list[Tagged]:
    """Capitalised runs of tokens outside every span that ``lookup`` labels, longest first, and
    not part of a longer capitalised name ("Blackburn" in "Blackburn Rovers")."""
    taken = [False] * len(doc)
    for span in spans:
        taken[span.start : span.end] = [True] * (span.end - span.start)
    found = []
    i = 0
    while i < len(doc):
        match = None
        if not taken[i] and doc[i].text[:1].isupper():
            match = _match_at(doc, i, taken, lookup, longest)
        if match:
            found.append(match)
            i = match.end
        else:
            i += 1
    return found


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 10 and _ACRONYM.fullmatch(word) is not None


def initials(tokens: Span) -> str:
    """The capital letters that start words: "Hayat Tahrir al-Sham" gives "HTS"."""
    return "".join(token.text[0] for token in tokens if token.text[:1].isupper())


# --- helpers --------------------------------------------------------------------------------


def _match_at(
    doc: Doc, start: int, taken: list[bool], lookup: Callable[[str], str | None], longest: int
) -> Tagged | None:
    limit = min(len(doc), start + longest)
    if True in taken[start:limit]:
        limit = taken.index(True, start)
    for end in range(limit, start, -1):
        # A name ends with a name word ("Deir ez-Zor"): skip the rest without building a span.
        if not is_name_word(doc[end - 1]) or not _free_standing(doc, start, end, taken):
            continue
        label = lookup(doc[start:end].text)
        if label:
            return Tagged(start, end, label)
    return None


def _free_standing(doc: Doc, start: int, end: int, taken: list[bool]) -> bool:
    """Not part of a longer capitalised name: no name word right after, and none right before
    unless that word opens the sentence, and is capitalised for that ("Despite HTS's ...").
    (A name that starts the sentence is looked up from its first word, before this one.)"""
    if (
        end < len(doc)
        and not taken[end]
        and is_name_word(doc[end])
        and doc[end].text not in CORPORATE_SUFFIXES  # extend_org_names takes it
    ):
        return False
    if _particle_then_name(doc, end):
        return False  # "Rio Grande" of "Rio Grande do Sul"
    if start == 0 or taken[start - 1] or not is_name_word(doc[start - 1]):
        return True
    return _opens_sentence(doc, start - 1)


def _missed_lookup(gazetteer: Gazetteer, doc: Doc) -> Callable[[str], str | None]:
    """What a capitalised name the model missed is by itself: a major natural feature, a place
    the gazetteer may spot, a one-word demonym ("Greeks have faced..."), or an acronym of four
    letters or more ("MONUSCO"; shorter ones are as often "CEO" or "GDP"), unless the whole
    block is in capitals."""
    shouting = doc.text.isupper()

    def lookup(text: str) -> str | None:
        if text in NATURAL_FEATURES:
            return "LOC"
        if gazetteer.spottable(text):
            return "GPE"
        if " " in text:
            return None
        if gazetteer.demonym_country(text):
            return "NORP"
        if is_acronym(text) and text.isalpha() and len(text) >= 4 and not shouting:
            return None if text in COMMON_ACRONYMS else "ORG"
        return None

    return lookup


def _long_form(doc: Doc, end: int, acronym: str, spans: Sequence[Tagged]) -> Tagged | None:
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
        doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in NAME_CONNECTORS
    ):
        start -= 1
        spelt = initials(doc[start:end])
        if len(spelt) > len(letters):
            break
        if doc[start].text[:1].isupper() and spelt == letters:
            return Tagged(start, end, "ORG")
    return None


def _name_end_before(doc: Doc, i: int) -> int:
    """Where a name ends before token ``i``, skipping hyphenated modifiers ("-led")."""
    while i >= 2 and doc[i - 2].text == "-" and doc[i - 1].is_lower:
        i -= 2
    return i


def _drops_from_front(token: Token, is_name: bool, titled: bool) -> bool:
    if token.text in _EDGE_PUNCT:
        return True
    return is_name and (token.lower_ == "the" or (titled and token.lower_ in PERSON_TITLES))


def _particle_then_name(doc: Doc, i: int) -> bool:
    """Tokens ``i`` and ``i + 1`` are a place-name particle and a name word ("do Sul")."""
    return i + 1 < len(doc) and doc[i].text in PLACE_NAME_PARTICLES and is_name_word(doc[i + 1])


def _after_title(doc: Doc, start: int) -> bool:
    """A name right after a capitalised title ("Chancellor Olaf Scholz"), or after a title or a
    role and a comma ("Georgia's president, Nino ...", "the club's coach, Diego ...")."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in PERSON_TITLES and before.text[:1].isupper():
        return True
    if before is None or before.text != "," or start < 2:
        return False
    role = doc[start - 2].lower_
    return role in PERSON_TITLES or role in SPEAKER_ROLE_WORDS


def _natural_feature(token: Token | None) -> bool:
    """A lowercase word naming a natural feature ("river"): "River" would be part of a name."""
    return token is not None and token.text in NATURAL_FEATURE_WORDS


def _apposition(doc: Doc, end: int) -> str | None:
    """The label an apposition after a name gives it: ", the state miner," is an organisation,
    ", the last city in ..." a place; None without one."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in {"the", "a"}:
        return None
    for token in doc[end + 2 : end + 8]:
        if token.is_punct and token.text != "-":
            return None
        if token.lower_ in APPOSITION_NOUNS:
            return APPOSITION_NOUNS[token.lower_]
    return None


def _after_motion(doc: Doc, start: int) -> bool:
    """The span at ``start`` is where something went: "flew to Misrata", "diverted to X"."""
    return (
        start >= 2
        and doc[start - 1].lower_ in {"to", "towards", "toward"}
        and doc[start - 2].lower_ in MOTION_VERBS
    )


def _place_of_noun(doc: Doc, start: int) -> bool:
    """The span at ``start`` follows "<place noun> of" ("the port of Rotterdam")."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_OF_NOUNS


def _opens_sentence(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].text in _SENTENCE_ENDS


def _opens_dateline(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].text in {"(", "-", "–", "—", ","}


def is_name_word(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


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


def _text(doc: Doc, span: Tagged) -> str:
    return doc[span.start : span.end].text
