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
