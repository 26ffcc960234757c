"""Repair: mojibake and other damage fixed, every change reported, correct text left alone."""

from __future__ import annotations

import pytest

from agents.contracts import problems
from agents.errors import RejectedInput
from agents.records import RawArticle
from agents.repair.stage import repair_article, repair_text
from tests.helpers import assert_spans

CORRECT = [
    "央行周二表示，将继续实施稳健的货币政策（见附表）。",  # full-width punctuation
    "Центральный банк сохранил ключевую ставку на уровне 16%.",
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ενέργεια.",
    "أعلنت الحكومة عن إجراءات جديدة لدعم الاقتصاد.",
    "Zoë and François met at the Café Müller in Kraków. 🎉",
    "“Curly quotes” and ‘single ones’ are correct text — so is this dash.",
    "日本銀行は金利を据え置いた。ｶﾀｶﾅ stays half-width.",
]


@pytest.mark.parametrize("text", CORRECT)
def test_repair_leaves_correct_text_alone(text: str) -> None:
    assert repair_text(text) == (text, [])


def test_repair_fixes_mojibake_and_reports_where() -> None:
    damaged = "Clean first line.\nThe minister’s plan was \u201cdelayed\u201d.\n".replace(
        "’", "â€™"
    )
    fixed, repairs = repair_text(damaged)
    assert fixed == "Clean first line.\nThe minister’s plan was “delayed”.\n"
    (repair,) = repairs
    assert repair["kind"] == "mojibake"
    assert repair["codec"] == "utf-8 read as sloppy-windows-1252"
    start, end = repair["input_span"]
    assert damaged[start:end] == repair["before"] == "â€™"
    start, end = repair["output_span"]
    assert fixed[start:end] == repair["after"] == "’"


@pytest.mark.parametrize(
    ("damaged", "fixed"),
    [
        # 0x9D of the closing quote lost on the way: ftfy alone gives "move,†he".
        ("â€œWe will not move,â€ he said.\n", "“We will not move,” he said.\n"),
        ("â€œEuropeâ€™s largest,â€\nNext line", "“Europe’s largest,”\nNext line"),
        ("â€œWhole,â€\x9d she said.", "“Whole,” she said."),  # nothing lost: as ftfy does
        ("A dagger after a noteâ€ here.", "A dagger after a note†here."),  # no open quote
    ],
)
def test_repair_restores_a_closing_quote_whose_last_byte_was_lost(damaged: str, fixed: str) -> None:
    out, repairs = repair_text(damaged)
    assert out == fixed and {repair["kind"] for repair in repairs} == {"mojibake"}
    for repair in repairs:
        a, b = repair["input_span"]
        assert damaged[a:b] == repair["before"]


def test_repair_reports_each_change_of_a_line_on_its_own() -> None:
    damaged = "Fees rose to &pound;40 &mdash; the board said â€œnoâ€\x9d twice.\n"
    fixed, repairs = repair_text(damaged)
    assert fixed == "Fees rose to £40 — the board said “no” twice.\n"
    assert [(r["kind"], r["before"], r["after"], r["codec"]) for r in repairs] == [
        ("html_entity", "&pound;", "£", None),
        ("html_entity", "&mdash;", "—", None),
        ("mojibake", "â€œ", "“", "utf-8 read as sloppy-windows-1252"),
        ("mojibake", "â€\x9d", "”", "utf-8 read as sloppy-windows-1252"),
    ]
    for repair in repairs:
        (a, b), (c, d) = repair["input_span"], repair["output_span"]
        assert damaged[a:b] == repair["before"] and fixed[c:d] == repair["after"]


def test_repair_reports_spans_on_later_lines_against_both_texts() -> None:
    damaged = "café\r\nsecond line with CafÃ© crème\n"
    fixed, repairs = repair_text(damaged)
    assert fixed == "café\nsecond line with Café crème\n"
    for repair in repairs:
        a, b = repair["input_span"]
        c, d = repair["output_span"]
        assert damaged[a:b] == repair["before"] and fixed[c:d] == repair["after"]
    assert [r["kind"] for r in repairs] == ["line_break", "mojibake"]


def test_repair_unescapes_entities_in_plain_text_but_not_in_markup() -> None:
    assert repair_text("Fish &amp; chips &#8212; cheap")[0] == "Fish & chips — cheap"
    markup = "<p>Fish &amp; chips</p>"
    assert repair_text(markup, markup=True) == (markup, [])


def test_repair_removes_control_characters_and_terminal_escapes() -> None:
    fixed, repairs = repair_text("Alert\x1b[31m red\x1b[0m and\x07 bell\n")
    assert fixed == "Alert red and bell\n"
    assert {r["kind"] for r in repairs} <= {"terminal_escape", "control_char"}


def test_repair_normalises_to_nfc() -> None:
    fixed, repairs = repair_text("Cafe\u0301")
    assert fixed == "Café" and repairs[0]["kind"] == "normalization"


def test_repair_article_rejects_text_over_the_limit() -> None:
    with pytest.raises(RejectedInput) as caught:
        repair_article(RawArticle(id="x", text="word " * 100), max_text_chars=100)
    assert caught.value.kind == "too_large" and "COPYDESK_MAX_TEXT_CHARS" in caught.value.reason


def test_repair_article_turns_html_into_text_and_keeps_the_markup() -> None:
    page = "<html><body><h1>Title</h1><p>First &amp; second.</p><script>x()</script></body></html>"
    event = repair_article(RawArticle(id="h", text=page), max_text_chars=10_000)
    assert event["content_type"] == "text/html"
    assert event["text"] == "Title\n\nFirst & second.\n"
    assert event["html"] == page


def test_repair_article_decodes_bytes_and_reports_how() -> None:
    body = "Prices rose in São Paulo and in Zürich this week, economists said.\n".encode("cp1252")
    event = repair_article(RawArticle(id="b", body=body, charset="cp1252"), max_text_chars=10_000)
    assert "São Paulo" in event["text"] and "Zürich" in event["text"]
    assert event["decoding"]["method"] == "declared"


def test_repair_reports_unrecoverable_replacement_characters_without_changing_them() -> None:
    text = "The mayor of S\ufffd\ufffdo Paulo spoke.\n"
    fixed, (repair,) = repair_text(text)
    assert fixed == text
    assert (repair["kind"], repair["before"], repair["after"]) == ("replacement_char",) + (
        "\ufffd" * 2,
    ) * 2
    assert repair["input_span"] == repair["output_span"] == [14, 16]


def test_repair_reports_each_stage_of_one_line_against_input_and_output() -> None:
    island = "Ïðàâèòåëüñòâî"  # cp1251 read as cp1252: the word for "government"
    damaged = f"{island} said \u00c3\u00a9t\u00c3\u00a9 was\u200bover &amp; out\n"
    fixed, repairs = repair_text(damaged)
    assert fixed == "Правительство said été wasover & out\n"
    kinds = [r["kind"] for r in repairs]
    assert kinds == ["legacy_mojibake", "mojibake", "zero_width", "html_entity"]
    for repair in repairs:
        a, b = repair["input_span"]
        c, d = repair["output_span"]
        assert damaged[a:b] == repair["before"] and fixed[c:d] == repair["after"]


def test_repair_event_with_every_new_kind_validates_against_its_schema() -> None:
    text = (
        "Ïðàâèòåëüñòâî said on Tuesday\u200bthat the\u2009port</p> would reopen.\n"
        "Lost characters: S\ufffdo Paulo.\n"
    )
    event = repair_article(RawArticle(id="k", text=text), max_text_chars=10_000)
    kinds = {r["kind"] for r in event["repairs"]}
    assert kinds == {"legacy_mojibake", "zero_width", "odd_space", "leaked_tag", "replacement_char"}
    assert problems(event, "repaired-article/1") == []


def test_repair_article_undoes_a_wrong_latin1_declaration_of_legacy_bytes() -> None:
    # The commonest cause of legacy mojibake: GBK bytes sent with charset=iso-8859-1, which
    # always "decodes". The declaration is honoured and the text repair undoes it.
    text = "市政府周三宣布，将在明年春季前完成港口扩建工程。\n"
    body = text.encode("gbk")
    event = repair_article(
        RawArticle(id="g", body=body, charset="iso-8859-1"), max_text_chars=10_000
    )
    assert event["decoding"]["method"] == "declared"
    assert event["text"] == text
    assert [r["codec"] for r in event["repairs"]] == ["gbk read as latin-1"]


def test_repair_a_long_line_of_mojibake_is_diffed_word_by_word():
    """A character diff of a line costs its square or worse: 16,000 characters of mojibake on one
    line took 160 s. A long line is diffed a word at a time, each change still its own repair."""
    line = " ".join(["Ã©tÃ© cafÃ© naÃ¯ve rÃ©sumÃ© and more words"] * 400)
    text, repairs = repair_text(line)
    assert text == " ".join(["été café naïve résumé and more words"] * 400)
    assert len(repairs) == 2_000 and {r["after"] for r in repairs} == {"été", "é", "ï"}
    assert_spans(line, text, repairs)
