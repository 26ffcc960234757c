"""Watchlist rules from files, for ``copydesk rules add`` and ``copydesk process --rules``.

A ``.json`` file holds one rule or a list of rules, a ``.jsonl`` file one rule a line. Every
rule is checked against ``alert-rule/1`` before anything is sent, so a file with one bad rule
publishes none, and the message names the file, the rule and the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from agents.contracts import problems
from agents.errors import CopydeskError
from agents.records import SCHEMA_ALERT_RULE
from agents.watchlists import Watchlist


class RuleFileError(CopydeskError):
    """A rule file cannot be read, or a rule in it breaks ``alert-rule/1``."""


def read_rule_files(paths: Iterable[str]) -> list[dict[str, Any]]:
    """Every rule in ``paths``, in order, each valid against ``alert-rule/1``."""
    rules: list[dict[str, Any]] = []
    for name in paths:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleFileError(f"cannot read rule file {name}: {exc}") from None
        try:
            if path.suffix == ".jsonl":
                found = [json.loads(line) for line in text.splitlines() if line.strip()]
            else:
                loaded = json.loads(text)
                found = loaded if isinstance(loaded, list) else [loaded]
        except json.JSONDecodeError as exc:
            raise RuleFileError(f"{name} is not JSON: {exc}") from None
        for number, rule in enumerate(found, 1):
            wrong = problems(rule, SCHEMA_ALERT_RULE)
            if wrong:
                raise RuleFileError(
                    f"{name}, rule {number} ({_id(rule)}) is not a valid {SCHEMA_ALERT_RULE} "
                    f"rule: " + "; ".join(wrong[:5])
                )
            rules.append(rule)
    return rules


def watchlist_of(rules: Iterable[dict[str, Any]]) -> Watchlist:
    watchlist = Watchlist()
    for rule in rules:
        watchlist.apply(rule["id"], rule)
    return watchlist


def describe_rule(rule: dict[str, Any]) -> str:
    """One line for ``copydesk rules list``: id, severity, name."""
    return f"{rule['id']}\t{rule['severity']}\t{rule['name']}"


def _id(rule: Any) -> str:
    return repr(rule.get("id")) if isinstance(rule, dict) and "id" in rule else "no id"
