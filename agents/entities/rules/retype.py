"""A span's label mended from its own words and the words around it, by named rules in order.

The small model's label is often wrong in ways the text shows: an organisation word in a
"person" ("Kataib Hezbollah"), a title before an "organisation" ("Chancellor Olaf Scholz"), a
known place after "in" ("everyone in Blackburn"). Each rule below looks at one
:class:`SpanView` and returns the label it decides, or None to leave the span to the next rule;
the first rule that decides wins, so the order matters. :data:`RETYPE_RULES` lists them, by
name, in that order: a test or an ablation names one, lists them, or leaves some out with
:func:`~agents.entities.tokens.rules_without`.

>>> [name for name, _rule in RETYPE_RULES][:3]
['event_name', 'natural_feature', 'figures_name_no_area']
>>> from agents.entities.tokens import rules_without
>>> len(rules_without(RETYPE_RULES, {"org_word_in_person"})) == len(RETYPE_RULES) - 1
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

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
from agents.entities.tables.organisations import ORG_CUE_WORDS, ORG_NOUNS, PLACE_LIKE_CUE_WORDS
from agents.entities.tables.people import PERSON_TITLES, SPEAKER_ROLE_WORDS
from agents.entities.tables.places import (
    BUILDING_WORDS,
    LOCATIVE_PREPOSITIONS,
    MOTION_VERBS,
    PLACE_NOUNS,
)
from agents.entities.tokens import (
    POSSESSIVES,
    Tagged,
    Word,
    Words,
    WordSpan,
    after_place_of_noun,
    first_decision,
    is_name_word,
    opens_dateline,
)

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


@dataclass(frozen=True)
class SpanView:
    """What the retype rules look at: one span of a block, its words, and the words around it."""

    doc: Words
    span: Tagged
    gazetteer: Gazetteer

    @property
    def label(self) -> str:
        return self.span.label

    @cached_property
    def tokens(self) -> WordSpan:
        return self.doc[self.span.start : self.span.end]

    @cached_property
    def text(self) -> str:
        return self.tokens.text

    @property
    def before(self) -> Word | None:
        """The token right before the span, if any."""
        return self.doc[self.span.start - 1] if self.span.start > 0 else None

    @property
    def after(self) -> Word | None:
        """The token right after the span, if any."""
        return self.doc[self.span.end] if self.span.end < len(self.doc) else None

    @cached_property
    def cues(self) -> frozenset[str]:
        """The organisation words in the span ("Hezbollah", "City", "ASA")."""
        return frozenset(token.text for token in self.tokens) & ORG_CUE_WORDS

    @cached_property
    def is_place(self) -> bool:
        """Whether the gazetteer knows the span's text as a place."""
        return self.gazetteer.is_place(self.text)


#: A rule: the label it decides for the span, or None to leave it to the next rule.
RetypeRule = Callable[[SpanView], str | None]


def event_name(view: SpanView) -> str | None:
    """A competition or a storm by its name's shape is an event: "World Cup", "Tour de France",
    "Premier League" (not "Arab League"), "Hurricane Ida"."""
    return "EVENT" if is_event(view.tokens) else None


def natural_feature(view: SpanView) -> str | None:
    """A river or a range news names bare, or a name opened by a feature's word, is a place (LOC):
    "the Danube", "the Urals", "Lake Kivu", "Col du Tourmalet" (not "Mount Sinai Hospital")."""
    tokens = view.tokens
    if view.text in NATURAL_FEATURES or (
        tokens[0].text in FEATURE_HEAD_WORDS and len(tokens) > 1 and not view.cues
    ):
        return "LOC"
    return None


def figures_name_no_area(view: SpanView) -> str | None:
    """No town or region is named with figures: "M23" read as a place is an organisation."""
    if view.label in AREA_LABELS and any(ch.isdigit() for ch in view.text):
        return "ORG"
    return None


def known_place_is_no_group(view: SpanView) -> str | None:
    """A place the gazetteer knows, read as a group, is the place: "a charge Kigali denies"
    (but "Kenyan" stays a group: it is a demonym)."""
    if view.label == "NORP" and view.is_place and not view.gazetteer.group_country(view.text):
        return "GPE"
    return None


def apposition(view: SpanView) -> str | None:
    """An apposition says what a name is: "Codelco, the state miner," is an organisation,
    "Nyala, the second city" a place the gazetteer knows (a country keeps its label: "Kenya,
    the region's biggest economy")."""
    described = _apposition(view.doc, view.span.end)
    if (
        described not in {None, view.label}
        and view.label in _APPOSED
        and (described == "ORG" or view.is_place)
        and not view.gazetteer.country_of(view.text)
    ):
        return described
    return None


def building_after_preposition(view: SpanView) -> str | None:
    """A building's name after "at" or "in" is the place (FAC), not the institution in it: "he
    said at State House"."""
    before = view.before
    if (
        view.label == "ORG"
        and view.tokens[-1].text in BUILDING_WORDS
        and before is not None
        and before.lower_ in LOCATIVE_PREPOSITIONS
    ):
        return "FAC"
    return None


def org_word_in_person(view: SpanView) -> str | None:
    """A "person" holding an organisation word is an organisation: "Kataib Hezbollah", "Barclays
    Bank"."""
    return "ORG" if view.cues and view.label == "PERSON" else None


def org_word_in_place(view: SpanView) -> str | None:
    """A "place" or "group" the gazetteer does not know, holding an organisation word, is an
    organisation: "Manchester City" (but "Mexico City" is known, and "West Bank" is named with
    a word that also ends places)."""
    if (
        view.cues - PLACE_LIKE_CUE_WORDS
        and view.label in PLACE_OR_GROUP_LABELS
        and not view.is_place
    ):
        return "ORG"
    return None


def name_after_title(view: SpanView) -> str | None:
    """Name words after a title, or after a title or role and a comma, are a person:
    "Chancellor Olaf Scholz", "Georgia's president, Nino Kvaratskhelia" (a known place stays
    one: "President Aleppo" is a headline's shorthand)."""
    if (
        view.label in _TITLE_RETYPES
        and _after_title(view.doc, view.span.start)
        and not view.cues
        and not view.is_place
        and all(is_name_word(token) for token in view.tokens)
    ):
        return "PERSON"
    return None


def town_after_preposition(view: SpanView) -> str | None:
    """A known place the model calls a region, after a spatial preposition or "from", is a town
    (GPE): "families from Patras" (a region takes "the": "in the Patras valley" stays LOC)."""
    before = view.before
    if (
        view.label == "LOC"
        and view.is_place
        and before is not None
        and before.lower_ in LOCATIVE_PREPOSITIONS | {"from"}
        and not _natural_feature(view.after)
    ):
        return "GPE"
    return None


def demonym(view: SpanView) -> str | None:
    """A demonym alone, read as a place or an organisation, is a group of people (NORP):
    "Syrian troops", "German and Latvian officials"."""
    if (
        view.label in _DEMONYM_MISREADS
        and len(view.tokens) == 1
        and view.gazetteer.demonym_country(view.text)
    ):
        return "NORP"
    return None


def feature_word_after(view: SpanView) -> str | None:
    """A name before a lowercase feature word is that feature, a place (LOC): "the Guaíba river"
    (but "the Guaíba River" names it in full, and the model's span would hold "River")."""
    if view.label in _FEATURE_MISREADS and not view.cues and _natural_feature(view.after):
        return "LOC"
    return None


def country_name(view: SpanView) -> str | None:
    """A country's name is a place (GPE) also where it acts, as OntoNotes labels it: "and Uruguay
    offered"."""
    if view.label in ACTOR_LABELS and not view.cues and view.gazetteer.country_of(view.text):
        return "GPE"
    return None


def known_place_after_cue(view: SpanView) -> str | None:
    """A known place read as a person or an organisation, after a spatial preposition, "<place
    noun> of" or a verb of going, is the place: "everyone in Blackburn", "the port of Rotterdam",
    "diverted to Benghazi" (not "in Jackson's view": a possessive makes it someone)."""
    before, after, doc, start = view.before, view.after, view.doc, view.span.start
    if (
        _known_place_taken_for_actor(view)
        and before is not None
        and (
            before.lower_ in LOCATIVE_PREPOSITIONS
            or after_place_of_noun(doc, start)
            or _after_motion(doc, start)
        )
        and (after is None or after.text not in POSSESSIVES)
    ):
        return "GPE"
    return None


def dateline_place(view: SpanView) -> str | None:
    """A known place in capitals opening a dateline, read as a person or an organisation, is the
    place: "BEIRUT (Reuters) -" (not "NATO (Reuters) -": no place)."""
    if (
        _known_place_taken_for_actor(view)
        and view.span.start == 0
        and view.text.isupper()
        and opens_dateline(view.doc, view.span.end)
    ):
        return "GPE"
    return None


#: The retype rules by name, in the order they are tried: the first that decides wins.
RETYPE_RULES: tuple[tuple[str, RetypeRule], ...] = tuple(
    (rule.__name__, rule)
    for rule in (
        event_name,
        natural_feature,
        figures_name_no_area,
        known_place_is_no_group,
        apposition,
        building_after_preposition,
        org_word_in_person,
        org_word_in_place,
        name_after_title,
        town_after_preposition,
        demonym,
        feature_word_after,
        country_name,
        known_place_after_cue,
        dateline_place,
    )
)


def retype(
    doc: Words,
    span: Tagged,
    gazetteer: Gazetteer,
    rules: Sequence[tuple[str, RetypeRule]] = RETYPE_RULES,
) -> Tagged:
    """One span's label mended by the first of ``rules`` that decides one; values (dates,
    numbers) and spans no rule decides keep theirs."""
    if span.label not in NAME_LABELS:
        return span
    label = first_decision(rules, SpanView(doc, span, gazetteer))
    return span if label is None else span._replace(label=label)


def is_event(tokens: WordSpan) -> bool:
    """A competition or a storm by its name's shape: "World Cup", "Tour de France", "Champions
    League", "Cyclone Remal"."""
    if len(tokens) < 2:
        return False
    first, last = tokens[0].text, tokens[-1].text
    if last == "League":
        return tokens[-2].text in COMPETITION_LEAGUES
    return last in EVENT_LAST_WORDS or first in EVENT_FIRST_WORDS


# --- helpers --------------------------------------------------------------------------------


def _known_place_taken_for_actor(view: SpanView) -> bool:
    """A place the gazetteer knows, with no organisation word, read as a person or organisation."""
    return view.label in ACTOR_LABELS and view.is_place and not view.cues


def _after_title(doc: Words, start: int) -> bool:
    """A name right after a capitalised title ("Chancellor Olaf Scholz"), or after a title or a
    role and a comma ("Georgia's president, Nino ...", "the club's coach, Diego ...")."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in PERSON_TITLES and before.text[:1].isupper():
        return True
    if before is None or before.text != "," or start < 2:
        return False
    role = doc[start - 2].lower_
    return role in PERSON_TITLES or role in SPEAKER_ROLE_WORDS


def _natural_feature(token: Word | None) -> bool:
    """A lowercase word naming a natural feature ("river"): "River" would be part of a name."""
    return token is not None and token.text in NATURAL_FEATURE_WORDS


def _apposition(doc: Words, end: int) -> str | None:
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


def _after_motion(doc: Words, start: int) -> bool:
    """The span at ``start`` is where something went: "flew to Misrata", "diverted to X"."""
    return (
        start >= 2
        and doc[start - 1].lower_ in {"to", "towards", "toward"}
        and doc[start - 2].lower_ in MOTION_VERBS
    )
