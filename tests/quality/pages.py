"""Real-size news articles and pages, generated: the hostile benchmark's baseline and the limits'
test. Text from the phrase tables of :mod:`tests.quality.corpus` (written for copydesk).

- :func:`news_text`: a plain-text article of about N characters, shaped like the corpus's
  (title, standfirst, reading time, date, credited caption, paragraphs with quotations).
- :func:`news_page`: an HTML page of about N bytes of markup around an article of M words, shaped
  like the real pages measured (20 KB to 1.5 MB of markup, median about 120 KB): a heavy
  ``<head>`` (meta tags, inline CSS, JSON-LD, consent and app-state scripts), a mega-menu, the
  article with its figure, teaser grids, a comment thread and a footer.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from tests.quality.corpus import CREDITS, MONTHS, PEOPLE, PLACES, ROLES, TOPICS, _paragraph


def news_text(chars: int, seed: int = 0) -> str:
    """A normal English news article of at least ``chars`` characters (cut at a paragraph)."""
    rng = random.Random(seed)
    head, paragraphs = _header(rng)
    lines = [*head, ""]
    size = sum(len(line) + 1 for line in lines)
    p = 0
    while size < chars:
        paragraph = paragraphs(p)
        lines += [paragraph, ""]
        size += len(paragraph) + 2
        p += 1
    return "\n".join(lines)


def news_page(markup_bytes: int = 1_500_000, words: int = 5_000, seed: int = 0) -> bytes:
    """A UTF-8 news page of about ``markup_bytes`` bytes whose article has about ``words`` words."""
    rng = random.Random(seed)
    (title, _, standfirst, reading, date, caption), paragraphs = _header(rng)
    body, count, p = [], 0, 0
    while count < words:
        paragraph = paragraphs(p)
        body.append(f'<p class="article-body__para">{_escape(paragraph)}</p>')
        count += len(paragraph.split())
        p += 1
    author = rng.choice(PEOPLE)
    jsonld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "description": standfirst,
        "author": [{"@type": "Person", "name": author}],
        "datePublished": "2025-03-14T09:30:00Z",
    }
    article = "\n".join(
        [
            '<article class="story">',
            f"<h1>{_escape(title)}</h1>",
            f'<p class="standfirst">{_escape(standfirst)}</p>',
            f'<div class="byline">By <a href="/authors/x">{_escape(author)}</a></div>',
            f'<time datetime="2025-03-14T09:30:00Z">{date}</time> <span>{reading}</span>',
            '<figure><img src="/img/lead.jpg" alt="">',
            f"<figcaption>{_escape(caption)}</figcaption></figure>",
            *body,
            "</article>",
        ]
    )
    head = "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{_escape(title)} | The Harbour Courier</title>",
            f'<meta name="description" content="{_escape(standfirst)}">',
            f'<meta property="og:title" content="{_escape(title)}">',
            *(f'<link rel="preload" href="/static/chunk-{i}.js" as="script">' for i in range(40)),
            f'<script type="application/ld+json">{json.dumps(jsonld)}</script>',
            "<style>" + _css(rng, 300) + "</style>",
            "</head><body>",
        ]
    )
    chrome = [
        _menu(rng),
        '<main><div class="layout">',
        article,
        _teasers(rng, 24),
        _comments(rng, 30),
        "</div></main>",
        _footer(),
    ]
    page = head + "\n".join(chrome)
    # The rest is what real pages carry besides: serialised app state, ad and consent scripts.
    state = []
    size = len(page.encode())
    while size < markup_bytes - 200:
        chunk = _state(rng)
        state.append(chunk)
        size += len(chunk.encode()) + 1
    return (page + "\n".join(state) + "\n</body></html>\n").encode("utf-8")


def _header(rng: random.Random) -> tuple[list[str], Callable[[int], str]]:
    """An article's header lines (title, blank, standfirst, reading time, date, caption), and its
    paragraphs by number."""
    place, adjective = rng.choice(PLACES)
    topic, who, thing = rng.choice(TOPICS)
    speaker, other = rng.sample(PEOPLE, 2)
    role = rng.choice(ROLES)
    head = [
        f"{place}: {topic}",
        "",
        f"{adjective} authorities said {thing} would be reviewed as {who} counted the cost.",
        f"{rng.randint(2, 6)} min read",
        f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)}, {rng.choice([2023, 2024, 2025])}",
        f"{who.capitalize()} gather in central {place} {rng.choice(CREDITS)}",
    ]

    def paragraphs(p: int) -> str:
        return _paragraph(p, rng, place, adjective, who, thing, speaker, other, role)

    return head, paragraphs


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _css(rng: random.Random, rules: int) -> str:
    return "".join(
        f".c{rng.randint(0, 99999)}{{margin:{rng.randint(0, 40)}px;"
        f"color:#{rng.randint(0, 0xFFFFFF):06x}}}"
        for _ in range(rules)
    )


def _menu(rng: random.Random) -> str:
    sections = ["News", "World", "Business", "Sport", "Culture", "Opinion", "Weather", "Travel"]
    items = [
        f'<li><a href="/{s.lower()}/{i}">{s} {rng.choice(PLACES)[0]}</a></li>'
        for s in sections
        for i in range(12)
    ]
    return '<header><nav class="mega-menu"><ul>' + "".join(items) + "</ul></nav></header>"


def _teasers(rng: random.Random, count: int) -> str:
    cards = []
    for i in range(count):
        place = rng.choice(PLACES)[0]
        topic = rng.choice(TOPICS)[0]
        cards.append(
            f'<div class="card"><a href="/story/{i}"><h3>{place}: {topic}</h3></a>'
            f"<span>{rng.randint(1, 59)} minutes ago</span></div>"
        )
    return '<aside class="related"><h2>More stories</h2>' + "".join(cards) + "</aside>"


def _comments(rng: random.Random, count: int) -> str:
    comments = [
        f'<li class="comment"><b>{rng.choice(PEOPLE).split()[0]}{rng.randint(1, 99)}</b>'
        f"<p>{rng.choice(['Well said.', 'Not again.', 'Who pays for this?', 'Typical.'])}</p></li>"
        for _ in range(count)
    ]
    return '<section class="comments"><h2>Comments</h2><ul>' + "".join(comments) + "</ul></section>"


def _footer() -> str:
    links = "".join(f'<a href="/page/{i}">Link {i}</a>' for i in range(60))
    return f"<footer>{links}<p>© 2025 The Harbour Courier</p></footer>"


def _state(rng: random.Random) -> str:
    teasers = [
        {
            "id": rng.randint(10**6, 10**7),
            "headline": f"{rng.choice(PLACES)[0]}: {rng.choice(TOPICS)[0]}",
            "url": f"/story/{rng.randint(10**6, 10**7)}",
            "tracking": "".join(rng.choice("abcdef0123456789") for _ in range(48)),
        }
        for _ in range(40)
    ]
    return f"<script>window.__STATE__.push({json.dumps(teasers)});</script>"
