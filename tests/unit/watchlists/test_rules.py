import pytest

from agents.contracts import problems, validator
from agents.records import SCHEMA_ALERT_MATCH, SCHEMA_ALERT_RULE
from agents.watchlists import Condition, Rule
from agents.watchlists.rules import CONDITION_KINDS, SEVERITIES

RULE = {
    "schema": "alert-rule/1",
    "id": "ferries-norway",
    "name": "Ferry accidents in Norway",
    "severity": "high",
    "all_of": [{"country": "NO"}, {"keyword": "ferry"}],
    "any_of": [
        {"entity": {"key": "org:strand-line"}},
        {"entity": {"name": "Coastguard", "aliases": ["Kystvakten"]}, "min_salience": 0.2},
    ],
}


def test_a_full_rule_is_valid_and_read_once():
    assert problems(RULE, SCHEMA_ALERT_RULE) == []
    rule = Rule.from_event(RULE)
    assert rule.all_of == (Condition("country", "NO"), Condition("keyword", "ferry"))
    assert rule.any_of[0] == Condition("entity", "org:strand-line", by_key=True)
    assert rule.any_of[1].names == {"coastguard", "kystvakten"}
    assert rule.any_of[1].min_salience == 0.2
    assert rule.skip_duplicates and rule.skip_unchanged


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"all_of": [], "any_of": []}, "is not valid"),  # nothing to match
        ({"severity": "urgent"}, "severity"),
        ({"id": "has space"}, "id"),
        ({"all_of": [{"entity": {"key": "k", "name": "n"}}]}, "all_of/0"),
        ({"all_of": [{"country": "no"}]}, "all_of/0"),
        ({"all_of": [{"keyword": "ferry", "country": "NO"}]}, "all_of/0"),
        ({"all_of": [{"entity": {"key": "k"}, "min_salience": 2}]}, "all_of/0"),
        ({"colour": "red"}, "unknown field 'colour'"),
    ],
)
def test_bad_rules_are_refused_with_a_reason(change, problem):
    rule = {key: value for key, value in RULE.items() if key not in ("all_of", "any_of")}
    rule.update({"all_of": RULE["all_of"], **change})
    if "any_of" not in change:
        rule.pop("any_of", None)
    found = problems(rule, SCHEMA_ALERT_RULE)
    assert found and any(problem in p for p in found), found


def test_a_rule_with_any_of_only_is_valid():
    rule = {"schema": "alert-rule/1", "id": "r", "name": "R", "severity": "low",
            "any_of": [{"language": "fr"}, {"source": "Wire"}]}  # fmt: skip
    assert problems(rule, SCHEMA_ALERT_RULE) == []
    assert Rule.from_event(rule).all_of == ()


def test_the_schemas_and_the_code_agree_on_severities_and_condition_kinds():
    rule = validator(SCHEMA_ALERT_RULE).schema
    match = validator(SCHEMA_ALERT_MATCH).schema["properties"]
    assert tuple(rule["properties"]["severity"]["enum"]) == SEVERITIES
    assert tuple(match["severity"]["enum"]) == SEVERITIES
    kinds = match["matched"]["items"]["properties"]["condition"]["enum"]
    assert tuple(kinds) == CONDITION_KINDS
