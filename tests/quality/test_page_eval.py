"""The body-text scorer (:mod:`tests.quality.page_eval`): what it counts, and that it can fail."""

from __future__ import annotations

import pytest

from tests.quality.page_eval import body_score, load_pages, shingles, summarise, tokens

LABEL = [
    "Voters in Oregon have approved a ballot measure that would keep the state on daylight time.",
    "With most votes counted on Wednesday, Measure 121 was passing with 61% in favour.",
    "Washington and California have passed similar measures.",
]


def test_a_perfect_answer_scores_one_whatever_its_spacing_case_and_quotes() -> None:
    retyped = [" ".join(LABEL).upper().replace("61%", "61 %")]
    assert body_score(LABEL, LABEL).f1 == 1.0
    assert body_score(retyped, LABEL).f1 == 1.0  # paragraph breaks and case are not scored
    assert tokens("“Oregon’s” — it's") == tokens('"Oregon\'s" - it’s')


def test_a_lost_paragraph_costs_recall_and_furniture_costs_precision() -> None:
    lost = body_score(LABEL[:2], LABEL)
    assert lost.precision == 1.0 and lost.recall < 0.8 and lost.f1 < 0.9
    padded = body_score([*LABEL, "Sign up to our newsletter for the day's top stories"], LABEL)
    assert padded.recall == 1.0 and padded.precision < 0.8


def test_text_given_twice_costs_precision() -> None:
    """Shingles are a multiset: a pull quote or the article's JSON copy repeated is an error."""
    twice = body_score([*LABEL, LABEL[0]], LABEL)
    assert twice.recall == 1.0 and twice.precision < 0.8


def test_the_scorer_fails_unrelated_and_empty_answers() -> None:
    assert body_score(["An entirely different story about a cricket match."], LABEL).f1 == 0.0
    assert body_score([], LABEL).f1 == 0.0
    assert body_score(["word"], ["word"]).f1 == 1.0  # under four words: one shingle
    assert shingles(["a b c d e"]) == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_micro_pools_counts_and_macro_averages_pages() -> None:
    long_right = body_score(LABEL * 10, LABEL * 10)
    short_wrong = body_score(["nothing like it at all"], LABEL[:1])
    summary = summarise([long_right, short_wrong])
    assert summary.macro[2] == pytest.approx(0.5)
    assert summary.micro[2] > 0.9


def test_every_labelled_page_has_a_body_and_its_markup() -> None:
    pages = load_pages()
    assert len(pages) >= 40
    for page in pages:
        assert page.body and all(p == " ".join(p.split()) for p in page.body), page.name
        assert page.markup.lstrip().lower().startswith((b"<!doctype", b"<html")), page.name
