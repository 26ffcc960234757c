"""Watchlists: rules on what an alerting desk wants to hear of, and their matches.

Pure functions over plain records (no Faust, no I/O): :class:`Rule` from an ``alert-rule/1``
event, :func:`match_rule` over an enriched article, and :class:`Watchlist`, the rules in force
and the ``alert-match/1`` events of one article. The method: ``docs/stages/stories.md``.
"""

from agents.watchlists.match import explain, match_rule
from agents.watchlists.rules import Condition, Rule
from agents.watchlists.watchlist import Watchlist, alert_match

__all__ = ["Condition", "Rule", "Watchlist", "alert_match", "explain", "match_rule"]
