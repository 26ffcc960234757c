"""Sport reports, and the words around a club's name that show it is a side."""

from __future__ import annotations

#: Lowercase words of sport reports: an article using two of them (or a score line, "2-1") is
#: about sport, where a town's name is often its club ("Bologna beat Fiorentina").
SPORT_WORDS = frozenset(
    {"striker", "midfielder", "defender", "goalkeeper", "winger", "goal", "goals", "match",
     "penalty", "referee", "coach", "season", "league", "fixture", "rider", "riders", "peloton",
     "stage", "race", "squad", "quarter-finals", "semi-final", "final", "minute", "points",
     "draw", "scored", "victory", "defeat"}
)  # fmt: skip
#: In sport, a name right after one of these words is a club or team ("win over X", "the Dutch
#: team X"), or after one of these pairs ("joined from X", "drew with X").
CLUB_CUES_BEFORE = frozenset(
    {"beat", "beating", "over", "against", "host", "hosts", "hosting", "team", "club", "side"}
)  # fmt: skip
CLUB_CUE_PAIRS_BEFORE = frozenset(
    {("joined", "from"), ("signed", "from"), ("signed", "for"), ("rides", "for"),
     ("plays", "for"), ("travel", "to"), ("travels", "to"), ("drew", "with"), ("draw", "with"),
     ("lost", "to"), ("loss", "to")}
)  # fmt: skip
#: ... or before one of these ("X beat Y", "X travel to"), or before "'s" and one of these
#: ("X's coach").
CLUB_CUES_AFTER = frozenset({"beat", "drew", "host", "travel", "lead", "moved", "climbed", "fell"})
CLUB_ROLES_AFTER = frozenset(
    {"coach", "captain", "manager", "striker", "goalkeeper", "defence", "defense", "midfielder",
     "fans", "players", "squad", "keeper", "defender", "winger", "riders", "rider"}
)  # fmt: skip
