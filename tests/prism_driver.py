"""Drive every operation of a generated client against Prism and classify what Prism says.

For one description: generate the package into a directory, import it, take the operations from
the IR (``Result.api``: groups, method names, parameters with their wire names, locations and
types), and call each one on the sync client (and, when asked, the async client) twice: with the
required arguments only, and with every argument. Values are synthesised from the raw schema of
each parameter (so ``minLength``, ``enum``, ``format``… are honoured), then turned into the
Python value the method takes by the IR type's own codec (``TypeRef.codec``, the text the
templates print): a model comes out of ``Model.from_dict``, an enum as its member, a date-time
as ``datetime``, exactly as the client would decode the same JSON.

Each call ends as one of:

- ``accepted``: Prism found nothing wrong with the request (whatever status its mock chose);
- ``violation``: Prism named request violations (``sl-violations`` entries under ``request``,
  a 422 problem with ``validation``, 401 for missing credentials, or a route / method /
  content-type it does not know);
- ``client_error``: the client raised before or without a Prism answer that explains it, or
  refused a 2xx answer that is valid against the description (our bug);
- ``prism_invalid``: the request was fine, but Prism's own mock answer is not valid against the
  description (``--errors`` turns that into a 500 VIOLATIONS problem, or the 2xx body fails the
  response schema): judged and reported apart, never counted as ours;
- ``driver_error``: this module could not build the arguments (a gap here, not in the client).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import inspect
import json
import re
import sys
import time
import traceback
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, NamedTuple

from generator.build import Options
from generator.ir import Api, Model, Operation, OperationGroup, Parameter, TypeRef
from generator.load import Document
from generator.pipeline import generate_files
from generator.write import write_tree

from prism_mock import Exchange, PrismServer, RecordingProxy

Outcome = Literal[
    "accepted", "violation", "client_error", "prism_invalid", "driver_error"
]
OUTCOMES: tuple[Outcome, ...] = (
    "accepted",
    "violation",
    "client_error",
    "prism_invalid",
    "driver_error",
)
Mode = Literal["required", "all"]
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Prism's problem types (the fragment of ``type``) that say the request is wrong.
REQUEST_PROBLEMS = {
    "UNPROCESSABLE_ENTITY": "body/parameters",
    "UNAUTHORIZED": "security",
    "NO_PATH_MATCHED_ERROR": "route",
    "NO_METHOD_MATCHED_ERROR": "method",
    "NO_SERVER_MATCHED_ERROR": "server",
    "INVALID_CONTENT_TYPE": "content-type",
    "NOT_ACCEPTABLE": "accept",
}
TOKEN = "prism-token"
API_KEY = "prism-api-key"


@dataclass(frozen=True)
class Violation:
    location: (
        str  # Prism's location without the leading "request", e.g. "query.status.0"
    )
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


@dataclass
class Call:
    spec: str
    client: str  # "sync" or "async"
    mode: Mode
    operation: str  # "pets.find_by_status"
    operation_id: str
    http: str  # "GET /pet/findByStatus" (the description's template)
    outcome: Outcome = "accepted"
    status: int = 0
    request: str = ""  # what went over the wire: method and target
    violations: list[Violation] = field(default_factory=list)
    detail: str = ""  # exception, judgement or note

    def describe(self) -> str:
        head = f"{self.operation} ({self.operation_id}, {self.client}, {self.mode}): {self.request or self.http}"
        said = "; ".join(
            [str(v) for v in self.violations] + ([self.detail] if self.detail else [])
        )
        return head + (f" -> {said}" if said else "")


@dataclass
class SpecReport:
    spec: str
    operations: int = 0  # in the IR
    not_generated: list[str] = field(
        default_factory=list
    )  # spec operations absent from the IR
    calls: list[Call] = field(default_factory=list)
    credentials: str = ""
    problem: str = ""  # why nothing was driven (generation or Prism failed)
    seconds: float = 0.0

    def count(self, outcome: Outcome) -> int:
        return sum(1 for c in self.calls if c.outcome == outcome)

    def of(self, *outcomes: Outcome) -> list[Call]:
        return [c for c in self.calls if c.outcome in outcomes]


@dataclass
class Generated:
    module: ModuleType
    name: str
    api: Api
    doc: Document
    problems: list[str]


# -- generation -------------------------------------------------------------------------------


def package_name(spec: Path) -> str:
    return "prism_" + re.sub(r"\W", "_", spec.stem).lower()


def generate(spec: Path, root: Path, name: str | None = None) -> Generated:
    """Generate ``spec`` under ``root`` and import it (``root`` joins ``sys.path``)."""
    name = name or package_name(spec)
    result = generate_files(spec, Options(name))
    if result.files is None or result.api is None or result.doc is None:
        raise RuntimeError(
            "not generated: "
            + "; ".join(p.format() for p in result.problems if p.is_error)[:500]
        )
    write_tree(root / name, result.files)
    if str(root / name) not in sys.path:
        sys.path.insert(0, str(root / name))
    for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[loaded]  # a package of the same name from an earlier run
    module = importlib.import_module(name)
    return Generated(
        module, name, result.api, result.doc, [p.format() for p in result.problems]
    )


# -- the raw description ----------------------------------------------------------------------


def _unescape(token: str) -> str:
    return urllib.parse.unquote(token).replace("~1", "/").replace("~0", "~")


class Spec:
    """The raw document: local ``$ref`` resolution and where each schema lives."""

    def __init__(self, doc: Document, api: Api | None = None) -> None:
        self.data: Any = doc.data
        # IR models by class name: where a page model keeps its next link, on the wire
        self.models: dict[str, Model] = (
            {m.class_name: m for m in api.models} if api else {}
        )
        self.swagger = isinstance(self.data, dict) and "swagger" in self.data
        self.openapi31 = str(self.data.get("openapi", "")).startswith("3.1")

    def at(self, pointer: str) -> Any:
        node = self.data
        for token in pointer.lstrip("#").split("/")[1:]:
            key = _unescape(token)
            node = node[int(key)] if isinstance(node, list) else node[key]
        return node

    def deref(self, node: Any, pointer: str = "", limit: int = 30) -> tuple[Any, str]:
        """Follow local ``$ref`` chains; an external or broken one yields ``{}`` (anything)."""
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and limit:
            ref = node["$ref"]
            if not ref.startswith("#"):
                return {}, ""
            try:
                node, pointer = self.at(ref), ref
            except (KeyError, IndexError, ValueError, TypeError):
                return {}, ""
            limit -= 1
        return node, pointer

    def operations(self) -> list[tuple[str, str, str]]:
        """(METHOD, path, operationId) of every operation in the description."""
        found = []
        for path, item in (self.data.get("paths") or {}).items():
            item, _ = self.deref(item)
            if isinstance(item, dict):
                for method in HTTP_METHODS:
                    if isinstance(item.get(method), dict):
                        found.append(
                            (
                                method.upper(),
                                path,
                                str(item[method].get("operationId", "")),
                            )
                        )
        return found

    def parameter_schema(self, param: Parameter) -> Any:
        node, _ = self.deref(self.at(param.pointer))
        if not isinstance(node, dict):
            return {}
        if param.location == "body":
            if "in" in node:  # Swagger 2.0 body parameter
                return node.get("schema", {})
            content = node.get("content") or {}
            media: Any = content.get(param.media_type) or next(
                iter(content.values()), {}
            )
            return media.get("schema", {}) if isinstance(media, dict) else {}
        if "in" not in node:
            return node  # already a schema
        if "schema" in node:
            return node["schema"]
        if isinstance(node.get("content"), dict) and node["content"]:
            spec = next(iter(node["content"].values()))
            return spec.get("schema", {}) if isinstance(spec, dict) else {}
        # Swagger 2.0: the parameter itself carries the schema keywords
        return {
            k: v
            for k, v in node.items()
            if k
            not in (
                "name",
                "in",
                "required",
                "description",
                "collectionFormat",
                "allowEmptyValue",
            )
        }

    def response_schema(
        self, operation_pointer: str, status: int, media: str
    ) -> tuple[Any, str] | None:
        """(schema, pointer) of the response the description declares for ``status``."""
        operation = self.at(operation_pointer)
        responses = operation.get("responses") or {}
        key = next(
            (
                k
                for k in (str(status), f"{str(status)[0]}XX", "default")
                if k in responses
            ),
            None,
        )
        if key is None:
            return None
        base = (
            f"{operation_pointer}/responses/{key.replace('~', '~0').replace('/', '~1')}"
        )
        response, where = self.deref(responses[key], base)
        where = where or base
        if not isinstance(response, dict):
            return None
        if self.swagger:
            return (
                (response["schema"], where + "/schema")
                if "schema" in response
                else None
            )
        content = response.get("content") or {}
        if not content:
            return None
        name = media if media in content else next(iter(content))
        spec = content[name]
        if not isinstance(spec, dict) or "schema" not in spec:
            return None
        return (
            spec["schema"],
            f"{where}/content/{name.replace('~', '~0').replace('/', '~1')}/schema",
        )

    def security(self, operation_pointer: str) -> str:
        """The operation's security requirements, as text: "api_key (apiKey in header api_key)"."""
        operation = self.at(operation_pointer)
        requirements = operation.get("security", self.data.get("security")) or []
        schemes = (
            self.data.get("securityDefinitions")
            if self.swagger
            else (self.data.get("components") or {}).get("securitySchemes")
        ) or {}
        alternatives = []
        for requirement in requirements if isinstance(requirements, list) else []:
            names = []
            for key in requirement if isinstance(requirement, dict) else []:
                scheme, _ = self.deref(schemes.get(key, {}))
                kind = scheme.get("type", "?") if isinstance(scheme, dict) else "?"
                where = (
                    f" in {scheme.get('in')} {scheme.get('name')}"
                    if kind == "apiKey"
                    else ""
                )
                extra = f" {scheme.get('scheme')}" if kind == "http" else ""
                names.append(f"{key} ({kind}{extra}{where})")
            alternatives.append(" and ".join(names) or "none")
        return " or ".join(alternatives) or "none declared"

    def validate(self, value: Any, pointer: str) -> str:
        """'' when ``value`` is valid against the schema at ``pointer``, else the first error."""
        return self.check(value, {"$ref": pointer})

    def check(self, value: Any, schema: Any) -> str:
        """'' when ``value`` is valid against ``schema`` (a schema of this document)."""
        from openapi_schema_validator import (
            OAS30Validator,
            OAS31Validator,
            oas30_format_checker,
            oas31_format_checker,
        )

        cls, checker = (
            (OAS31Validator, oas31_format_checker)
            if self.openapi31
            else (OAS30Validator, oas30_format_checker)
        )
        # The whole document as the root, so that its local $refs resolve; the schema's own
        # keywords on top (the document's keys are no JSON Schema keywords, so they are ignored).
        root = {**self.data, **(schema if isinstance(schema, dict) else {})}
        try:
            error = next(
                iter(cls(root, format_checker=checker).iter_errors(value)), None
            )
        except Exception as exc:  # a schema the validator cannot read: no judgement
            return f"(schema not checkable: {type(exc).__name__})"
        return (
            ""
            if error is None
            else f"{'/'.join(str(p) for p in error.absolute_path) or 'body'}: {error.message[:200]}"
        )


# -- values -----------------------------------------------------------------------------------

FORMATS: dict[str, Any] = {
    "date-time": "2024-05-06T07:08:09Z",
    "date": "2024-05-06",
    "time": "07:08:09Z",
    "date-time-rfc1123": "Mon, 06 May 2024 07:08:09 GMT",
    "date-time-rfc7231": "Mon, 06 May 2024 07:08:09 GMT",
    "duration": "PT1H",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "guid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "prism@example.com",
    "idn-email": "prism@example.com",
    "uri": "https://example.com/prism",
    "url": "https://example.com/prism",
    "iri": "https://example.com/prism",
    "uri-reference": "/prism",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "cHJpc20=",
    "base64": "cHJpc20=",
    "binary": "prism",
    "password": "prism-password",
    "int32": "1",
    "int64": "1",
}
_PATTERN_CANDIDATES = (
    "prism",
    "a",
    "A",
    "1",
    "a1",
    "A1",
    "abc",
    "ABC",
    "123",
    "prism-1",
    "a_b",
    "x@y.z",
)


class Sampler:
    """Deterministic, schema-valid JSON for a schema: enums take their first value, formats
    their canonical example, bounds are respected; ``full`` adds every optional property.
    """

    def __init__(self, spec: Spec) -> None:
        self.spec = spec

    def sample(self, schema: Any, full: bool, depth: int = 0, name: str = "") -> Any:
        schema, pointer = self.spec.deref(schema)
        if pointer:
            name = pointer.rsplit("/", 1)[-1]
        if not isinstance(schema, dict) or depth > 12:
            return "prism"
        if "const" in schema:
            return schema["const"]
        enum = [v for v in schema.get("enum") or [] if _fits(v, schema.get("type"))]
        if enum:
            return enum[0]  # values of another type than the schema's are skipped
        if "allOf" in schema:
            return self.sample(self._merge_all_of(schema), full, depth + 1, name)
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                return self._variant(schema, key, full, depth, name)
        kind = self._type(schema)
        if kind == "null":
            return None
        if kind == "object":
            return self._object(schema, full, depth, name)
        if kind == "array":
            return self._array(schema, full, depth)
        if kind == "integer":
            return self._number(schema, 1, integer=True)
        if kind == "number":
            return self._number(schema, 1.5, integer=False)
        if kind == "boolean":
            return True
        return self._string(schema)

    def _type(self, schema: dict[str, Any]) -> str:
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if isinstance(kind, str):
            return "string" if kind == "file" else kind
        if "properties" in schema or "additionalProperties" in schema:
            return "object"
        if "items" in schema:
            return "array"
        return "string"

    def _merge_all_of(self, schema: dict[str, Any]) -> dict[str, Any]:
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        properties: dict[str, Any] = dict(merged.get("properties") or {})
        required: list[str] = list(merged.get("required") or [])
        for part in schema["allOf"]:
            part, _ = self.spec.deref(part)
            if not isinstance(part, dict):
                continue
            if "allOf" in part:
                part = self._merge_all_of(part)
            properties.update(part.get("properties") or {})
            required += [r for r in part.get("required") or [] if r not in required]
            for key, value in part.items():
                if key not in ("properties", "required"):
                    merged.setdefault(key, value)
        merged["properties"], merged["required"] = properties, required
        merged.setdefault("type", "object")
        return merged

    def _variant(
        self, schema: dict[str, Any], key: str, full: bool, depth: int, name: str
    ) -> Any:
        variants = schema[key]
        chosen = next(
            (v for v in variants if self.spec.deref(v)[0].get("type") != "null"),
            variants[0],
        )
        value = self.sample(chosen, full, depth + 1)
        discriminator = schema.get("discriminator")
        if isinstance(discriminator, dict) and isinstance(value, dict):
            prop = discriminator.get("propertyName")
            ref = chosen.get("$ref", "") if isinstance(chosen, dict) else ""
            mapping = discriminator.get("mapping") or {}
            tag = next(
                (
                    k
                    for k, v in mapping.items()
                    if v == ref or v == ref.rsplit("/", 1)[-1]
                ),
                ref.rsplit("/", 1)[-1],
            )
            if prop and tag:
                value[prop] = tag
        return value

    def _object(
        self, schema: dict[str, Any], full: bool, depth: int, name: str
    ) -> dict[str, Any]:
        properties = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        out: dict[str, Any] = {}
        for prop, sub in properties.items():
            resolved, _ = self.spec.deref(sub)
            if isinstance(resolved, dict) and resolved.get("readOnly"):
                continue  # the server's to fill in; a request must not carry it
            if prop in required or (full and depth < 4):
                out[prop] = self.sample(sub, full, depth + 1)
        if (
            not properties
            and isinstance(schema.get("additionalProperties"), dict)
            and full
        ):
            out["prism"] = self.sample(schema["additionalProperties"], full, depth + 1)
        discriminator = schema.get("discriminator")
        prop = (
            discriminator.get("propertyName")
            if isinstance(discriminator, dict)
            else discriminator
        )
        if isinstance(prop, str) and prop in properties and name:
            sub, _ = self.spec.deref(properties[prop])
            if not (isinstance(sub, dict) and sub.get("enum")):
                mapping = (
                    discriminator.get("mapping") or {}
                    if isinstance(discriminator, dict)
                    else {}
                )
                out[prop] = next(
                    (k for k, v in mapping.items() if v.rsplit("/", 1)[-1] == name),
                    name,
                )
        return out

    def _array(self, schema: dict[str, Any], full: bool, depth: int) -> list[Any]:
        """One item with the required arguments, two with all of them: two is what tells a
        comma-joined list from repeated parameters (``collectionFormat: multi``, ``explode``).
        """
        count = max(int(schema.get("minItems") or 0), 2 if full else 1)
        if isinstance(schema.get("maxItems"), int):
            count = max(min(count, schema["maxItems"]), 0)
        items, _ = self.spec.deref(schema.get("items", {}))
        enum = (
            [v for v in (items.get("enum") or []) if v is not None]
            if isinstance(items, dict)
            else []
        )
        if len(enum) >= count:
            return enum[:count]  # the first values, distinct
        first = self.sample(schema.get("items", {}), full, depth + 1)
        out = [first]
        for index in range(1, count):
            out.append(self._other(items, first, index) if not enum else first)
        if schema.get("uniqueItems") and len(
            {json.dumps(v, sort_keys=True) for v in out}
        ) < len(out):
            out = out[:1]
        return out

    def _other(self, items: Any, first: Any, index: int) -> Any:
        """Another valid item, distinct from ``first`` where the item schema leaves room."""
        if not isinstance(items, dict):
            return first
        if isinstance(first, str) and "format" not in items and "pattern" not in items:
            other = f"{first}{index + 1}"
            return (
                other
                if len(other) <= int(items.get("maxLength", len(other)))
                else first
            )
        if isinstance(first, int) and not isinstance(first, bool):
            number = first + index
            return number if number <= items.get("maximum", number) else first
        return first

    def _number(
        self, schema: dict[str, Any], start: float, integer: bool
    ) -> float | int:
        low, high = schema.get("minimum"), schema.get("maximum")
        value: float = start
        if isinstance(low, (int, float)):
            value = max(value, low)
            if schema.get("exclusiveMinimum") is True and value == low:
                value = low + 1
        if isinstance(schema.get("exclusiveMinimum"), (int, float)) and not isinstance(
            schema["exclusiveMinimum"], bool
        ):
            value = max(value, schema["exclusiveMinimum"] + 1)
        if isinstance(high, (int, float)):
            value = min(value, high)
            if schema.get("exclusiveMaximum") is True and value == high:
                value = high - 1
        step = schema.get("multipleOf")
        if isinstance(step, (int, float)) and step > 0:
            value = step * max(1, round(value / step))
        return int(value) if integer else float(value)

    def _string(self, schema: dict[str, Any]) -> str:
        text = str(FORMATS.get(str(schema.get("format", "")), "prism"))
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            for candidate in [
                schema.get("example"),
                schema.get("default"),
                *(schema.get("examples") or []),
                text,
                *_PATTERN_CANDIDATES,
            ]:
                if isinstance(candidate, str) and _matches(pattern, candidate):
                    text = candidate
                    break
        low, high = schema.get("minLength"), schema.get("maxLength")
        if isinstance(low, int) and len(text) < low:
            text = text + "x" * (low - len(text))
        if isinstance(high, int) and len(text) > high:
            text = text[: max(high, 0)]
        return text


def _fits(value: Any, kind: Any) -> bool:
    """Whether an enum value has the schema's type (descriptions list "1" for integers)."""
    kinds = kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else []
    if value is None:
        return False
    if not kinds:
        return True
    checks = {
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "array": isinstance(value, list),
        "object": isinstance(value, dict),
    }
    return any(checks.get(k, False) for k in kinds)


def _matches(pattern: str, text: str) -> bool:
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return False


class Unrepresentable(Exception):
    """The parameter's Python type (its codec) refused the JSON value synthesised for it."""

    def __init__(
        self, param: Parameter, raw: Any, schema: Any, cause: Exception
    ) -> None:
        super().__init__(f"{param.python_name}: {type(cause).__name__}: {cause}")
        self.param, self.raw, self.schema, self.cause = param, raw, schema, cause


class Values:
    """Python arguments for a generated package's methods."""

    def __init__(self, generated: Generated, spec: Spec) -> None:
        self.sampler = Sampler(spec)
        self.spec = spec
        serialization = importlib.import_module(f"{generated.name}._serialization")
        self.namespace: dict[str, Any] = dict(vars(serialization))
        self.namespace["_models"] = importlib.import_module(f"{generated.name}.models")

    def value(self, param: Parameter, full: bool) -> Any:
        if param.type.kind in ("bytes", "file"):
            return (
                b"prism-bytes\x00\x01"  # small, and not text: the body is sent as given
            )
        schema = self.spec.parameter_schema(param)
        raw = self.sampler.sample(schema, full)
        try:
            return self.python(param.type, raw)
        except Exception as exc:
            raise Unrepresentable(param, raw, schema, exc) from exc

    def python(self, type_ref: TypeRef, raw: Any) -> Any:
        """The JSON value as the method takes it: decoded by the IR type's own codec."""
        if type_ref.kind == "str" and not isinstance(raw, str):
            return json.dumps(raw)  # a structured parameter the generator sends as text
        codec = eval(
            type_ref.codec, self.namespace
        )  # the codec text the templates print
        return codec.decode(raw)


# -- credentials ------------------------------------------------------------------------------


class _AccessToken(NamedTuple):
    token: str
    expires_on: int


class _StubToken:
    """What the clients took before the credential classes: ``get_token(*scopes)``."""

    def get_token(self, *scopes: str, **kwargs: Any) -> _AccessToken:
        return _AccessToken(TOKEN, int(time.time()) + 3600)


class _AsyncStubToken:
    async def get_token(self, *scopes: str, **kwargs: Any) -> _AccessToken:
        return _StubToken().get_token(*scopes)


def credentials(generated: Generated, is_async: bool) -> tuple[Any, str]:
    """The credential argument for the client, and a note of what was (not) passed.

    The package's own ``ApiKeyCredential`` / ``BasicAuthCredential`` / ``BearerTokenCredential``
    when it exports them (by getattr: they are being added); else the ``get_token`` object the
    clients take today, which only covers bearer schemes (OAuth2, OpenID Connect, http bearer).
    """
    package = generated.module
    schemes = generated.api.security
    if not schemes:
        return None, "none (no security schemes)"
    api_key_cls = getattr(package, "ApiKeyCredential", None)
    basic_cls = getattr(package, "BasicAuthCredential", None)
    bearer_cls = getattr(package, "BearerTokenCredential", None)
    token = _AsyncStubToken() if is_async else _StubToken()
    chosen: list[Any] = []
    notes: list[str] = []
    api_keys = [s for s in schemes if s.type == "apiKey"]
    for scheme in schemes:
        if scheme.type == "apiKey":
            if api_key_cls is None:
                notes.append(
                    f"{scheme.key} (apiKey {scheme.location} {scheme.parameter_name!r}) NOT SENT: no ApiKeyCredential exported"
                )
                continue
            chosen.append(
                api_key_cls(API_KEY, scheme=scheme.key if len(api_keys) > 1 else None)
            )
            notes.append(f"{scheme.key}: ApiKeyCredential")
        elif scheme.type == "http" and scheme.scheme.lower() == "basic":
            if basic_cls is None:
                notes.append(
                    f"{scheme.key} (http basic) NOT SENT: no BasicAuthCredential exported"
                )
                continue
            chosen.append(basic_cls("prism-user", "prism-password"))
            notes.append(f"{scheme.key}: BasicAuthCredential")
        elif (
            scheme.type == "http"
            and scheme.scheme.lower() == "bearer"
            and bearer_cls is not None
        ):
            chosen.append(bearer_cls(TOKEN))
            notes.append(f"{scheme.key}: BearerTokenCredential")
        elif scheme.type in ("oauth2", "openIdConnect", "http"):
            if token not in chosen:
                chosen.append(token)
            notes.append(f"{scheme.key}: get_token() object")
        else:
            notes.append(f"{scheme.key} ({scheme.type}) NOT SENT: unknown scheme type")
    if not chosen:
        return None, "; ".join(notes)
    new_api = api_key_cls is not None or basic_cls is not None or bearer_cls is not None
    if len(chosen) > 1 and not new_api:
        return chosen[0], "; ".join(notes)
    return (chosen[0] if len(chosen) == 1 else chosen), "; ".join(notes)


def _client(generated: Generated, endpoint: str, is_async: bool) -> tuple[Any, str]:
    package = generated.module
    cls = getattr(
        package,
        generated.api.names.async_client if is_async else generated.api.names.client,
    )
    credential, note = credentials(generated, is_async)
    # No retries: Prism's 500 (its own invalid answer) must not be asked three more times.
    retry = package.RetryPolicy(max_retries=0)
    try:
        return cls(endpoint, credential, retry=retry, read_timeout=60.0), note
    except TypeError as exc:  # a client that takes no sequence of credentials yet
        if not isinstance(credential, list):
            raise
        fallback = next(
            (c for c in credential if hasattr(c, "get_token")), credential[0]
        )
        note += (
            f"; the client refused the list ({exc}), so only {type(fallback).__name__}"
        )
        return cls(endpoint, fallback, retry=retry, read_timeout=60.0), note


# -- classification ---------------------------------------------------------------------------


def _problem(exchange: Exchange) -> dict[str, Any]:
    if "problem+json" not in exchange.response_headers.get("content-type", ""):
        return {}
    try:
        body = json.loads(exchange.response_body)
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _entries(raw: Any, prefix: str, prefixed: bool = True) -> list[Violation]:
    """Error-severity entries under ``prefix``; ``prefixed=False`` for a 422 problem's
    ``validation``, whose locations start at "query", "body"… (only the header says "request").
    """
    out = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or item.get("severity", "Error") != "Error":
            continue
        location = [str(p) for p in item.get("location") or []]
        if location[:1] == [prefix]:
            location = location[1:]
        elif prefixed:
            continue
        out.append(Violation(".".join(location), str(item.get("message", ""))))
    return out


def _header_violations(exchange: Exchange, prefix: str) -> list[Violation]:
    raw = exchange.response_headers.get("sl-violations")
    if not raw:
        return []
    try:
        return _entries(json.loads(raw), prefix)
    except ValueError:  # "Too many violations! <truncated JSON>"
        return [Violation(prefix, raw[:300])] if prefix == "request" else []


def request_violations(exchange: Exchange) -> list[Violation]:
    """What Prism says is wrong with the request; empty when nothing is."""
    found = _header_violations(exchange, "request")
    problem = _problem(exchange)
    kind = str(problem.get("type", "")).rsplit("#", 1)[-1]
    if kind == "UNPROCESSABLE_ENTITY" or (kind == "VIOLATIONS" and not found):
        prefixed = (
            kind == "VIOLATIONS"
        )  # there the list mixes request and response entries
        found += [
            v
            for v in _entries(problem.get("validation"), "request", prefixed)
            if v not in found
        ]
        if kind == "UNPROCESSABLE_ENTITY" and not found:
            found.append(
                Violation("", str(problem.get("detail") or problem.get("title")))
            )
    elif kind in REQUEST_PROBLEMS:
        found.append(
            Violation(
                REQUEST_PROBLEMS[kind],
                f"{problem.get('title', '')}: {problem.get('detail', '')}"[:300],
            )
        )
    return found


def prism_own_violations(exchange: Exchange) -> list[Violation]:
    """Prism's mock answer is not valid against the description (``--errors`` made it a 500)."""
    problem = _problem(exchange)
    if str(problem.get("type", "")).rsplit("#", 1)[-1] == "VIOLATIONS":
        return _entries(problem.get("validation"), "response") or [
            Violation("response", str(problem.get("detail")))
        ]
    if exchange.status >= 500 and problem:
        return [
            Violation(
                "response",
                f"{problem.get('title', '')}: {problem.get('detail', '')}"[:300],
            )
        ]
    return []


def classify(
    call: Call,
    exchanges: list[Exchange],
    error: BaseException | None,
    spec: Spec,
    operation: Operation,
) -> None:
    """Fill in ``call`` from what went over the wire and how the client ended."""
    if not exchanges:
        if error is not None:
            call.outcome = "client_error"
            call.detail = f"{type(error).__name__}: {error}"[:400] + " (nothing sent)"
        else:
            call.outcome, call.detail = (
                "client_error",
                "the method returned without sending a request",
            )
        return
    first = exchanges[0]
    call.status = first.status
    call.request = f"{first.method} {first.target}"
    if first.error:
        call.outcome, call.detail = (
            "prism_invalid",
            f"no answer from Prism: {first.error}",
        )
        return
    found = request_violations(first)
    if found:
        call.outcome, call.violations = "violation", found
        call.detail = _judge_violations(found, first, spec, operation)
        if any(v.location == "security" for v in found):
            sent = [
                h
                for h, _ in first.request_headers
                if h.lower()
                not in (
                    "host",
                    "user-agent",
                    "accept",
                    "content-type",
                    "content-length",
                )
            ]
            call.violations = [
                (
                    Violation(
                        "security",
                        f"Prism requires {spec.security(operation.pointer)}; sent headers: {', '.join(sent) or 'none'}",
                    )
                    if v.location == "security"
                    else v
                )
                for v in found
            ]
        return
    own = prism_own_violations(first)
    if own:
        call.outcome, call.violations = "prism_invalid", own
        call.detail = "Prism's mock answer fails its own description (--errors)"
        return
    link = _mock_next_link(first, operation, spec.models)
    if error is not None and (len(exchanges) > 1 or link):
        # The page was accepted; what failed is following the next link Prism made up.
        later = exchanges[-1]
        followed = (
            f"a follow-up {later.method} {later.target[:120]}"
            if len(exchanges) > 1
            else "following it"
        )
        call.outcome = "prism_invalid"
        call.detail = (
            "the call's own request was accepted; "
            + (f"the mock's next link {link!r} is not a URL; " if link else "")
            + f"{followed} ended in {type(error).__name__}: {str(error)[:160]}"
        )
        return
    if error is None:
        call.outcome = "accepted"
        if not 200 <= first.status < 300:
            call.detail = f"{first.status} raised as the service error (Prism mocks a declared non-2xx answer)"
        return
    if not 200 <= first.status < 300 and hasattr(error, "status_code"):
        call.outcome = "accepted"
        call.detail = f"{first.status}: Prism's mock picked a declared non-2xx answer; raised {type(error).__name__}"
        return
    call.outcome, call.detail = _judge_answer(first, error, spec, operation)


def _mock_next_link(
    exchange: Exchange, operation: Operation, models: dict[str, Model]
) -> str:
    """The next link of a 2xx page when it is not a URL (Prism's static mock writes "string")."""
    if (
        operation.paging is None
        or not operation.paging.next_link_attr
        or not 200 <= exchange.status < 300
    ):
        return ""
    model = models.get(operation.paging.page_model)
    wire = next(
        (
            p.wire_name
            for p in (model.all_properties if model else ())
            if p.python_name == operation.paging.next_link_attr
        ),
        "",
    )
    try:
        body = json.loads(exchange.response_body)
    except ValueError:
        return ""
    link = body.get(wire) if isinstance(body, dict) and wire else None
    if isinstance(link, str) and link and not re.match(r"^(https?://|/)", link):
        return link
    return ""


def _judge_violations(
    found: list[Violation], exchange: Exchange, spec: Spec, operation: Operation
) -> str:
    """A note when the description itself makes the violation unavoidable: a body ``oneOf``
    whose variants overlap (no ``additionalProperties: false``) refuses every value that
    matches two of them, and Prism checks ``oneOf`` as plain JSON Schema, not by discriminator.
    """
    if "#" in operation.path and any(v.location == "route" for v in found):
        return (
            "judged: the description's fault: its path template holds a '#' (the AWS "
            "'/#Action=...' convention), which no HTTP request can carry to the server"
        )
    if operation.body is None or not any(
        v.location == "body" and "oneOf" in v.message for v in found
    ):
        return ""
    try:
        sent = json.loads(exchange.request_body)
    except ValueError:
        return ""
    schema, _ = spec.deref(spec.parameter_schema(operation.body))
    variants = schema.get("oneOf") if isinstance(schema, dict) else None
    refs = [
        v["$ref"]
        for v in variants or []
        if isinstance(v, dict) and isinstance(v.get("$ref"), str)
    ]
    matched = [ref.rsplit("/", 1)[-1] for ref in refs if not spec.validate(sent, ref)]
    if len(matched) > 1:
        return (
            f"judged: the description's fault, not the client's: the body sent matches {len(matched)} "
            f"oneOf variants ({', '.join(matched)}): they overlap, and Prism checks oneOf as plain "
            f"JSON Schema, without the discriminator"
        )
    return ""


def _judge_answer(
    exchange: Exchange, error: BaseException, spec: Spec, operation: Operation
) -> tuple[Outcome, str]:
    """The client refused an answer Prism did not flag: whose fault is it?"""
    raised = f"{type(error).__name__}: {str(error)[:200]}"
    media = exchange.response_headers.get("content-type", "").split(";")[0].strip()
    declared = spec.response_schema(operation.pointer, exchange.status, media)
    if declared is None:
        return (
            "client_error",
            f"{raised} on a {exchange.status} answer the description gives no schema for",
        )
    if not exchange.response_body.strip():
        return "prism_invalid", (
            f"{exchange.status} with an empty body (no content-type) where the description declares a schema; "
            f"the client raised {raised}"
        )
    try:
        body = json.loads(exchange.response_body)
    except ValueError:
        return (
            "prism_invalid",
            f"{exchange.status} body is not JSON ({media or 'no content-type'}); raised {raised}",
        )
    invalid = spec.validate(body, declared[1])
    if invalid and not invalid.startswith("(schema"):
        return (
            "prism_invalid",
            f"Prism's {exchange.status} body fails the response schema ({invalid}); raised {raised}",
        )
    return (
        "client_error",
        f"{raised} on a {exchange.status} body that is valid against the description {invalid}".rstrip(),
    )


# -- calls ------------------------------------------------------------------------------------


def _arguments(values: Values, operation: Operation, mode: Mode) -> dict[str, Any]:
    args: dict[str, Any] = {}
    for param in operation.parameters:
        if param.on_client or param.auto:
            continue  # set on the client, or filled in by it
        if param.required or mode == "all":
            args[param.python_name] = values.value(param, full=mode == "all")
    return args


def _finish_sync(result: Any, operation: Operation) -> None:
    """Consume lazy results so that their requests are made (and bounded)."""
    if operation.result == "paged":
        for index, _ in enumerate(result):
            if index >= 50:
                break
    elif operation.result == "stream":
        try:
            result.read()
        finally:
            result.close()


async def _finish_async(result: Any, operation: Operation) -> None:
    if operation.result == "paged":
        index = 0
        async for _ in result:
            index += 1
            if index >= 50:
                break
    elif operation.result == "stream":
        try:
            await result.read()
        finally:
            await result.close()


def _calls(
    generated: Generated, spec_name: str, client: str, modes: Iterable[Mode]
) -> list[tuple[Call, OperationGroup, Operation, Mode]]:
    planned = []
    for mode in modes:
        for group in generated.api.groups:
            for operation in group.operations:
                call = Call(
                    spec_name,
                    client,
                    mode,
                    f"{group.python_name}.{operation.python_name}",
                    operation.operation_id,
                    f"{operation.http_method} {operation.path}",
                )
                planned.append((call, group, operation, mode))
    return planned


def drive(
    generated: Generated,
    proxy: RecordingProxy,
    spec_name: str,
    *,
    clients: Iterable[str] = ("sync",),
    modes: Iterable[Mode] = ("required", "all"),
    prism: PrismServer | None = None,
) -> tuple[list[Call], str]:
    """Call every operation of the package's clients through ``proxy``; (calls, credential note).

    With ``prism``, a Prism that dies on a request (it does, on some descriptions) is judged
    for that call and started again for the next ones."""
    spec = Spec(generated.doc, generated.api)
    values = Values(generated, spec)
    after = _Judge(spec, proxy, prism)
    calls: list[Call] = []
    note = ""
    modes = tuple(modes)
    for client_kind in clients:
        planned = _calls(generated, spec_name, client_kind, modes)
        if client_kind == "sync":
            note = _drive_sync(generated, proxy, values, after, planned)
        else:
            note = asyncio.run(_drive_async(generated, proxy, values, after, planned))
        calls += [call for call, *_ in planned]
    return calls, note


def _prepare(
    values: Values, call: Call, operation: Operation, mode: Mode
) -> dict[str, Any] | None:
    try:
        return _arguments(values, operation, mode)
    except Unrepresentable as exc:
        # Whose fault: a value the description allows that the generated type cannot hold is
        # the client's; a value the description refuses is this driver's.
        invalid = values.spec.check(exc.raw, exc.schema)
        if not invalid:
            call.outcome = "client_error"
            call.detail = (
                f"the generated type refuses a value valid against the description "
                f"({json.dumps(exc.raw)[:120]}): {exc}"
            )[:400]
        else:
            call.outcome = "driver_error"
            call.detail = f"could not synthesise a valid value ({invalid}): {exc}"[:400]
        return None
    except Exception as exc:
        call.outcome = "driver_error"
        call.detail = f"could not synthesise arguments: {type(exc).__name__}: {exc}"[
            :400
        ]
        return None


def _drive_sync(
    generated: Generated,
    proxy: RecordingProxy,
    values: Values,
    after: _Judge,
    planned: list[Any],
) -> str:
    client, note = _client(generated, proxy.url, is_async=False)
    with client:
        for call, group, operation, mode in planned:
            args = _prepare(values, call, operation, mode)
            if args is None:
                continue
            proxy.take()
            error: BaseException | None = None
            try:
                method: Callable[..., Any] = getattr(
                    getattr(client, group.python_name), operation.python_name
                )
                _finish_sync(method(**args), operation)
            except Exception as exc:
                error = exc
            after(call, error, operation)
    return note


async def _drive_async(
    generated: Generated,
    proxy: RecordingProxy,
    values: Values,
    after: _Judge,
    planned: list[Any],
) -> str:
    client, note = _client(generated, proxy.url, is_async=True)
    async with client:
        for call, group, operation, mode in planned:
            args = _prepare(values, call, operation, mode)
            if args is None:
                continue
            proxy.take()
            error: BaseException | None = None
            try:
                method = getattr(
                    getattr(client, group.python_name), operation.python_name
                )
                result = method(**args)
                if inspect.isawaitable(result):
                    result = await result
                await _finish_async(result, operation)
            except Exception as exc:
                error = exc
            after(call, error, operation)
    return note


class _Judge:
    """After each call: classify it, and revive Prism when the call killed it."""

    def __init__(
        self, spec: Spec, proxy: RecordingProxy, prism: PrismServer | None
    ) -> None:
        self.spec, self.proxy, self.prism = spec, proxy, prism

    def __call__(
        self, call: Call, error: BaseException | None, operation: Operation
    ) -> None:
        classify(call, self.proxy.take(), error, self.spec, operation)
        if call.outcome == "client_error" and error is not None and not call.request:
            call.detail += " | " + _where(error)
        if self.prism is not None and not self.prism.alive():
            call.outcome, call.violations = "prism_invalid", []
            call.detail = f"Prism crashed on this request: {self.prism.crash()}"
            self.prism.restart()
            self.proxy.upstream_port = self.prism.port


def _where(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    inner = frames[-1] if frames else None
    return f"at {Path(inner.filename).name}:{inner.lineno}" if inner else ""


def not_generated(generated: Generated) -> list[str]:
    """Operations of the description that the IR (so the client) does not have."""
    have = {(op.http_method, op.path) for op in generated.api.operations}
    spec = Spec(generated.doc, generated.api)
    return [
        f"{m} {p} ({oid or 'no operationId'})"
        for m, p, oid in spec.operations()
        if (m, p) not in have
    ]


# -- reporting --------------------------------------------------------------------------------


def table(reports: list[SpecReport]) -> str:
    """One row per description: operations, calls, and each outcome's count."""
    head = (
        "description",
        "ops",
        "calls",
        "accepted",
        "violations",
        "client exc",
        "prism invalid",
        "driver",
        "s",
    )
    rows: list[tuple[str, ...]] = [head]
    for r in reports:
        if r.problem:
            rows.append(
                (
                    r.spec,
                    str(r.operations),
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                    f"{r.seconds:.1f}",
                )
            )
            continue
        rows.append(
            (
                r.spec,
                str(r.operations),
                str(len(r.calls)),
                *(str(r.count(o)) for o in OUTCOMES),
                f"{r.seconds:.1f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths))
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def grouped_violations(calls: Iterable[Call]) -> list[tuple[str, int, list[str]]]:
    """(violation message with values and operation-specific bits generalised, count, operations)."""
    groups: dict[str, tuple[int, list[str]]] = {}
    for call in calls:
        for violation in call.violations:
            key = re.sub(r"\b\d+\b", "N", str(violation))
            count, ops = groups.get(key, (0, []))
            if call.operation not in ops:
                ops.append(call.operation)
            groups[key] = (count + 1, ops)
    return sorted(
        ((k, c, o) for k, (c, o) in groups.items()), key=lambda g: (-g[1], g[0])
    )


@contextlib.contextmanager
def prism_session(
    spec: Path, work: Path, name: str | None = None
) -> Iterator[tuple[Generated, RecordingProxy]]:
    """The generated package for ``spec`` and a recording proxy in front of Prism for it."""
    generated = generate(spec, work, name)
    with (
        PrismServer(spec, log=work / f"{spec.name}.prism.log") as prism,
        RecordingProxy(prism.port) as proxy,
    ):
        proxy.prism = prism  # so that fill() can revive it after a crash
        yield generated, proxy


def run_spec(
    spec: Path,
    work: Path,
    *,
    clients: Iterable[str] = ("sync",),
    modes: Iterable[Mode] = ("required", "all"),
    name: str | None = None,
) -> SpecReport:
    """Generate ``spec`` under ``work``, start Prism for it, drive every operation, stop Prism."""
    started = time.monotonic()
    report = SpecReport(spec.name)
    try:
        with prism_session(spec, work, name) as (generated, proxy):
            fill(report, generated, proxy, clients=clients, modes=modes)
    except Exception as exc:  # generation or Prism failed: the row says why
        report.problem = f"{type(exc).__name__}: {exc}"[:500]
    report.seconds = time.monotonic() - started
    return report


def fill(
    report: SpecReport,
    generated: Generated,
    proxy: RecordingProxy,
    *,
    clients: Iterable[str] = ("sync",),
    modes: Iterable[Mode] = ("required", "all"),
) -> SpecReport:
    report.operations = len(generated.api.operations)
    report.not_generated = not_generated(generated)
    report.calls, report.credentials = drive(
        generated,
        proxy,
        report.spec,
        clients=clients,
        modes=modes,
        prism=proxy.prism,
    )
    return report
