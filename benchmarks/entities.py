"""The entity stage: quality on our labelled set, speed, and the event loop while it works.

    python -m benchmarks.entities [--repeat 10]

1. Quality, on ``tests/data/entities/`` (see its README): precision, recall and F1 per type for
   the spaCy model alone and for the whole stage, scored as :mod:`tests.quality.entity_eval` says;
   how many annotated entities of several forms came out as one; how many annotated places got
   their country; checked against the floors pinned in ``tests/data/baselines/entities.json``.
   The blind batch (articles labelled before the stage first ran on them) and the others are
   scored apart too, beside the whole set, and the blind batch beside its first-run scores.
2. Speed, on the labelled articles repeated ``--repeat`` times: the bare model's ``nlp.pipe``
   on the same blocks (the baseline, measured in this run), then the stage in batches of
   ``COPYDESK_BATCH_SIZE``: articles/s, entities/s, words/s.
3. The event loop: the entities agent runs each batch in a thread (``run_in_executor``) so that
   Faust's heartbeats and commits keep running. The same batches run that way while a 5 ms
   ticker measures how late the loop wakes it (its lag), against the same batches run on the
   loop itself (the baseline: what a blocking agent would do).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from agents.entities.stage import EntityAnalyzer, content_blocks
from agents.pipeline import run_entities
from agents.records import StructuredArticle
from agents.settings import Settings
from tests.quality.entity_eval import (
    BASELINE,
    Counts,
    LabelledArticle,
    baseline,
    check_first_run,
    check_floors,
    load_labelled,
    regression_set,
    score_model,
    score_stage,
)

TICK_S = 0.005
#: The baseline file as a path from the repository root, for the report.
BASELINE_SHOWN = BASELINE.relative_to(BASELINE.parents[3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10, help="copies of the labelled set (10)")
    args = parser.parse_args()
    settings = Settings.from_env({})
    analyzer = EntityAnalyzer(settings.model)
    labelled = load_labelled()
    forms = sum(len(e.forms) for article in labelled for e in article.gold)
    print(f"labelled set: {len(labelled)} articles, {forms} annotated forms")
    _quality(labelled, analyzer)
    events = [article.event for article in labelled] * args.repeat
    size = settings.batch_size
    batches = [events[i : i + size] for i in range(0, len(events), size)]
    _speed(batches, analyzer)
    _event_loop(batches, analyzer, settings)


def _quality(labelled: list[LabelledArticle], analyzer: EntityAnalyzer) -> None:
    first_runs = baseline()["first_runs"]
    subsets = {"whole set": labelled}
    subsets |= {f"blind batch {b}": [a for a in labelled if a.batch == b] for b in first_runs}
    subsets["the others"] = [a for a in labelled if a.batch is None]
    failures: list[str] = []
    for name, articles in subsets.items():
        if not articles:
            continue
        model, stage = score_model(articles, analyzer), score_stage(articles, analyzer)
        print(f"\n{name}: {len(articles)} articles")
        _print_table({f: (_prf(model.by_type[f]), _prf(stage.by_type[f])) for f in _FAMILIES})
        _print_places(
            stage.merged, stage.to_merge, stage.wrong_merges, stage.places_right, stage.places,
            stage.admin1_right, stage.admin1_places,
        )  # fmt: skip
        batch = name.removeprefix("blind batch ")
        if batch in first_runs:
            first = first_runs[batch]
            print(f"{name}, first run (recorded in {BASELINE_SHOWN}):")
            _print_table({f: (first["model"][f], first["stage"][f]) for f in _FAMILIES})
            _print_places(
                *first["merged"], first["wrong_merges"], *first["places_right"],
                *first.get("admin1_right", (0, 0)),
            )  # fmt: skip
            failures += check_first_run(batch, stage)
    failures += check_floors(score_stage(regression_set(labelled), analyzer))
    for batch in baseline().get("batch_floors", {}):
        tuned = [article for article in labelled if article.batch == batch]
        failures += [f"{batch} {f}" for f in check_floors(score_stage(tuned, analyzer), batch)]
    print(f"\nquality gate (floors in {BASELINE_SHOWN}): " + ("; ".join(failures) or "pass"))


def _print_places(
    merged: int, to_merge: int, wrong: int, right: int, places: int, admin1: int, regions: int
) -> None:
    print(f"merged: {merged} of {to_merge} entities written several ways; wrong merges: {wrong}")
    print(f"places with the right country: {right} of {places}", end="")
    print(f"; with the right admin-1 region: {admin1} of {regions}" if regions else "")


_FAMILIES = ("PERSON", "ORG", "NORP", "PLACE", "ALL")


def _prf(counts: Counts) -> tuple[float, float, float]:
    return counts.precision, counts.recall, counts.f1


def _print_table(rows: dict[str, tuple[Sequence[float], Sequence[float]]]) -> None:
    """One line a type: the model's precision, recall and F1, then the stage's."""
    print(f"{'type':8} {'model P':>8} {'R':>6} {'F1':>6}   {'stage P':>8} {'R':>6} {'F1':>6}")
    for family, ((mp, mr, mf), (sp, sr, sf)) in rows.items():
        print(f"{family:8} {mp:8.3f} {mr:6.3f} {mf:6.3f}   {sp:8.3f} {sr:6.3f} {sf:6.3f}")


def _speed(batches: list[list[StructuredArticle]], analyzer: EntityAnalyzer) -> None:
    events = [event for batch in batches for event in batch]
    words = sum(len(e["text"].split()) for e in events)
    texts = [
        [e["text"][b["start"] : b["end"]] for e in batch for b in content_blocks(e)]
        for batch in batches
    ]
    model_s = _timed(lambda: [list(analyzer.nlp.pipe(t)) for t in texts])
    results: list = []
    stage_s = _timed(lambda: results.extend(r for b in batches for r in run_entities(b, analyzer)))
    found = sum(len(r["entities"]) for r in results)
    n = len(events)
    print()
    print(f"{n} articles, {words:,} words, batches of {len(batches[0])}")
    print(f"{'what':32} {'articles/s':>11} {'entities/s':>11} {'words/s':>9}")
    for what, seconds, entities in (
        ("baseline: bare model nlp.pipe", model_s, None),
        ("entities stage", stage_s, found),
    ):
        per_s = f"{entities / seconds:11,.0f}" if entities else " " * 11
        print(f"{what:32} {n / seconds:11,.1f} {per_s} {words / seconds:9,.0f}")
    print(f"stage / bare model time: {stage_s / model_s:.2f}x")


def _event_loop(
    batches: list[list[StructuredArticle]], analyzer: EntityAnalyzer, settings: Settings
) -> None:
    print()
    print(f"event loop, a {TICK_S * 1000:.0f} ms ticker while {len(batches)} batches run:")
    for name, threaded in (("baseline: on the loop", False), ("in a thread, as the agent", True)):
        lags = asyncio.run(_loop_lag(batches, analyzer, threaded))
        p99 = statistics.quantiles(lags, n=100, method="inclusive")[98]
        print(
            f"  {name:26} max lag {max(lags) * 1000:7.1f} ms   p99 {p99 * 1000:7.1f} ms   "
            f"median {statistics.median(lags) * 1000:5.2f} ms"
        )
    print(
        f"  (Faust heartbeats every {max(1.0, settings.session_timeout / 4):.1f} s; the group "
        f"drops a member silent for {settings.session_timeout:.0f} s)"
    )


async def _loop_lag(
    batches: list[list[StructuredArticle]], analyzer: EntityAnalyzer, threaded: bool
) -> list[float]:
    """How late a ticker wakes while the batches run, each as the agent runs it (or not)."""
    loop = asyncio.get_running_loop()
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            due = time.perf_counter() + TICK_S
            await asyncio.sleep(TICK_S)
            lags.append(max(0.0, time.perf_counter() - due))

    ticking = asyncio.create_task(ticker())
    await asyncio.sleep(TICK_S * 2)
    with ThreadPoolExecutor(max_workers=1) as thread:
        for batch in batches:
            if threaded:
                await loop.run_in_executor(thread, run_entities, batch, analyzer)
            else:
                run_entities(batch, analyzer)
                await asyncio.sleep(0)
    done.set()
    await ticking
    return lags


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
