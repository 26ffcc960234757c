"""A page's tree before trafilatura: what each rule takes out, and what it must leave alone."""

from __future__ import annotations

import lxml.html
import pytest

from agents.structure.html_page import read_html_page
from agents.structure.page_tree import RULES, prune, unwrap_layout_tables, wrap_loose_text
from tests.helpers import structured

SENTENCE = "The council said on Tuesday that the bridge would reopen to traffic next month."
ARTICLE = "".join(f"<p>{SENTENCE} Paragraph {n}.</p>" for n in range(1, 6))


def tree(body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def texts(element: lxml.html.HtmlElement, tag: str = "p") -> list[str]:
    return [" ".join(node.text_content().split()) for node in element.iter(tag)]


def removed(body: str) -> dict[str, list[str]]:
    """The lines each rule took out of the page."""
    found: dict[str, list[str]] = {}
    for text, rule in prune(tree(body)):
        if rule:
            found.setdefault(rule, []).append(text)
    return found


def test_rules_are_named_in_order() -> None:
    assert list(RULES) == [
        "hidden",
        "embedded post",
        "pull quote",
        "sign-up, paywall or author box",
        "list of links",
        "block of links",
    ]


@pytest.mark.parametrize(
    ("markup", "rule"),
    [
        ("<div hidden><p>The locked paragraph.</p></div>", "hidden"),
        ("<div style='display: none'><p>The locked paragraph.</p></div>", "hidden"),
        (
            "<blockquote class='twitter-tweet'><p>The locked paragraph.</p></blockquote>",
            "embedded post",
        ),
        (
            "<amp-twitter data-tweetid='1'><blockquote placeholder><p>The locked paragraph.</p>"
            "</blockquote></amp-twitter>",
            "embedded post",
        ),
        (
            "<blockquote class='bluesky-embed'><p>The locked paragraph.</p></blockquote>",
            "embedded post",
        ),
        ("<aside class='article__pull-quote'>The locked paragraph.</aside>", "pull quote"),
        (
            "<div class='newsletter-signup'><h3>Newsletter</h3><p>The locked paragraph.</p>"
            "<form><input type='email'><button>Sign up</button></form></div>",
            "sign-up, paywall or author box",
        ),
        (
            "<div data-testid='paywall-gate'><p>The locked paragraph.</p>"
            "<a href='/subscribe'>See subscription options</a></div>",
            "sign-up, paywall or author box",
        ),
    ],
)
def test_each_rule_takes_out_what_it_names(markup: str, rule: str) -> None:
    found = removed(ARTICLE + markup)
    assert list(found) == [rule]
    assert any("The locked paragraph." in text for text in found[rule])


def test_a_list_of_teasers_goes_and_the_article_stays() -> None:
    teasers = "".join(
        f"<li><a href='/story-{n}'><h3>Another story headline number {n} here</h3></a>"
        f"<p>A line of that story's standfirst, a sentence long.</p></li>"
        for n in range(4)
    )
    page = tree(f"<article>{ARTICLE}</article><ul class='more'>{teasers}</ul>")
    lines = prune(page)
    assert {rule for _, rule in lines[5:]} == {"list of links"}
    assert {rule for _, rule in lines[:5]} == {None}
    assert len(texts(page)) == 5


def test_a_block_of_links_goes_but_a_paragraph_with_links_stays() -> None:
    links = "<font>Related: " + " | ".join(
        f"<a href='/{n}'>A related story {n}</a>" for n in range(3)
    )
    linked = (
        "<p>The <a href='/a'>council</a> and the <a href='/b'>highways agency</a> said the "
        "<a href='/c'>bridge</a> would reopen to traffic next month, after repairs.</p>"
    )
    page = tree(f"<div>{ARTICLE}{linked}{links}</font></div>")
    assert (
        dict(prune(page))["Related: A related story 0 | A related story 1 | A related story 2"]
        == "block of links"
    )
    assert len(texts(page)) == 6


def test_an_article_marked_paywall_or_written_by_its_author_is_no_box() -> None:
    """A page marks its whole body or article with such classes: only short boxes that ask
    something of the reader go, not the paragraphs a paywall lets through."""
    page = tree(f"<div class='article paywall author-bio'>{ARTICLE}</div>")
    assert not any(rule for _, rule in prune(page))
    teaser = f"<p>{SENTENCE}</p><p>{SENTENCE}</p>"
    page = tree(f"<div class='paywall-teaser'>{teaser}</div>")
    assert not any(rule for _, rule in prune(page))
    assert len(texts(page)) == 2


def test_text_beside_a_removed_box_is_kept_as_its_own_paragraph() -> None:
    page = tree(
        "<div>First run of text.<div class='newsletter'>Sign up</div>Second run of text."
        "<br><br>Third run.<br>Same paragraph.</div>"
    )
    prune(page)
    assert texts(page) == [
        "First run of text.",
        "Second run of text.",
        "Third run.Same paragraph.",
    ]


def test_br_runs_without_blocks_become_paragraphs() -> None:
    page = tree("<td><font>One run.<br>\n<br>\nTwo run.<br>&nbsp;<br>Three.</font></td>")
    wrap_loose_text(page)
    assert texts(page) == ["One run.", "Two run.", "Three."]


def test_layout_tables_become_blocks_and_tables_of_figures_stay() -> None:
    figures = (
        "<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Green</td><td>13</td></tr></table>"
    )
    photo = "<table><tr><td><img src='a.jpg'></td></tr><tr><td>The quay at dusk</td></tr></table>"
    page = tree(
        f"<table><tr><td><a href='/'>Home</a></td><td>{ARTICLE}{figures}{photo}</td></tr></table>"
    )
    unwrap_layout_tables(page)
    assert len(page.findall(".//table")) == 1  # the table of figures
    assert [row.text_content() for row in page.iter("tr")] == ["PartySeats", "Green13"]
    assert texts(page, "figcaption") == ["The quay at dusk"]


def test_a_hidden_paywall_leaves_its_lines_outside_the_main_text() -> None:
    locked = "".join(f"<p>Locked paragraph {n} of the article, for subscribers.</p>" for n in "ab")
    page = read_html_page(
        f"<html><body><article><h1>Bridge to reopen</h1>{ARTICLE}"
        f"<div class='paywall' hidden>{locked}</div></article></body></html>"
    )
    assert page.in_main_text(f"{SENTENCE} Paragraph 1.")
    assert not page.in_main_text("Locked paragraph a of the article, for subscribers.")


def test_a_table_of_figures_is_main_text_row_by_row() -> None:
    table = (
        "<figure class='wp-block-table'><table><tr><th>Party</th><th>Seats</th></tr>"
        "<tr><td>Green</td><td>13</td></tr></table></figure>"
    )
    page = read_html_page(f"<html><body><article><h1>Results</h1>{ARTICLE}{table}</article>")
    assert page.in_main_text("Party Seats") and page.in_main_text("Green 13")


def test_a_live_blog_whose_entries_open_with_their_time_link_stays() -> None:
    entries = "".join(
        f"<article class='entry'><a href='#e{n}'><time>14:0{n}</time></a><h2>Update {n}</h2>"
        f"<p>{SENTENCE} {SENTENCE}</p></article>"
        for n in range(5)
    )
    lines = prune(tree(f"<main><div class='entries'>{entries}</div></main>"))
    assert not any(rule for _, rule in lines)


def test_the_stage_drops_a_pull_quote_by_its_place_and_keeps_the_sentence_it_repeats() -> None:
    quoted = "Nobody expected the bridge to be ready before the winter, least of all the council."
    body = "".join(f"<p>{SENTENCE} Paragraph {n}.</p>" for n in range(1, 4))
    page = (
        "<html><head><title>Bridge to reopen</title></head><body><article>"
        f"<h1>Bridge to reopen</h1>{body}<p>{quoted}</p>"
        f"<aside class='pull-quote'><p>{quoted}</p></aside>"
        f"<p>{SENTENCE} Paragraph 4.</p></article></body></html>"
    )
    event = structured(page)
    assert event["paragraphs"].count(quoted) == 1
    reasons = {line["text"]: line["reason"] for line in event["furniture"]}
    assert reasons[quoted] == "not the article, by the page's markup: pull quote"
