"""Words that make a name an organisation's, and the organisations news names by habit:
cue words, head words that go on through "of", legal suffixes, acronyms known without a definition
and common ones that name none, news agencies, institutions named generically."""

from __future__ import annotations

from agents import lexicon

#: Legal forms and group words written after a company's name ("Kestrel Airways Group",
#: "Nordvik Shipping ASA"): part of the name, though the model often stops before them.
CORPORATE_SUFFIXES = frozenset(
    {"Group", "Holdings", "Inc", "Inc.", "Ltd", "Ltd.", "Plc", "PLC", "LLC", "GmbH", "AG", "SA",
     "ASA", "NV", "BV", "SpA", "Corp", "Corp.", "AB", "Oyj", "SE", "SAS"}
)  # fmt: skip

#: A capitalised token that marks an organisation: a span holding one is not a person or a place
#: ("Kataib Hezbollah", "Free Syrian Army", "Blackburn Rovers"). A place that the gazetteer knows
#: keeps its label ("Mexico City"), so "City" can be a cue for "Manchester City"; so do places
#: named with the words in PLACE_LIKE_CUE_WORDS. A company's legal form is one
#: ("Nordvik Shipping ASA").
ORG_CUE_WORDS = frozenset(
    {"Hezbollah", "Brigade", "Brigades", "Battalion", "Battalions", "Front", "Army", "Forces",
     "Militia", "Party", "Movement", "Council", "Government", "Ministry", "Department", "Agency",
     "Authority", "Commission", "Committee", "Corporation", "Co", "Co.", "Company", "Bank",
     "Fund", "Association", "Federation", "League", "Organisation", "Organization", "Institute",
     "University", "College", "Foundation", "Court", "Parliament", "Assembly", "Congress",
     "Senate", "Police", "Guard", "Guards", "Alliance", "Coalition", "Network", "Airlines",
     "Airways", "Motors", "Technologies", "Systems", "Semiconductor", "Pharmaceuticals", "FC",
     "United", "City", "Rovers", "Wanderers", "Athletic", "Albion", "Rangers", "Hotspur"}
) | CORPORATE_SUFFIXES  # fmt: skip

#: Nouns that name a kind of organisation: a name they stand in apposition to is one
#: ("Codelco, the state miner, ..."). Lowercase: compared with the token's lowercase form.
ORG_NOUNS = frozenset(
    {"company", "firm", "miner", "carrier", "airline", "lender", "bank", "insurer", "operator",
     "producer", "maker", "retailer", "broker", "regulator", "agency", "charity", "group",
     "conglomerate", "developer", "manufacturer", "supplier", "chipmaker", "carmaker",
     "automaker", "shipper", "utility", "exchange", "startup", "club", "party", "militia"}
)  # fmt: skip

#: Organisation words that also end place names ("West Bank", "Western Front", "Earls Court"):
#: they make a "person" an organisation, never a "place".
PLACE_LIKE_CUE_WORDS = frozenset({"Bank", "Front", "Court"})

#: Head words of an organisation's name that may go on through "of" or "for" and a name: the
#: model stops "National Observatory of Athens" and "Law Society of Kenya" before "of". A
#: mission also goes on through "in" ("Support Mission in Libya"): that is how they are named.
#: Many are ORG_CUE_WORDS too, but not all, and this is another fact: a head word says where a
#: name goes on, a cue word that a span is an organisation; "Union" heads "Union of Journalists"
#: and ends "Soviet Union", a place, and "Centre" ends "City Centre".
ORG_HEAD_WORDS = frozenset(
    {"Mission", "Observatory", "Society", "Institute", "Institution", "Bank", "University",
     "College", "Academy", "Council", "Commission", "Committee", "Association", "Federation",
     "Organisation", "Organization", "Agency", "Authority", "Fund", "Ministry", "Department",
     "Office", "Service", "Centre", "Center", "Foundation", "Union", "Chamber", "Board",
     "Inspectorate", "Court", "Tribunal", "Party", "Front", "Movement", "Alliance", "Church"}
)  # fmt: skip
ORG_HEAD_CONNECTORS = {"of": ORG_HEAD_WORDS, "for": ORG_HEAD_WORDS, "in": frozenset({"Mission"})}

#: Lowercase words that may sit inside a long name written out before its acronym:
#: "Organisation of the Petroleum Exporting Countries (OPEC)", "Hayat Tahrir al-Sham (HTS)",
#: "Organization for Security and Co-operation in Europe (OSCE)": the name particles, and the
#: little words of organisations' names. "and" and "for" belong here, not in running text's
#: names: the acronym in brackets says where this name starts, nothing does in "A and B said".
LONG_NAME_CONNECTORS = lexicon.NAME_PARTICLES | {"of", "the", "for", "and", "-"}

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

#: News agencies, as sets: the small model often reads "... said Reuters" as part of a person's
#: name or a place.
NEWS_AGENCIES = frozenset(lexicon.NEWS_AGENCIES)

#: Agencies that are also family names ("Michael Bloomberg"): never split off a person's name.
AGENCIES_ALSO_SURNAMES = frozenset({"Bloomberg"})
