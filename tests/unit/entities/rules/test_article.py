"""Article rules (agents.entities.rules.article): what one block says settles the others (acronyms,
free-standing names, labels by majority), on docs tokenised without a model."""

from __future__ import annotations

from agents.entities.rules.article import (
    define_acronyms,
    find_free,
    find_short_org_names,
    harmonise_labels,
    type_article_towns,
)
from agents.entities.rules.span import (
    trim,
)
from tests.unit.entities.rules.tagging import labels_of, span_of


def test_entity_rules_define_acronyms_finds_the_long_form_when_the_model_missed_it(words):
    doc = words("said the World Health Organization (WHO) on Monday")
    (spans,), acronyms = define_acronyms([doc], [[]])
    assert labels_of(doc, spans) == [("World Health Organization", "ORG"), ("WHO", "ORG")]
    assert acronyms == {"WHO": "World Health Organization"}


def test_entity_rules_define_acronyms_uses_the_models_span_across_a_modifier(words):
    doc = words("within the Hayat Tahrir al-Sham-led (HTS) alliance")
    model = [trim(doc, span_of(doc, "the Hayat Tahrir al-Sham-led (", "ORG"))]
    (spans,), acronyms = define_acronyms([doc], [model])
    assert labels_of(doc, spans) == [("Hayat Tahrir al-Sham", "ORG"), ("HTS", "ORG")]
    assert acronyms == {"HTS": "Hayat Tahrir al-Sham"}


def test_entity_rules_define_acronyms_settles_the_acronyms_label_everywhere(words):
    docs = [words("HTS fighters advanced"), words("the Hayat Tahrir al-Sham (HTS) said")]
    blocks = [
        [span_of(docs[0], "HTS", "PERSON")],
        [span_of(docs[1], "Hayat Tahrir al-Sham", "ORG")],
    ]
    (first, _), _ = define_acronyms(docs, blocks)
    assert labels_of(docs[0], first) == [("HTS", "ORG")]


def test_entity_rules_define_acronyms_takes_an_organisations_acronym_in_its_own_tongue(
    words,
):
    doc = words("the Directorate for Civil Protection (DGPC) and Mr Hans Keller (WG)")
    spans = [
        span_of(doc, "Directorate for Civil Protection", "ORG"),
        span_of(doc, "Hans Keller", "PERSON"),
    ]
    _, acronyms = define_acronyms([doc], [spans])
    assert acronyms == {"DGPC": "Directorate for Civil Protection"}


def test_entity_rules_define_acronyms_ignores_brackets_that_do_not_spell_the_name(words):
    doc = words("he flew to London (UK) and met the Red Cross (IS)")
    (spans,), acronyms = define_acronyms([doc], [[span_of(doc, "London", "GPE")]])
    assert acronyms == {} and labels_of(doc, spans) == [("London", "GPE")]


def test_entity_rules_find_free_takes_whole_free_standing_names_only(words, gazetteer):
    doc = words("Beyond Aleppo, Blackburn Rovers and Reading the news in Idlib")

    def places(text: str) -> str | None:
        return "GPE" if gazetteer.spottable(text) else None

    assert labels_of(doc, find_free(doc, [], places, 3)) == [("Aleppo", "GPE"), ("Idlib", "GPE")]
    taken = [span_of(doc, "Aleppo", "ORG")]
    assert labels_of(doc, find_free(doc, taken, places, 3)) == [("Idlib", "GPE")]


def test_entity_rules_harmonise_labels_gives_a_surname_its_persons_label(words, gazetteer):
    first, second = words("Chancellor Olaf Scholz spoke"), words("Scholz's office")
    blocks = [[span_of(first, "Olaf Scholz", "PERSON")], [span_of(second, "Scholz", "GPE")]]
    (_, (scholz,)) = harmonise_labels([first, second], blocks, gazetteer)
    assert scholz.label == "PERSON"


def _harmonised(words, gazetteer, *blocks: tuple[str, str, str]) -> list[str]:
    """The labels harmonise_labels gives blocks of one entity each: (text, name, label)."""
    docs = [words(text) for text, _, _ in blocks]
    spans = [
        [span_of(doc, name, label)] for doc, (_, name, label) in zip(docs, blocks, strict=True)
    ]
    return [s.label for found in harmonise_labels(docs, spans, gazetteer) for s in found]


def test_entity_rules_harmonise_labels_follows_the_majority(words, gazetteer):
    assert _harmonised(
        words,
        gazetteer,
        ("Aleppo fell", "Aleppo", "PERSON"),
        ("in Aleppo", "Aleppo", "GPE"),
        ("Aleppo again", "Aleppo", "GPE"),
    ) == ["GPE", "GPE", "GPE"]


def test_entity_rules_harmonise_labels_settles_a_tie_on_a_known_place(words, gazetteer):
    assert _harmonised(
        words,
        gazetteer,
        ("Chipmaker picks Kumamoto", "Kumamoto", "PERSON"),
        ("a plant in Kumamoto", "Kumamoto", "GPE"),
    ) == ["GPE", "GPE"]
    # No place: the tie stays.
    assert _harmonised(
        words, gazetteer, ("Smith spoke", "Smith", "PERSON"), ("Smith Corp", "Smith", "ORG")
    ) == ["PERSON", "ORG"]


def test_entity_rules_harmonise_labels_makes_any_surname_a_person(words, gazetteer):
    assert _harmonised(
        words,
        gazetteer,
        ("Faith Chepkoech won", "Faith Chepkoech", "PERSON"),
        ("Chepkoech said", "Chepkoech", "NORP"),
        ("Syrians", "Syrians", "NORP"),  # a demonym stays a group
    ) == ["PERSON", "PERSON", "NORP"]


def test_entity_rules_find_short_org_names_takes_a_word_of_one_organisations_name(words, gazetteer):
    doc = words("Aceros Vexa Norte and Kataib Hezbollah said Vexa and Hezbollah and Norte grew")
    spans = [
        span_of(doc, "Aceros Vexa Norte", "ORG"),
        span_of(doc, "Kataib Hezbollah", "ORG"),
        span_of(doc, "Vexa", "GPE", nth=1),
        span_of(doc, "Hezbollah", "ORG", nth=1),
        span_of(doc, "Norte", "PERSON", nth=1),
    ]
    (spans,), short = find_short_org_names([doc], [spans], gazetteer)
    assert short == {"Vexa": "Aceros Vexa Norte", "Norte": "Aceros Vexa Norte"}
    assert [label for _, label in labels_of(doc, spans)] == ["ORG"] * 5
    doc = words("Aceros Vexa Norte hired Ana Vexa ; Vexa said")
    spans = [span_of(doc, "Aceros Vexa Norte", "ORG"), span_of(doc, "Ana Vexa", "PERSON")]
    spans.append(span_of(doc, "Vexa", "PERSON", nth=2))
    assert find_short_org_names([doc], [spans], gazetteer) == ([spans], {})  # her surname


def test_entity_rules_type_small_towns_of_the_articles_countries_where_places_stand(
    words, gazetteer
):
    docs = [words("Ash fell on Spain ."), words("Shops in Tazacorte shut , Tazacorte said")]
    blocks = [
        [span_of(docs[0], "Spain", "GPE")],
        [span_of(docs[1], "Tazacorte", "ORG"), span_of(docs[1], "Tazacorte", "ORG", nth=1)],
    ]
    _, typed = type_article_towns(docs, blocks, gazetteer)
    assert labels_of(docs[1], typed) == [("Tazacorte", "GPE"), ("Tazacorte", "GPE")]
    # Without a country of the town, or where no place stands, it stays what it was read as.
    alone = [words("Shops in Tazacorte shut")]
    (spans,) = type_article_towns(alone, [[span_of(alone[0], "Tazacorte", "ORG")]], gazetteer)
    assert labels_of(alone[0], spans) == [("Tazacorte", "ORG")]
    said = [docs[0], words("Tazacorte said so")]
    blocks = [blocks[0], [span_of(said[1], "Tazacorte", "ORG")]]
    assert labels_of(said[1], type_article_towns(said, blocks, gazetteer)[1]) == [
        ("Tazacorte", "ORG")
    ]


def test_entity_rules_type_a_region_named_with_its_kind_as_a_place(words, gazetteer):
    doc = words("Shelling hit Sumy Oblast overnight")
    (spans,) = type_article_towns([doc], [[span_of(doc, "Sumy Oblast", "PERSON")]], gazetteer)
    assert labels_of(doc, spans) == [("Sumy Oblast", "GPE")]


def test_entity_rules_short_org_names_keep_a_region_of_the_articles_country(words, gazetteer):
    doc = words("In Nigeria , Edo Broadcasting Service said cases in Edo rose")
    spans = [
        span_of(doc, "Nigeria", "GPE"),
        span_of(doc, "Edo Broadcasting Service", "ORG"),
        span_of(doc, "Edo", "GPE", nth=1),
    ]
    (mended,), short = find_short_org_names([doc], [spans], gazetteer)
    assert short == {} and ("Edo", "GPE") in labels_of(doc, mended)
