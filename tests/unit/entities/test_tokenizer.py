"""What the model's tokenizer reads (agents.entities.tokenizer): the block defused at its length,
so that no text costs the tokenizer or the model more than linear time. The work is bounded by
construction: what reaches spaCy's tokenizer has no long punctuation run and no long chunk, and
never more than one token in two characters."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from agents.entities.tokenizer import (
    MAX_CHUNK,
    MAX_PIECE_CHARS,
    MAX_PUNCT_RUN,
    MAX_TOKENS_PER_CHAR,
    MIN_DENSE_TOKENS,
    BoundedTokenizer,
    defuse,
    model_pieces,
    sparse,
)
from tests.helpers import structured_by_lines

#: Runs that spaCy's tokenizer strips a character at a time (quadratic), and chunks it reads in
#: the square of their length: each was measured growing fourfold or more for twice the length.
QUADRATIC_RUNS = ["“", "(", ")", '"', "'", "«", "[", "$", "%", "#", "*", "&", "…", "?", "😀", "’"]
QUADRATIC_CHUNKS = ["a:", "a:b", "!?", "a-"]


def _longest(pattern: str, text: str) -> int:
    return max((len(m) for m in re.findall(pattern, text)), default=0)


class _Recording:
    """A tokenizer that records what it is given and splits at spaces."""

    def __init__(self, tokenizer):
        self.tokenizer, self.seen = tokenizer, []

    def __call__(self, text):
        self.seen.append(text)
        return self.tokenizer(text)


@pytest.mark.parametrize("mark", QUADRATIC_RUNS)
def test_tokenizer_defuse_hollows_a_long_run_of_punctuation_at_its_length(mark):
    text = "He said " + mark * 20_000 + " Aleppo fell."
    safe = defuse(text)
    assert len(safe) == len(text)
    assert _longest(r"[^\w\s]+", safe) <= MAX_PUNCT_RUN
    assert safe.startswith("He said " + mark * 3) and safe.endswith(mark * 3 + " Aleppo fell.")


@pytest.mark.parametrize("unit", QUADRATIC_CHUNKS)
def test_tokenizer_defuse_cuts_a_long_chunk_at_its_length(unit):
    text = "In Aleppo " + unit * 30_000
    safe = defuse(text)
    assert len(safe) == len(text) and safe.startswith("In Aleppo ")
    assert _longest(r"\S+", safe) <= MAX_CHUNK


def test_tokenizer_defuse_leaves_prose_alone():
    prose = "“We will rebuild,” the mayor said (AFP)... Prices rose 3.5% to $1,200?!"
    assert defuse(prose) == prose


def test_tokenizer_sparse_turns_punctuation_into_spaces_at_its_length():
    assert sparse("a-b:c, (d)") == "a b c   d "


@pytest.mark.parametrize("text", [mark * 20_000 for mark in QUADRATIC_RUNS[:4]])
def test_tokenizer_bounded_gives_spacy_only_short_runs_and_offsets_into_the_text(tokenizer, text):
    recording = _Recording(tokenizer.tokenizer)
    doc = BoundedTokenizer(recording)(text)
    assert all(_longest(r"[^\w\s]+", seen) <= MAX_PUNCT_RUN for seen in recording.seen)
    assert len(doc.text) == len(text)


@pytest.mark.parametrize("unit", ["a-", "a:", "a,", "(a", "1.2.", "a’"])
def test_tokenizer_bounded_reads_dense_text_at_most_one_token_in_two_characters(tokenizer, unit):
    text = unit * 5_000
    doc = BoundedTokenizer(tokenizer.tokenizer)(text)
    assert len(doc) <= max(MIN_DENSE_TOKENS, MAX_TOKENS_PER_CHAR * len(text))
    assert len(doc.text) == len(text)


def test_tokenizer_bounded_tokenizes_prose_as_spacy_does(tokenizer):
    prose = "The World Health Organization (WHO) said on Monday that 1,200 people (at least) died."
    bounded = BoundedTokenizer(tokenizer.tokenizer)(prose)
    assert [t.text for t in bounded] == [t.text for t in tokenizer.tokenizer(prose)]


def test_tokenizer_model_pieces_tile_a_long_paragraph_cut_after_sentences():
    text = "The river rose again. " * 2_000
    block = {"kind": "paragraph", "start": 0, "end": len(text)}
    pieces = model_pieces(text, block)
    assert pieces[0]["start"] == 0 and pieces[-1]["end"] == len(text)
    assert all(a["end"] == b["start"] for a, b in pairwise(pieces))
    assert all(p["end"] - p["start"] <= MAX_PIECE_CHARS for p in pieces)
    assert all(text[p["start"] : p["end"]].endswith("again. ") for p in pieces)
    assert {p["kind"] for p in pieces} == {"paragraph"}


def test_tokenizer_model_pieces_cut_text_without_spaces_at_the_limit():
    text = "x" * (3 * MAX_PIECE_CHARS + 5)
    pieces = model_pieces(text, {"kind": "paragraph", "start": 0, "end": len(text)})
    assert [p["end"] - p["start"] for p in pieces] == [MAX_PIECE_CHARS] * 3 + [5]


@pytest.mark.model
@pytest.mark.parametrize("junk", ["“" * 20_000, "(" * 20_000, "a:" * 3_000, "a-" * 3_000])
def test_tokenizer_hostile_paragraph_keeps_the_entities_and_their_offsets(analyzer, junk):
    """Before: 20,000 opening quotes held the model for 30 s, "a:" repeated 20,000 times for
    tens of seconds; the names beside them are found, at their offsets, with their text."""
    event = structured_by_lines(f"Rebels reach Aleppo\nFighters entered Damascus {junk} on Monday.")
    (entities,) = analyzer.analyze([event])
    names = {entity["name"] for entity in entities}
    assert {"Aleppo", "Damascus"} <= names
    for entity in entities:
        for mention in entity["mentions"]:
            assert event["text"][mention["start"] : mention["end"]] == mention["text"]
