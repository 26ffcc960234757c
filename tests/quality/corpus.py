"""A deterministic corpus of invented news articles for benchmarks and tests, with typical damage.

Articles are assembled from phrase tables written for copydesk (no text from elsewhere): a title,
a standfirst, "N min read", a date, a credited caption and a body of six to ten paragraphs with
quotations, about 350 words. A third of them are damaged the way wire copy is: UTF-8 read as
cp1252 (mojibake), bytes in cp1252, or HTML entities left escaped.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

PLACES = [
    ("Lisbon", "Portuguese"), ("Nairobi", "Kenyan"), ("Manila", "Philippine"),
    ("Bogotá", "Colombian"), ("Warsaw", "Polish"), ("Hanoi", "Vietnamese"),
    ("Accra", "Ghanaian"), ("Lima", "Peruvian"), ("Ankara", "Turkish"), ("Oslo", "Norwegian"),
    ("Dhaka", "Bangladeshi"), ("Quito", "Ecuadorian"), ("Tunis", "Tunisian"),
    ("Zagreb", "Croatian"), ("Santiago", "Chilean"), ("Amman", "Jordanian"),
]  # fmt: skip
PEOPLE = [
    "Amara Okafor", "Luis Ferreira", "Ingrid Solberg", "Tomasz Wójcik", "Nguyen Thi Lan",
    "Kwame Mensah", "Elena Ruiz", "Mehmet Yılmaz", "Farah Haddad", "Ana Marić",
    "Rafael Cárdenas", "Sigrid Havik", "Joseph Mwangi", "Maya Castillo",
]  # fmt: skip
ROLES = [
    "the finance minister", "a spokeswoman for the ministry", "the mayor",
    "a senior official", "the union's leader", "the central bank governor",
    "an analyst at a local bank", "the head of the port authority",
]  # fmt: skip
TOPICS = [
    ("port workers strike over pay", "dock workers", "the strike"),
    ("floods force thousands from their homes", "residents", "the floods"),
    ("central bank raises interest rates", "borrowers", "the decision"),
    ("parliament passes new energy law", "households", "the law"),
    ("rail line reopens after landslide", "commuters", "the reopening"),
    ("farmers protest against import rules", "farmers", "the protest"),
    ("election count delayed by court ruling", "voters", "the delay"),
    ("heatwave strains power grid", "hospitals", "the heatwave"),
]  # fmt: skip
CREDITS = ["[Getty]", "(AFP)", "(Reuters)", "Photo: EPA", "[Anadolu]"]
MONTHS = ["January", "March", "May", "June", "September", "October", "November", "December"]


@dataclass(frozen=True)
class Article:
    id: str
    value: bytes  # what a producer publishes: a raw JSON record or bare bytes
    words: int


def build_corpus(count: int, seed: int = 2024) -> list[Article]:
    rng = random.Random(seed)
    return [_article(n, rng) for n in range(count)]


def _article(n: int, rng: random.Random) -> Article:
    place, adjective = rng.choice(PLACES)
    topic, who, thing = rng.choice(TOPICS)
    speaker, other = rng.sample(PEOPLE, 2)
    role = rng.choice(ROLES)
    title = f"{place}: {topic}"
    lines = [
        title,
        "",
        f"{adjective} authorities said {thing} would be reviewed as {who} counted the cost.",
        f"{rng.randint(2, 6)} min read",
        f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)}, {rng.choice([2023, 2024, 2025])}",
        f"{who.capitalize()} gather in central {place} on {_day(rng)} {rng.choice(CREDITS)}",
        "",
    ]
    for p in range(rng.randint(6, 10)):
        lines += [_paragraph(p, rng, place, adjective, who, thing, speaker, other, role), ""]
    text = "\n".join(lines)
    words = len(text.split())
    damage = n % 6
    if damage == 1:  # UTF-8 read as cp1252 somewhere upstream
        text = text.replace("’", "â€™").replace("“", "â€œ").replace("”", "â€\x9d")
    if damage == 3:  # HTML entities left in plain text
        text = text.replace("’", "&rsquo;").replace(" & ", " &amp; ")
    if damage == 5:  # bytes in a legacy encoding, bare
        return Article(f"bench-{n}", text.encode("cp1252", errors="replace"), words)
    record = {"id": f"bench-{n}", "source": "bench", "text": text}
    return Article(f"bench-{n}", json.dumps(record, ensure_ascii=False).encode(), words)


def _paragraph(
    p: int,
    rng: random.Random,
    place: str,
    adjective: str,
    who: str,
    thing: str,
    speaker: str,
    other: str,
    role: str,
) -> str:
    figure = rng.randint(12, 4800)
    options = [
        f"More than {figure:,} {who} were affected on {_day(rng)}, officials in {place} said, "
        f"and the government’s emergency committee met twice to discuss {thing}.",
        f"“We will not accept a solution that leaves {who} worse off,” said {speaker}, "
        f"{role}, speaking to reporters outside the {adjective} parliament.",
        f"{other}, who has followed the dispute for years, said {thing} showed how little "
        f"had changed since the last crisis. “Nobody listened then,” {other.split()[0]} added.",
        f"The opposition called for an inquiry into {thing}, saying ministers had ignored "
        f"warnings from {who} & local councils for at least {rng.randint(2, 9)} months.",
        f"Markets in {place} were calm, with the currency little changed and shares in "
        f"transport companies up {rng.randint(1, 7)}.{rng.randint(0, 9)} percent by midday.",
        f"“This is about trust,” {role} {speaker} told a news conference. “People need to see "
        f"that {thing} is taken seriously, and they need to see it this week.”",
    ]
    return options[(p + rng.randint(0, 5)) % len(options)]


def _day(rng: random.Random) -> str:
    return rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"])
