"""Decoding bytes of unknown encoding, and saying how."""

from __future__ import annotations

import random

import pytest

from agents.errors import RejectedInput
from agents.repair.decoding import decode_bytes

ENGLISH = (
    "The harbour authority said on Tuesday that the café near the quay would reopen, "
    "and that the naïve plan to close it had been dropped after protests.\n"
)


def test_decoding_utf8_is_taken_as_is() -> None:
    text, how = decode_bytes(ENGLISH.encode("utf-8"))
    assert text == ENGLISH
    assert how == {"encoding": "utf-8", "confidence": 1.0, "method": "utf-8", "declared": None}


def test_decoding_bom_wins() -> None:
    text, how = decode_bytes("\ufeff".encode("utf-16-le") + ENGLISH.encode("utf-16-le"))
    assert text == ENGLISH and how["method"] == "bom"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decoding_utf16_without_bom(codec: str) -> None:
    text, how = decode_bytes(ENGLISH.encode(codec))
    assert text == ENGLISH and how["encoding"] == codec


def test_decoding_declared_charset_is_used_when_it_fits() -> None:
    text, how = decode_bytes(ENGLISH.encode("cp1252"), declared="windows-1252")
    assert text == ENGLISH
    assert (how["encoding"], how["method"], how["declared"]) == (
        "cp1252",
        "declared",
        "windows-1252",
    )


def test_decoding_valid_utf8_beats_a_wrong_latin1_declaration() -> None:
    text, how = decode_bytes(ENGLISH.encode("utf-8"), declared="iso-8859-1")
    assert text == ENGLISH and how["method"] == "utf-8"


def test_decoding_undeclared_cp1252_english_is_detected_as_cp1252() -> None:
    text, how = decode_bytes((ENGLISH * 3).encode("cp1252"))
    assert text == ENGLISH * 3
    assert (how["encoding"], how["method"]) == ("cp1252", "detected")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Правительство объявило сегодня о новых мерах поддержки экономики страны.\n", "cp1251"),
        ("政府今天宣布了支持国家经济的新措施，并表示将继续推进改革。\n", "gb18030"),
    ],
)
def test_decoding_legacy_encodings_are_detected(text: str, codec: str) -> None:
    decoded, how = decode_bytes((text * 4).encode(codec))
    assert decoded == text * 4 and how["method"] == "detected"


def test_decoding_unknown_declared_charset_is_ignored() -> None:
    text, how = decode_bytes(ENGLISH.encode("utf-8"), declared="no-such-charset")
    assert text == ENGLISH and how["declared"] == "no-such-charset"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3", "a PDF document"),
        (b"\x1f\x8b\x08\x00" + bytes(50), "gzip"),
        (b"\x01\x02\x03\x04" * 100, "control codes"),
    ],
)
def test_decoding_binary_data_is_rejected_and_named(data: bytes, what: str) -> None:
    with pytest.raises(RejectedInput) as caught:
        decode_bytes(data)
    assert caught.value.kind == "binary" and what in caught.value.reason


def test_decoding_noise_is_undecodable() -> None:
    rng = random.Random(7)
    noise = bytes(rng.randrange(128, 256) for _ in range(2000))
    with pytest.raises(RejectedInput) as caught:
        decode_bytes(noise)
    assert caught.value.kind == "undecodable"


def test_decoding_text_with_a_few_control_codes_is_still_text() -> None:
    """The one-pass check for printable text falls back to counting: a few control codes among
    the words (under 5%) do not make text binary; layout (line breaks, tabs) is no control code."""
    text, _ = decode_bytes(b"Line one\r\n\tLine two \x07 with a bell\n" * 20)
    assert "\x07" in text
    text, _ = decode_bytes("Yeşilyurt — “quoted”\n\tand tabbed\r\n".encode() * 20)
    assert text.startswith("Yeşilyurt")
