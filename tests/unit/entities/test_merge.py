"""Merging mentions into entities, canonical names and keys (no model needed)."""

from __future__ import annotations

from agents.entities.gazetteer import Place
from agents.entities.merge import (
    Found,
    build_entity,
    canonical_name,
    group_key,
    merge_mentions,
    slug,
)


def _mentions(*items: tuple[str, str]) -> list[Found]:
    """Mentions laid out one after another, as if in a text: (text, label) pairs."""
    found, at = [], 0
    for text, label in items:
        found.append(Found(at, at + len(text), text, label))
        at += len(text) + 10
    return found


def _names(groups: list[list[Found]]) -> list[list[str]]:
    return [[m.text for m in group] for group in groups]


def test_entity_merge_group_key_ignores_the_possessives_and_case():
    assert group_key("the Salvation Government") == group_key("Salvation Government")
    assert group_key("HTS's") == group_key("HTS") == group_key("hts’")
    assert group_key("The Hague") == "hague"


def test_entity_merge_slug_is_lowercase_ascii_words_joined_by_hyphens():
    assert slug("Mohammed Shia' Al-Sudani") == "mohammed-shia-al-sudani"
    assert slug("Hayat Tahrir al-Sham") == "hayat-tahrir-al-sham"
    assert slug("Ḩamāh") == "hamah"
    assert slug("$2.1 billion") == "2-1-billion"
    assert slug("بغداد") == "بغداد"  # other scripts are kept, not dropped


def test_entity_merge_joins_a_surname_to_the_one_person_named_in_full():
    found = _mentions(("Assad", "PERSON"), ("Bashar al-Assad", "PERSON"), ("al-Assad", "PERSON"))
    assert _names(merge_mentions(found)) == [["Assad", "Bashar al-Assad", "al-Assad"]]


def test_entity_merge_leaves_a_surname_apart_when_two_people_share_it():
    found = _mentions(
        ("Bashar al-Assad", "PERSON"), ("Hafez al-Assad", "PERSON"), ("Assad", "PERSON")
    )
    assert _names(merge_mentions(found)) == [["Bashar al-Assad"], ["Hafez al-Assad"], ["Assad"]]


def test_entity_merge_joins_a_first_name_only_where_no_other_person_has_it():
    found = _mentions(("Ines Varga", "PERSON"), ("Ines", "PERSON"), ("Tom Ruiz", "PERSON"))
    assert _names(merge_mentions(found)) == [["Ines Varga", "Ines"], ["Tom Ruiz"]]
    found = _mentions(("Ines Varga", "PERSON"), ("Ines Kohl", "PERSON"), ("Ines", "PERSON"))
    assert len(merge_mentions(found)) == 3  # two people called Ines
    found = _mentions(("Ines Varga", "PERSON"), ("Paul Ines", "PERSON"), ("Ines", "PERSON"))
    assert len(merge_mentions(found)) == 2  # "Ines" is Paul Ines's surname first


def test_entity_merge_joins_a_shorter_organisation_name_contained_in_a_longer_one():
    found = _mentions(
        ("the Syrian Salvation Government", "ORG"),
        ("the Salvation Government", "ORG"),
        ("Salvation Government's", "ORG"),
    )
    (group,) = merge_mentions(found)
    assert len(group) == 3


def test_entity_merge_joins_a_one_word_organisation_only_to_the_name_it_starts():
    found = _mentions(("Kataib Hezbollah", "ORG"), ("Hezbollah", "ORG"))
    assert _names(merge_mentions(found)) == [["Kataib Hezbollah"], ["Hezbollah"]]
    found = _mentions(("Sony Group", "ORG"), ("Sony", "ORG"), ("Sony's", "ORG"))
    assert _names(merge_mentions(found)) == [["Sony Group", "Sony", "Sony's"]]
    # Two names start with it: which one is meant is unclear, so it stays apart.
    found = _mentions(("Halcyon Capital", "ORG"), ("Halcyon Energy", "ORG"), ("Halcyon", "ORG"))
    assert len(merge_mentions(found)) == 3


def test_entity_merge_joins_a_group_in_the_plural_to_the_singular():
    found = _mentions(("Kenyans", "NORP"), ("Kenyan", "NORP"), ("Swiss", "NORP"))
    assert _names(merge_mentions(found)) == [["Kenyans", "Kenyan"], ["Swiss"]]
    found = _mentions(("Dutch", "NORP"), ("Dutchman", "NORP"), ("Chairman", "ORG"))
    assert _names(merge_mentions(found)) == [["Dutch", "Dutchman"], ["Chairman"]]


def test_entity_merge_keeps_types_apart_but_places_together():
    found = _mentions(("Jordan", "PERSON"), ("Jordan", "GPE"), ("Jordan", "LOC"))
    assert _names(merge_mentions(found)) == [["Jordan"], ["Jordan", "Jordan"]]


def test_entity_merge_follows_same_as_for_acronyms_and_resolved_places():
    found = _mentions(
        ("Hayat Tahrir al-Sham", "ORG"),
        ("HTS", "ORG"),
        ("US", "GPE"),
        ("HTS's", "ORG"),
        ("United States", "GPE"),
    )
    same_as = {"hts": "hayat-tahrir-al-sham", "us": "geonames:6252001"}
    same_as["united-states"] = "geonames:6252001"
    groups = merge_mentions(found, same_as)
    assert _names(groups) == [
        ["Hayat Tahrir al-Sham", "HTS", "HTS's"],
        ["US", "United States"],
    ]


def test_entity_merge_orders_entities_by_first_mention_and_mentions_by_offset():
    found = [
        Found(50, 55, "Assad", "PERSON"),
        Found(10, 15, "Syria", "GPE"),
        Found(0, 5, "Assad", "PERSON"),
    ]
    groups = merge_mentions(found)
    assert [[m.start for m in g] for g in groups] == [[0, 50], [10]]


def test_entity_merge_canonical_name_is_the_fullest_form():
    assert canonical_name(["Assad", "Bashar al-Assad", "Assad"]) == "Bashar al-Assad"
    assert canonical_name(["HTS", "Hayat Tahrir al-Sham"]) == "Hayat Tahrir al-Sham"
    assert canonical_name(["BEIRUT", "Beirut"]) == "Beirut"
    assert canonical_name(["Idlib", "Idleb"]) == "Idlib"  # a tie: the first


def test_entity_merge_builds_a_person_with_a_slug_key_and_aliases():
    found = _mentions(("Assad", "PERSON"), ("Bashar al-Assad", "PERSON"), ("Assad", "PERSON"))
    entity = build_entity(found)
    assert entity == {
        "key": "person:bashar-al-assad",
        "name": "Bashar al-Assad",
        "type": "PERSON",
        "aliases": ["Assad"],
        "count": 3,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in found],
    }


def test_entity_merge_builds_a_resolved_place_with_its_geonames_key_and_position():
    aleppo = Place(170063, "Aleppo", "SY", 36.20124, 37.16117, 2098210, "city")
    entity = build_entity(_mentions(("Aleppo", "GPE")), aleppo)
    assert entity["key"] == "place:geonames:170063"
    assert (entity["country_code"], entity["geonames_id"], entity["feature"]) == (
        "SY",
        170063,
        "city",
    )
    assert (entity["lat"], entity["lon"]) == (36.20124, 37.16117)


def test_entity_merge_gives_unresolved_places_empty_geo_fields_and_others_none():
    place = build_entity(_mentions(("Ewood Park", "FAC")))
    assert place["key"] == "fac:ewood-park"
    assert [place[f] for f in ("country_code", "lat", "lon", "geonames_id", "feature")] == [
        None
    ] * 5
    person = build_entity(_mentions(("Okafor", "PERSON")))
    assert "country_code" not in person and "feature" not in person


def test_entity_merge_writes_a_continent_without_a_country():
    asia = Place(6255147, "Asia", None, 29.84, 89.29, 3812366000, "continent")
    entity = build_entity(_mentions(("Asia", "LOC")), asia)
    assert (entity["key"], entity["feature"], entity["country_code"]) == (
        "place:geonames:6255147",
        "continent",
        None,
    )


def test_merge_thousands_of_names_looks_only_at_groups_sharing_a_word(monkeypatch):
    """Each group was compared with every other in four folds: 2,000 names took seconds, an
    article of 20,000 minutes. Now a group looks only at the groups indexed under its words."""
    from agents.entities import merge

    looked = []
    having = merge._Groups.having

    def counting(self, *index):
        for key in having(self, *index):
            looked.append(key)
            yield key

    monkeypatch.setattr(merge._Groups, "having", counting)
    people = [(f"Erin Vasquez{n}", "PERSON") for n in range(3_000)]
    surnames = [(f"Vasquez{n}", "PERSON") for n in range(3_000)]
    orgs = [(f"Union{n} of Dock Workers", "ORG") for n in range(3_000)]
    groups = merge_mentions(_mentions(*people, *surnames, *orgs, ("Dock Workers", "ORG")))
    by_first = {group[0].text: [m.text for m in group] for group in groups}
    assert by_first["Erin Vasquez7"] == ["Erin Vasquez7", "Vasquez7"]
    assert by_first["Dock Workers"] == ["Dock Workers"]  # 3,000 longer names hold it: none wins
    assert len(groups) == 6_001
    assert len(looked) <= 4 * 9_001


def test_merge_canonical_name_of_thousands_of_mentions():
    forms = ["ASSAD"] * 50_000 + ["Assad"] * 50_000 + ["Bashar al-Assad"]
    assert canonical_name(forms) == "Bashar al-Assad"
    assert canonical_name(["ASSAD"] * 50_000 + ["Assad"]) == "Assad"
