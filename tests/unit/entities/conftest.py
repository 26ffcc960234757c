"""Fixtures of the unit tests that test rules on docs tokenised without a model."""

from __future__ import annotations

import pytest
import spacy

from agents.entities.gazetteer import Gazetteer, default_gazetteer


@pytest.fixture(scope="session")
def tokenizer() -> spacy.language.Language:
    """A blank English pipeline: spaCy's tokens, no model, so tests build their own entities."""
    return spacy.blank("en")


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()
