"""Operations → groups, methods, parameters and responses, with every Python name decided here."""

from __future__ import annotations

import re
from typing import Any

from .. import naming
from ..ir import Example, Operation, OperationGroup, Parameter, PathSegment, Response, ResponseHeader, TypeRef
from ..problems import join_pointer
from ..validate import iter_operations
from .context import BuildContext, text
from .schemas import SchemaResolver

# Names a generated method uses itself; a parameter with one of these names gets a suffix.
METHOD_RESERVED = frozenset({"self", "request_options"})
# Attributes of the generated client; an operation group may not take these names.
CLIENT_RESERVED = frozenset({"close", "endpoint", "api_version", "credential"})
_JSON_MEDIA = re.compile(r"^application/(.+\+)?json\b")
_SEGMENT = re.compile(r"\{([^{}/]+)\}")


def _media_schema(content: Any) -> tuple[str, Any]:
    """The (media type, schema) a client would use: the first JSON media type, else the first."""
    if not isinstance(content, dict) or not content:
        return "", None
    for media, spec in content.items():
        if _JSON_MEDIA.match(media) and isinstance(spec, dict):
            return media, spec.get("schema")
    media, spec = next(iter(content.items()))
    return media, spec.get("schema") if isinstance(spec, dict) else None


class OperationBuilder:
    def __init__(self, ctx: BuildContext, schemas: SchemaResolver, top_namer: naming.Namer) -> None:
        self.ctx = ctx
        self.schemas = schemas
        self.top_namer = top_namer
        self.api_version = ctx.doc.data.get("info", {}).get("version", "") if isinstance(ctx.doc.data.get("info"), dict) else ""

    def build_groups(self) -> tuple[OperationGroup, ...]:
        grouped: dict[str, list[tuple[str, dict[str, Any], str, str, Any, str]]] = {}
        titles: dict[str, str] = {}
        for path, method, operation, pointer, item in iter_operations(self.ctx.doc):
            group, title, method_hint = self._group_of(path, method, operation)
            grouped.setdefault(group, []).append((path, method, operation, pointer, item, method_hint))
            titles.setdefault(group, title)
        group_namer = naming.Namer(CLIENT_RESERVED)
        groups: list[OperationGroup] = []
        for group, entries in grouped.items():
            python_name, changed = group_namer.claim(group)
            if changed:
                self.ctx.warn(f"operation group {group!r} is named {python_name} to avoid a clash", entries[0][3])
            method_namer = naming.Namer()
            operations = tuple(self._operation(python_name, method_namer, *entry) for entry in entries)
            class_name, _ = self.top_namer.claim(naming.pascal(python_name) + "Operations")
            groups.append(OperationGroup(python_name, class_name, "_" + python_name, titles[group], operations))
        return tuple(groups)

    def _group_of(self, path: str, method: str, operation: dict[str, Any]) -> tuple[str, str, str]:
        """(group python name, group title, method name hint) from operationId, first tag or path."""
        operation_id = operation.get("operationId") if isinstance(operation.get("operationId"), str) else ""
        split = naming.split_operation_id(operation_id) if operation_id else None
        if split:
            prefix, action = split
            return naming.group_name(prefix), prefix, naming.snake(action, METHOD_RESERVED)
        tags = operation.get("tags")
        if isinstance(tags, list) and tags and isinstance(tags[0], str) and naming.words(tags[0]):
            group, title = naming.group_name(tags[0]), tags[0]
        else:
            literals = [s for s in path.split("/") if s and not _SEGMENT.search(s)]
            group = naming.group_name(literals[0]) if literals else "default"
            title = literals[0] if literals else "default"
        if operation_id:
            hint = _strip_noun(naming.snake(operation_id, METHOD_RESERVED), group)
        else:
            literals = [s for s in path.split("/") if s and not _SEGMENT.search(s)]
            hint = naming.snake("_".join([method, *literals]))
        return group, title, hint

    def _operation(
        self,
        group: str,
        method_namer: naming.Namer,
        path: str,
        method: str,
        operation: dict[str, Any],
        pointer: str,
        item: Any,
        method_hint: str,
    ) -> Operation:
        ctx = self.ctx
        operation_id = operation.get("operationId") if isinstance(operation.get("operationId"), str) else ""
        python_name, changed = method_namer.claim(method_hint)
        if changed:
            ctx.warn(f"method {method_hint!r} of group {group!r} is named {python_name} to avoid a clash", pointer)
        parameters = self._parameters(path, operation, pointer, item)
        by_wire = {p.wire_name: p for p in parameters if p.location == "path"}
        segments: list[PathSegment] = []
        last = 0
        for match in _SEGMENT.finditer(path):
            if match.start() > last:
                segments.append(PathSegment(literal=path[last : match.start()]))
            param = by_wire.get(match.group(1))
            segments.append(PathSegment(parameter=param.python_name if param else naming.snake(match.group(1))))
            last = match.end()
        if last < len(path):
            segments.append(PathSegment(literal=path[last:]))
        success, errors = self._responses(operation, pointer, operation_id or python_name)
        headers_class = ""
        if any(r.headers for r in success):
            # From the decided names, not the operationId: `Task_Reactivate` and `reactivateTask`
            # (tag Tasks) both give TaskReactivateHeaders.
            base = naming.pascal(naming.singular(group)) + naming.pascal(python_name)
            headers_class, _ = self.top_namer.claim(base + "Headers")
        examples = tuple(
            Example(name, value.get("$ref", "") if isinstance(value, dict) else "")
            for name, value in (operation.get("x-ms-examples") or {}).items()
        ) if isinstance(operation.get("x-ms-examples"), dict) else ()
        request_media = ""
        body = operation.get("requestBody")
        if body is not None:
            body, _ = ctx.deref(body, join_pointer(pointer, "requestBody"))
            request_media, _ = _media_schema(body.get("content") if isinstance(body, dict) else None)
            ctx.warn("request bodies are not supported yet; the operation is generated without its body", join_pointer(pointer, "requestBody"))
        tags = tuple(t for t in operation.get("tags") or () if isinstance(t, str)) if isinstance(operation.get("tags"), list) else ()
        return Operation(
            operation_id=operation_id,
            python_name=python_name,
            http_method=method.upper(),
            path=path,
            segments=tuple(segments),
            parameters=parameters,
            success=success,
            errors=errors,
            headers_class=headers_class,
            summary=text(operation, "summary"),
            description=text(operation, "description"),
            pointer=pointer,
            tags=tags,
            deprecated=bool(operation.get("deprecated")),
            request_media_type=request_media,
            examples=examples,
        )

    def _parameters(self, path: str, operation: dict[str, Any], pointer: str, item: Any) -> tuple[Parameter, ...]:
        ctx = self.ctx
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        sources = (
            (item.get("parameters") if isinstance(item, dict) else None, join_pointer("#/paths", path, "parameters")),
            (operation.get("parameters"), join_pointer(pointer, "parameters")),
        )
        for source, base in sources:
            if not isinstance(source, list):
                continue
            for index, raw in enumerate(source):
                where = join_pointer(base, index)
                param, _ = ctx.deref(raw, where)
                if not isinstance(param, dict) or not isinstance(param.get("name"), str) or not isinstance(param.get("in"), str):
                    ctx.warn("parameter without a 'name' and 'in' is skipped", where)
                    continue
                merged[(param["in"], param["name"])] = (param, where)
        namer = naming.Namer(METHOD_RESERVED)
        result: list[Parameter] = []
        ordered = sorted(merged.values(), key=lambda entry: entry[0]["in"] != "path")  # path first, stable
        for param, where in ordered:
            location = param["in"]
            wire = param["name"]
            if location == "cookie":
                ctx.warn(f"cookie parameter {wire!r} is not supported; it is left out", where)
                continue
            if location not in ("path", "query", "header"):
                ctx.warn(f"parameter location {location!r} of {wire!r} is not supported; it is left out", where)
                continue
            if location == "header" and wire.lower() in ("accept", "content-type", "authorization"):
                ctx.warn(f"header parameter {wire!r} is managed by the client and left out", where)
                continue
            schema = param.get("schema")
            if schema is None and "content" in param:
                _, schema = _media_schema(param.get("content"))
            type_ref = self.schemas.resolve(schema, join_pointer(where, "schema"), naming.pascal(wire), for_parameter=True)
            if type_ref.kind in ("model", "list", "dict", "any") and location != "query" or type_ref.kind in ("model", "dict"):
                ctx.warn(f"parameter {wire!r} has a structured type; it is sent as text", where)
                type_ref = TypeRef("str")
            python, changed = namer.claim(naming.snake(wire, METHOD_RESERVED))
            if changed:
                ctx.warn(f"parameter {wire!r} is named {python} to avoid a clash with another parameter", where)
            required = bool(param.get("required")) or location == "path"
            default = schema.get("default") if isinstance(schema, dict) else None
            on_client = location == "query" and wire == "api-version"
            result.append(
                Parameter(
                    wire_name=wire,
                    python_name=python,
                    location=location,
                    required=required,
                    type=type_ref,
                    description=text(param, "description"),
                    pointer=where,
                    default_repr=_default_repr(default),
                    on_client=on_client,
                    client_default=self.api_version if on_client else "",
                )
            )
        return tuple(result)

    def _responses(self, operation: dict[str, Any], pointer: str, hint: str) -> tuple[tuple[Response, ...], tuple[Response, ...]]:
        ctx = self.ctx
        responses = operation.get("responses")
        success: list[Response] = []
        errors: list[Response] = []
        if not isinstance(responses, dict):
            return (), ()
        for status, raw in responses.items():
            where = join_pointer(pointer, "responses", status)
            response, _ = ctx.deref(raw, where)
            if not isinstance(response, dict):
                continue
            headers: list[ResponseHeader] = []
            namer = naming.Namer({"raw"})
            for wire, raw_header in (response.get("headers") or {}).items() if isinstance(response.get("headers"), dict) else ():
                header_where = join_pointer(where, "headers", wire)
                header, _ = ctx.deref(raw_header, header_where)
                if not isinstance(header, dict):
                    continue
                type_ref = self.schemas.resolve(header.get("schema", header), join_pointer(header_where, "schema"), naming.pascal(wire))
                python, _ = namer.claim(naming.snake(wire, {"raw"}, attribute=True))
                headers.append(ResponseHeader(wire, python, type_ref, text(header, "description")))
            media, schema = _media_schema(response.get("content"))
            body = self.schemas.resolve(schema, join_pointer(where, "content", media, "schema"), naming.pascal(hint) + "Response") if schema is not None else None
            entry = Response(str(status), text(response, "description"), tuple(headers), body, media)
            (success if str(status).startswith("2") else errors).append(entry)
        if any(r.body is not None for r in success):
            ctx.warn("response bodies of successful calls are not decoded yet; the call returns its headers", join_pointer(pointer, "responses"))
        return tuple(success), tuple(errors)


def _strip_noun(method: str, group: str) -> str:
    """``reactivate_task`` in group ``tasks`` → ``reactivate``; keeps the name when nothing is left."""
    for noun in sorted({group, naming.singular(group)}, key=len, reverse=True):
        stripped = f"_{method}_".replace(f"_{noun}_", "_", 1).strip("_")
        if stripped and stripped != method and not stripped[0].isdigit() and stripped not in naming.RESERVED_WORDS:
            return stripped
    return method


def _default_repr(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    return ""
