"""Tables for the structure stage: word lists and regular expressions, no logic.

Kept apart from the code that uses them (``furniture``, ``dates``, ``metadata``, ``quotes``) so a
new site's furniture or a new agency is a one-line change here. Every regex is compiled once, at
import, with its flags beside it: case is ignored for words, and kept where capitals carry meaning
(names, places, time zones).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.lexicon import NAME_PARTICLES, NEWS_AGENCIES, ROLE_WORDS


def _alternatives(words: Iterable[str]) -> str:
    """``words`` as one regex alternation, longest first so that "Sept" wins over "Sep"."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# --- Page furniture -------------------------------------------------------------------------------

#: Lines longer than this are prose, never furniture: a cookie banner is about 30 words.
FURNITURE_MAX_WORDS = 40
#: Buttons, labels and links are shorter than this; a longer line can only be a banner, which
#: names one of BANNER_WORDS (checked first: running every rule on each paragraph costs 0.4 ms).
FURNITURE_SHORT_WORDS = 20
BANNER_WORDS = ("cookie", "newsletter", "inbox", "subscri")

#: Share, follow and print buttons, which scrapers flatten into lines of their labels.
_BUTTONS = (
    "share", "tweet", "email", "e-mail", "mail", "print", "copy link", "copy", "link", "facebook",
    "twitter", "x", "whatsapp", "telegram", "linkedin", "reddit", "pinterest", "messenger",
    "flipboard", "bluesky", "threads", "save", "bookmark", "gift article",
)  # fmt: skip
_BUTTON = rf"(?:{_alternatives(_BUTTONS)})"

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
LIST_ITEM_MAX_WORDS = 16

#: A line this short (characters, spaces aside) at the top or bottom of an article, in another
#: script than the article's, is a site name or a label: the seed's site name is three Chinese
#: characters, its last line one.
FOREIGN_LINE_MAX_CHARS = 12
#: Scripts by the first word of their letters' Unicode names, where that word is not the script's
#: name; Japanese kana count with Han, as Japanese text mixes them.
SCRIPT_FAMILIES = {"CJK": "Han", "HIRAGANA": "Han", "KATAKANA": "Han", "HANGUL": "Hangul"}

#: Two ASCII letters in a row: mojibake of a CJK or Cyrillic run has none.
ASCII_WORD = re.compile(r"[A-Za-z]{2}")
#: Where legacy bytes read as Latin-1 or cp1252 land: Latin-1 Supplement and Latin Extended.
LATIN1_SYMBOLS = re.compile(r"[\u0080-\u024f]")


# --- Header lines: byline, reading time, caption credits ------------------------------------------

AGENCY = rf"(?:{_alternatives(NEWS_AGENCIES)})"
#: An agency printed after a byline's last name without a comma: "By A and B Associated Press".
AGENCY_SUFFIX = re.compile(rf"\s+(?P<agency>{AGENCY})$")

#: Words that name a job, not a person: "By Jane Doe, Middle East correspondent".
BYLINE_ROLES = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|staff|contributor|analyst|columnist|desk"
    r"|bureau|chief|producer|journalist|team|and agencies|agencies|news)\b",
    re.IGNORECASE,
)
#: "By", "Written by", "Posted by", "Author:" before the names.
BYLINE = re.compile(
    r"(?:by|written by|posted by|words by|words and pictures by|story by|authors?:)"
    r"\s+(?P<names>.+)",
    re.IGNORECASE,
)
#: The trailer of a wire story: "Reporting by A in Beirut; Editing by B", "Editor: C".
BYLINE_TRAILER = re.compile(
    r"(?:(?:additional\s+)?reporting|writing|editing|edited|compiled|graphics|photos?)\s+by\s+.+"
    r"|editors?\s*:\s*.+",
    re.IGNORECASE,
)
#: The trailer roles whose people wrote the story (editors did not).
TRAILER_AUTHORS = re.compile(r"(?:(?:additional\s+)?reporting|writing)\s+by\s+", re.IGNORECASE)
#: Separators between the names of a byline.
NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\||&|\band\b|\(|\))\s*")
#: Where in a byline part the person ends: "Jane Doe in Beirut".
NAME_PLACE_SUFFIX = re.compile(r"\s+in\s+[A-Z].*$")
NAME_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|(?:al|el)-[A-Za-z][\w'’-]*)")

#: A byline, date or reading-time line is shorter than this, even with several joined.
METADATA_MAX_WORDS = 24
#: Metadata joined on one line: "By Jane Doe | 5 min read | 3 March 2025", and a blog's "Posted on
#: 22 April 2025 by Jane Doe" (every part must then be metadata, so a sentence never splits).
METADATA_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s+(?=[Bb]y\s)")

#: "2 min read", "5-minute read", "Reading time: 4 minutes". The word "read" is required.
READING_TIME = re.compile(
    r"\W*(?:(?:estimated\s+)?(?:reading|read)\s+time\s*:?\s*)?(?:about\s+|approx\.?\s+|~\s*)?"
    r"(?P<minutes>\d{1,3})\s*-?\s*(?:min(?:ute)?s?|m)\.?(?:\s+(?:read|reading|to read))?",
    re.IGNORECASE,
)

#: Photo agencies and stock libraries, beside the news agencies, that credit images.
_PHOTO_CREDITS = (
    "Getty", "Getty Images", "Shutterstock", "Alamy", "EPA", "EPA-EFE", "AP Photo", "SOPA",
    "NurPhoto", "Handout", "Supplied", "File", "Courtesy", "Unsplash", "iStock", "Wikimedia",
    "Pool", "PA Wire",
)  # fmt: skip
#: A credit in brackets must name one of these, so "(HTS)" at a line's end is not a credit.
CREDIT_NAMES = re.compile(
    rf"\b(?:{_alternatives([*NEWS_AGENCIES, *_PHOTO_CREDITS])})\b|/|\bphoto\b", re.IGNORECASE
)
#: A caption and its credit: "... [Getty]", "... (AFP)", "... Photo: Reuters", "Credit: ...".
CAPTION = re.compile(
    r"(?P<caption>.*?\S)\s*[-–—|]?\s*"
    r"(?:\[(?P<bracketed>[^\[\]]{2,60})\]|\((?P<parenthesised>[^()]{2,60})\)"
    r"|(?:Photo(?:graph)?s?|Picture|Pic|Image|Credit|Photo credit|Image credit|Image source)"
    r"\s*:\s*(?P<labelled>[^:]{2,60}?))\s*",
)
#: Captions are short; a longer line that ends "(AFP)" is a story signed off by the agency.
CAPTION_MAX_WORDS = 50


# --- Dateline: "BEIRUT (Reuters) -", "WASHINGTON, Dec 2 (Reuters) —", "Washington (CNN) —" --------

_PLACE_UPPER = r"[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+)*"
_PLACE_MIXED = r"[A-Z][\w'’.\-]+(?:[ /][A-Z][\w'’.\-]+)*"
#: Case-sensitive: the place in capitals, or in any case when an agency in brackets follows.
DATELINE = re.compile(
    rf"(?P<place>(?P<upper>{_PLACE_UPPER})|{_PLACE_MIXED})(?:,\s+(?P<region>{_PLACE_MIXED}))??"
    r"(?:,\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"\s*(?:\((?P<agency>[^()]{2,40})\))?\s*(?P<dash>--|[-–—])\s+"
)


# --- Headlines and headings -----------------------------------------------------------------------

HEADLINE_MAX_WORDS = 25
HEADING_MAX_WORDS = 12
#: Characters, for scripts written without spaces (a Chinese headline is one "word").
HEADLINE_MAX_CHARS = 160
HEADING_MAX_CHARS = 80
#: A section label above the headline ("Middle East", "Analysis", "Live") has at most this many
#: words; a headline has more.
KICKER_MAX_WORDS = 2
#: A site's name above a section label, in one block over the headline, has at most this many
#: words ("Usk Valley Chronicle"); a headline has more.
MASTHEAD_MAX_WORDS = 4
STANDFIRST_MAX_LINES = 2
STANDFIRST_MAX_WORDS = 60
#: A line that ends like this ends a sentence: not a headline, heading or wrapped line.
SENTENCE_END = re.compile(r"[.!?…:;,。！？；：，][\"”’»)\]」』]*$")
#: A wrapped line at least this long, not ending a sentence, runs on into the next line.
WRAP_MIN_CHARS = 60
#: A word: "al-Sudani", "Assad’s", "U.S" and "4,000" are one each.
WORD = re.compile(r"\w+(?:(?:['’.\-]|(?<=\d),(?=\d))\w+)*")
#: Chinese and Japanese are written without spaces: each character counts as a word.
CJK_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


# --- Dates and times ------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_MONTH = rf"(?P<month>{_alternatives(list(MONTHS))})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAYS = (
    "monday", "mon", "tuesday", "tues", "tue", "wednesday", "wed", "thursday", "thurs", "thur",
    "thu", "friday", "fri", "saturday", "sat", "sunday", "sun",
)  # fmt: skip
WEEKDAY = rf"(?:{_alternatives(_WEEKDAYS)})\b\.?"

#: Date shapes pages print, tried in this order; each gives year, month and day groups.
DATE_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # 2024-12-02, 2024-12-02T17:41:00Z, 2024-12-02 17:41+01:00
        r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})"
        r"(?::\d{2}(?:\.\d+)?)?\s*(?P<offset>Z|[+-]\d{2}:?\d{2})?)?(?![\d:])",
        # 02 December, 2024 / 2nd of Dec 2024
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b",
        # December 2, 2024 / Dec. 2 2024
        rf"\b{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})\b",
        # 02.12.2024 (always day first) / 02/12/2024 (only when unambiguous, see dates.py)
        r"\b(?P<day>\d{1,2})(?P<sep>[./])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})\b",
    )
)
#: 5:41 PM, 17:41, 5.41pm, 5 p.m.; a time needs minutes or am/pm.
TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::\d{2})?)?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?",
    re.IGNORECASE,
)

#: Zone names that follow daylight saving, resolved with zoneinfo on the printed date. Keys are in
#: capitals: a zone is looked up as printed, in capitals.
REGIONAL_ZONES = {
    "ET": "America/New_York", "PT": "America/Los_Angeles", "CT": "America/Chicago",
    "MT": "America/Denver", "UK TIME": "Europe/London", "LONDON TIME": "Europe/London",
    "PARIS TIME": "Europe/Paris", "BERLIN TIME": "Europe/Berlin", "MOSCOW TIME": "Europe/Moscow",
    "BEIJING TIME": "Asia/Shanghai", "TOKYO TIME": "Asia/Tokyo", "MECCA TIME": "Asia/Riyadh",
}  # fmt: skip
#: Abbreviations that name one offset whatever the season (minutes east of UTC): BST is always
#: UTC+1 and EST always UTC-5, so zoneinfo's seasonal rules must not move them. Ambiguous ones
#: (CST: US or China; IST: India, Ireland or Israel; AST) are left out: no zone beats a wrong one.
FIXED_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "WEST": 60, "CET": 60, "CEST": 120,
    "EET": 120, "EEST": 180, "MSK": 180, "GST": 240, "PKT": 300, "WIB": 420, "HKT": 480,
    "SGT": 480, "AWST": 480, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660, "NZST": 720,
    "NZDT": 780, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480,
    "PDT": -420, "AKST": -540, "HST": -600,
}  # fmt: skip
_ABBREVIATED_ZONES = [zone for zone in [*REGIONAL_ZONES, *FIXED_ZONES] if " " not in zone]
_NAMED_ZONES = [zone.replace(" ", r"\s+") for zone in REGIONAL_ZONES if " " in zone]
#: A zone after a time: "GMT+3", "UTC-05:00", "Paris time", or an abbreviation in capitals ("et"
#: and "mt" are words). An abbreviation not in the tables is read as a zone we cannot place.
ZONE = re.compile(
    r"\s*\(?(?P<zone>(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?"
    rf"|(?i:{'|'.join(_NAMED_ZONES)})|{_alternatives(_ABBREVIATED_ZONES)}|[A-Z]{{2,5}})\)?(?![\w+-])"
)
#: "Published", "Updated:", "Last updated on", "First published" before a date.
DATE_LABEL = re.compile(
    r"\W*(?P<label>(?:first\s+)?published|(?:last\s+)?(?:updated|modified)|posted|created|date)"
    r"(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
#: What may be left on a date line besides the date and time: weekdays, "at", "on", punctuation.
DATE_FILLER = re.compile(rf"(?:[\W_]|\b(?:at|on)\b|\b{WEEKDAY})*", re.IGNORECASE)


# --- Quotations and their speakers ----------------------------------------------------------------

#: Opening and closing quote marks. Straight double quotes open and close in turn.
OPENING_QUOTES = "“«"
CLOSING_QUOTES = "”»"
QUOTE_MARKS = re.compile(r"[\"“”«»]")
#: A quotation in single curly marks, as British style prints them: ‘...’. The closing mark is
#: also the apostrophe, so it closes only where no letter follows ("Assad’s" runs on), and the
#: opening one only where none stands before it. A closing mark after punctuation (‘...,’ she
#: said) is taken first, so a plural possessive inside ("the workers’ canteen") does not end it.
SINGLE_QUOTATION = re.compile(r"(?<![\w’])‘(?=\S)(?:[^‘\n]*?[,.!?…]’(?!\w)|[^‘\n]*?(?<=\S)’(?!\w))")
#: A quotation shorter than this, and not attributed, is a scare quote or a title: "red lines".
QUOTE_MIN_WORDS = 3
#: Verbs that introduce speech or writing, finite forms.
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "read", "reads",
    "stated", "states", "declared", "stressed", "emphasised", "emphasized", "warned", "noted",
    "explained", "insisted", "argued", "claimed", "asked", "replied", "announced", "urged",
    "continued", "concluded", "recalled", "acknowledged", "admitted", "confirmed", "posted",
    "tweeted", "responded", "commented", "remarked", "pledged", "vowed", "promised", "cautioned",
    "complained", "conceded", "called", "described", "welcomed", "condemned", "criticised",
    "criticized", "praised", "hailed", "denounced", "according to",
)  # fmt: skip
#: Participles that carry on the sentence's subject: "X said ..., adding: "...".
SPEECH_PARTICIPLES = ("adding", "saying", "writing", "warning", "noting", "stressing")
SPEECH_VERB = rf"(?:{_alternatives(SPEECH_VERBS)})"
#: Adverbs between a speaker and the verb: "he also said".
SPEECH_ADVERBS = r"(?:also|later|then|earlier|further|again|previously|separately|subsequently)"
#: Attribution after a quotation: ', X said.', ', said X.', ', X told Reuters', and the agency
#: with "told" dropped (', a senior official Reuters, adding ...'), whose agency is not the speaker.
ATTRIBUTION_AFTER = re.compile(
    rf"\s*,?\s*(?:(?:{SPEECH_VERB})\s+(?P<inverted>[^,.;:!?\"“”«»]{{1,80}})"
    rf"|(?P<subject>[^.;:!?\"“”«»]{{1,120}}?)\s+(?:{SPEECH_ADVERBS}\s+)?"
    rf"(?:(?:{SPEECH_VERB})\b|(?:{AGENCY})(?=\s*[,.])))"
)
#: A speech verb in the clause before a quotation: 'X said: "', 'they emphasised "'.
SPEECH_VERB_WORD = re.compile(
    rf"\b(?:{SPEECH_ADVERBS}\s+)?(?P<verb>{SPEECH_VERB}|{_alternatives(SPEECH_PARTICIPLES)})\b"
)
#: At most this many words between the verb and the quotation: 'told reporters on Monday:'.
ATTRIBUTION_MAX_TAIL_WORDS = 8
SPEAKER_MAX_WORDS = 12
#: Where an inverted speaker ends: 'said Jane Doe in a statement', 'said the army on Monday'.
SPEAKER_END = re.compile(
    r"\s+(?:on|in|at|during|after|before|when|while|as|adding|according|who|which)\b.*$"
)
#: Words that open a clause, not a noun phrase: 'but officials said' -> 'officials'.
#: Alone, such a word is the whole phrase: ', but added: "..."' has no speaker of its own.
LEADING_CONJUNCTION = re.compile(r"^(?:and|but|while|as|so|yet)(?:\s+|$)", re.IGNORECASE)
#: A clause that ends in one was cut before a second verb: 'X thanked the club and said: "'.
TRAILING_CONJUNCTION = re.compile(r"\s(?:and|but|yet)$", re.IGNORECASE)
#: A speaker described, not named: 'the winner', 'a spokeswoman for the port'.
DESCRIPTION = re.compile(r"(?:the|a|an)\s", re.IGNORECASE)
#: Words that start a relative clause or a participle: not a speaker.
NOT_A_SPEAKER = re.compile(r"^(?:who|which|that|whose|where|when|\w+ing)\b", re.IGNORECASE)
PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
#: Pronouns that stand for a person, whom the text may have named just before.
PERSONAL_PRONOUNS = frozenset({"he", "she"})
#: Documents that "read" or "say" things: 'the message read', 'the statement said'.
DOCUMENTS = (
    "message", "statement", "letter", "post", "note", "communique", "communiqué", "report",
    "document", "announcement", "tweet", "email", "memo", "notice", "release", "declaration",
    "leaflet", "video", "recording",
)  # fmt: skip
DOCUMENT_SPEAKER = re.compile(
    rf"(?:the|this|that)\s+(?P<noun>{_alternatives(DOCUMENTS)})", re.IGNORECASE
)
#: A capitalised name, with particles inside: "Mohammed Shia' Al-Sudani", "Hanna de Vries", and
#: "of" and "the" inside an organisation's ("Bank of England"). Not "and" nor "for", which stand
#: inside names only where brackets bound them (see the entities stage's LONG_NAME_CONNECTORS):
#: in running text "A and B" are two names.
_NAME = (
    rf"[A-Z][\w'’.\-]*(?:\s+(?:(?:{_alternatives([*NAME_PARTICLES, 'of', 'the'])})\s+)*"
    r"[A-Z][\w'’.\-]*)*"
)
_CONJUNCT = rf"(?:[a-z]+\s+){{0,2}}{_NAME}"
#: Who sent a document, by name: 'a message sent by the Syrian Salvation Government'. A sender
#: not named with capitals ('sent by the rebels to ...') has no clear end, and is not taken.
DOCUMENT_SENDER = re.compile(
    rf"(?i:\b(?:a|an|the)\s+(?:\w+\s+){{0,2}}?(?P<noun>{_alternatives(DOCUMENTS)})\s+(?:sent"
    r"|issued|released|published|posted|signed|written|circulated|delivered|shared|put out)\s+"
    rf"(?:\w+\s+){{0,3}}?by\s+)(?P<sender>(?:the\s+)?{_NAME})"
)
#: What may open a sentence before its subject: 'On Sunday evening, ', 'In Vienna, '.
_OPENER = (
    r"(?:(?i:on|in|at|during|after|before|late|earlier|later|last|this|yesterday|today|meanwhile"
    r"|separately|however)\b[^,]{0,40},\s+)?"
)
#: The conjoined subject of a sentence: 'On Sunday, A and B discussed', 'A, B and C met'. A title
#: may stand before a name in lower case: 'opposition leader Erik Sand'.
CONJOINED_SUBJECT = re.compile(
    rf"{_OPENER}(?P<subject>{_CONJUNCT}(?:\s*,\s*{_CONJUNCT})*\s+(?:and|&)\s+{_CONJUNCT})"
    r"\s+(?=[a-z])"
)
#: The subject of a speech verb at a sentence's start, and an optional apposition:
#: 'On Monday, the union said', 'The operator, Minera Austral, said'.
SPEECH_SUBJECT = re.compile(
    rf"{_OPENER}(?P<subject>[^,.;:!?\"“”«»]{{1,100}}?)(?:,(?P<apposition>[^,.;:!?\"“”«»]{{1,60}}),)?"
    rf"\s+(?:{SPEECH_ADVERBS}\s+)?(?:{SPEECH_VERB})\b"
)
#: A person's name as the text writes it: capitalised words, particles inside ("Kofi Mensah").
PERSON_NAME = re.compile(rf"\b{_NAME}")
#: Capitalised words that open a sentence or a phrase, not a name: "The Helvetia", "In Geneva".
NOT_A_NAME_START = frozenset(
    "the a an this that these those his her its their our my your some many most all every each"
    " no one in on at for from with by of and but when while after before as if he she it we they"
    " i".split()
)
#: A word before a role noun: capitalised ("City"), or a lower-case word that is no function word
#: or past-tense verb ("union leader", not "The club signed striker").
_ROLE_MODIFIER = (
    r"(?:[A-Z][\w'’.-]*|(?!(?:the|a|an|and|or|but|of|in|on|at|to|for|with|by|from|as|was|is|had"
    r"|has|have|were|who|which|that)\b)[a-z][\w'’-]*(?<!ed))"
)
#: What may open a sentence before its subject ('On Sunday, '), alone.
SENTENCE_OPENER = re.compile(_OPENER)
#: A role before a name that is a sentence's subject ("City manager "); ``role`` is the role.
ROLE_PREFIX = re.compile(
    rf"(?:(?P<role>(?:{_ROLE_MODIFIER}\s+){{0,2}}(?i:{_alternatives(ROLE_WORDS)}))\s+)?"
)
#: What follows a name that is a sentence's subject: its apposition or its verb.
AFTER_SUBJECT = re.compile(r"\s*,|\s+[a-z]")
#: A sentence ends at . ! ? (and any closing marks) before a space and a capital or a quote.
SENTENCE_BREAK = re.compile(r"[.!?…]+[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9])")
#: Abbreviations whose full stop does not end a sentence: "Mr. Smith", "Dec. 2".
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st mt no vs jr sr inc co corp ltd"
    " jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e".split()
)


# --- HTML pages -----------------------------------------------------------------------------------

#: Where pages state when an article was published, with its time and zone: the ``<meta>`` names
#: and properties, in order of trust (Open Graph's article tag is the most common).
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "dc.date.issued",
    "dcterms.created", "pubdate", "publishdate", "date",
)  # fmt: skip
#: JSON-LD types that describe the article itself (not the site, the breadcrumb or the author).
JSONLD_ARTICLE_TYPES = frozenset(
    "Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle BlogPosting"
    " LiveBlogPosting Report ScholarlyArticle WebPage".split()
)
#: Image captions, which trafilatura drops from the main text: ``<figcaption>``, and elements a
#: site marks as a caption by class.
CAPTION_XPATH = (
    "//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')]"
)
#: Under this many words of main text, trafilatura found no article: its text says nothing about
#: which lines are boilerplate.
MAIN_TEXT_MIN_WORDS = 30
#: A line of the page this long may stand inside a longer line of trafilatura's text (it joins
#: inline blocks); a shorter one must match a whole line, or "News" would match every article.
MAIN_TEXT_SUBSTRING_MIN_WORDS = 8
