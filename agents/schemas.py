"""The JSON Schemas in ``schemas/``: loaded and checked once, then used to validate records.

Schemas refer to each other by ``$id`` (``urn:copydesk:schema:<name>:<version>``), so they are
registered together. The topic schemas are the contract with consumers; tests validate every
event the pipeline emits against them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"

#: Event ``schema`` versions and the file describing each.
SCHEMA_FILES = {
    "raw-article/1": "raw-article.schema.json",
    "repaired-article/1": "repaired-article.schema.json",
    "structured-article/1": "structured-article.schema.json",
    "enriched-article/1": "enriched-article.schema.json",
    "dead-letter/1": "dead-letter.schema.json",
    "article-entity/1": "article-entity.schema.json",
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
