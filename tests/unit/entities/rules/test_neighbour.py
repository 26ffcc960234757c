"""Neighbour rules (agents.entities.rules.neighbour): an entity extended, joined or retyped by the
words and entities beside it, on docs tokenised without a model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agents.entities.rules.neighbour import (
    drop_covered,
    extend_org_names,
    extend_places,
    find_venues,
    join_split_persons,
    retype_coordinated,
)
from agents.entities.tokens import Tagged
from tests.unit.entities.rules.tagging import labels_of, span_of


def test_entity_rules_extend_places_goes_on_through_name_particles(words):
    doc = words("rain over Rio Grande do Sul and Santiago de Chile, said Ana da Silva")
    spans = [
        span_of(doc, "Rio Grande", "NORP"),
        span_of(doc, "Santiago", "GPE"),
        span_of(doc, "Chile", "GPE"),
        span_of(doc, "Ana da", "PERSON"),
    ]
    assert labels_of(doc, extend_places(doc, spans)) == [
        ("Rio Grande do Sul", "GPE"),
        ("Santiago de Chile", "GPE"),
        ("Ana da", "PERSON"),  # people are left as they are
    ]


def test_entity_rules_extend_org_names_goes_on_through_of_after_a_head_word(words):
    doc = words(
        "the Royal Academy of Music, the UN Mission in Sudan, the Council in Paris and "
        "the Fund for Peace said"
    )
    names = ("Royal Academy", "Music", "UN Mission", "Council", "Paris", "Fund")
    spans = [span_of(doc, name, "GPE" if name == "Paris" else "ORG") for name in names]
    extended = [text for text, _ in labels_of(doc, extend_org_names(doc, spans))]
    # Only a mission is named "in" a place.
    assert extended == ["Royal Academy of Music", "UN Mission in Sudan", "Council", "Paris",
                        "Fund for Peace"]  # fmt: skip
    doc = words("Halvorsen Marine ASA and Ostrava Steel Group said")
    spans = [span_of(doc, "Halvorsen Marine", "ORG"), span_of(doc, "Ostrava Steel", "ORG")]
    assert labels_of(doc, extend_org_names(doc, spans)) == [
        ("Halvorsen Marine ASA", "ORG"),
        ("Ostrava Steel Group", "ORG"),
    ]


def test_entity_rules_extend_places_takes_a_buildings_whole_name(words):
    doc = words("at the Stadio Aldo Dell'Orto, where Rome won")
    spans = [span_of(doc, "Stadio Aldo", "FAC"), span_of(doc, "Rome", "GPE")]
    extended = labels_of(doc, extend_places(doc, spans))
    assert extended == [("Stadio Aldo Dell'Orto", "FAC"), ("Rome", "GPE")]


def test_entity_rules_find_venues_takes_a_venue_named_in_another_language(words):
    doc = words("at the Estádio da Luz and the Stade de France, said Luz")
    spans = [span_of(doc, "Luz", "PERSON"), span_of(doc, "Luz", "PERSON", nth=1)]
    venues = find_venues(doc, spans)
    assert labels_of(doc, venues) == [("Estádio da Luz", "FAC"), ("Stade de France", "FAC")]
    assert labels_of(doc, extend_places(doc, spans + venues)) == [
        ("Estádio da Luz", "FAC"),
        ("Stade de France", "FAC"),
        ("Luz", "PERSON"),
    ]


def test_entity_rules_join_split_persons_joins_touching_people_only():
    spans = [Tagged(0, 3, "PERSON"), Tagged(3, 6, "PERSON"), Tagged(7, 8, "PERSON")]
    assert join_split_persons(spans) == [Tagged(0, 6, "PERSON"), Tagged(7, 8, "PERSON")]
    assert join_split_persons([Tagged(0, 1, "GPE"), Tagged(1, 2, "GPE")]) == [
        Tagged(0, 1, "GPE"),
        Tagged(1, 2, "GPE"),
    ]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # An unknown "place" listed beside an organisation is one.
        (
            "groups like Kataib Hezbollah and Fatemiyoun, or Hamas and Iraq",
            [("Kataib Hezbollah", "ORG"), ("Fatemiyoun", "GPE"), ("Hamas", "ORG"), ("Iraq", "GPE")],
            ["ORG", "ORG", "ORG", "GPE"],
        ),
        # A known place taken for a person, listed beside a place, is a place.
        (
            "farmers in Lublin and Kielce, said Anna Nowak and Kielce",
            [
                ("Lublin", "GPE"),
                ("Kielce", "PERSON"),
                ("Anna Nowak", "PERSON"),
                ("Kielce", "PERSON"),
            ],
            ["GPE", "GPE", "PERSON", "PERSON"],
        ),
    ],
)
def test_entity_rules_retype_coordinated_gives_a_doubtful_name_its_neighbours_label(
    words, gazetteer, text, tagged, expected
):
    doc = words(text)
    names = [name for name, _ in tagged]
    spans = [span_of(doc, n, label, names[:i].count(n)) for i, (n, label) in enumerate(tagged)]
    assert [s.label for s in retype_coordinated(doc, spans, gazetteer)] == expected


def _covered_by_another(spans: list[Tagged]) -> list[Tagged]:
    """The definition, each span against every other: what drop_covered must equal."""
    return [
        s for s in spans if not any(o != s and o.start <= s.start and s.end <= o.end for o in spans)
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda start, length, label: Tagged(start, start + length, label),
            st.integers(0, 12),
            st.integers(1, 4),
            st.sampled_from(["GPE", "ORG"]),
        ),
        max_size=12,
    )
)
def test_entity_rules_drop_covered_is_the_definition_in_one_sweep(spans):
    assert drop_covered(spans) == _covered_by_another(spans)


def test_entity_rules_extend_places_in_a_block_of_thousands_of_places(words):
    """Each span was compared with every other: 20,000 spans took seconds, 200,000 minutes."""
    doc = words(" ".join(["Lublin", "and", "Rio", "Grande", "do", "Sul", "and"] * 3_000))
    spans = [Tagged(i, i + 1, "GPE") for i in range(0, len(doc), 7)]
    spans += [Tagged(i, i + 2, "GPE") for i in range(2, len(doc), 7)]
    extended = extend_places(doc, spans)
    assert len(extended) == 6_000
    assert {extended[1].end - extended[1].start, extended[-1].end - extended[-1].start} == {4}
