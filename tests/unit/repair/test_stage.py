"""Repair: mojibake and other damage fixed, every change reported, correct text left alone."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import ftfy
import pytest
from ftfy.fixes import uncurl_quotes

from agents.contracts import problems
from agents.errors import RejectedInput
from agents.records import RawArticle
from agents.repair.stage import FTFY_CONFIG, _repair_lines, repair_article, repair_text
from tests.conftest import SHARED

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


def test_repair_fast_path_matches_ftfy_line_by_line() -> None:
    lines = ["plain ascii line\n", "tab\tseparated\n", "AT&T and R&D\n", "caf\u00c3\u00a9\n"]
    text = "".join(lines)
    assert repair_text(text)[0] == "".join(ftfy.fix_text(line, FTFY_CONFIG) for line in lines)


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


@pytest.mark.parametrize(
    ("damaged", "fixed", "kind"),
    [
        ("Word\u200bbreak and join\u2060ed\n", "Wordbreak and joined\n", "zero_width"),
        ("Odd\u2009thin and\u2003em spaces\n", "Odd thin and em spaces\n", "odd_space"),
        (
            "First para.</p><p>Second <b>bold</b> one.<br/>End\n",
            "First para.\nSecond bold one.\nEnd\n",
            "leaked_tag",
        ),
    ],
)
def test_repair_hygiene_fixes_are_reported(damaged: str, fixed: str, kind: str) -> None:
    out, repairs = repair_text(damaged)
    assert out == fixed and {r["kind"] for r in repairs} == {kind}
    for repair in repairs:
        a, b = repair["input_span"]
        c, d = repair["output_span"]
        assert damaged[a:b] == repair["before"] and out[c:d] == repair["after"]


@pytest.mark.parametrize(
    "text",
    [
        "Emoji families stay: 👩\u200d👩\u200d👧, and Persian "
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.\n",
        "Thai words\u200bไทย\u200bคำ keep their break hints; "
        "« no-break\u00a0spaces » and \u202fnarrow ones.\n",
        "A\u3000ideographic space, and a<b comparison, x > y.\n",
    ],
)
def test_repair_hygiene_keeps_what_correct_text_uses(text: str) -> None:
    assert repair_text(text) == (text, [])


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


def _ftfy_cases(name: str) -> list:
    path = SHARED / "data" / "ftfy-cases" / name
    if not path.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{path} is not there"))]
    return [pytest.param(case, id=case["label"][:60]) for case in json.loads(path.read_text())]


ALL_CASES = [
    case
    for name in (
        "in-the-wild.json",
        "synthetic.json",
        "negative.json",
        "language-names.json",
        "known-failures.json",
    )
    for case in _ftfy_cases(name)
]


@pytest.mark.parametrize("case", _ftfy_cases("negative.json"))
def test_repair_leaves_ftfy_negative_cases_alone(case: dict) -> None:
    # "fixed" may straighten quotes or map a stray C1 control; "fixed-encoding" does neither.
    assert repair_text(case["original"])[0] in (case["fixed"], case.get("fixed-encoding"))


def test_repair_process_until_repair_passes_every_ftfy_case_ftfy_passes(tmp_path) -> None:
    """Through ``copydesk process --until repair``, the offline path of the worker's stages.

    The expectation is ftfy's ``fixed`` (``fix_text``) with one deliberate difference: copydesk
    keeps curly quotes, so its text must equal ``fixed`` once its quotes are straightened, or equal
    ``fixed-encoding`` (ftfy's own expectation for a run that keeps quotes and mapping alone).
    Cases ftfy itself gets wrong (its known failures) are only held to doing as well as ftfy.
    """
    cases = [p.values[0] for p in ALL_CASES]
    if None in cases:
        pytest.skip("ftfy's cases are not in ../shared")
    feed = tmp_path / "cases.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"id": f"case-{n}", "text": c["original"]}) + "\n"
            for n, c in enumerate(cases)
        )
    )
    done = subprocess.run(
        [sys.executable, "-m", "agents", "process", "--until", "repair", str(feed)],
        capture_output=True,
        check=True,
    )
    # One event per line: split at "\n" only, the text holds U+0085 and U+2028.
    lines = done.stdout.decode("utf-8").split("\n")
    events = {e["id"]: e for e in map(json.loads, filter(None, lines))}
    failures = []
    for n, case in enumerate(cases):
        if ftfy.fix_text(case["original"]) != case["fixed"]:
            continue  # ftfy fails it too
        text = events[f"case-{n}"]["text"]
        if case["fixed"] not in (text, uncurl_quotes(text)) and text != case.get("fixed-encoding"):
            failures.append(case["label"])
    assert failures == []
    assert sum(ftfy.fix_text(c["original"]) == c["fixed"] for c in cases) >= 152


@pytest.mark.parametrize("case", ALL_CASES)
def test_repair_fast_path_gives_the_slow_paths_output_on_ftfy_cases(case: dict) -> None:
    text = case["original"] + "\n" + case["fixed"]
    assert _repair_lines(text, markup=False, fast=True) == _repair_lines(
        text, markup=False, fast=False
    )


def test_repair_fast_path_gives_the_slow_paths_output_on_clean_articles() -> None:
    from tests.quality.corpus import build_corpus
    from tests.unit.repair.test_legacy import ACCENTED, CORRECT_SCRIPTS

    texts = ["\n".join(CORRECT + CORRECT_SCRIPTS + ACCENTED) + "\n"]
    texts += [article.value.decode("utf-8", "replace") for article in build_corpus(60)]
    for text in texts:
        for markup in (False, True):
            assert _repair_lines(text, markup=markup, fast=True) == _repair_lines(
                text, markup=markup, fast=False
            )


def test_repair_event_with_every_new_kind_validates_against_its_schema() -> None:
    text = (
        "Ïðàâèòåëüñòâî said on Tuesday\u200bthat the\u2009port</p> would reopen.\n"
        "Lost characters: S\ufffdo Paulo.\n"
    )
    event = repair_article(RawArticle(id="k", text=text), max_text_chars=10_000)
    kinds = {r["kind"] for r in event["repairs"]}
    assert kinds == {"legacy_mojibake", "zero_width", "odd_space", "leaked_tag", "replacement_char"}
    assert problems(event, "repaired-article/1") == []


def test_repair_fast_path_gives_the_slow_paths_output_on_random_lines() -> None:
    """Short lines drawn from every character class a fix or the fast path looks at."""
    from agents.repair.fast_path import _badness_characters

    pool = (
        "abcXYZ  .,'-&<>\t"
        + _badness_characters()
        + "".join(map(chr, range(0x80, 0x100)))
        + "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
        + "港口新闻항만Порт Λιμάνι\ufffd\u200b\u2060\u2009\u0301ﬁ\r\u2028\x1b"
    )
    rng = random.Random(11)
    lines = [
        "".join(rng.choice(pool) for _ in range(rng.randint(1, 12))) + "\n" for _ in range(400)
    ]
    lines += ["Cafe\u0301 au lait\n", "Sa\u0303o Paulo\n", "the ﬁrst\n", "IJssel &amp; co\n"]
    for line in lines:
        assert _repair_lines(line, markup=False, fast=True) == _repair_lines(
            line, markup=False, fast=False
        )
    text = "".join(lines)
    assert _repair_lines(text, markup=False, fast=True) == _repair_lines(
        text, markup=False, fast=False
    )


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
