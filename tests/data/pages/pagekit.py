# ruff: noqa: E501 (HTML templates and their hand-written text are long lines)
"""Shared machinery of the page builders: article sources, labels, site furniture, renderers.

`build_pages.py` and `build_large.py` turn each hand-written article source in `src/` into a page
`NAME.html` in the markup of one invented site family, and its label `NAME.json`. The label is
taken from the source, not from the page: the body is the visible text of the source blocks that
the labelling rules (README.md) call article text. `check_pages.py` then reads each page back
with its own small HTML-to-lines reader and confirms every label paragraph is one visible line of
the page, in order.

Standard library only, and deterministic: every choice of furniture is drawn from a
`random.Random` seeded with the page's name, so a rebuild writes the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
PARTS = HERE / "parts"

# ---------------------------------------------------------------------------------------------
# 1. Article sources


@dataclass
class Block:
    """One block of an article source: a paragraph, a heading, a list, or a piece of furniture."""

    kind: str
    text: str = ""
    items: list = field(default_factory=list)
    arg: str = ""


@dataclass
class Article:
    name: str
    meta: dict
    blocks: list

    def get(self, key, default=""):
        return self.meta.get(key, default)

    @property
    def authors(self):
        return [a.strip() for a in re.split(r",| and ", self.get("byline")) if a.strip()]


def _chunk(lines):
    if not lines:
        return []
    first = lines[0]
    if first.startswith("@@"):
        spec = first[2:].strip()
        pinned = spec.startswith("pinned")
        if pinned:
            spec = spec[len("pinned") :].strip()
        time, _, heading = spec.partition("|")
        entry = Block("entry", heading.strip(), ["pinned"] if pinned else [], time.strip())
        return [entry, *_chunk(lines[1:])]
    if first.startswith("[") and "]" in first:
        tag, _, rest = first[1:].partition("]")
        parts = [x.strip() for x in rest.split("|")] if rest.strip() else []
        return [Block(tag.strip(), rest.strip(), parts), *_chunk(lines[1:])]
    if first.startswith("## "):
        return [Block("h", first[3:].strip()), *_chunk(lines[1:])]
    if first.startswith(">"):
        return [Block("quote", items=[ln.lstrip(">").strip() for ln in lines])]
    if first.startswith("- "):
        return [Block("ul", items=[ln[2:].strip() for ln in lines])]
    if re.match(r"\d+\. ", first):
        return [Block("ol", items=[ln.split(". ", 1)[1].strip() for ln in lines])]
    if first.startswith("|"):
        rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines]
        return [Block("table", items=rows)]
    return [Block("p", " ".join(lines))]


def parse_source(name):
    raw = (SRC / f"{name}.txt").read_text("utf-8")
    head, _, body = raw.partition("\n---\n")
    meta = {}
    for line in head.splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    blocks = []
    for chunk in re.split(r"\n[ \t]*\n", body.strip()):
        lines = [ln.strip() for ln in chunk.strip().splitlines() if ln.strip()]
        blocks.extend(_chunk(lines))
    return Article(name, meta, blocks)


def source_names():
    return sorted(p.stem for p in SRC.glob("*.txt"))


# ---------------------------------------------------------------------------------------------
# 2. Text: what a reader sees of a fragment, and the label


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_data(self, data):
        self.out.append(data)


def norm(text):
    """Whitespace as the labels write it: any run of white space (no-break spaces too) is one."""
    return " ".join(text.split())


def text_of(fragment):
    """The visible text of an inline HTML fragment: tags dropped, entities decoded, spaces normed."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return norm("".join(parser.out))


BODY_KINDS = {"p", "h", "quote", "ul", "ol", "table", "note"}


def block_texts(block):
    """The label entries one block gives: none for furniture (captions, ads, embeds, pull quotes)."""
    if block.kind in ("p", "note", "h"):
        return [text_of(block.text)]
    if block.kind == "entry":
        return [text_of(block.text)] if block.text else []
    if block.kind in ("quote", "ul", "ol"):
        return [text_of(x) for x in block.items]
    if block.kind == "table":
        return [" ".join(text_of(c) for c in row) for row in block.items]
    return []


def visible_blocks(art):
    """The blocks a reader without a subscription sees: all up to a `[paywall]` marker."""
    out = []
    for block in art.blocks:
        if block.kind == "paywall":
            break
        out.append(block)
    return out


def label(art):
    body = []
    for block in visible_blocks(art):
        body.extend(block_texts(block))
    standfirst = art.get("standfirst")
    return {
        "layout": art.get("layout"),
        "title": text_of(art.get("title")),
        "standfirst": text_of(standfirst) if standfirst else None,
        "body": body,
    }


def plain_body(art, blocks=None, old=False):
    """The body as plain text with blank lines, as JSON-LD `articleBody` or app state carries it.

    With `old`, the version before the page's last edit: `[was]` blocks stand in for the paragraph
    after them and `[note]` blocks are not there yet.
    """
    out = []
    skip_next = False
    for block in blocks if blocks is not None else art.blocks:
        if block.kind == "was" and old:
            out.append(text_of(block.text))
            skip_next = True
            continue
        if skip_next and block.kind == "p":
            skip_next = False
            continue
        if old and block.kind == "note":
            continue
        out.extend(block_texts(block))
    return "\n\n".join(out)


def word_count(art):
    return sum(len(x.split()) for x in label(art)["body"])


# ---------------------------------------------------------------------------------------------
# 3. Hand-written pools and small helpers


def _pools():
    pools, current = {}, None
    for line in (PARTS / "pools.txt").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = pools.setdefault(line[1:-1], [])
        else:
            current.append(line.strip())
    return pools


POOLS = _pools()

SECTIONS = {
    "News": ["UK", "World", "Politics", "Business", "Science", "Health", "Education", "Crime"],
    "Local": ["Towns", "Council", "Transport", "Courts", "Planning", "Schools", "Roadworks"],
    "Sport": [
        "Football",
        "Cricket",
        "Rugby union",
        "Rugby league",
        "Tennis",
        "Golf",
        "Cycling",
        "Athletics",
        "Formula One",
        "Boxing",
        "Racing",
    ],
    "Opinion": ["Editorials", "Letters", "Columnists", "Cartoons"],
    "Culture": ["Film", "Music", "Books", "TV & radio", "Art & design", "Stage", "Games"],
    "Lifestyle": ["Food", "Travel", "Wellbeing", "Money", "Property", "Motoring", "Gardens"],
    "Environment": ["Climate", "Wildlife", "Energy", "Pollution", "Farming"],
    "Weather": ["Forecast", "Warnings", "Tides", "Pollen"],
    "More": ["Obituaries", "Puzzles", "Podcasts", "Video", "Newsletters", "Photography"],
}

FOOTER_LINKS = [
    "About us",
    "Contact us",
    "Complaints & corrections",
    "Editorial code",
    "Work for us",
    "Advertise with us",
    "Terms and conditions",
    "Privacy policy",
    "Cookie policy",
    "Privacy settings",
    "Accessibility",
    "Help",
    "Subscribe",
    "Manage subscription",
    "Print editions",
    "Archive",
    "Syndication",
    "Site map",
    "RSS feeds",
    "Modern slavery statement",
]


def esc(text):
    return html.escape(text, quote=True)


def slug(text, n=8):
    words = re.findall(r"[a-z0-9]+", text_of(text).lower())
    return "-".join(words[:n])


def chash(*parts, n=6):
    """A class name as CSS-in-JS tools mint them: a short hash of what it styles."""
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()
    value = int(digest[:12], 16)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    out = ""
    while value and len(out) < n:
        value, r = divmod(value, 36)
        out += alphabet[r]
    return out


def script_json(data):
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def entityize(markup):
    """Non-ASCII characters as entities, as old content systems wrote them (`&eacute;`, `&#8217;`)."""
    from html.entities import codepoint2name

    def repl(m):
        cp = ord(m.group(0))
        if cp in codepoint2name and cp < 256:
            return f"&{codepoint2name[cp]};"
        return f"&#{cp};"

    return re.sub(r"[^\x00-\x7f]", repl, markup)


def fmt_date(iso, style="long"):
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
    y, m, d = int(iso[0:4]), int(iso[5:7]), int(iso[8:10])
    hh, mm = iso[11:13], iso[14:16]
    if style == "long":
        return f"{d} {months[m - 1]} {y}, {hh}:{mm}"
    if style == "us":
        return f"{months[m - 1][:3]}. {d}, {y}"
    if style == "slash":
        return f"{d:02d}/{m:02d}/{y}"
    return f"{d} {months[m - 1]} {y}"


@dataclass
class Site:
    key: str
    name: str
    domain: str
    color: str
    tagline: str
    dialect: str = "bem"


SITES = {
    s.key: s
    for s in [
        Site("ledger", "The Northern Ledger", "www.northernledger.co.uk", "#0b3c5d", "News"),
        Site(
            "meridian",
            "Meridian Daily",
            "www.meridiandaily.com",
            "#b3261e",
            "Independent journalism",
            "story",
        ),
        Site(
            "examiner",
            "The Rutherford Examiner",
            "www.rutherfordexaminer.co.uk",
            "#1d4e2b",
            "Serving the county since 1854",
            "c",
        ),
        Site(
            "continental",
            "Continental Review",
            "www.continentalreview.com",
            "#111111",
            "Business, markets, policy",
            "next",
        ),
        Site(
            "harbour",
            "Harbour & Vale Courier",
            "www.harbourvalecourier.co.uk",
            "#003366",
            "Your local paper",
            "old",
        ),
        Site(
            "kestrel",
            "Kestrel Valley Gazette",
            "www.kestrelvalleygazette.co.uk",
            "#660000",
            "Every Thursday",
            "old",
        ),
        Site("pulse", "NewsPulse", "www.newspulse.net", "#e4002b", "Breaking news", "amp"),
        Site(
            "village",
            "Ashcombe Village Voice",
            "ashcombevoice.org.uk",
            "#52734d",
            "News, views and notices from Ashcombe and Lower Fenn",
            "wp",
        ),
        Site(
            "stage",
            "Stage & Score",
            "stageandscore.net",
            "#4b2e83",
            "Reviews of opera, theatre and concerts",
            "wp",
        ),
        Site(
            "terrace",
            "Terrace Talk",
            "terracetalk.co.uk",
            "#c8102e",
            "Non-league football, properly covered",
            "wp",
        ),
        Site(
            "brightwater",
            "The Brightwater Post",
            "brightwaterpost.com",
            "#0f4c81",
            "Independent news for the coast",
            "wp",
        ),
        Site("globe", "Globe Dispatch", "www.globedispatch.com", "#00539b", "World news", "story"),
        Site(
            "atlantic",
            "Atlantic Coast Times",
            "www.atlanticcoasttimes.ie",
            "#14505c",
            "News from the west",
            "br",
        ),
        Site(
            "lowland",
            "The Lowland Herald",
            "www.lowlandherald.com",
            "#2a2a72",
            "Since 1871",
            "div",
        ),
    ]
}


# ---------------------------------------------------------------------------------------------
# 4. Furniture: styles, scripts, state, menus, footers, teasers, comments


BASE_CSS = """
:root{--brand:%(color)s;--ink:#121212;--muted:#5c5c5c;--rule:#dcdcdc;--bg:#fff;
--font-serif:"Publico",Georgia,"Times New Roman",serif;--font-sans:"Graphik",Helvetica,Arial,
sans-serif;--measure:640px;--gutter:20px}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%%;text-size-adjust:100%%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 var(--font-sans)}
a{color:inherit;text-decoration-thickness:1px;text-underline-offset:2px}
img{max-width:100%%;height:auto;display:block}
.visually-hidden,.sr-only{position:absolute!important;width:1px;height:1px;overflow:hidden;
clip:rect(0 0 0 0);white-space:nowrap}
.skip-link{position:absolute;left:-999px;top:0;background:#000;color:#fff;padding:8px 12px}
.skip-link:focus{left:8px;z-index:1000}
.site-header{border-bottom:1px solid var(--rule);background:#fff;position:sticky;top:0;z-index:50}
.site-header__inner{max-width:1280px;margin:0 auto;display:flex;align-items:center;
justify-content:space-between;padding:12px var(--gutter)}
.site-header__logo svg{height:34px;width:auto;fill:var(--brand)}
.mega-menu{display:none;position:absolute;left:0;right:0;background:#fff;
box-shadow:0 8px 24px rgba(0,0,0,.12)}
.mega-menu[aria-expanded=true]{display:grid;grid-template-columns:repeat(5,1fr);gap:24px;
padding:24px}
.mega-menu__title{font:700 13px/1.2 var(--font-sans);text-transform:uppercase;
letter-spacing:.06em;color:var(--brand)}
.mega-menu__list{list-style:none;margin:8px 0 0;padding:0}
.mega-menu__list a{display:block;padding:4px 0;text-decoration:none;font-size:15px}
.breadcrumb{font-size:13px;color:var(--muted);margin:16px 0}
.breadcrumb ol{list-style:none;display:flex;gap:6px;padding:0;margin:0}
.article{max-width:1280px;margin:0 auto;padding:0 var(--gutter)}
.article h1{font:700 clamp(28px,4vw,44px)/1.1 var(--font-serif);margin:8px 0 12px}
.article p{font:18px/1.6 var(--font-serif);margin:0 0 20px;max-width:var(--measure)}
.byline,.dateline{font-size:14px;color:var(--muted)}
figure{margin:24px 0}figcaption{font-size:14px;color:var(--muted);margin-top:6px}
.ad-slot,.story-ad,.c-ad{min-height:250px;background:#f6f6f6;display:flex;
flex-direction:column;align-items:center;justify-content:center;margin:24px 0}
.ad-slot__label,.advert-label,.c-ad__label{font:11px/1 var(--font-sans);text-transform:uppercase;
letter-spacing:.1em;color:#767676;margin-bottom:6px}
.pull-quote,.pullquote{font:italic 700 26px/1.3 var(--font-serif);color:var(--brand);
border-top:4px solid var(--brand);padding-top:12px;margin:32px 0}
.related-links,.read-more{border-left:3px solid var(--brand);padding-left:16px;margin:24px 0}
.newsletter-signup{background:#f3f6f9;padding:20px;margin:32px 0;border-radius:4px}
.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#1b1b1b;color:#fff;
padding:16px;z-index:2000}
.site-footer{background:#101820;color:#d7dde3;margin-top:64px;padding:48px var(--gutter)}
.site-footer a{color:#d7dde3;text-decoration:none}
.site-footer__columns{display:grid;grid-template-columns:repeat(6,1fr);gap:24px}
.teaser{display:grid;grid-template-columns:120px 1fr;gap:12px;padding:12px 0;
border-top:1px solid var(--rule)}
.teaser__headline{font:700 17px/1.25 var(--font-serif);margin:0}
.teaser__standfirst{font-size:14px;color:var(--muted);margin:4px 0 0}
.most-read ol{counter-reset:mr;list-style:none;padding:0}
.most-read li{counter-increment:mr;display:flex;gap:12px;padding:10px 0}
.most-read li::before{content:counter(mr);font:700 28px/1 var(--font-serif);color:var(--brand)}
.live-entry{border-top:2px solid var(--brand);padding:12px 0 20px}
.live-entry--pinned{background:#fff8e6}
.gallery__slide{margin:0 0 40px}.gallery__count{font-weight:700}
@media (max-width:767px){.site-footer__columns{grid-template-columns:repeat(2,1fr)}
.mega-menu[aria-expanded=true]{grid-template-columns:1fr}}
@media print{.site-header,.site-footer,.ad-slot,.story-ad,.c-ad,.cookie-banner{display:none}}
"""


def utility_css(rng, n):
    """Atomic utility classes (`.mt-4{margin-top:1rem}`), as utility-first stylesheets ship them."""
    props = [
        ("m", "margin"),
        ("mt", "margin-top"),
        ("mb", "margin-bottom"),
        ("ml", "margin-left"),
        ("mr", "margin-right"),
        ("p", "padding"),
        ("pt", "padding-top"),
        ("pb", "padding-bottom"),
        ("pl", "padding-left"),
        ("pr", "padding-right"),
        ("gap", "gap"),
        ("w", "width"),
        ("h", "height"),
        ("max-w", "max-width"),
        ("min-h", "min-height"),
        ("top", "top"),
        ("left", "left"),
        ("text", "font-size"),
        ("leading", "line-height"),
        ("rounded", "border-radius"),
    ]
    colours = ["slate", "grey", "zinc", "red", "orange", "amber", "green", "teal", "sky", "blue"]
    shades = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900]
    screens = ["", "sm\\:", "md\\:", "lg\\:", "xl\\:"]
    rules = []
    for screen in screens:
        for short, prop in props:
            for step in range(0, 17):
                rules.append(f".{screen}{short}-{step}{{{prop}:{step * 0.25:g}rem}}")
        for colour in colours:
            for shade in shades:
                rgb = rng.randrange(0x1000000)
                rules.append(f".{screen}text-{colour}-{shade}{{color:#{rgb:06x}}}")
                rules.append(f".{screen}bg-{colour}-{shade}{{background-color:#{rgb:06x}}}")
    rng.shuffle(rules)
    chosen = rules[:n]
    out, screen_rules = [], {}
    for rule in chosen:
        m = re.match(r"\.(sm|md|lg|xl)\\:", rule)
        if m:
            screen_rules.setdefault(m.group(1), []).append(rule)
        else:
            out.append(rule)
    widths = {"sm": 640, "md": 768, "lg": 1024, "xl": 1280}
    for key in ("sm", "md", "lg", "xl"):
        if key in screen_rules:
            out.append(f"@media (min-width:{widths[key]}px){{{''.join(screen_rules[key])}}}")
    return "".join(out)


CONSENT_JS = """!function(){var e=window,t=document,n="__tcfapiLocator",a=[];function c(){var e=t.body;
if(!e){setTimeout(c,5);return}var a=t.createElement("iframe");a.style.display="none";a.name=n;
e.appendChild(a)}function s(){var t=arguments;if(!t.length)return a;if("ping"===t[0])t[2]({
gdprApplies:!0,cmpLoaded:!1,cmpStatus:"stub"},!0);else a.push(t)}e.frames[n]||(c(),
e.__tcfapi=s,e.addEventListener("message",function(e){var t="string"==typeof e.data,n={};try{
n=t?JSON.parse(e.data):e.data}catch(e){}var a=n.__tcfapiCall;a&&window.__tcfapi(a.command,
a.version,function(n,c){var s={__tcfapiReturn:{returnValue:n,success:c,callId:a.callId}};
e.source.postMessage(t?JSON.stringify(s):s,"*")},a.parameter)},!1))}();"""

PERF_JS = """(function(w,d){w.performance&&w.performance.mark&&w.performance.mark("head-start");
d.documentElement.className=d.documentElement.className.replace("no-js","js");
var s=w.localStorage&&w.localStorage.getItem("theme");if(s){d.documentElement.dataset.theme=s}
w.__errors=[];w.addEventListener("error",function(e){w.__errors.push([e.message,e.filename,
e.lineno])})})(window,document);"""

LAZY_JS = """(function(){if("loading" in HTMLImageElement.prototype){document.querySelectorAll(
"img[data-src]").forEach(function(i){i.src=i.dataset.src})}else{var o=new IntersectionObserver(
function(es){es.forEach(function(e){if(e.isIntersecting){e.target.src=e.target.dataset.src;
o.unobserve(e.target)}})},{rootMargin:"200px"});document.querySelectorAll("img[data-src]")
.forEach(function(i){o.observe(i)})}})();"""


def gpt_js(site, art, slots):
    lines = [
        "window.googletag=window.googletag||{cmd:[]};googletag.cmd.push(function(){",
    ]
    for i, (name, sizes) in enumerate(slots):
        size_js = json.dumps(sizes)
        lines.append(
            f'googletag.defineSlot("/2211{i % 7}/{site.key}/{slug(art.get("section"))}",'
            f'{size_js},"div-gpt-ad-{name}").addService(googletag.pubads())'
            f'.setTargeting("pos","{name}");'
        )
    lines.append(
        'googletag.pubads().setTargeting("section",'
        f'"{slug(art.get("section"))}").setTargeting("article","{art.name}");'
        "googletag.pubads().enableSingleRequest();googletag.pubads().enableLazyLoad({"
        "fetchMarginPercent:200,renderMarginPercent:100,mobileScaling:2});"
        "googletag.enableServices()});"
    )
    return "\n".join(lines)


def data_layer_js(site, art):
    data = {
        "event": "pageMeta",
        "site": site.name,
        "contentType": art.get("family"),
        "section": art.get("section"),
        "authors": art.authors,
        "published": art.get("date"),
        "wordCount": word_count(art),
        "paywall": "metered" if art.get("family") == "paywall" else "free",
        "pageId": chash(art.name, n=10),
    }
    return f"window.dataLayer=window.dataLayer||[];window.dataLayer.push({script_json(data)});"


def url_of(site, art):
    return f"https://{site.domain}/{slug(art.get('section'), 2)}/{slug(art.get('title'))}"


def jsonld_article(site, art, body=None, extra=None):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url_of(site, art)},
        "headline": text_of(art.get("title")),
        "datePublished": art.get("date"),
        "dateModified": art.get("updated") or art.get("date"),
        "author": [{"@type": "Person", "name": a} for a in art.authors],
        "publisher": {
            "@type": "Organization",
            "name": site.name,
            "logo": {"@type": "ImageObject", "url": f"https://{site.domain}/static/logo-600.png"},
        },
        "image": [f"https://{site.domain}/img/{chash(art.name, str(i))}.jpg" for i in (1, 2, 3)],
        "articleSection": art.get("section"),
        "inLanguage": "en",
    }
    if art.get("standfirst"):
        data["description"] = text_of(art.get("standfirst"))
    if body is not None:
        data["articleBody"] = body
    if extra:
        data.update(extra)
    return f'<script type="application/ld+json">{script_json(data)}</script>'


def jsonld_breadcrumbs(site, art):
    items = [("Home", f"https://{site.domain}/")]
    items.append((art.get("section"), f"https://{site.domain}/{slug(art.get('section'), 2)}"))
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i + 1, "name": n, "item": u}
            for i, (n, u) in enumerate(items)
        ],
    }
    return f'<script type="application/ld+json">{script_json(data)}</script>'


def meta_tags(site, art, rng):
    title = text_of(art.get("title"))
    desc = text_of(art.get("standfirst") or art.get("title"))
    url = url_of(site, art)
    img = f"https://{site.domain}/img/{chash(art.name, 'og')}/1200x630.jpg"
    tags = [
        '<meta charset="utf-8">',
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
        '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">',
        f"<title>{esc(title)} | {esc(site.name)}</title>",
        f'<meta name="description" content="{esc(desc)}">',
        '<meta name="robots" content="index, follow, max-image-preview:large">',
        f'<link rel="canonical" href="{url}">',
        f'<meta property="og:site_name" content="{esc(site.name)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{esc(title)}">',
        f'<meta property="og:description" content="{esc(desc)}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:image" content="{img}">',
        '<meta property="og:image:width" content="1200">',
        '<meta property="og:image:height" content="630">',
        '<meta property="og:locale" content="en_GB">',
        '<meta name="twitter:card" content="summary_large_image">',
        f'<meta name="twitter:site" content="@{site.key}news">',
        f'<meta name="twitter:title" content="{esc(title)}">',
        f'<meta name="twitter:description" content="{esc(desc)}">',
        f'<meta name="twitter:image" content="{img}">',
        f'<meta property="article:published_time" content="{art.get("date")}">',
        f'<meta property="article:modified_time" content="{art.get("updated") or art.get("date")}">',
        f'<meta property="article:section" content="{esc(art.get("section"))}">',
    ]
    for tag in art.get("tags").split(","):
        if tag.strip():
            tags.append(f'<meta property="article:tag" content="{esc(tag.strip())}">')
    for a in art.authors:
        tags.append(f'<meta name="author" content="{esc(a)}">')
    for host in ("fonts.gstatic.com", "securepubads.g.doubleclick.net", "cdn.privacy-mgmt.com"):
        tags.append(f'<link rel="preconnect" href="https://{host}" crossorigin>')
    tags.append(f'<link rel="dns-prefetch" href="https://static.{site.domain.split(".", 1)[1]}">')
    for face in ("regular", "bold", "italic", "sans-regular", "sans-bold"):
        tags.append(
            f'<link rel="preload" as="font" type="font/woff2" crossorigin '
            f'href="/static/fonts/{site.key}-{face}.{chash(site.key, face)}.woff2">'
        )
    for size in (16, 32, 180, 192, 512):
        rel = "apple-touch-icon" if size == 180 else "icon"
        tags.append(
            f'<link rel="{rel}" sizes="{size}x{size}" href="/static/icons/icon-{size}.png">'
        )
    tags.append('<link rel="manifest" href="/manifest.webmanifest">')
    tags.append(f'<meta name="theme-color" content="{site.color}">')
    for lang in ("en-gb", "en-us", "en-ie", "en-au"):
        tags.append(f'<link rel="alternate" hreflang="{lang}" href="{url}?edition={lang[-2:]}">')
    tags.append(
        f'<link rel="alternate" type="application/rss+xml" title="{esc(site.name)}" '
        f'href="https://{site.domain}/rss">'
    )
    for i in range(rng.randint(3, 6)):
        tags.append(
            f'<link rel="stylesheet" href="/static/css/{["main", "article", "print", "vendor", "ads", "fonts"][i]}'
            f'.{chash(site.key, str(i), n=8)}.css"{" media=print" if i == 2 else ""}>'
        )
    return "\n".join(tags)


def pick(rng, pool, n):
    items = list(POOLS[pool])
    rng.shuffle(items)
    while len(items) < n:
        more = list(POOLS[pool])
        rng.shuffle(more)
        items.extend(more)
    return items[:n]


def img_url(site, seed, w=800, h=450):
    return f"https://{site.domain}/img/{chash(seed, n=8)}/{w}x{h}.jpg"


def teaser_state(site, rng, n):
    """Teasers as a site's app state holds them: headline, link, image renditions, standfirst."""
    out = []
    for i, (h, t) in enumerate(
        zip(pick(rng, "headlines", n), pick(rng, "teasers", n), strict=True)
    ):
        sec = rng.choice(list(SECTIONS))
        out.append(
            {
                "id": chash(h, str(i), n=10),
                "type": rng.choice(["article", "article", "article", "video", "gallery"]),
                "headline": h,
                "standfirst": t,
                "url": f"https://{site.domain}/{slug(sec, 1)}/{slug(h)}",
                "section": sec,
                "published": f"2025-0{rng.randint(1, 9)}-{rng.randint(10, 28)}T"
                f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00Z",
                "image": {
                    "alt": h,
                    "renditions": {
                        str(w): img_url(site, h + str(w), w, w * 9 // 16) for w in (320, 640, 1280)
                    },
                },
                "premium": rng.random() < 0.2,
                "commentCount": rng.randint(0, 400),
            }
        )
    return out


def nav_state(site):
    return [
        {
            "title": sec,
            "url": f"https://{site.domain}/{slug(sec, 2)}",
            "children": [
                {"title": sub, "url": f"https://{site.domain}/{slug(sec, 2)}/{slug(sub, 3)}"}
                for sub in subs
            ],
        }
        for sec, subs in SECTIONS.items()
    ]


def app_state(site, art, rng, teasers, with_body=False):
    state = {
        "config": {
            "env": "production",
            "release": chash(site.key, "release", n=12),
            "edition": "uk",
            "features": {
                f: rng.random() < 0.6
                for f in (
                    "liveBlogPolling",
                    "newsletterInline",
                    "commentsV2",
                    "darkMode",
                    "audioArticles",
                    "prebid",
                    "paywallV3",
                    "recircModule",
                )
            },
            "ads": {"network": 22110, "prebidTimeout": 1200, "lazyLoad": True},
        },
        "navigation": nav_state(site),
        "page": {
            "id": chash(art.name, n=10),
            "type": art.get("family"),
            "headline": text_of(art.get("title")),
            "section": art.get("section"),
            "authors": [{"name": a, "slug": slug(a)} for a in art.authors],
            "published": art.get("date"),
        },
        "recirculation": {"mostRead": teasers[:10], "more": teasers[10:]},
        "user": {"loggedIn": False, "subscriber": False, "consent": None},
    }
    if with_body:
        state["page"]["body"] = [{"type": "paragraph", "text": x} for x in label(art)["body"]]
    return state


def logo_svg(site):
    letters = re.sub(r"[^A-Za-z]", "", site.name)[:3].upper()
    return (
        f'<svg viewBox="0 0 240 40" role="img" aria-label="{esc(site.name)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{esc(site.name)}</title>'
        f'<rect width="40" height="40" rx="4" fill="{site.color}"/>'
        f'<text x="8" y="27" fill="#fff" font-size="16" font-weight="700">{letters}</text>'
        '<path d="M52 12h8v16h-8zM64 12h12v4h-8v2h6v4h-6v6h-4z"/></svg>'
    )


def icon_sprite(rng, n):
    """An inline SVG sprite of `n` icons with drawn paths (hidden; referenced by <use>)."""
    symbols = []
    names = [
        "search",
        "menu",
        "close",
        "share",
        "facebook",
        "x",
        "whatsapp",
        "email",
        "link",
        "bookmark",
        "comment",
        "play",
        "pause",
        "arrow-left",
        "arrow-right",
        "chevron-down",
        "user",
        "clock",
        "camera",
        "quote",
        "weather-sun",
        "weather-rain",
        "weather-wind",
        "live",
        "print",
        "gift",
    ]
    for i in range(n):
        name = names[i % len(names)] + ("" if i < len(names) else f"-{i // len(names)}")
        pts = []
        x, y = rng.randint(2, 22), rng.randint(2, 22)
        pts.append(f"M{x} {y}")
        for _ in range(rng.randint(8, 30)):
            cmd = rng.choice("LCQ")
            if cmd == "L":
                pts.append(f"L{rng.uniform(0, 24):.2f} {rng.uniform(0, 24):.2f}")
            elif cmd == "Q":
                pts.append(
                    f"Q{rng.uniform(0, 24):.2f} {rng.uniform(0, 24):.2f} "
                    f"{rng.uniform(0, 24):.2f} {rng.uniform(0, 24):.2f}"
                )
            else:
                pts.append(
                    "C"
                    + " ".join(
                        f"{rng.uniform(0, 24):.3f} {rng.uniform(0, 24):.3f}" for _ in (1, 2, 3)
                    )
                )
        symbols.append(
            f'<symbol id="icon-{name}" viewBox="0 0 24 24"><path d="{"".join(pts)}z"/></symbol>'
        )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" style="display:none" aria-hidden="true">'
        + "".join(symbols)
        + "</svg>"
    )


def icon(name):
    return (
        f'<svg class="icon icon--{name}" aria-hidden="true"><use href="#icon-{name}"></use></svg>'
    )


def mega_menu(site, rng, featured=3):
    cols = []
    for sec, subs in SECTIONS.items():
        links = "".join(
            f'<li class="mega-menu__item"><a class="mega-menu__link" '
            f'href="/{slug(sec, 2)}/{slug(sub, 3)}" data-link-name="nav : {slug(sub, 3)}">'
            f"{esc(sub)}</a></li>"
            for sub in subs
        )
        feats = "".join(
            f'<li class="mega-menu__featured"><a href="/{slug(sec, 2)}/{slug(h)}">'
            f'<img src="{img_url(site, h, 160, 90)}" alt="" loading="lazy" width="160" height="90">'
            f"<span>{esc(h)}</span></a></li>"
            for h in pick(rng, "headlines", featured)
        )
        cols.append(
            f'<div class="mega-menu__column" data-section="{slug(sec, 2)}">'
            f'<h2 class="mega-menu__title"><a href="/{slug(sec, 2)}">{esc(sec)}</a></h2>'
            f'<ul class="mega-menu__list">{links}</ul>'
            f'<ul class="mega-menu__features" aria-label="Featured in {esc(sec)}">{feats}</ul></div>'
        )
    top = "".join(
        f'<li class="nav__item"><a class="nav__link" href="/{slug(sec, 2)}">{esc(sec)}</a></li>'
        for sec in SECTIONS
    )
    return (
        f'<nav class="site-nav" aria-label="Main"><ul class="nav__list">{top}</ul>'
        f'<button class="nav__toggle" aria-controls="mega-menu" aria-expanded="false">'
        f"{icon('menu')}<span>Menu</span></button>"
        f'<div class="mega-menu" id="mega-menu" aria-expanded="false">{"".join(cols)}'
        f'<div class="mega-menu__editions"><h2 class="mega-menu__title">Local editions</h2>'
        f'<ul class="mega-menu__list">'
        + "".join(f'<li><a href="/local/{slug(p, 2)}">{esc(p)}</a></li>' for p in POOLS["places"])
        + "</ul></div></div></nav>"
    )


def header(site, rng, featured=3):
    return (
        '<a class="skip-link" href="#main">Skip to main content</a>'
        '<div class="top-bar"><div class="top-bar__inner"><span class="top-bar__date">'
        'Thursday 13 March 2025</span><a class="top-bar__link" href="/subscribe">'
        'Subscribe</a><a class="top-bar__link" href="/login">Sign in</a>'
        '<a class="top-bar__link" href="/e-edition">Today&#8217;s paper</a></div></div>'
        f'<header class="site-header" role="banner"><div class="site-header__inner">'
        f'<a class="site-header__logo" href="/" aria-label="{esc(site.name)} home">'
        f"{logo_svg(site)}</a>"
        f'<form class="site-search" action="/search" role="search"><label for="q" '
        f'class="visually-hidden">Search</label><input id="q" name="q" type="search" '
        f'placeholder="Search"><button type="submit">{icon("search")}'
        f'<span class="visually-hidden">Search</span></button></form></div>'
        f"{mega_menu(site, rng, featured)}</header>"
    )


def cookie_banner(rng):
    text = rng.choice(POOLS["cookie"])
    return (
        '<div class="cookie-banner" id="consent-banner" role="dialog" aria-live="polite" '
        f'aria-label="Cookie consent"><p class="cookie-banner__text">{esc(text)}</p>'
        '<div class="cookie-banner__actions"><button class="btn btn--primary" '
        'data-consent="accept">Accept all</button><button class="btn" data-consent="reject">'
        'Reject all</button><a class="btn btn--link" href="/privacy-settings">Manage options</a>'
        "</div></div>"
    )


def teaser_list(site, rng, title, n, cls="teaser-list", with_standfirst=True):
    items = []
    for h, t in zip(pick(rng, "headlines", n), pick(rng, "teasers", n), strict=True):
        sf = f'<p class="teaser__standfirst">{esc(t)}</p>' if with_standfirst else ""
        items.append(
            f'<li class="teaser"><a class="teaser__link" href="/{slug(h)}">'
            f'<img class="teaser__image" src="{img_url(site, h, 240, 135)}" alt="" '
            f'loading="lazy" width="240" height="135"><h3 class="teaser__headline">{esc(h)}</h3>'
            f"</a>{sf}</li>"
        )
    return (
        f'<section class="{cls}" aria-labelledby="{slug(title)}-h"><h2 id="{slug(title)}-h" '
        f'class="section-title">{esc(title)}</h2><ul class="{cls}__items">{"".join(items)}</ul>'
        "</section>"
    )


def most_read(site, rng, n=10):
    items = "".join(
        f'<li><a href="/{slug(h)}" data-link-name="most-read : {i + 1}">{esc(h)}</a></li>'
        for i, h in enumerate(pick(rng, "headlines", n))
    )
    return f'<aside class="most-read" aria-label="Most read"><h2>Most read</h2><ol>{items}</ol></aside>'


def footer(site, rng, columns=6, per_column=12):
    cols = []
    secs = list(SECTIONS.items())
    for i in range(columns):
        sec, subs = secs[i % len(secs)]
        links = "".join(
            f'<li><a href="/{slug(sec, 2)}/{slug(s, 3)}">{esc(s)}</a></li>'
            for s in (subs * 3)[:per_column]
        )
        cols.append(f'<div class="site-footer__column"><h3>{esc(sec)}</h3><ul>{links}</ul></div>')
    corp = "".join(f'<li><a href="/info/{slug(x, 3)}">{esc(x)}</a></li>' for x in FOOTER_LINKS)
    social = "".join(
        f'<li><a href="https://{n}.com/{site.key}news" rel="noopener" aria-label="{site.name} on '
        f'{n.title()}">{icon(n)}</a></li>'
        for n in ("facebook", "x", "instagram", "youtube", "tiktok", "linkedin")
    )
    return (
        f'<footer class="site-footer" role="contentinfo"><div class="site-footer__columns">'
        f'{"".join(cols)}</div><ul class="site-footer__corporate">{corp}</ul>'
        f'<ul class="site-footer__social">{social}</ul>'
        f'<p class="site-footer__copyright">&copy; 2025 {esc(site.name)}. All rights reserved. '
        f"Registered in England and Wales No. {rng.randint(1000000, 9999999)}.</p></footer>"
    )


def comments_html(rng, n, names=None, style="generic", replies=True):
    """A comment thread from the hand-written pool: names, times, nested replies."""
    names = names or POOLS["authors"]
    handles = [
        "Marjorie_T",
        "oldtowner",
        "RiverWatcher",
        "bluebell1962",
        "Kev from the Hill",
        "Anon",
        "PeterJ",
        "concerned resident",
        "saltmarsh",
        "A. Lewandowska",
        "northender",
        "Dot",
        "Frank Ilić",
        "TrainSpotter88",
        "cllr_watch",
    ]
    out = []
    cid = 1000 + rng.randint(0, 9000)
    depth = 1
    for i in range(n):
        cid += rng.randint(1, 9)
        who = rng.choice(handles + names[:5])
        text = rng.choice(POOLS["comments"])
        if rng.random() < 0.3:
            text += " " + rng.choice(POOLS["comments"])
        when = (
            f"{rng.randint(1, 28)} March 2025 at {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        )
        if style == "wp":
            body = (
                f'<li id="comment-{cid}" class="comment {"even" if i % 2 else "odd"} '
                f'thread-{"even" if i % 2 else "odd"} depth-{depth}">'
                f'<article id="div-comment-{cid}" class="comment-body">'
                f'<footer class="comment-meta"><div class="comment-author vcard">'
                f'<img alt="" src="https://secure.gravatar.com/avatar/{chash(who, n=12)}?s=56&amp;d=mm" '
                f'class="avatar avatar-56 photo" height="56" width="56" loading="lazy">'
                f'<b class="fn">{esc(who)}</b> <span class="says">says:</span></div>'
                f'<div class="comment-metadata"><a href="#comment-{cid}"><time>{when}</time></a>'
                f"</div></footer>"
                f'<div class="comment-content"><p>{esc(text)}</p></div>'
                f'<div class="reply"><a rel="nofollow" class="comment-reply-link" '
                f'href="?replytocom={cid}#respond" data-commentid="{cid}">Reply</a></div>'
                "</article>"
            )
        else:
            body = (
                f'<li class="comment" id="c{cid}" data-depth="{depth}"><div class="comment__meta">'
                f'<span class="comment__author">{esc(who)}</span> '
                f'<time class="comment__time">{when}</time></div>'
                f'<div class="comment__body"><p>{esc(text)}</p></div>'
                '<div class="comment__actions"><button>Reply</button><button>Report</button>'
                f'<span class="comment__votes">{rng.randint(0, 80)} recommend</span></div>'
            )
        out.append(body)
        if replies and rng.random() < 0.35 and depth < 4:
            out.append('<ol class="children">')
            depth += 1
        elif depth > 1 and rng.random() < 0.5:
            out.append("</li></ol></li>")
            depth -= 1
        else:
            out.append("</li>")
    while depth > 1:
        out.append("</ol></li>")
        depth -= 1
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# 5. Body renderers: one class per family of content systems; methods render one block kind


class Body:
    """Modern content system, BEM classes (`article__body`, `article__paragraph`)."""

    body_open = (
        '<div class="article__body" data-component="article-body">'
        '<div class="article__body-inner js-article-body">'
    )
    body_close = "</div></div>"
    p_cls = "article__paragraph"

    def __init__(self, site, art, rng):
        self.site, self.art, self.rng = site, art, rng
        self.ad_count = 0
        self.first_p = True

    # text blocks
    def p(self, text):
        if self.first_p and self.art.get("dropcap") == "yes" and re.match(r"[A-Z“]", text):
            n = 2 if text.startswith("“") else 1
            text = f'<span class="dropcap" aria-hidden="false">{text[:n]}</span>{text[n:]}'
        self.first_p = False
        return f'<p class="{self.p_cls}">{text}</p>'

    def h(self, text):
        return f'<h2 class="article__subheading">{text}</h2>'

    def quote(self, items):
        inner = "".join(f"<p>{x}</p>" for x in items)
        return f'<blockquote class="article__blockquote">{inner}</blockquote>'

    def ul(self, items, tag="ul"):
        inner = "".join(f"<li>{x}</li>" for x in items)
        return f'<{tag} class="article__list">{inner}</{tag}>'

    def table(self, rows):
        head = "".join(f'<th scope="col">{c}</th>' for c in rows[0])
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows[1:])
        return (
            '<div class="article__table-wrap" role="region" tabindex="0">'
            f'<table class="article__table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>"
        )

    def note(self, text):
        return f'<p class="{self.p_cls} article__note"><em>{text}</em></p>'

    # furniture
    def fig(self, caption, credit=""):
        seed = caption + credit
        cr = f'<span class="article__credit">Photograph: {credit}</span>' if credit else ""
        return (
            '<figure class="article__figure">'
            f'<picture><source type="image/webp" srcset="{img_url(self.site, seed, 640, 360)} 640w, '
            f'{img_url(self.site, seed, 1280, 720)} 1280w"><img src="{img_url(self.site, seed)}" '
            f'alt="{esc(text_of(caption))}" width="800" height="450" loading="lazy"></picture>'
            f'<figcaption class="article__caption"><span class="article__caption-text">{caption}'
            f"</span> {cr}</figcaption></figure>"
        )

    def ad(self, arg=""):
        self.ad_count += 1
        n = self.ad_count
        return (
            f'<div class="ad-slot ad-slot--inarticle" data-ad-slot="inarticle{n}" aria-hidden="true">'
            '<p class="ad-slot__label">Advertisement</p>'
            f'<div id="div-gpt-ad-inarticle{n}" class="ad-slot__container"></div></div>'
        )

    def related(self, items):
        links = "".join(f'<li><a href="/{slug(x)}">{x}</a></li>' for x in items)
        return (
            '<aside class="related-links" aria-label="Related stories">'
            f'<h3 class="related-links__title">Read more</h3><ul>{links}</ul></aside>'
        )

    def readmore(self, items):
        return (
            f'<p class="{self.p_cls}"><strong>Read more:</strong> '
            f'<a href="/{slug(items[0])}">{items[0]}</a></p>'
        )

    def pull(self, items):
        return f'<aside class="pull-quote" aria-hidden="true"><p>{items[0]}</p></aside>'

    def tweet(self, items):
        name, handle, text, date = ([*items, "", "", "", ""])[:4]
        sid = int(hashlib.sha1(text.encode()).hexdigest()[:15], 16)
        return (
            '<div class="embed embed--twitter"><blockquote class="twitter-tweet" data-dnt="true">'
            f'<p lang="en" dir="ltr">{text}</p>&mdash; {name} ({handle}) '
            f'<a href="https://twitter.com/{handle.lstrip("@")}/status/{sid}">{date}</a>'
            '</blockquote><script async src="https://platform.twitter.com/widgets.js" '
            'charset="utf-8"></script></div>'
        )

    def insta(self, items):
        account, text = ([*items, "", ""])[:2]
        code = chash(text, n=11)
        return (
            '<div class="embed embed--instagram"><blockquote class="instagram-media" '
            f'data-instgrm-permalink="https://www.instagram.com/p/{code}/" data-instgrm-version="14">'
            f'<div><a href="https://www.instagram.com/p/{code}/" target="_blank">'
            "<div>View this post on Instagram</div></a>"
            f'<p><a href="https://www.instagram.com/p/{code}/">A post shared by {account}</a></p>'
            f'<p class="embed__text">{text}</p></div></blockquote>'
            '<script async src="//www.instagram.com/embed.js"></script></div>'
        )

    def tiktok(self, items):
        account, text = ([*items, "", ""])[:2]
        vid = int(hashlib.sha1(text.encode()).hexdigest()[:16], 16)
        return (
            f'<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@{account}/video/{vid}" '
            f'data-video-id="{vid}" style="max-width:605px;min-width:325px;"><section>'
            f'<a target="_blank" href="https://www.tiktok.com/@{account}">@{account}</a> '
            f"<p>{text}</p></section></blockquote>"
            '<script async src="https://www.tiktok.com/embed.js"></script>'
        )

    def bsky(self, items):
        name, handle, text, date = ([*items, "", "", "", ""])[:4]
        return (
            '<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:'
            f'{chash(handle, n=24)}/app.bsky.feed.post/{chash(text, n=13)}">'
            f'<p lang="en">{text}</p>&mdash; {name} (<a href="https://bsky.app/profile/{handle}">'
            f"@{handle}</a>) {date}</blockquote>"
            '<script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>'
        )

    def video(self, items):
        title, duration = ([*items, "", ""])[:2]
        return (
            f'<div class="video-player" data-video-id="{chash(title, n=10)}">'
            f'<div class="video-player__poster"><img src="{img_url(self.site, title)}" alt=""></div>'
            f'<button class="video-player__play">{icon("play")}<span>Play video</span></button>'
            f'<p class="video-player__title">Watch: {title}</p>'
            f'<span class="video-player__duration">{duration}</span></div>'
        )

    def newsletter(self, items):
        text = self.rng.choice(POOLS["newsletter"])
        return (
            '<div class="newsletter-signup" data-component="newsletter-inline">'
            '<h3 class="newsletter-signup__title">Newsletter</h3>'
            f'<p class="newsletter-signup__text">{esc(text)}</p>'
            '<form class="newsletter-signup__form" action="/newsletters/subscribe" method="post">'
            '<label for="nl-email" class="visually-hidden">Email address</label>'
            '<input id="nl-email" type="email" placeholder="Your email address" required>'
            '<button type="submit">Sign up</button></form><p class="newsletter-signup__small">'
            "By signing up you agree to our Terms and Privacy policy. You can unsubscribe at any "
            "time.</p></div>"
        )

    def was(self, items):
        return ""

    def paywall(self, items):
        return ""

    # the body
    def block(self, b):
        if b.kind == "p":
            return self.p(b.text)
        if b.kind == "h":
            return self.h(b.text)
        if b.kind == "quote":
            return self.quote(b.items)
        if b.kind in ("ul", "ol"):
            return self.ul(b.items, b.kind)
        if b.kind == "table":
            return self.table(b.items)
        if b.kind == "note":
            return self.note(b.text)
        if b.kind == "fig":
            return self.fig(*([*b.items, ""])[:2])
        if b.kind == "ad":
            return self.ad(b.text)
        method = getattr(self, b.kind, None)
        if method is None:
            raise ValueError(f"{self.art.name}: no way to render a [{b.kind}] block")
        return method(b.items)

    def render(self, blocks):
        return self.body_open + "\n".join(self.block(b) for b in blocks) + self.body_close


class StoryBody(Body):
    """`story-content` / `story-body__inner rich-text` content system, each paragraph wrapped."""

    body_open = (
        '<div class="story-content" id="story-content"><div class="story-body">'
        '<div class="story-body__inner rich-text" itemprop="articleBody">'
    )
    body_close = "</div></div></div>"
    p_cls = "story-body__paragraph"

    def p(self, text):
        inner = super().p(text)
        return f'<div class="text-block" data-block-type="paragraph">{inner}</div>'

    def h(self, text):
        return f'<div class="text-block"><h2 class="story-body__crosshead">{text}</h2></div>'

    def ad(self, arg=""):
        self.ad_count += 1
        n = self.ad_count
        label = (
            "Story continues below advertisement" if self.rng.random() < 0.5 else "ADVERTISEMENT"
        )
        return (
            f'<aside class="story-ad" data-ad-position="mid{n}"><div class="ad-wrapper">'
            f'<div class="advert-label">{label}</div>'
            f'<div class="dfp-ad" id="div-gpt-ad-mid{n}" data-sizes="[[300,250],[728,90]]"></div>'
            "</div></aside>"
        )

    def related(self, items):
        links = "".join(
            f'<li class="related__item"><a class="related__link" href="/{slug(x)}">'
            f'<span class="related__kicker">Related</span><span class="related__headline">{x}</span>'
            "</a></li>"
            for x in items
        )
        return (
            '<div class="text-block related-content"><aside class="related">'
            f'<h4 class="related__title">More on this story</h4><ul>{links}</ul></aside></div>'
        )

    def pull(self, items):
        return (
            '<div class="text-block"><figure class="pullquote"><blockquote>'
            f"<p>{items[0]}</p></blockquote></figure></div>"
        )


class CBody(Body):
    """`c-article-body` / `c-entry-content` content system (portal style)."""

    body_open = (
        '<div class="c-article-body l-col__main"><div class="c-entry-content" '
        'data-analytics-region="body">'
    )
    body_close = "</div></div>"
    p_cls = "c-paragraph"

    def p(self, text):
        return f'<div class="c-block c-block--text">{super().p(text)}</div>'

    def ad(self, arg=""):
        self.ad_count += 1
        return (
            f'<div class="c-ad c-ad--mpu" id="c-ad-{self.ad_count}"><span class="c-ad__label">'
            'Advertisement</span><div class="c-ad__slot"></div><span class="c-ad__label">'
            "Continue reading below</span></div>"
        )

    def related(self, items):
        links = "".join(
            f'<li><a href="/{slug(x)}" class="c-related__link">{x}</a></li>' for x in items
        )
        return (
            '<aside class="c-related c-block"><h3 class="c-related__title">Also on '
            f'{esc(self.site.name)}</h3><ul class="c-related__list">{links}</ul></aside>'
        )


class BrBody(Body):
    """Paragraphs as text runs separated by `<br><br>` in one container, no `<p>` at all."""

    body_open = '<div class="article-text" id="articleText">\n'
    body_close = "\n</div>"

    def __init__(self, site, art, rng, br="<br><br>"):
        super().__init__(site, art, rng)
        self.br = br

    def render(self, blocks):
        out = []
        for b in blocks:
            if b.kind == "p":
                out.append(b.text + self.br)
            elif b.kind == "note":
                out.append(f"<i>{b.text}</i>{self.br}")
            elif b.kind == "h":
                out.append(f"<b>{b.text}</b>{self.br}")
            elif b.kind == "quote":
                out.append("".join(f"<blockquote>{x}</blockquote>" for x in b.items))
            else:
                out.append(self.block(b))
        return self.body_open + "\n".join(out) + self.body_close

    def ad(self, arg=""):
        self.ad_count += 1
        return (
            f'<div class="inline-ad" id="inline-ad-{self.ad_count}"><div class="inline-ad__label">'
            'Advertisement</div><ins class="adsbygoogle" style="display:block" '
            'data-ad-client="ca-pub-5551234567890123" data-ad-slot="4471'
            f'{self.ad_count}" data-ad-format="auto"></ins><script>'
            "(adsbygoogle=window.adsbygoogle||[]).push({});</script></div>"
        )


class DivBody(Body):
    """Each paragraph a bare `<div>` of text: no `<p>` anywhere in the body."""

    body_open = '<div class="body-copy" data-track="article-body">'
    body_close = "</div>"

    def p(self, text):
        if self.first_p and self.art.get("dropcap") == "yes":
            text = f'<span class="dropcap">{text[0]}</span>{text[1:]}'
        self.first_p = False
        return f'<div class="body-copy__text">{text}</div>'

    def h(self, text):
        return f'<div class="body-copy__heading"><strong>{text}</strong></div>'

    def note(self, text):
        return f'<div class="body-copy__text body-copy__text--note"><i>{text}</i></div>'

    def quote(self, items):
        return "".join(f'<div class="body-copy__quote">{x}</div>' for x in items)

    def ad(self, arg=""):
        self.ad_count += 1
        return (
            f'<div class="advert advert--mpu" data-slot="body-{self.ad_count}">'
            '<div class="advert__label">Advertisement</div><div class="advert__unit"></div></div>'
        )


class NextBody(Body):
    """CSS-in-JS markup of a React site: hashed class names, every block wrapped in divs."""

    body_open = ""
    body_close = ""

    def c(self, what):
        return f"css-{chash(self.site.key, what, n=7)}"

    def render(self, blocks):
        groups, out = [], []
        for b in blocks:
            html_ = self.block(b)
            if b.kind in ("p", "h", "quote", "ul", "ol", "note"):
                out.append(html_)
            else:
                if out:
                    groups.append(("text", out))
                    out = []
                groups.append(("embed", [html_]))
        if out:
            groups.append(("text", out))
        parts = []
        for kind, items in groups:
            if kind == "text":
                parts.append(
                    f'<div class="{self.c("column")} StoryBodyCompanionColumn" '
                    f'data-testid="companionColumn-{len(parts)}"><div class="{self.c("colinner")}">'
                    + "".join(items)
                    + "</div></div>"
                )
            else:
                parts.append(items[0])
        return (
            f'<section name="articleBody" class="meteredContent {self.c("body")}" '
            'data-testid="article-body">' + "".join(parts) + "</section>"
        )

    def p(self, text):
        if self.art.get("mode") == "div":
            return f'<div class="{self.c("p")}" data-testid="paragraph">{text}</div>'
        return f'<p class="{self.c("p")} evys1bk0">{text}</p>'

    def h(self, text):
        return f'<h2 class="{self.c("h2")} eoo0vm40" id="{slug(text, 4)}">{text}</h2>'

    def note(self, text):
        return (
            f'<div class="{self.c("note")}" data-testid="correction"><p class="{self.c("notep")}">'
            f"{text}</p></div>"
        )

    def quote(self, items):
        inner = "".join(f'<p class="{self.c("qp")}">{x}</p>' for x in items)
        return f'<blockquote class="{self.c("bq")}">{inner}</blockquote>'

    def fig(self, caption, credit=""):
        seed = caption + credit
        return (
            f'<div class="{self.c("figwrap")}"><figure class="{self.c("fig")}" '
            f'aria-label="media" role="group"><div class="{self.c("ratio")}"><picture>'
            f'<img alt="{esc(text_of(caption))}" class="{self.c("img")}" '
            f'src="{img_url(self.site, seed)}" srcset="{img_url(self.site, seed, 600, 338)} 600w,'
            f'{img_url(self.site, seed, 1024, 576)} 1024w" sizes="((min-width: 600px) and '
            f'(max-width: 1004px)) 84vw, (min-width: 1005px) 60vw, 100vw" decoding="async" '
            f'width="600" height="338"></picture></div><figcaption class="{self.c("cap")}">'
            f'<span class="{self.c("capt")}">{caption}</span><span class="{self.c("cred")}">'
            f'<span class="{self.c("sr")}">Credit...</span>{credit}</span></figcaption></figure></div>'
        )

    def ad(self, arg=""):
        self.ad_count += 1
        return (
            f'<div class="{self.c("adwrap")}" data-testid="StandardAd"><div id="mid{self.ad_count}" '
            f'class="ad mid{self.ad_count}-wrapper {self.c("ad")}"><div class="{self.c("adlabel")}">'
            "<p>Advertisement</p></div><div></div></div>"
            f'<div class="{self.c("skip")}"><a href="#after-mid{self.ad_count}">'
            "SKIP ADVERTISEMENT</a></div></div>"
            f'<div id="after-mid{self.ad_count}" class="{self.c("after")}"></div>'
        )

    def related(self, items):
        links = "".join(
            f'<li class="{self.c("rli")}"><a class="{self.c("rla")}" href="/{slug(x)}">{x}</a></li>'
            for x in items
        )
        return (
            f'<aside class="{self.c("rel")}" aria-label="Related content">'
            f'<h2 class="{self.c("relh")}">Related coverage</h2><ul>{links}</ul></aside>'
        )


class LiveBody(Body):
    """A live blog: key events, a pinned post, timestamped entries newest first."""

    body_open = '<div class="live-blog" data-component="live-blog">'
    body_close = "</div>"

    def render(self, blocks):
        entries, current = [], None
        intro = []
        for b in blocks:
            if b.kind == "entry":
                current = [b, []]
                entries.append(current)
            elif current is None:
                intro.append(b)
            else:
                current[1].append(b)
        keys = [e for e, _ in entries if e.text][:6]
        key_html = "".join(
            f'<li class="key-events__item"><a href="#{chash(e.arg, e.text, n=8)}">'
            f'<time class="key-events__time">{e.arg}</time> '
            f'<span class="key-events__title">{e.text}</span></a></li>'
            for e in keys
        )
        out = [
            '<div class="live-blog__status"><span class="live-badge">Live</span> '
            '<span class="live-blog__updated">Updated <time>2 minutes ago</time></span></div>',
            *(self.block(b) for b in intro),
            '<nav class="key-events" aria-label="Key events"><h2 class="key-events__title">'
            f'Key events</h2><ol class="key-events__list">{key_html}</ol>'
            '<button class="key-events__more">Show key events only</button></nav>',
            '<button class="live-blog__new" hidden>Show 3 new updates</button>',
            '<div class="live-blog__entries" aria-live="off">',
        ]
        for e, body in entries:
            eid = chash(e.arg, e.text, n=8)
            pinned = "pinned" in e.items
            cls = "live-entry live-entry--pinned" if pinned else "live-entry"
            pin = (
                f'<div class="live-entry__pin">{icon("pin")}<span>Pinned post</span></div>'
                if pinned
                else ""
            )
            author = self.rng.choice(self.art.authors)
            head = f'<h2 class="live-entry__title">{e.text}</h2>' if e.text else ""
            inner = "\n".join(self.block(b) for b in body)
            out.append(
                f'<article class="{cls}" id="{eid}" data-entry-id="{eid}">{pin}'
                f'<header class="live-entry__meta"><a class="live-entry__time" href="#{eid}">'
                f"{self._time(e.arg)}</a>"
                f'<span class="live-entry__author">{esc(author)}</span></header>{head}'
                f'<div class="live-entry__body">{inner}</div>'
                '<footer class="live-entry__footer"><button class="share-entry">'
                f'{icon("share")}Share</button><a class="live-entry__permalink" href="#{eid}">'
                "Link to this update</a></footer></article>"
            )
        out.append(
            '</div><div class="live-blog__pagination"><a href="?page=2" rel="next">'
            "Older updates</a></div>"
        )
        return self.body_open + "\n".join(out) + self.body_close

    def _time(self, arg):
        if re.fullmatch(r"\d\d:\d\d", arg):
            return f'<time datetime="{self.art.get("date")[:11]}{arg}:00">{arg}</time>'
        return f'<span class="live-entry__minute">{arg}</span>'

    def p(self, text):
        return f'<p class="live-entry__text">{text}</p>'


class GalleryBody(Body):
    """A photo gallery: a short introduction, then numbered slides whose captions are paragraphs."""

    body_open = '<div class="gallery" data-component="gallery">'
    body_close = "</div>"

    def render(self, blocks):
        intro = [b for b in blocks if b.kind != "slide"]
        slides = [b for b in blocks if b.kind == "slide"]
        out = ['<div class="gallery__intro">' + "\n".join(self.block(b) for b in intro) + "</div>"]
        out.append('<ol class="gallery__slides">')
        for i, s in enumerate(slides):
            caption, credit = ([*s.items, "", ""])[:2]
            out.append(
                f'<li class="gallery__slide" id="img-{i + 1}"><figure class="gallery__figure">'
                f'<img src="{img_url(self.site, caption, 1200, 800)}" alt="" width="1200" '
                f'height="800" loading="{"eager" if i == 0 else "lazy"}">'
                f'<figcaption class="gallery__caption"><span class="gallery__count">'
                f"{i + 1}/{len(slides)}</span>"
                f'<p class="gallery__text">{caption}</p>'
                f'<p class="gallery__credit">Photograph: {credit}</p></figcaption></figure>'
                "</li>"
            )
            if (i + 1) % 5 == 0 and i + 1 < len(slides):
                out.append(f'<li class="gallery__ad">{self.ad()}</li>')
        out.append("</ol>")
        return self.body_open + "\n".join(out) + self.body_close

    def p(self, text):
        return f'<p class="gallery__intro-text">{text}</p>'


class WPBody(Body):
    """WordPress block editor output inside `.entry-content`."""

    body_open = '<div class="entry-content">'
    body_close = ""

    def p(self, text):
        return f"<p>{text}</p>"

    def h(self, text):
        return f'<h2 class="wp-block-heading">{text}</h2>'

    def note(self, text):
        return f'<p class="has-small-font-size"><em>{text}</em></p>'

    def quote(self, items):
        inner = "".join(f"<p>{x}</p>" for x in items)
        return f'<blockquote class="wp-block-quote">{inner}</blockquote>'

    def ul(self, items, tag="ul"):
        inner = "".join(f"<li>{x}</li>" for x in items)
        return f'<{tag} class="wp-block-list">{inner}</{tag}>'

    def table(self, rows):
        head = "".join(f"<th>{c}</th>" for c in rows[0])
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows[1:])
        return (
            '<figure class="wp-block-table is-style-stripes"><table class="has-fixed-layout">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></figure>"
        )

    def fig(self, caption, credit=""):
        seed = caption + credit
        cr = f" ({credit})" if credit else ""
        n = int(chash(seed, n=4), 36) % 9000 + 1000
        return (
            f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" '
            f'height="683" src="https://{self.site.domain}/wp-content/uploads/2025/03/'
            f'{slug(caption, 4)}-1024x683.jpg" alt="" class="wp-image-{n}" srcset="https://'
            f"{self.site.domain}/wp-content/uploads/2025/03/{slug(caption, 4)}-1024x683.jpg 1024w, "
            f"https://{self.site.domain}/wp-content/uploads/2025/03/{slug(caption, 4)}-300x200.jpg "
            f'300w" sizes="(max-width: 1024px) 100vw, 1024px" />'
            f'<figcaption class="wp-element-caption">{caption}{cr}</figcaption></figure>'
        )

    def pull(self, items):
        cite = f"<cite>{items[1]}</cite>" if len(items) > 1 else ""
        return (
            f'<figure class="wp-block-pullquote"><blockquote><p>{items[0]}</p>{cite}'
            "</blockquote></figure>"
        )

    def tweet(self, items):
        inner = super().tweet(items)
        return (
            '<figure class="wp-block-embed is-type-rich is-provider-twitter '
            'wp-block-embed-twitter"><div class="wp-block-embed__wrapper">'
            f"{inner}</div></figure>"
        )

    def ad(self, arg=""):
        self.ad_count += 1
        return (
            f'<div class="wordads-ad-wrapper"><div class="wordads-ad-title">Advertisements</div>'
            f'<div id="atatags-{self.ad_count}" class="wordads-ad-controls"><span>'
            "Report this ad</span></div></div>"
        )

    def related(self, items):
        links = "".join(f'<li><a href="/{slug(x)}/">{x}</a></li>' for x in items)
        return f'<div class="wp-block-group related-box"><p><strong>See also</strong></p><ul>{links}</ul></div>'


class AmpBody(Body):
    """AMP article body: `amp-img`, `amp-ad`, AMP social embeds."""

    body_open = '<div class="amp-article-body">'
    body_close = "</div>"
    p_cls = "amp-p"

    def fig(self, caption, credit=""):
        seed = caption + credit
        cr = f' <span class="credit">{credit}</span>' if credit else ""
        return (
            '<figure class="amp-figure"><amp-img src="' + img_url(self.site, seed) + '" '
            'width="800" height="450" layout="responsive" alt="'
            + esc(text_of(caption))
            + f'"></amp-img><figcaption>{caption}{cr}</figcaption></figure>'
        )

    def ad(self, arg=""):
        self.ad_count += 1
        return (
            '<div class="amp-ad-wrapper"><span class="amp-ad-label">Advertisement</span>'
            f'<amp-ad width="300" height="250" type="doubleclick" data-slot="/22110/pulse/'
            f'amp/{slug(self.art.get("section"), 1)}" data-multi-size="320x50,300x50" '
            f'data-enable-refresh="30" rtc-config=\'{{"vendors":{{"aps":{{"PUB_ID":"3141",'
            f'"PARAMS":{{"amp":"1"}}}}}},"timeoutMillis":1000}}\'>'
            "<div placeholder></div><div fallback></div></amp-ad></div>"
        )

    def tweet(self, items):
        name, handle, text, date = ([*items, "", "", "", ""])[:4]
        sid = int(hashlib.sha1(text.encode()).hexdigest()[:15], 16)
        return (
            f'<amp-twitter width="375" height="472" layout="responsive" data-tweetid="{sid}">'
            f'<blockquote placeholder class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">'
            f'{text}</p>&mdash; {name} ({handle}) <a href="https://twitter.com/'
            f'{handle.lstrip("@")}/status/{sid}">{date}</a></blockquote></amp-twitter>'
        )

    def insta(self, items):
        return (
            f'<amp-instagram data-shortcode="{chash(items[-1], n=11)}" data-captioned '
            'width="400" height="400" layout="responsive"></amp-instagram>'
        )

    def related(self, items):
        links = "".join(f'<li><a href="/amp/{slug(x)}">{x}</a></li>' for x in items)
        return (
            '<amp-accordion class="related-accordion" disable-session-states><section>'
            f'<h4>Related stories</h4><ul class="related-list">{links}</ul></section>'
            "</amp-accordion>"
        )

    def slides(self, blocks):
        return ""

    def carousel(self, items):
        slides = "".join(
            f'<figure class="carousel-slide"><amp-img src="{img_url(self.site, c, 1200, 800)}" '
            f'width="1200" height="800" layout="responsive" alt=""></amp-img>'
            f"<figcaption>{c}</figcaption></figure>"
            for c in items
        )
        return (
            '<amp-carousel class="gallery-carousel" width="1200" height="900" '
            f'layout="responsive" type="slides" controls loop>{slides}</amp-carousel>'
        )


class OldBody(Body):
    """A late-1990s content system: paragraphs in a table cell, `<font>` tags, entities."""

    body_open = ""
    body_close = ""

    def p(self, text):
        if self.art.get("mode") == "br":
            return f"{text}\n<br>\n<br>"
        return f'<p class="bodytext"><font face="Verdana, Arial" size="2">{text}</font></p>'

    def h(self, text):
        if self.art.get("mode") == "br":
            return f"<b>{text}</b>\n<br>\n<br>"
        return f'<p class="bodytext"><font face="Verdana, Arial" size="2"><b>{text}</b></font></p>'

    def note(self, text):
        if self.art.get("mode") == "br":
            return f"<i>{text}</i>\n<br>\n<br>"
        return f'<p class="bodytext"><font size="1"><i>{text}</i></font></p>'

    def fig(self, caption, credit=""):
        cr = f"<br><i>Picture: {credit}</i>" if credit else ""
        return (
            '<table width="220" border="0" cellspacing="0" cellpadding="4" align="right" '
            'bgcolor="#EEEEEE"><tr><td><img src="/images/stories/'
            f'{chash(caption, n=6)}.jpg" width="210" height="140" border="0" alt=""></td></tr>'
            f'<tr><td><font face="Verdana, Arial" size="1">{caption}{cr}</font></td></tr></table>'
        )

    def ad(self, arg=""):
        self.ad_count += 1
        return (
            '<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td align="center">'
            '<font size="1" color="#999999">ADVERTISEMENT</font><br>'
            '<script language="JavaScript" type="text/javascript">'
            f"document.write('<scr'+'ipt src=\"http://ads.harbourmedia.net/js.ng/site=local&amp;"
            f"pos=mid{self.ad_count}&amp;ord='+Math.floor(Math.random()*1e9)+'\"></scr'+'ipt>');"
            '</script><noscript><a href="http://ads.harbourmedia.net/click.ng">'
            '<img src="http://ads.harbourmedia.net/image.ng" width="468" height="60" border="0" '
            'alt="Click here"></a></noscript></td></tr></table>'
        )

    def related(self, items):
        links = "".join(
            f'&#149; <a href="/news/{slug(x)}.html" class="rel">{x}</a><br>' for x in items
        )
        return (
            '<table width="100%" border="0" cellpadding="4" cellspacing="0"><tr>'
            '<td bgcolor="#F0F0E0"><font face="Verdana, Arial" size="1"><b>RELATED STORIES</b>'
            f"<br>{links}</font></td></tr></table>"
        )


BODY_CLASSES = {
    "bem": Body,
    "story": StoryBody,
    "c": CBody,
    "br": BrBody,
    "div": DivBody,
    "next": NextBody,
    "wp": WPBody,
    "amp": AmpBody,
    "old": OldBody,
}


def body_renderer(site, art, rng):
    mode = art.get("mode")
    if mode == "live":
        return LiveBody(site, art, rng)
    if mode == "gallery":
        return GalleryBody(site, art, rng)
    if mode == "br" and site.dialect not in ("old",):
        return BrBody(site, art, rng, art.get("br") or "<br><br>")
    if mode == "div" and site.dialect not in ("next",):
        return DivBody(site, art, rng)
    return BODY_CLASSES[site.dialect](site, art, rng)


def render_body(site, art, rng, blocks=None):
    blocks = art.blocks if blocks is None else blocks
    renderer = body_renderer(site, art, rng)
    locked = art.get("locked")
    vis = visible_blocks(art)
    if locked and len(vis) < len(blocks):
        rest = blocks[len(vis) + 1 :]
        html_ = renderer.render(vis)
        if locked == "hidden":
            hidden = body_renderer(site, art, rng).render(rest)
            html_ += (
                '<div class="article-body--locked paywall" hidden aria-hidden="true" '
                f'data-paywall="subscriber-only">{hidden}</div>'
            )
        return html_
    return renderer.render(blocks)


# ---------------------------------------------------------------------------------------------
# 6. Page skeletons: the whole document around the article, one per family of site


@dataclass
class Knobs:
    """How much furniture a page carries; the builders size pages with these."""

    state_teasers: int = 40
    css_rules: int = 600
    more_teasers: int = 8
    menu_featured: int = 3
    comments: int = 0
    sprite_icons: int = 0
    footer_columns: int = 6
    footer_links: int = 12
    extra_html: str = ""  # appended before </body> (large pages)
    extra_head: str = ""


def byline_html(site, art, cls="byline"):
    names = art.authors
    links = " and ".join(
        f'<a rel="author" class="{cls}__author" href="/profile/{slug(n)}">{esc(n)}</a>'
        for n in names
    )
    role = f'<span class="{cls}__role">{esc(art.get("role"))}</span>' if art.get("role") else ""
    return f'<div class="{cls}"><span class="{cls}__by">By {links}</span>{role}</div>'


def dates_html(art):
    upd = ""
    if art.get("updated"):
        upd = (
            f' <span class="dateline__updated">Updated <time datetime="{art.get("updated")}">'
            f"{fmt_date(art.get('updated'))}</time></span>"
        )
    minutes = max(1, round(word_count(art) / 230))
    return (
        f'<div class="dateline"><time datetime="{art.get("date")}" class="dateline__published">'
        f"{fmt_date(art.get('date'))}</time>{upd}"
        f'<span class="dateline__reading-time">{minutes} min read</span></div>'
    )


def share_bar(cls="share-bar", extra=""):
    items = "".join(
        f'<li><button class="{cls}__button {cls}__button--{n}" data-share="{n}">{icon(n)}'
        f'<span class="visually-hidden">Share on {label_}</span></button></li>'
        for n, label_ in (("facebook", "Facebook"), ("x", "X"), ("whatsapp", "WhatsApp"))
    )
    return (
        f'<div class="{cls}{extra}"><ul class="{cls}__list">{items}<li><button class="{cls}__button" '
        f'data-share="email">{icon("email")}<span>Email</span></button></li><li><button '
        f'class="{cls}__button" data-share="copy">{icon("link")}<span>Copy link</span></button>'
        f'</li></ul><button class="{cls}__save">{icon("bookmark")}<span>Save</span></button>'
        f'<a class="{cls}__comments" href="#comments">{icon("comment")}<span>Comments</span></a>'
        "</div>"
    )


def hero_html(site, art):
    if not art.get("hero"):
        return ""
    caption, _, credit = art.get("hero").partition("|")
    caption, credit = caption.strip(), credit.strip()
    seed = caption + credit
    return (
        '<figure class="article__hero hero-image"><div class="hero-image__frame">'
        f'<img src="{img_url(site, seed, 1200, 675)}" srcset="{img_url(site, seed, 480, 270)} 480w,'
        f' {img_url(site, seed, 1200, 675)} 1200w, {img_url(site, seed, 2000, 1125)} 2000w" '
        f'sizes="(min-width: 1024px) 880px, 100vw" alt="{esc(text_of(caption))}" width="1200" '
        'height="675" fetchpriority="high"></div><figcaption class="hero-image__caption">'
        f'<span class="hero-image__text">{caption}</span> '
        f'<span class="hero-image__credit">{credit}</span></figcaption></figure>'
    )


def tags_html(art):
    tags = [t.strip() for t in art.get("tags").split(",") if t.strip()]
    if not tags:
        return ""
    items = "".join(f'<li><a href="/topic/{slug(t)}" class="tag">{esc(t)}</a></li>' for t in tags)
    return f'<div class="article-tags"><h2 class="article-tags__title">Topics</h2><ul>{items}</ul></div>'


def bio_html(art, cls="author-bio"):
    if not art.get("bio"):
        return ""
    name = art.authors[0]
    return (
        f'<div class="{cls}"><img class="{cls}__photo" src="/static/authors/{slug(name)}.jpg" '
        f'alt="" width="64" height="64"><div class="{cls}__text"><p class="{cls}__name">'
        f'<a href="/profile/{slug(name)}">{esc(name)}</a></p><p class="{cls}__description">'
        f'{art.get("bio")}</p><a class="{cls}__follow" href="/profile/{slug(name)}/rss">'
        f"Follow {esc(name.split()[0])}</a></div></div>"
    )


PAYWALL_BOX = (
    '<div class="paywall-prompt" data-component="paywall" role="region" '
    'aria-label="Subscription offer"><div class="paywall-prompt__fade"></div>'
    '<h2 class="paywall-prompt__title">This article is for subscribers</h2>'
    '<p class="paywall-prompt__text">You have read all of your free articles this month. '
    "Subscribe today for unlimited access to award-winning journalism, on any device.</p>"
    '<ul class="paywall-prompt__benefits"><li>Unlimited articles and the app</li>'
    "<li>The digital edition of the paper, every morning</li><li>Puzzles and the archive</li>"
    '</ul><a class="btn btn--subscribe" href="/subscribe?ref=article-wall">'
    "Subscribe for £1 a week for 3 months</a>"
    '<p class="paywall-prompt__login">Already a subscriber? <a href="/login">Sign in</a></p>'
    "</div>"
)


def modern_page(site, art, body_html, rng, k):
    """A modern newspaper page: heavy head, mega-menu, article, recirculation, huge footer."""
    teasers = teaser_state(site, rng, k.state_teasers)
    state = app_state(site, art, rng, teasers, with_body=art.get("state_body") == "yes")
    slots = [("top", [[970, 250], [728, 90]]), ("mpu1", [[300, 250]]), ("mpu2", [[300, 600]])]
    slots += [(f"inarticle{i}", [[300, 250], [336, 280]]) for i in range(1, 7)]
    ld_body = None
    if art.get("jsonld_body") == "yes":
        ld_body = plain_body(art, visible_blocks(art))
    elif art.get("jsonld_body") == "old":
        ld_body = plain_body(art, old=True)
    extra_ld = None
    if art.get("family") == "paywall":
        extra_ld = {
            "isAccessibleForFree": False,
            "hasPart": {
                "@type": "WebPageElement",
                "isAccessibleForFree": False,
                "cssSelector": ".paywall",
            },
        }
    head = "\n".join(
        [
            meta_tags(site, art, rng),
            f"<style>{BASE_CSS % {'color': site.color}}{utility_css(rng, k.css_rules)}</style>",
            f"<script>{PERF_JS}</script>",
            f"<script>{CONSENT_JS}</script>",
            f"<script>{data_layer_js(site, art)}</script>",
            '<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>',
            f"<script>{gpt_js(site, art, slots)}</script>",
            jsonld_article(site, art, ld_body, extra_ld),
            jsonld_breadcrumbs(site, art),
            k.extra_head,
        ]
    )
    locked = PAYWALL_BOX if art.get("locked") else ""
    comments = ""
    if k.comments:
        comments = (
            f'<section class="comments" id="comments"><h2 class="comments__title">Comments '
            f'({k.comments})</h2><p class="comments__rules">Comments are moderated. Please read '
            f'our <a href="/community-standards">community standards</a>.</p>'
            f'<ol class="comments__list">{comments_html(rng, k.comments)}</ol>'
            '<button class="comments__more">Load more comments</button></section>'
        )
    standfirst = ""
    if art.get("standfirst"):
        standfirst = f'<p class="article__standfirst">{art.get("standfirst")}</p>'
    breadcrumb = (
        '<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>'
        f'<li><a href="/{slug(art.get("section"), 2)}">{esc(art.get("section"))}</a></li></ol></nav>'
    )
    sprite = icon_sprite(rng, k.sprite_icons) if k.sprite_icons else ""
    kicker = art.get("kicker") or art.get("section")
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="no-js" data-theme="light">
<head>
{head}
</head>
<body class="page page--article section-{slug(art.get("section"), 2)} {art.get("family")}">
{sprite}
{cookie_banner(rng)}
{header(site, rng, k.menu_featured)}
<div class="ad-slot ad-slot--top" aria-hidden="true"><p class="ad-slot__label">Advertisement</p>
<div id="div-gpt-ad-top"></div></div>
<main id="main" class="main" role="main">
{breadcrumb}
<article class="article" itemscope itemtype="https://schema.org/NewsArticle">
<header class="article__header">
<p class="article__kicker"><a href="/{slug(art.get("section"), 2)}">{esc(kicker)}</a></p>
<h1 class="article__headline" itemprop="headline">{art.get("title")}</h1>
{standfirst}
{byline_html(site, art)}
{dates_html(art)}
{share_bar()}
</header>
{hero_html(site, art)}
{body_html}
{locked}
{tags_html(art)}
{bio_html(art)}
{share_bar("share-bar", " share-bar--bottom")}
</article>
{comments}
{teaser_list(site, rng, "More from " + art.get("section"), k.more_teasers)}
{teaser_list(site, rng, "Recommended", k.more_teasers // 2, "recommended", False)}
</main>
<aside class="sidebar" aria-label="Sidebar">
<div class="ad-slot ad-slot--mpu" aria-hidden="true"><p class="ad-slot__label">Advertisement</p>
<div id="div-gpt-ad-mpu1"></div></div>
{most_read(site, rng)}
<div class="ad-slot ad-slot--mpu" aria-hidden="true"><p class="ad-slot__label">Advertisement</p>
<div id="div-gpt-ad-mpu2"></div></div>
</aside>
{footer(site, rng, k.footer_columns, k.footer_links)}
<script>window.__PRELOADED_STATE__={script_json(state)};</script>
<script>{LAZY_JS}</script>
<script src="/static/js/runtime.{chash(site.key, "rt", n=8)}.js" defer></script>
<script src="/static/js/vendor.{chash(site.key, "vd", n=8)}.js" defer></script>
<script src="/static/js/article.{chash(site.key, "ar", n=8)}.js" defer></script>
{k.extra_html}
</body>
</html>
"""


def emotion_css(site, rng, n):
    """Rules as a CSS-in-JS library injects them: `.css-1x2y3z{...}` with media variants."""
    props = [
        "display:flex",
        "display:block",
        "display:grid",
        "flex-direction:column",
        "align-items:center",
        "justify-content:space-between",
        "position:relative",
        "overflow:hidden",
        "margin:0 auto",
        "max-width:600px",
        "width:100%",
        "font-family:cr-serif-display,georgia,'times new roman',times,serif",
        "font-family:cr-sans,helvetica,arial,sans-serif",
        "font-size:1.25rem",
        "line-height:1.875rem",
        "font-weight:700",
        "color:#363636",
        "color:#121212",
        "padding:0 20px",
        "margin-bottom:0.9375rem",
        "border-bottom:1px solid #dfdfdf",
        "text-transform:uppercase",
        "letter-spacing:0.05em",
    ]
    out = []
    for i in range(n):
        name = chash(site.key, "emo", str(i), n=7)
        decl = ";".join(rng.sample(props, rng.randint(2, 7)))
        out.append(f".css-{name}{{{decl};}}")
        if rng.random() < 0.3:
            out.append(f"@media (min-width:740px){{.css-{name}{{{rng.choice(props)};}}}}")
    return "".join(out)


def next_page(site, art, body_html, rng, k):
    """A Next.js page: `#__next`, hashed classes, the whole article again in `__NEXT_DATA__`."""
    teasers = teaser_state(site, rng, k.state_teasers)

    def c(what):
        return f"css-{chash(site.key, what, n=7)}"

    chunks = [
        f"/_next/static/chunks/{n}-{chash(site.key, n, n=16)}.js"
        for n in ("webpack", "framework", "main", "pages/_app", "5712", "3981", "pages/article")
    ]
    build_id = chash(site.key, "build", n=21)
    blocks = []
    for b in art.blocks:
        if b.kind in ("p", "note"):
            blocks.append({"__typename": "ParagraphBlock", "content": [{"text": text_of(b.text)}]})
        elif b.kind == "h":
            blocks.append({"__typename": "Heading2Block", "content": [{"text": text_of(b.text)}]})
        elif b.kind == "fig":
            blocks.append(
                {
                    "__typename": "ImageBlock",
                    "media": {"caption": {"text": text_of(b.items[0])}, "credit": b.items[-1]},
                }
            )
        elif b.kind == "ad":
            blocks.append({"__typename": "AdBlock", "position": "mid"})
        elif b.kind == "paywall":
            break
    data = {
        "props": {
            "pageProps": {
                "article": {
                    "id": f"cr://article/{chash(art.name, n=32)}",
                    "headline": {"default": text_of(art.get("title"))},
                    "summary": text_of(art.get("standfirst")),
                    "bylines": [{"renderedRepresentation": "By " + " and ".join(art.authors)}],
                    "firstPublished": art.get("date"),
                    "lastModified": art.get("updated") or art.get("date"),
                    "section": {"displayName": art.get("section")},
                    "sprinkledBody": {"content": blocks},
                    "isAccessibleForFree": not art.get("locked"),
                },
                "apolloState": {f"Teaser:{t['id']}": t for t in teasers},
                "navigation": nav_state(site),
            },
            "__N_SSP": True,
        },
        "page": "/[section]/[...slug]",
        "query": {
            "section": slug(art.get("section"), 1),
            "slug": slug(art.get("title")).split("-"),
        },
        "buildId": build_id,
        "isFallback": False,
        "gssp": True,
        "scriptLoader": [],
    }
    preloads = "\n".join(f'<link rel="preload" href="{u}" as="script">' for u in chunks)
    scripts = "\n".join(f'<script src="{u}" defer></script>' for u in chunks)
    standfirst = ""
    if art.get("standfirst"):
        standfirst = f'<p id="article-summary" class="{c("summary")}">{art.get("standfirst")}</p>'
    byline = " and ".join(
        f'<a href="/by/{slug(n)}" class="{c("bya")}"><span class="{c("byname")}">{esc(n)}</span></a>'
        for n in art.authors
    )
    updated = ""
    if art.get("updated"):
        updated = (
            f'<time class="{c("upd")}" datetime="{art.get("updated")}">Updated '
            f"{fmt_date(art.get('updated'))}</time>"
        )
    locked = ""
    if art.get("locked"):
        locked = (
            f'<div class="{c("gate")}" data-testid="paywall-gate"><div class="{c("gatefade")}">'
            f'</div><div class="{c("gatebox")}"><h2 class="{c("gateh")}">Subscribe to keep '
            f'reading</h2><p class="{c("gatep")}">Get unlimited access to our journalism, '
            "analysis and markets data. Cancel anytime.</p>"
            f'<a class="{c("gatebtn")}" href="/subscription?campaign=gate">See subscription '
            f'options</a><p class="{c("gatelog")}">Already a subscriber? <a href="/login">'
            "Log in</a></p></div></div>"
        )
    sprite = icon_sprite(rng, k.sprite_icons) if k.sprite_icons else ""
    return f"""<!DOCTYPE html>
<html lang="en" class="story app-article">
<head>
{meta_tags(site, art, rng)}
{preloads}
<style data-emotion="css" data-s="">{emotion_css(site, rng, k.css_rules)}</style>
<noscript data-n-css=""></noscript>
<script>{PERF_JS}</script>
<script>{CONSENT_JS}</script>
<script>{data_layer_js(site, art)}</script>
{jsonld_article(site, art)}
{k.extra_head}
</head>
<body>
{sprite}
<div id="__next"><div class="{c("app")}" data-testid="app-container">
{cookie_banner(rng)}
{header(site, rng, k.menu_featured)}
<div class="{c("topad")}" data-testid="top-ad"><div class="{c("adlabel")}"><p>Advertisement</p>
</div><div id="dfp-ad-top"></div></div>
<main id="site-content" class="{c("main")}">
<article id="story" class="{c("story")}">
<header class="{c("header")}">
<p class="{c("kicker")}"><a href="/section/{slug(art.get("section"), 1)}">
{esc(art.get("section"))}</a></p>
<div class="{c("h1wrap")}"><h1 class="{c("h1")} e1h9rw200" data-testid="headline">
{art.get("title")}</h1></div>
{standfirst}
<div class="{c("bylinebox")}"><p class="{c("byline")}" itemprop="author">By {byline}</p>
<div class="{c("timebox")}"><time class="{c("time")}" datetime="{art.get("date")}">
<span>{fmt_date(art.get("date"))}</span></time>{updated}</div></div>
{share_bar(c("share"))}
</header>
{hero_html(site, art)}
{body_html}
{locked}
<div class="{c("bottom")}" id="bottom-sheet-sensor"></div>
{bio_html(art, c("bio"))}
</article>
{teaser_list(site, rng, "More in " + art.get("section"), k.more_teasers)}
</main>
{footer(site, rng, k.footer_columns, k.footer_links)}
</div></div>
<script id="__NEXT_DATA__" type="application/json">{script_json(data)}</script>
{scripts}
{k.extra_html}
</body>
</html>
"""


WP_GLOBAL = (
    "body{--wp--preset--color--black: #000000;--wp--preset--color--cyan-bluish-gray: #abb8c3;"
    "--wp--preset--color--white: #ffffff;--wp--preset--color--pale-pink: #f78da7;"
    "--wp--preset--color--vivid-red: #cf2e2e;--wp--preset--color--luminous-vivid-orange: #ff6900;"
    "--wp--preset--gradient--vivid-cyan-blue-to-vivid-purple: linear-gradient(135deg,"
    "rgba(6,147,227,1) 0%,rgb(155,81,224) 100%);--wp--preset--font-size--small: 13px;"
    "--wp--preset--font-size--medium: 20px;--wp--preset--font-size--large: 36px;"
    "--wp--preset--spacing--20: 0.44rem;--wp--preset--spacing--30: 0.67rem;"
    "--wp--preset--shadow--natural: 6px 6px 9px rgba(0, 0, 0, 0.2);}"
    ":where(.is-layout-flex){gap: 0.5em;}:where(.is-layout-grid){gap: 0.5em;}"
    "body .is-layout-flex{display: flex;}.is-layout-flex{flex-wrap: wrap;align-items: center;}"
    ".has-black-color{color: var(--wp--preset--color--black) !important;}"
    ".has-white-background-color{background-color: var(--wp--preset--color--white) !important;}"
    ".wp-block-pullquote{font-size: 1.5em;line-height: 1.6;}"
)


def wp_page(site, art, body_html, rng, k):
    """A WordPress theme: `.entry-content`, Jetpack sharing and related posts, comments, widgets."""
    post_id = int(chash(art.name, n=4), 36) % 9000 + 1000
    tags = [t.strip() for t in art.get("tags").split(",") if t.strip()]
    tag_cls = " ".join(f"tag-{slug(t)}" for t in tags)
    share = "".join(
        f'<li class="share-{n}"><a rel="nofollow noopener noreferrer" data-shared="sharing-{n}-'
        f'{post_id}" class="share-{n} sd-button share-icon" href="?share={n}&amp;nb=1" '
        f'target="_blank" title="Click to share on {t}"><span>{t}</span></a></li>'
        for n, t in (("facebook", "Facebook"), ("x", "X"), ("email", "Email"), ("print", "Print"))
    )
    related = "".join(
        f'<div class="jp-relatedposts-post jp-relatedposts-post{i}" data-post-id="{post_id - i - 3}"'
        f' data-post-format="false"><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts'
        f'-post-a" href="/{slug(h)}/" title="{esc(h)}">{esc(h)}</a></h4>'
        f'<p class="jp-relatedposts-post-excerpt">{esc(t)}</p>'
        f'<p class="jp-relatedposts-post-date">March {i + 3}, 2025</p></div>'
        for i, (h, t) in enumerate(
            zip(pick(rng, "headlines", 3), pick(rng, "teasers", 3), strict=True)
        )
    )
    comments = ""
    if k.comments:
        comments = (
            f'<div id="comments" class="comments-area"><h2 class="comments-title">{k.comments} '
            f"thoughts on &ldquo;{art.get('title')}&rdquo;</h2>"
            f'<ol class="comment-list">{comments_html(rng, k.comments, style="wp")}</ol>'
            '<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-'
            'title">Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" '
            'href="#respond" style="display:none;">Cancel reply</a></small></h3>'
            '<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-'
            'form"><p class="comment-notes"><span id="email-notes">Your email address will not be '
            'published.</span> Required fields are marked <span class="required">*</span></p>'
            '<p class="comment-form-comment"><label for="comment">Comment</label><textarea '
            'id="comment" name="comment" cols="45" rows="8" required></textarea></p>'
            '<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" '
            'value="Post Comment"></p></form></div></div>'
        )
    months = ["March 2025", "February 2025", "January 2025", "December 2024", "November 2024"]
    months += [f"{m} 2024" for m in ("October", "September", "August", "July", "June", "May")]
    archives = "".join(
        f'<li><a href="/{2025 if "2025" in m else 2024}/{i + 1:02d}/">{m}</a></li>'
        for i, m in enumerate(months * (1 + k.footer_links // 12))
    )
    recent = "".join(
        f'<li><a href="/{slug(h)}/">{esc(h)}</a></li>' for h in pick(rng, "headlines", 6)
    )
    menu = "".join(
        f'<li id="menu-item-{100 + i}" class="menu-item menu-item-type-taxonomy"><a href="/'
        f'category/{slug(s, 2)}/">{esc(s)}</a></li>'
        for i, s in enumerate(["News", "Sport", "What’s on", "Letters", "Notices", "Contact"])
    )
    standfirst = ""
    if art.get("standfirst"):
        standfirst = f'<p class="entry-subtitle">{art.get("standfirst")}</p>'
    author = art.authors[0]
    bio = ""
    if art.get("bio"):
        bio = (
            '<div class="author-info"><div class="author-avatar"><img alt="" src="https://secure.'
            f'gravatar.com/avatar/{chash(author, n=12)}?s=80" class="avatar avatar-80" '
            'height="80" width="80"></div><div class="author-description"><h2 class="author-title">'
            f'Published by {esc(author)}</h2><p class="author-bio">{art.get("bio")} '
            f'<a class="author-link" href="/author/{slug(author)}/" rel="author">View all posts by '
            f"{esc(author)}</a></p></div></div>"
        )
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>{esc(text_of(art.get("title")))} &#8211; {esc(site.name)}</title>
<meta name='robots' content='max-image-preview:large' />
<link rel='dns-prefetch' href='//stats.wp.com' />
<link rel='dns-prefetch' href='//fonts.googleapis.com' />
<link rel="alternate" type="application/rss+xml" title="{esc(site.name)} &raquo; Feed" href="https://{site.domain}/feed/" />
<link rel="alternate" type="application/rss+xml" title="{esc(site.name)} &raquo; Comments Feed" href="https://{site.domain}/comments/feed/" />
<script>window._wpemojiSettings = {{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/72x72\\/","ext":".png","svgUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/svg\\/","svgExt":".svg","source":{{"concatemoji":"https:\\/\\/{site.domain}\\/wp-includes\\/js\\/wp-emoji-release.min.js?ver=6.5.2"}}}};</script>
<link rel='stylesheet' id='wp-block-library-css' href='https://{site.domain}/wp-includes/css/dist/block-library/style.min.css?ver=6.5.2' media='all' />
<style id='global-styles-inline-css'>{WP_GLOBAL}{utility_css(rng, k.css_rules)}</style>
<link rel='stylesheet' id='theme-style-css' href='https://{site.domain}/wp-content/themes/{site.key}/style.css?ver=2.4.1' media='all' />
<link rel='stylesheet' id='jetpack_css-css' href='https://{site.domain}/wp-content/plugins/jetpack/css/jetpack.css?ver=13.3' media='all' />
<script src="https://{site.domain}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<link rel="https://api.w.org/" href="https://{site.domain}/wp-json/" />
<link rel="alternate" type="application/json" href="https://{site.domain}/wp-json/wp/v2/posts/{post_id}" />
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="https://{site.domain}/xmlrpc.php?rsd" />
<meta name="generator" content="WordPress 6.5.2" />
<link rel="canonical" href="https://{site.domain}/2025/03/{slug(art.get("title"))}/" />
<link rel='shortlink' href='https://{site.domain}/?p={post_id}' />
<meta property="og:type" content="article" />
<meta property="og:title" content="{esc(text_of(art.get("title")))}" />
<meta property="og:site_name" content="{esc(site.name)}" />
<meta property="article:published_time" content="{art.get("date")}" />
{jsonld_article(site, art)}
{k.extra_head}
</head>
<body class="post-template-default single single-post postid-{post_id} single-format-standard wp-embed-responsive theme-{site.key} singular">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="https://{site.domain}/" rel="home">{esc(site.name)}</a></p>
<p class="site-description">{esc(site.tagline)}</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
<div class="menu-main-container"><ul id="primary-menu" class="menu">{menu}</ul></div></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard has-post-thumbnail hentry category-{slug(art.get("section"), 2)} {tag_cls}">
<header class="entry-header">
<h1 class="entry-title">{art.get("title")}</h1>
{standfirst}
<div class="entry-meta"><span class="posted-on">Posted on <a href="/2025/03/{slug(art.get("title"))}/" rel="bookmark"><time class="entry-date published" datetime="{art.get("date")}">{fmt_date(art.get("date"), "day")}</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/{slug(author)}/">{esc(author)}</a></span></span></div>
</header>
{hero_html(site, art).replace("article__hero hero-image", "post-thumbnail")}
{body_html}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul>{share}<li class="share-end"></li></ul></div></div></div>
<div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded' id='like-post-wrapper-{post_id}' data-src='https://widgets.wp.com/likes/#blog_id=18733411&amp;post_id={post_id}' data-name='like-post-frame-{post_id}' data-title='Like or Reblog'><h3 class="sd-title">Like this:</h3><div class='likes-widget-placeholder post-likes-widget-placeholder' style='height: 55px;'><span class='button'><span>Like</span></span> <span class="loading">Loading...</span></div></div>
<div id='jp-relatedposts' class='jp-relatedposts'><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual">{related}</div></div>
</div><!-- .entry-content -->
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/{slug(art.get("section"), 2)}/" rel="category tag">{esc(art.get("section"))}</a></span><span class="tags-links">Tagged {", ".join(f'<a href="/tag/{slug(t)}/" rel="tag">{esc(t)}</a>' for t in tags)}</span></footer>
{bio}
</article>
<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/{slug(POOLS["headlines"][3])}/" rel="prev"><span class="meta-nav">Previous Post</span> <span class="post-title">{esc(POOLS["headlines"][3])}</span></a></div><div class="nav-next"><a href="/{slug(POOLS["headlines"][9])}/" rel="next"><span class="meta-nav">Next Post</span> <span class="post-title">{esc(POOLS["headlines"][9])}</span></a></div></div></nav>
{comments}
</main></div>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="/"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" placeholder="Search &hellip;" name="s" /></label><input type="submit" class="search-submit" value="Search" /></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul>{archives}</ul></section>
<section id="meta-2" class="widget widget_meta"><h2 class="widget-title">Meta</h2><ul><li><a href="/wp-login.php">Log in</a></li><li><a href="/feed/">Entries feed</a></li><li><a href="/comments/feed/">Comments feed</a></li><li><a href="https://wordpress.org/">WordPress.org</a></li></ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress</a><span class="sep"> | </span>Theme: {site.key.title()} by Hillside Themes.</div></footer>
</div>
<script id="recirc-js-extra">var recircData = {script_json({"posts": teaser_state(site, rng, k.state_teasers), "nonce": chash(art.name, "nonce", n=10)})};</script>
<script id="jetpack-stats-js-before">_stq = window._stq || [];_stq.push([ "view", JSON.parse("{{\\"v\\":\\"ext\\",\\"blog\\":\\"18733411\\",\\"post\\":\\"{post_id}\\",\\"tz\\":\\"0\\",\\"srv\\":\\"{site.domain}\\"}}") ]);</script>
<script src="https://stats.wp.com/e-202511.js" id="jetpack-stats-js" defer data-wp-strategy="defer"></script>
<script src="https://{site.domain}/wp-content/themes/{site.key}/js/navigation.js?ver=2.4.1" id="theme-navigation-js"></script>
<script src="https://{site.domain}/wp-includes/js/comment-reply.min.js?ver=6.5.2" id="comment-reply-js" async data-wp-strategy="async"></script>
{k.extra_html}
</body>
</html>
"""


AMP_BOILERPLATE = (
    "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;"
    "-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s "
    "steps(1,end) 0s 1 normal both}@-webkit-keyframes -amp-start{from{visibility:hidden}to{"
    "visibility:visible}}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}"
    "</style><noscript><style amp-boilerplate>body{-webkit-animation:none;-moz-animation:none;"
    "animation:none}</style></noscript>"
)


def amp_page(site, art, body_html, rng, k):
    """An AMP page: `<html ⚡>`, AMP runtime and components, `amp-custom` styles, amp-analytics."""
    components = [
        "amp-ad",
        "amp-analytics",
        "amp-sidebar",
        "amp-twitter",
        "amp-instagram",
        "amp-carousel",
        "amp-accordion",
        "amp-consent",
        "amp-social-share",
        "amp-iframe",
    ]
    comp = "\n".join(
        f'<script async custom-element="{c}" src="https://cdn.ampproject.org/v0/{c}-0.1.js">'
        "</script>"
        for c in components
    )
    analytics = {
        "vars": {"gtag_id": "G-PULSE42", "config": {"G-PULSE42": {"groups": "default"}}},
        "triggers": {
            "trackPageview": {"on": "visible", "request": "pageview"},
            "scroll": {"on": "scroll", "scrollSpec": {"verticalBoundaries": [25, 50, 75, 100]}},
        },
        "extraUrlParams": {"section": art.get("section"), "article": art.name},
    }
    sidebar = "".join(
        f'<li><a href="/amp/{slug(sec, 2)}">{esc(sec)}</a><ul>'
        + "".join(f'<li><a href="/amp/{slug(sec, 2)}/{slug(s, 3)}">{esc(s)}</a></li>' for s in subs)
        + "</ul></li>"
        for sec, subs in SECTIONS.items()
    )
    standfirst = (
        f'<p class="standfirst">{art.get("standfirst")}</p>' if art.get("standfirst") else ""
    )
    hero = ""
    if art.get("hero"):
        cap, _, cred = art.get("hero").partition("|")
        hero = (
            f'<figure class="hero"><amp-img src="{img_url(site, cap, 1200, 675)}" width="1200" '
            f'height="675" layout="responsive" alt="{esc(text_of(cap))}"></amp-img>'
            f'<figcaption>{cap.strip()} <span class="credit">{cred.strip()}</span></figcaption>'
            "</figure>"
        )
    more = "".join(
        f'<li class="more-item"><a href="/amp/{slug(h)}"><amp-img src="{img_url(site, h, 160, 90)}"'
        f' width="160" height="90" layout="fixed" alt=""></amp-img><span>{esc(h)}</span></a></li>'
        for h in pick(rng, "headlines", k.more_teasers)
    )
    return f"""<!doctype html>
<html ⚡ lang="en">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
{comp}
<title>{esc(text_of(art.get("title")))} - {esc(site.name)}</title>
<link rel="canonical" href="{url_of(site, art)}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<meta name="description" content="{esc(text_of(art.get("standfirst") or art.get("title")))}">
<meta property="og:title" content="{esc(text_of(art.get("title")))}">
<meta property="og:image" content="{img_url(site, art.name, 1200, 630)}">
{jsonld_article(site, art)}
{AMP_BOILERPLATE}
<style amp-custom>{BASE_CSS % {"color": site.color}}{utility_css(rng, k.css_rules)}</style>
</head>
<body>
<amp-state id="recirc"><script type="application/json">{script_json(teaser_state(site, rng, k.state_teasers))}</script></amp-state>
<amp-analytics type="gtag" data-credentials="include"><script type="application/json">{script_json(analytics)}</script></amp-analytics>
<amp-consent id="consent" layout="nodisplay"><script type="application/json">{{"consentInstanceId":"pulse","consentRequired":"remote","checkConsentHref":"https://cmp.newspulse.net/check","promptUI":"consent-ui"}}</script>
<div id="consent-ui" class="consent-ui"><p>{esc(rng.choice(POOLS["cookie"]))}</p><button on="tap:consent.accept">Accept</button><button on="tap:consent.reject">Reject</button></div></amp-consent>
<amp-sidebar id="sidebar" layout="nodisplay" side="left"><button on="tap:sidebar.close" class="close">Close</button><nav><ul class="sidebar-nav">{sidebar}</ul></nav></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle" class="hamburger" aria-label="Open menu">&#9776;</button>
<a href="/amp/" class="amp-logo">{esc(site.name)}</a></header>
<amp-ad width="320" height="50" type="doubleclick" data-slot="/22110/pulse/amp/top" class="top-ad"></amp-ad>
<main>
<article class="amp-article">
<p class="section-label">{esc(art.get("section"))}</p>
<h1 class="headline">{art.get("title")}</h1>
{standfirst}
<p class="byline">By {" and ".join(esc(a) for a in art.authors)} &middot; <time datetime="{art.get("date")}">{fmt_date(art.get("date"))}</time></p>
<div class="share"><amp-social-share type="facebook" width="32" height="32" data-param-app_id="12345"></amp-social-share><amp-social-share type="twitter" width="32" height="32"></amp-social-share><amp-social-share type="whatsapp" width="32" height="32"></amp-social-share><amp-social-share type="email" width="32" height="32"></amp-social-share></div>
{hero}
{body_html}
</article>
<section class="more-news"><h2>More from {esc(site.name)}</h2><ul>{more}</ul></section>
</main>
<footer class="amp-footer"><ul>{"".join(f'<li><a href="/info/{slug(x, 3)}">{esc(x)}</a></li>' for x in FOOTER_LINKS)}</ul>
<p>&copy; 2025 {esc(site.name)} Ltd. <a href="{url_of(site, art)}">View full site</a></p></footer>
{k.extra_html}
</body>
</html>
"""


OLD_JS = """<script language="JavaScript" type="text/javascript">
<!--
function swapImgRestore() { var i,x,a=document.sr; for(i=0;a&&i<a.length&&(x=a[i])&&x.oSrc;i++) x.src=x.oSrc; }
function preloadImages() { var d=document; if(d.images){ if(!d.p) d.p=new Array();
  var i,j=d.p.length,a=preloadImages.arguments; for(i=0; i<a.length; i++)
  if (a[i].indexOf("#")!=0){ d.p[j]=new Image; d.p[j++].src=a[i];}} }
function findObj(n, d) { var p,i,x; if(!d) d=document; if((p=n.indexOf("?"))>0&&parent.frames.length) {
  d=parent.frames[n.substring(p+1)].document; n=n.substring(0,p);}
  if(!(x=d[n])&&d.all) x=d.all[n]; for (i=0;!x&&i<d.forms.length;i++) x=d.forms[i][n];
  for(i=0;!x&&d.layers&&i<d.layers.length;i++) x=findObj(n,d.layers[i].document); return x; }
function swapImage() { var i,j=0,x,a=swapImage.arguments; document.sr=new Array; for(i=0;i<(a.length-2);i+=3)
  if ((x=findObj(a[i]))!=null){document.sr[j++]=x; if(!x.oSrc) x.oSrc=x.src; x.src=a[i+2];} }
function openPrint(url) { window.open(url,'print','width=640,height=480,scrollbars=yes'); }
var _gaq = _gaq || []; _gaq.push(['_setAccount', 'UA-1234567-1']); _gaq.push(['_trackPageview']);
(function() { var ga = document.createElement('script'); ga.type = 'text/javascript'; ga.async = true;
ga.src = ('https:' == document.location.protocol ? 'https://ssl' : 'http://www') + '.google-analytics.com/ga.js';
var s = document.getElementsByTagName('script')[0]; s.parentNode.insertBefore(ga, s); })();
//-->
</script>"""


def old_page(site, art, body_html, rng, k, charset="utf-8"):
    """A regional paper's site of about 2003: nested layout tables, `<font>`, spacer GIFs."""
    nav_items = [
        "Home",
        "News",
        "Sport",
        "What's On",
        "Letters",
        "Business",
        "Property",
        "Motors",
        "Jobs",
        "Announcements",
        "Weather",
        "Contact Us",
    ]
    nav = "".join(
        f'<tr><td height="20" class="navcell"><img src="/images/arrow.gif" width="8" height="8">'
        f'&nbsp;<a href="/{slug(x, 2) or "index"}.html" class="nav">{esc(x)}</a></td></tr>'
        '<tr><td bgcolor="#FFFFFF"><img src="/images/spacer.gif" width="1" height="1"></td></tr>'
        for x in nav_items
    )
    latest = "".join(
        f'<tr><td class="latest"><font face="Verdana, Arial" size="1">&#149; '
        f'<a href="/news/{slug(h)}.html">{esc(h)}</a></font></td></tr>'
        for h in pick(rng, "headlines", k.more_teasers)
    )
    briefs = "".join(
        f'<tr><td valign="top" width="60"><img src="/images/thumbs/{chash(h, n=6)}.jpg" width="56" '
        f'height="42" border="0" alt=""></td><td valign="top"><font face="Verdana, Arial" size="1">'
        f'<a href="/news/{slug(h)}.html"><b>{esc(h)}</b></a><br>{esc(t)}</font></td></tr>'
        for h, t in zip(
            pick(rng, "headlines", k.state_teasers),
            pick(rng, "teasers", k.state_teasers),
            strict=True,
        )
    )
    notices = "".join(
        f'<tr><td><font face="Verdana, Arial" size="1"><b>{esc(n.upper())}</b> &#150; '
        f'<a href="/notices/{slug(n)}.html">{kind}</a></font></td></tr>'
        for n, kind in zip(
            pick(rng, "authors", 8),
            [
                "Deaths",
                "Births",
                "In memoriam",
                "Anniversaries",
                "Deaths",
                "Marriages",
                "Deaths",
                "Thanks",
            ],
            strict=True,
        )
    )
    towns = " | ".join(
        f'<a href="/local/{slug(p, 2)}.html">{esc(p)}</a>'
        for p in POOLS["places"][: k.footer_links]
    )
    standfirst = ""
    if art.get("standfirst"):
        standfirst = (
            f'<font face="Georgia, Times" size="3" class="intro"><b>{art.get("standfirst")}</b>'
            "</font><br><br>"
        )
    byline = " and ".join(art.authors)
    body = body_html
    if art.get("mode") == "br":
        body = f'<font face="Verdana, Arial" size="2" class="bodytext">{body_html}</font>'
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<title>{esc(site.name)} - {esc(text_of(art.get("title")))}</title>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="keywords" content="{esc(art.get("tags"))}, {esc(site.name)}, local news">
<meta name="description" content="{esc(text_of(art.get("standfirst") or art.get("title")))}">
<link href="/styles/main.css" rel="stylesheet" type="text/css">
<style type="text/css">
<!--
body {{ font-family: Verdana, Arial, Helvetica, sans-serif; font-size: 11px; }}
.nav {{ font-family: Verdana, Arial; font-size: 11px; color: #FFFFFF; text-decoration: none; font-weight: bold; }}
.nav:hover {{ color: #FFCC00; }}
.headline {{ font-family: Georgia, Times New Roman, serif; font-size: 22px; color: {site.color}; }}
.bodytext {{ font-family: Verdana, Arial; font-size: 12px; line-height: 17px; color: #000000; }}
.byline {{ font-family: Verdana, Arial; font-size: 10px; color: #666666; }}
.latest a {{ color: #333366; }} .rel {{ color: #990000; }}
-->
</style>
{OLD_JS}
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0" onLoad="preloadImages('/images/nav_on.gif','/images/home_on.gif')">
<table width="780" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td colspan="3"><a href="/"><img src="/images/masthead.gif" width="780" height="90" border="0" alt="{esc(site.name)}"></a></td></tr>
<tr><td colspan="3" bgcolor="{site.color}" height="22"><font face="Verdana, Arial" size="1" color="#FFFFFF">&nbsp;&nbsp;{esc(site.tagline)} &nbsp;|&nbsp; <a href="/subscribe.html" class="nav">Subscribe</a> &nbsp;|&nbsp; <a href="/epaper.html" class="nav">E-Edition</a></font></td></tr>
<tr>
<td width="150" valign="top" bgcolor="{site.color}">
<table width="150" border="0" cellspacing="0" cellpadding="3">{nav}</table>
<br><div align="center"><a href="/advertise.html"><img src="/images/ads/sky_{chash(site.key, n=4)}.gif" width="120" height="600" border="0" alt="Advertisement"></a></div>
</td>
<td width="480" valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="10"><tr><td valign="top">
<font size="1" class="byline"><a href="/">Home</a> &gt; <a href="/{slug(art.get("section"), 2)}.html">{esc(art.get("section"))}</a></font><br><br>
<font class="headline"><b>{art.get("title")}</b></font><br><br>
{standfirst}
<font class="byline">By {esc(byline)}<br>{fmt_date(art.get("date"), "slash")}</font><br><br>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td>
{body}
</td></tr></table>
<br>
<table width="100%" border="0" cellspacing="0" cellpadding="3">
<tr><td colspan="2" bgcolor="{site.color}"><font face="Verdana, Arial" size="2" color="#FFFFFF"><b>MORE HEADLINES</b></font></td></tr>
{briefs}
</table>
<br>
<font size="1"><a href="javascript:openPrint('/print/{art.name}.html')">Printer-friendly version</a> | <a href="/email.html?story={art.name}">Email this story</a> | <a href="/letters.html">Write a letter to the editor</a></font>
</td></tr></table>
</td>
<td width="150" valign="top" bgcolor="#F4F4F4">
<table width="150" border="0" cellspacing="0" cellpadding="4">
<tr><td bgcolor="#CCCCCC"><font face="Verdana, Arial" size="1"><b>LATEST NEWS</b></font></td></tr>
{latest}
</table>
<br>
<table width="150" border="0" cellspacing="0" cellpadding="4">
<tr><td bgcolor="#CCCCCC"><font face="Verdana, Arial" size="1"><b>FAMILY NOTICES</b></font></td></tr>
{notices}
<tr><td><font size="1"><a href="/notices/place.html">Place a notice</a></font></td></tr>
</table>
<br><div align="center"><font size="1" color="#999999">ADVERTISEMENT</font><br><img src="/images/ads/mpu_{chash(site.key, "m", n=4)}.gif" width="140" height="140" border="0" alt=""></div>
</td>
</tr>
<tr><td colspan="3" bgcolor="#EEEEEE" align="center"><font face="Verdana, Arial" size="1"><br>{towns}<br><br>
<a href="/about.html">About Us</a> | <a href="/contact.html">Contact Us</a> | <a href="/advertise.html">Advertise</a> | <a href="/terms.html">Terms &amp; Conditions</a> | <a href="/privacy.html">Privacy</a><br>
&copy; Copyright 2003-2011 {esc(site.name)}. All rights reserved.<br><br></font></td></tr>
</table>
{k.extra_html}
</body>
</html>
"""
    return entityize(page) if art.get("entities") == "yes" else page


SKELETONS = {"next": next_page, "wp": wp_page, "amp": amp_page, "old": old_page}


def build(name, knobs=None, target_kb=None):
    """The page (bytes) and label (dict) for one source, furnished to about `target_kb`."""
    art = parse_source(name)
    site = SITES[art.get("site")]
    skeleton = SKELETONS.get(site.dialect, modern_page)
    knobs = knobs or Knobs()
    if art.get("comments"):
        knobs.comments = int(art.get("comments"))
    target_kb = target_kb if target_kb is not None else float(art.get("size") or 0)

    def make(k):
        rng = random.Random(name)
        body = render_body(site, art, rng)
        page = skeleton(site, art, body, rng, k)
        charset = art.get("charset") or "utf-8"
        if charset != "utf-8":
            page = old_page(site, art, body, random.Random(name), k, charset=charset)
            return page.encode(charset, errors="xmlcharrefreplace")
        return page.encode("utf-8")

    data = make(knobs)
    if target_kb:
        # Grow or shrink the app state and stylesheet until the page is about the target size.
        for _ in range(4):
            size = len(data) / 1024
            if abs(size - target_kb) < target_kb * 0.03:
                break
            knobs.state_teasers = max(0, int(knobs.state_teasers * target_kb / size) + 1)
            knobs.css_rules = max(50, int(knobs.css_rules * (target_kb / size) ** 0.5))
            data = make(knobs)
    return data, label(art), art
