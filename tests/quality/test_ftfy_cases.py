"""ftfy's own cases (../shared/data/ftfy-cases, Apache-2.0): the repair stage passes every case ftfy
passes, leaves the negative ones alone, and its fast path changes nothing on any of them."""

from __future__ import annotations

import json
import subprocess
import sys

import ftfy
import pytest
from ftfy.fixes import uncurl_quotes

from agents.repair.stage import _repair_lines, repair_text
from tests.conftest import SHARED


def _ftfy_cases(name: str) -> list:
    path = SHARED / "data" / "ftfy-cases" / name
    if not path.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{path} is not there"))]
    return [pytest.param(case, id=case["label"][:60]) for case in json.loads(path.read_text())]


ALL_CASES = [
    case
    for name in (
        "in-the-wild.json",
        "synthetic.json",
        "negative.json",
        "language-names.json",
        "known-failures.json",
    )
    for case in _ftfy_cases(name)
]


@pytest.mark.parametrize("case", _ftfy_cases("negative.json"))
def test_repair_leaves_ftfy_negative_cases_alone(case: dict) -> None:
    # "fixed" may straighten quotes or map a stray C1 control; "fixed-encoding" does neither.
    assert repair_text(case["original"])[0] in (case["fixed"], case.get("fixed-encoding"))


def test_repair_process_until_repair_passes_every_ftfy_case_ftfy_passes(tmp_path) -> None:
    """Through ``copydesk process --until repair``, the offline path of the worker's stages.

    The expectation is ftfy's ``fixed`` (``fix_text``) with one deliberate difference: copydesk
    keeps curly quotes, so its text must equal ``fixed`` once its quotes are straightened, or equal
    ``fixed-encoding`` (ftfy's own expectation for a run that keeps quotes and mapping alone).
    Cases ftfy itself gets wrong (its known failures) are only held to doing as well as ftfy.
    """
    cases = [p.values[0] for p in ALL_CASES]
    if None in cases:
        pytest.skip("ftfy's cases are not in ../shared")
    feed = tmp_path / "cases.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"id": f"case-{n}", "text": c["original"]}) + "\n"
            for n, c in enumerate(cases)
        )
    )
    done = subprocess.run(
        [sys.executable, "-m", "agents", "process", "--until", "repair", str(feed)],
        capture_output=True,
        check=True,
    )
    # One event per line: split at "\n" only, the text holds U+0085 and U+2028.
    lines = done.stdout.decode("utf-8").split("\n")
    events = {e["id"]: e for e in map(json.loads, filter(None, lines))}
    failures = []
    for n, case in enumerate(cases):
        if ftfy.fix_text(case["original"]) != case["fixed"]:
            continue  # ftfy fails it too
        text = events[f"case-{n}"]["text"]
        if case["fixed"] not in (text, uncurl_quotes(text)) and text != case.get("fixed-encoding"):
            failures.append(case["label"])
    assert failures == []
    assert sum(ftfy.fix_text(c["original"]) == c["fixed"] for c in cases) >= 152


@pytest.mark.parametrize("case", ALL_CASES)
def test_repair_fast_path_gives_the_slow_paths_output_on_ftfy_cases(case: dict) -> None:
    text = case["original"] + "\n" + case["fixed"]
    assert _repair_lines(text, markup=False, fast=True) == _repair_lines(
        text, markup=False, fast=False
    )
