"""Tables for legacy-codec mojibake: which bytes a misread character stood for, how likely a
character or word is in each target script, and which accented letters each Latin-script language
uses.

Data only; the logic that uses it is in :mod:`agents.repair.legacy`. Chinese, Japanese and Korean
are scored by real word and character frequencies (:mod:`agents.repair.legacy_frequencies`,
wordfreq's lists, read at first use); Traditional Chinese and the hanja of Korean text through
their Simplified forms; Russian by its words and letters, from the same lists. The codecs' own
structure says only which characters each standard holds (:func:`_block`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from agents.repair.legacy_frequencies import frequencies, simplified

#: The byte each character stands for when legacy bytes were read as Latin-1 or as cp1252. One
#: table serves both: Latin-1 reads 0x80-0x9F as C1 controls, cp1252 as typography (€, “, ”, ...);
#: both read 0xA0-0xFF alike. The five bytes cp1252 leaves undefined come through as C1 controls.
BYTE_OF: dict[str, int] = {chr(byte): byte for byte in range(0x80, 0x100)} | {
    bytes([byte]).decode("cp1252"): byte
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

#: Characters only cp1252 produces (Latin-1 never does): they name the codec it was read as.
CP1252_ONLY = frozenset(ch for ch in BYTE_OF if ord(ch) > 0xFF)

#: Codecs the misread bytes may really have been in, with their prior weight: roughly how common
#: each is among legacy-encoded news pages (GBK and cp1251 lead by far; EUC-JP and KOI8-R trail).
#: In this order, so that when two codecs give the same text the commoner one names it.
TARGET_CODECS: dict[str, float] = {
    "gbk": 3.0,
    "gb18030": 1.0,
    "cp1251": 3.0,
    "shift_jis": 1.5,
    "big5": 1.5,
    "euc_kr": 1.0,
    "euc_jp": 0.5,
    "koi8_r": 0.5,
}

#: Scripts of the target codecs, for the language models below.
SCRIPT_OF = {
    "gbk": "zh-hans",
    "gb18030": "zh-hans",
    "big5": "zh-hant",
    "shift_jis": "ja",
    "euc_jp": "ja",
    "euc_kr": "ko",
    "cp1251": "ru",
    "koi8_r": "ru",
}

#: Log-probability of a character that a script's everyday text does not use.
RARE = math.log(1e-7)

#: Punctuation that everyday text in each script uses (full-width forms in CJK text), and the
#: list marks and symbols of CJK news copy (▲ before a caption, ※ before a note, ◎ and ○ before
#: items, △ between them in Korean).
_PUNCTUATION = {
    "zh-hans": "，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕—…·．％",
    "zh-hant": "，。、；：？！「」『』（）《》〈〉【】〔〕…—．“”‘’·•％",
    "ja": "、。「」『』・…（）！？〜，．：；“”【】〔〕％",
    "ko": "“”‘’·…「」〈〉《》『』【】（），．：？！％～",
    "ru": "«»—–„“”…№",
}
_SYMBOLS = "▲△▼▽○●◎◇◆□■★☆※→"
#: Full-width digits and Latin letters, which CJK copy writes among its characters.
_FULL_WIDTH = "".join(
    chr(c) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
)

#: Shares of CJK running text: letters (ideographs, kana, hangul), punctuation, symbols and
#: full-width characters. The letters' own shares come from the frequency lists.
_LETTER_SHARE = 0.85
_PUNCTUATION_SHARE = 0.12
_SYMBOL_SHARE = 0.01
_FULL_WIDTH_SHARE = 0.005

#: Share of hanja among the letters of Korean news (headline abbreviations such as 北 and 美,
#: a word glossed in parentheses): they are looked up as Chinese words, and weighed by it.
HANJA_SHARE = 0.01
#: Log share of a KS X 1001 hangul syllable that wordfreq's Korean list never shows: it is in the
#: standard, so written sometimes (names), but no everyday word has it.
_UNSEEN_HANGUL = math.log(1e-7)
#: A letter typical of a script is one its list shows in a word seen once per million words or
#: more; a hanja, one whose Simplified form is seen once per million letters of Chinese (釜 of
#: 釜山, Busan, is rarer in Chinese than in Korean).
_COMMON_HANJA = math.log(1e-6)

#: Non-ASCII letters that each Latin-script language writes (lower case), as far as Latin-1 and
#: cp1252 hold them. A word whose accented letters no one language shares is not Latin text.
LANGUAGE_LETTERS: dict[str, str] = {
    "french": "àâæçéèêëîïôœùûüÿ",
    "german": "äöüß",
    "spanish": "áéíñóúü",
    "portuguese": "áâãàçéêíóôõúü",
    "italian": "àèéìíîòóùú",
    "catalan": "àçèéíïòóúü",
    "dutch": "áéèëïóöüúê",
    "danish-norwegian": "æøåé",
    "swedish": "åäöé",
    "finnish-estonian": "äöåõüšž",
    "icelandic": "áðéíóúýþæö",
    "faroese": "áðíóúýæø",
    "czech-slovak": "áéíóúýšžäô",
    "hungarian": "áéíóöúü",
    "turkish": "çöüâîû",
    "romanian": "âî",
    "albanian": "çë",
    "welsh": "âêîôûäëïöüáéíóúàèìòùÿ",
    "gaelic-maltese": "àèìòù",
    "irish": "áéíóú",
    "afrikaans-luxembourgish": "êëïôûéèáóäü",
    "croatian-slovene-baltic": "šžõäöü",
    "polish": "ó",
}

#: Vietnamese marks one vowel per syllable: two accented letters in one word are not Vietnamese.
VIETNAMESE_LETTERS = "àáâãèéêìíòóôõùúý"

#: Typography that touches letters in correct text: quotes, dashes, inverted marks, bullets.
TYPOGRAPHY = frozenset("«»‹›‘’‚“”„–—…•·¡¿\xa0\xad")


@dataclass(frozen=True)
class WordModel:
    """What the scorer needs to weigh a run of a script's letters as words of that script."""

    #: log frequency of each word, keyed by its folded form
    words: dict[str, float]
    #: log share of each letter among letters, keyed by its folded form
    letters: dict[str, float]
    #: a ``str.translate`` table applied to a run before it is looked up (Traditional to
    #: Simplified for Big5 text and for hanja), or None
    fold: dict[int, str] | None
    #: the longest word worth looking for, in letters
    longest: int


@cache
def word_model(script: str) -> WordModel:
    """The word model of a script. Big5 text is looked up through its Simplified forms; Korean
    hanja as Chinese words and letters, weighed by :data:`HANJA_SHARE`; Russian in lower case."""
    if script == "ru":
        russian = frequencies("ru")
        fold, words, letters = None, russian.words, russian.letters
    elif script in ("zh-hans", "zh-hant"):
        chinese = frequencies("zh")
        fold = simplified() if script == "zh-hant" else None
        words, letters = chinese.words, _han_only(chinese.letters)
    elif script == "ja":
        japanese = frequencies("ja")
        fold, words, letters = None, japanese.words, japanese.letters
    else:
        korean, chinese, fold = frequencies("ko"), frequencies("zh"), simplified()
        offset = math.log(HANJA_SHARE)
        words = {w: lp + offset for w, lp in chinese.words.items()}
        words |= {w.translate(fold): lp for w, lp in korean.words.items()}
        letters = {ch: lp + offset for ch, lp in _han_only(chinese.letters).items()}
        letters |= {ch: lp for ch, lp in korean.letters.items() if _hangul(ch)}
    return WordModel(words, letters, fold, _longest(words))


def _longest(words: dict[str, float]) -> int:
    """The word length past which a split need not look: longer words are under 0.2% of running
    text (Chinese and Korean 4 letters, Japanese 6: its katakana loanwords)."""
    total = sum(math.exp(logp) for logp in words.values())
    beyond: dict[int, float] = {}
    for word, logp in words.items():
        beyond[len(word)] = beyond.get(len(word), 0.0) + math.exp(logp)
    longest, rest = max(beyond), 0.0
    while longest > 1 and rest + beyond.get(longest, 0.0) < 0.002 * total:
        rest += beyond.get(longest, 0.0)
        longest -= 1
    return longest


@cache
def script_model(script: str) -> dict[str, float]:
    """Log-probability of each character that everyday text in ``script`` uses.

    Characters missing from the table score :data:`RARE`. CJK text is about 85% letters (their
    shares from the frequency lists), 12% punctuation, 1% list marks and symbols.
    """
    if script == "ru":
        shares = _russian()
        for ch in _PUNCTUATION["ru"]:
            shares[ch] = 0.01 / len(_PUNCTUATION["ru"])
        return {ch: math.log(p) for ch, p in shares.items()}
    shares = {ch: _LETTER_SHARE * math.exp(lp) for ch, lp in _letters(script).items()}
    for chars, share in (
        (_PUNCTUATION[script], _PUNCTUATION_SHARE),
        (_SYMBOLS, _SYMBOL_SHARE),
        (_FULL_WIDTH, _FULL_WIDTH_SHARE),
    ):
        for ch in chars:
            shares[ch] = share / len(chars)
    return {ch: math.log(p) for ch, p in shares.items()}


@cache
def common_characters(script: str) -> frozenset[str]:
    """Characters typical of ``script``: letters its frequency list shows in everyday words (for
    Korean, hangul so, and hanja common in Chinese), its punctuation, list marks and symbols."""
    if script == "ru":
        floor = math.log(1e-5)
        return frozenset(ch for ch, logp in script_model("ru").items() if logp >= floor)
    marks = set(_PUNCTUATION[script]) | set(_SYMBOLS) | set(_FULL_WIDTH)
    if script == "ko":
        fold, chinese = simplified(), _han_only(frequencies("zh").letters)
        hangul = {ch for ch in frequencies("ko").letters if _hangul(ch)}
        hanja = {
            ch
            for ch in _block("euc_kr", range(0xCA, 0xFE), range(0xA1, 0xFF))
            if chinese.get(ch.translate(fold), RARE) >= _COMMON_HANJA
        }
        return frozenset(hangul | hanja | marks)
    return frozenset(set(_letters(script)) | marks)


def _ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _block(codec: str, leads: range, trails: range) -> list[str]:
    """The characters a double-byte codec assigns to the given lead and trail bytes."""
    found = []
    for lead in leads:
        for trail in trails:
            try:
                found.append(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                continue
    return found


@cache
def _letters(script: str) -> dict[str, float]:
    """Log share of each letter of ``script`` among its letters, for every letter its standard
    holds that the frequency list shows (and, for Korean, every KS X 1001 syllable and hanja)."""
    if script == "zh-hans":
        return _han_only(frequencies("zh").letters)
    if script == "ja":
        return dict(frequencies("ja").letters)
    chinese, fold = _han_only(frequencies("zh").letters), simplified()
    if script == "zh-hant":
        big5 = _block("big5", range(0xA4, 0xFA), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
        return {ch: chinese[ch.translate(fold)] for ch in big5 if ch.translate(fold) in chinese}
    seen = frequencies("ko").letters
    letters = {
        ch: seen.get(ch, _UNSEEN_HANGUL)
        for ch in _block("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))
    }
    offset = math.log(HANJA_SHARE)
    for ch in _block("euc_kr", range(0xCA, 0xFE), range(0xA1, 0xFF)):
        letters[ch] = chinese.get(ch.translate(fold), RARE) + offset
    return letters


def _han_only(letters: dict[str, float]) -> dict[str, float]:
    """The ideographs of a Chinese list (it holds a few stray kana and hangul)."""
    return {ch: lp for ch, lp in letters.items() if _ideograph(ch)}


def _hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _russian() -> dict[str, float]:
    """Letters by frequency, whatever their case: a word's case pattern is scored on its own."""
    shares = {}
    for letter, logp in frequencies("ru").letters.items():
        shares[letter] = shares[letter.upper()] = 0.85 * math.exp(logp)
    return shares
