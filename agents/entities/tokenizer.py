"""What the model's tokenizer is given: the block's text, defused, at the same length.

spaCy's tokenizer strips prefix and suffix punctuation one character at a time, slicing what is
left each time, so a run of punctuation with no space in it costs the square of its length:
5,000 opening quotes or brackets took 1.8 s, 20,000 took 30 s, and a block of 200,000 would hold
the worker for most of an hour. A long chunk without spaces is quadratic too, whatever is in it
("a:a:a:..." of 64,000 characters took 2 minutes). And the model's own cost is per token, so a
block that splits into a token a character ("a-a-a-...") costs five times ordinary prose of the
same length.

So the tokenizer reads a copy of the text in which

1. a run of more than :data:`MAX_PUNCT_RUN` punctuation marks keeps its first and last
   :data:`KEPT_PUNCT` marks and has spaces in between;
2. a chunk without spaces longer than :data:`MAX_CHUNK` has a space every :data:`MAX_CHUNK`
   characters;
3. in a block that still gives more than :data:`MAX_TOKENS_PER_CHAR` tokens a character, every
   punctuation mark is a space.

Every change puts one character in place of one, so every token's offsets are offsets into the
block's real text: an entity's text is taken from there, not from the tokens. Ordinary prose
meets none of these (news has runs of three or four marks, words under 40 characters, about 0.2
tokens a character) and is tokenized exactly as before; the rest costs at most a few times as
much per character as prose, and grows with its length, not its square.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from agents.records import Block

#: Longest run of punctuation read as it is: "...", "?!", "”)." and rules of dashes stay.
MAX_PUNCT_RUN = 8
#: Marks kept at each end of a longer run, so that "((((" still reads as brackets.
KEPT_PUNCT = 3
#: Longest chunk without spaces read as it is: URLs and hashtags are shorter.
MAX_CHUNK = 100
#: Above this many tokens a character a block is no prose (English news: about 0.2; a list of
#: numbers "1, 2, 3": 0.67); punctuation then goes, leaving at most one token in two characters.
MAX_TOKENS_PER_CHAR = 0.5
#: Blocks of fewer tokens than this are left as they are, however dense.
MIN_DENSE_TOKENS = 64
#: Longest piece of a block the model reads as one text. News paragraphs are shorter (the
#: longest of the labelled sets: about 1,200 characters); a longer block is cut at the last
#: sentence end, else the last space, in the second half of each piece.
MAX_PIECE_CHARS = 2_000

# Each starts only where its run starts, so that no position is scanned twice.
_PUNCT_RUN = re.compile(rf"(?<![^\w\s])[^\w\s]{{{MAX_PUNCT_RUN + 1},}}")
_LONG_CHUNK = re.compile(rf"(?<!\S)\S{{{MAX_CHUNK + 1},}}")
_PUNCT = re.compile(r"[^\w\s]+")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")


def defuse(text: str) -> str:
    """``text`` with long punctuation runs and long chunks broken by spaces, at its length.

    >>> defuse("Wait" + "(" * 12 + "now")
    'Wait(((      (((now'
    >>> len(defuse("x" * 250).split())
    3
    """
    if _PUNCT_RUN.search(text):
        text = _PUNCT_RUN.sub(_hollow, text)
    if _LONG_CHUNK.search(text):
        text = _LONG_CHUNK.sub(_cut, text)
    return text


def sparse(text: str) -> str:
    """``text`` with every punctuation mark a space, at its length.

    >>> sparse("a-b-c, d")
    'a b c  d'
    """
    return _PUNCT.sub(lambda match: " " * len(match.group()), text)


class BoundedTokenizer:
    """A spaCy tokenizer that reads :func:`defuse`'d text, and :func:`sparse` text where that
    is still too dense: time linear in the text's length, tokens at most one in two characters.
    The ``Doc``'s text may differ from the text given, character for character at the same
    offsets; read names from the real text."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        safe = defuse(text)
        doc = self.tokenizer(safe)
        if len(doc) > max(MIN_DENSE_TOKENS, MAX_TOKENS_PER_CHAR * len(text)):
            doc = self.tokenizer(sparse(safe))
        return doc

    def __getattr__(self, name: str) -> object:
        # What else spaCy asks of its tokenizer (vocab, to_disk, ...) is the wrapped one's.
        return getattr(self.tokenizer, name)


def model_pieces(text: str, block: Block) -> list[Block]:
    """``block`` of ``text`` as the model reads it: in pieces of at most :data:`MAX_PIECE_CHARS`,
    each of the block's kind, cut after a sentence where one ends in the second half of a piece.

    >>> text = "One. " * 1000
    >>> [p["end"] - p["start"] for p in model_pieces(text, {"kind": "paragraph", "start": 0,
    ...  "end": 5000})]
    [2000, 2000, 1000]
    """
    start, end = block["start"], block["end"]
    if end - start <= MAX_PIECE_CHARS:
        return [block]
    pieces: list[Block] = []
    while end - start > MAX_PIECE_CHARS:
        limit = start + MAX_PIECE_CHARS
        half = start + MAX_PIECE_CHARS // 2
        cut = _last_end(_SENTENCE_END, text, half, limit) or _last_end(_SPACE, text, half, limit)
        cut = cut or limit
        pieces.append({**block, "start": start, "end": cut})
        start = cut
    pieces.append({**block, "start": start, "end": end})
    return pieces


def _last_end(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    """The end of the last match of ``pattern`` in ``text[start:end]``, if any."""
    found = None
    for match in pattern.finditer(text, start, end):
        found = match.end()
    return found


def _hollow(run: re.Match[str]) -> str:
    marks = run.group()
    return marks[:KEPT_PUNCT] + " " * (len(marks) - 2 * KEPT_PUNCT) + marks[-KEPT_PUNCT:]


def _cut(chunk: re.Match[str]) -> str:
    chars = list(chunk.group())
    cuts = chars[MAX_CHUNK :: MAX_CHUNK + 1]
    chars[MAX_CHUNK :: MAX_CHUNK + 1] = " " * len(cuts)
    return "".join(chars)
