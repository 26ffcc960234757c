"""Offline throughput of each stage and of ``copydesk process``, against baselines of the same run.

    python -m benchmarks.stages [--articles 300]

Baselines, measured here and now because the machines are shared and noisy: ``ftfy.fix_text`` on
the same texts (what the repair stage builds on) and the bare spaCy model's ``nlp.pipe`` on the
same texts (the bound on the entity stage). Ratios hold better than absolute figures.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

from agents.entities.model import load_ner
from agents.entities.stage import EntityAnalyzer
from agents.pipeline import run_entities, run_repair, run_structure
from agents.repair.intake import parse_raw_record
from agents.settings import Settings
from tests.quality.corpus import build_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="corpus size (300)")
    args = parser.parse_args()
    settings = Settings.from_env({})
    corpus = build_corpus(args.articles)
    words = sum(article.words for article in corpus)
    megabytes = sum(len(article.value) for article in corpus) / 1e6
    print(f"corpus: {len(corpus)} invented articles, {words:,} words, {megabytes:.2f} MB")

    raws = [parse_raw_record(None, a.value, max_bytes=settings.max_record_bytes) for a in corpus]
    repaired, repair_s, repair_lat = _each(lambda raw: run_repair(raw, settings), raws)
    texts = [event["text"] for event in repaired]
    _, ftfy_s, _ = _each(ftfy.fix_text, texts)
    structured, structure_s, structure_lat = _each(run_structure, repaired)

    analyzer = EntityAnalyzer(settings.model)
    nlp = load_ner(settings.model)
    started = time.perf_counter()
    for batch in _batches(texts, settings.batch_size):
        list(nlp.pipe(batch, batch_size=settings.batch_size))
    model_s = time.perf_counter() - started
    started = time.perf_counter()
    for batch in _batches(structured, settings.batch_size):
        run_entities(batch, analyzer)
    entities_s = time.perf_counter() - started

    cli_s, startup_s = _cli(corpus)
    n = len(corpus)
    print()
    print(f"{'what':44} {'articles/s':>11} {'p50 ms':>8} {'p95 ms':>8}")
    _row("baseline: ftfy.fix_text", n / ftfy_s)
    _row("repair stage (intake, decode, repair)", n / repair_s, repair_lat)
    _row("structure stage", n / structure_s, structure_lat)
    _row("baseline: bare spaCy nlp.pipe (NER only)", n / model_s)
    _row(f"entities stage, batches of {settings.batch_size}", n / entities_s)
    _row("copydesk process (whole CLI run)", n / cli_s)
    _row("copydesk process, start-up excluded", n / max(1e-9, cli_s - startup_s))
    print()
    print(f"repair stage / ftfy.fix_text time:        {repair_s / ftfy_s:6.2f}x")
    print(f"entities stage / bare model time:         {entities_s / model_s:6.2f}x")
    share = entities_s / (repair_s + structure_s + entities_s)
    print(f"entities share of the offline pipeline:   {share:6.1%}")
    print(f"words/s through the entities stage:       {words / entities_s:8,.0f}")
    print(f"copydesk process start-up (one article):  {startup_s:6.2f} s")


def _each(fn: Callable, items: list) -> tuple[list, float, list[float]]:
    results, latencies = [], []
    started = time.perf_counter()
    for item in items:
        t = time.perf_counter()
        results.append(fn(item))
        latencies.append((time.perf_counter() - t) * 1000)
    return results, time.perf_counter() - started, latencies


def _batches(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _cli(corpus: list) -> tuple[float, float]:
    """Wall time of ``copydesk process`` on the corpus, and on one article (its start-up)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for article in corpus:
            (folder / f"{article.id}.txt").write_bytes(article.value)
        one = folder / f"{corpus[0].id}.txt"
        times = []
        for target in (folder, one):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "agents", "process", str(target)],
                stdout=subprocess.DEVNULL,
                check=True,
            )
            times.append(time.perf_counter() - started)
    return times[0], times[1]


def _row(what: str, rate: float, latencies: list[float] | None = None) -> None:
    if latencies:
        p50 = statistics.median(latencies)
        p95 = statistics.quantiles(latencies, n=20)[18]
        print(f"{what:44} {rate:11,.1f} {p50:8.2f} {p95:8.2f}")
    else:
        print(f"{what:44} {rate:11,.1f} {'':>8} {'':>8}")


if __name__ == "__main__":
    main()
