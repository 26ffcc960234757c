"""Fixtures shared by every test: settings, the shared seed article, the NER analyzer."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.entities import EntityAnalyzer
from agents.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env({})


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    """The seed article, read from ../shared (never copied into the project)."""
    path = SHARED / "samples" / "seed-article.txt"
    if not path.is_file():
        pytest.skip(f"the seed article is not there: {path} (../shared sits beside the project)")
    return path.read_bytes()


@pytest.fixture(scope="session")
def analyzer(settings: Settings) -> EntityAnalyzer:
    """The real spaCy model, loaded once per session."""
    return EntityAnalyzer(settings.model)
