"""The events of the ``articles.entities`` topic: one per named entity of an enriched article.

An alerting system that cares about one entity subscribes to its key instead of reading every
article. Each event carries the entity whole and what a rule about it needs from the article:
its countries and its other entities ("HTS with Aleppo", "anything in Iraq naming X").
"""

from __future__ import annotations

from agents.entities.salience import is_named
from agents.records import SCHEMA_ARTICLE_ENTITY, ArticleEntity, EnrichedArticle


def entity_events(article: EnrichedArticle) -> list[ArticleEntity]:
    """The entity events of one enriched article, in order of first mention."""
    named = [entity for entity in article["entities"] if is_named(entity)]
    keys = [entity["key"] for entity in named]
    countries = [country["country_code"] for country in article.get("countries", [])]
    return [
        {
            "schema": SCHEMA_ARTICLE_ENTITY,
            "id": article["id"],
            "source": article["source"],
            "url": article["url"],
            "title": article["title"],
            "published": article["published"],
            "language": article["language"],
            "entity": entity,
            "article_countries": countries,
            "co_entities": [key for key in keys if key != entity["key"]],
            "timings": article["timings"],
        }
        for entity in named
    ]
