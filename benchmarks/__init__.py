"""copydesk's benchmarks: speed and quality reports, each run as ``python -m benchmarks.NAME``
(``stages``, ``repair``, ``structure``, ``entities`` offline; ``streaming`` through the embedded
broker and a real worker). Scorers, labelled-set loaders and the corpus come from
``tests.quality``: benchmarks import from tests, never the reverse."""
