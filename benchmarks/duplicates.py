"""Near-duplicates and stories: quality on the labelled set, cost, and memory on a long stream.

    python -m benchmarks.duplicates [--articles 100000] [--no-model]

1. Precision and recall of ``duplicate_of`` on the labelled duplicate set
   (``tests/quality/duplicate_set.py``, 217 articles in stream order), articles given to the
   stages as a feed sends them. A predicted ``duplicate_of`` is right when it belongs to the
   article's labelled story (the set's README: any earlier article of the story is the same body).
   Goals: precision >= 0.97, recall >= 0.95.
2. Throughput cost: the stories stage's time against the pipeline's (repair, structure, entities
   with the model) on the same articles in the same run. Goal: at most 5%.
3. Memory: ``--articles`` bodies made by mutating the corpus (a quarter copies of an original,
   the rest new bodies: four words in five replaced, so that they share no more with each other
   than different articles do), seven days of them, through one index with
   the default seven-day window, then the same stream through a one-day window: the index's
   growth of the process's resident memory, and what it holds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Iterator
from datetime import datetime
from itertools import combinations

from agents.entities.stage import EntityAnalyzer
from agents.pipeline import run_entities, run_repair, run_structure
from agents.repair.intake import parse_raw_record
from agents.settings import Settings
from agents.stories import StoryIndex, mark_story
from agents.stories.shingles import jaccard, shingle_hashes
from tests.quality.duplicate_set import LabelledArticle, build_duplicate_set

DAY = 86_400.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="memory run (100000)")
    parser.add_argument(
        "--no-model", action="store_true", help="cost against repair and structure only"
    )
    args = parser.parse_args()
    settings = Settings.from_env({})
    labelled = build_duplicate_set()
    print(f"labelled set: {len(labelled)} articles, {len({a.story for a in labelled})} stories, "
          f"{sum(a.expected_duplicate_of is not None for a in labelled)} duplicates")  # fmt: skip

    events, pipeline_s = _pipeline(labelled, settings, with_model=not args.no_model)
    _quality(labelled, events, settings)
    _cost(events, pipeline_s, settings, with_model=not args.no_model)
    _memory(events, args.articles, settings)


def _pipeline(
    labelled: list[LabelledArticle], settings: Settings, *, with_model: bool
) -> tuple[list[dict], float]:
    """The labelled articles through the stages, and the time the stages took."""
    started = time.perf_counter()
    structured = []
    for article in labelled:
        raw = parse_raw_record(
            article.id.encode(), article.text.encode(), max_bytes=settings.max_record_bytes
        )
        structured.append(run_structure(run_repair(raw, settings)))
    if not with_model:
        return structured, time.perf_counter() - started
    early_s = time.perf_counter() - started
    analyzer = EntityAnalyzer(settings.model)  # loading is start-up, not throughput
    started = time.perf_counter()
    enriched: list[dict] = []
    for i in range(0, len(structured), settings.batch_size):
        enriched.extend(run_entities(structured[i : i + settings.batch_size], analyzer))
    return enriched, early_s + time.perf_counter() - started


def _times(labelled: list[LabelledArticle]) -> list[float]:
    return [
        datetime.fromisoformat(a.published.replace("Z", "+00:00")).timestamp() for a in labelled
    ]


def _quality(labelled: list[LabelledArticle], events: list[dict], settings: Settings) -> None:
    index = StoryIndex({}, window_s=settings.story_window_s)
    story = {a.id: a.story for a in labelled}
    right = wrong = missed = 0
    found_similarity: list[float] = []
    for article, event, now in zip(labelled, events, _times(labelled), strict=True):
        mark = mark_story(event, index, now)
        predicted, expected = mark["duplicate_of"], article.expected_duplicate_of
        if predicted is not None and story[predicted] == article.story and expected is not None:
            right += 1
            found_similarity.append(mark["similarity"])
        elif predicted is not None:
            wrong += 1
            print(f"  wrong: {article.id} ({article.kind}) marked a duplicate of {predicted}")
        if expected is not None and not (predicted and story[predicted] == article.story):
            missed += 1
            print(f"  missed: {article.id} ({', '.join(article.edits)})")
    precision = right / max(1, right + wrong)
    recall = right / max(1, right + missed)
    # The margin: the lowest similarity of a duplicate to its original, and the highest between
    # two articles of different stories (every pair of the set, not only the index's candidates).
    hashes = [shingle_hashes(e["paragraphs"]) for e in events]
    closest_other = max(
        (jaccard(hashes[i], hashes[j]), labelled[i].id, labelled[j].id)
        for i, j in combinations(range(len(labelled)), 2)
        if labelled[i].story != labelled[j].story
    )
    print()
    print("1. duplicate_of on the labelled set")
    print(f"   precision {precision:.3f} (goal >= 0.97), recall {recall:.3f} (goal >= 0.95): "
          f"{right} right, {wrong} wrong, {missed} missed")  # fmt: skip
    print(f"   similarity of the duplicates found: min {min(found_similarity):.2f}, "
          f"median {statistics.median(found_similarity):.2f}")  # fmt: skip
    print(f"   highest similarity of two articles of different stories: {closest_other[0]:.2f} "
          f"({closest_other[1]} / {closest_other[2]})")  # fmt: skip


def _cost(events: list[dict], pipeline_s: float, settings: Settings, *, with_model: bool) -> None:
    runs = []
    for _ in range(5):
        index = StoryIndex({}, window_s=settings.story_window_s)
        started = time.perf_counter()
        for n, event in enumerate(events):
            mark_story(event, index, float(n))
        runs.append(time.perf_counter() - started)
    stories_s = statistics.median(runs)
    n = len(events)
    against = "repair, structure, entities" if with_model else "repair and structure"
    print()
    print(f"2. throughput cost against the pipeline ({against}), {n} articles")
    print(f"   pipeline {n / pipeline_s:8.1f} articles/s ({pipeline_s / n * 1000:.1f} ms each)")
    print(f"   stories  {n / stories_s:8.1f} articles/s ({stories_s / n * 1000:.2f} ms each, "
          f"median of 5 runs)")  # fmt: skip
    print(f"   cost: {stories_s / pipeline_s:.1%} of the pipeline's time (goal <= 5%)")


def _bodies(events: list[dict], count: int, seed: int = 13) -> Iterator[list[str]]:
    """``count`` bodies made from the set's: a quarter copies (trimmed), the rest new bodies."""
    rng = random.Random(seed)
    originals = [e["paragraphs"] for e in events if len(e["paragraphs"]) >= 4]
    vocabulary = sorted({w for body in originals for p in body for w in p.split()})
    for _ in range(count):
        body = rng.choice(originals)
        if rng.random() < 0.25:
            yield body[: len(body) - rng.randint(0, 2)]
            continue
        yield [
            " ".join(w if rng.random() < 0.2 else rng.choice(vocabulary) for w in p.split())
            for p in body
        ]


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def _memory(events: list[dict], count: int, settings: Settings) -> None:
    print()
    print(f"3. memory: {count:,} articles over seven days")
    for window_days in (settings.story_window_days, 1.0):
        index = StoryIndex({}, window_s=window_days * DAY)
        before = _rss_mb()
        started = time.perf_counter()
        checkpoints = {count // 2, count}
        for n, body in enumerate(_bodies(events, count), 1):
            index.see(f"m{n}", None, body, n * 7 * DAY / count)
            if n in checkpoints:
                print(f"   window {window_days:g} days, after {n:>7,}: index holds "
                      f"{len(index):>7,} articles, {index.band_count():>9,} band keys; "
                      f"RSS +{_rss_mb() - before:6.0f} MB")  # fmt: skip
        per = (time.perf_counter() - started) / count * 1000
        print(f"   ({per:.2f} ms an article, generating the body included)")
        del index


if __name__ == "__main__":
    main()
