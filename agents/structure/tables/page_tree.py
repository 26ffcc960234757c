"""What :mod:`agents.structure.page_tree` removes from a page before trafilatura reads it, and
which elements hold blocks of text: XPath expressions, element names and sizes, no logic.

Each rule names markup that real news sites use for one kind of thing a reader is not shown, or
is shown but is not the article; the stage reports the lines they held as furniture, with the
rule's name.
"""

from __future__ import annotations

#: Elements the browser does not show: the ``hidden`` attribute, and inline styles that hide
#: them. Metered paywalls serve the locked paragraphs this way, for search engines only
#: (schema.org ``isAccessibleForFree: false`` names them). ``aria-hidden`` is not here: it hides
#: text from screen readers, not from the eye (icons, drop caps, ad slots carry it).
HIDDEN_XPATH = (
    "//body//*[@hidden]"
    " | //body//*[@style][contains(translate(@style, ' ', ''), 'display:none')]"
    " | //body//*[@style][contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)

#: Posts embedded from social networks: the network's own blockquote (or AMP element), whose text
#: is the post, not the article, even where a paragraph of the article quotes the same words.
#: Class names as each network's embed code writes them.
EMBED_XPATH = (
    "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'twitter-video')"
    " or contains(@class, 'instagram-media') or contains(@class, 'tiktok-embed')"
    " or contains(@class, 'bluesky-embed') or contains(@class, 'text-post-media')"
    " or contains(@class, 'fb-xfbml-parse-ignore') or contains(@class, 'reddit-embed')"
    " or contains(@class, 'reddit-card') or contains(@class, 'mastodon-embed')]"
    " | //amp-twitter | //amp-instagram | //amp-tiktok | //amp-facebook | //amp-reddit"
    " | //amp-bluesky"
)

#: Elements with a name the rules below read: in the page's body, with a class, an id or a
#: component name.
NAMED_XPATH = "//body//*[@class or @id or @data-component or @data-testid]"

#: Pull quotes: a sentence of the body set large beside it (the body keeps its own copy). Names
#: are matched inside an element's class, id, ``data-component`` and ``data-testid``, in lower
#: case: ``wp-block-pullquote``, ``article__pull-quote``.
PULL_QUOTE_NAMES = ("pullquote", "pull-quote", "pull_quote")

#: Boxes around the article that ask something of the reader: newsletter sign-ups, paywall and
#: subscription prompts, author bios. Only a box: at most BOX_MAX_WORDS words, never the page's
#: ``<body>``, ``<main>`` or ``<article>`` (a page marks its body ``paywall`` as a whole).
BOX_NAMES = (
    "newsletter", "paywall", "subscri", "signup", "sign-up", "regwall", "author-bio",
    "author-info", "author-box", "about-author", "author-card",
)  # fmt: skip
#: A sign-up box is a heading, a sentence or two and a form or a link; an article is longer.
#: Pages, Nov 2026: the boxes run 19 to 50 words, the shortest article 88; same scores from 40
#: up (to 1,000); at 20, body text drops.
BOX_MAX_WORDS = 80
#: What a box asks the reader to do: fill in a form, or follow a link (to subscribe, to log in,
#: to the author's page). Paragraphs of an article in a box so named have neither, mostly.
BOX_ACTION_XPATH = ".//form | .//input | .//button | .//select | .//a[@href]"

#: Elements that stand as blocks of their own: text beside them inside the same parent is a
#: paragraph of its own (``<div>text<div class="ad">...</div>more text</div>``). Custom elements
#: (``amp-img``, ``amp-ad``) are blocks too.
BLOCK_TAGS = frozenset(
    "address article aside blockquote details dialog dd div dl dt fieldset figcaption figure"
    " footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table ul".split()
)
#: A table cell of more words than this is a column of a page laid out with tables, not a cell
#: of a table of figures: the longest cell of a results or budget table is a few words.
#: Pages, Nov 2026: same scores from 20 up (to 1,000); at 10, body text drops.
LAYOUT_CELL_MIN_WORDS = 40

#: Parents whose loose text is wrapped into paragraphs: blocks, table cells, and the ``<font>``
#: and ``<center>`` that old templates wrap the whole article in (a list item keeps its own).
LOOSE_TEXT_PARENTS = frozenset("article aside body center div font main section td".split())

#: A list of teasers: at least this many items (list items, table rows, blocks) in one parent,
#: most of them a link to another page first (a headline), with at most a line of text beside.
#: Pages, Nov 2026: same scores at 2 and 3; from 4, body text drops.
TEASER_LIST_MIN_ITEMS = 3
#: Share of a list's items that must be teasers; the rest are the list's title and spacers.
#: Pages, Nov 2026: same scores from 0.5 to 0.9; at 1.0, body text drops (0.999 to 0.932).
TEASER_LIST_SHARE = 0.75
#: In a teaser, the link's words are at least this share of the item's: a headline of 8 words
#: over a standfirst of 15 is 0.35; a paragraph that opens with a linked name is far below.
#: Pages, Nov 2026: same scores from 0.1 to 0.3; from 0.4, body text drops.
TEASER_LINK_SHARE = 0.3
#: Beside its link, a teaser has at most a standfirst: this many words. A live blog's entry,
#: which opens with a link to itself (its time), has paragraphs. Pages, Nov 2026: same scores
#: from 20 up (to 1,000); at 15, body text drops.
TEASER_MAX_PLAIN_WORDS = 30
#: Parents whose items may be a list of teasers, and what counts as an item.
TEASER_PARENTS = frozenset("ul ol tbody table div section aside nav".split())
TEASER_ITEMS = frozenset("li tr div article section".split())

#: A block of links: at least this many links, and beside them at most this many words, and at
#: most this share of the block's words (a menu's separators, a box's title). The count keeps a
#: page's wrapper, whose article is far outnumbered by its footer's links, out of the rule.
#: Pages, Nov 2026: links, same scores at 2 and 3, from 4 body text drops; words, same from 30
#: to 60, at 20 it drops; share, at 0.1 it drops, and 0.3 or 0.5 would score higher (0.9995
#: against 0.9988): kept at 0.2 as judged, not fitted to the set.
LINK_BLOCK_MIN_LINKS = 3
LINK_BLOCK_MAX_PLAIN_WORDS = 30
LINK_BLOCK_PLAIN_SHARE = 0.2

#: Lines as the repair stage cuts a page's text (``agents/repair/html_text.py``): a line per
#: block, the cells of a table row apart on one line, nothing from these elements.
LINE_BLOCKS = frozenset(
    "p div article section header footer main aside nav h1 h2 h3 h4 h5 h6 li ul ol blockquote"
    " figure figcaption table tr pre address time br hr".split()
)
LINE_CELLS = frozenset(("td", "th"))
LINE_SKIP = frozenset("script style noscript template head svg iframe object".split())
