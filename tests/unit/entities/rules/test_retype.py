"""The retype rules as a table: named, in order, each one switched off on its own example."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from agents.entities.gazetteer import Gazetteer
from agents.entities.rules import correct_block
from agents.entities.rules.retype import (
    RETYPE_RULES,
    event_name,
    org_word_in_place,
    retype,
)
from agents.entities.tokens import rules_without
from tests.unit.entities.rules.tagging import WordsOf, labels_of, span_of


def test_retype_rules_are_listed_by_name_in_the_order_they_are_tried() -> None:
    assert [name for name, _rule in RETYPE_RULES] == [
        "event_name",
        "natural_feature",
        "figures_name_no_area",
        "known_place_is_no_group",
        "apposition",
        "building_after_preposition",
        "org_word_in_person",
        "org_word_in_place",
        "name_after_title",
        "town_after_preposition",
        "demonym",
        "feature_word_after",
        "country_name",
        "known_place_after_cue",
        "dateline_place",
    ]


@pytest.mark.parametrize(("name", "rule"), RETYPE_RULES)
def test_retype_rules_each_say_what_they_do_with_an_example(name, rule) -> None:
    assert rule.__name__ == name
    assert rule.__doc__ and '"' in rule.__doc__, f"{name}: a docstring with a quoted example"


@pytest.mark.parametrize(
    ("text", "name", "label", "rule", "expected", "without_it"),
    [
        ("Kataib Hezbollah fighters", "Kataib Hezbollah", "PERSON", "org_word_in_person", "ORG",
         "PERSON"),
        ("Manchester City fans", "Manchester City", "GPE", "org_word_in_place", "ORG", "GPE"),
        ("won the Copa Cup final", "Copa Cup", "ORG", "event_name", "EVENT", "ORG"),
        ("Chancellor Olaf Scholz met", "Olaf Scholz", "ORG", "name_after_title", "PERSON", "ORG"),
        ("everyone in Blackburn", "Blackburn", "PERSON", "known_place_after_cue", "GPE",
         "PERSON"),
        ("BEIRUT (Reuters) - The army", "BEIRUT", "ORG", "dateline_place", "GPE", "ORG"),
        ("the Guaíba river rose", "Guaíba", "PERSON", "feature_word_after", "LOC", "PERSON"),
    ],
)  # fmt: skip
def test_retype_without_a_rule_leaves_its_example_alone(
    words: WordsOf,
    gazetteer: Gazetteer,
    text: str,
    name: str,
    label: str,
    rule: str,
    expected: str,
    without_it: str,
) -> None:
    doc = words(text)
    span = span_of(doc, name, label)
    assert retype(doc, span, gazetteer).label == expected
    assert retype(doc, span, gazetteer, rules_without(RETYPE_RULES, {rule})).label == without_it


def test_retype_the_first_rule_that_decides_wins(words: WordsOf, gazetteer: Gazetteer):
    # "League" is an organisation word, and "Champions League" is no place the gazetteer knows:
    # org_word_in_place would make it an ORG, but event_name comes first.
    doc = words("in the Champions League tonight")
    span = span_of(doc, "Champions League", "GPE")
    assert retype(doc, span, gazetteer).label == "EVENT"
    reordered = (("org_word_in_place", org_word_in_place), ("event_name", event_name))
    assert retype(doc, span, gazetteer, reordered).label == "ORG"
    assert retype(doc, span, gazetteer, ()).label == "GPE"


def test_rules_without_refuses_a_name_it_does_not_know() -> None:
    with pytest.raises(ValueError, match=r"no rule named org_word_in_persons; the rules: event_"):
        rules_without(RETYPE_RULES, {"org_word_in_persons"})


def test_correct_block_retypes_with_the_rules_it_is_given(
    words: WordsOf, gazetteer: Gazetteer
) -> None:
    doc = words("Kataib Hezbollah fighters crossed the border")
    doc.doc.ents = [Span(doc.doc, 0, 2, label="PERSON")]
    assert labels_of(doc, correct_block(doc, gazetteer)) == [("Kataib Hezbollah", "ORG")]
    ablated = rules_without(RETYPE_RULES, {"org_word_in_person"})
    assert labels_of(doc, correct_block(doc, gazetteer, ablated)) == [
        ("Kataib Hezbollah", "PERSON")
    ]
