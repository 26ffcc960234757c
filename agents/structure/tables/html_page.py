"""What :mod:`agents.structure.html_page` reads in an HTML page beside trafilatura's text:
the ``<meta>`` names of the publication time, the JSON-LD types of an article, where captions
stand, and when trafilatura's main text says which lines are boilerplate."""

from __future__ import annotations

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
#: which lines are boilerplate. Labelled set, Nov 2026: same scores from 0 to 100; from 101,
#: paragraphs, quotes, speakers and furniture drop.
MAIN_TEXT_MIN_WORDS = 30
#: A line of the page this long may stand inside a longer line of trafilatura's text (it joins
#: inline blocks); a shorter one must match a whole line, or "News" would match every article.
#: Labelled set, Nov 2026: every value scores the same; 8 words is a short sentence.
MAIN_TEXT_SUBSTRING_MIN_WORDS = 8
