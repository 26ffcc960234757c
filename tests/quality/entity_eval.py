"""Scoring the entity stage against our labelled set (``tests/data/entities/``).

Read by ``python -m benchmarks.entities`` and by the quality gate
(``tests/quality/test_entities_gate.py``), which :func:`check_floors` holds to the floors in
``tests/data/baselines/entities.json``. Each labelled article
(``NAME.txt``) goes through the real repair and structure stages; its annotation (``NAME.json``)
lists its entities, each with every form the article writes it in (see the folder's README).

Scores are per distinct form: a (form, type) pair counts once per article however often it
occurs, so the annotations need no offsets and a person can check them by reading. Types are
compared as families: PERSON, ORG, NORP, and PLACE for GPE, LOC and FAC (which the model mixes
up and the stage merges: "one place, one entity"). Forms lose a leading "the" and a possessive
on both sides. The model alone is scored on the same blocks the stage reads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from agents.entities.stage import EntityAnalyzer, content_blocks
from agents.pipeline import run_repair, run_structure
from agents.records import Entity, StructuredArticle
from agents.repair.intake import parse_raw_record
from agents.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "data"
EVAL_DIR = DATA / "entities"
BASELINE = DATA / "baselines" / "entities.json"
FAMILIES = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "NORP", "GPE": "PLACE", "LOC": "PLACE",
            "FAC": "PLACE"}  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class GoldEntity:
    type: str
    forms: tuple[str, ...]
    country_code: str | None = None
    admin1: str | None = None  # ISO 3166-2 code of the first-level subdivision


@dataclass(frozen=True)
class LabelledArticle:
    name: str
    event: StructuredArticle
    gold: tuple[GoldEntity, ...]
    blind: bool = False  # labelled before the stage ever ran on it (see the folder's README)
    #: Which blind batch: "blind1" (2026-11-25), "blind2" (2026-11-30); None for the rest.
    batch: str | None = None


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Form-level counts per type family (and "ALL"), plus merge and place figures."""

    by_type: dict[str, Counts] = field(default_factory=dict)
    merged: int = 0  # annotated entities of several forms found as one entity
    to_merge: int = 0
    wrong_merges: int = 0  # found entities holding forms of two annotated entities
    places_right: int = 0  # annotated places found with the annotated country code
    places: int = 0
    admin1_right: int = 0  # annotated places found with the annotated ISO 3166-2 region
    admin1_places: int = 0

    def count(self, family: str, gold: set[str], found: set[str]) -> None:
        for key in (family, "ALL"):
            counts = self.by_type.setdefault(key, Counts())
            counts.tp += len(gold & found)
            counts.fp += len(found - gold)
            counts.fn += len(gold - found)

    @property
    def merge_recall(self) -> float:
        return self.merged / self.to_merge if self.to_merge else 1.0

    @property
    def geo_accuracy(self) -> float:
        return self.places_right / self.places if self.places else 1.0

    @property
    def admin1_accuracy(self) -> float:
        return self.admin1_right / self.admin1_places if self.admin1_places else 1.0


def load_labelled(folder: Path = EVAL_DIR) -> list[LabelledArticle]:
    """Every labelled article of ``folder``, through the real repair and structure stages."""
    settings = Settings.from_env({})
    articles = []
    for text_path in sorted(folder.glob("*.txt")):
        raw = parse_raw_record(None, text_path.read_bytes(), max_bytes=settings.max_record_bytes)
        event = run_structure(run_repair(raw, settings))
        annotation = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        gold = tuple(
            GoldEntity(e["type"], tuple(e["forms"]), e.get("country_code"), e.get("admin1"))
            for e in annotation["entities"]
        )
        blind = bool(annotation.get("blind"))
        batch = annotation.get("batch") or ("blind1" if blind else None)
        articles.append(LabelledArticle(text_path.stem, event, gold, blind, batch))
    return articles


def normalise(form: str) -> str:
    """A form as both sides are compared: no leading "the", no possessive, no edge punctuation
    (an elided letter's apostrophe, as in "’Ndrangheta", is edge punctuation too)."""
    form = form.strip().strip(",.;:'’‘")
    if form[:4].lower() == "the ":
        form = form[4:]
    return _POSSESSIVE.sub("", form)


def score_stage(articles: Sequence[LabelledArticle], analyzer: EntityAnalyzer) -> Scores:
    """The whole stage: model, rules, gazetteer and merging."""
    found = analyzer.analyze([article.event for article in articles])
    scores = Scores()
    for article, entities in zip(articles, found, strict=True):
        named = [e for e in entities if e["type"] in FAMILIES]
        _score_forms(
            scores, article.gold, ((m["text"], e["type"]) for e in named for m in e["mentions"])
        )
        _score_merges(scores, article.gold, named)
    return scores


def score_model(articles: Sequence[LabelledArticle], analyzer: EntityAnalyzer) -> Scores:
    """The spaCy model alone, on the blocks the stage reads: no rules, no gazetteer."""
    scores = Scores()
    for article in articles:
        text = article.event["text"]
        blocks = [text[b["start"] : b["end"]] for b in content_blocks(article.event)]
        ents = [(ent.text, ent.label_) for doc in analyzer.nlp.pipe(blocks) for ent in doc.ents]
        _score_forms(scores, article.gold, ((t, label) for t, label in ents if label in FAMILIES))
    return scores


def _score_forms(
    scores: Scores, gold: Iterable[GoldEntity], found: Iterable[tuple[str, str]]
) -> None:
    expected = {(normalise(form), FAMILIES[e.type]) for e in gold for form in e.forms}
    seen = {(normalise(text), FAMILIES[label]) for text, label in found}
    for family in sorted(set(FAMILIES.values())):
        scores.count(
            family,
            {form for form, f in expected if f == family},
            {form for form, f in seen if f == family},
        )


def _score_merges(scores: Scores, gold: Sequence[GoldEntity], found: Sequence[Entity]) -> None:
    forms_of = [{normalise(m["text"]) for m in e["mentions"]} for e in found]
    owners = {normalise(form): i for i, e in enumerate(gold) for form in e.forms}
    for entity in gold:
        forms = {normalise(form) for form in entity.forms}
        if len(forms) > 1:
            scores.to_merge += 1
            scores.merged += any(forms <= have for have in forms_of)
        holders = [e for e, have in zip(found, forms_of, strict=True) if forms & have]
        if entity.country_code:
            scores.places += 1
            scores.places_right += {e.get("country_code") for e in holders} == {entity.country_code}
        if entity.admin1:
            scores.admin1_places += 1
            scores.admin1_right += {e.get("admin1_code") for e in holders} == {entity.admin1}
    for have in forms_of:
        scores.wrong_merges += len({owners[f] for f in have if f in owners}) > 1


def baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def regression_set(labelled: Sequence[LabelledArticle]) -> list[LabelledArticle]:
    """The articles the floors hold: all but the blind batches no rule was tuned on yet and
    those with floors of their own (``batch_floors``)."""
    apart = set(baseline()["untuned_batches"]) | set(baseline().get("batch_floors", {}))
    return [article for article in labelled if article.batch not in apart]


def first_run_figures(model: Scores, stage: Scores) -> dict:
    """A batch's figures as the baseline file records its first run."""
    return {
        "model": {f: _rounded(model.by_type[f]) for f in FAMILY_ROWS},
        "stage": {f: _rounded(stage.by_type[f]) for f in FAMILY_ROWS},
        "merged": [stage.merged, stage.to_merge],
        "wrong_merges": stage.wrong_merges,
        "places_right": [stage.places_right, stage.places],
        "admin1_right": [stage.admin1_right, stage.admin1_places],
    }


FAMILY_ROWS = ("PERSON", "ORG", "NORP", "PLACE", "ALL")


def _rounded(counts: Counts) -> list[float]:
    return [round(counts.precision, 3), round(counts.recall, 3), round(counts.f1, 3)]


def check_first_run(batch: str, stage: Scores) -> list[str]:
    """Every way ``stage``, on blind batch ``batch``, falls below that batch's first run.

    The first run is the honest figure for unseen articles; tuning on the batch may lift the
    scores, never the floor, so this gate keeps measuring what the batch first showed."""
    first = baseline()["first_runs"][batch]
    failures = [
        f"{batch} {family} F1 {stage.by_type[family].f1:.3f} < first run {f1}"
        for family, (_p, _r, f1) in first["stage"].items()
        if round(stage.by_type[family].f1, 3) < f1
    ]
    for name, have in (
        ("merged", stage.merged),
        ("places_right", stage.places_right),
        ("admin1_right", stage.admin1_right),
    ):
        if name in first and have < first[name][0]:
            failures.append(f"{batch} {name} {have} < first run {first[name][0]}")
    if stage.wrong_merges > first["wrong_merges"]:
        failures.append(f"{batch} wrong merges {stage.wrong_merges} > {first['wrong_merges']}")
    return failures


def check_floors(stage: Scores, batch: str | None = None) -> list[str]:
    """Every way ``stage`` falls below the floors in the baseline file (of ``batch``, a tuned
    blind batch with floors of its own, else of the regression set); empty when it passes."""
    floors = baseline()["batch_floors"][batch] if batch else baseline()["floors"]
    failures = [
        f"{family} F1 {stage.by_type[family].f1:.3f} < {floor}"
        for family, floor in floors["stage_f1"].items()
        if stage.by_type[family].f1 < floor
    ]
    if stage.merge_recall < floors["merge_recall"]:
        failures.append(f"merges {stage.merge_recall:.3f} < {floors['merge_recall']}")
    if stage.geo_accuracy < floors["geo_accuracy"]:
        failures.append(f"places {stage.geo_accuracy:.3f} < {floors['geo_accuracy']}")
    if "admin1_accuracy" in floors and stage.admin1_accuracy < floors["admin1_accuracy"]:
        failures.append(
            f"admin-1 regions {stage.admin1_accuracy:.3f} < {floors['admin1_accuracy']}"
        )
    if stage.wrong_merges > floors["wrong_merges_max"]:
        failures.append(f"wrong merges {stage.wrong_merges} > {floors['wrong_merges_max']}")
    return failures
