"""Hypothesis profiles for the property tests: ``ci`` (the default) keeps the suite's cost
modest; ``long`` (``HYPOTHESIS_PROFILE=long``) runs a hundred times as many examples. Examples are
derandomised in CI, so a run is repeatable; no deadline, since the model's first call is slow and
speed is the hostile benchmark's business, not a test's."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ci", max_examples=25, derandomize=True, **_COMMON)
settings.register_profile("long", max_examples=2_500, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
