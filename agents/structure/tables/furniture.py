"""Page furniture and junk lines: what :mod:`agents.structure.furniture` reads as not the article.

Buttons and links flattened into lines, advertising labels, cookie banners, newsletter sign-ups,
navigation, copyright and comment lines, labels of lists of links, and the signs of mojibake and
of a line in another script.
"""

from __future__ import annotations

import re

from agents.lexicon import alternation

#: Lines longer than this are prose, never furniture: a cookie banner is about 30 words.
#: Labelled set, Nov 2026: same scores from 15 up; below 15, titles, standfirsts and furniture
#: drop.
FURNITURE_MAX_WORDS = 40
#: Buttons, labels and links are shorter than this; a longer line can only be a banner, which
#: names one of BANNER_WORDS (checked first: running every rule on each paragraph costs 0.4 ms).
#: Labelled set, Nov 2026: same scores from 11 up; below 11, paragraphs and furniture drop.
FURNITURE_SHORT_WORDS = 20
BANNER_WORDS = ("cookie", "newsletter", "inbox", "subscri")

#: Share, follow and print buttons, which scrapers flatten into lines of their labels.
_BUTTONS = (
    "share", "tweet", "email", "e-mail", "mail", "print", "copy link", "copy", "link", "facebook",
    "twitter", "x", "whatsapp", "telegram", "linkedin", "reddit", "pinterest", "messenger",
    "flipboard", "bluesky", "threads", "save", "bookmark", "gift article",
)  # fmt: skip
_BUTTON = rf"(?:{alternation(_BUTTONS)})"

#: (reason a person reads in the furniture report, full-line pattern). First match wins.
FURNITURE_RULES: tuple[tuple[str, str], ...] = (
    ("share, follow or print buttons", rf"{_BUTTON}(?:\s*[|·•/,]?\s*{_BUTTON})*"),
    (
        "share, follow or print buttons",
        r"(?:share|send|email) (?:this|the) (?:article|story|page|post|link)\b.*"
        r"|share (?:on|via|to) .{1,40}|click to (?:share|print|email)\b.*"
        r"|follow (?:us|me|our\b.*|@\w+.*)(?: on .{1,40})?"
        r"|follow \S+(?: \S+){0,3} on (?:twitter|x|facebook|instagram|tiktok|linkedin|bluesky).*",
    ),
    (
        "link to another article",
        r"(?:read|see|watch|listen)(?: \w+)? (?:more|also|next)\b.*|more on (?:this|the)\b.*"
        r"|related(?: stories| articles| content| coverage| topics)?\s*:?.{0,120}"
        r"|(?:recommended|most (?:read|popular|viewed|shared))(?: stories| articles)?\s*:?.{0,120}"
        r"|(?:watch|listen|video)\s*:.{1,120}|explore more\b.*|up next\b.*",
    ),
    (
        "advertising",
        r"advertisement|advert|ad|ads|sponsored(?: content| post)?|promoted|paid (?:post|content)"
        r"|(?:story|article) continues (?:below|after)(?: this)?(?: advertisement| ad)?"
        r"|scroll (?:down )?to continue(?: reading)?|continue reading(?: below| the main story)?"
        r"|skip advert(?:isement)?|remove ads|ad feedback",
    ),
    # Lookaheads, not ".*x.*y": a line is scanned once per word sought, not once per split.
    (
        "cookie banner",
        r"(?=.*?\bcookies?\b)(?=.*?\b(?:accept|consent|agree|policy|settings|preferences)\b).*"
        r"|(?=.*?\b(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\b).*"
        r"|(?:accept|reject|manage)(?: all)?(?: cookies| preferences| settings)?",
    ),
    (
        "newsletter sign-up",
        r"(?:sign up|subscribe)(?:\s+(?:now|today|here|for free|free))?(?:\s+(?:to|for|and)\b.*)?"
        r"|get (?:our|the) .{0,60}\b(?:newsletter|briefing|alerts?|bulletin)\b.*"
        r"|(?=.*?\bnewsletters?\b)(?=.*?\b(?:sign up|subscribe)\b).*|(?=.*?\bin your inbox\b).*"
        r"|already a subscriber\??.*|subscribers? only\b.*",
    ),
    (
        "site navigation",
        r"skip to (?:main )?(?:content|navigation)|(?:main )?menu|open menu|close(?: menu)?|home"
        r"|search|log ?in|sign ?in|log ?out|sign ?out|my account|back to top|top of page"
        r"|toggle navigation|more|previous|next|(?:previous|next) (?:article|story|page|image)"
        # A menu: three or more short items between bars or dots ("Home | Markets | Tech"); a
        # byline or a date ("By ...", digits) joined with bars is metadata, not a menu.
        r"|(?!by\s)[^|·•\d]{1,25}(?:\s[|·•]\s[^|·•\d]{1,25}){2,}",
    ),
    ("copyright notice", r"(?:©|\(c\)|copyright\b).{0,200}|all rights reserved\.?"),
    (
        "comments link",
        r"comments?(?: \(\d+\))?|\d+ comments?|(?:leave|add|post) a comment|show comments"
        r"|view comments|join the (?:conversation|discussion)",
    ),
    (
        "media player or gallery label",
        r"(?:image|photo|picture|video|gallery)(?: \d+ (?:of|/) \d+)?|expand image|enlarge image"
        r"|(?:play|watch) video|listen to (?:this )?(?:article|story)\b.{0,40}"
        r"|\d+ (?:photos|images|pictures)|view gallery",
    ),
    ("tag list", r"(?:tags|topics|filed under|categories)\s*:.{0,200}"),
)

#: A line that only heads a list of links or topics: the lines under it in its block are the
#: list's items ("Related topics" over "Retail" and "Jobs"), whatever their words.
LIST_LABEL = re.compile(
    r"(?:related(?: stories| articles| content| coverage| topics| links)?|topics|tags"
    r"|more on this (?:story|topic)|(?:most (?:read|popular|viewed|shared)|recommended)"
    r"(?: stories| articles)?|(?:read|see) (?:more|also))\s*:?",
    re.IGNORECASE,
)
#: A list item is a topic or a story's headline: at most this many words, and no sentence.
#: Labelled set, Nov 2026: same scores from 1 up, so 16 is a judgement: a long headline's length.
LIST_ITEM_MAX_WORDS = 16

#: A line this short (characters, spaces aside) at the top or bottom of an article, in another
#: script than the article's, is a site name or a label: the seed's site name is three Chinese
#: characters, its last line one. Labelled set, Nov 2026: no such line, every value scores the
#: same.
FOREIGN_LINE_MAX_CHARS = 12
#: Scripts by the first word of their letters' Unicode names, where that word is not the script's
#: name; Japanese kana count with Han, as Japanese text mixes them.
SCRIPT_FAMILIES = {"CJK": "Han", "HIRAGANA": "Han", "KATAKANA": "Han", "HANGUL": "Hangul"}

#: Two ASCII letters in a row: mojibake of a CJK or Cyrillic run has none.
ASCII_WORD = re.compile(r"[A-Za-z]{2}")
#: Where legacy bytes read as Latin-1 or cp1252 land: Latin-1 Supplement and Latin Extended.
LATIN1_SYMBOLS = re.compile(r"[\u0080-\u024f]")
