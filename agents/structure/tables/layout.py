"""Lines and their shapes: sizes of headlines, headings, section labels (kickers), mastheads
and standfirsts, what ends a sentence, what a word is, and when a line runs on into the next.
Read by :mod:`agents.structure.layout` and the stage's title and standfirst steps.
"""

from __future__ import annotations

import re

#: A headline has at most this many words. Labelled set, Nov 2026: same scores from 11 up;
#: below 11, titles, standfirsts, datelines, paragraphs and furniture drop.
HEADLINE_MAX_WORDS = 25
#: A heading inside the body has at most this many words. Labelled set, Nov 2026: same scores
#: from 9 up; below 9, paragraphs drop.
HEADING_MAX_WORDS = 12
#: Characters, for scripts written without spaces (a Chinese headline is one "word").
#: Labelled set, Nov 2026: same scores from 66 characters up for a headline, 42 for a heading;
#: below, as for the words.
HEADLINE_MAX_CHARS = 160
HEADING_MAX_CHARS = 80
#: A section label above the headline ("Middle East", "Analysis", "Live") has at most this many
#: words; a headline has more. Labelled set, Nov 2026: same scores from 1 to 6 only; at 0,
#: titles and standfirsts drop (and authors, paragraphs, furniture); from 7, titles, datelines
#: and furniture.
KICKER_MAX_WORDS = 2
#: A site's name above a section label, in one block over the headline, has at most this many
#: words ("Usk Valley Chronicle"); a headline has more. Labelled set, Nov 2026: same scores
#: from 3 up; below 3, titles, standfirsts and furniture drop.
MASTHEAD_MAX_WORDS = 4
#: A standfirst is at most this many lines between the title and the header's metadata, of at most
#: so many words each. Labelled set, Nov 2026: same scores from 2 lines up (at 1, standfirsts,
#: authors and paragraphs drop) and from 23 words up (below, standfirsts and paragraphs drop).
STANDFIRST_MAX_LINES = 2
STANDFIRST_MAX_WORDS = 60
#: A line that ends like this ends a sentence: not a headline, heading or wrapped line.
SENTENCE_END = re.compile(r"[.!?…:;,。！？；：，][\"”’»)\]」』]*$")
#: A wrapped line at least this long, not ending a sentence, runs on into the next line.
#: Labelled set, Nov 2026: same scores from 0 to 68; from 69, paragraphs drop.
WRAP_MIN_CHARS = 60
#: A word: "al-Sudani", "Assad’s", "U.S" and "4,000" are one each.
WORD = re.compile(r"\w+(?:(?:['’.\-]|(?<=\d),(?=\d))\w+)*")
#: Chinese and Japanese are written without spaces: each character counts as a word.
CJK_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
