"""The news corpus (``tests/data/news/``, 93 invented articles of real length with typographic
punctuation and accented names) as records for benchmarks and tests: as many as asked for,
cycling through the articles, each with an id of its own."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from tests.quality.corpus import Article

NEWS = Path(__file__).resolve().parent.parent / "data" / "news"


@cache
def news_texts() -> tuple[tuple[str, str], ...]:
    """(name, text) of every article of the corpus, in file order."""
    return tuple(
        (path.stem, path.read_text(encoding="utf-8")) for path in sorted(NEWS.glob("*.txt"))
    )


def news_records(count: int, prefix: str = "news") -> list[Article]:
    """``count`` raw JSON records (``id``, ``source``, ``text``), the articles over and over."""
    texts = news_texts()
    records = []
    for n in range(count):
        name, text = texts[n % len(texts)]
        article_id = f"{prefix}-{n:05d}-{name}"
        value = json.dumps({"id": article_id, "source": "bench", "text": text}).encode()
        records.append(Article(article_id, value, len(text.split())))
    return records
