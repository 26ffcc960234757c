"""Short bodies written for these tests: one story, a rival agency's account of the same event,
and the ways an outlet changes a copy of the first."""

FERRY = [
    "A passenger ferry ran aground off the island of Valdre early on Tuesday, and all 212 people "
    "on board were brought ashore in lifeboats, the coastguard said.",
    "The ferry Northern Lark struck a sandbank in heavy fog about two kilometres from the harbour "
    "at Kessa shortly after five in the morning, according to the operator.",
    "Eleven passengers were treated in hospital for cold and minor injuries, and none was in a "
    "serious condition, a spokeswoman for the regional health board said.",
    "The operator, Strand Line, said it had suspended crossings on the route until divers had "
    "inspected the hull, and that passengers would be refunded in full.",
    "Investigators from the maritime safety agency were expected on the island by the evening to "
    "question the crew and examine the ship's navigation records.",
    "It was the second grounding on the route in three years; in 2022 a cargo vessel was stuck on "
    "the same bank for four days before tugs freed it.",
]

#: The same event, written independently by another agency: same facts, other words.
FERRY_RIVAL = [
    "More than two hundred people were rescued on Tuesday after a ferry hit a sandbank in thick "
    "fog near the port of Kessa, on Valdre island, officials said.",
    "Lifeboats carried the 212 passengers and crew of the Northern Lark to shore within three "
    "hours, the coastguard's duty officer told reporters.",
    "Eleven people needed hospital treatment, mostly for hypothermia, the health board said, "
    "adding that none of them was badly hurt.",
    "Strand Line, which runs the service, halted all sailings on the route pending an "
    "inspection, and promised refunds to everyone on board.",
]

HARBOUR = [
    "Dock workers at the port of Aldmouth walked out at midnight on Monday over a pay offer that "
    "their union called an insult, leaving forty ships waiting at anchor.",
    "The port authority said the strike would cost the regional economy millions of pounds a day "
    "and urged both sides to return to talks at the conciliation service.",
    "Union leaders said the offer of three per cent fell far short of inflation and that the "
    "walkout would last a week unless the employers improved it.",
]


def syndicated(paragraphs: list[str]) -> list[str]:
    """An outlet's copy: an agency credit in the lead, the last paragraph trimmed."""
    return [paragraphs[0].replace("early on Tuesday", "early on Tuesday (Wire)"), *paragraphs[1:-1]]


def reordered(paragraphs: list[str]) -> list[str]:
    return [paragraphs[0], paragraphs[2], paragraphs[1], *paragraphs[3:]]
