"""copydesk's benchmarks: ``python -m benchmarks.stages`` (offline, per stage) and
``python -m benchmarks.streaming`` (through the embedded broker and a real worker)."""
