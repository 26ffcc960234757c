"""Per-field accuracy of the structure stage on a labelled set of our own articles.

The sets are ``tests/data/structure/labels.json`` (tuned on) and the blind batches, each its own
``labels.json`` (``tests/data/structure-blind2/``): each article (plain text or HTML, in the
layouts real pages have) with its fields labelled by hand. Paragraphs are labelled by their text
(a split or merged paragraph, or junk left in one, is an error: F1 over paragraph texts).
Single-valued fields score the share of
articles where the stage gives exactly the label; fields with many items (captions, quotations,
speakers, furniture) score F1 over the items of the whole set, so an article with six quotations
weighs six times one with one. ``tests/quality/test_structure_gate.py`` fails when a score falls
below its floor in ``tests/data/baselines/structure.json``: a quality gate, as trafilatura's
``tests/eval_gate.py``. ``python -m benchmarks.structure`` prints the scores.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agents.records import RepairedArticle, StructuredArticle
from agents.repair.intake import parse_raw_record
from agents.repair.stage import repair_article

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "structure" / "labels.json"
#: Blind batches, each labelled before the stage first ran on it, by name.
BLIND_BATCHES = {"blind2": ROOT / "tests" / "data" / "structure-blind2" / "labels.json"}
BASELINE = ROOT / "tests" / "data" / "baselines" / "structure.json"
#: Far above any article of the set: intake's and repair's limits are not what is measured.
_NO_LIMIT = 10_000_000

Expected = dict[str, Any]


@dataclass(frozen=True)
class Labelled:
    path: str
    layout: str
    expected: Expected
    repaired: RepairedArticle
    batch: str | None = None  # the blind batch it belongs to (None: the tuned set)

    @property
    def held_out(self) -> bool:
        return bool(self.expected.get("held_out"))

    @property
    def blind(self) -> bool:
        """Held out and labelled before the stage's first run on it (the latest such batch)."""
        return bool(self.expected.get("blind"))

    @property
    def is_html(self) -> bool:
        return self.repaired["content_type"] == "text/html"


def load_set(labels: Path = LABELS, batch: str | None = None) -> list[Labelled]:
    """The labelled articles, each through intake and repair as the pipeline would take it."""
    articles = json.loads(labels.read_text(encoding="utf-8"))["articles"]
    found = []
    for expected in articles:
        value = (ROOT / expected["path"]).read_bytes()
        raw = parse_raw_record(None, value, max_bytes=_NO_LIMIT)
        repaired = repair_article(raw, max_text_chars=_NO_LIMIT)
        found.append(Labelled(expected["path"], expected["layout"], expected, repaired, batch))
    return found


def load_all() -> list[Labelled]:
    """The tuned set and every blind batch."""
    items = load_set()
    for batch, labels in BLIND_BATCHES.items():
        items += load_set(labels, batch)
    return items


@dataclass
class FieldScore:
    """A field's score, and the articles it missed (path: what the stage gave)."""

    value: float
    misses: dict[str, Any] = field(default_factory=dict)
    counted: int = -1  # articles scored on this field (-1: not said); 0 means no labels


def score(results: Iterable[tuple[Labelled, StructuredArticle]]) -> dict[str, FieldScore]:
    """Every field's score over the set: accuracy, or F1 over items."""
    pairs = list(results)
    return {
        "title": _accuracy(pairs, lambda e: e["title"], lambda x: x["title"]),
        "standfirst": _accuracy(pairs, lambda e: e["standfirst"], lambda x: x["standfirst"]),
        "authors": _accuracy(pairs, lambda e: e["authors"], lambda x: x["authors"]),
        "dateline": _accuracy(pairs, lambda e: e["dateline"], _dateline),
        "published": _accuracy(pairs, lambda e: e["published"], lambda x: x["published"]),
        "reading_time": _accuracy(
            pairs, lambda e: e["reading_time_minutes"], lambda x: x["reading_time_minutes"]
        ),
        "captions": _f1(pairs, lambda e: map(tuple, e["images"]), _captions),
        "paragraphs": _f1(
            pairs,
            lambda e: map(_squeezed, e["paragraphs"]),
            lambda x, _e: [_squeezed(p) for p in x["paragraphs"]],
        ),
        "quotes": _f1(pairs, lambda e: (q[0] for q in e["quotes"]), _quotes(with_speaker=False)),
        "speakers": _f1(pairs, lambda e: map(tuple, e["quotes"]), _quotes(with_speaker=True)),
        "furniture": _f1(pairs, lambda e: e["furniture"], lambda x, _e: _furniture(x)),
    }


def _accuracy(
    pairs: list[tuple[Labelled, StructuredArticle]],
    expected: Callable[[Expected], Any],
    found: Callable[[StructuredArticle], Any],
) -> FieldScore:
    misses = {
        item.path: found(event) for item, event in pairs if found(event) != expected(item.expected)
    }
    return FieldScore(1 - len(misses) / len(pairs) if pairs else 1.0, misses, len(pairs))


def _f1(
    pairs: list[tuple[Labelled, StructuredArticle]],
    expected: Callable[[Expected], Iterable[Any]],
    found: Callable[[StructuredArticle, list[Any]], list[Any]],
) -> FieldScore:
    """F1 over items; ``found`` maps what the stage gave onto the labels' terms."""
    true_positives = wanted = given = 0
    misses = {}
    for item, event in pairs:
        labels = list(expected(item.expected))
        answers = found(event, labels)
        hits = sum(min(labels.count(answer), answers.count(answer)) for answer in set(answers))
        true_positives, wanted, given = (
            true_positives + hits,
            wanted + len(labels),
            given + len(answers),
        )
        if hits != len(labels) or hits != len(answers):
            misses[item.path] = answers
    if not wanted and not given:
        return FieldScore(1.0, misses, len(pairs))
    precision = true_positives / given if given else 0.0
    recall = true_positives / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return FieldScore(f1, misses, len(pairs))


def _dateline(event: StructuredArticle) -> list[str | None] | None:
    dateline = event["dateline"]
    return [dateline["place"], dateline["agency"]] if dateline else None


def _captions(event: StructuredArticle, _labels: list[Any]) -> list[tuple[str, str | None]]:
    return [(image["caption"], image["credit"]) for image in event["images"]]


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _furniture(event: StructuredArticle) -> list[str]:
    return [line["text"] for line in event["furniture"]]


def _quotes(*, with_speaker: bool) -> Callable[[StructuredArticle, list[Any]], list[Any]]:
    """A quotation matches a label when it starts with the label's first words."""

    def found(event: StructuredArticle, labels: list[Any]) -> list[Any]:
        prefixes = [label[0] if with_speaker else label for label in labels]
        answers: list[Any] = []
        for quote in event["quotes"]:
            prefix = next((p for p in prefixes if quote["text"].startswith(p)), quote["text"])
            answers.append((prefix, quote["speaker"]) if with_speaker else prefix)
        return answers

    return found


def baseline(path: Path = BASELINE) -> dict[str, Any]:
    """The pinned figures: ``floors`` for the quality gate, and the held-out first run."""
    return json.loads(path.read_text(encoding="utf-8"))


def floors(path: Path = BASELINE) -> dict[str, float]:
    return baseline(path)["floors"]


def subsets(items: list[Labelled]) -> dict[str, list[Labelled]]:
    """The regression set (what the floors hold) and each batch with a recorded first run."""
    untuned = set(baseline()["untuned_batches"])
    return {
        "regression": [item for item in items if item.batch not in untuned],
        "held_out": [item for item in items if item.held_out and item.batch is None],
        "blind1": [item for item in items if item.blind and item.batch is None],
        **{batch: [item for item in items if item.batch == batch] for batch in BLIND_BATCHES},
    }


def check_first_run(batch: str, scores: dict[str, FieldScore]) -> dict[str, tuple[float, float]]:
    """The fields where ``scores`` of a blind batch fall below its first run: the honest floor
    that tuning on the batch may not raise."""
    first = baseline()["first_runs"][batch]
    return {
        name: (round(scores[name].value, 2), floor)
        for name, floor in first.items()
        if name in scores and scores[name].counted and round(scores[name].value, 2) < floor
    }
