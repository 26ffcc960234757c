"""What every entity rule works on: :class:`Tagged`, an entity as a token range of one block's
``Doc``, and the few token tests the rules of every scope share (a name word, a place-name
particle before one, a span's text). Kept apart so the rule modules need not import each other."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

from agents.lexicon import NAME_PARTICLES


class Tagged(NamedTuple):
    """An entity in one block: tokens ``start`` to ``end`` (exclusive) of its ``Doc``."""

    start: int
    end: int
    label: str


def particle_then_name(doc: Doc, i: int) -> bool:
    """Tokens ``i`` and ``i + 1`` are a name particle and a name word ("do Sul")."""
    return i + 1 < len(doc) and doc[i].text in NAME_PARTICLES and is_name_word(doc[i + 1])


def is_name_word(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def span_text(doc: Doc, span: Tagged) -> str:
    return doc[span.start : span.end].text
