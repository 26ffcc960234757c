"""Consistency checks of labels.json against the articles' visible text (standard library only).

Run from anywhere: ``python tests/data/structure-blind2/check_labels.py``. It reads only the
articles and the labels, never copydesk: each body paragraph is one visible block of its file, in
order; each quotation's first words follow an opening mark in the body; furniture lines, captions
with their credits, title, standfirst, authors and the dateline's place occur; published is ISO
8601.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
BLOCKS = re.compile(
    r"(?i)</?(p|div|li|ul|ol|h\d|figcaption|figure|section|article|header|footer|nav|aside|main)\b[^>]*>"
)
ISO = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d\d:\d\d)?")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def visible(path: Path) -> list[str]:
    """The lines a reader sees: text lines, or HTML block elements with markup and entities gone."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = re.sub(r"(?is)<head>.*?</head>|<script.*?</script>|<style.*?</style>", " ", text)
        text = BLOCKS.sub("\n", text)
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return [norm(line) for line in text.split("\n") if norm(line)]


def check(article: dict, fields: set[str]) -> list[str]:
    errors = []
    path = ROOT / article["path"]
    if missing := fields - set(article):
        errors.append(f"missing fields {sorted(missing)}")
    if not (article.get("blind") is True and article.get("held_out") is True):
        errors.append("not marked blind and held_out")
    lines = visible(path)
    text = " ".join(lines)
    paragraphs = article["paragraphs"]
    errors += [f"paragraph not a visible block: {p[:60]}" for p in paragraphs if p not in lines]
    errors += [f"paragraph not normalised: {p[:60]}" for p in paragraphs if p != norm(p)]
    if len(set(paragraphs)) != len(paragraphs):
        errors.append("duplicate paragraph")
    order = [lines.index(p) for p in paragraphs if p in lines]
    if order != sorted(order):
        errors.append("paragraphs out of order")
    body = " ".join(paragraphs)
    for words, speaker in article["quotes"]:
        if f"“{words}" not in body and f"‘{words}" not in body:
            errors.append(f"quotation not after an opening mark in the body: {words}")
        if speaker is not None and speaker.split()[-1] not in text:
            errors.append(f"speaker not in the text: {speaker}")
    for line in article["furniture"]:
        if line not in lines:
            errors.append(f"furniture not a visible line: {line}")
        if line in paragraphs:
            errors.append(f"furniture is also a paragraph: {line}")
    for caption, credit in article["images"]:
        found = [line for line in lines if line.startswith(caption)]
        if len(found) != 1:
            errors.append(f"caption not found once: {caption}")
        elif credit and credit not in found[0]:
            errors.append(f"credit not on its caption's line: {credit}")
    for field in ("title", "standfirst"):
        if article[field] and article[field] not in text:
            errors.append(f"{field} not in the text")
    errors += [f"author not in the text: {a}" for a in article["authors"] if a not in text]
    if article["dateline"] and article["dateline"][0] not in paragraphs[0]:
        errors.append("dateline place not in the first paragraph")
    if article["published"] and not ISO.fullmatch(article["published"]):
        errors.append("published not ISO 8601")
    return errors


def main() -> int:
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    reference = json.loads(
        (ROOT / "benchmarks/structure_set/labels.json").read_text(encoding="utf-8")
    )
    fields = set(reference["articles"][0]) - {"held_out", "blind", "note"}
    failed = 0
    for article in labels["articles"]:
        errors = check(article, fields)
        failed += len(errors)
        words = sum(len(p.split()) for p in article["paragraphs"])
        name = article["path"].rsplit("/", 1)[-1]
        print(f"{name:26} {words:4d} body words, {len(article['paragraphs']):2d} paragraphs")
        for error in errors:
            print(f"  ERROR {error}")
    print(f"{len(labels['articles'])} articles, {failed} errors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
