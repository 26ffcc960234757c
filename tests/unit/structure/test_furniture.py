"""Furniture: junk and page furniture found with a reason; article text, in any script, kept."""

from __future__ import annotations

import pytest

from agents.structure.furniture import (
    MOJIBAKE,
    SYMBOLS,
    foreign_script_reason,
    furniture_reason,
    is_list_item,
    is_list_label,
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share", "share, follow or print buttons"),
        ("Facebook Twitter WhatsApp Email", "share, follow or print buttons"),
        ("Share | Tweet | Print", "share, follow or print buttons"),
        ("Share this article", "share, follow or print buttons"),
        ("Share on Facebook", "share, follow or print buttons"),
        ("Follow us on X", "share, follow or print buttons"),
        ("Copy link", "share, follow or print buttons"),
        ("Read more", "link to another article"),
        ("READ MORE: Ferry fares rise again", "link to another article"),
        ("Related: Storm hits the coast", "link to another article"),
        ("Most read", "link to another article"),
        ("Advertisement", "advertising"),
        ("Story continues below advertisement", "advertising"),
        ("Accept all cookies", "cookie banner"),
        ("Sign up", "newsletter sign-up"),
        ("Sign up for our daily newsletter", "newsletter sign-up"),
        ("Subscribe to continue reading", "newsletter sign-up"),
        ("Get the morning briefing in your inbox, free", "newsletter sign-up"),
        ("Skip to content", "site navigation"),
        ("Home | Markets | Tech", "site navigation"),
        ("News · Sport · Weather", "site navigation"),
        ("© 2025 Example Media. All rights reserved.", "copyright notice"),
        ("Comments (12)", "comments link"),
        ("Image 1 of 5", "media player or gallery label"),
        ("Listen to this article", "media player or gallery label"),
        ("Tags: ports, strikes, Chile", "tag list"),
        ("* * *", SYMBOLS),
        ("———", SYMBOLS),
    ],
)
def test_furniture_finds_page_furniture(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason


def test_furniture_finds_a_long_cookie_banner() -> None:
    banner = (
        "We use cookies and similar technologies to remember your settings, measure how our pages "
        "are used and show you relevant advertising. By continuing you accept our cookie policy."
    )
    assert furniture_reason(banner) == "cookie banner"


@pytest.mark.parametrize(
    ("original", "codec"),
    [("漫画新闻", "gbk"), ("ニュース速報", "shift_jis"), ("속보", "euc-kr"), ("Новости", "cp1251")],
)
def test_furniture_finds_legacy_bytes_read_as_latin1(original: str, codec: str) -> None:
    """A site name in a legacy CJK or Cyrillic encoding, decoded as Latin-1: no word survives."""
    mojibake = original.encode(codec).decode("latin-1")
    assert furniture_reason(mojibake) == MOJIBAKE


@pytest.mark.parametrize(
    "line",
    [
        "The army said it had retaken the town on Sunday.",
        "Syria rebels and Iraq: a border under strain",
        "Live: Storm Halvard batters the west coast",
        "By Jane Doe | 5 min read | 3 March 2025",
        "The ministry's weekly newsletter said the plan was delayed.",
        "The bakery sold cookies at the school fair.",
        "She signed up for the army in 2010.",
        "Ça va, Zoë? Über die Brücke.",
        "Ñandú",
        "央行周二表示，将继续实施稳健的货币政策。",
        "Центральный банк сохранил ключевую ставку.",
        "أعلنت الحكومة عن إجراءات جديدة.",
        "Follow the money",
        "Share prices fell 4% in Tokyo after the announcement, the steepest drop this year.",
    ],
)
def test_furniture_keeps_article_text(line: str) -> None:
    assert furniture_reason(line) is None


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Related topics", True),
        ("More on this story", True),
        ("Most popular", True),
        ("Tags:", True),
        ("Related: Storm hits the coast", False),  # a link itself, not a list's label
        ("Share", False),
    ],
)
def test_furniture_knows_a_list_label(line: str, label: bool) -> None:
    assert is_list_label(line) is label


def test_furniture_takes_short_lines_without_a_full_stop_as_list_items() -> None:
    assert is_list_item("Housing") and is_list_item("Ferry fares to rise again in spring")
    assert not is_list_item("The council met on Tuesday.")
    assert not is_list_item(" ".join(["word"] * 17))


def test_furniture_never_takes_a_long_paragraph() -> None:
    paragraph = "Share " + "prices fell again on Tuesday as traders sold " * 6
    assert furniture_reason(paragraph.strip()) is None


@pytest.mark.parametrize(
    ("line", "article_script", "furniture"),
    [
        ("港口新闻", "Latin", True),  # a site name in Chinese above an English article
        ("Новости", "Latin", True),  # a Cyrillic label
        ("ニュース", "Latin", True),  # kana count as the Han family
        ("央行维持利率不变", "Han", False),  # a Chinese headline in a Chinese article
        ("Ça va mieux", "Latin", False),  # accents are Latin script
        ("Xinhua", "Han", True),  # the other way round
        ("Правительство объявило о новых мерах", "Latin", False),  # too long for a label
        ("港口新闻", None, False),  # an article with no letters has no script to differ from
    ],
)
def test_furniture_short_line_in_another_script(
    line: str, article_script: str | None, furniture: bool
) -> None:
    reason = foreign_script_reason(line, article_script, "top")
    assert (reason is not None) == furniture
    if furniture:
        assert f"of a {article_script}-script article" in reason
