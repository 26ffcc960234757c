"""OntoNotes labels (the small model's) in the groups the rules test, and the kinds of block
the stage reads."""

from __future__ import annotations

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
#: Places that are areas, not buildings. No area is named with figures ("M23" is a militia),
#: where a building may be ("Terminal 5").
AREA_LABELS = frozenset({"GPE", "LOC"})
#: Who acts and speaks under a name: people and organisations. The model often takes a place
#: for one of them ("Uruguay offered...", "everyone in Blackburn").
ACTOR_LABELS = frozenset({"PERSON", "ORG"})
#: Names the article may use again alone, and that the rules look for across it: actors and
#: places ("Assad", "HTS", "Aleppo"); a group, an event or a law is named again in other words.
ACTOR_OR_PLACE_LABELS = ACTOR_LABELS | PLACE_LABELS
#: A place or its people: the model confuses the two ("Syrian" as a place, "Kigali" as a group),
#: and takes a militia for either.
AREA_OR_GROUP_LABELS = AREA_LABELS | {"NORP"}
PLACE_OR_GROUP_LABELS = PLACE_LABELS | {"NORP"}
