"""Liveness and readiness of a worker, decided from its :class:`~agents.compute.Status` snapshot.

- **Live** (``/healthz``) while the event loop and the compute process make progress. Not live
  when a record has held the compute process past its deadline (from then until the replacement
  process has taken the batch up again: the record is being stopped, the model reloaded), or
  when the event loop lagged past the group heartbeat interval in the last few seconds (the
  broker may already be counting the worker out). A loop stalled right now answers nothing at
  all: a probe's timeout is the verdict then.
- **Ready** (``/readyz``) once the group has assigned the worker partitions of the raw topic and
  the compute process has its model loaded (again, after a restart).

Each verdict says why in words, for the JSON body an operator reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Verdict:
    ok: bool
    reasons: list[str] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def http_status(self) -> int:
        return 200 if self.ok else 503

    def as_json(self) -> dict[str, Any]:
        return {"status": "ok" if self.ok else "failing", "reasons": self.reasons, **self.detail}


def liveness(snapshot: Mapping[str, Any], loop_lag: float, heartbeat_s: float) -> Verdict:
    """``snapshot``: ``Status.snapshot()``; ``loop_lag``: the loop's worst recent lag (s)."""
    reasons = []
    if snapshot["past_deadline"]:
        reasons.append(
            f"a record held the compute process past its deadline in the {snapshot['stage']} "
            f"stage ({snapshot['busy_for'] or 0:.1f} s into its batch): the record is being "
            "stopped and the compute process replaced"
        )
    if loop_lag > heartbeat_s:
        reasons.append(
            f"the event loop lagged {loop_lag:.2f} s, past the heartbeat interval of "
            f"{heartbeat_s:g} s: the group may evict this worker"
        )
    detail = {
        "compute": {
            name: round(value, 3) if isinstance(value, float) else value
            for name in ("ready", "stage", "in_flight", "busy_for", "stalled_for", "restarts")
            for value in [snapshot[name]]
        },
        "last_restart": snapshot["last_restart"],
        "event_loop_lag_seconds": round(loop_lag, 4),
        "heartbeat_interval_seconds": heartbeat_s,
    }
    return Verdict(not reasons, reasons, detail)


def readiness(snapshot: Mapping[str, Any], assigned: list[int], topic: str) -> Verdict:
    """``assigned``: the partitions of the raw topic ``topic`` the group gave this worker."""
    reasons = []
    if not assigned:
        reasons.append(
            f"no partition of {topic} assigned to this worker yet (joining the group, or more "
            "workers than partitions)"
        )
    if not snapshot["ready"]:
        reasons.append(
            "the compute process is loading its stages and model"
            + (f" (after: {snapshot['last_restart']})" if snapshot["restarts"] else "")
        )
    detail = {"partitions": sorted(assigned), "model": snapshot["model"]}
    return Verdict(not reasons, reasons, detail)
