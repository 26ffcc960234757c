"""Countries as news names them, beside GeoNames' names: aliases, shared short names,
demonyms. Read by the gazetteer."""

from __future__ import annotations

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
