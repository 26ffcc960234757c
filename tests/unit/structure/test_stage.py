"""Structure: each page layout read into its parts, every line accounted for, nothing invented."""

from __future__ import annotations

import copy
import json

import pytest

from agents.structure.stage import structure_article
from tests.helpers import ARTICLES, article, assert_consistent, repaired, structured

LAYOUTS = sorted(path.name for path in ARTICLES.glob("structure-*"))


@pytest.mark.parametrize("name", LAYOUTS)
def test_structure_every_layout_is_consistent(name: str) -> None:
    event = structured(article(name))
    assert_consistent(event)
    assert event["language"] == "en"
    assert event["paragraphs"]
    assert json.loads(json.dumps(event)) == event  # plain JSON, as Kafka carries it


def test_structure_reads_a_wire_story() -> None:
    event = structured(article("structure-wire-dateline.txt"))
    assert event["title"] == "Copper miners in Chile strike over pay as talks stall"
    assert event["standfirst"] is None  # the byline follows the title at once
    assert event["authors"] == ["Lucia Ferrer", "Daniel Okafor"]  # the agency is not an author
    assert event["published"] == "2024-12-03T09:15:00-05:00"
    assert event["dateline"] == {
        "text": "SANTIAGO (Reuters) -",
        "place": "SANTIAGO",
        "agency": "Reuters",
    }
    assert event["paragraphs"][0].startswith("SANTIAGO (Reuters) - Workers")
    assert event["reading_time_minutes"] is None  # not stated, never estimated
    kinds = [b["kind"] for b in event["blocks"]]
    assert kinds[:3] == ["title", "byline", "date"] and kinds[-1] == "byline"  # the trailer
    assert [q["speaker"] for q in event["quotes"]] == [
        "Rosa Quintana",
        "Rosa Quintana",  # "she added", right after
        "Rosa Quintana",  # unattributed, the next sentence
        "Minera Austral",  # "it said" after "The operator, Minera Austral, said ..."
        "A senior labour ministry official",
        "a European metals trader",  # "... trader Reuters, adding": the agency dropped
    ]


def test_structure_reads_a_blog_page_and_reports_its_furniture() -> None:
    event = structured(article("structure-blog-share.txt"))
    assert event["title"] == "Why small towns are betting on night trains again"
    assert event["standfirst"].startswith("A forgotten way to travel is back")
    assert event["reading_time_minutes"] == 5
    assert event["authors"] == ["Marta Kowalczyk"]
    assert event["published"] == "2025-03-03"
    reasons = {line["text"]: line["reason"] for line in event["furniture"]}
    assert reasons["Skip to content"] == "site navigation"
    assert reasons["Facebook Twitter WhatsApp Email"] == "share, follow or print buttons"
    assert reasons["Advertisement"] == "advertising"
    assert reasons["Read more: The summer timetable at a glance"] == "link to another article"
    assert reasons["Sign up for our weekly travel newsletter"] == "newsletter sign-up"
    assert any(reason == "cookie banner" for reason in reasons.values())
    assert len(reasons) == 9
    body = " ".join(event["paragraphs"])
    assert not any(text in body for text in reasons)
    headings = [
        event["text"][b["start"] : b["end"]] for b in event["blocks"] if b["kind"] == "heading"
    ]
    assert headings == ["The numbers behind the comeback", "What happens next"]
    assert [q["speaker"] for q in event["quotes"]] == ["Jonas Reiter", "Ines Moreau"]


def test_structure_reads_captions_and_credits() -> None:
    event = structured(article("structure-captions.txt"))
    assert [(image["caption"], image["credit"]) for image in event["images"]] == [
        ("Volunteers shovel mud from a street in Ferrara", "AFP"),
        ("A farmer inspects a flooded vineyard near Rovigo.", "Reuters"),
        ("Rescue boats moored beside the town hall in Adria.", "Paolo Greco/Getty Images"),
        ("The river at dawn, seen from the old bridge", "Getty"),
    ]
    assert not any("Ferrara (AFP)" in p or "Photo:" in p for p in event["paragraphs"])
    assert event["published"] == "2024-05-17"
    assert event["standfirst"].startswith("Clean-up crews")
    assert [q["speaker"] for q in event["quotes"]] == ["Mayor Elena Conti"]


def test_structure_reads_a_liveblog() -> None:
    event = structured(article("structure-liveblog.txt"))
    assert event["title"] == "Live: Storm Halvard batters the west coast"
    assert event["published"] is None  # only an update time is printed: not when it was published
    text = event["text"]
    dates = [text[b["start"] : b["end"]] for b in event["blocks"] if b["kind"] == "date"]
    assert dates == ["Updated 4 February 2025 16:20 GMT", "16:20 GMT", "15:45 GMT", "14:30 GMT"]
    headings = [text[b["start"] : b["end"]] for b in event["blocks"] if b["kind"] == "heading"]
    assert headings == ["Power cut to 40,000 homes", "Ferries cancelled", "Red warning issued"]
    assert len(event["paragraphs"]) == 4
    assert event["quotes"][0]["speaker"] == "a spokesperson for the operator"


def test_structure_finds_no_title_where_the_text_has_none() -> None:
    event = structured(article("structure-no-title.txt"))
    assert event["title"] is None and event["standfirst"] is None
    assert event["dateline"] == {"text": "LONDON —", "place": "LONDON", "agency": None}
    assert {b["kind"] for b in event["blocks"]} == {"paragraph"}
    assert event["quotes"][0]["speaker"] == "chief executive Priya Natarajan"


def test_structure_takes_the_published_date_not_the_update() -> None:
    event = structured(article("structure-updated-byline.txt"))
    assert event["published"] == "2025-03-12T07:00:00+00:00"
    assert event["authors"] == ["Aisha Rahman"]  # "Economics correspondent" is a role
    assert [b["kind"] for b in event["blocks"][:4]] == ["title", "byline", "date", "date"]
    assert [q["speaker"] for q in event["quotes"]] == [
        "Governor Tomas Lind",
        "Finance Minister Karin Holm and opposition leader Erik Sand",  # "they", A and B met
        "the Chamber of Commerce",  # "the statement said", a statement issued by it
    ]


def test_structure_joins_hard_wrapped_lines() -> None:
    event = structured(article("structure-wrapped-wire.txt"))
    assert len(event["paragraphs"]) == 3
    assert "strike on Monday over pay" in event["paragraphs"][0]
    (quote,) = event["quotes"]
    assert (
        quote["text"] == "We regret the disruption to passengers, but the union left us no\nchoice"
    )
    assert quote["speaker"] == "a company spokesman"


def test_structure_needs_header_metadata_for_a_standfirst() -> None:
    text = (
        "Harbour reopens after storm repairs\n\n"
        "The harbour in Port Keel reopened to ferries on Monday.\n\n"
        "Engineers spent six weeks rebuilding the sea wall.\n"
    )
    event = structured(text)
    assert event["title"] == "Harbour reopens after storm repairs"
    assert event["standfirst"] is None  # no header metadata: a first paragraph, as far as we know
    assert event["paragraphs"][0] == "The harbour in Port Keel reopened to ferries on Monday."
    event = structured(text.replace("Monday.\n\n", "Monday.\n7 April 2025\n\n"))
    assert event["standfirst"] == "The harbour in Port Keel reopened to ferries on Monday."
    assert event["paragraphs"] == ["Engineers spent six weeks rebuilding the sea wall."]


def test_structure_prefers_what_the_producer_gave() -> None:
    text = article("structure-wire-dateline.txt")
    event = repaired(text)
    assert structure_article(event)["sources"] == {
        "title": "text",
        "standfirst": None,
        "authors": "text",
        "published": "text",
    }
    event["given"] = {
        "title": "Chile copper strike",
        "published": "Tue, 03 Dec 2024 14:00:00 +0000",
    }
    result = structure_article(event)
    assert result["title"] == "Chile copper strike"
    assert result["published"] == "2024-12-03T14:00:00+00:00"
    assert result["sources"]["title"] == result["sources"]["published"] == "given"
    assert result["blocks"][0]["kind"] == "title"  # the line is still the title line
    event["given"] = {"title": None, "published": "sometime last week"}
    result = structure_article(event)
    assert result["published"] == "sometime last week"  # kept as given
    assert result["sources"]["title"] == "text"


def test_structure_reads_an_html_page_with_json_ld() -> None:
    event = structured(article("structure-html-jsonld.html"))
    assert event["content_type"] == "text/html"
    assert event["title"] == "Glacier lake drained to protect alpine valley"
    assert event["standfirst"].startswith("Engineers lowered a swelling meltwater lake")
    assert event["authors"] == ["Chiara Bellandi", "Markus Egger"]
    assert event["published"] == "2025-07-14T06:30:00+02:00"  # JSON-LD's time and zone
    assert event["sources"] == {
        "title": "json-ld",
        "standfirst": "text",  # the line under the headline, before the byline
        "authors": "json-ld",
        "published": "json-ld",
    }
    assert event["dateline"] == {
        "text": "VAL SERENA, Italy —",
        "place": "VAL SERENA, Italy",
        "agency": None,
    }
    assert [(image["caption"], image["credit"]) for image in event["images"]] == [
        ("Pumps on the shore of the meltwater lake above Val Serena.", "Luca Ferri"),
        ("Residents return to Val Serena on Sunday evening", "Valley Courier/Anna Moser"),
    ]
    reasons = {line["text"]: line["reason"] for line in event["furniture"]}
    # Navigation and "Most read" links: lists of links, outside trafilatura's main text, or
    # caught by the furniture rules.
    assert set(reasons) == {
        "Home", "News", "Weather", "Sport", "Most read", "Hotel fire in Bolzano",
        "New cable car opens", "© 2025 The Valley Courier. All rights reserved.",
        "Privacy policy | Cookie settings",
    }  # fmt: skip
    assert reasons["News"] == "not the article, by the page's markup: list of links"
    assert len(event["paragraphs"]) == 5
    assert [(q["text"][:20], q["speaker"]) for q in event["quotes"]] == [
        ("We took out about 40", "Davide Rinaldi"),
        ("We will not wait for", "Franca Oberhofer"),  # single curly marks, "she said"
    ]


def test_structure_reads_an_html_page_without_metadata() -> None:
    event = structured(article("structure-html-plain.html"))
    assert event["title"] == "Night market returns to the old harbour after three years"
    assert event["standfirst"] is None
    assert event["authors"] == ["Tobias Lindqvist"]
    assert event["reading_time_minutes"] == 4
    assert event["published"] == "2025-06-06"
    # No JSON-LD or meta tags: the title is trafilatura's reading of the markup (the <h1>, not the
    # <title> with the site's name), the rest comes from the page's lines.
    assert event["sources"] == {
        "title": "html-meta",
        "standfirst": None,
        "authors": "text",
        "published": "text",
    }
    assert [(image["caption"], image["credit"]) for image in event["images"]] == [
        ("Stalls along the east quay on opening night", "Harbourside Weekly"),
        ("A brass band plays at the end of the pier", None),  # a <figcaption> with no credit
    ]
    dropped = [line["text"] for line in event["furniture"]]
    assert dropped[:2] == ["Harbourside Weekly | Local | Food | Events", "Food"]
    assert "Ferry timetable changes for summer" in dropped and "Related stories" in dropped
    assert len(event["paragraphs"]) == 6
    text = event["text"]
    headings = [text[b["start"] : b["end"]] for b in event["blocks"] if b["kind"] == "heading"]
    assert headings == ["A new pier, the same smell of grilled fish"]
    assert [q["speaker"] for q in event["quotes"]] == ["Helga Svensson", "Councillor Ole Brandt"]


def test_structure_reads_the_headline_and_author_lines_the_markup_names() -> None:
    paragraphs = "".join(
        f"<p>The ferry to the island ran late on day {day} of the timetable trial, the "
        "operator said, and passengers waited on the quay in the rain.</p>"
        for day in ("one", "two", "three")
    )
    markup = (
        '<html><head><meta name="author" content="Ida Holm"></head><body>'
        '<div id="header"><h2>Island Notes</h2><p>Writing about island life since 2009</p></div>'
        f'<div id="post"><h1>Ferry trial runs late</h1><div>Ida Holm</div>{paragraphs}</div>'
        "</body></html>"
    )
    event = structured(markup)
    assert event["title"] == "Ferry trial runs late" and event["standfirst"] is None
    assert event["authors"] == ["Ida Holm"]
    kinds = [block["kind"] for block in event["blocks"]]
    assert kinds[:4] == ["furniture", "furniture", "title", "byline"]
    assert event["furniture"][1]["reason"] == "above the page's headline: the site's header"
    assert len(event["paragraphs"]) == 3


def test_structure_keeps_a_given_title_over_the_pages_json_ld() -> None:
    event = repaired(article("structure-html-jsonld.html"))
    event["given"] = {"title": "Val Serena lake drained", "published": None}
    result = structure_article(event)
    assert result["title"] == "Val Serena lake drained"
    assert result["sources"]["title"] == "given"
    assert result["sources"]["published"] == "json-ld"


def test_structure_drops_html_and_keeps_the_other_fields() -> None:
    event = repaired("<html><body><h1>Dam opens</h1><p>The dam opened on Friday.</p></body></html>")
    assert event["html"] is not None
    before = copy.deepcopy(event)
    result = structure_article(event)
    assert event == before  # a pure function: the input is left as it was
    assert "html" not in result
    assert result["schema"] == "structured-article/1"
    for key in ("id", "source", "text", "repairs", "given", "content_type", "decoding"):
        assert result[key] == event[key]
    assert result["title"] == "Dam opens" and result["paragraphs"] == ["The dam opened on Friday."]
    assert_consistent({**result, "timings": {}})


def test_structure_of_furniture_only_finds_nothing() -> None:
    event = structured("Share\n\nAdvertisement\n\n© 2025 Example News\n")
    assert_consistent(event)
    assert event["title"] is None and event["paragraphs"] == [] and event["quotes"] == []
    assert event["word_count"] == 0 and event["language"] is None
    assert [line["reason"] for line in event["furniture"]] == [
        "share, follow or print buttons",
        "advertising",
        "copyright notice",
    ]


def test_structure_counts_words_in_the_body_only() -> None:
    event = structured(
        "Short title here\n\nA standfirst of six words.\n2 min read\n\n"
        "One two three four.\n\nFive six, seven-eight nine’s.\n"
    )
    assert event["word_count"] == 8


def test_structure_reads_a_long_article_whole() -> None:
    """Forty wire stories in one event (~50 KB): every quotation found. How long it takes is
    ``python -m benchmarks.structure``'s to say (its "one long article" line)."""
    result = structured(article("structure-wire-dateline.txt") * 40)
    assert_consistent(result)
    assert len(result["quotes"]) == 6 * 40


def test_structure_reads_a_name_alone_above_the_date_as_the_byline() -> None:
    header = "Verges bloom again\n\nMowing stopped two years ago, and the bees came back.\n"
    event = structured(f"{header}Hannah Price\n2 December 2024\n\nThe council said so.\n")
    assert event["authors"] == ["Hannah Price"]
    assert event["standfirst"] == "Mowing stopped two years ago, and the bees came back."
    # Not above a date: a short line of capitalised words may be anything.
    event = structured(f"{header}Hannah Price\n2 min read\n\nThe council said so.\n")
    assert event["authors"] == []


@pytest.mark.parametrize(
    ("header", "title", "standfirst", "furniture"),
    [
        ("Middle East\n\nTruce talks resume in Cairo", "Truce talks resume in Cairo", None, 1),
        (  # the site's name and a section label in one block
            "Fenmouth Gazette\nSport\n\nRowing club wins back its boathouse after long dispute",
            "Rowing club wins back its boathouse after long dispute",
            None,
            2,
        ),
        # A short title over a longer line that is no headline keeps its place.
        (
            "Storm hits coast\n\nThe storm reached the coast on Monday night.",
            "Storm hits coast",
            "The storm reached the coast on Monday night.",
            0,
        ),
        # Two short lines in one block over a shorter line: no headline below, nothing dropped (the
        # lines under the title are its standfirst).
        (
            "Harbour open after storm\nFerries sail\n\nStorm ends",
            "Harbour open after storm",
            "Ferries sail Storm ends",
            0,
        ),
    ],
)
def test_structure_drops_a_section_label_or_site_name_above_the_title(
    header: str, title: str, standfirst: str | None, furniture: int
) -> None:
    event = structured(f"{header}\n\nBy Ada Lowe\n\nThe club signed the lease on Friday.\n")
    assert event["title"] == title
    assert event["standfirst"] == standfirst
    assert [line["text"] for line in event["furniture"]] == header.split("\n")[:furniture]
    assert {line["reason"] for line in event["furniture"]} <= {
        "site name or section label above the headline"
    }


def test_structure_drops_the_items_of_a_related_topics_list() -> None:
    event = structured(
        "Bakery chain closes ovens\n\nBy Ada Lowe\n3 May 2025\n\nThe chain shut 12 bakeries.\n\n"
        "More on this story\nBread\nHigh street closures\n\nEconomy\n\nPrices rose.\n"
    )
    furniture = [line["text"] for line in event["furniture"]]
    assert furniture == ["More on this story", "Bread", "High street closures"]
    # Past the list's block, a short line is the article's again.
    assert event["paragraphs"] == ["The chain shut 12 bakeries.", "Prices rose."]
    # A sentence ends the list, and what follows it in the block is not an item either.
    event = structured(
        "Bakery chain closes ovens\n\nRelated topics\nThe chain shut 12 bakeries.\nBread\n"
    )
    assert [line["text"] for line in event["furniture"]] == ["Related topics"]


def test_structure_reads_text_written_without_spaces() -> None:
    event = structured(
        "央行维持利率不变\n\n"
        "中国人民银行周二表示，将继续实施稳健的货币政策，保持流动性合理充裕，支持实体经济发展。\n\n"
        "分析人士认为，年内仍有降息空间。\n"
    )
    assert_consistent(event)
    assert event["title"] == "央行维持利率不变"
    assert [b["kind"] for b in event["blocks"]] == ["title", "paragraph", "paragraph"]
    assert event["word_count"] == 53  # a character a word, punctuation not counted
    assert event["language"] == "zh"


def test_structure_keeps_an_agency_sign_off_in_the_body() -> None:
    story = "A strong earthquake struck off the coast on Friday, the survey said. (AFP)"
    event = structured(f"Quake hits coast\n\n{story}\n")
    assert event["images"] == [] and event["paragraphs"] == [story]
