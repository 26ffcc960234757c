"""Inputs for the property tests: anything a producer may send. Arbitrary bytes and Unicode,
raw JSON records with fields mutated, and real-looking articles and pages
(:mod:`tests.quality.pages`) mutated, re-encoded in another codec, truncated."""

from __future__ import annotations

import base64
import json

from hypothesis import strategies as st

from tests.quality.pages import news_page, news_text

#: Every codec a wire may use, and a few it should not.
CODECS = [
    "utf-8", "utf-16", "cp1252", "latin-1", "gbk", "big5", "shift_jis", "euc-kr", "cp1251",
    "koi8-r", "iso-8859-7", "utf-8-sig",
]  # fmt: skip
#: Characters that break things: controls, bidi marks, zero-width, surrogate-adjacent, quotes.
HOSTILE_CHARS = (
    "\x00\x01\x1b\x7f\x85\x9d\u200b\u200e\u200f\u202a\u202b\u202e\u2066\u2069\ufeff\ufffd"
    "“”‘’«»\"'()[]<>&;#…—\n\r\t  "
)
#: Fragments of markup and of the shapes the rules look for.
FRAGMENTS = [
    "<div>", "</div>", "<p>", "<script>", "<!--", "&amp;", "&#x", "<figcaption>", "By ",
    "said: “", "”, he said.", "Mr. ", " (WHO) ", "at least 5 ", "12 March 2024", "2 min read",
    "Photo: ", "[Getty]", "BEIRUT (Reuters) - ", "Ã©", "â€™", "Ð¿", "\u202e", "((((((", "......",
]  # fmt: skip

unicode_text = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from(HOSTILE_CHARS), max_size=600
)


@st.composite
def mutated(draw: st.DrawFn, base: str) -> str:
    """``base`` with a few pieces inserted, deleted, repeated or cut."""
    text = base
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "fragment", "delete", "repeat", "cut"]))
        if kind == "insert":
            text = text[:at] + draw(unicode_text) + text[at:]
        elif kind == "fragment":
            piece = draw(st.sampled_from(FRAGMENTS)) * draw(st.integers(1, 300))
            text = text[:at] + piece + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(0, 400)) :]
        elif kind == "repeat":
            text = text[:at] + text[at : at + 40] * draw(st.integers(1, 200)) + text[at:]
        else:
            text = text[:at]
    return text


@st.composite
def article_text(draw: st.DrawFn) -> str:
    base = news_text(draw(st.integers(200, 4_000)), seed=draw(st.integers(0, 50)))
    return draw(mutated(base))


@st.composite
def page_markup(draw: st.DrawFn) -> str:
    size, words = draw(st.integers(3_000, 40_000)), draw(st.integers(50, 600))
    page = news_page(markup_bytes=size, words=words, seed=draw(st.integers(0, 20)))
    return draw(mutated(page.decode("utf-8")))


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str]) -> bytes:
    """Text in one of the wire's codecs (what it cannot encode replaced)."""
    return draw(text).encode(draw(st.sampled_from(CODECS)), errors="replace")


@st.composite
def json_record(draw: st.DrawFn) -> bytes:
    """A raw JSON record, often valid, often not: fields of the wrong type, unknown or missing,
    both text and body, base64 that is not, and the document itself cut or corrupted."""
    record: dict = {"source": "wire", "text": draw(article_text() | unicode_text)}
    if draw(st.booleans()):
        body = draw(encoded(article_text()))
        record = {"source": "wire", "body_b64": base64.b64encode(body).decode("ascii")}
        record["charset"] = draw(st.sampled_from([None, "utf-8", "gbk", "nonsense"]))
    for _ in range(draw(st.integers(0, 2))):
        field = draw(st.sampled_from(["title", "published", "url", "text", "body_b64", "xyz"]))
        record[field] = draw(st.none() | st.integers() | unicode_text | st.lists(st.integers()))
    data = json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8")
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=8)) + data[at + 1 :]
    return data


#: Any value a producer may publish on the raw topic.
raw_values = st.one_of(
    st.binary(max_size=3_000),
    unicode_text.map(lambda text: text.encode("utf-8")),
    encoded(article_text()),
    encoded(page_markup()),
    article_text().map(lambda text: text.encode("utf-8")),
    json_record(),
)
