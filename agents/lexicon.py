"""Word lists two stages share: news agencies, name particles, role nouns. Data only.

The structure stage reads bylines, datelines, credits and speakers with these words; the entities
stage finds and links names with the same ones. Stated once here, so that a word added for one
stage reaches the other (an agency the byline reader knows is one the entity rules split off a
person). Each stage derives what it needs (a regex, a set in another case) in its own tables.
Where two lists look alike but are different facts, both stand here side by side, each saying
why it is not the other.

Every list is compared case-sensitively unless its comment says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set


def alternation(words: Iterable[str]) -> str:
    """``words`` as one regex alternation, longest first so that "Sept" wins over "Sep"; words of
    one length in the order given (a set's in alphabetical order, so the pattern is the same in
    every process).

    >>> alternation(["Sep", "Sept", "AP"])
    'Sept|Sep|AP'
    """
    ordered = sorted(words) if isinstance(words, Set) else list(dict.fromkeys(words))
    return "|".join(re.escape(word) for word in sorted(ordered, key=len, reverse=True))


# --- News agencies --------------------------------------------------------------------------------

#: News agencies, and the broadcasters and sites that sign copy the way agencies do, as bylines,
#: datelines, credits and attributions print them. The structure stage reads them in "By X,
#: Reuters", "BEIRUT (Reuters) -", "[AFP]" and "..., a senior official told Reuters"; the
#: entities stage splits one off the person the model ran it into ("Assad Reuters") and knows
#: each as an organisation wherever it stands. (Once two lists that had drifted apart: this one
#: holds every name either had.)
NEWS_AGENCIES = (
    # Wire agencies.
    "Reuters", "AFP", "Agence France-Presse", "AP", "Associated Press", "The Associated Press",
    "Bloomberg", "dpa", "DPA", "Xinhua", "Anadolu", "Anadolu Agency", "ANA", "ANSA", "EFE",
    "Kyodo", "Yonhap", "TASS", "RIA Novosti", "Interfax", "PA", "PA Media", "PTI", "ANI", "IANS",
    "IRNA", "Tasnim", "SANA", "WAFA", "UPI", "Bernama", "Antara", "KUNA", "Ukrinform",
    # Broadcasters and sites, credited like agencies: "Washington (CNN) —".
    "CNN", "BBC", "Al Jazeera", "The New Arab", "Sky News", "NPR",
)  # fmt: skip


# --- Name particles -------------------------------------------------------------------------------

#: Lowercase words that stand inside a proper name between its capitalised words: "Hanna de
#: Vries", "Omar al-Sharif" (written apart: "Omar al Sharif"), "Mohammed bin Salman", "Ludwig van
#: Beethoven", "José Ortega y Gasset", "Rio Grande do Sul", "Santiago de Compostela", "Col du
#: Tourmalet". One list for people and places: the structure stage reads names in bylines and
#: speakers with it, the entities stage carries a place or a venue on through it.
NAME_PARTICLES = frozenset(
    "al el bin ibn bint abu de del della der den da das di do dos du des la le van von ter y st"
    .split()
)  # fmt: skip

#: The Arabic article as it is written before a sun letter: "ash-Shara", "ad-Din", "as-Sadr".
#: Always hyphened to the name; alone they are English words ("as", "at", "an"), so they are no
#: NAME_PARTICLES: only where a hyphen holds them to a name are they particles.
ASSIMILATED_ARABIC_ARTICLES = frozenset({"as", "ash", "ad", "an", "ar", "at", "az"})

#: Particles that may be dropped from a surname and leave the same surname: "al-Assad" is Assad,
#: "de Gaulle" is Gaulle, "ash-Shara" is Shara. Fewer than NAME_PARTICLES, another fact: "Abu
#: Bakr" is not Bakr ("abu" is "father of": a name of its own), "St John" is not John, "y" joins
#: two surnames. Merging reads names as hyphened slugs, where the Arabic article's assimilated
#: forms can only come from a name.
SURNAME_PARTICLES = (
    frozenset({"al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "du", "le", "la"})
    | ASSIMILATED_ARABIC_ARTICLES
)


# --- Roles ----------------------------------------------------------------------------------------

#: Nouns that name what someone is or does, written before their name: "City manager Lena
#: Hartmann", "union leader X", "Rovers boss Y". The structure stage takes them into a speaker's
#: name; the entities stage accepts them before a name it links a speaker to. Compared
#: case-insensitively.
ROLE_WORDS = (
    "manager", "boss", "coach", "captain", "striker", "midfielder", "defender", "goalkeeper",
    "keeper", "player", "substitute", "organiser", "organizer", "campaigner", "executive", "chief",
    "chairman", "chairwoman", "chair", "president", "director", "owner", "co-owner", "founder",
    "leader", "analyst", "economist", "minister", "secretary", "mayor", "councillor", "councilor",
    "governor", "senator", "spokesman", "spokeswoman", "spokesperson", "officer", "official",
    "head", "professor", "researcher", "scientist", "lawyer", "teacher", "nurse", "doctor",
    "resident", "farmer", "commissioner", "inspector", "judge", "ambassador", "prosecutor",
    "editor", "engineer", "pilot", "treasurer", "trustee", "volunteer", "MP",
)  # fmt: skip
