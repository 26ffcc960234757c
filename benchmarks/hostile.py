"""Hostile input: time per record through every stage, by class, against normal articles.

    python -m benchmarks.hostile [--scale 1.0] [--classes a,b] [--seed 1] [--cpu]

Generates records of every class that made a stage superlinear, and of every other kind a wire
may carry (random bytes, mutated JSON, deep and huge markup, every codec, control and bidi
characters), at sizes up to the limits: about 10,000 records at ``--scale 1`` (most small, a few
at the text limit and, for markup, the record limit). Each goes alone through the stages as the
compute process runs them (``agents.pipeline.run_jobs``: intake, repair, structure, entities), in
this process, so its time is its own; each must end as exactly one event or one dead letter.

Baseline, measured in the same run: normal English articles (:func:`tests.quality.pages.news_text`)
of the same length for text classes, normal news pages (:func:`~tests.quality.pages.news_page`)
of the same markup size for markup classes. A class's ratio at a size is its time over the
baseline's median at that size; the worst ratio (by median, p99 and max) is the headline figure.
The goal: no class above 3x. ``--cpu`` times records in CPU time (steadier than wall time on a
shared machine; the stages run in this process, so it is all theirs).
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from agents.entities.stage import EntityAnalyzer
from agents.pipeline import Job, run_jobs
from agents.settings import Settings
from tests.quality.pages import news_page, news_text

#: (size, records) for text classes: sizes in characters, up to the text limit.
TEXT_SIZES = [(300, 200), (1_000, 80), (4_000, 20), (16_000, 5), (64_000, 2), (190_000, 1)]
#: (size, records) for markup classes: sizes in bytes of markup, up to the record limit.
MARKUP_SIZES = [(3_000, 100), (30_000, 30), (300_000, 6), (1_500_000, 2), (4_000_000, 1)]

Make = Callable[[int, random.Random], bytes]


@dataclass(frozen=True)
class HostileClass:
    name: str
    markup: bool
    make: Make
    about: str


def _fill(unit: str, n: int) -> str:
    return (unit * (n // max(1, len(unit)) + 1))[:n]


def _prose(n: int, rng: random.Random) -> str:
    return news_text(n, seed=rng.randint(0, 10_000))[:n]


def _framed(body: Callable[[int, random.Random], str]) -> Make:
    """A headline, then ``body`` as the article: the structure stage reads it as paragraphs."""

    def make(n: int, rng: random.Random) -> bytes:
        return ("Storm closes the port\n\n" + body(max(1, n - 23), rng) + "\n").encode("utf-8")

    return make


FIRST = ["Lena", "Kofi", "Ingrid", "Tomasz", "Farah", "Rafael", "Amara", "Joseph", "Maya", "Elena"]
LAST = ["Hartmann", "Mensah", "Solberg", "Wójcik", "Haddad", "Cárdenas", "Okafor", "Mwangi"]
MARKS = ["“", "(", ")", '"', "'", "«", "[", "$", "#", "*", "…", "?", "😀", "’", ",", ":", "—"]
RTL = ["مرحبا", "بغداد", "العراق", "שלום", "ירושלים", "دمشق", "חיפה"]
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
CONTROLS = "".join(chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127, *range(128, 160)])
CODECS = ["gbk", "big5", "shift_jis", "euc-kr", "cp1251", "koi8-r", "utf-16", "cp1252", "latin-1"]
#: Words of each codec's script, written for copydesk (what a wire in that codec carries).
SCRIPT_WORDS = {
    "gbk": "港口 工人 罢工 周一 政府 表示 城市 市场",
    "big5": "港口 工人 罷工 週一 政府 表示 城市 市場",
    "shift_jis": "港 労働者 ストライキ 月曜日 政府 市場 東京",
    "euc-kr": "항구 노동자 파업 월요일 정부 시장 서울",
    "cp1251": "порт рабочие забастовка понедельник правительство рынок",
    "koi8-r": "порт рабочие забастовка понедельник правительство рынок",
}


def _names(n: int, rng: random.Random) -> str:
    words = (f"{rng.choice(FIRST)} {rng.choice(LAST)}{rng.randint(0, 99_999)}" for _ in range(n))
    return " ".join(words)[:n]


def _rtl(n: int, rng: random.Random) -> str:
    """Arabic and Hebrew words among English ones, a bidi mark now and then (more and the text
    is taken for binary: a real page has a few)."""
    words = []
    for _ in range(n // 5):
        word = rng.choice([*RTL, "Aleppo", "said", "Iraq", "Damascus", "the", "in"])
        words.append(word + (rng.choice(BIDI_CONTROLS) if rng.random() < 0.02 else ""))
    return " ".join(words)[:n]


def _mojibake(n: int, rng: random.Random) -> str:
    return _prose(n, rng).encode("utf-8").decode("cp1252", errors="replace")[:n]


def _codec(n: int, rng: random.Random) -> bytes:
    codec = rng.choice(CODECS)
    words = SCRIPT_WORDS.get(codec)
    text = _prose(n, rng) if words is None else _fill(words + " ", n)
    return ("Storm closes the port\n\n" + text).encode(codec, errors="replace")


def _legacy_islands(n: int, rng: random.Random) -> bytes:
    """Legacy CJK and Cyrillic bytes read as Latin-1, islands in English prose."""
    parts, size = [], 0
    while size < n:
        codec = rng.choice(["gbk", "big5", "shift_jis", "euc-kr", "cp1251"])
        island = rng.choice(SCRIPT_WORDS[codec].split()).encode(codec).decode("latin-1")
        piece = island + " " + _prose(rng.randint(20, 200), rng) + " "
        parts.append(piece)
        size += len(piece)
    return ("Storm closes the port\n\n" + "".join(parts)[:n]).encode("utf-8")


def _mutated_json(n: int, rng: random.Random) -> bytes:
    record: dict = {"id": f"j{rng.randint(0, 10**9)}", "source": "wire", "text": _prose(n, rng)}
    if rng.random() < 0.3:
        codec = rng.choice(["utf-8", "cp1252", "utf-16"])
        body = record.pop("text").encode(codec, errors="replace")
        record["body_b64"] = base64.b64encode(body).decode("ascii")
    for _ in range(rng.randint(0, 3)):
        field = rng.choice(["title", "published", "url", "charset", "text", "xyz", "id"])
        record[field] = rng.choice([None, 5, [], {}, "", "nonsense", _fill("é", 50)])
    data = json.dumps(record).encode("utf-8")
    for _ in range(rng.randint(0, 2)):
        at = rng.randint(0, len(data))
        data = data[:at] + bytes([rng.randint(0, 255)]) + data[at + 1 :]
    return data


def _html(head: str, body: str, tail: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>Port</title></head><body>{head}{body}{tail}".encode()


def _deep(n: int, rng: random.Random) -> bytes:
    depth = n // 11
    article = "<h1>Storm closes the port</h1><p>" + _prose(300, rng) + "</p>"
    return _html("<div>" * depth, article, "</div>" * depth + "</body></html>")


def _wide(n: int, rng: random.Random) -> bytes:
    cells = "".join(f"<span>{i}</span>" for i in range(n // 16))
    return _html("<h1>Storm closes the port</h1><p>" + _prose(300, rng) + "</p>", cells, "")


def _attribute(n: int, rng: random.Random) -> bytes:
    value = _fill("x", n - 400)
    return _html(f'<div data-state="{value}"><h1>Storm closes the port</h1>', _prose(300, rng), "")


def _entities(n: int, rng: random.Random) -> bytes:
    refs = _fill("&amp;&#x41;&eacute;&#8217;&nosuch;", n - 400)
    return _html("<h1>Storm closes the port</h1><p>", refs, "</p><p>" + _prose(300, rng) + "</p>")


def _page(n: int, rng: random.Random) -> bytes:
    return news_page(markup_bytes=n, words=max(50, n // 300), seed=rng.randint(0, 1000))


CLASSES = [
    HostileClass("punct-run", False, _framed(lambda n, r: _fill(r.choice(MARKS), n)),
                 "one mark repeated: spaCy strips it a character at a time"),
    HostileClass("punct-in-prose", False,
                 _framed(lambda n, r: _prose(n // 2, r) + " " + _fill(r.choice(MARKS), n // 2)),
                 "a run of marks inside a paragraph of prose"),
    HostileClass("long-chunk", False, _framed(lambda n, r: _fill(r.choice(["a:", "a:b", "ab"]), n)),
                 "a chunk without spaces"),
    HostileClass("dense-tokens", False,
                 _framed(lambda n, r: _fill(r.choice(["a-", "a,", "(a"]), n)),
                 "a token a character"),
    HostileClass("single-letters", False, _framed(lambda n, r: _fill("a I b ", n)),
                 "one-letter words"),
    HostileClass("rtl-mixed", False, _framed(_rtl),
                 "right-to-left words among English names, with bidi marks"),
    HostileClass("dense-names", False, _framed(_names), "capitalised names, nothing else"),
    HostileClass("at-least-amounts", False,
                 _framed(lambda n, r: " ".join(f"at least {r.randint(2, 999)} people"
                                               for _ in range(n // 18))[:n]),
                 "repeated approximate amounts"),
    HostileClass("acronyms", False,
                 _framed(lambda n, r: " ".join(f"the Port Workers Union{i} (PWU{i % 50})"
                                               for i in range(n // 30))[:n]),
                 "acronyms defined in brackets"),
    HostileClass("coordinated-lists", False,
                 _framed(lambda n, r: " and ".join(r.choice(["Kataib Hezbollah", "Fatemiyoun",
                                                             "Lublin", "Rzeszów"])
                                                   for _ in range(n // 14))[:n]),
                 "names in one long list"),
    HostileClass("quotes-by-surname", False,
                 _framed(lambda n, r: "City manager Lena Hartmann spoke. "
                         + _fill("Hartmann said: “We will go on.” ", n)),
                 "thousands of quotations by one surname in one sentence"),
    HostileClass("stop-runs", False, _framed(lambda n, r: _fill(r.choice([".", "!?", "…"]), n)),
                 "runs of full stops, ellipses and ?!"),
    HostileClass("abbreviations", False, _framed(lambda n, r: _fill("Mr. ", n)),
                 "an abbreviation at every word"),
    HostileClass("whitespace", False,
                 _framed(lambda n, r: "He said: “" + _fill(r.choice([" ", "\t", " \n"]), n)
                         + "we will rebuild,” on Monday."),
                 "a quotation or line padded with whitespace"),
    HostileClass("spaces-after-quote", False,
                 _framed(lambda n, r: "“We will rebuild the port,”" + _fill(" ", n)
                         + r.choice(["the mayor said.", "Reuters, adding", "and then"])),
                 "spaces between a quotation and its attribution"),
    HostileClass("padded-metadata", False,
                 lambda n, r: ("By Jane" + _fill(" ", n) + "Doe | 2 min read\n\n"
                               + _prose(400, r)).encode(),
                 "a byline line padded with spaces"),
    HostileClass("control-bidi", False,
                 _framed(lambda n, r: "".join(c if r.random() > 0.02 else r.choice(
                     CONTROLS + BIDI_CONTROLS) for c in _prose(n, r))),
                 "prose with control and bidi characters"),
    HostileClass("one-paragraph", False, _framed(lambda n, r: " ".join(_prose(n, r).split())),
                 "a whole article in one paragraph"),
    HostileClass("no-spaces", False, _framed(lambda n, r: "".join(_prose(n, r).split())),
                 "a whole article without spaces"),
    HostileClass("mojibake", False, _framed(_mojibake), "UTF-8 read as cp1252, every line"),
    HostileClass("long-mojibake-line", False,
                 _framed(lambda n, r: " ".join(_mojibake(n, r).split())),
                 "mojibake on one long line (a character diff per line)"),
    HostileClass("every-codec", False, _codec, "bare bytes in a legacy codec"),
    HostileClass("legacy-islands", False, _legacy_islands,
                 "legacy CJK and Cyrillic bytes read as Latin-1, islands in prose"),
    HostileClass("random-bytes", False, lambda n, r: r.randbytes(n), "random bytes"),
    HostileClass("random-unicode", False,
                 lambda n, r: "".join(chr(r.choice([r.randint(32, 0xD7FF),
                                                    r.randint(0xE000, 0x10FFFF)]))
                                      for _ in range(n)).encode("utf-8"),
                 "random code points"),
    HostileClass("mutated-json", False, _mutated_json,
                 "raw JSON records, fields and bytes mutated"),
    HostileClass("deep-html", True, _deep, "markup nested thousands of elements deep"),
    HostileClass("wide-html", True, _wide, "markup of 100,000s of siblings"),
    HostileClass("huge-attribute", True, _attribute, "one attribute of megabytes"),
    HostileClass("entity-html", True, _entities, "markup of character references"),
    HostileClass("pages", True, _page, "real-size news pages"),
]  # fmt: skip


@dataclass
class Timed:
    seconds: float
    outcome: str  # "event" or the dead letter's kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="records per size (1.0)")
    parser.add_argument("--classes", default="", help="comma-separated class names (all)")
    parser.add_argument("--max-size", type=int, default=0, help="skip larger sizes (none)")
    parser.add_argument("--min-size", type=int, default=0, help="skip smaller sizes (none)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--cpu", action="store_true", help="time in this process's CPU time, not wall time"
    )
    args = parser.parse_args()
    settings = Settings.from_env({})
    chosen = [c for c in CLASSES if not args.classes or c.name in args.classes.split(",")]
    analyzer = EntityAnalyzer(settings.model)
    clock = time.process_time if args.cpu else time.perf_counter
    sizes = (args.min_size, args.max_size)
    run(chosen, settings, analyzer, args.scale, sizes, args.seed, clock)


def run(
    classes: list[HostileClass],
    settings: Settings,
    analyzer: EntityAnalyzer,
    scale: float,
    sizes: tuple[int, int],
    seed: int,
    clock: Callable[[], float] = time.perf_counter,
) -> dict:
    """Time every record of every class; print the table; return the figures."""
    rng = random.Random(seed)
    baseline: dict[tuple[bool, int], float] = {}
    times: dict[str, dict[int, list[Timed]]] = defaultdict(lambda: defaultdict(list))
    records = 0
    started = time.perf_counter()
    # First uses load tables (charset detection, legacy codecs, the page reader): not a record's.
    for warm in (
        b"Port\n\nThe port closed on Monday.\n",
        "Port caf\xe9".encode("cp1252"),
        news_page(markup_bytes=3_000, words=60),
    ):
        _one(warm, settings, analyzer, clock)
    for markup in (False, True):
        for size, count in MARKUP_SIZES if markup else TEXT_SIZES:
            if size < sizes[0] or (sizes[1] and size > sizes[1]):
                continue
            n = max(1, round(count * scale))
            normal = [
                _one(_normal(markup, size, rng), settings, analyzer, clock).seconds
                for _ in range(max(3, min(n, 10)))
            ]
            baseline[markup, size] = statistics.median(normal)
            for hostile in (c for c in classes if c.markup == markup):
                for _ in range(n):
                    times[hostile.name][size].append(
                        _one(hostile.make(size, rng), settings, analyzer, clock)
                    )
                    records += 1
    _report(classes, times, baseline, records, time.perf_counter() - started)
    return {"times": times, "baseline": baseline, "records": records}


def _normal(markup: bool, size: int, rng: random.Random) -> bytes:
    if markup:
        return news_page(markup_bytes=size, words=max(50, size // 300), seed=rng.randint(0, 1000))
    return news_text(size, seed=rng.randint(0, 10_000))[:size].encode("utf-8")


def _one(
    value: bytes, settings: Settings, analyzer: EntityAnalyzer, clock: Callable[[], float]
) -> Timed:
    """One record alone through every stage: its time by ``clock``, and its one outcome."""
    started = clock()
    results = run_jobs([Job(None, value, {"path": "hostile"})], settings, analyzer=analyzer)
    seconds = clock() - started
    if len(results) != 1:
        raise AssertionError(f"{len(results)} outcomes for one record")
    return Timed(seconds, results[0].kind or "event")


def _report(classes, times, baseline, records, seconds) -> None:
    print(f"{records:,} hostile records in {seconds / 60:.1f} min, each one outcome")
    print()
    print("baseline: normal article (text) or page (markup) of the same size, median ms")
    for (markup, size), median in sorted(baseline.items()):
        print(f"  {'page' if markup else 'text'} {size:>9,}: {median * 1000:9.1f}")
    print()
    header = (
        f"{'class':20} {'records':>7} {'median':>7} {'p99':>7} {'max':>7}  worst at size   outcomes"
    )
    print(header + "\n" + "-" * len(header))
    worst_overall = ("", 0.0)
    for hostile in classes:
        by_size = times.get(hostile.name, {})
        ratios = {"median": [], "p99": [], "max": []}
        outcomes: Counter[str] = Counter()
        worst = (0, 0.0)
        count = 0
        for size, timed in by_size.items():
            base = baseline[hostile.markup, size]
            seconds = sorted(t.seconds for t in timed)
            outcomes.update(t.outcome for t in timed)
            count += len(timed)
            med, p99, top = statistics.median(seconds), _quantile(seconds, 0.99), seconds[-1]
            ratios["median"].append(med / base)
            ratios["p99"].append(p99 / base)
            ratios["max"].append(top / base)
            if top / base > worst[1]:
                worst = (size, top / base)
        if not count:
            continue
        row = {k: max(v) for k, v in ratios.items()}
        if row["median"] > worst_overall[1]:
            worst_overall = (hostile.name, row["median"])
        kinds = ", ".join(f"{k} {v}" for k, v in outcomes.most_common())
        print(
            f"{hostile.name:20} {count:7,} {row['median']:6.2f}x {row['p99']:6.2f}x "
            f"{row['max']:6.2f}x  {worst[0]:>12,}   {kinds}"
        )
    print()
    print(f"worst median ratio: {worst_overall[1]:.2f}x ({worst_overall[0]}); goal: at most 3x")
    sys.stdout.flush()


def _quantile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


if __name__ == "__main__":
    main()
