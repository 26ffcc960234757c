"""Page furniture and junk lines: what a scraper kept that is not the article.

Scraped pages arrive with the site's buttons flattened into lines ("Share", "Facebook Twitter
Email"), links to other stories ("Read more: ..."), advertising labels, cookie banners, newsletter
sign-ups, navigation and copyright lines, and lines of mojibake: a site name in GBK or Shift-JIS
read as Latin-1 becomes a line of symbols with no word in it (``港口新闻`` becomes ``¸Û¿ÚÐÂÎÅ``).
Each is reported with a reason a person understands, and kept out of the title and the body.

>>> furniture_reason("Share this article")
'share, follow or print buttons'
>>> furniture_reason("¸Û¿ÚÐÂÎÅ")
'mojibake: bytes of another encoding read as Latin-1, no words'
>>> furniture_reason("The army said it had retaken the town.") is None
True

Once the repair stage has restored such a line, it is correct text in another script, and only its
place and length give it away: a word or two of Chinese above an English headline is the site's
name. :func:`foreign_script_reason` says so for the lines at the top and bottom of an article.

>>> foreign_script_reason("港口新闻", "Latin", "top")
'a short line in Han script at the top of a Latin-script article: a site name or page furniture'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from agents.structure.tables.furniture import (
    ASCII_WORD,
    BANNER_WORDS,
    FOREIGN_LINE_MAX_CHARS,
    FURNITURE_MAX_WORDS,
    FURNITURE_RULES,
    FURNITURE_SHORT_WORDS,
    LATIN1_SYMBOLS,
    LIST_ITEM_MAX_WORDS,
    LIST_LABEL,
    SCRIPT_FAMILIES,
)

LIST_ITEM = "an item of a list of related links or topics"
MOJIBAKE = "mojibake: bytes of another encoding read as Latin-1, no words"
SYMBOLS = "no words: a separator or stray symbols"
FOREIGN_SCRIPT = (
    "a short line in {line} script at the {edge} of a {article}-script article: a site name "
    "or page furniture"
)

#: All the rules as one alternation, so a line is matched once; the group name says which rule.
_RULES = re.compile(
    "|".join(f"(?P<rule{i}>{pattern})" for i, (_reason, pattern) in enumerate(FURNITURE_RULES)),
    re.IGNORECASE,
)
_REASONS = {f"rule{i}": reason for i, (reason, _pattern) in enumerate(FURNITURE_RULES)}


def furniture_reason(line: str) -> str | None:
    """Why ``line`` (one line, stripped) is furniture or junk, or None when it is content."""
    if _looks_like_mojibake(line):
        return MOJIBAKE
    if not any(char.isalnum() for char in line):
        return SYMBOLS
    words = len(line.split())
    if words > FURNITURE_MAX_WORDS:
        return None
    if words > FURNITURE_SHORT_WORDS and not any(word in line.lower() for word in BANNER_WORDS):
        return None
    match = _RULES.fullmatch(line.rstrip(" .!:›»>→"))
    return _REASONS[match.lastgroup] if match and match.lastgroup else None


def is_list_label(line: str) -> bool:
    """Whether ``line`` only heads a list of links or topics ("Related topics", "Most read")."""
    return LIST_LABEL.fullmatch(line) is not None


def is_list_item(line: str) -> bool:
    """Short enough to be a topic or a linked headline, and not a sentence."""
    return len(line.split()) <= LIST_ITEM_MAX_WORDS and not line.endswith((".", "!", "?", ":"))


def _looks_like_mojibake(line: str) -> bool:
    """Mostly Latin-1 symbols and accented letters, and not one word of two ASCII letters.

    Real text in a Latin script has ASCII letters between its accents ("Ça va", "Über"); CJK or
    Cyrillic text read with a Latin-1 decoder has none. Correct CJK or Cyrillic text lies outside
    the Latin-1 range and is left alone.
    """
    if ASCII_WORD.search(line):
        return False
    visible = len(line) - line.count(" ")
    return visible > 0 and 2 * len(LATIN1_SYMBOLS.findall(line)) >= visible


def foreign_script_reason(line: str, article_script: str | None, edge: str) -> str | None:
    """Why a short line at the ``edge`` ("top" or "bottom") of an article is furniture: its
    letters are in another script than the article's; None when it is not so."""
    if article_script is None or not is_short_line(line):
        return None
    script = dominant_script(line)
    if script is None or script == article_script:
        return None
    return FOREIGN_SCRIPT.format(line=script, edge=edge, article=article_script)


def is_short_line(line: str) -> bool:
    """Short enough to be a site name or a label: a few characters, spaces aside."""
    return len(line) - line.count(" ") <= FOREIGN_LINE_MAX_CHARS


def dominant_script(text: str) -> str | None:
    """The script most letters of ``text`` are written in ("Latin", "Han", "Cyrillic"...)."""
    counts = Counter(_script(char) for char in text if char.isalpha())
    return counts.most_common(1)[0][0] if counts else None


def _script(letter: str) -> str:
    """A letter's script, from its Unicode name: "CJK UNIFIED IDEOGRAPH-7231" is Han."""
    word = unicodedata.name(letter, "UNKNOWN").split()[0]
    return SCRIPT_FAMILIES.get(word, word.title())
