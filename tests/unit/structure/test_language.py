"""Language: ISO 639-1 of the body, None when the text is too short or the classifier unsure."""

from __future__ import annotations

import pytest

from agents.structure import language
from agents.structure.language import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The harbour reopened to ferries on Monday after six weeks of repairs.", "en"),
        ("Le port a rouvert lundi aux ferries après six semaines de travaux.", "fr"),
        ("Der Hafen wurde am Montag nach sechs Wochen Reparatur wieder geöffnet.", "de"),
        ("Центральный банк сохранил ключевую ставку на прежнем уровне.", "ru"),
        ("中国人民银行周二表示，将继续实施稳健的货币政策。分析人士认为，年内仍有降息空间。", "zh"),
        ("أعلنت الحكومة المصرية عن إجراءات جديدة لدعم الاقتصاد والعملة المحلية.", "ar"),
    ],
)
def test_language_identifies_the_body(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    "text", ["", "Storm hits.", "Syria Iraq Assad Aleppo Idlib Hama", "12 34 56 78 90 12"]
)
def test_language_is_none_when_too_short_or_unsure(text: str) -> None:
    assert detect_language(text) is None


def test_language_answers_only_iso_639_1_codes() -> None:
    assert all(len(code) == 2 for code in language._identifier().labels)


def test_language_loads_the_model_once() -> None:
    detect_language("The harbour reopened to ferries on Monday.")
    assert language._identifier() is language._identifier()
    assert language._identifier.cache_info().misses == 1
