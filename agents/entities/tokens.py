"""What every entity rule works on: :class:`Tagged`, an entity as a token range of one block's
``Doc``, and the few token tests the rules of every scope share (a name word, a name particle
before one, a possessive, "the port of" before a name, a dateline's punctuation, a span's text),
and tables of named rules: the first to decide (:func:`first_decision`), some left out
(:func:`rules_without`).
Kept apart so the rule modules need not import each other."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import NamedTuple, TypeVar

from spacy.tokens import Doc, Token

from agents.entities.tables.places import PLACE_OF_NOUNS
from agents.lexicon import NAME_PARTICLES

#: What a possessive leaves as a token of its own: "Jackson" "'s". (A lone apostrophe is no
#: possessive: it may be a letter, "Mohammed Shia' Al-Sudani" transliterates ʿ.)
POSSESSIVES = frozenset({"'s", "’s"})


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


def after_place_of_noun(doc: Doc, start: int) -> bool:
    """Token ``start`` follows "<place noun> of" ("the port of Rotterdam")."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_OF_NOUNS


def opens_dateline(doc: Doc, end: int) -> bool:
    """Token ``end`` is the punctuation after a dateline's place: "BEIRUT (", "BEIRUT -"."""
    return end < len(doc) and doc[end].text in {"(", "-", "–", "—", ","}


Rule = TypeVar("Rule", bound=Callable)


def first_decision(
    rules: Sequence[tuple[str, Callable[..., str | None]]], *args: object
) -> str | None:
    """What the first of ``rules`` to decide on ``args`` decides (a label); None if none does.

    >>> first_decision((("none", lambda text: None), ("upper", str.upper)), "gpe")
    'GPE'
    """
    return next((found for _name, rule in rules if (found := rule(*args)) is not None), None)


def rules_without(
    rules: Sequence[tuple[str, Rule]], names: Collection[str]
) -> tuple[tuple[str, Rule], ...]:
    """A table of named rules, in order, less the rules ``names`` names: an ablation's table.

    >>> rules_without((("a", len), ("b", abs)), {"a"})
    (('b', <built-in function abs>),)
    """
    unknown = set(names) - {name for name, _rule in rules}
    if unknown:
        known = ", ".join(name for name, _rule in rules)
        raise ValueError(f"no rule named {', '.join(sorted(unknown))}; the rules: {known}")
    return tuple((name, rule) for name, rule in rules if name not in names)
