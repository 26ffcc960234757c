"""Quotations and their speakers, for :mod:`agents.structure.quotes`: quotation marks, speech
verbs and adverbs, the shapes of an attribution before and after a quotation, pronouns, documents
that "say" things, names and roles before them, and where sentences break.

Role nouns and name particles come from :mod:`agents.lexicon`: the entities stage links the
speakers found here to its entities with the same words.
"""

from __future__ import annotations

import re

from agents.lexicon import NAME_PARTICLES, ROLE_WORDS, alternation
from agents.structure.tables.dates import MONTH_ABBREVIATIONS
from agents.structure.tables.metadata import AGENCY

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
#: Labelled set, Nov 2026: same scores from 0 to 7; from 8, quotes and speakers drop.
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
SPEECH_VERB = rf"(?:{alternation(SPEECH_VERBS)})"
#: Adverbs between a speaker and the verb: "he also said".
SPEECH_ADVERBS = r"(?:also|later|then|earlier|further|again|previously|separately|subsequently)"
#: Attribution after a quotation: ', X said.', ', said X.', ', X told Reuters', and the agency
#: with "told" dropped (', a senior official Reuters, adding ...'), whose agency is not the speaker.
#: What follows the quotation's close and its spaces: the attribution proper.
_ATTRIBUTION = (
    rf"(?:(?:{SPEECH_VERB})\s+(?P<inverted>[^,.;:!?\"“”«»]{{1,80}})"
    rf"|(?P<subject>[^.;:!?\"“”«»]{{1,120}}?)\s++(?:{SPEECH_ADVERBS}\s++)?"
    rf"(?:(?:{SPEECH_VERB})\b|(?:{AGENCY})(?=\s*[,.])))"
)
#: The spaces (and a comma) after the close are read once, possessively: tried at every
#: quotation's close, they were split every way (60 spaces took 2.5 s; 240 hung the worker).
#: Where this fails, the attribution may still start inside those spaces: see
#: ``agents.structure.quotes._attribution_after``.
ATTRIBUTION_AFTER = re.compile(rf"\s*+,?+\s*+{_ATTRIBUTION}")
ATTRIBUTION_REST = re.compile(_ATTRIBUTION)
#: What :data:`ATTRIBUTION_AFTER` reads before the attribution.
ATTRIBUTION_LEAD = re.compile(r"\s*,?\s*")
#: A speech verb in the clause before a quotation: 'X said: "', 'they emphasised "'.
SPEECH_VERB_WORD = re.compile(
    rf"\b(?:{SPEECH_ADVERBS}\s+)?(?P<verb>{SPEECH_VERB}|{alternation(SPEECH_PARTICIPLES)})\b"
)
#: At most this many words between the verb and the quotation: 'told reporters on Monday:'.
#: Labelled set, Nov 2026: same scores from 6 up; below 6, speakers drop.
ATTRIBUTION_MAX_TAIL_WORDS = 8
#: A speaker phrase has at most this many words; a longer one is a clause, not a speaker.
#: Labelled set, Nov 2026: same scores from 6 up; below 6, speakers drop.
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
    rf"(?:the|this|that)\s+(?P<noun>{alternation(DOCUMENTS)})", re.IGNORECASE
)
#: A capitalised name, with particles inside: "Mohammed Shia' Al-Sudani", "Hanna de Vries", and
#: "of" and "the" inside an organisation's ("Bank of England"). Not "and" nor "for", which stand
#: inside names only where brackets bound them (see the entities stage's LONG_NAME_CONNECTORS):
#: in running text "A and B" are two names.
_NAME = (
    rf"[A-Z][\w'’.\-]*(?:\s+(?:(?:{alternation([*NAME_PARTICLES, 'of', 'the'])})\s+)*"
    r"[A-Z][\w'’.\-]*)*"
)
_CONJUNCT = rf"(?:[a-z]+\s+){{0,2}}{_NAME}"
#: Who sent a document, by name: 'a message sent by the Syrian Salvation Government'. A sender
#: not named with capitals ('sent by the rebels to ...') has no clear end, and is not taken.
DOCUMENT_SENDER = re.compile(
    rf"(?i:\b(?:a|an|the)\s+(?:\w+\s+){{0,2}}?(?P<noun>{alternation(DOCUMENTS)})\s+(?:sent"
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
    rf"\s++(?:{SPEECH_ADVERBS}\s++)?(?:{SPEECH_VERB})\b"
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
    rf"(?:(?P<role>(?:{_ROLE_MODIFIER}\s+){{0,2}}(?i:{alternation(ROLE_WORDS)}))\s+)?"
)
#: What follows a name that is a sentence's subject: its apposition or its verb.
AFTER_SUBJECT = re.compile(r"\s*,|\s+[a-z]")
#: A sentence ends at . ! ? (and any closing marks) before a space and a capital or a quote.
#: It starts only where a run of marks starts: a run of thousands of full stops is read once.
SENTENCE_BREAK = re.compile(r"(?<![.!?…])[.!?…]+[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9])")
#: Abbreviations whose full stop does not end a sentence: "Mr. Smith", "Dec. 2".
ABBREVIATIONS = (
    frozenset(
        "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st mt no vs jr sr inc co corp"
        " ltd u.s u.k u.n e.g i.e".split()
    )
    | MONTH_ABBREVIATIONS
)
