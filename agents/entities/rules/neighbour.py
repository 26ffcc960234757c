"""Entity rules that look at spans beside each other in one block: a place or an organisation
that goes on through the words after it, a venue the model cut, a person cut in two, and a
label taken from a neighbour in a list ("Kataib Hezbollah and Fatemiyoun")."""

from __future__ import annotations

from collections.abc import Sequence

from agents.entities.gazetteer import Gazetteer
from agents.entities.tables.labels import AREA_OR_GROUP_LABELS
from agents.entities.tables.organisations import CORPORATE_SUFFIXES, ORG_HEAD_CONNECTORS
from agents.entities.tables.places import BUILDING_FIRST_WORDS
from agents.entities.tokens import Tagged, Words, is_name_word, particle_then_name

_COORDINATORS = frozenset({",", "and", "or", "&"})


def find_venues(doc: Words, spans: Sequence[Tagged]) -> list[Tagged]:
    """Venues named in another language that the model cut or missed ("Estádio do Dragão",
    read as a person "Dragão"); extend_places drops what they cover."""
    starts = {span.start for span in spans}
    found = []
    for i, token in enumerate(doc):
        if token.text not in BUILDING_FIRST_WORDS or i in starts:
            continue
        end = i + 1
        while end < len(doc) and (is_name_word(doc[end]) or particle_then_name(doc, end)):
            end += 2 if particle_then_name(doc, end) else 1
        if end > i + 1:
            found.append(Tagged(i, end, "FAC"))
    return found


def extend_places(doc: Words, spans: Sequence[Tagged]) -> list[Tagged]:
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
        if span.label not in AREA_OR_GROUP_LABELS:
            continue
        end = span.end
        while particle_then_name(doc, end):
            end += 2
            while end < len(doc) and is_name_word(doc[end]):
                end += 1
        if end != span.end:
            out[i] = Tagged(span.start, end, "LOC" if span.label == "LOC" else "GPE")
    return drop_covered(out)


def extend_org_names(doc: Words, spans: Sequence[Tagged]) -> list[Tagged]:
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
    return drop_covered(out)


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


def retype_coordinated(doc: Words, spans: Sequence[Tagged], gazetteer: Gazetteer) -> list[Tagged]:
    """In a list ("Kataib Hezbollah and Fatemiyoun"), a "place" that the gazetteer does not know
    and that is no demonym is an organisation when its neighbour is one; a one-word "person"
    that the gazetteer knows is a place when its neighbour is one ("Lublin and Rzeszów")."""
    spans = sorted(spans)

    def doubtful_place(span: Tagged) -> bool:
        text = doc[span.start : span.end].text
        return (
            span.label in AREA_OR_GROUP_LABELS
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


def drop_covered(spans: Sequence[Tagged]) -> list[Tagged]:
    """The spans, in their order, without those another span covers (starts no later, ends no
    sooner).

    A block of dense names has thousands of spans: one sort and one sweep, never each span
    against every other. Equal spans do not cover each other; the same range under two labels
    does, both ways, so both go.

    >>> drop_covered([Tagged(0, 3, "GPE"), Tagged(1, 2, "GPE"), Tagged(3, 4, "ORG")])
    [Tagged(start=0, end=3, label='GPE'), Tagged(start=3, end=4, label='ORG')]
    """
    order = sorted(range(len(spans)), key=spans.__getitem__)
    covered: set[int] = set()
    reach, i = -1, 0  # the furthest end of the spans that start before this start
    while i < len(order):
        j = i
        while j < len(order) and spans[order[j]].start == spans[order[i]].start:
            j += 1
        group = [spans[k] for k in order[i:j]]  # the spans of one start
        top = max(span.end for span in group)
        widest = {span for span in group if span.end == top}
        for k in order[i:j]:
            span = spans[k]
            if reach >= span.end or span.end < top or len(widest) > 1:
                covered.add(k)
        reach = max(reach, top)
        i = j
    return [span for k, span in enumerate(spans) if k not in covered]
