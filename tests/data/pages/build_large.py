# ruff: noqa: E501 (HTML templates and their hand-written text are long lines)
"""Build the four big pages (about 1-1.3 MB each) of this directory (standard library only).

    python3 tests/data/pages/build_large.py

Real news pages reach a megabyte and more not through their articles but through what surrounds
them: app state serialised into the page, mega-menus, SVG icon sprites, comment threads, inline
placeholder images and footers of hundreds of links. Nobody should hand-write a megabyte, so this
script builds those parts from hand-written pieces (the pools in `parts/pools.txt`, the furniture
in `pagekit.py`) and the articles from their sources (`src/large-*.txt`), deterministically. Its
output is committed, so tests need not run it.

| page | made of |
|---|---|
| large-next-glacier-longread | Next.js page: 2,400-word long read; `__NEXT_DATA__` with ~1,500 teasers; 220-icon sprite |
| large-live-climate-summit | live blog of 40 entries; the entries again in app state; 160 comments |
| large-wp-planning-row | WordPress post; 420 threaded comments; long archive and recent-post widgets |
| large-portal-steelworks | portal page; inline PNG placeholders; mega-menu and a footer of ~1,000 links |
"""

import base64
import random
import struct
import zlib

import build_pages
import pagekit
from pagekit import POOLS, Knobs, esc, img_url, slug


def tiny_png(rng, w=16, h=9):
    """A blurred-placeholder PNG (LQIP) as sites inline them: a few pixels, base64 in the page."""
    base = [rng.randrange(256) for _ in range(3)]
    rows = b""
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            for c in range(3):
                row.append(max(0, min(255, base[c] + (x - y) * rng.randint(1, 6))))
        rows += bytes(row)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    return "data:image/png;base64," + base64.b64encode(png).decode()


def lqip_grid(site, rng, title, n):
    """A grid of teasers whose images carry inline placeholders until the real ones load."""
    items = []
    headlines = pagekit.pick(rng, "headlines", n)
    teasers = pagekit.pick(rng, "teasers", n)
    for h, t in zip(headlines, teasers, strict=True):
        items.append(
            f'<li class="grid-teaser"><a href="/{slug(h)}"><img class="lqip" '
            f'src="{tiny_png(rng)}" data-src="{img_url(site, h, 480, 270)}" alt="" width="480" '
            f'height="270"><h3 class="grid-teaser__headline">{esc(h)}</h3></a>'
            f'<p class="grid-teaser__standfirst">{esc(t)}</p></li>'
        )
    return (
        f'<section class="grid" aria-label="{esc(title)}"><h2 class="grid__title">{esc(title)}</h2>'
        f'<ul class="grid__items">{"".join(items)}</ul></section>'
    )


def topics_index(rng, n):
    """An A-Z of topic pages, as portals list at the foot of every article."""
    words = sorted({w.strip("’‘“”:,.?!") for h in POOLS["headlines"] for w in h.split()})
    words = [w for w in words if len(w) > 3 and w[0].isupper()]
    links = []
    for i in range(n):
        a, b = words[i % len(words)], words[(i * 7 + 3) % len(words)]
        links.append(f'<li><a href="/topic/{slug(a + " " + b, 3)}">{esc(a)} {esc(b)}</a></li>')
    return (
        '<nav class="topics-index" aria-label="Topics A to Z"><h2>Topics A–Z</h2>'
        f"<ul>{''.join(links)}</ul></nav>"
    )


def wp_archives(n):
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    items = []
    for i in range(n):
        year, month = 2025 - i // 12, 12 - i % 12
        items.append(
            f'<li><a href="/{year}/{month:02d}/">{months[month - 1]} {year}</a>&nbsp;({(i * 37) % 23 + 2})'
            "</li>"
        )
    return (
        '<section class="widget widget_archive widget_archive_full"><h2 class="widget-title">'
        f"Archives</h2><ul>{''.join(items)}</ul></section>"
    )


LARGE = {
    # name: (knobs, target size in KB)
    "large-next-glacier-longread": (
        Knobs(
            state_teasers=1400, css_rules=2400, more_teasers=12, menu_featured=6, sprite_icons=220
        ),
        1260,
    ),
    "large-live-climate-summit": (
        Knobs(state_teasers=900, css_rules=1500, more_teasers=12, comments=160, sprite_icons=60),
        1120,
    ),
    "large-wp-planning-row": (
        Knobs(state_teasers=300, css_rules=900, comments=420, footer_links=240),
        1060,
    ),
    "large-portal-steelworks": (
        Knobs(
            state_teasers=500,
            css_rules=1800,
            more_teasers=16,
            menu_featured=12,
            footer_columns=60,
            footer_links=18,
            sprite_icons=90,
        ),
        1080,
    ),
}


def extras(name, knobs):
    rng = random.Random(name + "/extras")
    site = pagekit.SITES[pagekit.parse_source(name).get("site")]
    if name == "large-wp-planning-row":
        knobs.extra_html = wp_archives(150)
    elif name == "large-portal-steelworks":
        knobs.extra_html = (
            lqip_grid(site, rng, "Around the county", 120)
            + lqip_grid(site, rng, "Business", 60)
            + topics_index(rng, 900)
        )
    elif name == "large-live-climate-summit":
        knobs.extra_html = lqip_grid(site, rng, "More on the summit", 40)
    elif name == "large-next-glacier-longread":
        knobs.extra_html = lqip_grid(site, rng, "Read next", 48)
    return knobs


def main():
    for name, (knobs, target) in LARGE.items():
        data, lab, art = pagekit.build(name, extras(name, knobs), target)
        build_pages.write(name, data, lab)
        print(f"{name}: {len(data) / 1024:.0f} KB, {pagekit.word_count(art)} body words")


if __name__ == "__main__":
    main()
