"""The contract with consumers: the JSON Schemas in ``schemas/``, and events to and from bytes.

Schemas refer to each other by ``$id`` (``urn:copydesk:schema:<name>:<version>``), so they are
registered together, loaded and checked once. Tests validate every event the pipeline emits
against them; a stage validates the event it reads (:func:`decode_event`), because the
intermediate topics are open to any producer.

The schema files live in the top-level ``schemas/`` folder of the source tree; a wheel carries
them as the package data ``agents/schemas/`` (see ``pyproject.toml``), so an installed copydesk
validates without a checkout.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

from agents.errors import RejectedInput
from agents.records import (
    SCHEMA_ALERT_MATCH,
    SCHEMA_ALERT_RULE,
    SCHEMA_ARTICLE_ENTITY,
    SCHEMA_DEAD_LETTER,
    SCHEMA_ENRICHED,
    SCHEMA_RAW,
    SCHEMA_REPAIRED,
    SCHEMA_STRUCTURED,
)


def _schema_dir() -> Path:
    """The source tree's ``schemas/`` when running from a checkout, else the installed copy."""
    checkout = Path(__file__).resolve().parent.parent / "schemas"
    if checkout.is_dir():
        return checkout
    return Path(str(files("agents") / "schemas"))


SCHEMA_DIR = _schema_dir()

#: Event ``schema`` versions and the file describing each.
SCHEMA_FILES = {
    SCHEMA_RAW: "raw-article.schema.json",
    SCHEMA_REPAIRED: "repaired-article.schema.json",
    SCHEMA_STRUCTURED: "structured-article.schema.json",
    SCHEMA_ENRICHED: "enriched-article.schema.json",
    SCHEMA_DEAD_LETTER: "dead-letter.schema.json",
    SCHEMA_ARTICLE_ENTITY: "article-entity.schema.json",
    SCHEMA_ALERT_RULE: "alert-rule.schema.json",
    SCHEMA_ALERT_MATCH: "alert-match.schema.json",
}


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(contents)
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator(version: str) -> Draft202012Validator:
    """The validator for one event version, e.g. ``"enriched-article/1"``."""
    path = SCHEMA_DIR / SCHEMA_FILES[version]
    schema = json.loads(path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=_registry())


def problems(record: Any, version: str) -> list[str]:
    """Every way ``record`` breaks schema ``version``, each said plainly; empty when valid."""
    errors = sorted(validator(version).iter_errors(record), key=lambda e: list(e.absolute_path))
    return [describe(error) for error in errors]


@cache
def _definition_validator(definition: str) -> Draft202012Validator:
    ref = f"urn:copydesk:schema:common:1#/$defs/{definition}"
    return Draft202012Validator({"$ref": ref}, registry=_registry())


def definition_problems(record: Any, definition: str) -> list[str]:
    """Every way ``record`` breaks one shared definition of ``common.schema.json`` (e.g.
    ``enriched_fields``). For a step that adds fields to an event made and checked before it:
    the whole enriched schema takes 60-70 ms an article to check, its story fields 0.4 ms."""
    validator = _definition_validator(definition)
    if validator.is_valid(record):
        return []
    errors = sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
    return [describe(error) for error in errors]


def describe(error: ValidationError) -> str:
    """A validation error as a person reads it: where, then what."""
    where = "/".join(str(part) for part in error.absolute_path)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        what = "unknown field" + ("s " if len(extra) > 1 else " ") + ", ".join(map(repr, extra))
    elif error.validator == "unevaluatedProperties":
        what = error.message.replace("Unevaluated properties are not allowed", "unknown fields")
    elif error.validator == "required":
        what = error.message.replace("is a required property", "is missing")
    elif error.validator == "type":
        what = f"must be {_article(error.validator_value)}, not {_json_type(error.instance)}"
    else:
        what = error.message
    return f"field '{where}': {what}" if where else what


def _article(types: str | list[str]) -> str:
    names = [types] if isinstance(types, str) else list(types)
    words = {"object": "an object", "array": "an array", "integer": "an integer", "null": "null"}
    return " or ".join(words.get(name, f"a {name}") for name in names)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


# --- events to and from bytes ---------------------------------------------------------------


def decode_event(value: bytes | None, version: str) -> Any:
    """An event read back from one of our own topics: JSON, valid against schema ``version``.

    The intermediate topics are open to any producer; checking the contract here turns a foreign
    or corrupted record into a clear dead letter instead of an exception deep inside a stage.
    """
    if not value:
        raise RejectedInput("empty", f"the record is empty where a {version} event was expected")
    try:
        event = json.loads(value)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RejectedInput("invalid_json", f"the record is not a JSON event: {exc}") from None
    found = problems(event, version)
    if found:
        raise RejectedInput(
            "schema_violation",
            f"the record is not a valid {version} event: " + "; ".join(found[:5]),
        )
    return event


def decode_events(values: list[bytes | None], version: str) -> list[Any]:
    """:func:`decode_event` for a batch: each value's event, or the exception it raised."""
    decoded: list[Any] = []
    for value in values:
        try:
            decoded.append(decode_event(value, version))
        except Exception as exc:
            decoded.append(exc)
    return decoded


def encode_event(event: dict) -> bytes:
    """An event as its topic's value: compact UTF-8 JSON, in the event's own key order.

    orjson writes the same JSON as ``json.dumps(event, ensure_ascii=False, separators=(",",
    ":"))`` five times faster (an enriched event and its per-entity events: 0.9 ms with ``json``),
    and refuses what is not JSON (a NaN becomes null, a non-string key raises).
    """
    return orjson.dumps(event)
