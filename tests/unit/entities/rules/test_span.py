"""Span rules (agents.entities.rules.span): one entity's span trimmed, split or retyped, on docs
tokenised without a model."""

from __future__ import annotations

import pytest

from agents.entities.rules.retype import retype
from agents.entities.rules.span import (
    drop_portfolios,
    find_places_of_nouns,
    is_common_noun,
    split_agency,
    split_demonym,
    spot_dateline,
    trim,
)
from tests.unit.entities.rules.tagging import labels_of, span_of


def test_entity_rules_trim_drops_the_possessives_modifiers_and_brackets(words):
    doc = words("by the Hayat Tahrir al-Sham-led (HTS) and HTS's men")
    assert labels_of(doc, [trim(doc, span_of(doc, "the Hayat Tahrir al-Sham-led (", "ORG"))]) == [
        ("Hayat Tahrir al-Sham", "ORG")
    ]
    assert labels_of(doc, [trim(doc, span_of(doc, "HTS's", "ORG"))]) == [("HTS", "ORG")]


def test_entity_rules_trim_drops_titles_from_people_only(words):
    doc = words("Prime Minister Najib Mikati and President Street")
    person = trim(doc, span_of(doc, "Prime Minister Najib Mikati", "PERSON"))
    assert labels_of(doc, [person]) == [("Najib Mikati", "PERSON")]
    place = trim(doc, span_of(doc, "President Street", "FAC"))
    assert labels_of(doc, [place]) == [("President Street", "FAC")]
    doc = words("shares in General Motors rose")
    company = trim(doc, span_of(doc, "General Motors", "PERSON"))
    assert labels_of(doc, [company]) == [("General Motors", "PERSON")]  # retype makes it an ORG
    doc = words("Councilwoman Ada Reyes and Alderman Tom Gill")
    people = [trim(doc, span_of(doc, t, "PERSON")) for t in ("Councilwoman Ada", "Alderman Tom")]
    assert labels_of(doc, people) == [("Ada", "PERSON"), ("Tom", "PERSON")]


def test_entity_rules_trim_drops_a_score_line_but_not_a_name_with_figures(words):
    doc = words("Real Betis 3-1 at home, and the M23 group")
    spans = [span_of(doc, "Real Betis 3-1", "ORG"), span_of(doc, "the M23", "ORG")]
    assert labels_of(doc, [trim(doc, span) for span in spans]) == [
        ("Real Betis", "ORG"),
        ("M23", "ORG"),
    ]


def test_entity_rules_trim_keeps_an_apostrophe_that_is_part_of_a_name(words):
    doc = words("Mohammed Shia' met")
    assert labels_of(doc, [trim(doc, span_of(doc, "Mohammed Shia'", "PERSON"))]) == [
        ("Mohammed Shia'", "PERSON")
    ]


def test_entity_rules_trim_leaves_values_their_words(words):
    doc = words("in the summer, he said")
    assert labels_of(doc, [trim(doc, span_of(doc, "the summer,", "DATE"))]) == [
        ("the summer", "DATE")
    ]


def test_entity_rules_split_agency_splits_an_agency_off_a_person(words):
    doc = words("a commander who backs Assad Reuters, noting that")
    parts = split_agency(doc, span_of(doc, "Assad Reuters", "PERSON"))
    assert labels_of(doc, parts) == [("Assad", "PERSON"), ("Reuters", "ORG")]


def test_entity_rules_split_agency_makes_a_lone_agency_an_org(words):
    doc = words("told the Associated Press on Monday, Bloomberg reported")
    assert labels_of(doc, split_agency(doc, span_of(doc, "Associated Press", "PERSON"))) == [
        ("Associated Press", "ORG")
    ]
    assert labels_of(doc, split_agency(doc, span_of(doc, "Bloomberg", "GPE"))) == [
        ("Bloomberg", "ORG")
    ]


def test_entity_rules_split_agency_keeps_a_surname_that_is_also_an_agency(words):
    doc = words("Michael Bloomberg said")
    span = span_of(doc, "Michael Bloomberg", "PERSON")
    assert split_agency(doc, span) == [span]


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        # Organisation words make an organisation of a person or a place the gazetteer lacks.
        ("Kataib Hezbollah fighters", "Kataib Hezbollah", "PERSON", "ORG"),
        ("Manchester City fans", "Manchester City", "GPE", "ORG"),
        ("Mexico City police", "Mexico City", "GPE", "GPE"),
        ("Barclays Bank said", "Barclays Bank", "PERSON", "ORG"),
        ("settlers in the West Bank", "West Bank", "GPE", "GPE"),  # "Bank" also names places
        # A title makes a person; a known place after one stays a place (a headline's shorthand).
        ("Chancellor Olaf Scholz met", "Olaf Scholz", "ORG", "PERSON"),
        ("President Aleppo", "Aleppo", "GPE", "GPE"),
        # Demonyms are groups.
        ("Syrian troops", "Syrian", "GPE", "NORP"),
        ("German and Latvian officials", "Latvian", "ORG", "NORP"),
        ("entered Syria", "Syria", "GPE", "GPE"),
        # A known place right after a spatial preposition is a place, not before a possessive.
        ("everyone in Blackburn", "Blackburn", "PERSON", "GPE"),
        ("Blackburn said", "Blackburn", "PERSON", "PERSON"),
        ("in Jackson's view", "Jackson", "PERSON", "PERSON"),
        ("walk out at Rotterdam as", "Rotterdam", "PERSON", "GPE"),
        ("the port of Rotterdam said", "Rotterdam", "PERSON", "GPE"),
        ("the friends of Jackson said", "Jackson", "PERSON", "PERSON"),
        # A country's name is a GPE, also where it acts ("Uruguay offered"); a lowercase natural
        # feature word after a name makes it a place, whatever the model thought.
        ("and Uruguay offered", "Uruguay", "ORG", "GPE"),
        ("the Guaíba river rose", "Guaíba", "PERSON", "LOC"),
        ("the Guaíba River rose", "Guaíba", "PERSON", "PERSON"),
        # A title, or a role, and a comma before a name: an apposition.
        ("Georgia's president, Nino Kvaratskhelia, said", "Nino Kvaratskhelia", "GPE", "PERSON"),
        ("Atlético's coach, Diego Salazar, said", "Diego Salazar", "ORG", "PERSON"),
        ("its partners, Sony Group, said", "Sony Group", "ORG", "ORG"),
        # A dateline's place in capitals.
        ("BEIRUT (Reuters) - The army", "BEIRUT", "ORG", "GPE"),
        ("NATO (Reuters) - The army", "NATO", "ORG", "ORG"),
        # A known place someone went to; a town a model calls a region, after a preposition.
        ("the jet was diverted to Benghazi at", "Benghazi", "PERSON", "GPE"),
        ("he spoke to Benghazi", "Benghazi", "PERSON", "PERSON"),
        ("families from Patras fled", "Patras", "LOC", "GPE"),
        ("rain in the Patras valley", "Patras", "LOC", "LOC"),
        # An apposition says what a name is.
        ("said Vexcor, the state miner, on", "Vexcor", "GPE", "ORG"),
        ("an attack on Nyala, the second city", "Nyala", "ORG", "GPE"),
        ("an attack on Vexcor, the second city", "Vexcor", "ORG", "ORG"),  # no known place
        ("Kenya, the region's biggest economy", "Kenya", "GPE", "GPE"),
        # A building after "at" or "in" is the place.
        ("he said at Vale House that", "Vale House", "ORG", "FAC"),
        ("Vale House said that", "Vale House", "ORG", "ORG"),
        # Events are no organisations: competitions, races and storms by their names' shape.
        ("won the Copa Cup final", "Copa Cup", "ORG", "EVENT"),
        ("before the Tour de Suisse starts", "Tour de Suisse", "ORG", "EVENT"),
        ("in the Premier League", "Premier League", "ORG", "EVENT"),
        ("the Arab League met", "Arab League", "ORG", "ORG"),
        ("as Hurricane Mabel neared", "Hurricane Mabel", "PERSON", "EVENT"),
        # Rivers and ranges that news names bare, and names opened by a feature word.
        ("the Rhine rose again", "Rhine", "PERSON", "LOC"),
        ("snow in the Urals", "Urals", "NORP", "LOC"),
        ("the climb to Col de Vars", "Col de Vars", "ORG", "LOC"),
        ("near Lake Nakuru", "Lake Nakuru", "PERSON", "LOC"),
        # No place is named with figures; a known place is no group.
        ("fighters of the X9 group", "X9", "GPE", "ORG"),
        ("a claim Nairobi rejects", "Nairobi", "NORP", "GPE"),
        ("Kenyan runners", "Kenyan", "NORP", "NORP"),
    ],
)
def test_entity_rules_retype_mends_labels(words, gazetteer, text, name, label, expected):
    doc = words(text)
    assert retype(doc, span_of(doc, name, label), gazetteer).label == expected


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        ("the army said", "army", "ORG", True),
        ("Parliament voted on Tuesday", "Parliament", "ORG", True),
        ("the Kenyan Parliament voted", "Kenyan Parliament", "ORG", False),
        ("Hezbollah said", "Hezbollah", "ORG", False),
        ("on the second day", "second", "ORDINAL", False),
    ],
)
def test_entity_rules_is_common_noun_spots_names_that_are_none(words, text, name, label, expected):
    doc = words(text)
    assert is_common_noun(doc, span_of(doc, name, label)) is expected


def test_entity_rules_find_places_of_nouns_takes_small_known_places(words, gazetteer):
    doc = words("pushed towards the town of Sake and the port of Vexaland, said Mayor Ruiz")
    assert not gazetteer.spottable("Sake")  # too small to be taken anywhere else
    assert labels_of(doc, find_places_of_nouns(doc, [], gazetteer)) == [("Sake", "GPE")]


def test_entity_rules_split_demonym_parts_a_group_from_a_persons_name(words, gazetteer):
    doc = words("Ethiopian Haile Bekele won, and Faith Chepkoech Wanjiru")
    assert labels_of(
        doc, split_demonym(doc, span_of(doc, "Ethiopian Haile Bekele", "PERSON"), gazetteer)
    ) == [
        ("Ethiopian", "NORP"),
        ("Haile Bekele", "PERSON"),
    ]
    span = span_of(doc, "Faith Chepkoech Wanjiru", "PERSON")
    assert split_demonym(doc, span, gazetteer) == [span]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BERLIN (AP) - Runners", [("BERLIN", "GPE")]),
        ("MALATYA, Turkey (Reuters) - Rescue", [("MALATYA", "GPE")]),
        ("BREAKING (AP) - Runners", []),  # no place
        ("BERLIN and Paris", []),  # no dateline
    ],
)
def test_entity_rules_spot_dateline_finds_a_place_in_capitals(words, gazetteer, text, expected):
    doc = words(text)
    assert labels_of(doc, spot_dateline(doc, [], gazetteer)) == expected


def test_entity_rules_drop_portfolios_drops_the_start_of_a_persons_title(words):
    doc = words("Interior Minister Kemal Aydın said, and Apple CEO Tim Cook, and Energy rose")
    spans = [
        span_of(doc, "Interior", "ORG"),
        span_of(doc, "Kemal Aydın", "PERSON"),
        span_of(doc, "Apple", "ORG"),  # a company before a title is a name
        span_of(doc, "Tim Cook", "PERSON"),
        span_of(doc, "Energy", "ORG"),  # no person after it
    ]
    assert labels_of(doc, drop_portfolios(doc, spans)) == [
        ("Kemal Aydın", "PERSON"),
        ("Apple", "ORG"),
        ("Tim Cook", "PERSON"),
        ("Energy", "ORG"),
    ]


def test_entity_rules_trim_drops_a_common_noun_after_a_name(words):
    doc = words("the ruling Georgian Dream party said")
    span = trim(doc, span_of(doc, "Georgian Dream party", "ORG"))
    assert labels_of(doc, [span]) == [("Georgian Dream", "ORG")]
