"""Fixtures of the entity tests: docs tokenised without a model for the rules, the gazetteer, and
our short articles through the real model."""

from __future__ import annotations

import pytest
import spacy

from agents.entities.gazetteer import Gazetteer, default_gazetteer
from agents.entities.stage import EntityAnalyzer
from agents.records import Entity, StructuredArticle
from tests.helpers import article, structured_by_lines


@pytest.fixture(scope="session")
def tokenizer() -> spacy.language.Language:
    """A blank English pipeline: spaCy's tokens, no model, so tests build their own entities."""
    return spacy.blank("en")


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def enriched(analyzer: EntityAnalyzer) -> dict[str, tuple[StructuredArticle, list[Entity]]]:
    """Our five short entity articles (tests/data/articles/entities-*.txt), their first line the
    title and the rest paragraphs, each with the entities the stage finds, analysed in one batch."""
    names = ["conflict", "politics", "business", "sport", "disaster"]
    events = [structured_by_lines(article(f"entities-{name}.txt"), {0: "title"}) for name in names]
    return dict(zip(names, zip(events, analyzer.analyze(events), strict=True), strict=True))
