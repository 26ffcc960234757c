"""copydesk's exceptions, all under :class:`CopydeskError`.

A :class:`RejectedInput` is bad input, not a bug: the agent that meets it dead-letters the record
with ``kind`` and ``reason`` and goes on. Any other exception inside a stage is dead-lettered too,
as ``stage_error``, with its traceback. A record that holds the stages past its deadline is
stopped and dead-lettered as ``deadline`` (:mod:`agents.compute`).
"""

from __future__ import annotations

from typing import Literal

#: Why a record went to the dead-letter topic. Mirrored in ``schemas/dead-letter.schema.json``.
RejectKind = Literal[
    "empty",
    "too_large",
    "binary",
    "undecodable",
    "invalid_json",
    "schema_violation",
    "stage_error",
    "deadline",
]


class CopydeskError(Exception):
    """Base of every error copydesk raises on purpose."""


class ConfigError(CopydeskError):
    """A setting or flag has a value copydesk cannot use."""


class BrokerError(CopydeskError):
    """The embedded broker could not be found or started."""


class RejectedInput(CopydeskError):
    """A record no stage can process; ``reason`` is written for the person reading the DLQ."""

    def __init__(self, kind: RejectKind, reason: str) -> None:
        super().__init__(reason)
        self.kind: RejectKind = kind
        self.reason = reason
