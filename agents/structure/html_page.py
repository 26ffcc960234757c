"""What an HTML page states about its article: metadata, main text and captions.

trafilatura (the strongest open extractor on published benchmarks) reads the title, authors and
description from ``<meta>``, JSON-LD and the markup, and separates the main text from navigation,
related links and footers. It drops two things we need, so they are read here from the same tree:
image captions (``<figcaption>``), and the publication time with its zone (trafilatura keeps only
the day). Each metadata value says where it came from: ``json-ld`` when the page's JSON-LD states
it, else ``html-meta`` (meta tags, ``<time>``, the markup trafilatura read).

trafilatura is given the markup, never a URL, so it parses and never fetches: nothing here
touches the network.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import lxml.html
from lxml.etree import ParserError
from trafilatura import bare_extraction

from agents.records import Source
from agents.structure.dates import normalise_published
from agents.structure.tables.html_page import (
    CAPTION_XPATH,
    JSONLD_ARTICLE_TYPES,
    MAIN_TEXT_MIN_WORDS,
    MAIN_TEXT_SUBSTRING_MIN_WORDS,
    PUBLISHED_META,
)

T = TypeVar("T")

#: htmldate (trafilatura's date finder) only from the markup: its "extensive" search takes any
#: date in the text, which the plain-text analysis reads with more care (published vs updated).
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_AUTHOR_SEPARATOR = re.compile(r"\s*;\s*")


@dataclass(frozen=True, slots=True)
class Sourced(Generic[T]):
    value: T
    source: Source


@dataclass(frozen=True, slots=True)
class HtmlPage:
    title: Sourced[str] | None = None
    standfirst: Sourced[str] | None = None  # the page's description
    authors: Sourced[list[str]] | None = None
    published: Sourced[str] | None = None  # as JSON-LD, a meta tag or ``<time>`` states it
    #: htmldate's day from other markup, when the page states no date: after the text's own.
    markup_date: Sourced[str] | None = None
    #: trafilatura's main text, one normalised line per block; None when it found no article.
    main_lines: frozenset[str] | None = None
    #: The same lines joined, so a long line is looked up in one pass, not once per block.
    main_text: str = ""
    captions: frozenset[str] = field(default_factory=frozenset)

    def in_main_text(self, line: str) -> bool:
        """Whether a line of the page belongs to the article (True when that is unknown)."""
        if self.main_lines is None:
            return True
        text = normalise(line)
        if len(text.split()) >= MAIN_TEXT_SUBSTRING_MIN_WORDS:
            return text in self.main_text
        return text in self.main_lines


def normalise(text: str) -> str:
    """Whitespace collapsed, as both the repair stage and trafilatura write blocks."""
    return " ".join(text.split())


def read_html_page(markup: str) -> HtmlPage:
    """What ``markup`` states about its article; an empty page for markup lxml cannot parse."""
    try:
        tree = lxml.html.document_fromstring(markup)
    except (ParserError, ValueError):
        return HtmlPage()
    jsonld = _jsonld_article(tree)
    captions = frozenset(normalise(node.text_content()) for node in tree.xpath(CAPTION_XPATH))
    published = _published(tree, jsonld)
    # Last: trafilatura cleans the tree it is given in place. Recall over precision: a line left
    # out of its main text is dropped as boilerplate, and by default it left out the second entry
    # of a liveblog; the furniture rules catch most of what recall lets in.
    found = bare_extraction(
        tree,
        favor_recall=True,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if found is None:
        return HtmlPage(published=published, captions=captions)
    text = found.text or ""
    main = [normalise(line) for line in text.splitlines() if line.strip()]
    found_article = len(text.split()) >= MAIN_TEXT_MIN_WORDS
    authors = _AUTHOR_SEPARATOR.split(found.author) if found.author else []
    return HtmlPage(
        title=_sourced(found.title, jsonld.get("headline")),
        # trafilatura reads a description from meta tags but not from a JSON-LD @graph.
        standfirst=_sourced(
            found.description or jsonld.get("description"), jsonld.get("description")
        ),
        authors=_sourced(authors, _jsonld_authors(jsonld)),
        published=published,
        markup_date=Sourced(found.date, "html-meta") if found.date else None,
        main_lines=frozenset(main) if found_article else None,
        main_text="\n".join(main) if found_article else "",
        captions=captions,
    )


def _sourced(value: Any, in_jsonld: Any) -> Sourced[Any] | None:
    if not value:
        return None
    return Sourced(value, "json-ld" if value == in_jsonld else "html-meta")


def _published(tree: lxml.html.HtmlElement, jsonld: dict[str, Any]) -> Sourced[str] | None:
    """The publication time as the page states it, with its zone: JSON-LD, meta, ``<time>``."""
    stated = jsonld.get("datePublished")
    if isinstance(stated, str) and stated.strip():
        return Sourced(normalise_published(stated), "json-ld")
    metas = {
        (node.get("property") or node.get("name") or node.get("itemprop") or "").lower(): node
        for node in tree.xpath("//meta[@content]")
    }
    for name in PUBLISHED_META:
        if name in metas and metas[name].get("content", "").strip():
            return Sourced(normalise_published(metas[name].get("content")), "html-meta")
    for node in tree.xpath("//time[@datetime]"):
        if node.get("datetime", "").strip():
            return Sourced(normalise_published(node.get("datetime")), "html-meta")
    return None


def _jsonld_article(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The page's JSON-LD object for its article (empty when it has none, or it is broken)."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        for item in _objects(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(kind in JSONLD_ARTICLE_TYPES for kind in kinds):
                return item
    return {}


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document: a list of them, or a ``@graph``."""
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph", []))


def _jsonld_authors(jsonld: dict[str, Any]) -> list[str]:
    authors = jsonld.get("author", [])
    authors = authors if isinstance(authors, list) else [authors]
    names = (author.get("name") if isinstance(author, dict) else author for author in authors)
    return [name.strip() for name in names if isinstance(name, str) and name.strip()]
