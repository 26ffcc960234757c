"""A block's Words read as spaCy's Doc reads: every token's text and lexical tests, and the text
of every slice, on text that mixes scripts, cases, punctuation, digits and spaces."""

from __future__ import annotations

from spacy.language import Language

from agents.entities.tokens import Words

TEXT = (
    "BEIRUT (Reuters) – Ḩamāh’s mayor, Dr. Rania al-Khoury, said “we’ll rebuild” on Monday;  "
    "the M23 group's 3-1 win… in São Paulo\nİstanbul ΑΘΗΝΑ Ⅻ Ⓐ 😀 U.S. AT&T 1,200 people?!"
)


def test_words_give_every_tokens_text_and_tests_as_spacy_does(tokenizer: Language) -> None:
    doc = tokenizer(TEXT)
    words = Words(doc)
    assert len(words) == len(doc) > 40
    for word, token in zip(words, doc, strict=True):
        assert (word.text, word.lower_) == (token.text, token.lower_)
        assert (word.is_lower, word.is_upper, word.is_alpha, word.is_punct) == (
            token.is_lower,
            token.is_upper,
            token.is_alpha,
            token.is_punct,
        ), token.text


def test_words_slices_have_the_docs_text(tokenizer: Language) -> None:
    doc = tokenizer(TEXT)
    words = Words(doc)
    n = len(doc)
    for start in range(-2, n + 2):
        for end in range(start - 2, min(n + 2, start + 9)):
            assert words[start:end].text == doc[start:end].text, (start, end)
            assert [w.text for w in words[start:end]] == [t.text for t in doc[start:end]]
    assert words[-1].text == doc[-1].text
    assert words.text == doc.text
