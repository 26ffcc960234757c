"""The structure stage's tables: regular expressions, word lists and tuned sizes, no logic.

One module per reader, named after the module that reads it, so that ``quotes.py`` finds its
words in ``tables/quotes.py``:

- ``furniture``: buttons, links, ads, banners, list labels, the signs of mojibake;
- ``metadata``: bylines and their trailers, reading time, caption credits, datelines;
- ``layout``: sizes of headlines, headings, kickers and standfirsts; words; wrapped lines;
- ``dates``: months, weekdays, date shapes, clock times, time zones, date labels;
- ``quotes``: quotation marks, speech verbs, speakers and roles, sentence breaks;
- ``html_page``: ``<meta>`` names, JSON-LD types, where captions stand, main-text sizes.

Words the entities stage also reads (news agencies, name particles, role nouns) are in
:mod:`agents.lexicon`. Every regex is compiled once, at import, with its flags beside it: case is
ignored for words, and kept where capitals carry meaning (names, places, time zones). A tuned size
says how it was calibrated where that is known. "Labelled set, Nov 2026: same scores from A to B"
means that the structure benchmark (``python -m benchmarks.structure``, 34 labelled articles) gives
the same score on every field for every value from A to B, each value tried in turn with all else
as it is, and a lower score just outside (the fields that drop are named). "From A up" means no
higher value tried changed anything: the set does not bound it, the value is a judgement.
"""
