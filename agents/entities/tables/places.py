"""Words around a name that make it a place, and what keeps a word from being one: spatial
prepositions, verbs of going, "the port of", buildings' and venues' names, kinds of place, towns
that are everyday words."""

from __future__ import annotations

#: Spatial prepositions: a known place right after one is a place, whatever the model says.
#: ("at" too: headlines write "walk out at Rotterdam", and a club "at Reading" is its ground.)
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "near", "outside", "across", "around", "into", "inside", "at"}
)

#: Verbs of going somewhere: "flew to X", "were diverted to X" make a known place of X, which the
#: model often takes for a person. Lowercase.
MOTION_VERBS = frozenset(
    {"flew", "fled", "travelled", "traveled", "diverted", "rerouted", "moved", "returned",
     "headed", "went", "drove", "sailed", "marched", "advanced", "retreated", "evacuated",
     "relocated", "deployed", "sent", "flown", "driven", "taken", "transferred", "airlifted"}
)  # fmt: skip

#: Nouns that name a kind of place: a name they stand in apposition to is a place ("El Fasher,
#: the last city in Darfur"). Lowercase: compared with the token's lowercase form.
PLACE_NOUNS = frozenset(
    {"city", "town", "village", "capital", "port", "district", "province", "region"}
)  # fmt: skip

#: Nouns that make "<noun> of X" a place when X is one the gazetteer knows: "the port of
#: Rotterdam", "the city of Aleppo", "the outskirts of Goma". The kinds of place, and more that
#: are no kind of place of their own ("outskirts", "streets"), or whose word is also an
#: adjective in an apposition ("Codelco, the state miner" is no place). Lowercase.
PLACE_OF_NOUNS = PLACE_NOUNS | {
    "state", "governorate", "outskirts", "suburbs", "streets", "centre", "center",
}  # fmt: skip

#: Last words of a building's or a site's name: such a name after "at" or "in" is the place
#: (FAC), not the institution in it ("said at State House").
BUILDING_WORDS = frozenset(
    {"House", "Palace", "Stadium", "Stadio", "Airport", "Hall", "Tower", "Square", "Bridge",
     "Street", "Cathedral", "Mosque", "Arena", "Park"}
)  # fmt: skip

#: First words of a venue's name in other languages ("Estádio do Dragão", "Stade de France"):
#: the name goes on through particles and name words, and is a building (FAC).
BUILDING_FIRST_WORDS = frozenset(
    {"Estádio", "Estadio", "Stadio", "Stade", "Stadion", "Palacio", "Palazzo", "Palais"}
)

#: Words at the end of a place span that say what kind of place it is ("Idlib province", "Sumy
#: Oblast", "Edo State"): resolution tries the name without them, as a region first. Lowercase:
#: names are compared casefolded. Fewer than PLACE_NOUNS: "city" and "town" end names of their
#: own ("Mexico City", "Cape Town").
PLACE_KIND_WORDS = frozenset(
    {"province", "governorate", "region", "district", "county", "state", "oblast", "krai",
     "prefecture", "department"}
)  # fmt: skip

#: Names of towns of 100,000 people or more (so the gazetteer would add them where the model saw
#: nothing) that are also everyday words, given names or surnames: capitalised in running text
#: ("Reading the report...", "Man charged...", "Jackson said") they are likelier the word. The
#: model may still tag them as places; the gazetteer only never adds them on its own.
PLACE_STOP_WORDS = frozenset(
    {"Ajax", "Alexandria", "Ann", "Aurora", "Austin", "Bath", "Batman", "Bimbo", "Bo", "Brandon",
     "Buffalo", "Chandler", "Charlotte", "Columbus", "Concord", "Corona", "Delta", "Derby",
     "Edison", "Enterprise", "Eugene", "Everett", "Florence", "George", "Gilbert", "Hamilton",
     "Hassan", "Henderson", "Ho", "Hub", "Independence", "Irvine", "Irving", "Jackson", "Kennedy",
     "Kingston", "Lincoln", "Madison", "Man", "Mango", "Mary", "Mesa", "Metro", "Milton",
     "Mobile", "Newton", "Nice", "Nigel", "Norman", "Oral", "Orange", "Pest", "Phoenix",
     "Preston", "Providence", "Pueblo", "Reading", "Regina", "Salem", "Santana", "Santos",
     "Split", "Springs", "Tours", "Tyler", "Van", "Victoria", "Vista", "Warren"}
)  # fmt: skip
