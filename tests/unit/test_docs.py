"""The docs that are generated from the code stay equal to what the code generates."""

from __future__ import annotations

from agents.settings import reference
from tests.conftest import ROOT


def test_docs_configuration_is_generated_from_the_settings() -> None:
    written = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert written == reference(), "regenerate: python -m agents.settings > docs/configuration.md"
