"""Quotations in the body, and who said them.

Quotations stand in double marks (straight or curly), guillemets, or single curly marks (British
style, ‘...’); single marks inside a double-marked quotation are a quotation within it, not one of
their own. News copy attributes quotations in a handful of shapes: ``"...," X said.``,
``"...," said X.``, ``X said: "..."``, ``X told Reuters "..."``, ``"...," the message read.``,
``"...," it added.``. A speaker found as a pronoun or a description is resolved where the text
makes it clear:

- "it added" right after another quotation: that quotation's speaker;
- "the message read": who sent it, when the text said so earlier ("a message sent by X");
- "they": the conjoined subject of the previous sentence ("A and B discussed ...");
- "he said" after a sentence whose subject spoke ("The union said ... "...," it said.");
- "he" or "she" after a sentence whose subject is a named person, who need not have spoken
  ("Rovers boss Gary Whitlock was less happy. "...," he said.");
- a surname alone ("Hartmann said"): the article's first full mention of that person, with the
  role written before the name ("City manager Lena Hartmann");
- a second verb with no subject of its own (", but added: "), like a participle (", adding: "):
  the subject of the sentence's speech verb. A conjunction is never a speaker.

A speaker is named as the text names them: a role written before the name is part of it ("City
manager Lena Hartmann"), an apposition after it is not ("Sophie Berthoud, the director").
Anything else stays None: a speaker is never guessed. A quotation spans the quoted words without
the marks (and without the comma that stands before an attribution); one that runs past the end of
its paragraph, as news style does for a quotation over several paragraphs, ends with it.

>>> find_quotes('"We will rebuild," the mayor said.', [(0, 34)])  # doctest: +NORMALIZE_WHITESPACE
[{'text': 'We will rebuild', 'speaker': 'the mayor', 'start': 1, 'end': 16,
  'speaker_start': 19, 'speaker_end': 28}]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from agents.records import Quote
from agents.structure.metadata import is_name
from agents.structure.tables.quotes import (
    ABBREVIATIONS,
    AFTER_SUBJECT,
    ATTRIBUTION_AFTER,
    ATTRIBUTION_LEAD,
    ATTRIBUTION_MAX_TAIL_WORDS,
    ATTRIBUTION_REST,
    CLOSING_QUOTES,
    CONJOINED_SUBJECT,
    DESCRIPTION,
    DOCUMENT_SENDER,
    DOCUMENT_SPEAKER,
    LEADING_CONJUNCTION,
    NOT_A_NAME_START,
    NOT_A_SPEAKER,
    OPENING_QUOTES,
    PERSON_NAME,
    PERSONAL_PRONOUNS,
    PRONOUNS,
    QUOTE_MARKS,
    QUOTE_MIN_WORDS,
    ROLE_PREFIX,
    SENTENCE_BREAK,
    SENTENCE_OPENER,
    SINGLE_QUOTATION,
    SPEAKER_END,
    SPEAKER_MAX_WORDS,
    SPEECH_PARTICIPLES,
    SPEECH_SUBJECT,
    SPEECH_VERB_WORD,
    TRAILING_CONJUNCTION,
)

_CLAUSE_BREAK = re.compile(r"[,;:]")
#: An attribution's subject is at most 120 characters, so one starting further back inside the
#: spaces after a quotation would end inside them, before any verb.
_ATTRIBUTION_REACH = 122


@dataclass(slots=True)
class _Quotation:
    opened: int  # where the opening mark stands
    closed: int | None  # where the closing mark stands; None when it runs to the paragraph's end
    start: int  # the quoted words
    end: int
    sentence: int  # index of the sentence it opens in
    speaker: str | None = None


@dataclass(slots=True)
class _Article:
    """What attribution looks at: the text, its sentences, the quotations found so far."""

    text: str
    sentences: list[tuple[int, int]]  # every sentence of the body, in order
    quotations: list[_Quotation]
    senders: list[tuple[int, str, str]] | None = None  # (where, document noun, sender), lazily
    names: list[list[re.Match[str]]] | None = None  # each sentence's names, lazily
    first_full: dict[str, tuple[int, str]] | None = None  # surname: (where it ends, full form)

    def sentence_names(self, index: int) -> list[re.Match[str]]:
        """The names of sentence ``index``, read once per article."""
        if self.names is None:
            self.names = [
                list(PERSON_NAME.finditer(self.text, start, end)) for start, end in self.sentences
            ]
        return self.names[index]

    def full_names(self) -> dict[str, tuple[int, str]]:
        """Each surname's first mention in full: where it ends, and the name with its role."""
        if self.first_full is None:
            self.first_full = {}
            for index, (start, end) in enumerate(self.sentences):
                begin = _subject_start(self.text, start, end)
                for name in self.sentence_names(index):
                    found = _full_form(self.text, begin, name)
                    if found and found[0] not in self.first_full:
                        self.first_full[found[0]] = (name.end(), found[1])
        return self.first_full

    def sentence_of(self, position: int) -> int:
        return bisect_right(self.sentences, (position, len(self.text) + 1)) - 1

    def sentence_text(self, index: int) -> str:
        return self.text[slice(*self.sentences[index])] if 0 <= index < len(self.sentences) else ""

    def sender(self, before: int, noun: str) -> str | None:
        """Who sent the document, as the text said earlier: 'a message sent by the X' -> 'the X'.

        The text is searched once per article, and only when a quotation needs it.
        """
        if self.senders is None:
            self.senders = [
                (match.start(), match["noun"].lower(), match["sender"])
                for match in DOCUMENT_SENDER.finditer(self.text)
            ]
        named = [sender for at, kind, sender in self.senders if at < before and kind == noun]
        return named[-1] if named else None


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Quote]:
    """The quotations in the body ``paragraphs`` (spans into ``text``), with their speakers."""
    marks = [_quote_marks(text, start, end) for start, end in paragraphs]
    sentences = [
        sentence
        for (start, end), pairs in zip(paragraphs, marks, strict=True)
        for sentence in _split_sentences(text, start, end, pairs)
    ]
    article = _Article(text, sentences, [])
    for (_start, end), pairs in zip(paragraphs, marks, strict=True):
        for opened, closed in pairs:
            quotation = _quotation(article, opened, closed, end)
            if quotation is None:
                continue
            found = _attribution(article, quotation)
            words = len(text[quotation.start : quotation.end].split())
            if found is None and words < QUOTE_MIN_WORDS:
                continue  # "red lines": a scare quote, not a quotation
            quotation.speaker = _resolve(article, quotation, found)
            article.quotations.append(quotation)
    return [_quote(text, quotation) for quotation in article.quotations]


def _quote(text: str, quotation: _Quotation) -> Quote:
    start, end = _speaker_span(text, quotation)
    return {
        "text": text[quotation.start : quotation.end],
        "speaker": quotation.speaker,
        "start": quotation.start,
        "end": quotation.end,
        "speaker_start": start,
        "speaker_end": end,
    }


def _speaker_span(text: str, quotation: _Quotation) -> tuple[int | None, int | None]:
    """Where the speaker is named nearest the quotation: beside it ("said X"), or where a pronoun
    or a document was resolved to ("The union said ...", "a message sent by X")."""
    speaker = quotation.speaker
    if not speaker:
        return None, None
    before = text.rfind(speaker, 0, quotation.opened)
    after = text.find(speaker, quotation.end)
    if after >= 0 and (before < 0 or after - quotation.end < quotation.opened - before):
        return after, after + len(speaker)
    return (before, before + len(speaker)) if before >= 0 else (None, None)


# --- Finding quotations and sentences -------------------------------------------------------------


def _quote_marks(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """Pairs of (opening, closing) mark positions in a paragraph; closing None when unclosed."""
    pairs: list[tuple[int, int | None]] = []
    opened: int | None = None
    for match in QUOTE_MARKS.finditer(text, start, end):
        mark = match.group()
        if opened is None:
            if mark not in CLOSING_QUOTES:  # a stray closing mark opens nothing
                opened = match.start()
        elif mark not in OPENING_QUOTES:  # an opening mark inside a quotation is a stray
            pairs.append((opened, match.start()))
            opened = None
    if opened is not None:
        pairs.append((opened, None))
    # A single-marked quotation inside a double-marked one is part of it: the furthest close of
    # the double-marked ones opened before it tells, in one pass.
    double = len(pairs)
    reach, opened_so_far = -1, 0
    for match in SINGLE_QUOTATION.finditer(text, start, end):
        while opened_so_far < double and pairs[opened_so_far][0] < match.start():
            last = pairs[opened_so_far][1]
            reach = max(reach, end if last is None else last)
            opened_so_far += 1
        if not match.start() < reach:
            pairs.append((match.start(), match.end() - 1))
    return sorted(pairs)


def _split_sentences(
    text: str, start: int, end: int, pairs: list[tuple[int, int | None]]
) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph; no break inside a quotation or after "Mr." or "J.".

    In one pass: a break is inside a quotation when one opened before it closes at or after it,
    so the furthest close of the quotations opened so far tells (``pairs`` are sorted).
    """
    spans: list[tuple[int, int]] = []
    begin = start
    reach, opened_so_far = -1, 0
    for match in SENTENCE_BREAK.finditer(text, start, end):
        cut = match.end()
        while opened_so_far < len(pairs) and pairs[opened_so_far][0] < cut:
            closed = pairs[opened_so_far][1]
            reach = max(reach, end if closed is None else closed)
            opened_so_far += 1
        if cut <= reach or _is_abbreviation(_last_word(text, begin, match.start())):
            continue
        spans.append((begin, cut))
        begin = cut
    spans.append((begin, end))
    return spans


def _last_word(text: str, begin: int, end: int) -> str:
    """The last word of ``text[begin:end]`` (or ""), read back from its end only: a paragraph of
    thousands of "Mr." is not re-read from its start at each one."""
    start = end
    while start > begin and not text[start - 1].isspace():
        start -= 1
    if start == end:  # spaces before the break: the word before them
        while end > begin and text[end - 1].isspace():
            end -= 1
        start = end
        while start > begin and not text[start - 1].isspace():
            start -= 1
    return text[start:end]


def _is_abbreviation(before: str) -> bool:
    word = before.rsplit(None, 1)[-1].lstrip('("“') if before.strip() else ""
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _quotation(
    article: _Article, opened: int, closed: int | None, paragraph_end: int
) -> _Quotation | None:
    """The quoted words between the marks, trimmed of spaces and of an attribution's comma."""
    text = article.text
    start, end = opened + 1, paragraph_end if closed is None else closed
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end <= start:
        return None
    return _Quotation(opened, closed, start, end, article.sentence_of(opened))


# --- Attribution: the speaker as the sentence names them ------------------------------------------


def _attribution(article: _Article, quotation: _Quotation) -> str | None:
    """The speaker phrase beside a quotation, after it (', X said') or before it ('X said: ')."""
    text = article.text
    sentence_start, sentence_end = article.sentences[quotation.sentence]
    if quotation.closed is not None and _ends_for_attribution(text, quotation.closed):
        match = _attribution_after(text, quotation.closed + 1, sentence_end)
        if match and match["inverted"]:
            return _clean_speaker(SPEAKER_END.sub("", match["inverted"]))
        if match:
            head, *apposition = match["subject"].split(",")
            return _clean_speaker(_named(head, apposition[0] if apposition else None))
    # Text before the quotation, from the sentence start or the previous quotation in it.
    clause_start = sentence_start
    previous = article.quotations[-1] if article.quotations else None
    if previous and previous.sentence == quotation.sentence and previous.closed is not None:
        clause_start = previous.closed + 1
    return _speaker_before(text[clause_start : quotation.opened], text[sentence_start:sentence_end])


def _attribution_after(text: str, start: int, end: int) -> re.Match[str] | None:
    """``', X said'`` at ``start``, as ``\\s*,?\\s*`` then the attribution would match it, in
    linear time. The spaces are first read whole; failing that, the attribution is tried from
    the latest place inside them where it can start (a subject of spaces, before "Reuters,"), as
    backtracking would, over at most the attribution's longest subject."""
    match = ATTRIBUTION_AFTER.match(text, start, end)
    if match is not None:
        return match
    lead = ATTRIBUTION_LEAD.match(text, start, end).end()
    for at in range(lead - 1, max(start, lead - _ATTRIBUTION_REACH) - 1, -1):
        match = ATTRIBUTION_REST.match(text, at, end)
        if match is not None:
            return match
    return None


def _ends_for_attribution(text: str, closed: int) -> bool:
    """'...," X said' (comma inside), '...", X said' (outside), '...?" X asked'."""
    after = text[closed + 1 : closed + 3].lstrip()
    return text[closed - 1] in ",?!" or after.startswith(",")


def _speaker_before(clause: str, sentence: str) -> str | None:
    """'X said: ', 'X told reporters on Monday: ', 'they emphasised ' before a quotation."""
    verb = None
    for match in SPEECH_VERB_WORD.finditer(clause):
        if len(clause[match.end() :].split()) <= ATTRIBUTION_MAX_TAIL_WORDS:
            verb = match
            break
    if verb is None:
        return None
    head = clause[: verb.start()].rstrip(" ,")
    segments = _CLAUSE_BREAK.split(head)
    last = LEADING_CONJUNCTION.sub("", segments[-1].strip())
    if (
        verb["verb"] in SPEECH_PARTICIPLES
        or (head and not last)
        or TRAILING_CONJUNCTION.search(last)
    ):
        # '..., adding: "', '..., but added: "': the subject of the sentence's speech verb.
        return _sentence_speaker(sentence)
    # 'The minister, who arrived on Monday, said': the phrase before the relative clause.
    return _clean_speaker(segments[0] if NOT_A_SPEAKER.match(last) else last)


def _sentence_speaker(sentence: str) -> str | None:
    """The subject of a sentence's speech verb, by name where an apposition gives it."""
    subject = SPEECH_SUBJECT.match(sentence)
    return _clean_speaker(_named(subject["subject"], subject["apposition"])) if subject else None


def _named(head: str, apposition: str | None) -> str:
    """The speaker by name where an apposition gives it: 'the winner, Daniel Kiprop, told' ->
    'Daniel Kiprop'; 'John Smith, a spokesman for the ministry, said' -> 'John Smith'."""
    head = head.strip()
    if apposition and DESCRIPTION.match(head) and is_name(apposition.strip()):
        return apposition.strip()
    return head


def _clean_speaker(phrase: str) -> str | None:
    phrase = LEADING_CONJUNCTION.sub("", phrase.strip(' ,"“”«»'))
    words = phrase.split()
    if (
        not words
        or len(words) > SPEAKER_MAX_WORDS
        or NOT_A_SPEAKER.match(phrase)
        or TRAILING_CONJUNCTION.search(phrase)  # 'X thanked the club and': a clause, no one
    ):
        return None
    return phrase


# --- Resolution: pronouns and descriptions --------------------------------------------------------


def _resolve(article: _Article, quotation: _Quotation, found: str | None) -> str | None:
    """The speaker as the article names them, or None when the text does not make it clear."""
    continued = _continued_speaker(article, quotation)
    if found is None:
        # An unattributed quotation that opens its sentence right after another one carries on.
        sentence_start = article.sentences[quotation.sentence][0]
        return continued if not article.text[sentence_start : quotation.opened].strip() else None
    pronoun = found.lower()
    if pronoun in PRONOUNS:
        previous = article.sentence_text(quotation.sentence - 1)
        conjoined = CONJOINED_SUBJECT.match(previous) if pronoun == "they" else None
        if conjoined:
            return conjoined["subject"]
        speaker = continued or _speech_subject(previous)
        if speaker is None and pronoun in PERSONAL_PRONOUNS:
            # 'Whitlock was less happy. "...," he said.': the person just named is speaking.
            speaker = _person_subject(article, quotation.sentence - 1)
        return speaker
    document = DOCUMENT_SPEAKER.fullmatch(found)
    if document:
        return article.sender(quotation.opened, document["noun"].lower()) or found
    if PERSON_NAME.fullmatch(found) and " " not in found:
        # 'Hartmann said': the article named her in full before, and that is who she is.
        return _full_mention(article, found, quotation.opened) or found
    return found


def _continued_speaker(article: _Article, quotation: _Quotation) -> str | None:
    """The speaker of a quotation in this sentence or the one before, if there is one."""
    previous = article.quotations[-1] if article.quotations else None
    if previous and previous.sentence >= quotation.sentence - 1:
        return previous.speaker
    return None


def _speech_subject(sentence: str) -> str | None:
    """'The union said it would strike.' -> 'The union'; a pronoun there resolves nothing."""
    subject = _sentence_speaker(sentence)
    return subject if subject and subject.lower() not in PRONOUNS else None


def _person_subject(article: _Article, index: int) -> str | None:
    """The person a sentence is about, when its subject is a name: 'Rovers boss Gary Whitlock was
    less happy.' -> 'Rovers boss Gary Whitlock'; 'Mensah was making ...' -> his fuller mention.
    A subject that is no name ('The show's organisers') names no one."""
    if not 0 <= index < len(article.sentences):
        return None
    text = article.text
    start, end = article.sentences[index]
    begin = _subject_start(text, start, end)
    subject: tuple[int, re.Match[str]] | None = None
    for name in PERSON_NAME.finditer(text, begin, end):
        role = _role_start(text, begin, name)
        if role is None:
            break  # past the subject: a name further on is an object or a place
        if AFTER_SUBJECT.match(text, name.end()) and not name.group().endswith(("'s", "’s")):
            # The last such name wins: 'Rovers' is part of the role in 'Rovers boss Gary ...'.
            subject = (role, name)
    return _mention(article, *subject) if subject else None


def _mention(article: _Article, start: int, name: re.Match[str]) -> str | None:
    """A person as the text names them from ``start`` to the end of ``name``: two words or more,
    or a surname the article gave in full before ('Mensah' after 'Kofi Mensah')."""
    words = name.group().split()
    if words[0].lower() in NOT_A_NAME_START:
        return None
    if len(words) > 1:
        return article.text[start : name.end()]
    return _full_mention(article, name.group(), name.start())


def _full_mention(article: _Article, surname: str, before: int) -> str | None:
    """The first mention of a person the article calls by ``surname`` alone, in full, with the
    role it gave there: 'Hartmann' -> 'City manager Lena Hartmann'.

    The names of every sentence are read once per article (:meth:`_Article.full_names`), not once
    per quotation: a paragraph of thousands of "Hartmann said" stays linear. Only a name that runs
    past ``before`` is read again, up to it, as the search up to ``before`` would read it.
    """
    first = article.full_names().get(surname)
    if first is not None and first[0] <= before:
        return first[1]
    index = article.sentence_of(before)
    if not 0 <= index < len(article.sentences) or article.sentences[index][0] >= before:
        return None
    names = article.sentence_names(index)
    at = bisect_right(names, before - 1, key=lambda name: name.start()) - 1  # the last to start
    if at < 0 or names[at].end() <= before:
        return None
    start, end = article.sentences[index]
    for name in PERSON_NAME.finditer(article.text, names[at].start(), before):
        found = _full_form(article.text, _subject_start(article.text, start, end), name)
        if found and found[0] == surname:
            return found[1]
    return None


def _full_form(text: str, begin: int, name: re.Match[str]) -> tuple[str, str] | None:
    """(surname, the name in full with its role) for a name of two words or more."""
    words = name.group().split()
    if len(words) > 1 and words[0].lower() not in NOT_A_NAME_START:
        role = _role_start(text, begin, name)
        return words[-1], text[name.start() if role is None else role : name.end()]
    return None


def _subject_start(text: str, start: int, end: int) -> int:
    """Where a sentence's subject may start: past an opener such as 'On Sunday, '."""
    opener = SENTENCE_OPENER.match(text, start, end)
    return opener.end() if opener else start


def _role_start(text: str, begin: int, name: re.Match[str]) -> int | None:
    """Where the subject that ends with ``name`` starts, its role included ('City manager Lena
    Hartmann'); None when more than a role stands between ``begin`` and the name."""
    role = ROLE_PREFIX.fullmatch(text, begin, name.start())
    if role is None:
        return None
    return role.start("role") if role["role"] else name.start()
