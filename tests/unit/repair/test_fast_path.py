"""The fast path: lines ftfy would leave alone skip the slow path, and give its output exactly."""

from __future__ import annotations

import random

import ftfy

from agents.repair.fast_path import _badness_characters, ftfy_inert, text_inert
from agents.repair.stage import FTFY_CONFIG, _repair_lines, repair_text
from tests.quality.corpus import build_corpus
from tests.quality.news import news_texts
from tests.unit.repair.test_legacy import ACCENTED, CORRECT_SCRIPTS
from tests.unit.repair.test_stage import CORRECT


def test_repair_fast_path_matches_ftfy_line_by_line() -> None:
    lines = ["plain ascii line\n", "tab\tseparated\n", "AT&T and R&D\n", "caf\u00c3\u00a9\n"]
    text = "".join(lines)
    assert repair_text(text)[0] == "".join(ftfy.fix_text(line, FTFY_CONFIG) for line in lines)


def test_repair_fast_path_gives_the_slow_paths_output_on_clean_articles() -> None:
    texts = ["\n".join(CORRECT + CORRECT_SCRIPTS + ACCENTED) + "\n"]
    texts += [article.value.decode("utf-8", "replace") for article in build_corpus(60)]
    texts += [text for _, text in news_texts()]
    for text in texts:
        for markup in (False, True):
            assert _repair_lines(text, markup=markup, fast=True) == _repair_lines(
                text, markup=markup, fast=False
            )


def test_repair_fast_path_gives_the_slow_paths_output_on_random_lines() -> None:
    """Short lines drawn from every character class a fix or the fast path looks at."""
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


def test_repair_text_inert_holds_only_when_every_line_is() -> None:
    """The whole-text check never clears a text with a line ftfy would change; and real news,
    curly quotes, dashes, accents and all, mostly clears it in one go."""
    texts = [text for _, text in news_texts()]
    texts += ["Caf\u00c3\u00a9 society\nthe rest is fine\n", "fine\nAT&amp;T\n", "ok\r\nok\n"]
    for text in texts:
        if text_inert(text):
            assert all(ftfy_inert(line) for line in text.split("\n"))
    assert not any(text_inert(text) for text in texts[-3:])
    assert sum(text_inert(text) for _, text in news_texts()) >= 0.8 * len(news_texts())
