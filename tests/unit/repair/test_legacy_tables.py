"""The legacy tables: real frequencies read from wordfreq at first use, folded for Traditional
Chinese and hanja, and the marks and symbols CJK news copy uses."""

from __future__ import annotations

import subprocess
import sys

from agents.repair.legacy_tables import common_characters, script_model, word_model
from tests.quality.damage import misread


def test_legacy_tables_frequencies_are_read_only_when_an_island_needs_them() -> None:
    # Importing the stage, or repairing clean text, never reads wordfreq's lists; an island does.
    island = misread("港口新闻", "gbk", "latin-1")
    code = (
        "from agents.repair.legacy_frequencies import frequencies\n"
        "from agents.repair.stage import repair_text\n"
        "repair_text('Ærøskøbing og Århus, café.\\n市政府周三宣布。\\n')\n"
        "print(frequencies.cache_info().currsize)\n"
        f"repair_text('Published by {island}.\\n')\n"
        "print(frequencies.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "4"]


def test_legacy_tables_word_models_hold_real_words() -> None:
    japanese, chinese, traditional = word_model("ja"), word_model("zh-hans"), word_model("zh-hant")
    assert {"広島", "新聞", "東京"} <= japanese.words.keys()
    assert {"新闻", "港口", "政府"} <= chinese.words.keys()
    # Big5 text is looked up through its Simplified forms: wordfreq's Chinese is Simplified.
    assert "們國說".translate(traditional.fold) == "们国说"
    # A common word is likelier than a rare one.
    assert japanese.words["新聞"] > japanese.words.get("製鋼", -99.0)


def test_legacy_tables_korean_holds_hangul_hanja_and_list_marks() -> None:
    korean = common_characters("ko")
    assert set("정부한국은행") <= korean  # hangul of everyday words
    assert set("政府韓國銀行北美與野釜") <= korean  # hanja, by their Chinese frequency
    assert set("◎※▲△○■·") <= korean  # list marks of Korean news
    model = script_model("ko")
    assert model["정"] > model["韓"]  # hanja are a small share of Korean text


def test_legacy_tables_traditional_chinese_holds_list_marks_and_quotes() -> None:
    traditional = common_characters("zh-hant")
    assert set("「」『』▲※◎●○") <= traditional
    assert set("臺颱們擴") <= traditional
