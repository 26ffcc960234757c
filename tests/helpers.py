"""Helpers for tests: run the early stages on an article, read our own test articles."""

from __future__ import annotations

from pathlib import Path

from agents.intake import parse_raw_record
from agents.pipeline import run_repair, run_structure
from agents.records import RepairedArticle, StructuredArticle
from agents.settings import Settings

ARTICLES = Path(__file__).resolve().parent / "articles"


def repaired(text: str | bytes, settings: Settings | None = None) -> RepairedArticle:
    """Run intake and repair on an article, as the repair agent would."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    settings = settings or Settings.from_env({})
    raw = parse_raw_record(None, data, max_bytes=settings.max_record_bytes)
    return run_repair(raw, settings)


def structured(text: str | bytes) -> StructuredArticle:
    """Run intake, repair and structure on an article."""
    return run_structure(repaired(text))


def article(name: str) -> str:
    """One of our own test articles from tests/articles/."""
    return (ARTICLES / name).read_text(encoding="utf-8")
