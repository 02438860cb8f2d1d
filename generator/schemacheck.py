"""A compiled yes/no check against a JSON Schema draft-04 schema, exactly as jsonschema's
``Draft4Validator`` decides validity, for the two meta-schemas openapi-spec-validator applies
(the OpenAPI 2.0/3.0 document schema to the whole description, the draft-04 meta-schema to each
schema in it). jsonschema takes most of a large description's run doing that (Stripe's, GitHub's:
seconds) because every step evolves a validator and resolves references; closures built once
do the same in a tenth of the time.

It only ever answers "valid": when it says so, jsonschema would have found nothing, and the
validator's work is skipped. Anything else (invalid, an exception, a keyword or construct this
module does not implement, a document deep enough that jsonschema might run out of stack) means
"ask jsonschema", which then reports exactly what it always did. So findings, their messages and
their order cannot change; only the time spent on a description without findings does.

Each keyword mirrors the jsonschema function named beside it (jsonschema 4.x, ``_keywords`` and
``_legacy_keywords``); ``draft4_check`` refuses a validator class whose keyword functions or
type checker are not those, so another jsonschema release cannot silently diverge.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import unquote

from .problems import pointer_index

Check = Callable[[Any], bool]

# Deeper documents are left to jsonschema: it recurses about six frames per level and runs out
# of stack (RecursionError, reported as "could not finish") past ~160 levels; this module,
# which recurses less, would finish there and answer differently.
MAX_DEPTH = 64


class Unsupported(Exception):
    """The schema uses something this module does not implement: use jsonschema instead."""


def _is_integer(x: Any) -> bool:  # jsonschema._types.is_integer (draft 4: 1.0 is not one)
    return isinstance(x, int) and not isinstance(x, bool)


def _is_number(x: Any) -> bool:  # jsonschema._types.is_number
    return isinstance(x, numbers.Number) and not isinstance(x, bool)


_TYPES: dict[str, Check] = {
    "array": lambda x: isinstance(x, list),
    "boolean": lambda x: isinstance(x, bool),
    "integer": _is_integer,
    "null": lambda x: x is None,
    "number": _is_number,
    "object": lambda x: isinstance(x, dict),
    "string": lambda x: isinstance(x, str),
}


def _always(_: Any) -> bool:
    return True


def _all(checks: list[Check]) -> Check:
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]

    def check(x: Any) -> bool:
        for each in checks:
            if not each(x):
                return False
        return True

    return check


class _Compiler:
    def __init__(self, root: Any, format_checker: Any) -> None:
        self.root = root
        self.format_checker = format_checker
        self.refs: dict[str, list[Check]] = {}  # pointer → [its check], filled once compiled

    def ref(self, ref: Any) -> Check:  # _keywords.ref, local references only
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise Unsupported(f"$ref {ref!r}")
        pointer = unquote(ref[1:])
        cell = self.refs.get(pointer)
        if cell is None:
            cell = self.refs[pointer] = []
            cell.append(self.schema(_resolve(self.root, pointer), top=pointer == ""))
        # late-bound: a recursive schema's cell is still empty while its own body compiles
        return lambda x: cell[0](x)

    def schema(self, schema: Any, top: bool = False) -> Check:
        if not isinstance(schema, dict):
            raise Unsupported(f"schema {schema!r}")
        if "$ref" in schema and schema["$ref"] is not None:
            return self.ref(schema["$ref"])  # draft 4 ignores a $ref's siblings
        if "id" in schema and not top:
            raise Unsupported("a nested id (a change of base URI)")
        return _all([self.keyword(key, value, schema) for key, value in schema.items() if key in _KEYWORDS])

    def keyword(self, key: str, value: Any, schema: dict[str, Any]) -> Check:
        return _KEYWORDS[key](self, value, schema)


def _resolve(root: Any, pointer: str) -> Any:
    node = root
    for token in pointer.split("/")[1:] if pointer else ():
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and (index := pointer_index(token, len(node))) is not None:
            node = node[index]
        else:
            raise Unsupported(f"unresolvable pointer {pointer!r}")
    return node


def _type(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.type
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) and n in _TYPES for n in names):
        raise Unsupported(f"type {value!r}")
    tests = [_TYPES[n] for n in names]
    if len(tests) == 1:
        return tests[0]
    return lambda x: any(test(x) for test in tests)


def _properties(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.properties
    if not isinstance(value, dict):
        raise Unsupported("properties")
    subs = {name: c.schema(sub) for name, sub in value.items()}

    def check(x: Any) -> bool:
        if not isinstance(x, dict):
            return True
        # over the instance's keys, usually far fewer than a meta-schema's properties (the
        # same checks as jsonschema's loop over the schema's, in another order)
        for key, item in x.items():
            sub = subs.get(key)
            if sub is not None and not sub(item):
                return False
        return True

    return check


def _pattern_properties(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.patternProperties
    if not isinstance(value, dict):
        raise Unsupported("patternProperties")
    subs = [(re.compile(pattern).search, c.schema(sub)) for pattern, sub in value.items()]

    def check(x: Any) -> bool:
        if not isinstance(x, dict):
            return True
        for search, sub in subs:
            for key, item in x.items():
                if search(key) and not sub(item):
                    return False
        return True

    return check


def _additional_properties(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.additionalProperties
    known = schema.get("properties", {})
    patterns = schema.get("patternProperties", {})
    if not isinstance(known, dict) or not isinstance(patterns, dict):
        raise Unsupported("additionalProperties beside odd properties")
    # _utils.find_additional_properties: one search with the patterns joined by "|"
    joined = "|".join(patterns)
    search = re.compile(joined).search if joined else None

    def extras(x: dict[Any, Any]) -> list[Any]:
        return [k for k in x if k not in known and not (search is not None and search(k))]

    if isinstance(value, dict):
        sub = c.schema(value)

        def check(x: Any) -> bool:
            if not isinstance(x, dict):
                return True
            for extra in extras(x):
                if not sub(x[extra]):
                    return False
            return True

        return check
    if value:
        return _always
    return lambda x: not isinstance(x, dict) or not extras(x)


def _required(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.required
    if not isinstance(value, list):
        raise Unsupported("required")
    names = list(value)
    return lambda x: not isinstance(x, dict) or all(name in x for name in names)


def _enum(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.enum
    if not isinstance(value, list):
        raise Unsupported("enum")
    if value and all(isinstance(v, str) for v in value):
        # _utils.equal compares a string with == only, and no other JSON value equals one
        allowed = frozenset(value)
        return lambda x: isinstance(x, str) and x in allowed
    from jsonschema._utils import equal

    options = list(value)
    return lambda x: any(equal(each, x) for each in options)


def _bound(name: str, exclusive_key: str, below: bool) -> Callable[[_Compiler, Any, dict[str, Any]], Check]:
    """minimum / maximum with draft 4's boolean exclusive flags (_legacy_keywords.*_draft3_draft4)."""

    def build(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
        if not _is_number(value):
            raise Unsupported(name)
        exclusive = bool(schema.get(exclusive_key, False))
        if below:  # minimum: fails when instance < m (<= m when exclusive)
            return lambda x: not _is_number(x) or (x > value if exclusive else x >= value)
        return lambda x: not _is_number(x) or (x < value if exclusive else x <= value)

    return build


def _length(kind: Check, at_least: bool) -> Callable[[_Compiler, Any, dict[str, Any]], Check]:
    """min/maxItems, min/maxLength, min/maxProperties (_keywords.*): len() of the right kind."""

    def build(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
        if not _is_number(value):
            raise Unsupported("a length bound")
        if at_least:
            return lambda x: not kind(x) or not len(x) < value
        return lambda x: not kind(x) or not len(x) > value

    return build


def _unique_items(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.uniqueItems
    if not value:
        return _always
    from jsonschema._utils import uniq

    return lambda x: not isinstance(x, list) or uniq(x)


def _pattern(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.pattern
    if not isinstance(value, str):
        raise Unsupported("pattern")
    search = re.compile(value).search
    return lambda x: not isinstance(x, str) or search(x) is not None


def _format(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.format
    checker = c.format_checker
    if checker is None:
        return _always
    return lambda x: bool(checker.conforms(x, value))


def _items(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _legacy_keywords.items_draft3_draft4
    if isinstance(value, dict):
        sub = c.schema(value)
        return lambda x: not isinstance(x, list) or all(sub(item) for item in x)
    if isinstance(value, list):
        subs = [c.schema(s) for s in value]
        return lambda x: not isinstance(x, list) or all(sub(item) for item, sub in zip(x, subs))
    raise Unsupported("items")


def _has_all(needed: list[Any]) -> Check:
    """A property dependency's check: every one of ``needed`` is a key of the object."""
    return lambda x: all(each in x for each in needed)


def _dependencies(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _legacy_keywords.dependencies_draft4_draft6_draft7
    if not isinstance(value, dict):
        raise Unsupported("dependencies")
    rules: list[tuple[Any, Check]] = []
    for name, dependency in value.items():
        if isinstance(dependency, list):
            rules.append((name, _has_all(list(dependency))))
        else:
            rules.append((name, c.schema(dependency)))
    return lambda x: not isinstance(x, dict) or all(rule(x) for name, rule in rules if name in x)


def _subschemas(c: _Compiler, value: Any) -> list[Check]:
    if not isinstance(value, list):
        raise Unsupported("a list of schemas")
    return [c.schema(s) for s in value]


def _all_of(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.allOf
    return _all(_subschemas(c, value))


def _any_of(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.anyOf
    subs = _subschemas(c, value)
    return lambda x: any(sub(x) for sub in subs)


def _one_of(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.oneOf
    subs = _subschemas(c, value)

    def check(x: Any) -> bool:
        found = False
        for sub in subs:
            if sub(x):
                if found:
                    return False
                found = True
        return found

    return check


def _not(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:  # _keywords.not_
    sub = c.schema(value)
    return lambda x: not sub(x)


def _ref_keyword(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    raise Unsupported("$ref: null")  # a non-null $ref never gets here (see _Compiler.schema)


def _unsupported(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    raise Unsupported("a keyword the meta-schemas do not use")


_KEYWORDS: dict[str, Callable[[_Compiler, Any, dict[str, Any]], Check]] = {
    "$ref": _ref_keyword,
    "additionalItems": _unsupported,
    "additionalProperties": _additional_properties,
    "allOf": _all_of,
    "anyOf": _any_of,
    "dependencies": _dependencies,
    "enum": _enum,
    "format": _format,
    "items": _items,
    "maxItems": _length(_TYPES["array"], at_least=False),
    "maxLength": _length(_TYPES["string"], at_least=False),
    "maxProperties": _length(_TYPES["object"], at_least=False),
    "maximum": _bound("maximum", "exclusiveMaximum", below=False),
    "minItems": _length(_TYPES["array"], at_least=True),
    "minLength": _length(_TYPES["string"], at_least=True),
    "minProperties": _length(_TYPES["object"], at_least=True),
    "minimum": _bound("minimum", "exclusiveMinimum", below=True),
    "multipleOf": _unsupported,
    "not": _not,
    "oneOf": _one_of,
    "pattern": _pattern,
    "patternProperties": _pattern_properties,
    "properties": _properties,
    "required": _required,
    "type": _type,
    "uniqueItems": _unique_items,
}


def _mirrors_draft4(validator_cls: Any) -> bool:
    """Whether ``validator_cls`` decides validity as the functions above mirror: jsonschema's
    own Draft4Validator, with the keyword functions and type checker this module was written
    from."""
    try:
        from jsonschema import _keywords, _legacy_keywords, _types
        from jsonschema.validators import Draft4Validator
    except ImportError:
        return False
    expected = {
        "$ref": _keywords.ref,
        "additionalItems": _legacy_keywords.additionalItems,
        "additionalProperties": _keywords.additionalProperties,
        "allOf": _keywords.allOf,
        "anyOf": _keywords.anyOf,
        "dependencies": _legacy_keywords.dependencies_draft4_draft6_draft7,
        "enum": _keywords.enum,
        "format": _keywords.format,
        "items": _legacy_keywords.items_draft3_draft4,
        "maxItems": _keywords.maxItems,
        "maxLength": _keywords.maxLength,
        "maxProperties": _keywords.maxProperties,
        "maximum": _legacy_keywords.maximum_draft3_draft4,
        "minItems": _keywords.minItems,
        "minLength": _keywords.minLength,
        "minProperties": _keywords.minProperties,
        "minimum": _legacy_keywords.minimum_draft3_draft4,
        "multipleOf": _keywords.multipleOf,
        "not": _keywords.not_,
        "oneOf": _keywords.oneOf,
        "pattern": _keywords.pattern,
        "patternProperties": _keywords.patternProperties,
        "properties": _keywords.properties,
        "required": _keywords.required,
        "type": _keywords.type,
        "uniqueItems": _keywords.uniqueItems,
    }
    return (
        validator_cls is Draft4Validator
        and dict(validator_cls.VALIDATORS) == expected
        and validator_cls.TYPE_CHECKER == _types.draft4_type_checker
    )


def draft4_check(validator_cls: Any, schema: Mapping[str, Any], format_checker: Any) -> Check | None:
    """A check that answers True only where ``validator_cls(schema, format_checker=...)`` finds
    no error (and the instance is shallow enough); None when that cannot be promised."""
    if not _mirrors_draft4(validator_cls) or not isinstance(schema, dict):
        return None
    try:
        check = _Compiler(schema, format_checker).schema(schema, top=True)
    except (Unsupported, re.error, RecursionError):
        return None

    def guarded(instance: Any) -> bool:
        if _deeper_than(instance, MAX_DEPTH):
            return False
        try:
            return bool(check(instance))
        except Exception:  # whatever went wrong, jsonschema decides (and raises the same, if it does)
            return False

    return guarded


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether ``value`` nests dicts and lists more than ``limit`` levels deep."""
    if limit < 0:
        return True
    if isinstance(value, dict):
        return any(isinstance(v, (dict, list)) and _deeper_than(v, limit - 1) for v in value.values())
    if isinstance(value, list):
        return any(isinstance(v, (dict, list)) and _deeper_than(v, limit - 1) for v in value)
    return False
