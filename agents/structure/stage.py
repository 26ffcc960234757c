"""Structure stage: a repaired article's parts, found in its plain text.

Title, standfirst, byline, date, stated reading time, captions, headings, body paragraphs, dateline,
quotations with their speakers, word count and language. Every non-blank line is accounted for in
``blocks``, and every line dropped as furniture or junk is reported with its reason. Nothing is
invented: what the text does not show is None or empty. Metadata the producer gave (``given``) wins
over what the page shows, and ``sources`` says where each of those fields came from.

The steps, in order:

1. Split the text into lines, each with its span; an HTML page is also read with trafilatura
   (:mod:`agents.structure.html_page`) for its metadata, main text and captions.
2. Drop furniture and junk lines (buttons, ads, mojibake, a short line in another script at the
   top or bottom, the items under a "Related topics" label), so no later step mistakes them.
3. Read the metadata lines: byline, date, reading time, caption with its credit. On an HTML page,
   its ``<figcaption>`` lines are captions, and lines outside its main text are boilerplate.
4. Title: the first remaining line, when it is shaped like a headline (a one- or two-word
   section label above it, "Middle East", or a block of the site's name and section labels, is
   furniture).
5. Standfirst: text lines between the title and the header metadata (without that metadata no
   one can tell a standfirst from a first paragraph, so there is none).
6. Body: headings and paragraphs (hard-wrapped lines joined), and the first paragraph's dateline.
7. Quotations and their speakers.
8. Language and word count of the body.
9. The event: title, standfirst, authors and date from the best source that states them (the
   producer, then the page's JSON-LD and meta tags, then the text), each source reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from agents.records import (
    SCHEMA_STRUCTURED,
    Block,
    Furniture,
    Given,
    Image,
    RepairedArticle,
    Sources,
    StructuredArticle,
)
from agents.structure.dates import normalise_published
from agents.structure.furniture import (
    LIST_ITEM,
    dominant_script,
    foreign_script_reason,
    furniture_reason,
    is_list_item,
    is_list_label,
    is_short_line,
)
from agents.structure.html_page import HtmlPage, Sourced, normalise, read_html_page
from agents.structure.language import detect_language
from agents.structure.layout import (
    Line,
    count_words,
    looks_like_heading,
    looks_like_headline,
    looks_like_kicker,
    looks_like_site_header,
    runs_on,
    split_lines,
)
from agents.structure.metadata import (
    Byline,
    Caption,
    Metadata,
    parse_bare_byline,
    parse_caption,
    parse_dateline,
    read_metadata_line,
)
from agents.structure.quotes import find_quotes
from agents.structure.tables.layout import STANDFIRST_MAX_LINES, STANDFIRST_MAX_WORDS

_KICKER = "site name or section label above the headline"
_BOILERPLATE = "outside the page's main text (trafilatura): navigation, links or footer"
_SITE_HEADER = "above the page's headline: the site's header"
#: Characters of the text whose letters decide the article's script.
_SCRIPT_SAMPLE_CHARS = 2000
#: Metadata that marks the end of a page's header (a caption may stand anywhere).
_HEADER_KINDS = ("byline", "date", "reading_time")


@dataclass(slots=True)
class _Row:
    """A line and what it was taken to be; ``kind`` None until a step claims it."""

    line: Line
    kind: str | None = None
    metadata: Metadata | None = None
    reason: str | None = None  # why it is furniture


def structure_article(event: RepairedArticle) -> StructuredArticle:
    """The structured event for one repaired article (without timings: the caller adds them)."""
    text = event["text"]
    page = read_html_page(event["html"]) if event.get("html") else None  # 1
    rows = [_Row(line) for line in split_lines(text)]
    content = _drop_furniture(rows)  # 2
    content = _drop_list_items(content, rows)
    content = _drop_foreign_edges(content, text)
    _read_metadata(content)  # 3
    if page is not None:
        content = _read_page(content, page)
    content = _drop_kicker(content)  # 4
    title = _claim_title(content)
    standfirst = _claim_standfirst(content, title)  # 5
    paragraphs = _claim_body(content)  # 6
    body = [" ".join(row.line.text for row in paragraph) for paragraph in paragraphs]
    spans = [(paragraph[0].line.start, paragraph[-1].line.end) for paragraph in paragraphs]
    quotes = find_quotes(text, spans)  # 7
    found = _sourced_fields(event["given"], page or HtmlPage(), content, title, standfirst)  # 9
    fields = {key: value for key, value in event.items() if key != "html"}
    return {  # type: ignore[return-value]
        **fields,
        "schema": SCHEMA_STRUCTURED,
        "title": _value(found["title"]),
        "standfirst": _value(found["standfirst"]),
        "authors": _value(found["authors"]) or [],
        "dateline": parse_dateline(body[0]) if body else None,
        "published": _value(found["published"]),
        "reading_time_minutes": _reading_time(content),
        "word_count": sum(count_words(paragraph) for paragraph in body),  # 8
        "language": detect_language(" ".join(body)),
        "images": _images(content),
        "paragraphs": body,
        "quotes": quotes,
        "furniture": [_furniture(row) for row in rows if row.kind == "furniture"],
        "blocks": [_block(row) for row in rows],
        "sources": _sources(found),
    }


def _sourced_fields(
    given: Given, page: HtmlPage, content: list[_Row], title: _Row | None, standfirst: list[_Row]
) -> dict[str, Sourced | None]:
    """Title, standfirst, authors and date from the best source that states each."""
    return {
        "title": _first(
            _given(given["title"]), page.title, _text(title.line.text if title else None)
        ),
        "standfirst": _first(_text(" ".join(row.line.text for row in standfirst)), page.standfirst),
        "authors": _authors(page.authors, _text(_byline_authors(content))),
        "published": _first(
            _given(given["published"] and normalise_published(given["published"])),
            page.published,
            _text(_published(content)),
            page.markup_date,  # htmldate's reading of other markup: the text's own date first
        ),
    }


def _value(found: Sourced | None) -> Any:
    return found.value if found else None


def _first(*candidates: Sourced | None) -> Sourced | None:
    return next((candidate for candidate in candidates if candidate is not None), None)


def _given(value: str | None) -> Sourced[str] | None:
    return Sourced(value, "given") if value else None


def _text(value: str | list[str] | None) -> Sourced | None:
    return Sourced(value, "text") if value else None


def _authors(page: Sourced[list[str]] | None, text: Sourced | None) -> Sourced | None:
    """JSON-LD names the authors; a byline in the text beats trafilatura's guess from markup."""
    if page is not None and page.source == "json-ld":
        return page
    return text or page


def _sources(found: dict[str, Sourced | None]) -> Sources:
    return {field: (value.source if value else None) for field, value in found.items()}  # type: ignore[return-value]


def _drop_furniture(rows: list[_Row]) -> list[_Row]:
    """Mark furniture rows; return the others."""
    content = []
    for row in rows:
        row.reason = furniture_reason(row.line.text)
        if row.reason:
            row.kind = "furniture"
        else:
            content.append(row)
    return content


def _drop_list_items(content: list[_Row], rows: list[_Row]) -> list[_Row]:
    """The lines under a list's label in its block ("Related topics", then "Retail" and "Jobs"):
    each is a link or a topic, however ordinary its words, until a blank line or a sentence."""
    label: _Row | None = None
    for row in rows:
        if row.line.after_blank or (row.kind is None and not is_list_item(row.line.text)):
            label = None
        if row.kind == "furniture":
            label = row if is_list_label(row.line.text) else label
        elif label is not None:
            row.kind, row.reason = "furniture", LIST_ITEM
    return [row for row in content if row.kind != "furniture"]


def _drop_foreign_edges(content: list[_Row], text: str) -> list[_Row]:
    """Short lines in another script than the article's, at its top and bottom: a site name or a
    label, like the seed's first and last lines once the repair stage has restored them."""
    script: str | None = None
    for rows, edge in ((content, "top"), (content[::-1], "bottom")):
        for row in rows:
            if row.kind or row.line.text.isascii() or not is_short_line(row.line.text):
                break
            # Only now, and once: the script of the sample costs a Unicode lookup a letter.
            script = script or dominant_script(text[:_SCRIPT_SAMPLE_CHARS])
            row.reason = foreign_script_reason(row.line.text, script, edge)
            if row.reason is None:
                break
            row.kind = "furniture"
    return [row for row in content if row.kind != "furniture"]


def _read_metadata(content: list[_Row]) -> None:
    for row in content:
        row.metadata = read_metadata_line(row.line.text)
        if row.metadata:
            row.kind = row.metadata.kind


def _read_page(content: list[_Row], page: HtmlPage) -> list[_Row]:
    """What the page's markup says of its lines: captions, the author's name alone on its line,
    the headline (what stands above it is the site's header), and boilerplate outside the main
    text."""
    title = normalise(page.title.value) if page.title else None
    authors = set(page.authors.value) if page.authors else set()
    for row in content:
        if row.kind:
            continue
        text = normalise(row.line.text)
        if text in page.captions:
            caption = parse_caption(row.line.text) or Caption(row.line.text, None)
            row.kind, row.metadata = "caption", Metadata("caption", caption=caption)
        elif text in authors:
            row.kind, row.metadata = "byline", Metadata("byline", byline=Byline((text,), None))
        elif text != title and not page.in_main_text(row.line.text):
            row.kind, row.reason = "furniture", _BOILERPLATE
    headline = next((i for i, row in enumerate(content) if normalise(row.line.text) == title), 0)
    for row in content[:headline]:
        if row.kind is None:
            row.kind, row.reason = "furniture", _SITE_HEADER
    return [row for row in content if row.kind != "furniture"]


def _drop_kicker(content: list[_Row]) -> list[_Row]:
    """What stands above the headline is furniture, not the title: a section label ("Middle East",
    "Live"), or a block of the site's name and section labels set apart from the headline by a
    blank line ("Usk Valley Chronicle" over "News")."""
    header = _site_header(content)
    if header:
        for row in header:
            row.kind, row.reason = "furniture", _KICKER
        return content[len(header) :]
    if (
        len(content) > 1
        and not (content[0].kind or content[1].kind)
        and looks_like_kicker(content[0].line.text, content[1].line.text)
    ):
        content[0].kind, content[0].reason = "furniture", _KICKER
        return content[1:]
    return content


def _site_header(content: list[_Row]) -> list[_Row]:
    """The first block's rows when they are the site's name and labels over a headline."""
    size = next((i for i, row in enumerate(content[1:], 1) if row.line.after_blank), 0)
    block, following = content[:size], content[size] if size else None
    if (
        following is None
        or any(row.kind for row in [*block, following])
        or not looks_like_site_header([row.line.text for row in block], following.line.text)
    ):
        return []
    return block


def _claim_title(content: list[_Row]) -> _Row | None:
    if not content or content[0].kind or not looks_like_headline(content[0].line.text):
        return None
    content[0].kind = "title"
    return content[0]


def _claim_standfirst(content: list[_Row], title: _Row | None) -> list[_Row]:
    """Up to two text lines after the title, when header metadata follows them (past captions)."""
    if title is None:
        return []
    candidates = []
    for row in content[1:]:
        if row.kind == "caption":
            continue
        if (
            row.kind is None
            and len(candidates) < STANDFIRST_MAX_LINES
            and len(row.line.text.split()) <= STANDFIRST_MAX_WORDS
        ):
            candidates.append(row)
            continue
        if row.kind in _HEADER_KINDS:
            if candidates and row.kind == "date":
                _claim_bare_byline(candidates)
            for candidate in candidates:
                candidate.kind = "standfirst"
            return candidates
        break
    return []


def _claim_bare_byline(candidates: list[_Row]) -> None:
    """A name alone right above the header's date is its byline ("Jane Doe"), not standfirst."""
    byline = parse_bare_byline(candidates[-1].line.text)
    if byline:
        row = candidates.pop()
        row.kind, row.metadata = "byline", Metadata("byline", byline=byline)


def _claim_body(content: list[_Row]) -> list[list[_Row]]:
    """Headings and paragraphs among the unclaimed rows; a paragraph is its rows."""
    paragraphs: list[list[_Row]] = []
    for index, row in enumerate(content):
        if row.kind:
            continue
        previous = content[index - 1] if index else None
        if paragraphs and previous is paragraphs[-1][-1] and runs_on(previous.line, row.line):
            row.kind = "paragraph"
            paragraphs[-1].append(row)
            continue
        following = content[index + 1] if index + 1 < len(content) else None
        if (
            following is not None
            and following.kind is None
            and looks_like_heading(row.line.text)
            and not runs_on(row.line, following.line)
        ):
            row.kind = "heading"
            continue
        row.kind = "paragraph"
        paragraphs.append([row])
    return paragraphs


def _byline_authors(content: list[_Row]) -> list[str]:
    """Every author named in a byline (header or trailer), once, in order."""
    names: dict[str, None] = {}
    for row in content:
        if row.kind == "byline" and row.metadata and row.metadata.byline:
            names.update(dict.fromkeys(row.metadata.byline.authors))
    return list(names)


def _published(content: list[_Row]) -> str | None:
    """The first full date that is not an update ("Updated ..." is not when it was published)."""
    for row in content:
        date = row.metadata.date if row.metadata else None
        if date and date.day and not date.is_update:
            return date.iso()
    return None


def _reading_time(content: list[_Row]) -> int | None:
    """Minutes as the page states them; never estimated from the length."""
    stated = (row.metadata.minutes for row in content if row.metadata)
    return next((minutes for minutes in stated if minutes is not None), None)


def _images(content: list[_Row]) -> list[Image]:
    captions = [(row.line, row.metadata.caption) for row in content if row.metadata]
    return [
        {"caption": caption.caption, "credit": caption.credit, "start": line.start, "end": line.end}
        for line, caption in captions
        if caption is not None
    ]


def _furniture(row: _Row) -> Furniture:
    return {
        "text": row.line.text,
        "reason": row.reason or "",
        "start": row.line.start,
        "end": row.line.end,
    }


def _block(row: _Row) -> Block:
    return {"kind": row.kind or "paragraph", "start": row.line.start, "end": row.line.end}
