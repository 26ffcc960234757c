"""Scoring body text from HTML pages against labels: a word 4-gram shingle F1.

The labelled pages are ``tests/data/pages/`` (its README gives the labelling rules): 42 pages in
the markup of real news sites, each ``NAME.html`` with ``NAME.json`` labelling its ``body`` as
the article's paragraphs. Read by ``python -m benchmarks.pages`` and by the quality gate
``tests/quality/test_pages_gate.py``, which holds copydesk to the floors in
``tests/data/baselines/pages.json``.

The measure, as the extraction benchmarks that compare trafilatura with its peers use it:

- **Tokens.** The text is NFKC-normalised and case-folded; a token is a maximal run of word
  characters (``\\w+``: letters, digits, marks, in any script). Punctuation and whitespace only
  separate tokens, so curly or straight quotes, dashes, bullets and how paragraphs are spaced
  do not count: ``Oregon’s`` is ``oregon s`` either way.
- **Shingles.** The body is one stream of tokens, its paragraphs in order; its shingles are every
  run of four consecutive tokens, as a *multiset*: a run that occurs twice counts twice, so text
  extracted twice (a pull quote, the JSON copy of the article) costs precision. A body of one to
  three tokens is one shingle. Shingles run across paragraph ends: this measures which text is
  kept, not where paragraphs break (the structure benchmark scores paragraphs by their text).
- **Scores.** Matched shingles are the multiset intersection. Precision is matched over the
  extractor's shingles, recall matched over the label's, F1 their harmonic mean. An empty answer
  scores 0 (the labels are never empty). Per page; *macro* is the mean of the pages' figures,
  *micro* pools the counts of every page, so a long page weighs more.

>>> tokens("Oregon’s “measure” — 61%, passed")
['oregon', 's', 'measure', '61', 'passed']
>>> body_score(["one two three four five"], ["one two three four five"]).f1
1.0
>>> round(body_score(["one two three four five six"], ["one two three four five"]).precision, 2)
0.67
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agents.records import RepairedArticle, StructuredArticle
from agents.repair.intake import parse_raw_record
from agents.repair.stage import repair_article
from agents.structure.stage import structure_article

DATA = Path(__file__).resolve().parent.parent / "data"
PAGES = DATA / "pages"
BASELINE = DATA / "baselines" / "pages.json"
#: Words per shingle.
SHINGLE_SIZE = 4

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """The words of ``text`` as the measure reads them (see the module's docstring)."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(paragraphs: Iterable[str], size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Every run of ``size`` consecutive tokens of the paragraphs read in order, counted."""
    words = [word for paragraph in paragraphs for word in tokens(paragraph)]
    if 0 < len(words) < size:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True)
class Counts:
    """Shingles matched, found (the extractor's) and wanted (the label's)."""

    matched: int
    found: int
    wanted: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.wanted if self.wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def body_score(found: Sequence[str], label: Sequence[str]) -> Counts:
    """How well an extractor's paragraphs ``found`` match the labelled ``label``."""
    got, wanted = shingles(found), shingles(label)
    return Counts(sum((got & wanted).values()), sum(got.values()), sum(wanted.values()))


@dataclass(frozen=True)
class Summary:
    """Precision, recall and F1 over a set of pages, averaged two ways."""

    micro: tuple[float, float, float]
    macro: tuple[float, float, float]

    def as_dict(self) -> dict[str, dict[str, float]]:
        names = ("precision", "recall", "f1")
        return {
            kind: {name: round(value, 4) for name, value in zip(names, values, strict=True)}
            for kind, values in (("micro", self.micro), ("macro", self.macro))
        }


def summarise(scores: Sequence[Counts]) -> Summary:
    """Micro (pooled counts) and macro (mean of pages) precision, recall and F1."""
    pooled = Counts(
        sum(s.matched for s in scores), sum(s.found for s in scores), sum(s.wanted for s in scores)
    )
    count = len(scores) or 1
    return Summary(
        micro=(pooled.precision, pooled.recall, pooled.f1),
        macro=(
            sum(s.precision for s in scores) / count,
            sum(s.recall for s in scores) / count,
            sum(s.f1 for s in scores) / count,
        ),
    )


@dataclass(frozen=True)
class Page:
    name: str
    markup: bytes  # the page as served: its bytes, in its own charset
    label: dict[str, Any]

    @property
    def body(self) -> list[str]:
        return self.label["body"]


def load_pages(folder: Path = PAGES) -> list[Page]:
    """Every labelled page of ``folder``, by name."""
    return [
        Page(path.stem, path.read_bytes(), json.loads(path.with_suffix(".json").read_text("utf-8")))
        for path in sorted(folder.glob("*.html"))
    ]


def baseline(path: Path = BASELINE) -> dict[str, Any]:
    """The pinned figures: the first run of both extractors, and copydesk's floors."""
    return json.loads(path.read_text(encoding="utf-8"))


#: Far above any page of the set. Intake dead-letters a record over ``COPYDESK_MAX_RECORD_BYTES``
#: (1 MiB) and repair a text over ``COPYDESK_MAX_TEXT_CHARS`` (200,000 characters, counted on the
#: markup until the limit moves to the extracted text): the four big pages, and every page over
#: about 200 KB, would be dead-lettered before the structure stage. The limits are not what is
#: measured here, so both are raised out of the way.
NO_LIMIT = 100_000_000


def repaired_page(page: Page) -> RepairedArticle:
    """The page through intake and repair, as the pipeline takes it (limits raised)."""
    raw = parse_raw_record(None, page.markup, max_bytes=NO_LIMIT)
    return repair_article(raw, max_text_chars=NO_LIMIT)


def copydesk_event(event: RepairedArticle) -> StructuredArticle:
    """The structure stage on a repaired page."""
    return structure_article(event)


def copydesk_body(event: StructuredArticle) -> list[str]:
    """copydesk's body text: the structured event's headings and paragraphs in reading order
    (its ``blocks`` of those kinds), as the labels count in-body subheadings as body text."""
    text = event["text"]
    return [
        text[block["start"] : block["end"]]
        for block in event["blocks"]
        if block["kind"] in ("heading", "paragraph")
    ]


def copydesk_paragraphs(event: StructuredArticle) -> list[str]:
    """The structured event's ``paragraphs`` alone: no subheadings, which the stage keeps apart
    (so a page with subheadings cannot score 1.0 this way)."""
    return event["paragraphs"]
