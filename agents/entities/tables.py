"""Word lists the entity rules read: data only, no logic.

Every list is matched against whole tokens or whole names, case-sensitively unless a comment says
otherwise. Grow them from real misses; each entry should be a word that means the same thing in
any article, never an answer for one article.
"""

from __future__ import annotations

from agents import lexicon

#: Block kinds whose text is the article's own prose. Bylines, dates, reading times and page
#: furniture are metadata: names there (an author, a site's menu) are not what the article is about.
CONTENT_BLOCK_KINDS = frozenset({"title", "standfirst", "caption", "heading", "paragraph"})
#: Blocks written in headline style: every word may be capitalised.
HEADLINE_BLOCK_KINDS = frozenset({"title", "heading"})

#: OntoNotes labels that name something; the rest (DATE, CARDINAL, MONEY...) are values.
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
     "LANGUAGE"}
)  # fmt: skip

#: Labels the gazetteer may resolve to a point on the map.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: News agencies, as sets: the small model often reads "... said Reuters" as part of a person's
#: name or a place.
NEWS_AGENCIES = frozenset(lexicon.NEWS_AGENCIES)

#: Agencies that are also family names ("Michael Bloomberg"): never split off a person's name.
AGENCIES_ALSO_SURNAMES = frozenset({"Bloomberg"})

#: A capitalised token that marks an organisation: a span holding one is not a person or a place
#: ("Kataib Hezbollah", "Free Syrian Army", "Blackburn Rovers"). A place that the gazetteer knows
#: keeps its label ("Mexico City"), so "City" can be a cue for "Manchester City"; so do places
#: named with the words in PLACE_LIKE_CUE_WORDS.
ORG_CUE_WORDS = frozenset(
    {"Hezbollah", "Brigade", "Brigades", "Battalion", "Battalions", "Front", "Army", "Forces",
     "Militia", "Party", "Movement", "Council", "Government", "Ministry", "Department", "Agency",
     "Authority", "Commission", "Committee", "Corporation", "Corp", "Corp.", "Inc", "Inc.",
     "Ltd", "Ltd.", "Plc", "PLC", "LLC", "GmbH", "AG", "SA", "Co", "Co.", "Company", "Group",
     "Holdings", "Bank", "Fund", "Association", "Federation", "League", "Organisation",
     "Organization", "Institute", "University", "College", "Foundation", "Court", "Parliament",
     "Assembly", "Congress", "Senate", "Police", "Guard", "Guards", "Alliance", "Coalition",
     "Network", "Airlines", "Airways", "Motors", "Technologies", "Systems", "Semiconductor",
     "Pharmaceuticals", "FC", "United", "City", "Rovers", "Wanderers", "Athletic", "Albion",
     "Rangers", "Hotspur"}
)  # fmt: skip

#: Organisation words that also end place names ("West Bank", "Western Front", "Earls Court"):
#: they make a "person" an organisation, never a "place".
PLACE_LIKE_CUE_WORDS = frozenset({"Bank", "Front", "Court"})

#: Titles and honorifics written before a name: not part of it, and a sign that a name follows.
#: Compared case-insensitively ("foreign minister Ayman Safadi", "Prime Minister Mikati").
PERSON_TITLES = frozenset(
    {"president", "vice", "prime", "minister", "chancellor", "premier", "mr", "mr.", "mrs",
     "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame", "lord",
     "king", "queen", "prince", "princess", "emir", "sheikh", "pope", "sen", "sen.", "senator",
     "rep", "rep.", "governor", "gov.", "mayor", "judge", "gen", "gen.", "general", "colonel",
     "col.", "lt.", "captain", "capt.", "commander", "admiral", "ambassador", "secretary",
     "spokesman", "spokeswoman", "chairman", "chairwoman", "ceo", "rev.", "reverend", "imam",
     "rabbi", "ayatollah", "councilman", "councilwoman", "councillor", "councilor", "alderman",
     "alderwoman", "assemblyman", "assemblywoman", "congressman", "congresswoman", "lawmaker"}
)  # fmt: skip

#: Head words of an organisation's name that may go on through "of" or "for" and a name: the
#: model stops "National Observatory of Athens" and "Law Society of Kenya" before "of". A
#: mission also goes on through "in" ("Support Mission in Libya"): that is how they are named.
ORG_HEAD_WORDS = frozenset(
    {"Mission", "Observatory", "Society", "Institute", "Institution", "Bank", "University",
     "College", "Academy", "Council", "Commission", "Committee", "Association", "Federation",
     "Organisation", "Organization", "Agency", "Authority", "Fund", "Ministry", "Department",
     "Office", "Service", "Centre", "Center", "Foundation", "Union", "Chamber", "Board",
     "Inspectorate", "Court", "Tribunal", "Party", "Front", "Movement", "Alliance", "Church"}
)  # fmt: skip
ORG_HEAD_CONNECTORS = {"of": ORG_HEAD_WORDS, "for": ORG_HEAD_WORDS, "in": frozenset({"Mission"})}

#: Legal forms and group words written after a company's name ("Kestrel Airways Group",
#: "Nordvik Shipping ASA"): part of the name, though the model often stops before them.
CORPORATE_SUFFIXES = frozenset(
    {"Group", "Holdings", "Inc", "Inc.", "Ltd", "Ltd.", "Plc", "PLC", "LLC", "GmbH", "AG", "SA",
     "ASA", "NV", "BV", "SpA", "Corp", "Corp.", "AB", "Oyj", "SE", "SAS"}
)  # fmt: skip

#: Acronyms everyone knows without a definition in brackets, and their long forms: one entity.
WELL_KNOWN_ACRONYMS = {
    "UN": "United Nations",
    "U.N.": "United Nations",
    "EU": "European Union",
    "AU": "African Union",
    "NATO": "North Atlantic Treaty Organization",
    "WHO": "World Health Organization",
    "IMF": "International Monetary Fund",
    "ICC": "International Criminal Court",
    "UNICEF": "United Nations Children's Fund",
    "UNHCR": "United Nations High Commissioner for Refugees",
    "WFP": "World Food Programme",
    "OPEC": "Organization of the Petroleum Exporting Countries",
    "ECB": "European Central Bank",
    "ASEAN": "Association of Southeast Asian Nations",
}

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

#: Acronyms of four letters or more that name no organisation: an unknown acronym is taken for
#: one ("MONUSCO") unless it is here.
COMMON_ACRONYMS = frozenset(
    {"AIDS", "SARS", "COVID", "LGBT", "LGBTQ", "ASAP", "HTML", "HTTP", "HTTPS", "NASDAQ", "EBIT",
     "EBITDA", "MERS", "SUVs", "IPOs", "CEOs"}
)  # fmt: skip

#: Capitalised words that, alone, name an institution generically ("Parliament voted", "the
#: army said"): no name by themselves, whatever the model says. Compared case-insensitively.
BARE_INSTITUTION_WORDS = frozenset(
    {"parliament", "government", "army", "police", "senate", "cabinet", "military", "navy",
     "ministry", "court", "council", "presidency"}
)  # fmt: skip

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

#: Words at the end of a place span that say what kind of place it is ("Idlib province"):
#: resolution tries the name without them. Lowercase: names are compared casefolded.
PLACE_KIND_WORDS = frozenset({"province", "governorate", "region", "district", "county"})

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

#: Country names as news writes them, beside the GeoNames names the gazetteer already knows.
COUNTRY_ALIASES = {
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "U.S.A.": "US",
    "America": "US",
    "United States of America": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    "Netherlands": "NL",
    "Holland": "NL",
    "Czech Republic": "CZ",
    "Côte d'Ivoire": "CI",
    "Cote d'Ivoire": "CI",
    "Palestine": "PS",
    "Palestinian Territories": "PS",
    "Republic of Congo": "CG",
    "Democratic Republic of Congo": "CD",
    "DR Congo": "CD",
    "DRC": "CD",
    "Burma": "MM",
    "Türkiye": "TR",
    "Turkiye": "TR",
    "UAE": "AE",
    "Emirates": "AE",
    "Vatican City": "VA",
    "East Timor": "TL",
    "Timor-Leste": "TL",
    "Swaziland": "SZ",
    "Cape Verde": "CV",
    "Macedonia": "MK",
    "Russian Federation": "RU",
    "South Korea": "KR",
    "Korea": "KR",
    "North Korea": "KP",
    "Gambia": "GM",
    "The Gambia": "GM",
    "Bahamas": "BS",
    "The Bahamas": "BS",
}

#: Short names that news gives to two countries: the article's other places decide; without
#: them, the more populous (news' "Congo" is mostly the Democratic Republic's).
SHARED_COUNTRY_NAMES = {"Congo": ("CD", "CG")}

#: Demonyms not formed by adding a suffix to the country's name ("Syria" + "n" is found without a
#: list; "French" is not).
IRREGULAR_DEMONYMS = {
    "American": "US",
    "British": "GB",
    "English": "GB",
    "Scottish": "GB",
    "Scots": "GB",
    "Welsh": "GB",
    "French": "FR",
    "Dutch": "NL",
    "Swiss": "CH",
    "Greek": "GR",
    "Thai": "TH",
    "Filipino": "PH",
    "Saudi": "SA",
    "Emirati": "AE",
    "Turkish": "TR",
    "Danish": "DK",
    "Swedish": "SE",
    "Finnish": "FI",
    "Polish": "PL",
    "Spanish": "ES",
    "Irish": "IE",
    "Portuguese": "PT",
    "Norwegian": "NO",
    "Peruvian": "PE",
    "Palestinian": "PS",
    "Czech": "CZ",
    "Slovak": "SK",
    "Icelandic": "IS",
    "Afghan": "AF",
    "Malagasy": "MG",
    "Congolese": "CD",
    "Ivorian": "CI",
    "Belgian": "BE",
}

#: Endings that turn a country's name into its demonym: Syria-n, Iran-ian, Iraq-i, Leban-ese.
DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ns", "n", "is", "i", "ese", "ish")

#: Lowercase words that may sit inside a long name written out before its acronym:
#: "Organisation of the Petroleum Exporting Countries (OPEC)", "Hayat Tahrir al-Sham (HTS)",
#: "Organization for Security and Co-operation in Europe (OSCE)": the name particles, and the
#: little words of organisations' names. "and" and "for" belong here, not in running text's
#: names: the acronym in brackets says where this name starts, nothing does in "A and B said".
LONG_NAME_CONNECTORS = lexicon.NAME_PARTICLES | {"of", "the", "for", "and", "-"}

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

#: Nouns of an apposition that say what a name is: "Codelco, the state miner, ..." is an
#: organisation, "El Fasher, the last city in Darfur" a place. Lowercase.
APPOSITION_NOUNS = {
    **dict.fromkeys(
        ("company", "firm", "miner", "carrier", "airline", "lender", "bank", "insurer", "operator",
         "producer", "maker", "retailer", "broker", "regulator", "agency", "charity", "group",
         "conglomerate", "developer", "manufacturer", "supplier", "chipmaker", "carmaker",
         "automaker", "shipper", "utility", "exchange", "startup", "club", "party", "militia"),
        "ORG",
    ),
    **dict.fromkeys(
        ("city", "town", "village", "capital", "port", "district", "province", "region"), "GPE"
    ),
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

#: Nouns that make "<noun> of X" a place when X is one the gazetteer knows: "the port of
#: Rotterdam", "the city of Aleppo". Lowercase: compared with the token's lowercase form.
PLACE_OF_NOUNS = frozenset(
    {"port", "city", "town", "village", "capital", "province", "region", "state", "outskirts",
     "suburbs", "streets", "centre", "center", "governorate", "district"}
)  # fmt: skip

#: Lowercase words after a name that say it is a natural feature ("the Guaíba river", "the
#: Tigris valley"): the name is a place (LOC), never a person, whatever the gazetteer knows.
NATURAL_FEATURE_WORDS = frozenset(
    {"river", "lake", "lagoon", "basin", "valley", "delta", "mountains", "mountain", "bay",
     "strait", "sea", "desert", "island", "islands", "dam", "reservoir", "estuary", "gulf"}
)  # fmt: skip

#: Words before a number that say it is a bound or a guess: "at least 200", "nearly 40".
AMOUNT_QUALIFIERS = (
    "at least", "at most", "more than", "fewer than", "less than", "up to", "as many as",
    "about", "around", "nearly", "almost", "over", "some", "roughly", "approximately",
    "an estimated", "estimated",
)  # fmt: skip

#: Number words and their values; multipliers scale the number before them ("1.5 million").
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a dozen": 12, "a hundred": 100, "a thousand": 1000,
}  # fmt: skip
NUMBER_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9}

#: Vague amounts as GDELT-style counts: the least the words can mean ("dozens" is at least two
#: dozen), always marked approximate. Compared lowercase.
VAGUE_AMOUNTS = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens of thousands": 20000,
    "hundreds of thousands": 200000, "millions": 2000000,
}  # fmt: skip

#: Verbs that can follow a number directly ("two said", "12 died"): the end of the counted
#: phrase, never part of it. Words ending in -ed and -ing are treated alike.
AMOUNT_STOP_VERBS = frozenset({"said", "says", "say", "told", "tell", "went", "came", "fled"})

#: A minister's or secretary's portfolio, capitalised before the title ("Interior Minister X",
#: "Defence Secretary Y"): part of the title, though the model takes it for an organisation.
PORTFOLIO_WORDS = frozenset(
    {"interior", "foreign", "finance", "defence", "defense", "health", "economy", "justice",
     "energy", "trade", "education", "transport", "agriculture", "home", "environment",
     "culture", "labour", "labor"}
)  # fmt: skip

#: Lowercase words that describe a speaker before their name, beside PERSON_TITLES: "Syria's
#: foreign minister X", "chief executive Y", "former president Z". The role nouns are the
#: structure stage's (one list: a role it reads before a speaker's name is one the link accepts).
SPEAKER_ROLE_WORDS = (
    frozenset(word.lower() for word in lexicon.ROLE_WORDS)
    | PORTFOLIO_WORDS
    | {"deputy", "former", "acting", "senior"}
)
