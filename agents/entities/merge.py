"""Mentions merged into entities, and the entities' names and keys.

An article names one thing many ways: "Bashar al-Assad", "President Assad", "Assad's";
"the Syrian Salvation Government", "the Salvation Government"; "Hayat Tahrir al-Sham" and
"HTS". Mentions are grouped by a normalised form first, then short forms join the one long form
they belong to: a person's surname joins the single person of that surname (so does a first
name, where no other person has it as either), an organisation's shorter name joins the single
longer name containing it. Where two long forms compete, the short
one stays apart: a wrong merge does more harm downstream than a missed one.

Keys are stable across articles: ``place:geonames:<id>`` for resolved places
(``place:iso:<code>`` for a region without a GeoNames id), else ``<type>:<slug of the
canonical name>``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import pairwise
from typing import NamedTuple

from agents.entities.gazetteer import Place, demonym_stem, fold
from agents.entities.tables.labels import NAME_LABELS, PLACE_LABELS
from agents.lexicon import SURNAME_PARTICLES
from agents.records import Entity

_POSSESSIVE = re.compile(r"['’]s?$")
#: A group of mentions: (label, or PLACE for places; normalised form).
GroupKey = tuple[str, str]
#: Finds the group a group belongs in, among the others; None to leave it where it is.
HostFinder = Callable[[GroupKey, "_Groups"], GroupKey | None]
#: Places are grouped whatever the model called them (GPE, LOC, FAC): one place, one entity.
_PLACE_FAMILY = "PLACE"


class Found(NamedTuple):
    """A mention with its label, in offsets of the article's text."""

    start: int
    end: int
    text: str
    label: str


#: An article writes each name many times, and every rule that merges keys it.
@functools.lru_cache(maxsize=8192)
def group_key(text: str) -> str:
    """The form mentions are grouped by: "the Salvation Government's" is "salvation-government"."""
    text = text.strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    return slug(_POSSESSIVE.sub("", text))


@functools.lru_cache(maxsize=8192)
def slug(name: str) -> str:
    """Lowercase words joined by hyphens, accents dropped: "Mohammed Shia' Al-Sudani" gives
    "mohammed-shia-al-sudani". Non-Latin letters are kept as they are."""
    folded = fold(name)
    return re.sub(r"[\W_]+", "-", folded).strip("-") or folded


def merge_mentions(
    found: Iterable[Found], same_as: Mapping[str, str] | None = None
) -> list[list[Found]]:
    """Mentions grouped into entities, in order of first mention, each group sorted.

    ``same_as`` maps a group key to another that names the same thing: an acronym to its long
    form (``{"hts": "hayat-tahrir-al-sham"}``), a place name to its GeoNames id.
    """
    same_as = same_as or {}
    groups: dict[GroupKey, list[Found]] = {}
    for mention in sorted(found):
        key = group_key(mention.text)
        kind = _PLACE_FAMILY if mention.label in PLACE_LABELS else mention.label
        groups.setdefault((kind, same_as.get(key, key)), []).append(mention)
    _fold(groups, _person_host)
    _fold(groups, _first_name_host)
    _fold(groups, _name_host)
    _fold(groups, _singular_host)
    return sorted(groups.values(), key=lambda group: group[0].start)


def build_entity(group: Sequence[Found], place: Place | None = None) -> Entity:
    """The entity of one group of mentions; ``place`` where its name was resolved."""
    mentions = sorted(group)
    name = canonical_name(m.text for m in mentions)
    label = Counter(m.label for m in mentions).most_common(1)[0][0]
    aliases = list(dict.fromkeys(m.text for m in mentions if m.text != name))
    entity: Entity = {
        "key": f"place:{place.key}" if place else f"{label.lower()}:{slug(name)}",
        "name": name,
        "type": label,
        "aliases": aliases,
        "count": len(mentions),
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in mentions],
    }
    if label in PLACE_LABELS:
        entity.update(
            country_code=place.country_code if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            geonames_id=place.geonames_id if place else None,
            feature=place.feature if place else None,
            admin1_code=place.admin1_code if place else None,
        )
    return entity


def canonical_name(forms: Iterable[str]) -> str:
    """The fullest form: most words, then not in capitals ("Beirut" of a "BEIRUT" dateline),
    then most letters; the first such form on a tie."""
    forms = list(forms)
    first: dict[str, int] = {}  # where each form first stands: thousands of mentions, one pass
    for i, form in enumerate(forms):
        first.setdefault(form, i)
    return max(
        forms,
        key=lambda form: (len(form.split()), not form.isupper(), len(form), -first[form]),
    )


def _fold(groups: dict[GroupKey, list[Found]], host_of: HostFinder) -> None:
    """Move each group for which ``host_of`` finds a host into that host."""
    others = _Groups(groups)
    hosts = set()
    for key in list(groups):
        host = host_of(key, others)
        if host is not None:
            groups[host].extend(groups.pop(key))
            hosts.add(host)
    for host in hosts & groups.keys():  # no finder reads mentions: sorted once, at the end
        groups[host].sort()


class _Groups:
    """The groups a group may join, indexed by the words the finders compare, so that each
    finder looks at the few groups that share a word with this one, not at every group: an
    article of thousands of names merges in linear time. The indexes are built when a fold
    starts and may hold groups moved since; :meth:`having` yields only the groups still there.
    """

    def __init__(self, groups: dict[GroupKey, list[Found]]) -> None:
        self.groups = groups
        self._by: dict[tuple[str, ...], list[GroupKey]] = {}
        for key in groups:
            label, form = key
            pieces = form.split("-")
            if len(pieces) < 2:
                continue
            self._by.setdefault(("first", label, pieces[0]), []).append(key)
            self._by.setdefault(("last", label, pieces[-1]), []).append(key)
            for pair in dict.fromkeys(pairwise(pieces)):
                self._by.setdefault(("pair", label, *pair), []).append(key)

    def __contains__(self, key: object) -> bool:
        return key in self.groups

    def having(self, *index: str) -> Iterator[GroupKey]:
        """The groups of several words still there whose ``("first"|"last", label, word)`` or
        ``("pair", label, word, next word)`` is ``index``, in the order of the groups."""
        return (key for key in self._by.get(index, ()) if key in self.groups)

    def rarest_pair(self, label: str, form: str) -> tuple[str, ...]:
        pieces = form.split("-")
        pairs = [("pair", label, *pair) for pair in pairwise(pieces)]
        return min(pairs, key=lambda pair: len(self._by.get(pair, ())))


def _only(hosts: Iterator[GroupKey]) -> GroupKey | None:
    """The host when there is exactly one."""
    first, second = next(hosts, None), next(hosts, None)
    return first if second is None else None


def _person_host(key: GroupKey, others: _Groups) -> GroupKey | None:
    """The one person named in full whose surname is this surname-only name."""
    label, form = key
    if label != "PERSON" or not _is_surname_only(form):
        return None
    surname = form.rsplit("-", 1)[-1]
    return _only(
        other
        for other in others.having("last", "PERSON", surname)
        if other != key and not _is_surname_only(other[1])
    )


def _first_name_host(key: GroupKey, others: _Groups) -> GroupKey | None:
    """The one person named in full whose first name this one-word name is ("Erik was
    stronger" of "Erik Solberg"), when no other person has it, as first name or surname."""
    label, form = key
    if label != "PERSON" or "-" in form:
        return None
    if next(others.having("last", "PERSON", form), None) is not None:
        return None
    return _only(others.having("first", "PERSON", form))


def _name_host(key: GroupKey, others: _Groups) -> GroupKey | None:
    """The one longer name of the same kind that contains this one word for word ("salvation
    government" in "syrian salvation government"); a one-word name only where the longer name
    starts with it ("Sony" of "Sony Group"), so that "Hezbollah" is not taken for "Kataib
    Hezbollah"."""
    label, form = key
    if label in {"PERSON", _PLACE_FAMILY} or label not in NAME_LABELS:
        return None
    if "-" in form:
        # A longer name holding these words in a row holds their rarest pair of words.
        candidates = others.having(*others.rarest_pair(label, form))
        return _only(o for o in candidates if o != key and f"-{form}-" in f"-{o[1]}-")
    return _only(o for o in others.having("first", label, form) if o != key)


def _singular_host(key: GroupKey, others: _Groups) -> GroupKey | None:
    """A group in the plural joins the same group in the singular, "Kenyans" are "Kenyan"; one
    of a group joins the group, "Dutchman" is "Dutch"."""
    label, form = key
    if label != "NORP":
        return None
    for host in (form[:-1] if form.endswith("s") else None, demonym_stem(form)):
        if host and host != form and (label, host) in others:
            return label, host
    return None


def _is_surname_only(form: str) -> bool:
    """One name with at most a particle before it: "assad", "al-assad", "de-gaulle"."""
    pieces = form.split("-")
    return len(pieces) == 1 or (len(pieces) == 2 and pieces[0] in SURNAME_PARTICLES)
