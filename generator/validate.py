"""Validation: our semantic checks, then openapi-spec-validator. Returns problems; never prints.

Errors are what makes correct generation impossible (not an OpenAPI document, an unresolvable or
purely circular ``$ref``, a path template variable without a parameter, duplicate operationIds).
Everything else, including all of openapi-spec-validator's findings, is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from .load import Document
from .problems import Problem, join_pointer, ref_pointer, split_pointer

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_TEMPLATE_VAR = re.compile(r"\{([^{}/]+)\}")


def spec_version(doc: Document) -> tuple[str, list[Problem]]:
    """``"2.0"``, ``"3.0"`` or ``"3.1"``; an error problem when the document is not OpenAPI."""
    data = doc.data
    if "openapi" in data:
        version = str(data["openapi"])
        if re.match(r"^3\.0(\.\d+)?$", version):
            return "3.0", []
        if re.match(r"^3\.1(\.\d+)?$", version):
            return "3.1", []
        return "", [doc.error(f"unsupported OpenAPI version {version!r} (supported: 2.0, 3.0.x, 3.1.x)", "#/openapi")]
    if "swagger" in data:
        if str(data["swagger"]) == "2.0":
            return "2.0", []
        return "", [doc.error(f"unsupported Swagger version {data['swagger']!r} (supported: 2.0)", "#/swagger")]
    return "", [doc.error("not an OpenAPI document: no 'openapi' or 'swagger' field at the top level", "#")]


def resolve_pointer(data: Any, ref: str) -> tuple[bool, Any]:
    """Follow a local ``#/...`` reference; (found, value)."""
    node = data
    for token in split_pointer(ref):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False, None
    return True, node


def resolve_ref(data: Any, ref: str) -> tuple[bool, Any, str]:
    """Follow a local ``$ref`` as written (its fragment percent-encoded); (found, value, pointer
    of the target in our usual form). A ref that only resolves undecoded (a key with a literal
    ``%xx`` in it) is taken as written, as it was before refs were decoded."""
    pointer = ref_pointer(ref)
    found, value = resolve_pointer(data, pointer)
    if not found and pointer != ref:
        found, value = resolve_pointer(data, ref)
        if found:
            pointer = ref
    return found, value, pointer


# Extensions whose $refs the generator follows (and bundle.py bundles); refs inside other x-
# extensions (x-ms-examples point at example files) are not part of the API description and are
# not checked here.
FOLLOWED_EXTENSIONS = frozenset({"x-ms-parameterized-host"})


def iter_refs(node: Any, pointer: str = "#") -> Iterator[tuple[str, str]]:
    """Every ``$ref`` of the description as (pointer of the referring object, target)."""
    stack: list[tuple[Any, str]] = [(node, pointer)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str):
                yield where, ref
            for key, child in value.items():
                if isinstance(child, (dict, list)) and not (
                    isinstance(key, str)
                    and key.startswith("x-")
                    and key not in FOLLOWED_EXTENSIONS
                ):
                    stack.append((child, join_pointer(where, key)))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                if isinstance(child, (dict, list)):
                    stack.append((child, join_pointer(where, index)))


def check_refs(doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    cycles: set[frozenset[str]] = set()
    refs = sorted(iter_refs(doc.data))
    for where, ref in refs:
        if not ref.startswith("#"):
            problems.append(doc.warning(f"external $ref {ref!r} is not supported; treated as any value", where))
            continue
        found, target, pointer = resolve_ref(doc.data, ref)
        if not found:
            decoded = f" (decoded: {pointer})" if pointer != ref else ""
            problems.append(doc.error(f"unresolvable $ref {ref!r}{decoded}: no such node in this document", where))
            continue
        # A chain of objects that are only references must end in a definition. Compared (and
        # reported) as decoded pointers: `%7B` and `{` spell the same target.
        seen = [pointer]
        while isinstance(target, dict) and isinstance(target.get("$ref"), str) and len(target) == 1:
            nxt = target["$ref"]
            if not nxt.startswith("#"):
                break
            found, target, nxt = resolve_ref(doc.data, nxt)
            if not found:
                break  # reported where that $ref itself is written
            if nxt in seen:
                cycle = frozenset(seen[seen.index(nxt):])
                if cycle not in cycles:  # one report per cycle, at the first place that enters it
                    cycles.add(cycle)
                    chain = " -> ".join([*seen, nxt])
                    problems.append(doc.error(f"circular $ref never reaches a definition: {chain}", where))
                break
            seen.append(nxt)
    return problems


def deref(doc: Document, node: Any, pointer: str) -> tuple[Any, str]:
    """Follow local ``$ref``s (already checked); returns the target and its pointer, decoded
    (so a model reached by ``%20`` and one reached by a space are the same model)."""
    hops = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#") and hops < 64:
        found, node, pointer = resolve_ref(doc.data, node["$ref"])
        if not found:
            return None, pointer
        hops += 1
    return node, pointer


def iter_operations(doc: Document) -> Iterator[tuple[str, str, dict[str, Any], str, Any]]:
    """(path, method, operation, pointer, path item) for every operation."""
    paths = doc.data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        item_pointer = join_pointer("#/paths", path)
        item, _ = deref(doc, item, item_pointer)
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield path, method, operation, join_pointer(item_pointer, method), item


def check_paths(doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    for path, method, operation, pointer, item in iter_operations(doc):
        declared: set[str] = set()
        for source, base in ((item.get("parameters"), join_pointer("#/paths", path, "parameters")),
                             (operation.get("parameters"), join_pointer(pointer, "parameters"))):
            if not isinstance(source, list):
                continue
            for index, raw in enumerate(source):
                param, _ = deref(doc, raw, join_pointer(base, index))
                if isinstance(param, dict) and param.get("in") == "path" and isinstance(param.get("name"), str):
                    declared.add(param["name"])
        for name in _TEMPLATE_VAR.findall(path):
            if name not in declared:
                problems.append(doc.error(
                    f"path template variable {{{name}}} of {method.upper()} {path} has no 'in: path' parameter named {name!r}",
                    pointer))
        operation_id = operation.get("operationId")
        if isinstance(operation_id, str):
            if operation_id in seen_ids:
                problems.append(doc.error(
                    f"duplicate operationId {operation_id!r} (first used at {seen_ids[operation_id]})",
                    join_pointer(pointer, "operationId")))
            else:
                seen_ids[operation_id] = pointer
    return problems


# openapi-spec-validator findings we report ourselves, with a location, as errors.
_OURS = ("DuplicateOperationIDError", "UnresolvableParameterError")


def run_spec_validator(doc: Document, version: str) -> list[Problem]:
    from openapi_spec_validator import (
        OpenAPIV2SpecValidator,
        OpenAPIV30SpecValidator,
        OpenAPIV31SpecValidator,
    )

    validator_cls = {"2.0": OpenAPIV2SpecValidator, "3.0": OpenAPIV30SpecValidator, "3.1": OpenAPIV31SpecValidator}[version]
    problems: list[Problem] = []
    try:
        _plain_nodes_first()
        validator = validator_cls(doc.data)
        _dedupe_in_constant_time(validator)
        _skip_what_is_valid(validator)
        for error in validator.iter_errors():
            if type(error).__name__ in _OURS:
                continue
            pointer = _error_pointer(doc, error)
            message = str(getattr(error, "message", error)).splitlines()[0]
            if len(message) > 300:
                message = message[:297] + "..."
            problems.append(doc.warning(f"openapi-spec-validator: {message}", pointer))
    except Exception as exc:  # the validator must never take generation down with it
        problems.append(doc.warning(f"openapi-spec-validator could not finish: {type(exc).__name__}: {exc}", "#"))
    return problems


class _SeenIds(list[int]):
    """The list openapi-spec-validator keeps the ids of the schemas it has checked in, with
    ``in`` in constant time: 0.9.0 searches a plain list, quadratic in the number of schemas
    (25 s of GitHub's description goes there). It only appends and tests membership."""

    def __init__(self) -> None:
        super().__init__()
        self._ids: set[int] = set()

    def append(self, value: int) -> None:
        self._ids.add(value)

    def __contains__(self, value: object) -> bool:
        return value in self._ids


def _dedupe_in_constant_time(validator: Any) -> None:
    registry = getattr(validator, "keyword_validators_registry", None)
    if registry is None or "schema" not in getattr(registry, "keyword_validators", {}):
        return  # another version of the validator: left as it is
    schema = registry["schema"]
    for name in ("visited_schema_ids", "meta_checked_schema_ids"):
        if isinstance(getattr(schema, name, None), list):
            setattr(schema, name, _SeenIds())


def _plain_nodes_first() -> None:
    """pathable 0.6 tests every node the validator steps into with ``isinstance(node,
    Subscriptable)``, a runtime-checkable Protocol (a fifth of the validator's walk over a large
    description). Every node of a parsed description is a dict, a list or a scalar; dicts and
    lists pass that test, so they are let through before it (the same answer, sooner). Any other
    version of pathable is left as it is."""
    try:
        import pathable
        from pathable.accessors import SubscriptableAccessor
        from pathable.protocols import Subscriptable
    except ImportError:
        return
    if getattr(pathable, "__version__", "") != "0.6.0" or getattr(SubscriptableAccessor, "_plain_first", False):
        return

    def _get_subnode(cls: Any, node: Any, part: Any) -> Any:
        if type(node) is not dict and type(node) is not list and not isinstance(node, Subscriptable):
            raise KeyError(part)
        try:
            return node[part]
        except (KeyError, IndexError, TypeError) as exc:
            raise KeyError(part) from exc

    SubscriptableAccessor._get_subnode = classmethod(_get_subnode)  # type: ignore[method-assign,assignment]
    SubscriptableAccessor._plain_first = True  # type: ignore[attr-defined]


class _Gated:
    """openapi-spec-validator's whole-document schema validator, asked only when the compiled
    check (``schemacheck``) cannot vouch for the document: same findings, in less time."""

    def __init__(self, validator: Any, check: Callable[[Any], bool]) -> None:
        self._validator = validator
        self._check = check

    def iter_errors(self, instance: Any) -> Iterator[Any]:
        if not self._check(instance):
            yield from self._validator.iter_errors(instance)


def _skip_what_is_valid(validator: Any) -> None:
    """Let ``schemacheck`` answer the two meta-schema validations that take most of the
    validator's time, where it can: the whole document against the OpenAPI schema, and each
    schema against draft 4's meta-schema. Where it cannot promise "valid", jsonschema runs as
    before; another version of the validator is left as it is."""
    from openapi_schema_validator.validators import OAS30Validator, check_openapi_schema
    from openapi_spec_validator.validation.keywords import OpenAPIV30SchemaValidator

    from .schemacheck import draft4_check

    whole = getattr(validator, "schema_validator", None)
    if whole is not None and getattr(whole, "format_checker", object()) is None:
        check = draft4_check(whole.__class__, getattr(whole, "schema", None), None)
        if check is not None:
            validator.schema_validator = _Gated(whole, check)

    registry = getattr(validator, "keyword_validators_registry", None)
    if registry is None or "schema" not in getattr(registry, "keyword_validators", {}):
        return
    schemas = registry["schema"]
    # OpenAPI 2.0 and 3.0 schemas are checked with check_openapi_schema against draft 4's
    # meta-schema (3.1's dialects are another matter, left to jsonschema)
    if type(schemas) is not OpenAPIV30SchemaValidator or getattr(OAS30Validator.check_schema, "__func__", None) is not check_openapi_schema:
        return
    from jsonschema.validators import validator_for

    meta = OAS30Validator.META_SCHEMA
    check = draft4_check(validator_for(meta, default=OAS30Validator), meta, OAS30Validator.FORMAT_CHECKER)
    if check is None:
        return
    original = schemas._validate_schema_meta

    def validate_schema_meta(schema: Any, schema_value: Any) -> Any:
        return None if check(schema_value) else original(schema, schema_value)

    schemas._validate_schema_meta = validate_schema_meta


def _error_pointer(doc: Document, error: Any) -> str:
    """Where a validator finding is. Findings about a nested schema carry a path relative to that
    schema; those are found by looking for the reported value at a place ending with that path."""
    path = [str(t) for t in (getattr(error, "absolute_path", ()) or ())]
    instance = getattr(error, "instance", None)
    found, value = resolve_pointer(doc.data, join_pointer("#", *path))
    if found and (value is instance or value == instance):
        return join_pointer("#", *path)
    fallback = ""
    stack: list[tuple[Any, list[str]]] = [(doc.data, [])]
    while stack:
        node, tokens = stack.pop()
        if tokens[len(tokens) - len(path):] == path and len(tokens) >= len(path):
            if node is instance:
                return join_pointer("#", *tokens)
            if not fallback and node == instance:
                fallback = join_pointer("#", *tokens)
        if isinstance(node, dict):
            stack.extend((v, [*tokens, str(k)]) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((v, [*tokens, str(i)]) for i, v in reversed(list(enumerate(node))))
    return fallback or "#"


def check(doc: Document) -> tuple[str, list[Problem]]:
    """Our semantic checks (the errors that make generation impossible); the spec version."""
    version, problems = spec_version(doc)
    if not version:
        return version, problems
    return version, problems + semantic_checks(doc)


def semantic_checks(doc: Document) -> list[Problem]:
    """``check`` past the version: references and paths."""
    return check_refs(doc) + check_paths(doc)


def validate(doc: Document) -> tuple[str, list[Problem]]:
    """All problems of ``doc``: our checks, then openapi-spec-validator's (when ours pass)."""
    version, problems = check(doc)
    if version and not any(p.is_error for p in problems):
        problems += run_spec_validator(doc, version)
    return version, problems
