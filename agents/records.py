"""Every record copydesk reads or writes, in one place.

Events are plain JSON objects (``TypedDict`` here, JSON Schema in ``schemas/``): each stage's event
is the previous stage's plus its own fields, so a consumer of ``articles.enriched`` sees everything.
Offsets (``start``, ``end``) are character offsets into the event's ``text``, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, TypedDict

#: The ``schema`` field of each event kind. Bump the number on any change that is not additive.
SCHEMA_RAW = "raw-article/1"
SCHEMA_REPAIRED = "repaired-article/1"
SCHEMA_STRUCTURED = "structured-article/1"
SCHEMA_ENRICHED = "enriched-article/1"
SCHEMA_DEAD_LETTER = "dead-letter/1"
SCHEMA_ARTICLE_ENTITY = "article-entity/1"
SCHEMA_ALERT_RULE = "alert-rule/1"
SCHEMA_ALERT_MATCH = "alert-match/1"

Stage = Literal["intake", "repair", "structure", "entities", "stories"]


@dataclass(frozen=True)
class RawArticle:
    """A raw record after intake: exactly one of ``text`` and ``body`` is set."""

    id: str
    source: str | None = None
    url: str | None = None
    received_at: str | None = None
    title: str | None = None
    published: str | None = None
    content_type: str | None = None
    charset: str | None = None
    text: str | None = None
    body: bytes | None = None
    ingested_at: str | None = None


class Timing(TypedDict):
    at: str  # when the stage finished, ISO 8601 UTC
    ms: float  # processing time spent on this article


class Decoding(TypedDict):
    encoding: str
    confidence: float
    method: Literal["bom", "declared", "utf-8", "detected"]
    declared: str | None


class Repair(TypedDict):
    kind: str
    before: str
    after: str
    input_span: list[int]
    output_span: list[int]
    codec: str | None


class Given(TypedDict):
    title: str | None
    published: str | None


class ArticleEvent(TypedDict):
    """The fields every article event carries."""

    schema: str
    id: str
    source: str | None
    url: str | None
    received_at: str | None
    ingested_at: str | None
    given: Given
    content_type: str
    decoding: Decoding | None
    text: str
    repairs: list[Repair]
    timings: dict[str, Timing]


class RepairedArticle(ArticleEvent):
    html: str | None  # HTML pages only; the structure stage reads it and later events drop it


class Span(TypedDict):
    start: int
    end: int


class Block(Span):
    kind: str


class Furniture(Span):
    text: str
    reason: str


class Image(Span):
    caption: str
    credit: str | None


class Quote(Span):
    text: str
    speaker: str | None
    speaker_start: int | None  # where the speaker is named, nearest the quotation
    speaker_end: int | None


class Dateline(TypedDict):
    text: str
    place: str | None
    agency: str | None


#: Where a structured field came from: the producer's record, the HTML page's JSON-LD, its other
#: markup (meta tags, ``<time>``, what trafilatura read), or the article's text.
Source = Literal["given", "json-ld", "html-meta", "text"]


class Sources(TypedDict):
    title: Source | None
    standfirst: Source | None
    authors: Source | None
    published: Source | None


class StructuredArticle(ArticleEvent):
    title: str | None
    standfirst: str | None
    authors: list[str]
    dateline: Dateline | None
    published: str | None
    reading_time_minutes: int | None
    word_count: int
    language: str | None
    images: list[Image]
    paragraphs: list[str]
    quotes: list[Quote]
    furniture: list[Furniture]
    blocks: list[Block]
    sources: Sources


class Mention(Span):
    text: str


class Salience(TypedDict):
    score: float
    in_title: bool
    in_lead: bool


class Entity(TypedDict, total=False):
    key: str
    name: str
    type: str
    aliases: list[str]
    count: int
    mentions: list[Mention]
    country_code: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str | None
    salience: Salience


class Amount(Span):
    value: float
    approximate: bool
    counted: str
    text: str


class CountryShare(TypedDict):
    country_code: str
    score: float
    mentions: int
    entities: list[str]


class LinkedQuote(Quote):
    speaker_keys: list[str]


class StoryChanges(TypedDict):
    title_changed: bool
    paragraphs_added: list[int]  # positions in this revision's paragraphs
    paragraphs_removed: list[int]  # positions in the previous revision's paragraphs


class StoryFields(TypedDict):
    """What the stories stage adds to an enriched event (:mod:`agents.stories`). Optional in
    ``enriched-article/1``, which had none of them at first."""

    duplicate_of: str | None
    similarity: float | None
    story: str
    first_in_story: bool
    revision: int
    unchanged: bool
    changes: StoryChanges | None


class EnrichedArticle(StructuredArticle):
    entities: list[Entity]
    countries: list[CountryShare]
    amounts: list[Amount]


class StoriedArticle(EnrichedArticle, StoryFields):
    """An enriched event with its story fields: what ``articles.enriched`` carries."""


class ArticleEntity(TypedDict):
    """One entity of one article, on its own topic, keyed by the entity's key."""

    schema: str
    id: str
    source: str | None
    url: str | None
    title: str | None
    published: str | None
    language: str | None
    entity: Entity
    article_countries: list[str]
    co_entities: list[str]
    timings: dict[str, Timing]


class MatchedEntity(TypedDict):
    key: str
    name: str
    salience: float | None
    mentions: list[Mention]


class MatchedCondition(TypedDict):
    condition: Literal["entity", "country", "keyword", "language", "source"]
    value: str  # what the rule asked for
    entities: list[MatchedEntity]
    mentions: list[Mention]  # keywords: where they are in the text


class AlertMatch(TypedDict):
    """One watchlist rule matching one article (``alerts.matches``, keyed by the rule id)."""

    schema: str
    id: str  # the article's
    rule_id: str
    rule_name: str
    severity: str
    source: str | None
    url: str | None
    title: str | None
    published: str | None
    story: str
    first_in_story: bool
    duplicate_of: str | None
    revision: int
    matched: list[MatchedCondition]
    why: str
    matched_at: str
    timings: dict[str, Timing]


class DeadLetter(TypedDict):
    schema: str
    id: str | None
    source: str | None
    stage: Stage
    kind: str
    reason: str
    failed_at: str
    origin: dict[str, object]
    key_b64: str | None
    value_b64: str | None
    value_bytes: int
    value_preview: str
    traceback: str | None


# --- how events write time ------------------------------------------------------------------


def utc_now() -> str:
    """Now, as events write it: ISO 8601 UTC to the millisecond, ``Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def timestamp_to_iso(ms: float | None) -> str | None:
    """A Kafka record timestamp (ms since the epoch) as ISO 8601 UTC."""
    if not ms:
        return None
    iso = datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds")
    return iso.replace("+00:00", "Z")
