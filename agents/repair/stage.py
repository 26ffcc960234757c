"""Repair stage: bytes or damaged text in, clean Unicode text out, with a report of every change.

Wire copy is damaged on the way to us: UTF-8 read as cp1252 or Latin-1 (mojibake), legacy CJK or
Cyrillic bytes read the same way (which ftfy leaves alone: :mod:`agents.repair.legacy`), HTML
entities left escaped, terminal escapes and control characters from old systems, CRLF line
breaks, zero-width characters and leaked tags (:mod:`agents.repair.hygiene`). ftfy fixes its part
one line at a time; we run every stage line by line too, so that every change is reported with its
place. Options that would alter correct text are off: narrowing full-width characters damages
Chinese punctuation, and straightening curly quotes loses information that is not damage.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ftfy import TextFixerConfig, fix_and_explain

from agents.errors import RejectedInput
from agents.records import SCHEMA_REPAIRED, RawArticle, Repair, RepairedArticle
from agents.repair.decoding import decode_bytes
from agents.repair.edits import Edit, apply, compose
from agents.repair.fast_path import ftfy_inert, text_inert
from agents.repair.html_text import html_to_text, is_html
from agents.repair.hygiene import hygiene_edits, hygiene_inert
from agents.repair.legacy import find_legacy_fixes

FTFY_CONFIG = TextFixerConfig(
    unescape_html=True,
    fix_character_width=False,
    uncurl_quotes=False,
    normalization="NFC",
    explain=True,
)
#: For markup, entities are the HTML parser's business, not a repair.
FTFY_MARKUP_CONFIG = FTFY_CONFIG._replace(unescape_html=False)

#: "”" in UTF-8 read as cp1252 is "â€" and 0x9D, a byte cp1252 leaves undefined, so it is often
#: dropped on the way; ftfy then takes "â€ " for "†" (its 0xA0 byte turned into a space) and
#: the space is lost. After an opening "â€œ" on the same line, a bare "â€" before a space is the
#: closing quote: the byte is put back for ftfy to decode.
_LOST_CLOSING_QUOTE = re.compile(r"(â€œ[^\n]*?â€)(?=\s|$)")

#: Changes closer than this many unchanged characters are reported as one repair; a diff this
#: fine would split one mojibake sequence ("Ã©tÃ©") into pieces.
_HUNK_GAP = 2
#: Lines longer than this (characters) get one repair for all of ftfy's changes on them.
_HUNK_MAX_LINE = 20_000
#: Longest line diffed as a whole: a character diff costs the cube of the length at worst (a
#: line of mojibake: 4,000 characters 1.2 s, 16,000 160 s; 1,000 characters of "Ã©a" 2.6 s).
#: A longer line is diffed word by word where ftfy kept its spaces, else it is one repair.
_HUNK_DIFF_MAX = 120
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")

#: ftfy fixer names to our repair kinds (documented in schemas/common.schema.json).
_KINDS = {
    "unescape_html": "html_entity",
    "fix_c1_controls": "control_char",
    "remove_control_chars": "control_char",
    "remove_terminal_escapes": "terminal_escape",
    "fix_line_breaks": "line_break",
    "fix_surrogates": "surrogate",
    "fix_latin_ligatures": "ligature",
    "NFC": "normalization",
}


def repair_article(raw: RawArticle, *, max_text_chars: int) -> RepairedArticle:
    """The repaired event for one raw article (without timings: the caller measures those)."""
    decoding = None
    if raw.body is not None:
        text, decoding = decode_bytes(raw.body, raw.charset)
    else:
        text = raw.text or ""
    content_type = _content_type(raw.content_type, text)
    markup = content_type == "text/html"
    # The limit is on the article's text, not on a page's markup: a real news page of 1.5 MB of
    # markup holds 5,000 words. Markup is bounded by the record's size (intake).
    if not markup:
        _check_length(text, max_text_chars)
    repaired, repairs = repair_text(text, markup=markup)
    plain = html_to_text(repaired) if markup else repaired
    if markup:
        _check_length(plain, max_text_chars, " once extracted from its page")
    if not plain.strip():
        raise RejectedInput("empty", "the article has no text once repaired")
    return {
        "schema": SCHEMA_REPAIRED,
        "id": raw.id,
        "source": raw.source,
        "url": raw.url,
        "received_at": raw.received_at,
        "ingested_at": raw.ingested_at,
        "given": {"title": raw.title, "published": raw.published},
        "content_type": content_type,
        "decoding": decoding,
        "html": repaired if markup else None,
        "text": plain,
        "repairs": repairs,
        "timings": {},
    }


def _check_length(text: str, max_text_chars: int, where: str = "") -> None:
    if len(text) > max_text_chars:
        raise RejectedInput(
            "too_large",
            f"the article is {len(text):,} characters long{where}, over the limit of "
            f"{max_text_chars:,} (COPYDESK_MAX_TEXT_CHARS)",
        )


def repair_text(text: str, *, markup: bool = False) -> tuple[str, list[Repair]]:
    """Repair ``text`` line by line; return it with one report entry per change.

    Each line goes through three stages: legacy-codec islands re-decoded (found over the whole
    text, since a page has one encoding), then ftfy, then :mod:`agents.repair.hygiene`. Spans are
    tight: the common start and end of a changed line are not part of its span.

    >>> repair_text("caf\\u00c3\\u00a9 au lait")
    ('café au lait', [{'kind': 'mojibake', 'before': 'Ã©', 'after': 'é', 'input_span': [3, 5], \
'output_span': [3, 4], 'codec': 'utf-8 read as latin-1'}])
    """
    return _repair_lines(text, markup=markup, fast=True)


def _repair_lines(text: str, *, markup: bool, fast: bool) -> tuple[str, list[Repair]]:
    """``fast=False`` runs every stage on every line: the tests compare it with the fast path."""
    config = FTFY_MARKUP_CONFIG if markup else FTFY_CONFIG
    found_legacy = find_legacy_fixes(text)
    legacy = found_legacy.fixes  # sorted; none crosses a line break
    held = found_legacy.held
    if fast and not legacy and not held and text_inert(text) and hygiene_inert(text):
        return text, []  # correct text, the common case: nothing for any stage to do
    next_fix = next_held = 0
    out: list[str] = []
    repairs: list[Repair] = []
    in_pos = out_pos = 0
    for line in _lines(text):
        line_end = in_pos + len(line)
        islands = []
        while next_fix < len(legacy) and legacy[next_fix].start < line_end:
            fix = legacy[next_fix]
            islands.append(
                Edit(fix.start - in_pos, fix.end - in_pos, fix.after, "legacy_mojibake", fix.codec)
            )
            next_fix += 1
        kept = []
        while next_held < len(held) and held[next_held][0] < line_end:
            kept.append((held[next_held][0] - in_pos, held[next_held][1] - in_pos))
            next_held += 1
        fixed = line
        if islands or not fast or not (ftfy_inert(line) and hygiene_inert(line)):
            fixed, found = compose(line, _stages(line, islands, kept, config, markup, fast))
            for repair in found:
                repair["input_span"] = [in_pos + i for i in repair["input_span"]]
                repair["output_span"] = [out_pos + i for i in repair["output_span"]]
            repairs += found
        out.append(fixed)
        in_pos = line_end
        out_pos += len(fixed)
    return "".join(out), repairs


def _stages(
    line: str,
    islands: list[Edit],
    held: list[tuple[int, int]],
    config: TextFixerConfig,
    markup: bool,
    fast: bool,
) -> list[list[Edit]]:
    legacy_fixed = apply(line, islands)
    ftfy_edits = [] if fast and ftfy_inert(legacy_fixed) else _ftfy_edits(legacy_fixed, config)
    if any(_overlaps(edit, _moved(span, islands)) for edit in ftfy_edits for span in held):
        # A legacy island no codec clearly reads is mojibake all the same: ftfy would take a
        # few of its bytes for UTF-8 and turn a miss into a false fix.
        ftfy_edits = []
    ftfy_fixed = apply(legacy_fixed, ftfy_edits)
    return [islands, ftfy_edits, hygiene_edits(ftfy_fixed, markup=markup)]


def _moved(span: tuple[int, int], edits: list[Edit]) -> tuple[int, int]:
    """Where a span untouched by ``edits`` stands once they are made."""
    shift = sum(len(e.after) - (e.end - e.start) for e in edits if e.end <= span[0])
    return span[0] + shift, span[1] + shift


def _overlaps(edit: Edit, span: tuple[int, int]) -> bool:
    return edit.start < span[1] and span[0] < edit.end


def _ftfy_edits(line: str, config: TextFixerConfig) -> list[Edit]:
    """ftfy's change to a line as tight edits, one per changed stretch, so that a paragraph with
    two entities and a curly quote reports three small repairs, not one the paragraph long."""
    fixed, steps = fix_and_explain(_LOST_CLOSING_QUOTE.sub("\\1\x9d", line), config)
    if fixed == line:
        return []
    kind, codec = _kind(steps or [])
    edits = []
    for start, end, after in _hunks(line, fixed):
        if _only_entities(line[start:end]):  # ftfy names its fixes per line, not per change
            edits.append(Edit(start, end, after, "html_entity"))
        else:
            edits.append(Edit(start, end, after, kind, codec))
    return edits


def _hunks(before: str, after: str) -> list[tuple[int, int, str]]:
    """Where ``before`` and ``after`` differ, as (start, end, replacement) in ``before``.

    Stretches closer than ``_HUNK_GAP`` unchanged characters are one: "Ã©tÃ©" is one repair. A
    stretch inside an HTML entity widens to the whole entity ("&amp;" to "&" is not "amp;" lost).
    Long lines, where a character diff would cost more than it tells, are one hunk.
    """
    if len(before) > _HUNK_MAX_LINE:
        return [_one_hunk(before, after)]
    if len(before) > _HUNK_DIFF_MAX:
        return _hunks_by_word(before, after)
    entities = [m.span() for m in _ENTITY.finditer(before)]
    hunks: list[list[int]] = []
    opcodes = SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    for op, a0, a1, b0, b1 in opcodes:
        if op == "equal":
            continue
        for start, end in entities:  # outside a hunk, before and after run in step
            if start < a1 and a0 < end:
                a0, b0 = min(a0, start), b0 - max(0, a0 - start)
                a1, b1 = max(a1, end), b1 + max(0, end - a1)
        if hunks and a0 - hunks[-1][1] < _HUNK_GAP:
            hunks[-1][1], hunks[-1][3] = max(hunks[-1][1], a1), max(hunks[-1][3], b1)
        else:
            hunks.append([a0, a1, b0, b1])
    return [(a0, a1, after[b0:b1]) for a0, a1, b0, b1 in hunks]


def _hunks_by_word(before: str, after: str) -> list[tuple[int, int, str]]:
    """:func:`_hunks` of a long line in linear time: each changed word diffed alone (a word
    longer than ``_HUNK_DIFF_MAX``, one hunk), where ftfy kept the line's spaces (mojibake never
    spans one: no UTF-8 sequence has a 0x20 byte), and hunks closer than ``_HUNK_GAP`` joined;
    one hunk where it did not keep them."""
    words, fixed = before.split(" "), after.split(" ")
    if len(words) != len(fixed):
        return [_one_hunk(before, after)]
    hunks: list[list[int]] = []  # start and end in before, start and end in after
    at = to = 0
    for word, new in zip(words, fixed, strict=True):
        shift = 0  # how much longer the word's hunks so far made it
        if word == new:
            changes = []
        elif len(word) > _HUNK_DIFF_MAX:
            changes = [_one_hunk(word, new)]
        else:
            changes = _hunks(word, new)
        for start, end, replacement in changes:
            a0, a1, b0 = at + start, at + end, to + start + shift
            b1 = b0 + len(replacement)
            shift += len(replacement) - (end - start)
            if hunks and a0 - hunks[-1][1] < _HUNK_GAP:
                hunks[-1][1], hunks[-1][3] = a1, b1
            else:
                hunks.append([a0, a1, b0, b1])
        at += len(word) + 1
        to += len(new) + 1
    return [(a0, a1, after[b0:b1]) for a0, a1, b0, b1 in hunks]


def _only_entities(before: str) -> bool:
    """HTML entities, and nothing ftfy could have decoded between them."""
    rest = _ENTITY.sub("", before)
    return len(rest) < len(before) and rest.isascii()


def _one_hunk(before: str, after: str) -> tuple[int, int, str]:
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(before), len(after)) - head
        and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]
    ):
        tail += 1
    return head, len(before) - tail, after[head : len(after) - tail]


def _lines(text: str) -> list[str]:
    """Lines with their ends, split at "\n" only, as ftfy does: str.splitlines would also split
    at U+0085, a C1 control that is often mojibake for an ellipsis and must reach ftfy whole."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _kind(steps: list) -> tuple[str, str | None]:
    """The main kind of a line's repair: mojibake outranks the cosmetic fixes."""
    encoded = [param for action, param in steps if action == "encode"]
    decoded = [param for action, param in steps if action == "decode"]
    if encoded and decoded:
        return "mojibake", f"{decoded[-1]} read as {encoded[0]}"
    if ("apply", "decode_inconsistent_utf8") in steps:
        # Islands of mojibake beside correct non-ASCII text, fixed piece by piece.
        return "mojibake", "utf-8 read as sloppy-windows-1252"
    for _action, param in steps:
        if param in _KINDS:
            return _KINDS[param], None
    return "other", None


def _content_type(declared: str | None, text: str) -> str:
    if declared:
        kind = declared.split(";", 1)[0].strip().lower()
        if kind in ("text/html", "application/xhtml+xml"):
            return "text/html"
        if kind.startswith("text/"):
            return "text/plain"
    return "text/html" if is_html(text) else "text/plain"
