"""The entities stage's tables: word lists by the kind of thing they name, no logic.

- ``labels``: the model's labels in the groups the rules test (names, places, areas, actors...),
  and the kinds of block the stage reads;
- ``people``: titles, portfolios and roles before a person's name;
- ``organisations``: words that mark an organisation, head words and legal suffixes of its name,
  acronyms known or common, news agencies, institutions named generically;
- ``places``: words around a name that make it a place, kinds of place, buildings and venues,
  towns that are also everyday words;
- ``countries``: country names as news writes them, and demonyms (read by the gazetteer);
- ``landforms``: rivers, ranges and seas news names bare; words that open or follow a feature;
- ``events``: the shapes of competitions' and storms' names;
- ``sport``: sport words, and the words around a club's name;
- ``amounts``: number words, qualifiers, vague amounts.

Words the structure stage also reads (news agencies, name particles, role nouns) are in
:mod:`agents.lexicon`. Every list is matched against whole tokens or whole names,
case-sensitively unless its comment says otherwise. Grow them from real misses; each entry should
be a word that means the same thing in any article, never an answer for one article.
"""
