"""Near-duplicates, stories and revisions: what an alerting desk needs to hear a story once.

Pure functions over plain records (no Faust, no I/O). :class:`StoryIndex` keeps the articles of
a time window in a mapping the caller provides (a dict, or a Faust table) and marks each article
it sees: the first article seen with its body (``duplicate_of``), the ``story`` it belongs to,
its ``revision`` and what changed. The method and its figures: ``docs/stages/stories.md``.
"""

from agents.stories.index import Record, StoryIndex
from agents.stories.stage import mark_story

__all__ = ["Record", "StoryIndex", "mark_story"]
