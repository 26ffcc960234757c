"""Structure metadata: bylines, reading times, captions and datelines read from their lines."""

from __future__ import annotations

import pytest

from agents.structure.metadata import (
    Byline,
    Caption,
    parse_byline,
    parse_caption,
    parse_dateline,
    parse_reading_time,
    read_metadata_line,
)


@pytest.mark.parametrize(
    ("line", "authors", "agency"),
    [
        ("By Jane Doe", ("Jane Doe",), None),
        ("By Jane Doe and Omar Haddad", ("Jane Doe", "Omar Haddad"), None),
        ("BY HANNA DE VRIES & Tomas Berg", ("HANNA DE VRIES", "Tomas Berg"), None),
        (
            "By Hanna de Vries, Omar al-Sharif and Li Wei",
            ("Hanna de Vries", "Omar al-Sharif", "Li Wei"),
            None,
        ),
        ("By Jane Doe, Reuters", ("Jane Doe",), "Reuters"),
        (
            "By Jane Doe and Omar Haddad Associated Press",
            ("Jane Doe", "Omar Haddad"),
            "Associated Press",
        ),
        ("By Jane Doe (AFP)", ("Jane Doe",), "AFP"),
        ("By Reuters Staff", (), "Reuters"),
        ("By Jane Doe, Middle East correspondent", ("Jane Doe",), None),
        ("By Jane Doe in Beirut", ("Jane Doe",), None),
        ("Written by Lina Haddad", ("Lina Haddad",), None),
        ("Posted by Lina Haddad", ("Lina Haddad",), None),
        ("Editor: Tom Hale", (), None),  # an editor credit: metadata, not an author
        (
            "Reporting by Jane Doe in Beirut and Omar Haddad; Editing by Tom Hale",
            ("Jane Doe", "Omar Haddad"),
            None,
        ),
    ],
)
def test_structure_metadata_reads_bylines(
    line: str, authors: tuple[str, ...], agency: str | None
) -> None:
    assert parse_byline(line) == Byline(authors, agency)


@pytest.mark.parametrize(
    "line",
    [
        "By the time the rebels arrived, the town was empty.",
        "By noon, thousands had gathered in the square.",
        "Bystanders filmed the collapse.",
        "By 2030 the plant will close",
    ],
)
def test_structure_metadata_takes_no_sentence_for_a_byline(line: str) -> None:
    assert parse_byline(line) is None
    assert read_metadata_line(line) is None


@pytest.mark.parametrize(
    ("line", "minutes"),
    [("2 min read", 2), ("5-minute read", 5), ("Reading time: 4 minutes", 4), ("⏱ 7 mins read", 7)],
)
def test_structure_metadata_reads_stated_reading_times(line: str, minutes: int) -> None:
    assert parse_reading_time(line) == minutes


@pytest.mark.parametrize(
    "line", ["3 minutes", "5 min", "Read more", "It took 5 minutes to read the verdict."]
)
def test_structure_metadata_never_takes_a_duration_for_a_reading_time(line: str) -> None:
    assert parse_reading_time(line) is None


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Smoke rises over the port [Getty]", "Smoke rises over the port", "Getty"),
        ("Smoke rises over the port (Getty Images)", "Smoke rises over the port", "Getty Images"),
        (
            "Residents wade through a street in Porto Alegre (AFP)",
            "Residents wade through a street in Porto Alegre",
            "AFP",
        ),
        ("A man walks past ruins. Photo: Reuters", "A man walks past ruins.", "Reuters"),
        (
            "Boats at dawn. Photograph: Paolo Greco/Getty Images",
            "Boats at dawn.",
            "Paolo Greco/Getty Images",
        ),
        ("Crowds outside parliament | Credit: Ana Ruiz", "Crowds outside parliament", "Ana Ruiz"),
        ("The new bridge (AP Photo/Rui Costa)", "The new bridge", "AP Photo/Rui Costa"),
        ("Firefighters at work [Ana Ruiz]", "Firefighters at work", "Ana Ruiz"),
    ],
)
def test_structure_metadata_reads_captions_and_credits(
    line: str, caption: str, credit: str
) -> None:
    assert parse_caption(line) == Caption(caption, credit)
    found = read_metadata_line(line)
    assert found is not None and found.kind == "caption"


@pytest.mark.parametrize(
    "line",
    [
        "Talks were led by Hayat Tahrir al-Sham (HTS)",  # an acronym in brackets
        "No tsunami warning was issued, the survey said. (AFP)",  # an agency's sign-off
        "The council met on Monday [see map]",
        "Smoke rises over the port",
    ],
)
def test_structure_metadata_takes_no_other_line_for_a_caption(line: str) -> None:
    assert parse_caption(line) is None


def test_structure_metadata_reads_statements_joined_on_one_line() -> None:
    found = read_metadata_line("By Jane Doe | 5 min read | Updated 3 March 2025")
    assert found is not None and found.kind == "byline"
    assert found.byline == Byline(("Jane Doe",), None) and found.minutes == 5
    assert found.date is not None and found.date.is_update
    role = read_metadata_line("By Aisha Rahman | Economics correspondent")
    assert role is not None and role.byline == Byline(("Aisha Rahman",), None)
    assert read_metadata_line("Storm | Floods | 2 min read") is None  # not every part is metadata
    posted = read_metadata_line("Posted on 22 April 2025 by Owen Marsh")
    assert posted is not None and posted.kind == "date"
    assert posted.byline == Byline(("Owen Marsh",), None) and posted.date is not None
    assert read_metadata_line("Ferries were stopped by the storm on 2 May 2025") is None


@pytest.mark.parametrize(
    ("paragraph", "text", "place", "agency"),
    [
        ("BEIRUT (Reuters) - Rebels said ...", "BEIRUT (Reuters) -", "BEIRUT", "Reuters"),
        (
            "WASHINGTON, Dec 2 (Reuters) — The ...",
            "WASHINGTON, Dec 2 (Reuters) —",
            "WASHINGTON",
            "Reuters",
        ),
        ("Washington (CNN) — The ...", "Washington (CNN) —", "Washington", "CNN"),
        ("LONDON — The ...", "LONDON —", "LONDON", None),
        (
            "GAZA CITY, Gaza Strip (AP) — The ...",
            "GAZA CITY, Gaza Strip (AP) —",
            "GAZA CITY, Gaza Strip",
            "AP",
        ),
        (
            "BEIRUT/BAGHDAD (Reuters) -- The ...",
            "BEIRUT/BAGHDAD (Reuters) --",
            "BEIRUT/BAGHDAD",
            "Reuters",
        ),
    ],
)
def test_structure_metadata_reads_datelines(
    paragraph: str, text: str, place: str, agency: str | None
) -> None:
    assert parse_dateline(paragraph) == {"text": text, "place": place, "agency": agency}


@pytest.mark.parametrize(
    "paragraph",
    [
        "Officials — most of them unnamed — said the talks failed.",
        "The UN - which has run the camp since 1950 - said ...",
        "LONDON Britain's biggest bakery chain will close 40 shops.",
        "In Beirut (Lebanon), the talks went on.",
    ],
)
def test_structure_metadata_finds_no_dateline_in_an_ordinary_opening(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


@pytest.mark.parametrize("pad", [" ", "\t", '"'])
def test_metadata_a_short_line_padded_with_thousands_of_characters_is_no_metadata(pad):
    """A line of a few words was read by every metadata parser whatever its length; its byline
    separators read a run of spaces in the square of its length."""
    assert read_metadata_line("By Jane" + pad * 50_000 + "Doe | 2 min read") is None
    assert parse_byline("By Jane Doe" + " " * 20_000 + "and John Roe") is not None


@pytest.mark.parametrize("spaces", [1_000, 50_000])
def test_metadata_a_caption_or_dateline_padded_with_spaces(spaces):
    """Their spaces were read in the cube of their number: 16,000 took seconds."""
    caption = parse_caption("Crowds at the port" + " " * spaces + "[Getty]")
    assert caption is not None and caption.credit == "Getty"
    assert parse_caption("He said:" + " " * spaces + "we will rebuild") is None
    dateline = parse_dateline("BEIRUT" + " " * spaces + "(Reuters) - The army said")
    assert dateline is not None and dateline["agency"] == "Reuters"
