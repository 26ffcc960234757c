"""The one error path: a record a stage could not process becomes a dead letter.

The streaming agents and ``copydesk process`` both call :func:`dead_letter`, so they report bad
input the same way: the input's key and value bytes (lossless, base64), the stage, a kind from
a closed list (:data:`agents.errors.RejectKind`) and a reason written for a person.
"""

from __future__ import annotations

import base64
import traceback

from agents.errors import RejectedInput
from agents.records import SCHEMA_DEAD_LETTER, DeadLetter, Stage, utc_now
from agents.repair.intake import key_as_id


def dead_letter(
    stage: Stage,
    error: BaseException,
    key: bytes | None,
    value: bytes | None,
    *,
    origin: dict[str, object],
    article_id: str | None = None,
    source: str | None = None,
) -> DeadLetter:
    """The dead-letter event for a record a stage could not process: lossless, and explained."""
    if isinstance(error, RejectedInput):
        kind, reason, trace = error.kind, error.reason, None
    else:
        kind = "stage_error"
        reason = f"the {stage} stage failed on this record: {type(error).__name__}: {error}"
        trace = "".join(traceback.format_exception(error)[-8:])
    value = value or b""
    return {
        "schema": SCHEMA_DEAD_LETTER,
        "id": article_id or key_as_id(key),
        "source": source,
        "stage": stage,
        "kind": kind,
        "reason": reason,
        "failed_at": utc_now(),
        "origin": origin,
        "key_b64": base64.b64encode(key).decode("ascii") if key is not None else None,
        "value_b64": base64.b64encode(value).decode("ascii"),
        "value_bytes": len(value),
        "value_preview": value[:200].decode("utf-8", errors="replace"),
        "traceback": trace,
    }
