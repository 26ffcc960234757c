"""The missed-name rules as a table: named, in order, each one switched off on its own example."""

from __future__ import annotations

import pytest

from agents.entities.gazetteer import Gazetteer
from agents.entities.rules import correct_article
from agents.entities.rules.article import MISSED_NAME_RULES, missed_lookup
from agents.entities.tokens import rules_without
from tests.unit.entities.rules.tagging import WordsOf, labels_of


def test_missed_name_rules_are_listed_by_name_in_the_order_they_are_tried() -> None:
    assert [name for name, _rule in MISSED_NAME_RULES] == [
        "major_feature",
        "spottable_place",
        "demonym_alone",
        "unknown_acronym",
    ]


@pytest.mark.parametrize(
    ("text", "name", "rule", "expected"),
    [
        ("the Elbe rose", "Elbe", "major_feature", "LOC"),
        ("shelling in Aleppo", "Aleppo", "spottable_place", "GPE"),
        ("Hungarians fear floods", "Hungarians", "demonym_alone", "NORP"),
        ("The UNMISS mission", "UNMISS", "unknown_acronym", "ORG"),
    ],
)
def test_missed_lookup_without_a_rule_leaves_its_example_alone(
    words: WordsOf, gazetteer: Gazetteer, text: str, name: str, rule: str, expected: str
) -> None:
    doc = words(text)
    assert missed_lookup(gazetteer, doc)(name) == expected
    assert missed_lookup(gazetteer, doc, rules_without(MISSED_NAME_RULES, {rule}))(name) is None


def test_missed_lookup_takes_no_acronym_in_a_block_in_capitals(
    words: WordsOf, gazetteer: Gazetteer
) -> None:
    assert missed_lookup(gazetteer, words("THE UNMISS MISSION"))("UNMISS") is None


def test_correct_article_types_missed_names_with_the_rules_it_is_given(
    words: WordsOf, gazetteer: Gazetteer
) -> None:
    docs = [words("The UNMISS mission and the Hungarians")]
    found, _ = correct_article(docs, [[]], gazetteer)
    assert labels_of(docs[0], found[0]) == [
        ("UNMISS", "ORG"),
        ("Hungarians", "NORP"),
    ]
    ablated = rules_without(MISSED_NAME_RULES, {"unknown_acronym"})
    found, _ = correct_article(docs, [[]], gazetteer, ablated)
    assert labels_of(docs[0], found[0]) == [("Hungarians", "NORP")]
