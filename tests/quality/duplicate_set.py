"""Labelled near-duplicate set: news originals, syndicated copies and hard negatives as a stream.

The originals are the articles of ``tests/data/news/``. ``tests/data/duplicates/stories.json``
says, story by story, which copies outlets made of them and with which edits, and which
independently written articles are hard negatives of each other. ``build_duplicate_set()``
renders every copy and returns the stream in publication order, each article labelled with its
story and the id of the article it duplicates (None for originals, independent articles and
excerpts). ``python -m tests.quality.duplicate_set`` prints a summary.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"
NEWS = DATA / "news"
STORIES = DATA / "duplicates" / "stories.json"

MIN_KEPT = 0.55  # a duplicate keeps at least this share of the original's body words
MAX_EXCERPT = 0.35  # an excerpt keeps at most this share, and is not a duplicate
SHINGLE = 5  # words per shingle in the summary's Jaccard figures

TRAILER = re.compile(
    r"^(Reporting by|Additional reporting|Editing by|Associated Press writer|_{3}|AP )"
)
SENTENCE_END = re.compile(r"(?<=[.!?”’])\s+(?=[A-Z“‘])")
WORD = re.compile(r"\w+")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
AP_MONTHS = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ZONES = {
    "us_et": (-5, "ET"), "ap": (-5, "EST"), "at_pm": (-5, "EST"), "brt": (-3, "BRT"),
    "afp": (1, "CET"), "numeric_cet": (1, "CET"), "ist": (5.5, "IST"), "jst": (9, "JST"),
    "aedt": (11, "AEDT"),
}  # fmt: skip
AGENCY_DATE_STYLE = {"Reuters": "reuters", "AP": "ap", "AFP": "afp", "AAP": "aedt", "Kyodo": "jst"}


@dataclass(frozen=True)
class LabelledArticle:
    """One article of the stream, with its label."""

    id: str
    source: str
    published: str  # ISO 8601, UTC
    title: str
    text: str  # the whole article as a feed sends it
    story: str  # id of the story's original
    expected_duplicate_of: str | None
    kind: str  # "original", "copy" or "excerpt"
    origin: str  # the corpus file (stem) it was made from
    edits: tuple[str, ...] = ()


@dataclass
class Parts:
    """A corpus article taken apart: header lines, body paragraphs and trailer."""

    title: str
    pre: list[str]  # standfirst and reading-time lines
    byline: str
    date: str
    captions: list[str]
    paras: list[str]
    trailer: list[str]


def _is_dateline(line: str) -> bool:
    head = line[:60]
    if " — " not in head:
        return False
    first = head.split()[0].strip(",/")
    return len(first) >= 3 and first.isupper()


@cache
def _parts(stem: str) -> Parts:
    text = (NEWS / f"{stem}.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if _is_dateline(line))
    header, body = lines[:start], lines[start:]
    by = next(i for i, line in enumerate(header) if line.startswith("By "))
    cut = len(body)
    while cut > 1 and TRAILER.match(body[cut - 1]):
        cut -= 1
    pre, captions = header[1:by], header[by + 2 :]
    return Parts(header[0], pre, header[by], header[by + 1], captions, body[:cut], body[cut:])


def _words(paras: list[str]) -> int:
    return sum(len(p.split()) for p in paras)


def _utc(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UTC)


def _clock(t: datetime, dotted: bool = False) -> str:
    hour = t.hour % 12 or 12
    half = ("a.m." if t.hour < 12 else "p.m.") if dotted else ("AM" if t.hour < 12 else "PM")
    return f"{hour}:{t.minute:02d} {half}"


def format_date(when: datetime, style: str) -> str:
    """A date line in one of the feed styles, for a UTC time."""
    hours, zone = ZONES.get(style, (0, "GMT"))
    t = when.astimezone(timezone(timedelta(hours=hours)))
    month, day, year = MONTHS[t.month - 1], t.day, t.year
    styles = {
        "reuters": f"{month} {day}, {year} {_clock(t)} GMT",
        "us_et": f"{AP_MONTHS[t.month - 1]} {day}, {year} {_clock(t)} ET",
        "ap": f"{month} {day}, {year}, {_clock(t)} EST",
        "at_pm": f"{month} {day}, {year} at {_clock(t, dotted=True)} EST",
        "brt": f"{month} {day}, {year} at {_clock(t, dotted=True)} BRT",
        "guardian": f"{DAYS[t.weekday()]} {day} {month} {year} {t:%H.%M} GMT",
        "day_month": f"{day:02d} {month}, {year}",
        "published": f"Published: {day} {month[:3]} {year}, {t:%H:%M} GMT",
        "numeric_cet": f"{t:%d.%m.%Y %H:%M} CET",
        "afp": f"{t:%d/%m/%Y - %H:%M} CET",
        "iso_utc": f"{t:%Y-%m-%d %H:%M} UTC",
        "gmt": f"{day} {month} {year} {t:%H:%M} GMT",
    }
    return styles.get(style, f"{day} {month} {year}, {t:%H:%M} {zone}")


def straighten(text: str) -> str:
    """Typographic quotes made straight, as old wire systems do."""
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


def _split(para: str) -> list[str]:
    bounds = [m.start() for m in SENTENCE_END.finditer(para)]
    if not bounds:
        raise ValueError(f"cannot split a one-sentence paragraph: {para[:60]}")
    cut = min(bounds, key=lambda b: abs(b - len(para) / 2))
    return [para[:cut].strip(), para[cut:].strip()]


def _dateline(para: str) -> tuple[str, str]:
    head, rest = para.split(" — ", 1)
    return head + " — ", rest


def _article_id(key: str) -> str:
    return "w" + hashlib.sha1(key.encode()).hexdigest()[:11]


def _agency_edit(how: str, agency: str, paras: list[str], trailer: list[str]) -> None:
    head, rest = _dateline(paras[0])
    if how == "dateline":
        if "(" in head:
            raise ValueError("the dateline already names an agency")
        paras[0] = f"{head[:-3]} ({agency}) — {rest}"
    elif how == "strip":
        paras[0] = re.sub(r" \([A-Za-z]+\) — $", " — ", head) + rest
    elif how == "signoff":
        trailer.append(f"— {agency}")
    elif how == "credit":
        trailer.append(f"With reporting by {agency}")
    else:
        raise ValueError(f"unknown agency edit {how!r}")


def _edit_body(story: dict[str, Any], spec: dict[str, Any]) -> tuple[list[str], float, list[str]]:
    """A copy's body paragraphs, the share of the original body words kept, the edits made."""
    p = _parts(story["original"])
    paras, trailer, edits = list(p.paras), list(p.trailer), []
    if n := spec.get("excerpt"):
        paras, trailer = paras[:n], []
        edits.append(f"excerpt {n}")
    if n := spec.get("trim"):
        paras, trailer = paras[:-n], []
        edits.append(f"trim {n}")
    kept = _words(paras) / _words(p.paras)
    if spec.get("lede"):
        old, new = story["lede"]["from"], story["lede"]["to"]
        if old not in paras[0]:
            raise ValueError(f"lede edit does not apply: {old!r}")
        paras[0] = paras[0].replace(old, new, 1)
        edits.append("lede edit")
    if move := spec.get("move"):
        paras.insert(move[1], paras.pop(move[0]))
        edits.append(f"move {move[0]}->{move[1]}")
    if n := spec.get("split"):
        paras[n : n + 1] = _split(paras[n])
        edits.append(f"split {n}")
    for how in spec.get("agency", []):
        _agency_edit(how, story["agency"], paras, trailer)
        edits.append(f"agency {how}")
    if spec.get("update"):
        update = story["update"]
        if update.get("note"):  # an outlet's note above the story
            paras.insert(0, update["paragraph"])
        else:  # a new lede under the dateline
            head, rest = _dateline(paras[0])
            paras[0:1] = [head + update["paragraph"], rest[0].upper() + rest[1:]]
        edits.append("update paragraph")
    return paras + trailer, kept, edits


def _copy(story: dict[str, Any], spec: dict[str, Any]) -> tuple[str, str, float, list[str]]:
    """Render one copy: its title, text, share of the original body kept, and the edits made."""
    data, p = _data(), _parts(story["original"])
    outlet = data["outlets"][spec["outlet"]]
    paras, kept, edits = _edit_body(story, spec)
    published = _utc(story["published"]) + timedelta(minutes=spec["delay"])
    title, date = p.title, format_date(published, outlet["date"])
    if "headline" in spec:
        title = story["headlines"][spec["headline"]]
        edits.append("headline")
    if spec.get("reissue"):
        title = f"{story['update']['tag']}-{title}"
        date = f"{p.date}\nUpdated {format_date(published, AGENCY_DATE_STYLE[story['agency']])}"
        edits.append("reissue")
    pre = [line for line in p.pre if not line.endswith("min read")]
    if outlet.get("read_time"):
        pre.append(f"{math.ceil(_words(paras) / 230)} min read")
    byline = p.byline
    if how := spec.get("byline"):  # "agency" or "desk"
        byline = f"By {story['agency']}" if how == "agency" else outlet["desk"]
        edits.append(f"byline {how}")
    captions = p.captions if spec.get("caption", True) else []
    if p.captions and not captions:
        edits.append("caption dropped")
    plate = data["boilerplate"].get(spec.get("boilerplate", ""), {})
    if plate:
        edits.append(f"boilerplate {spec['boilerplate']}")
    credit = story.get("agency") or story["source"]
    top, bottom = (
        [line.replace("{from}", credit) for line in plate.get(k, [])] for k in ("top", "bottom")
    )
    blocks = [*top, title, *pre, f"{byline}\n{date}", *captions, *paras, *bottom]
    text = "\n\n".join(blocks) + "\n"
    if spec.get("straighten"):
        text, title = straighten(text), straighten(title)
        edits.append("straighten quotes")
    return title, text, kept, edits


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(STORIES.read_text(encoding="utf-8"))
    return data


def _story_articles(story: dict[str, Any]) -> list[LabelledArticle]:
    """A story's original and its copies, each labelled."""
    stem = story["original"]
    sid, start = _article_id(stem), _utc(story["published"])
    text = (NEWS / f"{stem}.txt").read_text(encoding="utf-8")
    out = [
        LabelledArticle(
            sid, story["source"], start.isoformat(), _parts(stem).title, text, sid, None,
            "original", stem,
        )
    ]  # fmt: skip
    last = 0
    for n, spec in enumerate(story.get("copies", []), 1):
        try:
            if spec["delay"] <= last:
                raise ValueError("copies must be listed in order of arrival")
            last = spec["delay"]
            title, text, kept, edits = _copy(story, spec)
            if spec.get("excerpt") and kept > MAX_EXCERPT:
                raise ValueError(f"an excerpt keeps {kept:.0%} of the body")
            if not spec.get("excerpt") and kept < MIN_KEPT:
                raise ValueError(f"a duplicate keeps only {kept:.0%} of the body")
        except (ValueError, IndexError, KeyError) as err:
            raise ValueError(f"{stem} copy {n}: {err}") from err
        cid = _article_id(f"{stem}/{n}")
        when = (start + timedelta(minutes=spec["delay"])).isoformat()
        source = story["agency"] if spec.get("reissue") else spec["outlet"]
        story_id, of, kind = (cid, None, "excerpt") if spec.get("excerpt") else (sid, sid, "copy")
        out.append(
            LabelledArticle(cid, source, when, title, text, story_id, of, kind, stem, tuple(edits))
        )
    return out


def build_duplicate_set() -> list[LabelledArticle]:
    """The labelled stream: every original and copy, ordered by publication time."""
    stems = [story["original"] for story in _data()["stories"]]
    if len(set(stems)) != len(stems):
        raise ValueError("an original is listed twice")
    missing = {p.stem for p in NEWS.glob("*.txt")} - set(stems)
    if missing:
        raise ValueError(f"corpus articles without a story: {sorted(missing)}")
    stream = [a for story in _data()["stories"] for a in _story_articles(story)]
    return sorted(stream, key=lambda a: (a.published, a.id))


def hard_negative_groups() -> list[dict[str, Any]]:
    """Groups of independently written articles on one topic (none duplicates another)."""
    groups: list[dict[str, Any]] = _data()["hard_negatives"]
    return groups


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    """Word shingles of a text, lower-cased, quotes and punctuation ignored."""
    words = WORD.findall(straighten(text).lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    return len(a & b) / len(a | b) if a or b else 1.0


def main() -> None:
    """Print a summary of the set: counts, hard negatives and Jaccard ranges."""
    stream = build_duplicate_set()
    kinds = Counter(a.kind for a in stream)
    print(
        f"articles: {len(stream)}  stories: {len({a.story for a in stream})}  "
        f"originals: {kinds['original']}  duplicates: {kinds['copy']}  "
        f"excerpts (not duplicates): {kinds['excerpt']}"
    )
    groups = hard_negative_groups()
    by_kind = ", ".join(f"{k} {v}" for k, v in Counter(g["kind"] for g in groups).items())
    members = {m for g in groups for m in g["members"]}
    print(f"hard-negative groups: {len(groups)} ({by_kind}), {len(members)} articles")
    sets = {a.id: shingles(a.text) for a in stream}
    ids = {a.origin: a.id for a in stream if a.kind == "original"}
    dup = sorted(jaccard(sets[a.id], sets[a.story]) for a in stream if a.expected_duplicate_of)
    print(
        f"Jaccard ({SHINGLE}-word shingles, whole text), duplicate to original: "
        f"min {dup[0]:.2f}, median {dup[len(dup) // 2]:.2f}, max {dup[-1]:.2f}"
    )
    pairs = [(x, y) for g in groups for x, y in combinations(g["members"], 2)]
    neg = [jaccard(sets[ids[x]], sets[ids[y]]) for x, y in pairs]
    print(f"hard-negative pairs of originals: {len(neg)}, Jaccard max {max(neg):.2f}")
    excerpt = [jaccard(sets[a.id], sets[ids[a.origin]]) for a in stream if a.kind == "excerpt"]
    print(f"excerpts to their original: Jaccard {min(excerpt):.2f}-{max(excerpt):.2f}")
    worst = max(
        (jaccard(sets[a.id], sets[b.id]), a.origin, b.origin)
        for a, b in combinations(stream, 2)
        if a.origin != b.origin
    )
    print(f"highest Jaccard, different originals: {worst[0]:.2f} ({worst[1]} / {worst[2]})")


if __name__ == "__main__":
    main()
