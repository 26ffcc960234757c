"""Text hygiene: invisible and odd characters and leaked tags fixed and reported, what correct text
uses kept."""

from __future__ import annotations

import pytest

from agents.repair.stage import repair_text


@pytest.mark.parametrize(
    ("damaged", "fixed", "kind"),
    [
        ("Word\u200bbreak and join\u2060ed\n", "Wordbreak and joined\n", "zero_width"),
        ("Odd\u2009thin and\u2003em spaces\n", "Odd thin and em spaces\n", "odd_space"),
        (
            "First para.</p><p>Second <b>bold</b> one.<br/>End\n",
            "First para.\nSecond bold one.\nEnd\n",
            "leaked_tag",
        ),
    ],
)
def test_repair_hygiene_fixes_are_reported(damaged: str, fixed: str, kind: str) -> None:
    out, repairs = repair_text(damaged)
    assert out == fixed and {r["kind"] for r in repairs} == {kind}
    for repair in repairs:
        a, b = repair["input_span"]
        c, d = repair["output_span"]
        assert damaged[a:b] == repair["before"] and out[c:d] == repair["after"]


@pytest.mark.parametrize(
    "text",
    [
        "Emoji families stay: 👩\u200d👩\u200d👧, and Persian "
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.\n",
        "Thai words\u200bไทย\u200bคำ keep their break hints; "
        "« no-break\u00a0spaces » and \u202fnarrow ones.\n",
        "A\u3000ideographic space, and a<b comparison, x > y.\n",
    ],
)
def test_repair_hygiene_keeps_what_correct_text_uses(text: str) -> None:
    assert repair_text(text) == (text, [])
