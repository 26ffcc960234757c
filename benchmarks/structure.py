"""The structure stage on a labelled set: per-field accuracy, and articles per second.

    python -m benchmarks.structure [--rounds 30] [--misses]

Accuracy: each field of each article against labels written by hand (see
:mod:`tests.quality.structure_eval`). Speed: the stage on the same repaired events, plain text and
HTML apart, against a baseline measured in the same run: trafilatura's ``bare_extraction`` alone
on the same HTML pages (the extractor the HTML path builds on), so the ratio says what copydesk's
own analysis costs on top of it; and one long article (forty wire stories, about 50 KB), where a
pattern that goes quadratic would show. Ratios hold better than absolute figures on a shared
machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from trafilatura import bare_extraction

from agents.records import RepairedArticle
from agents.structure.stage import structure_article
from tests.helpers import article, repaired
from tests.quality.structure_eval import Labelled, baseline, floors, load_set, score

#: The long article: this many copies of one wire story in a single event.
LONG_COPIES = 40
Item = TypeVar("Item")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="passes over the set to time (30)")
    parser.add_argument("--misses", action="store_true", help="show what each miss gave")
    args = parser.parse_args()
    labelled = load_set()
    html = [item for item in labelled if item.is_html]
    plain = [item for item in labelled if not item.is_html]
    print(
        f"labelled set: {len(labelled)} articles ({len(plain)} plain text, {len(html)} HTML; "
        f"{sum(item.held_out for item in labelled)} held out: written and labelled before the "
        f"code saw them, {sum(item.blind for item in labelled)} of them the latest, blind batch; "
        "'first run' is their score then, before the fixes they prompted)"
    )

    results = [(item, structure_article(item.repaired)) for item in labelled]
    scores = score(results)
    held_out = score((item, event) for item, event in results if item.held_out)
    blind = score((item, event) for item, event in results if item.blind)
    pinned, first_run = floors(), baseline()["held_out_first_run"]
    blind_first_run = baseline().get("blind_first_run", {})
    print(
        f"\n{'field':<14}{'all':>7}{'floor':>7}{'held out':>10}{'first run':>11}"
        f"{'blind':>7}{'first run':>11}  misses"
    )
    for name, found in scores.items():
        print(
            f"{name:<14}{found.value:>7.2f}{pinned.get(name, 0):>7.2f}"
            f"{held_out[name].value:>10.2f}{first_run.get(name, 0):>11.2f}"
            f"{blind[name].value:>7.2f}{blind_first_run.get(name, 0):>11.2f}  {len(found.misses)}"
        )
        if args.misses:
            for path, given in found.misses.items():
                print(f"{'':<16}{path}: {given!r}")

    print(f"\nspeed, {args.rounds} rounds (median of per-article times):")
    plain_rate, plain_ms = _rate(plain, args.rounds, lambda item: structure_article(item.repaired))
    html_rate, html_ms = _rate(html, args.rounds, lambda item: structure_article(item.repaired))
    bare_rate, bare_ms = _rate(html, args.rounds, _bare_extraction)
    long = repaired(article("structure-wire-dateline.txt") * LONG_COPIES)
    long_rate, long_ms = _rate([long], args.rounds, _structure_event)
    print(f"  structure, plain text        {plain_rate:>8,.0f} articles/s  {plain_ms:.2f} ms")
    print(f"  structure, HTML pages        {html_rate:>8,.0f} articles/s  {html_ms:.2f} ms")
    print(f"  baseline: trafilatura alone  {bare_rate:>8,.0f} articles/s  {bare_ms:.2f} ms")
    print(f"  HTML structure / trafilatura time: {bare_rate / html_rate:.2f}")
    print(
        f"  structure, one long article  {long_rate:>8,.0f} articles/s  {long_ms:.2f} ms"
        f"  ({LONG_COPIES} wire stories, {len(long['text']) / 1000:.0f} KB)"
    )


def _bare_extraction(item: Labelled) -> Any:
    return bare_extraction(item.repaired["html"], with_metadata=True)


def _structure_event(event: RepairedArticle) -> Any:
    return structure_article(event)


def _rate(items: Sequence[Item], rounds: int, work: Callable[[Item], Any]) -> tuple[float, float]:
    """Articles per second over ``rounds`` passes, and the median milliseconds per article."""
    for item in items:
        work(item)  # warm up: caches, the language model
    times = []
    started = time.perf_counter()
    for _ in range(rounds):
        for item in items:
            begun = time.perf_counter()
            work(item)
            times.append(time.perf_counter() - begun)
    total = time.perf_counter() - started
    return len(times) / total, statistics.median(times) * 1000


if __name__ == "__main__":
    main()
