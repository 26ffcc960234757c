"""The world gazetteer: admin-1 regions with their ISO 3166-2 codes, towns of ~1,000 people,
resolution in the article's context, the ISO mapping's table, and no network."""

from __future__ import annotations

import io
import socket

import pytest

from agents.entities.gazetteer import Gazetteer, Place
from agents.entities.regions import (
    TABLE,
    comparable,
    iso_names,
    match_region,
    read_regions,
)


def _resolve(gazetteer: Gazetteer, *names: str) -> dict[str, Place]:
    return gazetteer.resolve(names)


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("West Bengal", "IN", "IN-WB"),
        ("Rakhine", "MM", "MM-16"),
        ("Dolj", "RO", "RO-DJ"),
        ("Kharkiv Oblast", "UA", "UA-63"),
        ("Sumy Oblast", "UA", "UA-59"),
        ("Andalusia", "ES", "ES-AN"),  # GeoNames' English name beside ISO's "Andalucía"
        ("Bavaria", "DE", "DE-BY"),  # iso-codes' English name beside ISO's "Bayern"
        ("Texas", "US", "US-TX"),
    ],
)
def test_regions_resolve_with_country_admin1_and_coordinates(gazetteer, name, country, admin1):
    region = _resolve(gazetteer, name)[name]
    assert (region.feature, region.country_code, region.admin1_code) == (
        "admin_region",
        country,
        admin1,
    )
    assert region.lat is not None and region.lon is not None


def test_a_regions_bare_name_is_its_town_of_that_name_and_with_its_kind_the_region(gazetteer):
    found = _resolve(gazetteer, "Kharkiv", "Kharkiv Oblast")
    assert (found["Kharkiv"].feature, found["Kharkiv"].admin1_code) == ("city", "UA-63")
    assert found["Kharkiv Oblast"].feature == "admin_region"
    assert found["Kharkiv Oblast"].key == "iso:UA-63"  # no GeoNames id in the packages' data
    assert found["Kharkiv"].key == f"geonames:{found['Kharkiv'].geonames_id}"


def test_small_towns_resolve_in_the_articles_region_and_country(gazetteer):
    # El Paso of Texas is far bigger; the Canary Islands make it the town on La Palma.
    found = _resolve(gazetteer, "El Paso", "Canary Islands", "Tazacorte")
    assert (found["El Paso"].country_code, found["El Paso"].admin1_code) == ("ES", "ES-CN")
    assert found["El Paso"].population < 15_000
    assert _resolve(gazetteer, "El Paso")["El Paso"].admin1_code == "US-TX"


def test_a_small_town_is_no_known_place_for_the_rules_but_is_a_town(gazetteer):
    assert not gazetteer.is_place("Tazacorte") and gazetteer.is_town("Tazacorte")
    assert gazetteer.is_place("Kraków") and gazetteer.is_place("Dolj")


def test_regions_spotted_without_the_model_only_when_their_name_is_rare_in_english(gazetteer):
    assert gazetteer.spottable("Dolj") and gazetteer.spottable("West Bengal")
    assert not gazetteer.spottable("Central")  # Paraguay's and others' regions
    assert not gazetteer.spottable("Chin")  # Myanmar's state, and a people
    assert not gazetteer.spottable("Tazacorte")  # a small town is never spotted


def test_iso_names_split_romanised_inverted_and_bracketed_forms():
    assert iso_names("Catalunya [Cataluña]") == ["Catalunya", "Cataluña"]
    assert iso_names("Murcia, Región de") == ["Región de Murcia"]
    assert iso_names("Wales [Cymru GB-CYM]") == ["Wales"]
    assert comparable("Xinjiang Uygur Zizhiqu") == "xinjiang uygur"
    assert comparable("Kharkivska oblast") == "kharkivska"


def test_match_region_by_name_start_and_spelling_and_never_two():
    regions = [
        ("XX-A", "Region", ["Kharkivska oblast"]),
        ("XX-B", "Region", ["Sagaing"]),
        ("XX-C", "State", ["Shan"]),
        ("XX-D", "City", ["Kyiv"]),
        ("XX-E", "State", ["México"]),
    ]
    assert match_region("Kharkiv", regions) == "XX-A"
    assert match_region("Sagain", regions) == "XX-B"
    assert match_region("Shan State", regions) == "XX-C"
    assert match_region("Kyiv City", regions) == "XX-D"  # the region's own kind dropped
    assert match_region("Mexico City", regions) is None  # a word GeoNames adds: another place
    assert match_region("Yangon", regions) is None
    assert match_region("Shan", [("XX-C", "State", ["Shan"]), ("XX-F", "State", ["Shan"])]) is None


def test_the_shipped_table_is_what_the_pinned_packages_give():
    """python -m agents.entities.regions rebuilds it; a changed package or rule shows here."""
    from agents.entities.regions import build, write

    regions, coverage = build()
    out = io.StringIO()
    write(regions, out)
    assert out.getvalue() == TABLE.read_text(encoding="utf-8")
    assert coverage["towns with an ISO region"] > 0.8


def test_the_table_holds_every_countrys_first_level():
    regions = list(read_regions())
    assert len({r.country for r in regions}) > 190
    assert {"IN-WB", "MM-16", "RO-DJ", "UA-63", "US-TX"} <= {r.iso_code for r in regions}


def test_the_gazetteer_loads_without_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the gazetteer opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    gazetteer = Gazetteer.load()
    assert gazetteer.resolve(["Dolj"])["Dolj"].admin1_code == "RO-DJ"


def test_a_name_read_only_as_an_area_is_no_town_and_makes_no_context(gazetteer):
    # "North Sea" is also a hamlet on Long Island, in the state that has a Rotterdam too.
    found = gazetteer.resolve(["Rotterdam", "North Sea", "Antwerp"], areas=["North Sea"])
    assert "North Sea" not in found
    assert found["Rotterdam"].country_code == "NL"
