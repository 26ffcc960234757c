"""What every entity rule works on: :class:`Words`, a block's tokens read once from the model's
``Doc``; :class:`Tagged`, an entity as a token range of them; the few token tests the rules of
every scope share (a name word, a name particle before one, a possessive, "the port of" before
a name, a dateline's punctuation, a span's text); and tables of named rules: the first to
decide (:func:`first_decision`), some left out (:func:`rules_without`).
Kept apart so the rule modules need not import each other."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from typing import NamedTuple, TypeVar, overload

from spacy.lang.lex_attrs import is_punct
from spacy.tokens import Doc

from agents.entities.tables.places import PLACE_OF_NOUNS
from agents.lexicon import NAME_PARTICLES

#: What a possessive leaves as a token of its own: "Jackson" "'s". (A lone apostrophe is no
#: possessive: it may be a letter, "Mohammed Shia' Al-Sudani" transliterates ʿ.)
POSSESSIVES = frozenset({"'s", "’s"})


class Word:
    """One token as the rules read it: its text, and spaCy's lexical tests of it (the English
    vocabulary's own definitions, which are Python's string tests; a test holds them equal)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    @property
    def lower_(self) -> str:
        return self.text.lower()

    @property
    def is_lower(self) -> bool:
        return self.text.islower()

    @property
    def is_upper(self) -> bool:
        return self.text.isupper()

    @property
    def is_alpha(self) -> bool:
        return self.text.isalpha()

    @property
    def is_punct(self) -> bool:
        return is_punct(self.text)


class Words:
    """A block's tokens, read from the model's ``Doc`` once: the rules index them thousands of
    times an article, and each index of a ``Doc`` builds a new ``Token`` (that was half the
    rules' time). Indexed and sliced as a ``Doc`` is; a slice is a :class:`WordSpan`."""

    __slots__ = ("_names", "_starts", "doc", "text", "words")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.words = [Word(token.text) for token in doc]
        self._starts: list[int] = doc.to_array("IDX").tolist() if self.words else []
        self._names: list[bool] | None = None

    @property
    def names(self) -> list[bool]:
        """Whether each token is a name word (:func:`is_name_word`): the block scans test it
        at every token."""
        if self._names is None:
            self._names = [is_name_word(word) for word in self.words]
        return self._names

    @property
    def ents(self) -> tuple:
        """The model's entities (spaCy spans)."""
        return self.doc.ents

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[Word]:
        return iter(self.words)

    @overload
    def __getitem__(self, key: int) -> Word: ...
    @overload
    def __getitem__(self, key: slice) -> WordSpan: ...
    def __getitem__(self, key: int | slice) -> Word | WordSpan:
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self.words))
            return WordSpan(self, start, max(start, stop))
        return self.words[key]

    def text_of(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end`` (exclusive), as ``Doc[start:end].text``."""
        if start >= end:
            return ""
        last = end - 1
        return self.text[self._starts[start] : self._starts[last] + len(self.words[last].text)]


class WordSpan:
    """Tokens ``start`` to ``end`` (exclusive) of :class:`Words`, as a ``Doc``'s ``Span``."""

    __slots__ = ("_words", "end", "start")

    def __init__(self, words: Words, start: int, end: int) -> None:
        self._words, self.start, self.end = words, start, end

    @property
    def text(self) -> str:
        return self._words.text_of(self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Word]:
        return iter(self._words.words[self.start : self.end])

    def __getitem__(self, i: int) -> Word:
        return self._words.words[self.start : self.end][i]


class Tagged(NamedTuple):
    """An entity in one block: tokens ``start`` to ``end`` (exclusive) of its :class:`Words`."""

    start: int
    end: int
    label: str


def particle_then_name(doc: Words, i: int) -> bool:
    """Tokens ``i`` and ``i + 1`` are a name particle and a name word ("do Sul")."""
    return i + 1 < len(doc) and doc[i].text in NAME_PARTICLES and is_name_word(doc[i + 1])


def is_name_word(token: Word) -> bool:
    text = token.text
    # An upper-case first character is a letter but for a few symbols ("Ⅻ", "Ⓐ").
    return text[:1].isupper() and (text[0].isalpha() or any(ch.isalpha() for ch in text))


def span_text(doc: Words, span: Tagged) -> str:
    return doc.text_of(span.start, span.end)


def after_place_of_noun(doc: Words, start: int) -> bool:
    """Token ``start`` follows "<place noun> of" ("the port of Rotterdam")."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_OF_NOUNS


def opens_dateline(doc: Words, end: int) -> bool:
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
