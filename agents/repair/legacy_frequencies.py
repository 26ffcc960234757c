"""Real word and letter frequencies of Chinese, Japanese, Korean and Russian, for the legacy-codec
scorer.

The frequencies come from wordfreq (Robyn Speer; code Apache-2.0, word lists CC BY-SA 4.0), pinned
in ``pyproject.toml``: lists built from many sources (Wikipedia, film subtitles, news, web text,
books) and shipped inside the package, so nothing is downloaded. They are read where the package
is installed, at first use: the first line that has an island for the legacy scorer to judge,
never at import, so clean text and processes that meet no mojibake never pay for them. Reading the
package, rather than generating tables from it into this repository, keeps one source of truth,
no script and generated file to keep in step, and no adapted copy of CC BY-SA data among
copydesk's own files; it costs a 58 MB dependency and about 0.65 s and 24 MB at the first island.

wordfreq's *small* lists are read: the words seen at least once per million words (Chinese 38,590,
Japanese 30,215, Korean 29,988, Russian 61,193; those made of the language's letters are kept).
Its *large* Chinese and Japanese lists (down to once per hundred million words) took 0.9 s each
to read here against 0.1 s, and told no name of the repair benchmark apart better.

wordfreq's Chinese is Simplified: its sources' Traditional text was folded into Simplified. So
is the key to look Traditional text up by, through wordfreq's own mapping (:func:`simplified`).
The lists are read directly in wordfreq's documented format (``wordfreq.read_cBpack``), without
importing wordfreq, whose import (langcodes) would cost more than reading them.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import msgpack

#: wordfreq's list for each language read here.
WORDLIST = "small"


@dataclass(frozen=True)
class Frequencies:
    """One language's words made of its own letters, and those letters, from wordfreq's list."""

    #: log frequency of each word (a share of all the words of running text)
    words: dict[str, float]
    #: log share of each letter (ideograph, kana or hangul) among the letters of running text
    letters: dict[str, float]


#: The letters of the CJK scripts, as a regex class: ideographs, kana (with the prolonged sound
#: mark), hangul syllables, and the iteration and closing marks 々 and 〆, which words hold.
LETTER_CLASS = "\u4e00-\u9fff\u3400-\u4dbf\u3041-\u3096\u30a1-\u30fa\u30fc\uac00-\ud7a3々〆"
#: Words kept from each language's list: made of its letters alone (wordfreq lower-cases them).
_WORDS = {
    "zh": re.compile(f"[{LETTER_CLASS}]+"),
    "ja": re.compile(f"[{LETTER_CLASS}]+"),
    "ko": re.compile(f"[{LETTER_CLASS}]+"),
    "ru": re.compile("[а-яё]+"),
}


@cache
def frequencies(language: str) -> Frequencies:
    """The frequencies of ``language`` ("zh", "ja", "ko" or "ru"), read from wordfreq at first use.

    A letter's share is counted from the words it is in, each weighed by its frequency: wordfreq
    lists words, not characters. Words with anything but the language's letters in them (Latin,
    digits) are left out: the scorer looks up runs of letters only.
    """
    keep = _WORDS[language].fullmatch
    words: dict[str, float] = {}
    counts: Counter[str] = Counter()
    for index, bucket in enumerate(_read_list(language)):
        kept = [word for word in bucket if keep(word)]
        if not kept:
            continue
        frequency = 10 ** (-index / 100)  # wordfreq's buckets are centibels
        words.update(dict.fromkeys(kept, math.log(frequency)))
        for letter, count in Counter("".join(kept)).items():
            counts[letter] += count * frequency
    total = sum(counts.values())
    letters = {letter: math.log(count / total) for letter, count in counts.items()}
    return Frequencies(words, letters)


def _read_list(language: str) -> list[list[str]]:
    """wordfreq's list for ``language``: words in buckets of frequency, bucket ``i`` holding the
    words whose frequency is 10^(-i/100). The format, cBpack, is documented by
    ``wordfreq.read_cBpack``; read here directly, so that wordfreq's import (langcodes) is not
    paid for."""
    with gzip.open(_data(f"{WORDLIST}_{language}.msgpack.gz")) as unpacked:
        header, *buckets = msgpack.load(unpacked, raw=False)
    if header != {"format": "cB", "version": 1}:
        raise ValueError(f"wordfreq's {language!r} list has an unknown format: {header!r}")
    return buckets


@cache
def simplified() -> dict[int, str]:
    """Traditional characters to Simplified ones (a ``str.translate`` table), as wordfreq folds
    them: the key to look Traditional Chinese, and the hanja of Korean text, up by."""
    with gzip.open(_data("_chinese_mapping.msgpack.gz")) as unpacked:
        table = msgpack.load(unpacked, raw=False, strict_map_key=False)
    return {int(code): str(to) for code, to in table.items()}


def _data(name: str) -> Path:
    """A file of wordfreq's data folder, found without importing wordfreq."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("wordfreq is not installed: pip install -c constraints.txt -e .")
    return Path(spec.origin).parent / "data" / name
