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

The rules, in order (:data:`RULES`); each returns the elements it takes out:

>>> import lxml.html
>>> tree = lxml.html.fromstring(
...     "<html><body><div>A paragraph of the article.<div class='ad'>Advertisement</div>"
...     "The next paragraph.<div hidden>A locked paragraph.</div></div></body></html>")
>>> [(rule, len(found)) for rule, found in prune(tree).items() if found]
[('hidden', 1)]
>>> [p.text for p in tree.iter("p")]
['A paragraph of the article.', 'The next paragraph.']
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from lxml import html

from agents.structure.tables.page_tree import (
    BLOCK_TAGS,
    BOX_ACTION_XPATH,
    BOX_MAX_WORDS,
    BOX_XPATH,
    EMBED_XPATH,
    HIDDEN_XPATH,
    LAYOUT_CELL_MIN_WORDS,
    LINK_BLOCK_MAX_PLAIN_WORDS,
    LINK_BLOCK_MIN_LINKS,
    LINK_BLOCK_PLAIN_SHARE,
    LOOSE_TEXT_PARENTS,
    PULL_QUOTE_XPATH,
    TEASER_ITEMS,
    TEASER_LINK_SHARE,
    TEASER_LIST_MIN_ITEMS,
    TEASER_LIST_SHARE,
    TEASER_PARENTS,
)

Element = html.HtmlElement
_KEPT = frozenset(("html", "body", "main", "article"))
#: What may stand before a list item's link: bullets, dashes, arrows and spaces.
_BULLETS = " •·‣◦▪▸►–—-*>»›|"


def _hidden(tree: Element) -> list[Element]:
    """Elements the browser does not show (``hidden``, ``display: none``)."""
    return tree.xpath(HIDDEN_XPATH)


def _embedded_posts(tree: Element) -> list[Element]:
    """Posts embedded from X, Instagram, TikTok, Bluesky and the like."""
    return tree.xpath(EMBED_XPATH)


def _pull_quotes(tree: Element) -> list[Element]:
    return tree.xpath(PULL_QUOTE_XPATH)


def _boxes(tree: Element) -> list[Element]:
    """Newsletter sign-ups, paywall prompts and author bios: short boxes that ask the reader to
    do something (a form, a link to subscribe or to the author's page), never the article."""
    return [
        element
        for element in tree.xpath(BOX_XPATH)
        if len(element.text_content().split()) <= BOX_MAX_WORDS
        and (element.xpath(BOX_ACTION_XPATH) or element.tag in ("a", "form"))
    ]


def _teaser_lists(tree: Element) -> list[Element]:
    """Lists whose items are mostly a headline linked to another page, with a line beside it:
    "More headlines", "Latest news", "Recommended", menus of links."""
    found = []
    for parent in tree.iter(*TEASER_PARENTS):
        items = [
            child
            for child in parent
            if isinstance(child.tag, str)
            and child.tag in TEASER_ITEMS
            and child.text_content().strip()
        ]
        if len(items) < TEASER_LIST_MIN_ITEMS:
            continue
        teasers = sum(_is_teaser(item) for item in items)
        if teasers >= TEASER_LIST_MIN_ITEMS and teasers >= TEASER_LIST_SHARE * len(items):
            found.append(parent)
    return found


def _link_blocks(tree: Element) -> list[Element]:
    """Blocks of links with hardly a word beside them: a menu, a "Related stories" box written
    as links between ``<br>``, a row of "Print | Email this story | Write to the editor"."""
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _KEPT or element.tag == "a":
            continue
        links = [link for link in element.iter("a") if link.get("href")]
        if len(links) < LINK_BLOCK_MIN_LINKS:
            continue
        words = len(element.text_content().split())
        plain = words - sum(len(link.text_content().split()) for link in links)
        if plain <= LINK_BLOCK_MAX_PLAIN_WORDS and plain <= LINK_BLOCK_PLAIN_SHARE * words:
            found.append(element)
    return found


def _is_teaser(item: Element) -> bool:
    """A link first (its words a good share of the item's), whatever follows it."""
    text = " ".join(item.text_content().split()).lstrip(_BULLETS)
    links = [link for link in item.iter("a") if link.get("href")]
    if not links:
        return False
    first = " ".join(links[0].text_content().split())
    if not first or not text.startswith(first):
        return False
    linked = sum(len(link.text_content().split()) for link in links)
    return linked >= TEASER_LINK_SHARE * len(text.split())


#: The rules by name, in the order they run; a rule sees the tree the ones before it left.
RULES: dict[str, Callable[[Element], list[Element]]] = {
    "hidden": _hidden,
    "embedded post": _embedded_posts,
    "pull quote": _pull_quotes,
    "sign-up, paywall or author box": _boxes,
    "list of teasers": _teaser_lists,
    "block of links": _link_blocks,
}


def prune(tree: Element) -> dict[str, list[Element]]:
    """Take out of ``tree`` (in place) what each rule finds, after turning layout tables into
    blocks and wrapping loose text into paragraphs; return what each rule took out (kept apart
    from the tree)."""
    unwrap_layout_tables(tree)
    wrap_loose_text(tree)
    removed: dict[str, list[Element]] = {}
    for name, rule in RULES.items():
        found = _outermost([element for element in rule(tree) if element.tag not in _KEPT])
        for element in found:
            if element.getparent() is not None:
                element.drop_tree()  # its tail, the text after it, stays
        removed[name] = found
    return removed


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
