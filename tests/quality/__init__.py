"""Quality gates, seed tests and ftfy's cases, and what scores them: the labelled-set loaders and
scorers, the corpus builder and the damage functions, shared with ``benchmarks/`` (which reads
them from here; nothing under ``tests/`` reads from there)."""
