"""Structure on the seed article (read from ../shared, never copied here): the product's own case.

Expected values that are the article's own text (title, standfirst, caption) are taken from the
seed's lines, so the article stays out of the project; speakers are asserted as named.
"""

from __future__ import annotations

import pytest

from agents.records import StructuredArticle
from tests.helpers import assert_consistent, structured


@pytest.fixture(scope="module")
def seed(seed_bytes: bytes) -> StructuredArticle:
    return structured(seed_bytes)


def test_structure_seed_is_consistent(seed: StructuredArticle) -> None:
    assert_consistent(seed)


def test_structure_seed_header(seed: StructuredArticle, seed_lines: list[str]) -> None:
    assert seed["title"] == seed_lines[1]  # the line after the junk line
    assert seed["standfirst"] == seed_lines[2]
    assert seed["reading_time_minutes"] == 2
    assert seed["published"] == "2024-12-02"
    assert seed["authors"] == [] and seed["dateline"] is None  # the page prints neither
    assert seed["language"] == "en"
    kinds = [block["kind"] for block in seed["blocks"]]
    assert kinds[:6] == ["furniture", "title", "standfirst", "reading_time", "date", "caption"]
    assert kinds[6:-1] == ["paragraph"] * 14 and kinds[-1] == "furniture"


def test_structure_seed_caption(seed: StructuredArticle, seed_lines: list[str]) -> None:
    (image,) = seed["images"]
    assert seed_lines[5].endswith(" [Getty]")
    assert image["caption"] == seed_lines[5].removesuffix(" [Getty]")
    assert image["credit"] == "Getty"
    assert image["caption"] not in " ".join(seed["paragraphs"])


def test_structure_seed_junk_lines(seed: StructuredArticle, seed_lines: list[str]) -> None:
    # What the repair stage makes of them: GBK read as Latin-1, decoded here with Python's codec.
    first, last = (line.encode("latin-1").decode("gbk") for line in (seed_lines[0], seed_lines[-1]))
    assert [line["text"] for line in seed["furniture"]] == [first, last]
    top, bottom = (line["reason"] for line in seed["furniture"])
    assert "Han script at the top of a Latin-script" in top
    assert "Han script at the bottom of a Latin-script" in bottom
    body = " ".join(seed["paragraphs"])
    assert first not in seed["title"] and first not in body and last not in body
    assert len(seed["paragraphs"]) == 14
    assert seed["word_count"] > 350


def test_structure_seed_quotations_are_all_attributed(seed: StructuredArticle) -> None:
    speakers = [quote["speaker"] for quote in seed["quotes"]]
    assert speakers == [
        "the Syrian Salvation Government",  # "the message read": sent by it
        "the Syrian Salvation Government",  # "it added"
        "a Syrian officer loyal to Assad",  # "... Assad Reuters, adding": the agency dropped
        "Iraqi Prime Minister Mohammed Shia' Al-Sudani and Iranian President Masoud Bazshkian",
    ]
    first, second, officer, joint = seed["quotes"]
    text = seed["text"]
    opening = {block["start"] for block in seed["blocks"] if block["kind"] == "paragraph"}
    for quote in (first, second, officer):
        assert quote["start"] - 1 in opening  # each opens its paragraph
        assert text[quote["end"] : quote["end"] + 2] == ',"'  # the attribution's comma left out
    assert text[joint["start"] - 1] == text[joint["end"]] == '"'


def test_structure_seed_reports_where_its_fields_came_from(seed: StructuredArticle) -> None:
    assert seed["sources"] == {
        "title": "text",
        "standfirst": "text",
        "authors": None,  # the page names no author
        "published": "text",
    }
