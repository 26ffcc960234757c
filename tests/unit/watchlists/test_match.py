from agents.watchlists import Rule, explain, match_rule
from tests.unit.watchlists.articles import ferry_article


def rule(*all_of, any_of=(), **options):
    return Rule.from_event({
        "schema": "alert-rule/1", "id": "r1", "name": "Ferries", "severity": "high",
        "all_of": list(all_of), "any_of": list(any_of), **options,
    })  # fmt: skip


def test_an_entity_by_key_gives_the_entity_and_its_mentions():
    article = ferry_article()
    (found,) = match_rule(rule({"entity": {"key": "org:strand-line"}}), article)
    (entity,) = found["entities"]
    assert entity["key"] == "org:strand-line" and entity["salience"] == 0.15
    assert all(article["text"][m["start"] : m["end"]] == "Strand Line" for m in entity["mentions"])


def test_an_entity_by_name_or_alias_case_aside():
    article = ferry_article()
    by_alias = {"entity": {"name": "Strand Line Ferries", "aliases": ["THE OPERATOR"]}}
    assert match_rule(rule(by_alias), article) is not None
    assert match_rule(rule({"entity": {"name": "Northern Lark"}}), article) is None


def test_minimum_salience():
    article = ferry_article()
    assert (
        match_rule(rule({"entity": {"key": "org:strand-line"}, "min_salience": 0.2}), article)
        is None
    )
    assert match_rule(
        rule({"entity": {"key": "place:geonames:900001"}, "min_salience": 0.8}), article
    )


def test_a_country_gives_the_entities_that_place_the_article_there():
    (found,) = match_rule(rule({"country": "NO"}), ferry_article())
    assert [e["name"] for e in found["entities"]] == ["Valdre", "Kessa"]
    assert match_rule(rule({"country": "SE"}), ferry_article()) is None


def test_a_keyword_is_whole_words_and_a_phrase_spans_white_space():
    article = ferry_article()
    (found,) = match_rule(rule({"keyword": "ran AGROUND"}), article)
    (mention,) = found["mentions"]
    assert article["text"][mention["start"] : mention["end"]] == "ran aground"
    assert match_rule(rule({"keyword": "ferr"}), article) is None


def test_language_and_source_case_aside():
    assert match_rule(rule({"language": "EN"}, {"source": "Wire"}), ferry_article())
    assert match_rule(rule({"source": "other"}), ferry_article()) is None


def test_all_of_needs_every_condition_and_any_of_one():
    article = ferry_article()
    assert match_rule(rule({"keyword": "ferry"}, {"keyword": "volcano"}), article) is None
    found = match_rule(
        rule({"keyword": "ferry"}, any_of=[{"keyword": "volcano"}, {"country": "NO"}]), article
    )
    assert [m["condition"] for m in found] == ["keyword", "country"]
    assert match_rule(rule(any_of=[{"keyword": "volcano"}]), article) is None


def test_duplicates_and_unchanged_resends_are_skipped_unless_asked():
    copy = ferry_article(duplicate_of="first", first_in_story=False, story="first", similarity=0.8)
    resend = ferry_article(unchanged=True)
    ferry = {"keyword": "ferry"}
    assert match_rule(rule(ferry), copy) is None
    assert match_rule(rule(ferry), resend) is None
    assert match_rule(rule(ferry, skip_duplicates=False), copy) is not None
    assert match_rule(rule(ferry, skip_unchanged=False), resend) is not None


def test_why_says_what_held_in_words():
    article = ferry_article(revision=2)
    the_rule = rule({"entity": {"key": "org:strand-line"}}, {"country": "NO"})
    why = explain(the_rule, article, match_rule(the_rule, article))
    assert why == (
        "Ferries (high): entity org:strand-line: Strand Line (org:strand-line, salience 0.15, "
        "1 mention); country NO (Valdre, Kessa); first in its story; revision 2"
    )
