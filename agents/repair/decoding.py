"""Decoding: bytes of unknown encoding to text, saying what was decided and how sure it was.

Order of trust: a byte-order mark; then valid UTF-8 (non-ASCII bytes that happen to form valid
UTF-8 are almost never another encoding, while a declared Latin-1 or cp1252 always "decodes");
then the producer's declared charset, if it decodes cleanly; then charset-normalizer's detection.
"""

from __future__ import annotations

import codecs

from charset_normalizer import CharsetMatch, CharsetMatches, from_bytes

from agents.errors import RejectedInput
from agents.records import Decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Leading bytes of formats that are sent by mistake instead of article text.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"RIFF", "a RIFF media file"),
)

#: Encodings by how common they are on news sites (W3Techs' survey order, legacy encodings only:
#: UTF-8 is tried before detection). Unlisted encodings rank last.
_PREVALENCE = {
    name: rank
    for rank, name in enumerate(
        [
            "cp1252", "latin_1", "cp1251", "gb18030", "gbk", "gb2312", "shift_jis", "cp932",
            "euc_kr", "cp949", "euc_jp", "cp1250", "iso8859_2", "big5", "cp950", "cp1256",
            "cp1254", "iso8859_9", "koi8_r", "cp874", "iso8859_15", "cp1253", "cp1255",
            "cp1257", "cp1258", "koi8_u", "mac_roman",
        ]
    )
}  # fmt: skip
#: How much messier than the cleanest decoding a more common encoding may be and still win.
_CHAOS_TOLERANCE = 0.01

#: Share of characters that must be printable (or whitespace) for decoded bytes to count as text.
_MIN_PRINTABLE = 0.95


def decode_bytes(body: bytes, declared: str | None = None) -> tuple[str, Decoding]:
    """Decode ``body``; raise :class:`RejectedInput` for binary data or hopeless bytes."""
    for magic, what in _MAGIC:
        if body.startswith(magic):
            raise RejectedInput("binary", f"the bytes are {what}, not article text")
    text, decoding = _decode(body, _known_codec(declared), declared)
    _check_is_text(text, decoding["encoding"])
    return text, decoding


def _decode(body: bytes, codec: str | None, declared: str | None) -> tuple[str, Decoding]:
    for bom, name in _BOMS:
        if body.startswith(bom):
            try:
                return body.decode(name), _decoding(name, 1.0, "bom", declared)
            except UnicodeDecodeError:
                break
    utf16 = _utf16_without_bom(body)
    if utf16 is not None:
        try:
            return body.decode(utf16), _decoding(utf16, 0.9, "detected", declared)
        except UnicodeDecodeError:
            pass
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return text, _decoding("utf-8", 1.0, "utf-8", declared)
    if codec is not None:
        try:
            return body.decode(codec), _decoding(codec, 0.9, "declared", declared)
        except UnicodeDecodeError:
            pass
    best = _most_likely(from_bytes(body))
    if best is None:
        raise RejectedInput(
            "undecodable",
            "the bytes are in no encoding copydesk can recognise"
            + (f" (declared {declared!r} does not fit them)" if declared else ""),
        )
    match, encoding = best
    confidence = round(max(0.0, 1.0 - match.chaos), 3)
    return str(match), _decoding(encoding, confidence, "detected", declared)


def _most_likely(matches: CharsetMatches) -> tuple[CharsetMatch, str] | None:
    """charset-normalizer's plausible decodings, the commonest encoding first.

    Mostly-English text with a few accented letters decodes "cleanly" in a dozen single-byte
    code pages (its first choice for such cp1252 text was cp857, a DOS code page). Among the
    decodings as clean as the best, take the encoding most used by news sites.
    """
    if not matches:
        return None
    cleanest = min(match.chaos for match in matches)
    candidates = []
    for order, match in enumerate(matches):
        if match.chaos <= cleanest + _CHAOS_TOLERANCE:
            names = [match.encoding, *match.could_be_from_charset]
            rank, name = min((_PREVALENCE.get(n, len(_PREVALENCE)), n) for n in names)
            candidates.append((rank, order, match, name))
    _rank, _order, match, name = min(candidates, key=lambda c: (c[0], c[1]))
    return match, name


def _utf16_without_bom(body: bytes) -> str | None:
    """UTF-16 text of a Latin script has a NUL in every other byte; ASCII-range UTF-8 has none.

    Such bytes are valid UTF-8 too, full of NULs, so this must come before the UTF-8 check.
    """
    sample = body[:4096]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    evens, odds = sample[0::2], sample[1::2]
    if odds.count(0) > 0.4 * len(odds) and evens.count(0) < 0.05 * len(evens):
        return "utf-16-le"
    if evens.count(0) > 0.4 * len(evens) and odds.count(0) < 0.05 * len(odds):
        return "utf-16-be"
    return None


def _decoding(encoding: str, confidence: float, method: str, declared: str | None) -> Decoding:
    return {
        "encoding": codecs.lookup(encoding).name,
        "confidence": confidence,
        "method": method,  # type: ignore[typeddict-item]
        "declared": declared,
    }


def _known_codec(declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return codecs.lookup(declared.strip().strip("\"'")).name
    except LookupError:
        return None


def _check_is_text(text: str, encoding: str) -> None:
    if not text.strip():
        raise RejectedInput("empty", "the bytes decode to nothing but whitespace")
    sample = text[:20_000]
    # Text is printable but for its line breaks and tabs: one pass in C says so (the count
    # below, a Python loop over 20,000 characters, took 3 ms, ten times the rest of repair).
    if sample.replace("\n", "").replace("\r", "").replace("\t", "").isprintable():
        return
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    if printable / len(sample) < _MIN_PRINTABLE:
        raise RejectedInput(
            "binary",
            f"the bytes are not text: decoded as {encoding}, "
            f"{len(sample) - printable} of the first {len(sample)} characters are control codes",
        )
