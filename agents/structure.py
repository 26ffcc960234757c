"""Structure stage (placeholder until the structure module lands)."""

from __future__ import annotations

from agents.records import SCHEMA_STRUCTURED, RepairedArticle, StructuredArticle


def structure_article(event: RepairedArticle) -> StructuredArticle:
    fields = {k: v for k, v in event.items() if k != "html"}
    return {  # type: ignore[return-value]
        **fields,
        "schema": SCHEMA_STRUCTURED,
        "title": None,
        "standfirst": None,
        "authors": [],
        "dateline": None,
        "published": None,
        "reading_time_minutes": None,
        "word_count": 0,
        "language": None,
        "images": [],
        "paragraphs": [],
        "quotes": [],
        "furniture": [],
        "blocks": [],
    }
