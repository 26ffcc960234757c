"""Repair quality and speed on clean and damaged articles, against ``ftfy.fix_text`` run alongside.

    python -m benchmarks.repair [--repeat 3]

For each set, each repairer's output is judged against the original text: *repaired* (equal to
it), *missed* (damaged input left as it was) or *harmed* (changed, but not into the original: a
false or partial fix; on clean text, any change). ``ftfy.fix_text`` runs twice: with its defaults,
judged with curly quotes straightened on both sides (straightening is its choice, not harm, but
narrowing full-width CJK punctuation is), and with copydesk's options (quotes and width kept).
Throughput is the best of ``--repeat`` timed passes over each set, in the process's CPU time: the
machines are shared and noisy, and wall-clock time counts the other processes' turns too; the
ratios still mean more than the absolute figures. The legacy scorer reads its frequency lists at
the first island (about 0.65 s), before any timed pass.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable

import ftfy
from ftfy.fixes import uncurl_quotes

from agents.repair.stage import FTFY_CONFIG, _repair_lines, repair_text
from benchmarks.repair_sets import Case, clean_set, damaged_set, han_island_set, news_set

Repairer = Callable[[str], str]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per set (3)")
    args = parser.parse_args()
    clean, damaged = clean_set(), damaged_set()
    repairers: dict[str, tuple[Repairer, Callable[[str], str]]] = {
        "copydesk repair_text": (lambda t: repair_text(t)[0], str),
        "ftfy.fix_text, defaults": (ftfy.fix_text, uncurl_quotes),
        "ftfy.fix_text, copydesk's options": (lambda t: ftfy.fix_text(t, FTFY_CONFIG), str),
    }
    for label, cases in (("clean", clean), ("damaged", damaged)):
        size = sum(len(c.text.encode("utf-8")) for c in cases) / 1e6
        print(f"\n{label} set: {len(cases)} articles, {size:.2f} MB")
        print(
            f"{'repairer':36} {'repaired':>9} {'missed':>7} {'harmed':>7} {'art/s':>8} {'MB/s':>6}"
        )
        for name, (repair, judge_form) in repairers.items():
            counts, _ = _judge(cases, repair, judge_form)
            seconds = _best_time(cases, repair, args.repeat)
            print(
                f"{name:36} {counts['repaired']:9} {counts['missed']:7} {counts['harmed']:7} "
                f"{len(cases) / seconds:8,.0f} {size / seconds:6.2f}"
            )
        if label == "damaged":
            _by_kind(cases)
            _by_kind(
                han_island_set(), "Han names alone in English (GBK or EUC-JP? the island decides)"
            )
            _by_kind(news_set(), "Big5 and Korean news with hanja and symbols, whole and islands")
            _by_kind(news_set(batch=2), "the same, second batch (written after the scorer changed)")
    ftfy_s = _best_time(clean, ftfy.fix_text, args.repeat)
    fast_s = _best_time(clean, lambda t: repair_text(t)[0], args.repeat)
    slow_s = _best_time(clean, lambda t: _repair_lines(t, markup=False, fast=False)[0], args.repeat)
    print(f"\nclean text, copydesk (fast path) / ftfy.fix_text time: {fast_s / ftfy_s:6.2f}x")
    print(f"clean text, copydesk without fast path / ftfy time:     {slow_s / ftfy_s:6.2f}x")


def _judge(cases: list[Case], repair: Repairer, form: Callable[[str], str]) -> tuple[Counter, list]:
    counts: Counter = Counter(repaired=0, missed=0, harmed=0)
    wrong = []
    for case in cases:
        out = repair(case.text)
        if form(out) == form(case.original):
            counts["repaired"] += 1
        elif out == case.text:
            counts["missed"] += 1
        else:
            counts["harmed"] += 1
            wrong.append(case.name)
    return counts, wrong


def _by_kind(cases: list[Case], title: str = "per kind of damage") -> None:
    """copydesk's result per kind of damage (codec pair, whole text or island)."""
    kinds: dict[str, list[Case]] = {}
    for case in cases:
        kinds.setdefault(case.name.rsplit("-", 1)[0], []).append(case)
    print(f"\ncopydesk, {title} (repaired/missed/harmed):")
    for kind, members in kinds.items():
        counts, _ = _judge(members, lambda t: repair_text(t)[0], str)
        print(f"  {kind:28} {counts['repaired']}/{counts['missed']}/{counts['harmed']}")


def _best_time(cases: list[Case], repair: Repairer, repeat: int) -> float:
    best = float("inf")
    for _ in range(max(1, repeat)):
        started = time.process_time()
        for case in cases:
            repair(case.text)
        best = min(best, time.process_time() - started)
    return best


if __name__ == "__main__":
    main()
