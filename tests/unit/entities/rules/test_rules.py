"""All the rules in their order (agents.entities.rules.correct_article), on docs tokenised without a
model."""

from __future__ import annotations

from agents.entities.rules import correct_article
from tests.unit.entities.rules.tagging import labels_of, span_of


def test_entity_rules_correct_article_finds_later_bare_uses_of_known_names(words, gazetteer):
    docs = [
        words("Rebels of the Hayat Tahrir al-Sham (HTS) and Bashar al-Assad"),
        words("An HTS-led push met Assad-loyal troops, Reuters said"),
    ]
    blocks = [
        [
            span_of(docs[0], "Hayat Tahrir al-Sham", "ORG"),
            span_of(docs[0], "Bashar al-Assad", "PERSON"),
        ],
        [],
    ]
    blocks, acronyms = correct_article(docs, blocks, gazetteer)
    assert labels_of(docs[1], blocks[1]) == [
        ("HTS", "ORG"),
        ("Assad", "PERSON"),
        ("Reuters", "ORG"),
    ]
    assert acronyms == {"HTS": "Hayat Tahrir al-Sham"}


def test_entity_rules_correct_article_knows_a_feature_without_its_head_word(words, gazetteer):
    docs = [words("They climbed the Col de Vars."), words("On the Vars he attacked.")]
    blocks, short = correct_article(docs, [[span_of(docs[0], "Col de Vars", "LOC")], []], gazetteer)
    assert labels_of(docs[1], blocks[1]) == [("Vars", "LOC")]
    assert short == {"Vars": "Col de Vars"}


def test_entity_rules_correct_article_finds_missed_features_demonyms_and_acronyms(words, gazetteer):
    docs = [
        words("Hungarians fear the Elbe and the Rhine, said Ms Aster Reading"),
        words("The UNMISS mission and the Estonian Kadri Tamm saw COVID cases and the CEO"),
    ]
    blocks, _ = correct_article(docs, [[], []], gazetteer)
    assert labels_of(docs[0], blocks[0]) == [
        ("Hungarians", "NORP"),
        ("Elbe", "LOC"),
        ("Rhine", "LOC"),
    ]
    assert labels_of(docs[1], blocks[1]) == [
        ("UNMISS", "ORG"),
        ("Estonian", "NORP"),
        ("Kadri Tamm", "PERSON"),
    ]
