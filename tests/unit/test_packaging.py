"""A plain (non-editable) install carries everything copydesk reads at run time."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT

#: Run from the unpacked wheel, in a directory with no checkout: schemas and examples must come
#: from the package itself.
CHECK = """
import agents.contracts, agents.local.demo
from agents.contracts import SCHEMA_DIR, problems
assert SCHEMA_DIR.is_relative_to(WHEEL), SCHEMA_DIR
assert problems({"id": "x", "text": "t"}, "raw-article/1") == []
assert problems({"id": 1}, "raw-article/1")
assert sorted(p.name for p in agents.local.demo.EXAMPLES.iterdir())
print("ok")
"""


def test_packaging_wheel_validates_events_without_a_checkout(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr.decode()
    (wheel,) = tmp_path.glob("copydesk-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert sorted(name for name in names if name.startswith("agents/schemas/")) == sorted(
        f"agents/schemas/{path.name}" for path in (ROOT / "schemas").glob("*.json")
    )
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            f"from pathlib import Path; WHEEL = Path({str(unpacked)!r})\n" + CHECK,
        ],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(unpacked)},
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.strip() == b"ok", done.stderr.decode()
