"""A page's tree made ready for trafilatura: what is not the article taken out, loose text kept.

trafilatura finds the main text of a page well, but some of what news sites put around and inside
an article passes for it: paragraphs a reader is never shown (a metered paywall's locked text in
``<div hidden>``), posts embedded from social networks (a blockquote of someone else's words),
pull quotes (a body sentence said twice), sign-up boxes and author bios, and lists of teasers (a
headline linked to another story over a line of its standfirst), which old table layouts and
div-soup pages set beside the article where trafilatura cannot tell them from it. Each rule below
takes one of those out of the tree, by the markup sites use for it, before trafilatura reads it.

trafilatura also loses text: when it removes an element (an ad box inside the body), the text
that follows it in the same parent goes too (lxml keeps it as the element's tail). Bodies
written as text runs between ``<br><br>`` or beside ``<div>`` blocks are made of such text, so
every loose run is first wrapped in a paragraph of its own.

The rules, in order (:data:`RULES`); :func:`prune` says which took out each line of the page:

>>> import lxml.html
>>> tree = lxml.html.fromstring(
...     "<html><body><div>A paragraph of the article.<div class='ad'>Advertisement</div>"
...     "The next paragraph.<div hidden>A locked paragraph.</div></div></body></html>")
>>> prune(tree)  # doctest: +NORMALIZE_WHITESPACE
[('A paragraph of the article.', None), ('Advertisement', None), ('The next paragraph.', None),
 ('A locked paragraph.', 'hidden')]
>>> [p.text for p in tree.iter("p")]
['A paragraph of the article.', 'The next paragraph.']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from lxml import etree, html

from agents.structure.tables.page_tree import (
    BLOCK_TAGS,
    BOX_ACTION_XPATH,
    BOX_MAX_WORDS,
    BOX_NAMES,
    EMBED_XPATH,
    HIDDEN_XPATH,
    LAYOUT_CELL_MIN_WORDS,
    LINE_BLOCKS,
    LINE_CELLS,
    LINE_SKIP,
    LINK_BLOCK_MAX_PLAIN_WORDS,
    LINK_BLOCK_MIN_LINKS,
    LINK_BLOCK_PLAIN_SHARE,
    LOOSE_TEXT_PARENTS,
    NAMED_XPATH,
    PULL_QUOTE_NAMES,
    TEASER_ITEMS,
    TEASER_LINK_SHARE,
    TEASER_LIST_MIN_ITEMS,
    TEASER_LIST_SHARE,
    TEASER_MAX_PLAIN_WORDS,
    TEASER_PARENTS,
)

Element = html.HtmlElement
_KEPT = frozenset(("html", "body", "main", "article"))
#: A word character: a text without one (a bullet, a dash) has no word.
_WORDISH = re.compile(r"\w")
#: The attribute that marks an element a rule takes out, with the rule's name.
MARK = "data-copydesk-pruned"


@dataclass(slots=True)
class _Counts:
    """What a reader sees of an element: its words, those inside links, its links, and whether
    its first word is a link's."""

    words: int = 0
    linked: int = 0
    links: int = 0
    starts_with_link: bool = False


def _count(tree: Element) -> dict[Element, _Counts]:
    """Every element's counts, in one walk (scripts and styles are not read): a text adds to the
    element it stands in, and an element adds its counts to its parent's when it ends."""
    counts: dict[Element, _Counts] = {}
    stack: list[_Counts] = []
    pending: list[_Counts] = []  # elements without a word yet
    in_link = skipping = 0

    def read(text: str | None) -> None:
        if not text or skipping or not _WORDISH.search(text):
            return
        words = len(text.split())
        counted = stack[-1]
        counted.words += words
        if in_link:
            counted.linked += words
        for waiting in pending:
            waiting.starts_with_link = bool(in_link)
        pending.clear()

    for event, element in etree.iterwalk(tree, events=("start", "end", "comment", "pi")):
        if event in ("comment", "pi"):
            if stack:
                read(element.tail)
            continue
        tag = element.tag
        is_link = tag == "a" and element.get("href") is not None
        if event == "start":
            counted = counts[element] = _Counts(links=int(is_link))
            stack.append(counted)
            pending.append(counted)
            skipping += tag in LINE_SKIP
            in_link += is_link
            read(element.text)
            continue
        skipping -= tag in LINE_SKIP
        in_link -= is_link
        ended = stack.pop()
        if pending and pending[-1] is ended:
            pending.pop()
        if stack:
            parent = stack[-1]
            parent.words += ended.words
            parent.linked += ended.linked
            parent.links += ended.links
            read(element.tail)
    return counts


def _names(tree: Element) -> dict[Element, str]:
    """Each named element's class, id and component names, in lower case."""
    return {
        element: " ".join(
            name
            for name in (
                element.get("class"),
                element.get("id"),
                element.get("data-component"),
                element.get("data-testid"),
            )
            if name
        ).lower()
        for element in tree.xpath(NAMED_XPATH)
    }


def _named(page: _Page, tokens: tuple[str, ...]) -> list[Element]:
    """Elements whose names (:func:`_names`) contain one of ``tokens``."""
    return [e for e, names in page.names.items() if any(token in names for token in tokens)]


@dataclass(slots=True)
class _Page:
    """A page's tree with what the rules read of each element, read once."""

    tree: Element
    counts: dict[Element, _Counts]
    names: dict[Element, str]


def _hidden(page: _Page) -> list[Element]:
    """Elements the browser does not show (``hidden``, ``display: none``)."""
    return page.tree.xpath(HIDDEN_XPATH)


def _embedded_posts(page: _Page) -> list[Element]:
    """Posts embedded from X, Instagram, TikTok, Bluesky and the like."""
    return page.tree.xpath(EMBED_XPATH)


def _pull_quotes(page: _Page) -> list[Element]:
    return _named(page, PULL_QUOTE_NAMES)


def _boxes(page: _Page) -> list[Element]:
    """Newsletter sign-ups, paywall prompts and author bios: short boxes that ask the reader to
    do something (a form, a link to subscribe or to the author's page), never the article."""
    return [
        element
        for element in _named(page, BOX_NAMES)
        if element.tag not in ("main", "article")
        and page.counts[element].words <= BOX_MAX_WORDS
        and (element.xpath(BOX_ACTION_XPATH) or element.tag in ("a", "form"))
    ]


def _link_lists(page: _Page) -> list[Element]:
    """Lists whose items are mostly a link first (a headline, a menu entry), with at most a line
    beside it: "More headlines", "Latest news", "Recommended", menus, a live blog's key events."""
    found = []
    counts = page.counts
    for parent in page.tree.iter(*TEASER_PARENTS):
        items = [
            counts[child]
            for child in parent
            if isinstance(child.tag, str) and child.tag in TEASER_ITEMS and counts[child].words
        ]
        if len(items) < TEASER_LIST_MIN_ITEMS:
            continue
        teasers = sum(
            item.starts_with_link
            and item.linked >= TEASER_LINK_SHARE * item.words
            and item.words - item.linked <= TEASER_MAX_PLAIN_WORDS
            for item in items
        )
        if teasers >= TEASER_LIST_MIN_ITEMS and teasers >= TEASER_LIST_SHARE * len(items):
            found.append(parent)
    return found


def _link_blocks(page: _Page) -> list[Element]:
    """Blocks of links with hardly a word beside them: a menu, a "Related stories" box written
    as links between ``<br>``, a row of "Print | Email this story | Write to the editor"."""
    found = []
    for element, counted in page.counts.items():
        if counted.links < LINK_BLOCK_MIN_LINKS or element.tag == "a":
            continue
        plain = counted.words - counted.linked
        if plain <= LINK_BLOCK_MAX_PLAIN_WORDS and plain <= LINK_BLOCK_PLAIN_SHARE * counted.words:
            found.append(element)
    return found


#: The rules by name, in the order they run; a rule sees the tree the ones before it left.
RULES: dict[str, Callable[[_Page], list[Element]]] = {
    "hidden": _hidden,
    "embedded post": _embedded_posts,
    "pull quote": _pull_quotes,
    "sign-up, paywall or author box": _boxes,
    "list of links": _link_lists,
    "block of links": _link_blocks,
}


def prune(tree: Element) -> list[tuple[str, str | None]]:
    """Take out of ``tree`` (in place) what each rule finds, after turning layout tables into
    blocks and wrapping loose text into paragraphs. Return the page's lines as a reader reads
    them, in order, each with the rule that took it out (None for the lines left in): the
    structure stage finds its own lines among them, so that a line the rules took out is known
    by its place, not by its words (a pull quote has the words of a body sentence)."""
    unwrap_layout_tables(tree)
    wrap_loose_text(tree)
    marked: list[Element] = []
    page = _Page(tree, _count(tree), _names(tree))
    for name, rule in RULES.items():
        for element in _outermost([e for e in rule(page) if e.tag not in _KEPT]):
            if MARK not in element.attrib and not any(
                MARK in a.attrib for a in element.iterancestors()
            ):
                element.set(MARK, name)
                marked.append(element)
    lines = page_lines(tree)
    for element in marked:
        element.drop_tree()  # its tail, the text after it, stays
    return lines


def page_lines(tree: Element) -> list[tuple[str, str | None]]:
    """The text of ``tree`` as lines, as the repair stage writes a page's text (a line per block,
    table cells apart, scripts and styles left out), each with the name of the rule that marked
    an element holding it (:data:`MARK`), or None.

    >>> import lxml.html
    >>> page_lines(lxml.html.fromstring(
    ...     "<div><p>One <b>line</b>.</p><div data-copydesk-pruned='x'>Two<br>lines</div></div>"))
    [('One line.', None), ('Two', 'x'), ('lines', 'x')]
    """
    lines: list[tuple[str, str | None]] = []
    current: list[str] = []
    rules: list[str | None] = [None]
    skipping = 0

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append((text, rules[-1]))
        current.clear()

    for event, element in etree.iterwalk(tree, events=("start", "end", "comment", "pi")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event in ("comment", "pi"):
            if not skipping and element.tail:
                current.append(element.tail)
            continue
        if event == "start":
            if MARK in element.attrib:
                flush()
                rules.append(element.get(MARK))
            if tag in LINE_SKIP:
                skipping += 1
            elif tag in LINE_BLOCKS:
                flush()
            elif tag in LINE_CELLS:
                current.append(" ")
            if not skipping and element.text and tag:
                current.append(element.text)
            continue
        if tag in LINE_SKIP:
            skipping -= 1
        elif tag in LINE_BLOCKS:
            flush()
        if MARK in element.attrib:
            flush()
            rules.pop()
        if not skipping and element.tail:
            current.append(element.tail)
    flush()
    return lines


def unwrap_layout_tables(tree: Element) -> None:
    """Tables as what they hold. A table a page is laid out with becomes plain blocks
    (``<div>``), so that the text in its cells reads as paragraphs, not as one cell of a table of
    figures: a table that holds another table or a block (a paragraph, a list, a heading), or a
    cell of many words. A table that holds an image and one cell of text is a photo with its
    caption (old sites float photos so): a ``<figure>``. A table of figures keeps its rows, and
    one that a ``<figure>`` holds (WordPress writes every table so) is taken out of the figure,
    which trafilatura would drop with the images.

    >>> import lxml.html
    >>> tree = lxml.html.fromstring("<div><table><tr><td><p>An article.</p></td></tr></table>"
    ...     "<figure><table><tr><td>Green</td><td>13</td></tr></table></figure></div>")
    >>> unwrap_layout_tables(tree)
    >>> [element.tag for element in tree.iter()]
    ['div', 'div', 'div', 'div', 'p', 'div', 'table', 'tr', 'td', 'td']
    """
    for table in reversed(list(tree.iter("table"))):  # inner tables first
        cells = list(table.iter("td", "th"))
        texts = [cell for cell in cells if cell.text_content().strip()]
        if table.find(".//img") is not None and len(texts) == 1 and not _is_layout(cells):
            _retag(table, "figure", "div")
            texts[0].tag = "figcaption"
        elif _is_layout(cells):
            _retag(table, "div", "div")
        elif table.getparent() is not None and table.getparent().tag == "figure":
            table.getparent().tag = "div"


def _is_layout(cells: list[Element]) -> bool:
    return any(
        len(cell.text_content().split()) > LAYOUT_CELL_MIN_WORDS
        or any(_is_block(child) or child.tag == "table" for child in cell.iterdescendants())
        for cell in cells
    )


def _retag(table: Element, tag: str, inner: str) -> None:
    """Rename ``table`` and its own rows and cells (not those of a table inside it)."""
    own = [
        element
        for element in table.iter("thead", "tbody", "tfoot", "tr", "td", "th")
        if next(element.iterancestors("table")) is table
    ]
    for element in own:
        element.tag = inner
    table.tag = tag


def _outermost(elements: list[Element]) -> list[Element]:
    """The elements that no other one of ``elements`` holds."""
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def wrap_loose_text(tree: Element) -> None:
    """Wrap each run of text and inline markup that stands beside block elements, in the same
    parent, into a ``<p>`` of its own, and end a run at two line breaks in a row: pasted-in copy
    and old templates write paragraphs as runs between ``<br><br>``. ``<div>one<div>ad</div>two
    <br><br>three</div>`` becomes ``<div><p>one</p><div>ad</div><p>two</p><p>three</p></div>``.
    """
    for parent in list(tree.iter(*LOOSE_TEXT_PARENTS)):
        children = list(parent)
        if not any(_is_block(child) for child in children) and not _breaks_twice(children):
            continue
        if not _has_loose_text(parent, children):
            continue
        _wrap(parent, children)


def _is_block(element: Element) -> bool:
    tag = element.tag
    return isinstance(tag, str) and (tag in BLOCK_TAGS or "-" in tag)


def _is_break(element: Element) -> bool:
    return element.tag == "br"


def _breaks_twice(children: list[Element]) -> bool:
    """Two ``<br>`` in a row, with nothing but white space (no-break spaces too) between."""
    return any(
        _is_break(one) and _is_break(two) and not (one.tail or "").strip()
        for one, two in pairwise(children)
    )


def _ends_with_break(run: Element) -> bool:
    """Whether the run's last element is a ``<br>`` with nothing but white space after it."""
    return len(run) > 0 and _is_break(run[-1]) and not (run[-1].tail or "").strip()


def _has_loose_text(parent: Element, children: list[Element]) -> bool:
    if (parent.text or "").strip():
        return True
    for child in children:
        if (child.tail or "").strip():
            return True
        if not _is_block(child) and isinstance(child.tag, str) and child.text_content().strip():
            return True
    return False


def _wrap(parent: Element, children: list[Element]) -> None:
    text, parent.text = parent.text, None
    for child in children:
        parent.remove(child)  # lxml moves an element's tail with it
    run: Element | None = None

    def open_run(text: str | None) -> Element | None:
        if not (text or "").strip():
            return None
        paragraph = parent.makeelement("p", {})
        paragraph.text = text
        parent.append(paragraph)
        return paragraph

    run = open_run(text)
    if run is None:
        parent.text = text
    for child in children:
        if _is_block(child) or not isinstance(child.tag, str):
            tail, child.tail = child.tail, None
            parent.append(child)
            run = open_run(tail)
            if run is None:
                child.tail = tail
            continue
        if run is not None and _is_break(child) and _ends_with_break(run):
            run.remove(run[-1])  # a second <br>: the paragraph ends here
            run = open_run(child.tail)
            continue
        if run is None:
            if not child.text_content().strip() and not (child.tail or "").strip():
                parent.append(child)  # a lone <br> or image between blocks
                continue
            run = parent.makeelement("p", {})
            parent.append(run)
        run.append(child)
