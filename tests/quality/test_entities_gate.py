"""The quality gate: the entity stage on our labelled set may not fall below the floors pinned in
tests/data/baselines/entities.json (``python -m benchmarks.entities`` prints the figures)."""

from __future__ import annotations

import pytest

from agents.entities.stage import EntityAnalyzer
from tests.quality.entity_eval import (
    Counts,
    LabelledArticle,
    Scores,
    baseline,
    check_first_run,
    check_floors,
    load_labelled,
    normalise,
    regression_set,
    score_model,
    score_stage,
)

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def labelled() -> list[LabelledArticle]:
    return load_labelled()


def test_entity_quality_stage_keeps_to_its_floors(labelled, analyzer: EntityAnalyzer):
    assert check_floors(score_stage(regression_set(labelled), analyzer)) == []


@pytest.mark.parametrize("batch", sorted(baseline().get("batch_floors", {})))
def test_entity_quality_tuned_blind_batch_keeps_to_its_floors(batch: str, labelled, analyzer):
    articles = [article for article in labelled if article.batch == batch]
    assert articles, f"no article of blind batch {batch}"
    assert check_floors(score_stage(articles, analyzer), batch) == []


@pytest.mark.parametrize("batch", sorted(baseline()["first_runs"]))
def test_entity_quality_blind_batch_keeps_to_its_first_run(batch: str, labelled, analyzer):
    articles = [article for article in labelled if article.batch == batch]
    assert articles, f"no article of blind batch {batch}"
    assert check_first_run(batch, score_stage(articles, analyzer)) == []


def test_entity_quality_stage_beats_the_model_alone_on_every_type(labelled, analyzer):
    model, stage = score_model(labelled, analyzer), score_stage(labelled, analyzer)
    for family in ("PERSON", "ORG", "NORP", "PLACE", "ALL"):
        assert stage.by_type[family].f1 > model.by_type[family].f1, family


def test_entity_quality_labelled_set_covers_five_domains_and_every_type(labelled):
    domains = {article.name.split("-")[1 if article.batch else 0] for article in labelled}
    assert domains >= {"conflict", "politics", "business", "sport", "disaster"}
    types = {entity.type for article in labelled for entity in article.gold}
    assert {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"} <= types
    for article in labelled:  # every annotated form is in its article as written
        for entity in article.gold:
            for form in entity.forms:
                assert form in article.event["text"], (article.name, form)


def test_entity_quality_scores_count_forms_once_per_article():
    scores = Scores()
    scores.count("ORG", gold={"HTS", "Hayat Tahrir al-Sham"}, found={"HTS", "Reuters"})
    (org, total) = scores.by_type["ORG"], scores.by_type["ALL"]
    assert (org.tp, org.fp, org.fn) == (total.tp, total.fp, total.fn) == (1, 1, 1)
    assert org.precision == org.recall == org.f1 == 0.5
    assert Counts().f1 == 0.0
    assert [normalise(f) for f in ("the Salvation Government's", "Reuters,", "Assad’s")] == [
        "Salvation Government",
        "Reuters",
        "Assad",
    ]
