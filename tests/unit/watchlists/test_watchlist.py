from agents.contracts import problems
from agents.records import SCHEMA_ALERT_MATCH, SCHEMA_ENRICHED
from agents.watchlists import Watchlist
from tests.unit.watchlists.articles import ferry_article

FERRIES = {"schema": "alert-rule/1", "id": "ferries", "name": "Ferries", "severity": "high",
           "all_of": [{"keyword": "ferry"}]}  # fmt: skip
NORWAY = {"schema": "alert-rule/1", "id": "norway", "name": "Norway", "severity": "low",
          "all_of": [{"country": "NO"}]}  # fmt: skip


def test_the_latest_rule_of_an_id_is_in_force_and_a_tombstone_removes_it():
    watchlist = Watchlist()
    watchlist.apply("ferries", FERRIES)
    watchlist.apply("norway", NORWAY)
    assert [m["rule_id"] for m in watchlist.matches(ferry_article())] == ["ferries", "norway"]
    watchlist.apply("ferries", {**FERRIES, "all_of": [{"keyword": "volcano"}]})
    watchlist.apply("norway", None)
    watchlist.apply("never-added", None)
    assert watchlist.matches(ferry_article()) == []


def test_match_events_validate_and_carry_the_article():
    watchlist = Watchlist()
    watchlist.apply("ferries", FERRIES)
    article = ferry_article()
    assert problems(article, SCHEMA_ENRICHED) == []
    (match,) = watchlist.matches(article)
    assert problems(match, SCHEMA_ALERT_MATCH) == []
    assert (match["id"], match["story"], match["severity"]) == (
        article["id"],
        article["id"],
        "high",
    )
    assert match["title"] == "Ferry aground off Valdre, 212 rescued"
    assert match["why"].startswith("Ferries (high): keyword 'ferry' (")
