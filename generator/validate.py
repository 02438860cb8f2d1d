"""Validation: our semantic checks, then openapi-spec-validator. Returns problems; never prints.

Errors are what makes correct generation impossible (not an OpenAPI document, an unresolvable or
purely circular ``$ref``, a path template variable without a parameter, duplicate operationIds).
Everything else, including all of openapi-spec-validator's findings, is a warning.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote

from .load import Document
from .problems import (
    Problem,
    join_pointer,
    pointer_index,
    ref_pointer,
    split_pointer,
    unescape_pointer_token,
)

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
        elif isinstance(node, list) and (index := pointer_index(token, len(node))) is not None:
            node = node[index]
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
    """Every ``$ref`` of the description as (pointer of the referring object, target). A node's
    place is kept as (its parent's place, its key) and spelled only for an object with a ``$ref``
    (a large description has a hundred nodes for each reference)."""
    stack: list[tuple[Any, Any]] = [(node, pointer)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str):
                yield _spelled(where), ref
            for key, child in value.items():
                if isinstance(child, (dict, list)) and not (
                    isinstance(key, str)
                    and key.startswith("x-")
                    and key not in FOLLOWED_EXTENSIONS
                ):
                    stack.append((child, (where, key)))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                if isinstance(child, (dict, list)):
                    stack.append((child, (where, index)))


def _spelled(place: Any) -> str:
    """The pointer of an ``iter_refs`` place: a pointer, or (a parent's place, a key)."""
    tokens = []
    while type(place) is tuple:
        place, token = place
        tokens.append(token)
    return join_pointer(place, *reversed(tokens))


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
    return problems + _same_templates(doc)


def _same_templates(doc: Document) -> list[Problem]:
    """Path keys that differ only in their variables' names (healthcare.gov's
    ``/{pageName}{ext}`` beside ``/{stateName}{ext}``): OpenAPI forbids them, as identical.
    Generated all the same (each has its own methods), so a warning: a request of one method
    is a request of both, and the service, like the fake, can only take it for one."""
    first: dict[str, tuple[str, set[str]]] = {}
    problems: list[Problem] = []
    for path, method, _, pointer, _ in iter_operations(doc):
        if "{" not in path:
            continue
        shape = _TEMPLATE_VAR.sub("{}", path)
        seen, methods = first.setdefault(shape, (path, set()))
        if seen == path:
            methods.add(method)
            continue
        if method in methods:
            problems.append(doc.warning(
                f"{method.upper()} {path} is {method.upper()} {seen} but for its variables' names "
                "(OpenAPI forbids such paths, as identical): a request of one is a request of the other",
                pointer))
    return problems


# openapi-spec-validator findings we report ourselves, with a location, as errors.
_OURS = ("DuplicateOperationIDError", "UnresolvableParameterError")


def without_requests() -> None:
    """Makes ``import requests`` fail in this process, unless it is imported already: for the
    validator's forked child only, which leaves when it is done. openapi-spec-validator's
    ``jsonschema_path`` imports requests (with urllib3, http.client...) to fetch http(s)
    references, and falls back to urllib where requests is missing; this generator never hands
    it one (bundling refuses them), and the import was 0.04 s of the child's time."""
    sys.modules.setdefault("requests", None)  # type: ignore[arg-type]  # None: the import fails


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
        _walk_schemas_by_value(validator, doc.data)
        _walk_paths_by_value(validator, doc.data)
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


def _walk_schemas_by_value(validator: Any, root: Any) -> None:
    """openapi-spec-validator 0.9.0 walks every schema through ``jsonschema_path``: each ``key in
    schema``, ``schema / key`` read and ``$ref`` is resolved again from the document's root
    through a prefix cache (a tenth of a large run's CPU). The walk below does the same checks in
    the same order on the values themselves, following local ``$ref`` chains with the pointer
    walk ``referencing`` does; the ``SchemaPath`` of each schema still goes along, for what
    needs it (the meta-schema and default checks, ``allOf``'s property collection). Anything it
    cannot vouch to resolve the same way (a ``$ref`` to another document, a pointer into a
    schema keyword where an ``id`` could change the base, a value reached through another
    base) is walked by 0.9.0's own code from there. Only this validator's walker is changed
    (its class, not the library's); another version is left as it is."""
    import openapi_spec_validator
    from jsonschema_path import SchemaPath
    from openapi_spec_validator.validation import keywords

    registry = getattr(validator, "keyword_validators_registry", None)
    if openapi_spec_validator.__version__ != "0.9.0" or registry is None:
        return
    if "schema" not in getattr(registry, "keyword_validators", {}):
        return
    walker = registry["schema"]
    original = keywords.SchemaValidator.__call__
    if not isinstance(walker, keywords.SchemaValidator) or type(walker).__call__ is not original:
        return  # a walk of its own: not the one this copies
    if not hasattr(SchemaPath, "_make_child_relpath"):  # how ``items()`` makes a child (``_Place``)
        return

    within_library = [0]  # how many of the library's own walks the walk is in now

    def library(self: Any, schema: Any, require_properties: bool, meta_checked: bool) -> Iterator[Any]:
        """0.9.0's walk of a schema and all below it: the schemas it enters are not taken back by
        value (each hand-over would cost the stack two frames more per level than the library's
        walk alone, and a deep chain would then exhaust it where the library's does not)."""
        within_library[0] += 1
        try:
            yield from original(self, schema, require_properties, meta_checked)
        finally:
            within_library[0] -= 1

    def call(self: Any, schema: Any, require_properties: bool = True, meta_checked: bool = False) -> Iterator[Any]:
        if within_library[0] or getattr(schema.accessor, "node", None) is not root:
            return original(self, schema, require_properties, meta_checked)
        try:  # the schema's value, reached as jsonschema_path reaches it: each step dereferenced
            value = _deref(root, root)
            for part in schema.parts:
                value = _deref(value[part], root)
        except (_Unsure, LookupError, TypeError):  # not vouched for: the library's own answer
            resolved = schema.accessor.get_resolved(schema.parts)
            if getattr(resolved.resolver, "_base_uri", None) != schema.base_uri:
                return library(self, schema, require_properties, meta_checked)
            value = resolved.contents
        return _schema_walk(self, _Place(None, path=schema), value, require_properties, meta_checked, root, library)

    def walk_value(self: Any, place: _Place, value: Any) -> Iterator[Any]:
        """``self(place.path())`` for a schema whose value the caller reached from the root as
        ``call`` would have (each step dereferenced by ``_deref``): the paths' walk's entry."""
        return _schema_walk(self, place, value, True, False, root, library)

    walker.__class__ = type(type(walker).__name__, (type(walker),), {"__call__": call, "walk_value": walk_value})


class _Unsure(Exception):
    """A ``$ref`` the value walk does not resolve itself (see ``_walk_schemas_by_value``)."""


# The document's sections a local pointer may start with: none is a JSON Schema keyword, so
# ``referencing`` never enters a subresource (a schema whose ``$id`` moves the base) walking one.
# Swagger 2.0's ``definitions`` is one (the document is read as draft 2020-12, whose
# ``definitions`` entries are subresources): a pointer to one of its entries is taken when that
# entry is a mapping without ``$id`` (the library reads the ``$id`` of whatever the entry is, and
# raises for a string or a list), a pointer into one is left to the library.
_SUBRESOURCE_FREE = ("components", "paths", "webhooks", "parameters", "responses")


def _deref(node: Any, root: Any) -> Any:
    """``node``, its local ``$ref`` chain followed as ``jsonschema_path`` and ``referencing``
    follow it from the document's root; ``_Unsure`` where they might resolve otherwise."""
    hops = 0
    while type(node) is dict and "$ref" in node and isinstance(node["$ref"], str):
        node = _target(node["$ref"], root)
        hops += 1
        if hops > 64:  # a cycle of references: left to the library's own handling
            raise _Unsure("a cycle")
    return node


def _too_long_for_int(pointer: str) -> bool:
    limit = sys.get_int_max_str_digits() or sys.maxsize
    return any(len(token) > limit and token.isdigit() for token in pointer.split("/"))


def _target(ref: str, root: Any) -> Any:
    """What a local pointer points at (one hop), from the document's root: percent-decoded as
    ``referencing`` decodes it (leniently, before the ``~`` escapes), then ``resolve_pointer``."""
    if not ref.startswith("#/"):
        raise _Unsure(ref)
    pointer = "#" + unquote(ref[1:])
    first = unescape_pointer_token(pointer[2:].split("/", 1)[0])
    if first == "definitions":
        # draft 4's keyword: its entries are subresources, and one with an ``id`` moves the base
        if pointer.count("/") != 2:
            raise _Unsure(ref)
    elif first not in _SUBRESOURCE_FREE:
        raise _Unsure(ref)
    if len(pointer) > 640 and _too_long_for_int(pointer):  # 640: the lowest limit Python allows
        raise _Unsure(ref)  # ``referencing`` reads a list index with ``int``, which raises on it
    found, target = resolve_pointer(root, pointer)
    if not found or (first == "definitions" and (type(target) is not dict or target.get("$id") is not None)):
        raise _Unsure(ref)
    return target


# The keywords whose values the walk reads; each is dereferenced the way a ``SchemaPath`` step is.
_READ = ("allOf", "anyOf", "oneOf", "not", "items", "properties", "required", "default", "nullable")


class _Place:
    """Where a nested schema is, as its parent's place and a key: the ``SchemaPath`` is made
    only when something asks for it (most schemas are walked without it). The key is one
    part, as ``items()`` and iteration make a child: ``/`` would split a key at "#" and drop
    an empty or "." key (a property named "a#b" would be looked for at "a", then "b")."""

    __slots__ = ("_key", "_parent", "_path")

    def __init__(self, parent: Any, key: Any = None, path: Any = None) -> None:
        self._parent, self._key, self._path = parent, key, path

    def path(self) -> Any:
        if self._path is None:  # up to the nearest place with a path, then down: no recursion,
            places = []  # as a deep schema's place is four parents per level
            place = self
            while place._path is None:
                places.append(place)
                place = place._parent
            for below in reversed(places):
                below._path = place._path._make_child_relpath(below._key)
                place = below
        return self._path


def _schema_walk(
    self: Any, place: _Place, schema_value: Any, require_properties: bool, meta_checked: bool, root: Any, library: Any
) -> Iterator[Any]:
    """``openapi_spec_validator.validation.keywords.SchemaValidator.__call__`` of 0.9.0, on the
    schema's value (see ``_walk_schemas_by_value``); ``place`` gives the value's ``SchemaPath``."""
    from collections.abc import Mapping

    from openapi_spec_validator.validation.exceptions import (
        ExtraParametersError,
        OpenAPIValidationError,
    )

    if not isinstance(schema_value, (Mapping, bool)):
        yield OpenAPIValidationError(f"{schema_value!r} is not of type 'object', 'boolean'")
        return
    if type(schema_value) is not dict:  # a boolean schema, or a mapping of another kind
        yield from library(self, place.path(), require_properties, meta_checked)
        return
    schema_id = id(schema_value)
    if (meta_checked or schema_id in self.meta_checked_schema_ids) and schema_id in self.visited_schema_ids:
        return  # what 0.9.0 ends with for a schema seen before, without reading its children first
    try:
        read = {key: _deref(schema_value[key], root) for key in _READ if key in schema_value}
        children: list[tuple[str, _Place, Any]] = []  # (keyword, place, value), in 0.9.0's order
        for key in ("allOf", "anyOf", "oneOf"):
            if key in read:
                if type(read[key]) is not list:
                    raise _Unsure(key)
                within = _Place(place, key)
                children += [(key, _Place(within, i), _deref(v, root)) for i, v in enumerate(read[key])]
        for key in ("not", "items"):
            if key in read:
                children.append((key, _Place(place, key), read[key]))
        if "properties" in read:
            if type(read["properties"]) is not dict:
                raise _Unsure("properties")
            within = _Place(place, "properties")
            children += [("properties", _Place(within, k), _deref(v, root)) for k, v in read["properties"].items()]
    except (_Unsure, TypeError):
        yield from library(self, place.path(), require_properties, meta_checked)
        return

    if not meta_checked and schema_id not in self.meta_checked_schema_ids:
        self.meta_checked_schema_ids.append(schema_id)
        err = self._validate_schema_meta(place.path(), schema_value)
        if err is not None:
            yield err
            return

    if schema_id in self.visited_schema_ids:
        return
    self.visited_schema_ids.append(schema_id)

    nested_properties: list[str] = []
    for key, child, value in children:  # entered as 0.9.0 enters them: not required, meta-checked
        yield from _schema_walk(self, child, value, False, True, root, library)
        if key == "allOf":
            nested_properties += list(self._collect_properties(child.path()))

    required = "required" in read and read["required"] or []
    properties = "properties" in read and read["properties"].keys() or []
    if "allOf" in read:
        extra_properties = list(set(required) - set(properties) - set(nested_properties))
    else:
        extra_properties = []
    if extra_properties and require_properties:
        yield ExtraParametersError(f"Required list has not defined properties: {extra_properties}")

    if "default" in read:
        default_value = read["default"]
        nullable_value = read.get("nullable", False)
        if default_value is not None or nullable_value is not True:
            yield from self.default_validator(place.path(), default_value)


class _Param:
    """A parameter as ``_walk_paths_by_value`` reads it: its place and dereferenced value,
    its name and ``in`` (strings in the document itself), its schema and default, if any."""

    __slots__ = ("default", "has_default", "name", "place", "schema", "where")

    def __init__(self, place: _Place, value: dict[Any, Any], root: Any, v2: bool) -> None:
        self.place, self.name, self.where = place, value["name"], value["in"]
        self.schema = _deref(value["schema"], root) if "schema" in value else _NO_VALUE
        self.has_default = v2 and "default" in value
        self.default = _deref(value["default"], root) if self.has_default else None


_NO_VALUE = object()
_OPERATIONS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")  # PathValidator.OPERATIONS


def _plain_dict(value: Any) -> dict[str, Any]:
    """``value`` when it is a dict with string keys (what the walk below vouches for); else _Unsure."""
    if type(value) is not dict or not all(type(key) is str for key in value):
        raise _Unsure("not a plain mapping")
    return value


def _params(place: _Place, raw: Any, root: Any, v2: bool) -> list[_Param]:
    found = _deref(raw, root)
    if type(found) is not list:
        raise _Unsure("parameters")
    params = []
    for index, item in enumerate(found):
        value = _deref(item, root)
        if type(value) is not dict or type(value.get("name")) is not str or type(value.get("in")) is not str:
            raise _Unsure("a parameter")
        params.append(_Param(_Place(place, index), value, root, v2))
    return params


def _walk_paths_by_value(validator: Any, root: Any) -> None:
    """openapi-spec-validator 0.9.0 walks the paths (path items, their parameters, operations,
    responses and media types) through ``jsonschema_path`` too: a third of its time on GitHub's
    and Kubernetes' descriptions, each ``in``, ``/`` and read resolved again from the root. The
    walk below reads the same nodes as values, dereferenced as ``_deref`` vouches (see
    ``_walk_schemas_by_value``), and yields the same findings in the same order; each schema it
    meets goes to the schema walker's value entry. A path item whose nodes are not all plain
    (a mapping with other than string keys, a parameter without a string name and ``in``, a
    ``$ref`` the value walk does not vouch for, a node of an unexpected type) is walked by
    0.9.0's own code, which then reports or raises exactly what it always did; the choice is
    made before anything of that path item is yielded. Only this validator's paths walker is
    changed (its class); the registry of another version or shape is left as it is."""
    import openapi_spec_validator
    from openapi_spec_validator.validation import keywords as k
    from openapi_spec_validator.validation.exceptions import (
        DuplicateOperationIDError,
        ParameterDuplicateError,
        UnresolvableParameterError,
    )

    registry = getattr(validator, "keyword_validators_registry", None)
    if openapi_spec_validator.__version__ != "0.9.0" or registry is None:
        return
    kinds = getattr(registry, "keyword_validators", {})
    expected = {
        "paths": (k.PathsValidator,), "path": (k.PathValidator,), "operation": (k.OperationValidator,),
        "parameters": (k.ParametersValidator,), "parameter": (k.ParameterValidator, k.OpenAPIV2ParameterValidator),
        "responses": (k.ResponsesValidator,), "response": (k.OpenAPIV2ResponseValidator, k.OpenAPIV3ResponseValidator),
    }
    if any(kinds.get(name) not in classes for name, classes in expected.items()):
        return
    v2 = kinds["parameter"] is k.OpenAPIV2ParameterValidator
    if v2 != (kinds["response"] is k.OpenAPIV2ResponseValidator):
        return
    if not v2 and (kinds.get("content") is not k.ContentValidator or kinds.get("mediaType") is not k.MediaTypeValidator):
        return
    walker, operations = registry["schema"], registry["operation"]
    if not hasattr(walker, "walk_value") or not isinstance(operations.operation_ids_registry, list):
        return  # the schemas' value walk is not installed: the library's walk throughout
    paths_walker = registry["paths"]
    original = k.PathsValidator.__call__
    if type(paths_walker).__call__ is not original or type(registry["path"]).__call__ is not k.PathValidator.__call__:
        return

    def parameters(params: list[_Param]) -> Iterator[Any]:  # ParametersValidator.__call__
        seen = set()
        for param in params:
            if param.schema is not _NO_VALUE:  # ParameterValidator.__call__
                yield from walker.walk_value(_Place(param.place, "schema"), param.schema)
            if param.has_default:  # OpenAPIV2ParameterValidator.__call__
                yield from registry["default"](param.place.path(), param.default)
            key = (param.name, param.where)
            if key in seen:
                yield ParameterDuplicateError(f"Duplicate parameter '{param.name}'")
            seen.add(key)

    def operation(url: str, name: str, place: _Place, value: Any, params: list[_Param] | None, shared: list[_Param] | None) -> Iterator[Any]:
        # OperationValidator.__call__; ``value`` was vouched for by ``path_item``
        ids = operations.operation_ids_registry
        if "operationId" in value:
            operation_id = _deref(value["operationId"], root)
            if operation_id is not None and operation_id in ids:
                yield DuplicateOperationIDError(f"Operation ID '{operation_id}' for '{name}' in '{url}' is not unique")
            ids.append(operation_id)
        if "responses" in value:
            within = _Place(place, "responses")
            for code, response in _deref(value["responses"], root).items():  # ResponsesValidator.__call__
                response = _deref(response, root)
                at = _Place(within, code)
                if v2:
                    if "schema" in response:
                        yield from walker.walk_value(_Place(at, "schema"), _deref(response["schema"], root))
                elif "content" in response:
                    content = _Place(at, "content")
                    for media_type, media in _deref(response["content"], root).items():
                        media = _deref(media, root)
                        if "schema" in media:
                            yield from walker.walk_value(_Place(_Place(content, media_type), "schema"), _deref(media["schema"], root))
        names = []
        if params is not None:
            yield from parameters(params)
            names += [p.name for p in params if p.where == "path"]
        if shared is not None:
            names += [p.name for p in shared if p.where == "path"]
        all_params = set(names)
        url_params = set(operations._get_path_params_from_url(url))
        for missing in sorted(url_params):
            if missing not in all_params:
                yield UnresolvableParameterError(f"Path parameter '{missing}' for '{name}' operation in '{url}' was not resolved")
        for extra in sorted(all_params):
            if extra not in url_params:
                yield UnresolvableParameterError(f"Path parameter '{extra}' for '{name}' operation in '{url}' was not resolved")

    def plan(place: _Place, raw: Any) -> tuple[list[_Param] | None, list[tuple[str, _Place, Any, list[_Param] | None]]]:
        """What the walk of one path item reads, every node dereferenced and checked first:
        _Unsure (or a LookupError or TypeError) when some node is not what it vouches for."""
        item = _plain_dict(_deref(raw, root))
        shared = _params(_Place(place, "parameters"), item["parameters"], root, v2) if "parameters" in item else None
        steps = []
        for name, raw_operation in item.items():
            if name not in _OPERATIONS:
                continue
            at = _Place(place, name)
            value = _plain_dict(_deref(raw_operation, root))
            if "operationId" in value:
                _deref(value["operationId"], root)
            if "responses" in value:
                for response in _plain_dict(_deref(value["responses"], root)).values():
                    response = _plain_dict(_deref(response, root))
                    if v2 and "schema" in response:
                        _deref(response["schema"], root)
                    elif not v2 and "content" in response:
                        for media in _plain_dict(_deref(response["content"], root)).values():
                            media = _plain_dict(_deref(media, root))
                            if "schema" in media:
                                _deref(media["schema"], root)
            params = _params(_Place(at, "parameters"), value["parameters"], root, v2) if "parameters" in value else None
            steps.append((name, at, value, params))
        return shared, steps

    def call(self: Any, paths: Any) -> Iterator[Any]:
        if getattr(paths.accessor, "node", None) is not root or tuple(paths.parts) != ("paths",):
            return original(self, paths)
        try:
            value = _plain_dict(_deref(_deref(root, root)["paths"], root))
        except (_Unsure, LookupError, TypeError):
            return original(self, paths)
        return walk(self, paths, value)

    def walk(self: Any, paths: Any, value: dict[str, Any]) -> Iterator[Any]:
        top = _Place(None, path=paths)
        for url, raw in value.items():  # PathsValidator.__call__
            place = _Place(top, url)
            try:
                shared, steps = plan(place, raw)
            except (_Unsure, LookupError, TypeError):
                yield from self.path_validator(url, place.path())  # 0.9.0's own walk of this item
                continue
            if shared is not None:  # PathValidator.__call__
                yield from parameters(shared)
            for name, at, operation_value, params in steps:
                yield from operation(url, name, at, operation_value, params, shared)

    paths_walker.__class__ = type(type(paths_walker).__name__, (type(paths_walker),), {"__call__": call})


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
        schema: Any = getattr(whole, "schema", None)
        check = draft4_check(whole.__class__, schema, None)
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

    schemas._validate_schema_meta = validate_schema_meta  # type: ignore[method-assign]


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
