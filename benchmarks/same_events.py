"""Whether a change left every event as it was: digests of ``run_jobs``'s outputs, compared.

    python -m benchmarks.same_events --write before.json    # at the old commit
    python -m benchmarks.same_events --compare before.json  # at the new one

For speed work that must not change any output. The records: the labelled entity set, the
structure sets, the news corpus, the duplicate set, the labelled pages, and every hostile class
(:mod:`benchmarks.hostile`) at a few sizes, seeded. Each goes through every stage in batches as
the worker runs them; each output (event or dead letter) is digested without what differs from
run to run (the stages' timings, when a record was received or failed). ``--compare`` names every
record whose outputs differ and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from agents.entities.stage import EntityAnalyzer
from agents.pipeline import Job, run_jobs
from agents.settings import Settings
from benchmarks.hostile import CLASSES
from tests.quality.duplicate_set import build_duplicate_set
from tests.quality.news import news_records
from tests.quality.structure_eval import BLIND_BATCHES, LABELS, ROOT

DATA = ROOT / "tests" / "data"
#: Fields that differ from run to run, whatever the code.
VOLATILE = frozenset({"timings", "received_at", "failed_at"})
HOSTILE_SIZES = (300, 1_000, 4_000)


def records() -> Iterator[tuple[str, bytes]]:
    """(name, raw value) of every record compared."""
    for path in sorted((DATA / "entities").glob("*.txt")):
        yield f"entities/{path.stem}", path.read_bytes()
    for labels in (LABELS, *BLIND_BATCHES.values()):
        for expected in json.loads(labels.read_text(encoding="utf-8"))["articles"]:
            yield f"structure/{expected['path']}", (ROOT / expected["path"]).read_bytes()
    for article in news_records(len(list((DATA / "news").glob("*.txt")))):
        yield article.id, article.value
    for article in build_duplicate_set():
        yield f"duplicates/{article.id}", article.text.encode("utf-8")
    for path in sorted((DATA / "pages").glob("*.html")):
        yield f"pages/{path.stem}", path.read_bytes()
    rng = random.Random(7)
    for hostile in CLASSES:
        for size in (3_000, 30_000) if hostile.markup else HOSTILE_SIZES:
            yield f"hostile/{hostile.name}/{size}", hostile.make(size, rng)


def digests(settings: Settings, analyzer: EntityAnalyzer) -> dict[str, str]:
    """Each record's name and the digest of its outputs, in order."""
    named = list(records())
    found: dict[str, str] = {}
    for i in range(0, len(named), settings.batch_size):
        batch = named[i : i + settings.batch_size]
        results = run_jobs([Job(None, value) for _, value in batch], settings, analyzer=analyzer)
        for (name, _), result in zip(batch, results, strict=True):
            digest = hashlib.sha256()
            for output in result.outputs:
                digest.update(output.role.encode() + b"\0" + (output.key or b"") + b"\0")
                digest.update(json.dumps(_stable(json.loads(output.value))).encode() + b"\n")
            found[name] = digest.hexdigest()
    return found


def _stable(value: object) -> object:
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="write the digests to this file")
    action.add_argument("--compare", type=Path, help="compare with the digests in this file")
    args = parser.parse_args()
    settings = Settings.from_env({})
    found = digests(settings, EntityAnalyzer(settings.model))
    if args.write:
        args.write.write_text(json.dumps(found, indent=0), encoding="utf-8")
        print(f"{len(found)} records' digests written to {args.write}")
        return
    try:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        sys.exit(f"cannot read {args.compare}: {exc}")
    changed = sorted(
        name for name in before.keys() | found.keys() if before.get(name) != found.get(name)
    )
    for name in changed:
        print(f"differs: {name}")
    print(f"{len(found)} records, {len(changed)} with other outputs")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
