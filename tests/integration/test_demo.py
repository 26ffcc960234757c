"""``copydesk demo``, the README's main job: its own embedded broker and worker, then a summary."""

from __future__ import annotations

import subprocess
import sys

import pytest

from agents.local.demo import demo_records

pytestmark = pytest.mark.integration


def test_demo_accounts_for_every_record_and_stops_cleanly() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "agents", "demo"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    # It publishes only once the worker is ready, so latencies are the pipeline's own.
    assert out.index("worker ready") < out.index("published ")
    assert f"all {len(demo_records())} records accounted for, 1 alert(s)" in out
    assert "worker stopped (exit 0), broker stopped" in out
    assert out.count("!! dead letter") == 3 and "== Floods cut off towns" in out
    # The per-entity topic: every named entity of every enriched article came out, keyed.
    assert "== articles.entities: " in out and "entity keys; the most cited:" in out
    # The story breaks, its two syndicated copies are marked as its duplicates, one alert fires.
    assert out.index("the story is syndicated") < out.index("duplicate of ")
    assert out.count("first in its story") >= 3
    strike = next(line for line in out.splitlines() if line.startswith("   duplicate of "))
    story = strike.rsplit("story ", 1)[1]
    assert f"first in its story ({story})" in out[: out.index("the story is syndicated")]
    assert out.count(f"duplicate of {story} ") == 2
    assert out.count("!! alert [high] Port strikes: ") == 1
    assert f"story {story}" in out[out.index("!! alert") :]
