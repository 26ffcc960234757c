"""Entity rules that look at one span at a time: trim what the model took beside a name, split
an agency or a demonym off a person, drop spans that are no names. Also the rules that find a
missed name from the words around one place in a block (a demonym before a name, "the town of
...", a dateline). A span's label is mended by the named rules of
:mod:`agents.entities.rules.retype`."""

from __future__ import annotations

from collections.abc import Sequence

from agents.entities.gazetteer import Gazetteer
from agents.entities.tables.labels import NAME_LABELS
from agents.entities.tables.organisations import (
    AGENCIES_ALSO_SURNAMES,
    BARE_INSTITUTION_WORDS,
    NEWS_AGENCIES,
    ORG_CUE_WORDS,
)
from agents.entities.tables.people import PERSON_TITLES, PORTFOLIO_WORDS
from agents.entities.tokens import (
    POSSESSIVES,
    Tagged,
    Word,
    Words,
    after_place_of_noun,
    opens_dateline,
)

#: Punctuation that never begins or ends a name (the model sometimes takes a bracket or a comma).
_EDGE_PUNCT = frozenset(',;:()[]{}"“”«»-–—/.!?')


def trim(doc: Words, span: Tagged) -> Tagged | None:
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
        elif last.text in _EDGE_PUNCT or (is_name and last.text in POSSESSIVES):
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


def split_agency(doc: Words, span: Tagged) -> list[Tagged]:
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


def split_demonym(doc: Words, span: Tagged, gazetteer: Gazetteer) -> list[Tagged]:
    """A demonym before a person's name is a group, not part of the name: the model reads
    "Ethiopian Haile Bekele" as one person."""
    if span.label != "PERSON" or span.end - span.start < 3:
        return [span]
    if gazetteer.demonym_country(doc[span.start].text) is None:
        return [span]
    return [Tagged(span.start, span.start + 1, "NORP"), Tagged(span.start + 1, span.end, "PERSON")]


def drop_portfolios(doc: Words, spans: Sequence[Tagged]) -> list[Tagged]:
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


def is_common_noun(doc: Words, span: Tagged) -> bool:
    """A name span that is no name: all lowercase ("the army said"), or one word naming an
    institution generically ("Parliament voted"). Values (dates, numbers) are not names."""
    tokens = doc[span.start : span.end]
    if span.label not in NAME_LABELS:
        return False
    if all(not token.text[:1].isupper() for token in tokens):
        return True
    return len(tokens) == 1 and tokens[0].lower_ in BARE_INSTITUTION_WORDS


def find_demonym_names(doc: Words, spans: Sequence[Tagged], gazetteer: Gazetteer) -> list[Tagged]:
    """A demonym and a name of two or three words where the model saw nothing: "the Slovenian
    Matej Kovac was third" is a group and a person (an organisation word makes it no person)."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    found = []
    names = doc.names
    for i in range(len(doc) - 2):
        if not names[i] or i in taken or not gazetteer.demonym_country(doc[i].text):
            continue
        end = i + 1
        while end < len(doc) and end not in taken and names[end]:
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


def find_places_of_nouns(doc: Words, spans: Sequence[Tagged], gazetteer: Gazetteer) -> list[Tagged]:
    """A place the model missed after "the town of", "the port of": any place the gazetteer
    knows, however small (it is too small to be spotted anywhere: "the town of Sake")."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    found = []
    names = doc.names
    for i in range(2, len(doc)):
        if not names[i] or i in taken or not after_place_of_noun(doc, i):
            continue
        end = i
        while end < len(doc) and end not in taken and names[end]:
            end += 1
        if gazetteer.is_place(doc[i:end].text):
            found.append(Tagged(i, end, "GPE"))
    return found


def spot_dateline(doc: Words, spans: Sequence[Tagged], gazetteer: Gazetteer) -> list[Tagged]:
    """A dateline's place in capitals that the model missed ("BERLIN (AP) -"): the block's first
    word, all capitals, before dateline punctuation, and a place once written normally."""
    if not doc or any(span.start == 0 for span in spans):
        return []
    first = doc[0]
    capitals = first.is_upper and first.is_alpha and opens_dateline(doc, 1)
    return [Tagged(0, 1, "GPE")] if capitals and gazetteer.spottable(first.text.title()) else []


# --- helpers --------------------------------------------------------------------------------


def _drops_from_front(token: Word, is_name: bool, titled: bool) -> bool:
    if token.text in _EDGE_PUNCT:
        return True
    return is_name and (token.lower_ == "the" or (titled and token.lower_ in PERSON_TITLES))
