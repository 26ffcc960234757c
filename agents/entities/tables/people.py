"""Words before a person's name: titles and honorifics, portfolios, roles (from
:mod:`agents.lexicon`, shared with the structure stage's speakers)."""

from __future__ import annotations

from agents import lexicon

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
