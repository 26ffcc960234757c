"""Legacy-codec mojibake: Chinese, Japanese, Korean or Russian bytes that were read as Latin-1 or
cp1252, whole texts or islands inside English. ftfy leaves these alone: it repairs UTF-8 misread.

A page in GBK, Big5, Shift-JIS, EUC-JP, EUC-KR, cp1251 or KOI8-R that some system took for Latin-1
turns every non-ASCII byte into a Latin-1 or cp1252 character: "¸Û¿ÚÐÂÎÅ" is the GBK bytes of
港口新闻 ("harbour news"), a site name atop an English page. Each run of such characters (an
*island*) maps back to its bytes; each target codec decodes them into a *candidate*. Decoding
without error proves little (random bytes often decode in GBK), so a candidate is kept only when

1. it is typical of its script: every character (95% of a long run) is one that the script's
   everyday words use, by real frequencies (:mod:`agents.repair.legacy_frequencies`), or its
   punctuation, list marks and symbols (▲ ※ ◎ ○); Cyrillic words have a plain case pattern,
   Russian-like letters and no Latin letter against them; it holds two letters or ideographs at
   least; and it is clearly the likeliest typical candidate: e^4.6 likelier than the next. The
   likelihood weighs letters as words: a run of CJK letters as its likeliest split into words of
   the script's frequency list, a Cyrillic word as itself. That is what tells a Japanese name in
   EUC-JP from its GBK reading: every JIS level-1 byte pair is a GB 2312 level-1 one, so both
   readings are everyday characters, but 広島市 splits into the words 広島 and 市 while its GBK
   reading 弓喷辉 is three hanzi that make no word;
2. the island is not plausible Latin text: it mixes symbols into letters, or accented letters that
   no single language writes together, or has three accented letters in a row, or case that flips
   inside a word. "ÇÀ", "çà" and "Þó" are correct French and Icelandic even though they decode to
   common hanzi or Russian words, and stay.

A page has one encoding: once confident islands agree on a codec, the islands it reads typically
are repaired too where they are ambiguous, next to a repaired island with no Latin word between
(a Russian sentence's one-letter words, a hanja gloss in parentheses), or in a line of foreign
text (a lone ``ºÃ``, one hanzi, at the foot of a page whose header was GBK). Without such a
codec, an island next to a repaired one is read in its codec (▲ before a Korean heading quoted in
English). Last, a line whose repaired islands hold under half of its accented characters is
Latin text after all (leetspeak, kaomoji, piled-up UTF-8 mojibake) and keeps them all. Ambiguous
islands that nothing decides are *held*: left as they came, a miss, and kept from ftfy, which
would take a few of their bytes for UTF-8 and make it a false fix. Islands whose bytes are valid
UTF-8 are ftfy's, unless that UTF-8 reading is no text anyone writes (GBK 唯一 reads Ψһ).
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from agents.repair.legacy_frequencies import LETTER_CLASS
from agents.repair.legacy_tables import (
    BYTE_OF,
    CP1252_ONLY,
    LANGUAGE_LETTERS,
    RARE,
    SCRIPT_OF,
    TARGET_CODECS,
    TYPOGRAPHY,
    VIETNAMESE_LETTERS,
    WordModel,
    common_characters,
    script_model,
    word_model,
)

_HIGH = "".join(sorted(BYTE_OF))
#: ASCII bytes a multi-byte character may hold after its lead byte: 0x40-0x7E in Big5, GBK and
#: Shift-JIS, digits in GB18030's four-byte sequences.
_TRAIL = "\\x30-\\x39\\x40-\\x7e"
#: Misread bytes, each run possibly ending in one such ASCII byte.
_ISLAND = re.compile(f"(?:[{_HIGH}]+[{_TRAIL}]?)+")
#: Two misread bytes close together: below that no island can be repaired on its own evidence.
_TWO_HIGH = re.compile(f"[{_HIGH}][{_TRAIL}]?[{_HIGH}]")
_HIGH_CHAR = re.compile(f"[{_HIGH}]")
#: Misread characters other than typography: what a legacy line has and a Latin line lacks.
_ACCENTED = re.compile(f"[{''.join(sorted(set(BYTE_OF) - TYPOGRAPHY))}]")
#: cp1252's typography to the Latin-1 character of the same byte, so that encoding gives the bytes.
_AS_LATIN1 = {ord(ch): byte for ch, byte in BYTE_OF.items() if ord(ch) > 0xFF}
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile("[A-Za-z]")
_CYRILLIC_WORD = re.compile(r"[Ѐ-ӿ]+")
_LETTER_RUN = re.compile(f"[{LETTER_CLASS}]+")
_DROP_ASCII = dict.fromkeys(range(0x80))
#: Latin Extended-B letters that text in the languages copydesk meets writes: Vietnamese ơ ư,
#: pinyin's tone marks, Romanian ș ț, Azerbaijani Ə. A UTF-8 reading with another is no text.
_WRITTEN_EXTENDED_B = frozenset("ƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜȘșȚțƏ")

_PRIOR_TOTAL = sum(TARGET_CODECS.values())
#: How much likelier the best typical reading must be than the next to be taken on its own
#: evidence. On the repair benchmark's islands, right readings led by e^5.8 or more (bar one,
#: held), wrong ones by e^2.6 at most (神戸製鋼 in EUC-JP, whose EUC-KR reading 오맹음반 holds
#: the word 음반): the margin sits between, nearer the right ones; misses cost less than harm.
_MARGIN = math.log(100)
#: Share of a long run's characters that must be everyday ones (a few rare hanzi are normal).
_TYPICAL_SHARE = 0.95
#: A CJK letter that the frequency list never shows as a word on its own: its share among
#: letters, times this, stands for it as a one-letter word; so for a Russian word the list lacks.
_NOT_A_WORD = math.log(0.01)
#: Letters of a Cyrillic word: log-probability of each case pattern.
_CASE_PATTERN = {"lower": math.log(0.85), "title": math.log(0.12), "upper": math.log(0.03)}
_ODD_CASE = math.log(1e-3)
#: Mean log-probability per letter below which Cyrillic is not Russian-like: running Russian text
#: averages about -2.9, letters drawn at random -3.5; "Ффф" scores -6.
_MIN_LETTER_LOGP = -4.5


@dataclass(frozen=True)
class LegacyFix:
    """One island to replace: ``text[start:end]`` becomes ``after``."""

    start: int
    end: int
    after: str
    codec: str  # e.g. "gbk read as latin-1"


@dataclass(frozen=True)
class LegacyFindings:
    """The islands to repair, and the spans of those left alone because no codec is clearly the
    likeliest: they are mojibake all the same, and no later stage may take them for Latin text."""

    fixes: list[LegacyFix]
    held: list[tuple[int, int]]


@dataclass(frozen=True)
class _Candidate:
    codec: str
    end: int  # the island may give back a trailing ASCII byte it did not need
    text: str
    score: float  # log-likelihood, weighed only where two readings are typical (-inf if not)
    typical: bool


def find_legacy_fixes(text: str) -> LegacyFindings:
    """Where ``text`` holds legacy-codec mojibake, and what each island really says."""
    if not _TWO_HIGH.search(text):
        return LegacyFindings([], [])  # fast path: no island has two misread bytes
    islands = list(_ISLAND.finditer(text))
    decided: dict[int, _Candidate] = {}
    ambiguous: set[int] = set()  # where islands start that more than one codec reads typically
    memo = _Memo()
    for island in islands:
        raw = island.group()
        if len(raw) < 2 or _high_count(raw) < 2 or _is_utf8_mojibake(island):
            continue
        if not _implausible_latin(text, island):
            continue
        typical = _candidates(island, memo)
        if not typical or sum(ch.isalpha() for ch in typical[0].text if ch >= "\x80") < 2:
            continue  # a lone letter or hanzi is no evidence on its own; the page may vouch for it
        if len(typical) == 1 or typical[0].score - typical[1].score >= _MARGIN:
            decided[island.start()] = typical[0]
        else:
            ambiguous.add(island.start())
    lines = _Lines(text)
    if decided:
        _extend(lines, islands, decided, ambiguous, _dominant_codec(decided.values()), memo)
    _drop_inconsistent_lines(lines, islands, decided, ambiguous)
    # A page is read with one codec: cp1252 if any island shows typography only it produces.
    misread = [text[start : c.end] for start, c in decided.items()]
    read_as = "cp1252" if any(ch in CP1252_ONLY for raw in misread for ch in raw) else "latin-1"
    fixes = [
        LegacyFix(start, c.end, c.text, f"{c.codec} read as {read_as}")
        for start, c in sorted(decided.items())
        if c.text != text[start : c.end]
    ]
    held = [(m.start(), m.end()) for m in islands if m.start() in ambiguous - decided.keys()]
    return LegacyFindings(_merged(text, fixes), held)


def _merged(text: str, fixes: list[LegacyFix]) -> list[LegacyFix]:
    """One fix for a run of a line's islands with only spaces and punctuation between them (a
    Russian sentence's words), so a whole text is reported a line at a time, not word by word."""
    merged: list[LegacyFix] = []
    for fix in fixes:
        last = merged[-1] if merged else None
        gap = text[last.end : fix.start] if last else ""
        if last and last.codec == fix.codec and not _ASCII_LETTER.search(gap) and "\n" not in gap:
            merged[-1] = LegacyFix(last.start, fix.end, last.after + gap + fix.after, fix.codec)
        else:
            merged.append(fix)
    return merged


def _extend(
    lines: _Lines,
    islands: list[re.Match],
    decided: dict[int, _Candidate],
    ambiguous: set[int],
    dominant: str | None,
    memo: _Memo,
) -> None:
    """Read in the text's codec every island it decodes typically that is ambiguous, in a foreign
    line, or next to a repaired island with no Latin word between them; repaired islands too.

    Without a codec the page agrees on, only the islands next to a repaired one are read, in its
    codec: a foreign phrase quoted in English (▲ 주요 일정: a list mark, then two words) is in
    one codec. Islands whose bytes are valid UTF-8 are ftfy's, unless their line is foreign or
    they stand next to a repaired island (Ú¸ is 美 in EUC-KR, and valid UTF-8 by chance)."""
    for order in (islands, islands[::-1]):
        previous: re.Match | None = None
        for island in order:
            beside = (
                previous is not None
                and previous.start() in decided
                and _no_words_between(lines.text, previous, island)
            )
            codec = dominant
            if dominant is None:
                if not beside or island.start() in decided:
                    previous = island
                    continue
                codec = decided[previous.start()].codec
            previous = island
            own = not _is_utf8_mojibake(island) and (
                island.start() in decided or island.start() in ambiguous
            )
            if not (beside or own or lines.foreign(island)):
                continue
            chosen = memo.reading(island, codec)
            if chosen is not None and chosen.typical:
                decided[island.start()] = chosen


def _no_words_between(text: str, one: re.Match, other: re.Match) -> bool:
    """Whether only spaces, digits and punctuation stand between two islands of one line."""
    first, second = sorted((one, other), key=lambda m: m.start())
    gap = text[first.end() : second.start()]
    return not any(ch == "\n" or (ch.isascii() and ch.isalpha()) for ch in gap)


def _drop_inconsistent_lines(
    lines: _Lines, islands: list[re.Match], decided: dict[int, _Candidate], ambiguous: set[int]
) -> None:
    """A legacy page turns every non-ASCII character of a line into mojibake. Where the repaired
    islands hold under half of a line's accented characters, the rest is Latin text after all
    (leetspeak, kaomoji, UTF-8 mojibake piled up) and the line is left to ftfy; so is a line
    whose repaired and ambiguous islands together hold under half of them."""
    if not decided and not ambiguous:
        return
    by_line: dict[int, list[re.Match]] = {}
    for island in islands:
        by_line.setdefault(lines.number(island.start()), []).append(island)
    for number, members in by_line.items():
        total = len(_ACCENTED.findall(lines.line(number)))
        repaired, legacy = 0, 0
        for island in members:
            accented = len(_ACCENTED.findall(island.group()))
            repaired += accented if island.start() in decided else 0
            legacy += accented if island.start() in decided or island.start() in ambiguous else 0
        if repaired and repaired < 0.5 * total:
            for island in members:
                decided.pop(island.start(), None)
        if legacy < 0.5 * total:
            ambiguous.difference_update(island.start() for island in members)


class _Lines:
    """The lines of a text, found once: islands ask which line they are in and what it holds."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._foreign: dict[int, bool] = {}

    def number(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def line(self, number: int) -> str:
        end = self.starts[number + 1] if number + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[number] : end]

    def foreign(self, island: re.Match) -> bool:
        """Whether the island's line is foreign text throughout: hardly any ASCII letters outside
        islands (a Russian or Chinese line misread), so its short islands are not Latin words."""
        number = self.number(island.start())
        if number not in self._foreign:
            line = self.line(number)
            latin = len(_ASCII_LETTER.findall(_ISLAND.sub("", line)))
            self._foreign[number] = latin <= 0.1 * max(1, _high_count(line))
        return self._foreign[number]


@dataclass
class _Memo:
    """Each island's reading in each codec, and each reading's likelihood, worked out once per
    text: the same words come back from island to island (a name, Korean's 밝혔다)."""

    readings: dict[tuple[int, str], _Candidate | None] = field(default_factory=dict)
    likelihoods: dict[tuple[str, str], float] = field(default_factory=dict)

    def reading(self, island: re.Match, codec: str) -> _Candidate | None:
        key = (island.start(), codec)
        if key not in self.readings:
            self.readings[key] = _candidate_in(island, codec)
        return self.readings[key]

    def scored(self, candidate: _Candidate) -> _Candidate:
        """The candidate with its log-likelihood, its codec's prior included."""
        key = (candidate.text, SCRIPT_OF[candidate.codec])
        if key not in self.likelihoods:
            self.likelihoods[key] = _likelihood(*key)
        prior = math.log(TARGET_CODECS[candidate.codec] / _PRIOR_TOTAL)
        return replace(candidate, score=self.likelihoods[key] + prior)


def _candidates(island: re.Match, memo: _Memo) -> list[_Candidate]:
    """The target codecs' typical readings of the island, best first; one per distinct text, from
    the codec whose script reads it best (kana are the same bytes in GBK and EUC-JP, but
    Japanese). Only where two or more are typical are they weighed (:func:`_likelihood`)."""
    readings = [memo.reading(island, codec) for codec in TARGET_CODECS]
    typical = [c for c in readings if c is not None and c.typical]
    if len(typical) > 1:
        typical = [memo.scored(c) for c in typical]
    found: dict[str, _Candidate] = {}
    for candidate in typical:
        known = found.get(candidate.text)
        if known is None or candidate.score > known.score:
            found[candidate.text] = candidate
    return sorted(found.values(), key=lambda c: -c.score)


def _candidate_in(island: re.Match, codec: str) -> _Candidate | None:
    """The island read in ``codec``, and whether that is typical of its script; not yet weighed."""
    raw = island.group()
    # A trailing ASCII byte belongs to the island only when the last character needs it.
    for end in (island.end() - 1, island.end()) if raw[-1] < "\x80" else (island.end(),):
        data = _bytes_of(raw[: end - island.start()])
        try:
            decoded = data.decode(codec)
        except UnicodeDecodeError:
            continue
        script = SCRIPT_OF[codec]
        typical = _typical(decoded, script)
        if script == "ru" and typical:
            typical = not _touches_latin(island.string, island.start(), end, decoded)
        return _Candidate(codec, end, decoded, -math.inf, typical)
    return None


def _typical(decoded: str, script: str) -> bool:
    """Whether ``decoded`` is typical of ``script``: every character (95% of a long run) among
    its everyday ones; Cyrillic words with a plain case pattern and Russian-like letters."""
    beyond_ascii = decoded.translate(_DROP_ASCII)
    count = len(beyond_ascii)
    everyday = sum(map(common_characters(script).__contains__, beyond_ascii))
    needed = _TYPICAL_SHARE if count >= 20 else 1.0
    if count == 0 or everyday < needed * count:
        return False
    if script != "ru":
        return True
    words = _CYRILLIC_WORD.findall(decoded)
    if any(_case_score(word) == _ODD_CASE for word in words):
        return False
    model = script_model(script)
    letters = [model.get(ch, RARE) for word in words for ch in word]
    return sum(letters) >= _MIN_LETTER_LOGP * len(letters)


def _likelihood(decoded: str, script: str) -> float:
    """Log-likelihood of ``decoded`` as text in ``script``.

    Letters are weighed as words of the script's frequency list: each run of CJK letters as its
    likeliest split into words (:func:`_segmented`), so that a Japanese name reads as the words
    it is made of and its misreading as GBK as unrelated hanzi, each common but together no
    word; each Cyrillic word as itself (:func:`_russian_word`), with its case pattern. Other
    characters count one by one.
    """
    model, words = script_model(script), word_model(script)
    runs = _CYRILLIC_WORD if script == "ru" else _LETTER_RUN
    score = 0.0
    for ch in runs.sub("", decoded):
        if ch < "\x80":
            score += math.log(1e-3 if ch.isalpha() else 1e-2)
        else:
            score += model.get(ch, RARE)
    if script == "ru":
        for word in _CYRILLIC_WORD.findall(decoded):
            score += _case_score(word) + _russian_word(word, words)
    else:
        score += sum(_segmented(run, words) for run in _LETTER_RUN.findall(decoded))
    return score


def _russian_word(word: str, model: WordModel) -> float:
    """Log-likelihood of a Cyrillic word as a Russian one, whatever its case: its frequency, or
    for a word the list lacks (a rare name, a misreading) its letters' times :data:`_NOT_A_WORD`.
    """
    word = word.lower()
    logp = model.words.get(word)
    if logp is None:
        logp = sum(model.letters.get(ch, RARE) for ch in word) + _NOT_A_WORD
    return logp


def _segmented(run: str, model: WordModel) -> float:
    """Log-likelihood of a run of letters as its likeliest sequence of words (a unigram model,
    best split found by dynamic programming); a letter no word covers counts as a one-letter
    word of its share among letters times :data:`_NOT_A_WORD`."""
    key = run.translate(model.fold) if model.fold else run
    longest = model.longest
    best = [0.0] + [-math.inf] * len(key)
    for end in range(1, len(key) + 1):
        for start in range(max(0, end - longest), end):
            word = key[start:end]
            logp = model.words.get(word)
            if logp is None:
                if end - start > 1:
                    continue
                logp = model.letters.get(word, RARE) + _NOT_A_WORD
            best[end] = max(best[end], best[start] + logp)
    return best[-1]


def _touches_latin(text: str, start: int, end: int, decoded: str) -> bool:
    """Russian words are not spelt with Latin letters: a Cyrillic reading that would put one
    against a Latin letter (inside the island or just outside it) is no reading."""
    joined = text[start - 1 : start] + decoded + text[end : end + 1]
    return any(
        a.isalpha() and b.isalpha() and (a.isascii() != b.isascii())
        for a, b in itertools.pairwise(joined)
    )


def _case_score(word: str) -> float:
    if word.islower():
        return _CASE_PATTERN["lower"]
    if len(word) > 1 and word.isupper():
        return _CASE_PATTERN["upper"]
    if word[0].isupper() and (len(word) == 1 or word[1:].islower()):
        return _CASE_PATTERN["title"]
    return _ODD_CASE


def _implausible_latin(text: str, island: re.Match) -> bool:
    """Whether the island cannot be correct Latin-script text (see the module's docstring)."""
    raw = island.group()
    for before, after in itertools.pairwise(raw):
        high_pair = before in BYTE_OF and after in BYTE_OF
        if high_pair and (_odd_symbol(before) or _odd_symbol(after)):
            return True
        if before.isalpha() and after.isalpha() and before.islower() and after.isupper():
            return True
    if any("\x80" <= ch <= "\x9f" for ch in raw):
        return True
    start, end = island.start(), island.end()
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return any(_incoherent(word) for word in _WORD.findall(text, start, end))


def _odd_symbol(ch: str) -> bool:
    """A non-letter that correct Latin text never puts right beside another accented character."""
    return ch not in TYPOGRAPHY and (not ch.isalpha() or ch in "ªºµ")


def _incoherent(word: str) -> bool:
    accented = [ch.lower() for ch in word if ch in BYTE_OF]
    if not accented:
        return False
    run = longest = 0
    for ch in word:
        run = run + 1 if ch in BYTE_OF else 0
        longest = max(longest, run)
    if longest >= 3:
        return True
    if len(accented) == 1 and accented[0] in VIETNAMESE_LETTERS:
        return False
    return not any(all(ch in letters for ch in accented) for letters in LANGUAGE_LETTERS.values())


def _dominant_codec(decided) -> str | None:
    """The codec the confident islands agree on, if they do (two thirds of the characters)."""
    chars: dict[str, int] = {}
    for candidate in decided:
        chars[candidate.codec] = chars.get(candidate.codec, 0) + len(candidate.text)
    if not chars:
        return None
    codec, count = max(chars.items(), key=lambda item: item[1])
    return codec if count >= 3 and count >= 2 / 3 * sum(chars.values()) else None


def _high_count(raw: str) -> int:
    return len(_HIGH_CHAR.findall(raw))


def _bytes_of(raw: str) -> bytes:
    """The bytes an island's characters were read from (ASCII stands for itself)."""
    return raw.translate(_AS_LATIN1).encode("latin-1")


def _is_utf8_mojibake(island: re.Match) -> bool:
    """UTF-8 misread is ftfy's to fix: leave it islands whose bytes are valid UTF-8, unless their
    UTF-8 reading is text no one writes (:func:`_written`): two bytes of GBK or EUC-JP are valid
    UTF-8 by chance often enough (唯一 in GBK reads Ψһ, 任天堂 in EUC-JP ǤŷƲ)."""
    try:
        decoded = _bytes_of(island.group()).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return _written(decoded, island.string[island.start() - 1 : island.start()])


def _written(decoded: str, before: str) -> bool:
    """Whether a UTF-8 reading is text that someone writes: letters of one script, no letter of
    the IPA or Latin Extended-B blocks that no language uses, no combining mark but on ASCII or a
    Latin letter (an accent of decomposed text, NFD; a stroke through digits, $̶6̶3̶)."""
    scripts = set()
    previous = before
    for ch in decoded:
        if ch >= "\x80":
            category = unicodedata.category(ch)
            if category == "Cn" or "\u0250" <= ch <= "\u02ff":
                return False
            if "\u0180" <= ch <= "\u024f" and ch not in _WRITTEN_EXTENDED_B:
                return False
            if category == "Mn" and not _latin_base(previous):
                return False
            if category.startswith("L"):
                scripts.add(unicodedata.name(ch, "?").split()[0])
        previous = ch
    return len(scripts) <= 1


def _latin_base(ch: str) -> bool:
    return (ch.isascii() and ch.isprintable() and not ch.isspace()) or unicodedata.name(
        ch, ""
    ).startswith("LATIN")
