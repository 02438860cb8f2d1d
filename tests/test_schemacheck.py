"""generator/schemacheck.py answers "valid" exactly where jsonschema's Draft4Validator finds no
error, for the two meta-schemas openapi-spec-validator applies: checked side by side over the
descriptions the tests use, over random mutations of them, and over random schemas.

Its promise is one-sided (True only when jsonschema finds nothing; anything else goes to
jsonschema), but the two are held to agree both ways: a check that says "invalid" too often
would silently give the speed back."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema.validators import Draft4Validator, validator_for
from openapi_schema_validator.validators import OAS30Validator
from openapi_spec_validator.schemas import openapi_v30_schema_validator

from generator import validate
from generator.load import load_document
from generator.schemacheck import MAX_DEPTH, draft4_check

ROOT = Path(__file__).resolve().parent.parent
SPECS = sorted(
    p
    for folder in ("public", "alt", "root_causes")
    for p in (ROOT / "tests" / "specs" / folder).rglob("*")
    if p.suffix in (".json", ".yaml", ".yml")
) + sorted((ROOT / "spec").glob("*.*"))

DOCUMENT_SCHEMA = openapi_v30_schema_validator.schema
DOCUMENT = draft4_check(Draft4Validator, DOCUMENT_SCHEMA, None)
META = OAS30Validator.META_SCHEMA
META_CHECK = draft4_check(validator_for(META, default=OAS30Validator), META, OAS30Validator.FORMAT_CHECKER)
META_VALIDATOR = Draft4Validator(META, format_checker=OAS30Validator.FORMAT_CHECKER)


def _jsonschema_valid(validator: Any, instance: Any) -> bool | None:
    """jsonschema's verdict; None when it raises (the fast check must then say False)."""
    try:
        return next(iter(validator.iter_errors(instance)), None) is None
    except Exception:
        return None


def _agree(check: Any, validator: Any, instance: Any) -> None:
    expected = _jsonschema_valid(validator, instance)
    assert check(instance) is bool(expected), json.dumps(instance, default=str)[:2000]


def _spec_data(path: Path) -> Any:
    text = path.read_text("utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


def _openapi_30() -> list[Any]:
    out = []
    for path in SPECS:
        try:
            data = _spec_data(path)
        except Exception:
            continue
        if isinstance(data, dict) and str(data.get("openapi", "")).startswith("3.0"):
            out.append(data)
    return out


DOCS = _openapi_30()


def test_both_meta_schemas_compile() -> None:
    assert DOCUMENT is not None and META_CHECK is not None
    assert len(DOCS) >= 5


def test_agrees_on_the_test_descriptions() -> None:
    for data in DOCS:
        _agree(DOCUMENT, openapi_v30_schema_validator, data)


def _schemas(node: Any) -> list[Any]:
    """Every value under a ``schema``/``schemas``/``properties``/``items`` key: schema objects."""
    found: list[Any] = []
    stack = [node]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, child in value.items():
                if key in ("schema", "items", "additionalProperties", "not"):
                    found.append(child)
                elif key in ("schemas", "properties") and isinstance(child, dict):
                    found.extend(child.values())
                elif key in ("allOf", "anyOf", "oneOf") and isinstance(child, list):
                    found.extend(child)
                stack.append(child)
        elif isinstance(value, list):
            stack.extend(value)
    return found


def test_agrees_on_the_schemas_of_the_test_descriptions() -> None:
    schemas = [s for data in DOCS for s in _schemas(data)]
    assert len(schemas) > 100
    for schema in schemas:
        _agree(META_CHECK, META_VALIDATOR, schema)


# JSON values, with the ones type checks trip on: bools beside ints, 1.0 beside 1, negative numbers
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([0.0, 1.0, -1.5, 2.5]),
    st.sampled_from(["", "x", "a(b", "[", "^x-a", "x-y", "/p", "200", "2XX", "query", "header", "path",
                     "simple", "form", "http", "apiKey", "oauth2", "bearer", "object", "string",
                     "integer", "array", "int32", "#/components/schemas/A", "3.0.0"]),
    st.text(max_size=5),
)
_keys = st.sampled_from([
    "type", "properties", "items", "required", "enum", "format", "pattern", "minimum", "maximum",
    "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems",
    "uniqueItems", "allOf", "anyOf", "oneOf", "not", "additionalProperties", "$ref", "default",
    "nullable", "discriminator", "readOnly", "writeOnly", "description", "example", "x-a", "name",
    "in", "schema", "content", "style", "explode", "responses", "description", "url", "scheme",
    "get", "parameters", "multipleOf", "minProperties", "maxProperties", "dependencies", "id", "$schema",
])
_json = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=5)),
    max_leaves=25,
)


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _places(value, (*path, index))
    return out


def _mutate(data: Any, path: tuple[Any, ...], value: Any, how: int) -> Any:
    data = copy.deepcopy(data)
    if not path:
        return value
    parent = data
    for token in path[:-1]:
        parent = parent[token]
    last = path[-1]
    if how == 0 or not isinstance(parent, dict):
        parent[last] = value
    elif how == 1:
        del parent[last]
    else:
        parent[f"{last}x" if isinstance(last, str) else "x"] = value
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_agrees_on_mutated_descriptions(data: st.DataObject) -> None:
    doc = data.draw(st.sampled_from(DOCS[:12]))
    places = _places(doc)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(places))
        doc = _mutate(doc, path, data.draw(_json), data.draw(st.integers(0, 2)))
        places = _places(doc) or [()]
    _agree(DOCUMENT, openapi_v30_schema_validator, doc)


@settings(max_examples=1500, deadline=None)
@given(_json)
def test_agrees_on_random_schemas(schema: Any) -> None:
    _agree(META_CHECK, META_VALIDATOR, schema)


@settings(max_examples=300, deadline=None)
@given(_json)
def test_agrees_on_random_documents(doc: Any) -> None:
    _agree(DOCUMENT, openapi_v30_schema_validator, doc)


def test_deep_documents_are_left_to_jsonschema() -> None:
    schema: Any = {"type": "string"}
    for _ in range(MAX_DEPTH + 1):
        schema = {"type": "array", "items": schema}
    assert _jsonschema_valid(META_VALIDATOR, schema) is True
    assert META_CHECK(schema) is False  # not "invalid": "ask jsonschema"


def test_another_validator_class_is_refused() -> None:
    from jsonschema.validators import Draft7Validator

    assert draft4_check(Draft7Validator, META, None) is None
    assert draft4_check(Draft4Validator, {"$ref": "http://example.com/schema"}, None) is None


@pytest.mark.parametrize("name", ["validator-findings-3.0.yaml"])
def test_findings_are_unchanged(name: str) -> None:
    """A description with findings: the gated validator reports exactly what the plain one does."""
    doc = load_document(ROOT / "tests" / "specs" / "root_causes" / name)
    version, _ = validate.check(doc)
    gated = validate.run_spec_validator(doc, version)
    original = validate._skip_what_is_valid
    try:
        validate._skip_what_is_valid = lambda validator: None  # type: ignore[assignment]
        plain = validate.run_spec_validator(doc, version)
    finally:
        validate._skip_what_is_valid = original  # type: ignore[assignment]
    assert gated == plain and gated
