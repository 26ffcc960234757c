"""HTML pages: metadata from JSON-LD, meta tags and <time>; captions; main text; no network."""

from __future__ import annotations

import socket

import pytest

from agents.structure.html_page import Sourced, read_html_page
from tests.helpers import article

BODY = (
    "<p>The ferry company said on Tuesday that it would add two evening sailings to the island "
    "from next month, after a summer in which many passengers were turned away at the quay.</p>"
    "<p>The extra sailings will run until the end of October, the company said.</p>"
)


def page(head: str = "", body: str = BODY) -> str:
    body = f"<article><h1>Ferries add sailings</h1>{body}</article>"
    return f"<html><head>{head}</head><body>{body}</body></html>"


JSON_LD_GRAPH = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
    '{"@type": "WebSite", "name": "Island News"},'
    '{"@type": ["NewsArticle"], "headline": "Ferries add sailings",'
    ' "datePublished": "2025-08-05T17:41:00Z",'
    ' "author": {"@type": "Person", "name": "Ida Holm"}}'
    "]}</script>"
)
BROKEN_JSON_LD_AND_META = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    '<meta property="article:published_time" content="2025-08-05T09:00:00+02:00">'
    '<meta name="author" content="Ida Holm">'
    '<meta name="description" content="Two evening sailings from next month.">'
)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            JSON_LD_GRAPH,
            {
                "title": Sourced("Ferries add sailings", "json-ld"),
                "authors": Sourced(["Ida Holm"], "json-ld"),
                "published": Sourced("2025-08-05T17:41:00+00:00", "json-ld"),
            },
        ),
        (
            BROKEN_JSON_LD_AND_META,  # the broken JSON-LD is skipped
            {
                "published": Sourced("2025-08-05T09:00:00+02:00", "html-meta"),
                "authors": Sourced(["Ida Holm"], "html-meta"),
                "standfirst": Sourced("Two evening sailings from next month.", "html-meta"),
            },
        ),
    ],
    ids=["json-ld-graph", "broken-json-ld-and-meta"],
)
def test_html_page_reads_metadata_with_its_source(head: str, expected: dict[str, Sourced]) -> None:
    found = read_html_page(page(head))
    assert {name: getattr(found, name) for name in expected} == expected


def test_html_page_reads_the_time_element_with_its_zone() -> None:
    body = '<time datetime="2025-08-05T09:00+01:00">5 August</time>' + BODY
    assert read_html_page(page(body=body)).published == Sourced(
        "2025-08-05T09:00:00+01:00", "html-meta"
    )


def test_html_page_reads_captions_trafilatura_drops() -> None:
    body = (
        "<figure><img src='a.jpg'><figcaption>The quay at dusk  (AFP)</figcaption></figure>"
        + BODY
        + "<div class='caption'>Passengers queue for tickets</div>"
    )
    found = read_html_page(page(body=body))
    assert found.captions == {"The quay at dusk (AFP)", "Passengers queue for tickets"}
    assert found.main_lines is not None
    assert not any("quay at dusk" in line for line in found.main_lines)


def test_html_page_main_text_matches_whole_short_lines_only() -> None:
    found = read_html_page(page(body=BODY + "<ul><li>Evening sailings</li><li>Fares</li></ul>"))
    assert found.in_main_text(
        "The extra sailings will run until the end of October, the company said."
    )
    assert found.in_main_text("Fares")  # an item of the article's list is a line of it
    assert not found.in_main_text("Sailings")  # a word of the article, not a line of it
    assert not found.in_main_text("Weather")


def test_html_page_without_an_article_judges_no_line() -> None:
    found = read_html_page("<html><body><p>Hello</p></body></html>")
    assert found.main_lines is None and found.in_main_text("anything at all")
    assert read_html_page("   ") == read_html_page("<<<>>>") == read_html_page("")


def test_html_page_never_reaches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura gets markup, never a URL: a page with links and a canonical URL is read
    with every socket refused."""

    attempts: list[tuple[object, ...]] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)  # recorded too: a library may swallow the error
        raise OSError("html_page tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    markup = article("structure-html-jsonld.html").replace(
        "<head>", '<head><link rel="canonical" href="https://courier.example/lake">'
    )
    found = read_html_page(markup)
    assert attempts == []
    assert found.title is not None and found.main_lines
