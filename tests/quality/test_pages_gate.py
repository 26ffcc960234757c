"""Quality gate: copydesk's body text on the labelled pages (``tests/data/pages/``) stays above
its floors in ``tests/data/baselines/pages.json``, and above trafilatura's own first-run figures
on the same pages (:mod:`tests.quality.page_eval` scores it; ``python -m benchmarks.pages``
prints the figures, trafilatura's in the same run)."""

from __future__ import annotations

import pytest

from tests.quality.page_eval import (
    Counts,
    Page,
    baseline,
    body_score,
    copydesk_body,
    copydesk_event,
    load_pages,
    repaired_page,
    summarise,
)


@pytest.fixture(scope="module")
def scored() -> list[tuple[Page, Counts]]:
    return [
        (page, body_score(copydesk_body(copydesk_event(repaired_page(page))), page.body))
        for page in load_pages()
    ]


def test_pages_body_text_stays_above_its_floors(scored: list[tuple[Page, Counts]]) -> None:
    summary = summarise([counts for _, counts in scored]).as_dict()
    floors = baseline()["floors"]
    below = {
        (kind, measure): (summary[kind][measure], floor)
        for kind, measures in floors.items()
        for measure, floor in measures.items()
        if summary[kind][measure] < floor
    }
    assert below == {}


def test_pages_body_text_beats_trafilatura_first_run(scored: list[tuple[Page, Counts]]) -> None:
    """Page by page, copydesk's F1 is at least trafilatura's (its defaults: 2.3.1 is pinned,
    so its first-run figures are its figures)."""
    theirs = baseline()["first_run"]["trafilatura"]["pages"]
    behind = {
        page.name: (round(counts.f1, 4), theirs[page.name][2])
        for page, counts in scored
        if round(counts.f1, 4) < theirs[page.name][2]
    }
    assert behind == {}
