"""What a worker pays before its first record: building the gazetteer, and the entity analyzer
(the spaCy model and the gazetteer), each in a fresh process.

    python -m benchmarks.startup [--rounds 5] [--against DIR]

Per build: its CPU time (the machine is shared: not wall-clock) and the peak resident memory of
the process before and after it, medians of the rounds. ``--against DIR``: another tree of the
project (``git archive COMMIT | tar -x -C DIR``) measured in the same rounds, alternated with
this one, and the ratios of the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BUILDS = ("gazetteer", "analyzer")


def build(what: str) -> dict[str, float]:
    """Build one thing in this process: its CPU seconds and peak RSS (MB) before and after."""
    from agents.entities.gazetteer import Gazetteer
    from agents.entities.stage import EntityAnalyzer
    from agents.settings import Settings

    model = Settings.from_env({}).model
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.process_time()
    if what == "gazetteer":
        Gazetteer.load()
    else:
        EntityAnalyzer(model)
    cpu = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"cpu_s": cpu, "peak_before_mb": before, "peak_mb": peak}


#: Runs this file in the other tree's directory, whose code it then imports (that tree need not
#: hold this file).
_RUN_THIS_FILE = (
    "import runpy, sys; sys.argv[:] = sys.argv[1:]; "
    "runpy.run_path(sys.argv[0], run_name='__main__')"
)


def in_fresh_process(what: str, tree: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-c", _RUN_THIS_FILE, __file__, "--child", what]
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        sys.exit(f"startup: building the {what} in {tree} failed: {last}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another tree, measured alternately")
    parser.add_argument("--child", choices=BUILDS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(build(args.child)))
        return
    if args.against and not (args.against / "agents").is_dir():
        parser.error(f"--against {args.against}: not a tree of the project")
    trees = {"this tree": Path.cwd()}
    if args.against:
        trees["against"] = args.against.resolve()
    runs: dict[tuple[str, str], list[dict[str, float]]] = {}
    for _ in range(args.rounds):
        for what in BUILDS:
            for name, tree in trees.items():
                runs.setdefault((what, name), []).append(in_fresh_process(what, tree))
    medians = {}
    for (what, name), results in runs.items():
        medians[what, name] = cpu = statistics.median(r["cpu_s"] for r in results)
        peak = statistics.median(r["peak_mb"] for r in results)
        before = statistics.median(r["peak_before_mb"] for r in results)
        cpus = ", ".join(f"{r['cpu_s']:.2f}" for r in sorted(results, key=lambda r: r["cpu_s"]))
        print(
            f"{what:9} {name:9}  CPU median {cpu:.2f} s ({cpus})  peak RSS {before:.0f} -> "
            f"{peak:.0f} MB"
        )
    if args.against:
        for what in BUILDS:
            ratio = medians[what, "against"] / medians[what, "this tree"]
            print(f"{what}: this tree {ratio:.2f} times as fast in CPU")


if __name__ == "__main__":
    main()
