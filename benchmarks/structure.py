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
from tests.quality.structure_eval import (
    BLIND_BATCHES,
    Labelled,
    baseline,
    floors,
    load_all,
    score,
    subsets,
)

#: The long article: this many copies of one wire story in a single event.
LONG_COPIES = 40
Item = TypeVar("Item")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="passes over the set to time (30)")
    parser.add_argument("--misses", action="store_true", help="show what each miss gave")
    args = parser.parse_args()
    labelled = load_all()
    html = [item for item in labelled if item.is_html]
    plain = [item for item in labelled if not item.is_html]
    groups = subsets(labelled)
    print(
        f"labelled sets: {len(labelled)} articles ({len(plain)} plain text, {len(html)} HTML); "
        f"held out {len(groups['held_out'])}, blind batches "
        + ", ".join(f"{b} {len(groups[b])}" for b in ("blind1", *BLIND_BATCHES))
        + "; 'first' is a batch's first run, before any fix it prompted"
    )
    results = {item.path: (item, structure_article(item.repaired)) for item in labelled}
    pinned, first_runs = floors(), baseline()["first_runs"]
    columns = {name: score(results[item.path] for item in items) for name, items in groups.items()}
    batches = [name for name in groups if name != "regression"]
    print(
        f"\n{'field':<16}{'floor':>6}{'regr.':>6}"
        + "".join(f"{name:>10}{'first':>6}" for name in batches)
        + "  misses"
    )
    for field_name in columns["regression"]:
        row = f"{field_name:<16}{pinned.get(field_name, 0):>6.2f}"
        row += f"{columns['regression'][field_name].value:>6.2f}"
        for name in batches:
            first = first_runs.get(name, {}).get(field_name)
            found = columns[name][field_name]
            row += f"{found.value:>10.2f}" if found.counted else f"{'-':>10}"
            row += f"{first:>6.2f}" if first is not None else f"{'-':>6}"
        misses = sum(
            len(columns[name][field_name].misses) for name in ("regression", *BLIND_BATCHES)
        )
        print(f"{row}  {misses}")
        if args.misses:
            for name in ("regression", *BLIND_BATCHES):
                for path, given in columns[name][field_name].misses.items():
                    print(f"{'':<18}{path}: {given!r}")

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
