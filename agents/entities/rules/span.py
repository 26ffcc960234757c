"""Entity rules that look at one span at a time: trim what the model took beside a name, split
an agency or a demonym off a person, drop spans that are no names, and mend a span's label from
its own words and the words just before and after it (:func:`retype`). Also the rules that find
a missed name from the words around one place in a block (a demonym before a name, "the town
of ...", a dateline)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from agents.entities.gazetteer import Gazetteer
from agents.entities.tables.events import COMPETITION_LEAGUES, EVENT_FIRST_WORDS, EVENT_LAST_WORDS
from agents.entities.tables.labels import (
    ACTOR_LABELS,
    AREA_LABELS,
    NAME_LABELS,
    PLACE_LABELS,
    PLACE_OR_GROUP_LABELS,
)
from agents.entities.tables.landforms import (
    FEATURE_HEAD_WORDS,
    NATURAL_FEATURE_WORDS,
    NATURAL_FEATURES,
)
from agents.entities.tables.organisations import (
    AGENCIES_ALSO_SURNAMES,
    BARE_INSTITUTION_WORDS,
    NEWS_AGENCIES,
    ORG_CUE_WORDS,
    ORG_NOUNS,
    PLACE_LIKE_CUE_WORDS,
)
from agents.entities.tables.people import PERSON_TITLES, PORTFOLIO_WORDS, SPEAKER_ROLE_WORDS
from agents.entities.tables.places import (
    BUILDING_WORDS,
    LOCATIVE_PREPOSITIONS,
    MOTION_VERBS,
    PLACE_NOUNS,
    PLACE_OF_NOUNS,
)
from agents.entities.tokens import Tagged, is_name_word

#: Punctuation that never begins or ends a name (the model sometimes takes a bracket or a comma).
_EDGE_PUNCT = frozenset(',;:()[]{}"“”«»-–—/.!?')
#: A lone apostrophe stays: it may be a letter ("Mohammed Shia' Al-Sudani" transliterates ʿ).
_POSSESSIVES = frozenset({"'s", "’s"})
#: Labels that a title before a name may turn into PERSON: a model's guess at a thing, not a
#: group (NORP after "Prime Minister" is an adjective: "Prime Minister Iraqi..." does not occur).
_TITLE_RETYPES = PLACE_LABELS | {"ORG", "PRODUCT", "WORK_OF_ART"}
#: Labels an apposition may correct (a person is left alone: "X, the company's founder").
_APPOSED = PLACE_OR_GROUP_LABELS | {"ORG"}
#: Labels the model gives a demonym standing alone ("Syrian troops", "German and Latvian
#: officials"): a place or an organisation, never a person.
_DEMONYM_MISREADS = AREA_LABELS | {"ORG"}
#: Labels the model gives a natural feature named before its kind ("the Guaíba river").
_FEATURE_MISREADS = ACTOR_LABELS | {"PRODUCT"}
#: The label a noun in an apposition gives the name before it.
_APPOSITION_LABELS = dict.fromkeys(ORG_NOUNS, "ORG") | dict.fromkeys(PLACE_NOUNS, "GPE")


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
    if label in AREA_LABELS and any(ch.isdigit() for ch in text):
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
    if cues - PLACE_LIKE_CUE_WORDS and label in PLACE_OR_GROUP_LABELS and not is_place:
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
    if label in _DEMONYM_MISREADS and len(tokens) == 1 and gazetteer.demonym_country(text):
        return span._replace(label="NORP")  # a demonym: a group of people, not a place
    after = doc[span.end] if span.end < len(doc) else None
    if label in _FEATURE_MISREADS and not has_cue and _natural_feature(after):
        return span._replace(label="LOC")  # "the Guaíba river"
    if label in ACTOR_LABELS and not has_cue and gazetteer.country_of(text):
        return span._replace(label="GPE")  # "Uruguay offered...": OntoNotes keeps it a GPE
    if label in ACTOR_LABELS and is_place and not has_cue:
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


# --- helpers --------------------------------------------------------------------------------


def _drops_from_front(token: Token, is_name: bool, titled: bool) -> bool:
    if token.text in _EDGE_PUNCT:
        return True
    return is_name and (token.lower_ == "the" or (titled and token.lower_ in PERSON_TITLES))


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
        if token.lower_ in _APPOSITION_LABELS:
            return _APPOSITION_LABELS[token.lower_]
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


def _opens_dateline(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].text in {"(", "-", "–", "—", ","}
