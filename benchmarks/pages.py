"""Body text from real-shaped news pages: copydesk against trafilatura, in the same run.

    python -m benchmarks.pages [--rounds 3] [--pages NAME ...] [--diff] [--json FILE]

Quality, on ``tests/data/pages/`` (42 pages, 28 KB to 1.3 MB; its README gives the labelling
rules): each page's body text scored against its label with a word 4-gram shingle F1
(:mod:`tests.quality.page_eval` defines the tokens and the shingles), per page and over the set
(micro: pooled counts; macro: the mean of pages), for

- **copydesk**: the structured event's body, its headings and paragraphs in reading order (the
  labels count in-body subheadings as body text), the page going through intake and repair as
  the pipeline takes it (its bytes, decoded by the repair stage), with the size limits raised
  out of the way (see :data:`tests.quality.page_eval.NO_LIMIT`); and its ``paragraphs`` alone;
- **trafilatura** alone, the baseline: ``trafilatura.extract`` with its defaults on the same
  markup the structure stage reads (the repaired page), its text lines as paragraphs; and, for
  reference, with ``include_comments=False`` (its default keeps comment threads, which the
  labels never count).

Speed: the median over ``--rounds`` of each page's time, and the total over the set, for the
structure stage on the repaired page (the HTML path, trafilatura's reading included), for repair
and structure together, and for ``trafilatura.extract`` alone on the same markup, the three
taking turns on each page; CPU time (``time.process_time``), which a shared machine's load
disturbs less than wall time. Ratios hold better than absolute figures.

Figures are against ``tests/data/baselines/pages.json``: both extractors' first run, before the
stage was changed for these pages, and copydesk's floors.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura

from tests.quality.page_eval import (
    Page,
    baseline,
    body_score,
    copydesk_body,
    copydesk_event,
    copydesk_paragraphs,
    load_pages,
    repaired_page,
    summarise,
    tokens,
)

#: What is scored: copydesk's body (headings and paragraphs), its paragraphs alone (the field
#: ``paragraphs``, without subheadings), trafilatura's text with its defaults (the baseline), and
#: with comments left out (for reference: the labels never count comments).
EXTRACTORS = ("copydesk", "copydesk_paragraphs", "trafilatura", "trafilatura_no_comments")


def trafilatura_body(markup: str, **options: Any) -> list[str]:
    """trafilatura's own body text, with its defaults unless ``options`` say otherwise: one
    paragraph a line of its text."""
    text = trafilatura.extract(markup, **options) or ""
    return [line for line in text.splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rounds", type=int, default=3, help="timed passes over the set (3; 0: no timing)"
    )
    parser.add_argument("--pages", nargs="*", help="only these pages (names without .html)")
    parser.add_argument("--diff", action="store_true", help="show what each extractor lost/added")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    pages = [p for p in load_pages() if not args.pages or p.name in args.pages]
    events = {page.name: repaired_page(page) for page in pages}
    structured = {page.name: copydesk_event(events[page.name]) for page in pages}
    bodies = {
        page.name: {
            "copydesk": copydesk_body(structured[page.name]),
            "copydesk_paragraphs": copydesk_paragraphs(structured[page.name]),
            "trafilatura": trafilatura_body(events[page.name]["html"]),
            "trafilatura_no_comments": trafilatura_body(
                events[page.name]["html"], include_comments=False
            ),
        }
        for page in pages
    }
    scores = {
        name: {page.name: body_score(bodies[page.name][name], page.body) for page in pages}
        for name in EXTRACTORS
    }
    words = sum(len(" ".join(page.body).split()) for page in pages)
    print(
        f"{len(pages)} labelled pages, {sum(len(p.markup) for p in pages) / 1e6:.1f} MB of "
        f"markup, {words:,} words of body; word 4-gram shingle precision / recall / F1"
    )
    print(f"\n{'page':<30}{'KB':>6}   {'copydesk P   R    F1':<22}{'trafilatura P   R    F1':<24}")
    for page in pages:
        row = f"{page.name:<30}{len(page.markup) / 1024:>6.0f}"
        for name in ("copydesk", "trafilatura"):
            s = scores[name][page.name]
            row += f"   {s.precision:.2f} {s.recall:.2f} {s.f1:.2f}" + " " * 5
        behind = scores["copydesk"][page.name].f1 < scores["trafilatura"][page.name].f1
        flag = " <" if behind else ""
        print(row.rstrip() + flag)
        if args.diff:
            for name in ("copydesk", "trafilatura"):
                _show_diff(name, bodies[page.name][name], page.body)
    summaries = {name: summarise(list(scores[name].values())) for name in EXTRACTORS}
    pinned = _pinned()
    print(f"\n{'set':<30}{'precision':>10}{'recall':>8}{'F1':>8}   first run P / R / F1")
    for name in EXTRACTORS:
        for kind in ("micro", "macro"):
            p, r, f1 = getattr(summaries[name], kind)
            first = pinned.get("first_run", {}).get(name, {}).get(kind)
            was = (
                f"{first['precision']:.3f} / {first['recall']:.3f} / {first['f1']:.3f}"
                if first
                else "-"
            )
            print(f"{name + ', ' + kind:<30}{p:>10.3f}{r:>8.3f}{f1:>8.3f}   {was}")
    ahead = sum(scores["copydesk"][n].f1 >= scores["trafilatura"][n].f1 for n in scores["copydesk"])
    print(f"copydesk's F1 at least trafilatura's on {ahead} of {len(pages)} pages")

    timings = _speed(pages, events, args.rounds) if args.rounds else {}
    if args.json:
        figures: dict[str, Any] = {
            name: {
                **summaries[name].as_dict(),
                "pages": {
                    page: [round(s.precision, 4), round(s.recall, 4), round(s.f1, 4)]
                    for page, s in scores[name].items()
                },
            }
            for name in EXTRACTORS
        }
        figures["speed"] = timings
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")


def _pinned() -> dict[str, Any]:
    try:
        return baseline()
    except FileNotFoundError:
        return {}


def _show_diff(name: str, found: list[str], label: list[str]) -> None:
    """The label's paragraphs an extractor lost, and its paragraphs the label does not have: a
    paragraph counts as kept when its words stand in a row in the other side's words."""
    for paragraphs, others, verb in ((label, found, "lost: "), (found, label, "added:")):
        stream = f" {' '.join(word for text in others for word in tokens(text))} "
        for paragraph in paragraphs:
            if f" {' '.join(tokens(paragraph))} " not in stream:
                print(f"      {name} {verb} {paragraph[:110]}")


def _speed(pages: list[Page], events: dict[str, Any], rounds: int) -> dict[str, Any]:
    """Per-page median milliseconds of CPU time and the set's total, for each path. CPU time, and
    the paths taking turns on each page round after round, so that a shared machine's load
    weighs on the figures as little as it can."""
    from agents.structure.stage import structure_article

    paths: dict[str, Callable[[Page], Any]] = {
        "structure (HTML path)": lambda page: structure_article(events[page.name]),
        "repair + structure": lambda page: structure_article(repaired_page(page)),
        "trafilatura.extract": lambda page: trafilatura.extract(events[page.name]["html"]),
    }
    times: dict[str, dict[str, list[float]]] = {label: {} for label in paths}
    for _ in range(rounds):
        for page in pages:
            for label, work in paths.items():
                begun = time.process_time()
                work(page)
                times[label].setdefault(page.name, []).append(time.process_time() - begun)
    print(f"\nspeed, CPU time, {rounds} rounds over {len(pages)} pages (median ms a page; set: s)")
    found: dict[str, Any] = {}
    for label in paths:
        per_page = [statistics.median(runs) for runs in times[label].values()]
        found[label] = {
            "median_ms": round(statistics.median(per_page) * 1000, 2),
            "max_ms": round(max(per_page) * 1000, 1),
            "set_s": round(sum(per_page), 3),
        }
        print(
            f"  {label:<24}{found[label]['median_ms']:>8.1f} ms median  "
            f"{found[label]['max_ms']:>8.1f} ms at most  {sum(per_page):>7.2f} s the set"
        )
    ratio = found["structure (HTML path)"]["set_s"] / found["trafilatura.extract"]["set_s"]
    print(f"  structure / trafilatura.extract time: {ratio:.2f}")
    found["structure_over_trafilatura"] = round(ratio, 2)
    return found


if __name__ == "__main__":
    main()
