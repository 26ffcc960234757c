from __future__ import annotations

import pytest
from spacy.language import Language

from agents.entities.tokens import Words
from tests.unit.entities.rules.tagging import WordsOf


@pytest.fixture(scope="session")
def words(tokenizer: Language) -> WordsOf:
    """A block's words as the rules read them, from spaCy's tokens (no model)."""
    return lambda text: Words(tokenizer(text))
