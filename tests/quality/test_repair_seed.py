"""The repair stage on the seed article (read from ../shared, never copied here): its GBK site name
and furniture line restored, nothing else changed."""

from __future__ import annotations

from agents.repair.stage import repair_text
from tests.helpers import assert_spans


def test_legacy_mojibake_seed_article_site_name_and_furniture(seed_bytes: bytes) -> None:
    text = seed_bytes.decode("utf-8")
    lines = text.split("\n")
    first, last = lines[0], [line for line in lines if line.strip()][-1]
    fixed, repairs = repair_text(text)
    legacy = [r for r in repairs if r["kind"] == "legacy_mojibake"]
    # What the GBK bytes say, worked out here with Python's codec, not with copydesk's code.
    expected = [first.encode("latin-1").decode("gbk"), last.encode("latin-1").decode("gbk")]
    assert [r["after"] for r in legacy] == expected
    assert [r["before"] for r in legacy] == [first, last]
    assert {r["codec"] for r in legacy} == {"gbk read as latin-1"}
    assert fixed.startswith(expected[0] + "\n") and fixed.rstrip().endswith(expected[1])
    assert_spans(text, fixed, repairs)
