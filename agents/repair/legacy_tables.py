"""Tables for legacy-codec mojibake: which bytes a misread character stood for, how typical a
character is of each target script, and which accented letters each Latin-script language uses.

Data only; the logic that uses it is in :mod:`agents.repair.legacy`. The script tables are built
from the structure of each codec's character set, not from any corpus: the national standards
already sort their characters into common and rare (GB 2312 level 1 holds the 3,755 hanzi of
everyday text, level 2 the rest; JIS X 0208 level 1 the everyday kanji; Big5 its "frequently
used" block; KS X 1001 the 2,350 hangul syllables of modern Korean). The Russian letter and Korean
jamo frequencies are rounded textbook figures.
"""

from __future__ import annotations

import math
from functools import cache

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

#: Scripts written in Han ideographs. Their EUC and double-byte codecs share one byte structure
#: (GBK and EUC-JP both pair bytes 0xA1-0xFE), so a run of ideographs alone reads as plausible
#: characters in each: :func:`han_forms` holds the evidence that tells them apart.
HAN_SCRIPTS = frozenset({"zh-hans", "zh-hant", "ja"})

#: Log-probability of a character that a script's everyday text does not use.
RARE = math.log(1e-7)

#: Punctuation that everyday text in each script uses (full-width forms in CJK text).
_PUNCTUATION = {
    "zh-hans": "，。、；：？！“”‘’（）《》—…·",
    "zh-hant": "，。、；：？！「」『』（）《》〈〉…—．",
    "ja": "、。「」『』・ー…（）！？〜々",
    "ko": "“”‘’·…「」〈〉《》",
    "ru": "«»—–„“”…№",
}

#: Russian letters per 1,000 letters of running text (rounded textbook figures).
_RUSSIAN = {
    "о": 110, "е": 85, "а": 80, "и": 74, "н": 67, "т": 63, "с": 55, "р": 47, "в": 45,
    "л": 44, "к": 35, "м": 32, "д": 30, "п": 28, "у": 26, "я": 20, "ы": 19, "ь": 17,
    "г": 17, "з": 17, "б": 16, "ч": 14, "й": 12, "х": 10, "ж": 9, "ш": 7, "ю": 6,
    "ц": 5, "щ": 4, "э": 3, "ф": 3, "ъ": 0.4, "ё": 0.4,
}  # fmt: skip

#: Korean jamo shares (initial consonant, vowel, final consonant; rounded estimates of modern
#: usage). A syllable's likelihood is the product of its three parts', so the everyday syllables
#: (open or with ㄴ, ㄹ, ㅇ finals) score high and the rare ones (compound finals) low.
_INITIALS = [12, 1, 6, 9, 1, 6, 5, 5, 1, 9, 1, 22, 9, 1, 3, 1, 2, 2, 7]  # ㄱ ㄲ ㄴ ㄷ ... ㅎ
_VOWELS = [20, 5, 1, 0.2, 12, 4, 4, 0.5, 10, 2, 0.3, 1, 1, 8, 1, 0.2, 1, 1, 10, 2, 15]  # ㅏ ... ㅣ
_FINALS = [
    55, 5, 0.3, 0.1, 12, 0.1, 0.5, 0.5, 8, 0.3, 0.2, 0.2, 0.05, 0.05, 0.05, 0.2,
    3, 2, 0.5, 2, 2, 8, 1, 0.3, 0.1, 0.1, 0.5, 0.5,
]  # fmt: skip  # none, ㄱ, ㄲ, ㄳ, ㄴ, ㄵ, ㄶ (많), ㄷ, ㄹ, ㄺ (읽), ..., ㅄ (없), ... ㅎ

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


@cache
def script_model(script: str) -> dict[str, float]:
    """Log-probability of each character that everyday text in ``script`` uses.

    Characters missing from the table score :data:`RARE`. Shares: CJK text is about 85% hanzi,
    kanji or hangul and 12% punctuation; Japanese about 40% hiragana.
    """
    builders = {
        "zh-hans": _simplified_chinese,
        "zh-hant": _traditional_chinese,
        "ja": _japanese,
        "ko": _korean,
        "ru": _russian,
    }
    shares = builders[script]()
    punctuation = _PUNCTUATION[script]
    for ch in punctuation:
        shares[ch] = (0.12 if script != "ru" else 0.01) / len(punctuation)
    return {ch: math.log(p) for ch, p in shares.items()}


@cache
def common_characters(script: str) -> frozenset[str]:
    """Characters typical of ``script``: its everyday letters or ideographs and punctuation."""
    floor = math.log(1e-5)
    return frozenset(ch for ch, logp in script_model(script).items() if logp >= floor)


@cache
def han_forms(script: str) -> tuple[frozenset[str], frozenset[str]]:
    """For a Han script: its *own* forms, and the ideographs that some standard ranks *rare*.

    Own forms are those that neither of the other scripts' standards holds: simplified forms
    (爱, 岛, 这) in GB 2312, kokuji and shinjitai (込, 働, 気, 駅) in JIS X 0208, the few
    traditional forms that JIS lacks (說; it holds most, 愛, 島, 國, as old forms) in Big5; and
    kana in Japanese. Rare ones are those that the script's
    standard or another standard holding the same character puts in its rare tier (GB 2312 and
    JIS X 0208 level 2, Big5 outside its frequent block): 沽, 涎 and 瓷 are in GB 2312 level 1,
    but JIS ranks them rare, and Japanese names or Chinese names seldom use them. Each national
    standard's tiers are an independent judgement of a character's use, so agreement across them
    is finer evidence than one standard's tier, which is all the flat models above can see.
    """
    tiers = _han_tiers()
    everyday, held = tiers[script]
    others = [tier for name, tier in tiers.items() if name != script]
    own = held - set().union(*(other_held for _, other_held in others))
    if script == "ja":
        own |= {chr(c) for c in range(0x3041, 0x3097)} | {chr(c) for c in range(0x30A1, 0x30FB)}
    rare = held - everyday
    for other_everyday, other_held in others:
        rare |= held & (other_held - other_everyday)
    return frozenset(own), frozenset(rare)


@cache
def _han_tiers() -> dict[str, tuple[set[str], set[str]]]:
    """Each Han script's standard: its everyday ideographs, and all it holds."""
    euc = range(0xA1, 0xFF)
    big5 = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    tiers = {
        "zh-hans": (
            _block("gb2312", range(0xB0, 0xD8), euc),
            _block("gb2312", range(0xB0, 0xF8), euc),
        ),
        "ja": (_block("euc_jp", range(0xB0, 0xD0), euc), _block("euc_jp", range(0xB0, 0xF5), euc)),
        "zh-hant": (
            _block("big5", range(0xA4, 0xC7), big5),
            _block("big5", range(0xA4, 0xFA), big5),
        ),
    }
    return {
        script: ({ch for ch in everyday if _ideograph(ch)}, {ch for ch in held if _ideograph(ch)})
        for script, (everyday, held) in tiers.items()
    }


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


def _spread(chars: list[str], share: float) -> dict[str, float]:
    return {ch: share / len(chars) for ch in chars}


def _simplified_chinese() -> dict[str, float]:
    euc = range(0xA1, 0xFF)
    return _spread(_block("gb2312", range(0xD8, 0xF8), euc), 0.003) | _spread(
        _block("gb2312", range(0xB0, 0xD8), euc), 0.85
    )


def _traditional_chinese() -> dict[str, float]:
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    rare = _block("big5", range(0xC9, 0xFA), trails)
    common = _block("big5", range(0xA4, 0xC7), trails)
    return _spread(rare, 0.003) | _spread(common, 0.85)


def _japanese() -> dict[str, float]:
    euc = range(0xA1, 0xFF)
    return (
        _spread(_block("euc_jp", range(0xD0, 0xF5), euc), 0.003)
        | _spread(_block("euc_jp", range(0xB0, 0xD0), euc), 0.35)
        | _spread(_block("euc_jp", range(0xA4, 0xA5), euc), 0.40)
        | _spread(_block("euc_jp", range(0xA5, 0xA6), euc), 0.10)
    )


def _korean() -> dict[str, float]:
    syllables = _block("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))
    weights = {}
    for ch in syllables:
        index = ord(ch) - 0xAC00
        initial, vowel, final = index // 588, index % 588 // 28, index % 28
        weights[ch] = _INITIALS[initial] * _VOWELS[vowel] * _FINALS[final]
    total = sum(weights.values())
    hanja = _block("euc_kr", range(0xCA, 0xFE), range(0xA1, 0xFF))
    return _spread(hanja, 0.002) | {ch: 0.85 * w / total for ch, w in weights.items()}


def _russian() -> dict[str, float]:
    """Letters by frequency, whatever their case: a word's case pattern is scored on its own."""
    total = sum(_RUSSIAN.values())
    shares = {}
    for letter, count in _RUSSIAN.items():
        shares[letter] = shares[letter.upper()] = 0.85 * count / total
    return shares
