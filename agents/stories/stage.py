"""The stage's entry: an enriched article in, the same article with its story fields out."""

from __future__ import annotations

from agents.records import EnrichedArticle, StoriedArticle
from agents.stories.index import StoryIndex


def mark_story(article: EnrichedArticle, index: StoryIndex, now: float) -> StoriedArticle:
    """``article`` with ``duplicate_of``, ``similarity``, ``story``, ``first_in_story``,
    ``revision``, ``unchanged`` and ``changes``, as ``index`` sees it at time ``now`` (seconds)."""
    mark = index.see(article["id"], article.get("title"), article.get("paragraphs", []), now)
    return {**article, **mark}  # type: ignore[typeddict-item]
