"""The worker's log lines as JSON, for a log pipeline to index (``COPYDESK_LOG_FORMAT=json``).

One JSON object a line: ``time`` (UTC, ISO 8601), ``level``, ``logger``, ``message``, and the
record fields a line carries (:data:`RECORD_FIELDS`, passed as ``extra=``): the loop logs one
line per record it published, with its ``article_id``, ``stage`` and ``outcome``, and for a
dead letter its ``kind`` and ``reason`` too. A traceback goes in ``exc``, as text.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

#: The per-record fields a log call may pass as ``extra``; the JSON line carries those present.
RECORD_FIELDS = ("article_id", "stage", "outcome", "kind", "reason", "partition", "offset")


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in RECORD_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                line[name] = value
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def logging_config(log_format: str, level: str) -> dict[str, Any] | None:
    """What the worker hands ``mode``'s logging set-up: None keeps Faust's own (text) lines;
    ``json`` replaces its console handler with one of :class:`JsonFormatter` on stdout."""
    if log_format != "json":
        return None
    return {
        "merge": True,  # mode's defaults, with our formatter and handler in place of its own
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {
            "default": {
                "level": level.upper(),
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
    }
