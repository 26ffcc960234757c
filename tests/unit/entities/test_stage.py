"""The entities stage: the correction rules on hand-made docs (no model), then the whole stage on
our own short articles with the real model."""

from __future__ import annotations

import copy
import re

import pytest
from spacy.tokens import Doc

from agents.contracts import problems
from agents.entities.events import entity_events
from agents.entities.rules import correct_article
from agents.entities.rules.article import (
    define_acronyms,
    find_free,
    find_short_org_names,
    harmonise_labels,
)
from agents.entities.rules.neighbour import (
    extend_org_names,
    extend_places,
    find_venues,
    join_split_persons,
    retype_coordinated,
)
from agents.entities.rules.span import (
    drop_portfolios,
    find_places_of_nouns,
    is_common_noun,
    retype,
    split_agency,
    split_demonym,
    spot_dateline,
    trim,
)
from agents.entities.stage import EntityAnalyzer, content_blocks, enrich_article
from agents.entities.tables import NAME_LABELS
from agents.entities.tokens import Tagged
from agents.records import Entity, StructuredArticle
from tests.helpers import article, structured_by_lines

# --- rules, on docs tokenised without a model -------------------------------------------------


def _span(doc: Doc, text: str, label: str, nth: int = 0) -> Tagged:
    """The tokens of the ``nth`` occurrence of ``text`` in ``doc`` that falls on token
    boundaries, as an entity."""
    spans = [doc.char_span(m.start(), m.end()) for m in re.finditer(re.escape(text), doc.text)]
    span = [s for s in spans if s is not None][nth]
    return Tagged(span.start, span.end, label)


def _texts(doc: Doc, spans: list[Tagged]) -> list[tuple[str, str]]:
    return [(doc[s.start : s.end].text, s.label) for s in spans]


def test_entity_rules_trim_drops_the_possessives_modifiers_and_brackets(tokenizer):
    doc = tokenizer("by the Hayat Tahrir al-Sham-led (HTS) and HTS's men")
    assert _texts(doc, [trim(doc, _span(doc, "the Hayat Tahrir al-Sham-led (", "ORG"))]) == [
        ("Hayat Tahrir al-Sham", "ORG")
    ]
    assert _texts(doc, [trim(doc, _span(doc, "HTS's", "ORG"))]) == [("HTS", "ORG")]


def test_entity_rules_trim_drops_titles_from_people_only(tokenizer):
    doc = tokenizer("Prime Minister Najib Mikati and President Street")
    person = trim(doc, _span(doc, "Prime Minister Najib Mikati", "PERSON"))
    assert _texts(doc, [person]) == [("Najib Mikati", "PERSON")]
    place = trim(doc, _span(doc, "President Street", "FAC"))
    assert _texts(doc, [place]) == [("President Street", "FAC")]
    doc = tokenizer("shares in General Motors rose")
    company = trim(doc, _span(doc, "General Motors", "PERSON"))
    assert _texts(doc, [company]) == [("General Motors", "PERSON")]  # retype makes it an ORG
    doc = tokenizer("Councilwoman Ada Reyes and Alderman Tom Gill")
    people = [trim(doc, _span(doc, t, "PERSON")) for t in ("Councilwoman Ada", "Alderman Tom")]
    assert _texts(doc, people) == [("Ada", "PERSON"), ("Tom", "PERSON")]


def test_entity_rules_trim_drops_a_score_line_but_not_a_name_with_figures(tokenizer):
    doc = tokenizer("Real Betis 3-1 at home, and the M23 group")
    spans = [_span(doc, "Real Betis 3-1", "ORG"), _span(doc, "the M23", "ORG")]
    assert _texts(doc, [trim(doc, span) for span in spans]) == [
        ("Real Betis", "ORG"),
        ("M23", "ORG"),
    ]


def test_entity_rules_trim_keeps_an_apostrophe_that_is_part_of_a_name(tokenizer):
    doc = tokenizer("Mohammed Shia' met")
    assert _texts(doc, [trim(doc, _span(doc, "Mohammed Shia'", "PERSON"))]) == [
        ("Mohammed Shia'", "PERSON")
    ]


def test_entity_rules_trim_leaves_values_their_words(tokenizer):
    doc = tokenizer("in the summer, he said")
    assert _texts(doc, [trim(doc, _span(doc, "the summer,", "DATE"))]) == [("the summer", "DATE")]


def test_entity_rules_split_agency_splits_an_agency_off_a_person(tokenizer):
    doc = tokenizer("a commander who backs Assad Reuters, noting that")
    parts = split_agency(doc, _span(doc, "Assad Reuters", "PERSON"))
    assert _texts(doc, parts) == [("Assad", "PERSON"), ("Reuters", "ORG")]


def test_entity_rules_split_agency_makes_a_lone_agency_an_org(tokenizer):
    doc = tokenizer("told the Associated Press on Monday, Bloomberg reported")
    assert _texts(doc, split_agency(doc, _span(doc, "Associated Press", "PERSON"))) == [
        ("Associated Press", "ORG")
    ]
    assert _texts(doc, split_agency(doc, _span(doc, "Bloomberg", "GPE"))) == [("Bloomberg", "ORG")]


def test_entity_rules_split_agency_keeps_a_surname_that_is_also_an_agency(tokenizer):
    doc = tokenizer("Michael Bloomberg said")
    span = _span(doc, "Michael Bloomberg", "PERSON")
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
def test_entity_rules_retype_mends_labels(tokenizer, gazetteer, text, name, label, expected):
    doc = tokenizer(text)
    assert retype(doc, _span(doc, name, label), gazetteer).label == expected


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
def test_entity_rules_is_common_noun_spots_names_that_are_none(
    tokenizer, text, name, label, expected
):
    doc = tokenizer(text)
    assert is_common_noun(doc, _span(doc, name, label)) is expected


def test_entity_rules_extend_places_goes_on_through_name_particles(tokenizer):
    doc = tokenizer("rain over Rio Grande do Sul and Santiago de Chile, said Ana da Silva")
    spans = [
        _span(doc, "Rio Grande", "NORP"),
        _span(doc, "Santiago", "GPE"),
        _span(doc, "Chile", "GPE"),
        _span(doc, "Ana da", "PERSON"),
    ]
    assert _texts(doc, extend_places(doc, spans)) == [
        ("Rio Grande do Sul", "GPE"),
        ("Santiago de Chile", "GPE"),
        ("Ana da", "PERSON"),  # people are left as they are
    ]


def test_entity_rules_extend_org_names_goes_on_through_of_after_a_head_word(tokenizer):
    doc = tokenizer(
        "the Royal Academy of Music, the UN Mission in Sudan, the Council in Paris and "
        "the Fund for Peace said"
    )
    names = ("Royal Academy", "Music", "UN Mission", "Council", "Paris", "Fund")
    spans = [_span(doc, name, "GPE" if name == "Paris" else "ORG") for name in names]
    extended = [text for text, _ in _texts(doc, extend_org_names(doc, spans))]
    # Only a mission is named "in" a place.
    assert extended == ["Royal Academy of Music", "UN Mission in Sudan", "Council", "Paris",
                        "Fund for Peace"]  # fmt: skip
    doc = tokenizer("Halvorsen Marine ASA and Ostrava Steel Group said")
    spans = [_span(doc, "Halvorsen Marine", "ORG"), _span(doc, "Ostrava Steel", "ORG")]
    assert _texts(doc, extend_org_names(doc, spans)) == [
        ("Halvorsen Marine ASA", "ORG"),
        ("Ostrava Steel Group", "ORG"),
    ]


def test_entity_rules_extend_places_takes_a_buildings_whole_name(tokenizer):
    doc = tokenizer("at the Stadio Aldo Dell'Orto, where Rome won")
    spans = [_span(doc, "Stadio Aldo", "FAC"), _span(doc, "Rome", "GPE")]
    extended = _texts(doc, extend_places(doc, spans))
    assert extended == [("Stadio Aldo Dell'Orto", "FAC"), ("Rome", "GPE")]


def test_entity_rules_find_places_of_nouns_takes_small_known_places(tokenizer, gazetteer):
    doc = tokenizer("pushed towards the town of Sake and the port of Vexaland, said Mayor Ruiz")
    assert not gazetteer.spottable("Sake")  # too small to be taken anywhere else
    assert _texts(doc, find_places_of_nouns(doc, [], gazetteer)) == [("Sake", "GPE")]


def test_entity_rules_find_venues_takes_a_venue_named_in_another_language(tokenizer):
    doc = tokenizer("at the Estádio da Luz and the Stade de France, said Luz")
    spans = [_span(doc, "Luz", "PERSON"), _span(doc, "Luz", "PERSON", nth=1)]
    venues = find_venues(doc, spans)
    assert _texts(doc, venues) == [("Estádio da Luz", "FAC"), ("Stade de France", "FAC")]
    assert _texts(doc, extend_places(doc, spans + venues)) == [
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
    tokenizer, gazetteer, text, tagged, expected
):
    doc = tokenizer(text)
    names = [name for name, _ in tagged]
    spans = [_span(doc, n, label, names[:i].count(n)) for i, (n, label) in enumerate(tagged)]
    assert [s.label for s in retype_coordinated(doc, spans, gazetteer)] == expected


def test_entity_rules_define_acronyms_finds_the_long_form_when_the_model_missed_it(tokenizer):
    doc = tokenizer("said the World Health Organization (WHO) on Monday")
    (spans,), acronyms = define_acronyms([doc], [[]])
    assert _texts(doc, spans) == [("World Health Organization", "ORG"), ("WHO", "ORG")]
    assert acronyms == {"WHO": "World Health Organization"}


def test_entity_rules_define_acronyms_uses_the_models_span_across_a_modifier(tokenizer):
    doc = tokenizer("within the Hayat Tahrir al-Sham-led (HTS) alliance")
    model = [trim(doc, _span(doc, "the Hayat Tahrir al-Sham-led (", "ORG"))]
    (spans,), acronyms = define_acronyms([doc], [model])
    assert _texts(doc, spans) == [("Hayat Tahrir al-Sham", "ORG"), ("HTS", "ORG")]
    assert acronyms == {"HTS": "Hayat Tahrir al-Sham"}


def test_entity_rules_define_acronyms_settles_the_acronyms_label_everywhere(tokenizer):
    docs = [tokenizer("HTS fighters advanced"), tokenizer("the Hayat Tahrir al-Sham (HTS) said")]
    blocks = [[_span(docs[0], "HTS", "PERSON")], [_span(docs[1], "Hayat Tahrir al-Sham", "ORG")]]
    (first, _), _ = define_acronyms(docs, blocks)
    assert _texts(docs[0], first) == [("HTS", "ORG")]


def test_entity_rules_define_acronyms_takes_an_organisations_acronym_in_its_own_tongue(
    tokenizer,
):
    doc = tokenizer("the Directorate for Civil Protection (DGPC) and Mr Hans Keller (WG)")
    spans = [
        _span(doc, "Directorate for Civil Protection", "ORG"),
        _span(doc, "Hans Keller", "PERSON"),
    ]
    _, acronyms = define_acronyms([doc], [spans])
    assert acronyms == {"DGPC": "Directorate for Civil Protection"}


def test_entity_rules_define_acronyms_ignores_brackets_that_do_not_spell_the_name(tokenizer):
    doc = tokenizer("he flew to London (UK) and met the Red Cross (IS)")
    (spans,), acronyms = define_acronyms([doc], [[_span(doc, "London", "GPE")]])
    assert acronyms == {} and _texts(doc, spans) == [("London", "GPE")]


def test_entity_rules_find_free_takes_whole_free_standing_names_only(tokenizer, gazetteer):
    doc = tokenizer("Beyond Aleppo, Blackburn Rovers and Reading the news in Idlib")

    def places(text: str) -> str | None:
        return "GPE" if gazetteer.spottable(text) else None

    assert _texts(doc, find_free(doc, [], places, 3)) == [("Aleppo", "GPE"), ("Idlib", "GPE")]
    taken = [_span(doc, "Aleppo", "ORG")]
    assert _texts(doc, find_free(doc, taken, places, 3)) == [("Idlib", "GPE")]


def test_entity_rules_harmonise_labels_gives_a_surname_its_persons_label(tokenizer, gazetteer):
    first, second = tokenizer("Chancellor Olaf Scholz spoke"), tokenizer("Scholz's office")
    blocks = [[_span(first, "Olaf Scholz", "PERSON")], [_span(second, "Scholz", "GPE")]]
    (_, (scholz,)) = harmonise_labels([first, second], blocks, gazetteer)
    assert scholz.label == "PERSON"


def _harmonised(tokenizer, gazetteer, *blocks: tuple[str, str, str]) -> list[str]:
    """The labels harmonise_labels gives blocks of one entity each: (text, name, label)."""
    docs = [tokenizer(text) for text, _, _ in blocks]
    spans = [[_span(doc, name, label)] for doc, (_, name, label) in zip(docs, blocks, strict=True)]
    return [s.label for found in harmonise_labels(docs, spans, gazetteer) for s in found]


def test_entity_rules_harmonise_labels_follows_the_majority(tokenizer, gazetteer):
    assert _harmonised(
        tokenizer,
        gazetteer,
        ("Aleppo fell", "Aleppo", "PERSON"),
        ("in Aleppo", "Aleppo", "GPE"),
        ("Aleppo again", "Aleppo", "GPE"),
    ) == ["GPE", "GPE", "GPE"]


def test_entity_rules_harmonise_labels_settles_a_tie_on_a_known_place(tokenizer, gazetteer):
    assert _harmonised(
        tokenizer,
        gazetteer,
        ("Chipmaker picks Kumamoto", "Kumamoto", "PERSON"),
        ("a plant in Kumamoto", "Kumamoto", "GPE"),
    ) == ["GPE", "GPE"]
    # No place: the tie stays.
    assert _harmonised(
        tokenizer, gazetteer, ("Smith spoke", "Smith", "PERSON"), ("Smith Corp", "Smith", "ORG")
    ) == ["PERSON", "ORG"]


def test_entity_rules_harmonise_labels_makes_any_surname_a_person(tokenizer, gazetteer):
    assert _harmonised(
        tokenizer,
        gazetteer,
        ("Faith Chepkoech won", "Faith Chepkoech", "PERSON"),
        ("Chepkoech said", "Chepkoech", "NORP"),
        ("Syrians", "Syrians", "NORP"),  # a demonym stays a group
    ) == ["PERSON", "PERSON", "NORP"]


def test_entity_rules_split_demonym_parts_a_group_from_a_persons_name(tokenizer, gazetteer):
    doc = tokenizer("Ethiopian Haile Bekele won, and Faith Chepkoech Wanjiru")
    assert _texts(
        doc, split_demonym(doc, _span(doc, "Ethiopian Haile Bekele", "PERSON"), gazetteer)
    ) == [
        ("Ethiopian", "NORP"),
        ("Haile Bekele", "PERSON"),
    ]
    span = _span(doc, "Faith Chepkoech Wanjiru", "PERSON")
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
def test_entity_rules_spot_dateline_finds_a_place_in_capitals(tokenizer, gazetteer, text, expected):
    doc = tokenizer(text)
    assert _texts(doc, spot_dateline(doc, [], gazetteer)) == expected


def test_entity_rules_drop_portfolios_drops_the_start_of_a_persons_title(tokenizer):
    doc = tokenizer("Interior Minister Kemal Aydın said, and Apple CEO Tim Cook, and Energy rose")
    spans = [
        _span(doc, "Interior", "ORG"),
        _span(doc, "Kemal Aydın", "PERSON"),
        _span(doc, "Apple", "ORG"),  # a company before a title is a name
        _span(doc, "Tim Cook", "PERSON"),
        _span(doc, "Energy", "ORG"),  # no person after it
    ]
    assert _texts(doc, drop_portfolios(doc, spans)) == [
        ("Kemal Aydın", "PERSON"),
        ("Apple", "ORG"),
        ("Tim Cook", "PERSON"),
        ("Energy", "ORG"),
    ]


def test_entity_rules_trim_drops_a_common_noun_after_a_name(tokenizer):
    doc = tokenizer("the ruling Georgian Dream party said")
    span = trim(doc, _span(doc, "Georgian Dream party", "ORG"))
    assert _texts(doc, [span]) == [("Georgian Dream", "ORG")]


def test_entity_rules_correct_article_finds_later_bare_uses_of_known_names(tokenizer, gazetteer):
    docs = [
        tokenizer("Rebels of the Hayat Tahrir al-Sham (HTS) and Bashar al-Assad"),
        tokenizer("An HTS-led push met Assad-loyal troops, Reuters said"),
    ]
    blocks = [
        [
            _span(docs[0], "Hayat Tahrir al-Sham", "ORG"),
            _span(docs[0], "Bashar al-Assad", "PERSON"),
        ],
        [],
    ]
    blocks, acronyms = correct_article(docs, blocks, gazetteer)
    assert _texts(docs[1], blocks[1]) == [("HTS", "ORG"), ("Assad", "PERSON"), ("Reuters", "ORG")]
    assert acronyms == {"HTS": "Hayat Tahrir al-Sham"}


def test_entity_rules_correct_article_knows_a_feature_without_its_head_word(tokenizer, gazetteer):
    docs = [tokenizer("They climbed the Col de Vars."), tokenizer("On the Vars he attacked.")]
    blocks, short = correct_article(docs, [[_span(docs[0], "Col de Vars", "LOC")], []], gazetteer)
    assert _texts(docs[1], blocks[1]) == [("Vars", "LOC")]
    assert short == {"Vars": "Col de Vars"}


def test_entity_rules_find_short_org_names_takes_a_word_of_one_organisations_name(
    tokenizer, gazetteer
):
    doc = tokenizer("Aceros Vexa Norte and Kataib Hezbollah said Vexa and Hezbollah and Norte grew")
    spans = [
        _span(doc, "Aceros Vexa Norte", "ORG"),
        _span(doc, "Kataib Hezbollah", "ORG"),
        _span(doc, "Vexa", "GPE", nth=1),
        _span(doc, "Hezbollah", "ORG", nth=1),
        _span(doc, "Norte", "PERSON", nth=1),
    ]
    (spans,), short = find_short_org_names([doc], [spans], gazetteer)
    assert short == {"Vexa": "Aceros Vexa Norte", "Norte": "Aceros Vexa Norte"}
    assert [label for _, label in _texts(doc, spans)] == ["ORG"] * 5
    doc = tokenizer("Aceros Vexa Norte hired Ana Vexa ; Vexa said")
    spans = [_span(doc, "Aceros Vexa Norte", "ORG"), _span(doc, "Ana Vexa", "PERSON")]
    spans.append(_span(doc, "Vexa", "PERSON", nth=2))
    assert find_short_org_names([doc], [spans], gazetteer) == ([spans], {})  # her surname


def test_entity_rules_correct_article_finds_missed_features_demonyms_and_acronyms(
    tokenizer, gazetteer
):
    docs = [
        tokenizer("Hungarians fear the Elbe and the Rhine, said Ms Aster Reading"),
        tokenizer("The UNMISS mission and the Estonian Kadri Tamm saw COVID cases and the CEO"),
    ]
    blocks, _ = correct_article(docs, [[], []], gazetteer)
    assert _texts(docs[0], blocks[0]) == [
        ("Hungarians", "NORP"),
        ("Elbe", "LOC"),
        ("Rhine", "LOC"),
    ]
    assert _texts(docs[1], blocks[1]) == [
        ("UNMISS", "ORG"),
        ("Estonian", "NORP"),
        ("Kadri Tamm", "PERSON"),
    ]


# --- the stage, with the model -----------------------------------------------------------------


def _event(name: str) -> StructuredArticle:
    """One of our articles, its first line the title and the rest paragraphs."""
    return structured_by_lines(article(name), {0: "title"})


def _by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {entity["name"]: entity for entity in entities}


@pytest.fixture(scope="module")
def enriched(analyzer: EntityAnalyzer) -> dict[str, tuple[StructuredArticle, list[Entity]]]:
    names = ["conflict", "politics", "business", "sport", "disaster"]
    events = [_event(f"entities-{name}.txt") for name in names]
    return dict(zip(names, zip(events, analyzer.analyze(events), strict=True), strict=True))


@pytest.mark.model
def test_entities_mentions_point_at_their_text_and_are_sorted(enriched):
    for name, (event, entities) in enriched.items():
        assert entities, name
        for entity in entities:
            mentions = entity["mentions"]
            assert mentions == sorted(mentions, key=lambda m: (m["start"], m["end"]))
            assert entity["count"] == len(mentions)
            for m in mentions:
                assert event["text"][m["start"] : m["end"]] == m["text"], (name, m)


@pytest.mark.model
def test_entities_are_ordered_by_first_mention_with_unique_keys(enriched):
    for _, entities in enriched.values():
        firsts = [entity["mentions"][0]["start"] for entity in entities]
        assert firsts == sorted(firsts)
        keys = [entity["key"] for entity in entities]
        assert len(keys) == len(set(keys)), keys


@pytest.mark.model
def test_entities_enriched_events_validate_against_the_schema(enriched):
    for event, entities in enriched.values():
        assert problems(event, "structured-article/1") == []
        assert problems(enrich_article(event, entities), "enriched-article/1") == []


@pytest.mark.model
def test_entities_conflict_story(enriched):
    entities = _by_name(enriched["conflict"][1])
    tripoli = entities["Tripoli"]  # the Lebanese city: the article is about Lebanon
    assert (tripoli["type"], tripoli["country_code"], tripoli["count"]) == ("GPE", "LB", 2)
    assert entities["Beirut"]["country_code"] == "LB"
    assert entities["Beirut"]["aliases"] == ["BEIRUT"]  # the dateline, not an ORG
    assert entities["Reuters"]["type"] == "ORG"
    mikati = entities["Najib Mikati"]  # "Prime Minister" is no part of the name
    assert (mikati["type"], mikati["aliases"], mikati["key"]) == (
        "PERSON",
        ["Mikati"],
        "person:najib-mikati",
    )
    isf = entities["Internal Security Forces"]
    assert (isf["type"], isf["aliases"], isf["count"]) == ("ORG", ["ISF"], 3)
    lebanese = entities["Lebanese"]  # a group, not a place, but the country is known
    assert (lebanese["type"], lebanese["country_code"]) == ("NORP", "LB")
    assert "geonames_id" not in lebanese
    assert entities["at least 12"]["type"] == "CARDINAL"


@pytest.mark.model
def test_entities_disaster_story(enriched):
    entities = _by_name(enriched["disaster"][1])
    # A dateline in capitals, a headline and the body meet as one place.
    pelotas = entities["Pelotas"]
    assert (pelotas["type"], pelotas["country_code"], pelotas["aliases"]) == (
        "GPE",
        "BR",
        ["PELOTAS"],
    )
    assert pelotas["count"] == 4
    # The state is no city: GeoNames gives its name to the city of Rio Grande, and we have no
    # Brazilian states, so it stays unresolved rather than wrong.
    state = entities["Rio Grande do Sul"]
    assert (state["type"], state["geonames_id"], state["country_code"]) == ("GPE", None, None)
    assert "Rio Grande" not in entities
    river = entities["Jacuí"]  # a river, not a person, an organisation or a town
    assert (river["type"], river["feature"]) == ("LOC", None)
    assert entities["Uruguay"]["type"] == "GPE" and entities["Uruguay"]["country_code"] == "UY"
    assert entities["Marta Ribeiro"]["aliases"] == ["Ribeiro"]


@pytest.mark.model
def test_entities_politics_story(enriched):
    entities = _by_name(enriched["politics"][1])
    assert entities["Olaf Scholz"]["type"] == "PERSON"  # the model says ORG, then GPE
    assert entities["Olaf Scholz"]["aliases"] == ["Scholz"]
    assert entities["Friedrich Merz"]["count"] == 2  # "Mr Merz" is Merz
    cdu = entities["Christian Democratic Union"]
    assert (cdu["aliases"], cdu["count"]) == (["CDU"], 3)
    assert entities["Associated Press"]["type"] == "ORG"
    assert entities["Karlsruhe"]["country_code"] == "DE"
    assert entities["Berlin"]["country_code"] == "DE"
    assert entities["Wednesday"]["type"] == "DATE"


@pytest.mark.model
def test_entities_business_story(enriched):
    entities = _by_name(enriched["business"][1])
    assert entities["Nordlicht Semiconductor Ltd"]["type"] == "ORG"
    assert entities["Anna Keller"]["aliases"] == ["Keller"]  # "Dr" dropped, surname merged
    assert entities["Bloomberg"]["type"] == "ORG"  # the model says GPE
    assert entities["Frankfurt"]["country_code"] == "DE"
    assert entities["Penang"]["country_code"] == "MY"
    assert entities["Asia"]["key"] == "place:geonames:6255147"  # the continent, not a town
    assert entities["$2.1 billion"]["type"] == "MONEY"
    assert entities["14%"]["type"] == "PERCENT"


@pytest.mark.model
def test_entities_sport_story(enriched):
    entities = _by_name(enriched["sport"][1])
    assert entities["Blackburn Rovers"]["type"] == "ORG"  # the model says PERSON
    assert entities["Manchester City"]["type"] == "ORG"  # the model says GPE
    assert entities["Blackburn"]["type"] == "GPE"  # "everyone in Blackburn"
    assert entities["Blackburn"]["country_code"] == "GB"
    assert entities["Daniel Okafor"]["count"] == 3
    assert "Reading" not in entities  # the club: never a place added by the gazetteer


@pytest.mark.model
def test_entities_never_come_from_furniture_bylines_or_dates(analyzer):
    text = (
        "Share on Facebook | Follow Reuters on Twitter | London Paris Berlin\n"
        "By Daniel Okafor in Aleppo\n"
        "12 March 2024\n"
        "Rebels entered Aleppo on Sunday.\n"
        "Advertisement: fly Emirates to Dubai\n"
    )
    kinds = {0: "furniture", 1: "byline", 2: "date", -1: "furniture"}
    event = structured_by_lines(text, kinds)
    (entities,) = analyzer.analyze([event])
    body = next(b for b in event["blocks"] if b["kind"] == "paragraph")
    for entity in entities:
        for m in entity["mentions"]:
            assert body["start"] <= m["start"] and m["end"] <= body["end"], m
    assert {e["name"] for e in entities} == {"Aleppo", "Sunday"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("title", "body", "kept"),
    [
        # The model reads both headline openers as ORG; the body never names them.
        ("Chipmaker opens plant in Dresden", "The plant will employ 1,000 people.", False),
        ("Council approves new tram line", "Leeds City Council voted on Wednesday.", False),
        # Named again in the body: a name after all.
        ("Toyota recalls cars in Japan", "Toyota said the fault affects brakes.", True),
    ],
)
def test_entities_drop_a_headline_opener_the_article_never_names_again(analyzer, title, body, kept):
    opener = title.split()[0]
    assert analyzer.nlp(title).ents[0].text == opener  # what the model thinks
    event = structured_by_lines(f"{title}\n\n{body}\n", {0: "title"})
    (entities,) = analyzer.analyze([event])
    assert (opener in {e["name"] for e in entities}) is kept


@pytest.mark.model
def test_entities_merge_a_well_known_acronym_with_its_long_form_when_both_are_written(analyzer):
    event = structured_by_lines(
        "The United Nations said on Monday that aid was reaching the town.\n\n"
        "A UN spokesman said more trucks would follow.\n"
    )
    (entities,) = analyzer.analyze([event])
    (un,) = [e for e in entities if e["name"] == "United Nations"]
    assert {m["text"] for m in un["mentions"]} == {"United Nations", "UN"}


def test_entities_batches_give_what_single_articles_give(analyzer, enriched):
    events = [event for event, _ in enriched.values()]
    singles = [analyzer.analyze([event])[0] for event in events]
    assert singles == [entities for _, entities in enriched.values()]


@pytest.mark.model
def test_entities_analyze_changes_no_event(analyzer):
    event = _event("entities-conflict.txt")
    before = copy.deepcopy(event)
    (entities,) = analyzer.analyze([event])
    assert event == before
    enriched = enrich_article(event, entities)
    assert event == before and enriched["schema"] == "enriched-article/1"
    assert enriched["entities"] is entities


@pytest.mark.model
def test_entities_handles_empty_batches_and_articles_without_content(analyzer):
    assert analyzer.analyze([]) == []
    only_furniture = structured_by_lines("Home | News | Sport\n", {0: "furniture"})
    no_blocks = {**_event("entities-conflict.txt"), "blocks": []}  # nothing marked as prose
    assert analyzer.analyze([only_furniture, no_blocks]) == [[], []]


def test_entities_content_blocks_are_prose_only_in_text_order():
    event = structured_by_lines(
        "Title\nBy Someone\nA paragraph\nMenu\nA caption\n",
        {0: "title", 1: "byline", 3: "furniture", 4: "caption"},
    )
    event["blocks"].reverse()
    assert [b["kind"] for b in content_blocks(event)] == ["title", "paragraph", "caption"]


def test_entities_content_blocks_skip_lines_without_latin_letters():
    # A site's name in Chinese, left as a paragraph: nothing the English model can read.
    event = structured_by_lines("\u7231\u6f2b\u5c9b\nCrews in São Paulo\n\u542c 2024\n")
    assert [event["text"][b["start"] : b["end"]] for b in content_blocks(event)] == [
        "Crews in São Paulo"
    ]


@pytest.mark.model
def test_entities_one_event_per_named_entity_for_the_entity_topic(enriched):
    event = enrich_article(*enriched["conflict"])
    per_entity = entity_events(event)
    named = [e for e in event["entities"] if e["type"] in NAME_LABELS]
    assert 0 < len(named) < len(event["entities"])  # dates and numbers get no event
    assert [e["entity"] for e in per_entity] == named
    for one in per_entity:
        assert problems(one, "article-entity/1") == []
        assert one["id"] == event["id"] and one["timings"] == event["timings"]
        assert one["entity"]["key"] not in one["co_entities"]
        assert len(one["co_entities"]) == len(named) - 1
        assert one["article_countries"] == [c["country_code"] for c in event["countries"]]
    assert per_entity[0]["article_countries"][0] == "LB"
