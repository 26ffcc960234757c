"""Quality gate: the structure stage's per-field scores on the labelled set stay above their floors
(``tests/data/baselines/structure.json``), as trafilatura's eval_gate does for its extractor."""

from __future__ import annotations

import copy

import pytest

from agents.records import StructuredArticle
from agents.structure.stage import structure_article
from tests.quality.structure_eval import (
    Labelled,
    baseline,
    check_first_run,
    floors,
    load_all,
    score,
    subsets,
)


@pytest.fixture(scope="module")
def everything() -> dict[str, list[tuple[Labelled, StructuredArticle]]]:
    """The regression set and each blind batch, through the stage."""
    return {
        name: [(item, structure_article(item.repaired)) for item in items]
        for name, items in subsets(load_all()).items()
    }


@pytest.fixture(scope="module")
def results(everything) -> list[tuple[Labelled, StructuredArticle]]:
    return everything["regression"]


@pytest.mark.parametrize("batch", sorted(baseline()["first_runs"]))
def test_structure_quality_blind_batches_keep_to_their_first_run(batch: str, everything) -> None:
    assert everything[batch], f"no article of batch {batch}"
    assert check_first_run(batch, score(everything[batch])) == {}


def test_structure_quality_stays_above_the_floors(
    results: list[tuple[Labelled, StructuredArticle]],
) -> None:
    scores = score(results)
    pinned = floors()
    assert set(pinned) == set(scores)  # every field has a floor, and no floor is stale
    below = {
        name: (round(found.value, 3), pinned[name], found.misses)
        for name, found in scores.items()
        if found.value < pinned[name]
    }
    assert below == {}


def test_structure_quality_set_covers_plain_text_and_html_layouts(
    results: list[tuple[Labelled, StructuredArticle]],
) -> None:
    layouts = {item.layout for item, _ in results}
    assert len(layouts) == len(results) >= 20
    assert sum(item.is_html for item, _ in results) >= 6
    assert sum(item.held_out for item, _ in results) >= 6


def test_structure_quality_scores_fall_when_the_stage_is_wrong(
    results: list[tuple[Labelled, StructuredArticle]],
) -> None:
    """The gate can fail: damaged answers score below the floors, field by field."""
    damaged = []
    for item, event in results:
        wrong = copy.deepcopy(event)
        wrong["title"] = "A headline"
        wrong["authors"] = [*wrong["authors"], "Nobody"]
        wrong["paragraphs"] = wrong["paragraphs"][1:]
        wrong["quotes"] = [{**quote, "speaker": None} for quote in wrong["quotes"]]
        wrong["images"] = [{**image, "credit": "AFP"} for image in wrong["images"]]
        wrong["furniture"] = wrong["furniture"][1:]
        damaged.append((item, wrong))
    scores = score(damaged)
    pinned = floors()
    for name in ("title", "authors", "paragraphs", "speakers", "captions", "furniture"):
        assert scores[name].value < pinned[name], name
    assert scores["quotes"].value == 1.0  # quotations still found, only speakers lost


@pytest.mark.parametrize("batch", ["regression", "blind2"])
def test_structure_quality_paragraphs_by_text_count_a_split_as_an_error(
    batch: str, everything
) -> None:
    pairs = everything[batch]
    split, merged = [], []
    for item, event in pairs:
        wrong = copy.deepcopy(event)
        first, *rest = wrong["paragraphs"] or [""]
        middle = len(first) // 2
        wrong["paragraphs"] = [first[:middle], first[middle:], *rest]
        split.append((item, wrong))
        joined = copy.deepcopy(event)
        joined["paragraphs"] = [" ".join(event["paragraphs"])]
        merged.append((item, joined))
    assert score(split)["paragraphs"].value < score(pairs)["paragraphs"].value
    assert score(merged)["paragraphs"].value < score(pairs)["paragraphs"].value
