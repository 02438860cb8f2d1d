"""The raw description, as Prism reads it: local ``$ref`` resolution, the schema of each
parameter and response, security requirements, validation (openapi-schema-validator), and a
sampler of deterministic schema-valid values (enums take their first value, formats their
canonical example, bounds are respected)."""

from __future__ import annotations

import json
import re
import urllib.parse
from typing import Any

from generator.ir import Api, Model, Parameter
from generator.load import Document
from generator.passes.regex_text import matching_text

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


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
        wanted = schema.get("minProperties")
        if (
            not properties
            and isinstance(schema.get("additionalProperties"), dict)
            and (full or isinstance(wanted, int) and wanted > 0)
        ):
            # as many entries as minProperties asks for (amazonaws.com/outposts' Tags: one)
            count = max(1, wanted if isinstance(wanted, int) else 1)
            for index in range(count):
                key = "prism" if index == 0 else f"prism{index}"
                out[key] = self.sample(schema["additionalProperties"], full, depth + 1)
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
        low, high = schema.get("minLength"), schema.get("maxLength")
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
            else:
                # an ARN, an account id: a text made from the pattern itself (what the generated
                # tests send), else "prism", which Prism rightly refuses
                made = matching_text(pattern, low if isinstance(low, int) else 0, high if isinstance(high, int) else None)
                text = made if made is not None else text
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
