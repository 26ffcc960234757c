"""Intake: turn one record from ``articles.raw`` (key and value bytes) into a :class:`RawArticle`.

A value whose first non-blank byte is ``{`` is a JSON raw record (``schemas/raw-article``);
anything else is the bare bytes of one article, in an encoding the repair stage will work out.
Everything that cannot be an article is rejected here with a reason a person can act on.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json

from agents.contracts import problems
from agents.errors import RejectedInput
from agents.records import RawArticle

_UTF8_BOM = b"\xef\xbb\xbf"


def parse_raw_record(
    key: bytes | None,
    value: bytes | None,
    *,
    max_bytes: int,
    ingested_at: str | None = None,
) -> RawArticle:
    """Parse a raw record; raise :class:`RejectedInput` when it is not an article."""
    if not value or not value.strip():
        raise RejectedInput("empty", "the record is empty: no article text or bytes in its value")
    if len(value) > max_bytes:
        raise RejectedInput(
            "too_large",
            f"the record is {len(value):,} bytes, over the limit of {max_bytes:,} bytes "
            "(COPYDESK_MAX_RECORD_BYTES)",
        )
    key_id = key_as_id(key)
    if value.removeprefix(_UTF8_BOM).lstrip().startswith(b"{"):
        return _parse_json_record(value, key_id, ingested_at)
    return RawArticle(id=key_id or content_id(value), body=value, ingested_at=ingested_at)


def content_id(content: bytes) -> str:
    """A stable article id derived from the content, so a replay produces the same keys."""
    return "sha256:" + hashlib.sha256(content).hexdigest()[:32]


def key_as_id(key: bytes | None) -> str | None:
    """A record's key as an article id: producers key raw records by id."""
    if not key:
        return None
    try:
        text = key.decode("utf-8").strip()
    except UnicodeDecodeError:
        return None
    return text or None


def _parse_json_record(value: bytes, key_id: str | None, ingested_at: str | None) -> RawArticle:
    try:
        record = json.loads(value.removeprefix(_UTF8_BOM).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise RejectedInput(
            "invalid_json",
            f"the record looks like JSON but is not UTF-8: {exc.reason} "
            f"at byte {exc.start}; send bytes of unknown encoding as body_b64",
        ) from None
    except json.JSONDecodeError as exc:
        raise RejectedInput(
            "invalid_json",
            f"the record starts with '{{' but is not valid JSON: {exc.msg} "
            f"at line {exc.lineno}, column {exc.colno}",
        ) from None
    # A value starting with "{" that parses is an object. Say what is missing in plain words
    # before the schema's oneOf does so in its own.
    if "text" in record and "body_b64" in record:
        raise RejectedInput(
            "schema_violation", "the record has both 'text' and 'body_b64': give exactly one"
        )
    if "text" not in record and "body_b64" not in record:
        raise RejectedInput(
            "schema_violation",
            "the record has neither 'text' nor 'body_b64': give the article in exactly one",
        )
    found = problems(record, "raw-article/1")
    if found:
        raise RejectedInput(
            "schema_violation", "the record breaks schemas/raw-article: " + "; ".join(found[:5])
        )
    body = _decode_body(record["body_b64"]) if "body_b64" in record else None
    text = record.get("text")
    content = body if body is not None else text.encode("utf-8")
    if not content.strip():
        raise RejectedInput("empty", "the record's article text is empty")
    return RawArticle(
        id=record.get("id") or key_id or content_id(content),
        source=record.get("source"),
        url=record.get("url"),
        received_at=record.get("received_at"),
        title=record.get("title"),
        published=record.get("published"),
        content_type=record.get("content_type"),
        charset=record.get("charset"),
        text=text,
        body=body,
        ingested_at=ingested_at,
    )


def _decode_body(encoded: str) -> bytes:
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise RejectedInput(
            "schema_violation", "field 'body_b64' is not valid base64 (RFC 4648, no line breaks)"
        ) from None
