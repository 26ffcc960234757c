"""The shapes of events' names: competitions, races and storms, which the model calls
organisations."""

from __future__ import annotations

#: Names of events, not organisations (the labelled set leaves events out, OntoNotes calls them
#: EVENT): a name ending in one of these ("World Cup", "Berlin Marathon")...
EVENT_LAST_WORDS = frozenset(
    {"Cup", "Championship", "Championships", "Olympics", "Paralympics", "Olympiad", "Marathon",
     "Tournament", "Trophy", "Prix", "Derby"}
)  # fmt: skip
#: ... or opening with one of these ("Tour de France", "Cyclone Remal", "Hurricane Ida")...
EVENT_FIRST_WORDS = frozenset(
    {"Tour", "Giro", "Vuelta", "Cyclone", "Hurricane", "Typhoon", "Storm", "Tropical"}
)
#: ... or a "League" that is a competition, not an alliance ("Arab League" is an organisation).
COMPETITION_LEAGUES = frozenset({"Champions", "Europa", "Conference", "Premier", "Nations"})
