"""Entities made by hand on docs tokenised without a model, for the rule tests."""

from __future__ import annotations

import re
from collections.abc import Callable

from agents.entities.tokens import Tagged, Words

#: Makes a block's :class:`Words` of a text (the ``words`` fixture).
WordsOf = Callable[[str], Words]


def span_of(doc: Words, text: str, label: str, nth: int = 0) -> Tagged:
    """The tokens of the ``nth`` occurrence of ``text`` in ``doc`` that falls on token
    boundaries, as an entity."""
    spans = [doc.doc.char_span(m.start(), m.end()) for m in re.finditer(re.escape(text), doc.text)]
    span = [s for s in spans if s is not None][nth]
    return Tagged(span.start, span.end, label)


def labels_of(doc: Words, spans: list[Tagged]) -> list[tuple[str, str]]:
    return [(doc[s.start : s.end].text, s.label) for s in spans]
