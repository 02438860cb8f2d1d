"""Operations → groups, methods, parameters and responses, with every Python name decided here."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from .. import naming, pyfmt
from ..contract import STYLES
from ..ir import Example, Model, Operation, OperationGroup, Paging, Parameter, PathSegment, Response, ResponseHeader, TypeRef
from ..problems import join_pointer
from ..pyfmt import pystr
from ..validate import iter_operations
from .adapter import Adapter, concrete_media, default_style, media_kind
from .context import BuildContext, bool_at, dict_at, list_at, str_at, text
from .schemas import SchemaResolver

# Names a generated method uses itself; a parameter with one of these names gets a suffix.
METHOD_RESERVED = frozenset({"self", "request_options", "extra_headers", "extra_query"})
# Attributes of the generated client; an operation group may not take these names.
CLIENT_RESERVED = frozenset({"close", "endpoint", "api_version", "credential", "with_raw_response"})
_SEGMENT = re.compile(r"\{([^{}/]+)\}")


class OperationBuilder:
    def __init__(self, ctx: BuildContext, schemas: SchemaResolver, top_namer: naming.Namer) -> None:
        self.ctx = ctx
        self.schemas = schemas
        self.top_namer = top_namer
        self.adapter = Adapter(ctx)
        self.host_params = self.adapter.host_parameters()
        info = ctx.doc.data.get("info")
        self.api_version = str(info.get("version", "")) if isinstance(info, dict) else ""

    def build_groups(self) -> tuple[OperationGroup, ...]:
        grouped: dict[str, list[tuple[str, str, dict[str, Any], str, Any, str]]] = {}
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
            operations = _in_class(tuple(self._operation(python_name, method_namer, *entry) for entry in entries))
            class_name, _ = self.top_namer.claim(naming.pascal(python_name) + "Operations")
            raw_class_name, _ = self.top_namer.claim(class_name + "WithRawResponse")
            module = naming.module_name("_" + python_name)
            groups.append(OperationGroup(python_name, class_name, raw_class_name, module, titles[group], operations))
        return tuple(groups)

    def _group_of(self, path: str, method: str, operation: dict[str, Any]) -> tuple[str, str, str]:
        """(group python name, group title, method name hint) from operationId, first tag or path."""
        operation_id = str_at(operation, "operationId")
        tags = operation.get("tags")
        tag = tags[0] if isinstance(tags, list) and tags and isinstance(tags[0], str) and naming.words(tags[0]) else ""
        split = naming.split_operation_id(operation_id) if operation_id else None
        if split:
            prefix, action = split
            return naming.group_name(prefix), tag or prefix, naming.method_name(action)
        literals = [s for s in path.split("#", 1)[0].split("/") if s and not _SEGMENT.search(s)]
        if tag:
            group, title = naming.group_name(tag), tag
        else:
            group = naming.group_name(literals[0]) if literals else "default"
            title = literals[0] if literals else "default"
        if operation_id:
            hint = _strip_noun(naming.method_name(operation_id), group)
        else:
            hint = _method_from_path(method, path, group)
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
        operation_id = str_at(operation, "operationId")
        python_name, changed = method_namer.claim(method_hint)
        if changed:
            ctx.warn(f"method {method_hint!r} of group {group!r} is named {python_name} to avoid a clash", pointer)
        namer = naming.Namer(METHOD_RESERVED)
        parameters = self._parameters(path, operation, pointer, item, namer)
        path, path_query, parameters = self._path_query(path, parameters, pointer)
        body, fields, form_media = self._body(operation, pointer, namer, python_name)
        paths = sum(1 for p in parameters if p.location == "path")
        if body is not None:  # after the path parameters: a required body is positional
            parameters = parameters[:paths] + (body,) + parameters[paths:]
            if body.media_choices:  # the caller picks the Content-Type among those the body can be sent in
                choice, _ = namer.claim("content_type")
                literal = TypeRef("union", variants=tuple(TypeRef("literal", literal=pystr(m)) for m in body.media_choices))
                description = "The body's media type (default: ``" + body.media_type + "``)."
                parameters += (Parameter("Content-Type", choice, "header", False, literal, description, body.pointer, style="simple"),)
        elif fields:
            parameters = parameters[:paths] + tuple(sorted(fields, key=lambda f: not f.required)) + parameters[paths:]
        elif any(p.location == "form" for p in parameters):  # Swagger 2.0 formData
            form_media = self.adapter.form_media(operation, any(p.type.kind == "file" for p in parameters if p.location == "form"))
            formed = tuple(self._form_parameter(p, form_media, pointer) for p in parameters)
            parameters = tuple(p for p in formed if p is not None)
        by_wire = {p.wire_name: p for p in parameters if p.location == "path"}
        segments: list[PathSegment] = []
        last = 0
        path = path.split("#", 1)[0] or "/"  # AWS keys ``/#X-Amz-Target=...``: a fragment is never sent
        for match in _SEGMENT.finditer(path):
            if match.start() > last:
                segments.append(PathSegment(literal=path[last : match.start()]))
            param = by_wire.get(match.group(1))
            if param is None:  # validation reports it; keep the template's shape
                param = Parameter(match.group(1), naming.snake(match.group(1)), "path", True, TypeRef("str"), "", pointer)
            segments.append(PathSegment(expression=pyfmt.flat(param.path_tree), names=param.runtime_names))
            last = match.end()
        if last < len(path):
            segments.append(PathSegment(literal=path[last:]))
        success, errors, accept = self._responses(method, operation, pointer, naming.pascal(naming.singular(group)) + naming.pascal(python_name))
        headers_class = ""
        if any(r.headers for r in success):
            # From the decided names, not the operationId: `Task_Reactivate` and `reactivateTask`
            # (tag Tasks) both give TaskReactivateHeaders.
            base = naming.pascal(naming.singular(group)) + naming.pascal(python_name)
            headers_class, _ = self.top_namer.claim(base + "Headers")
        result, result_type, paging = self._result(method, operation, pointer, success, errors, headers_class)
        empty_result = result in ("model", "value", "text") and any(r.body is None for r in success)
        tags = tuple(t for t in list_at(operation, "tags") if isinstance(t, str))
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
            request_media_type=body.media_type if body is not None else "",
            accept=accept,
            form_media=form_media,
            empty_result=empty_result,
            examples=self._examples(operation, pointer),
            body=body,
            result=result,  # type: ignore[arg-type]
            result_type=result_type,
            paging=paging,
            path_query=path_query,
        )

    def _path_query(
        self, path: str, parameters: tuple[Parameter, ...], pointer: str
    ) -> tuple[str, tuple[tuple[str, str], ...], tuple[Parameter, ...]]:
        """A path key holding a query: x-ms-paths' ``/jobs?op=LISTAFTERID`` (fixed items, sent
        as they are) and clicksend's ``/export?filename={filename}`` (a parameter declared
        ``in: path`` whose place is a query item: sent as that query parameter). Anything else
        there (``?{search}=1``: a name from a parameter) leaves the key as it is, a path."""
        route, mark, query = path.split("#", 1)[0].partition("?")
        if not mark:
            return path, (), parameters
        in_path = {p.wire_name for p in parameters if p.location == "path"}
        fixed: list[tuple[str, str]] = []
        moved: dict[str, str] = {}  # path parameter -> the query name it is sent under
        for key, value in parse_qsl(query, keep_blank_values=True):
            variable = re.fullmatch(r"\{([^{}]+)\}", value)
            if variable and variable.group(1) in in_path and "{" not in key and variable.group(1) not in moved:
                moved[variable.group(1)] = key
            elif "{" in key + value or "}" in key + value:
                self.ctx.warn(f"the path holds a query ({mark + query!r}) whose item {key}={value} is no fixed text and no parameter: the whole key is sent as a path", pointer)
                return path, (), parameters
            else:
                fixed.append((key, value))
        parameters = tuple(
            dataclasses.replace(p, location="query", wire_name=moved[p.wire_name], required=True, style="form", explode=True)
            if p.location == "path" and p.wire_name in moved else p
            for p in parameters
        )
        self.ctx.warn(f"the path holds a query ({mark + query!r}): its items are sent as query parameters", pointer)
        return route or "/", tuple(fixed), parameters

    # -- parameters -------------------------------------------------------------------------

    def _parameters(self, path: str, operation: dict[str, Any], pointer: str, item: Any, namer: naming.Namer) -> tuple[Parameter, ...]:
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
        result: list[Parameter] = []
        ordered = sorted(merged.values(), key=lambda entry: entry[0]["in"] != "path")  # path first, stable
        for param, where in ordered:
            location = self.adapter.location(param)
            wire = param["name"]
            if location == "body":
                continue  # the body is built by _body
            if location == "path" and wire in self.host_params:
                continue  # part of the endpoint (x-ms-parameterized-host)
            if location not in ("path", "query", "header", "cookie", "form"):
                ctx.warn(f"parameter location {location!r} of {wire!r} is not supported; it is left out", where)
                continue
            if location == "header" and wire.lower() in ("accept", "content-type", "authorization", "content-length", "host"):
                ctx.warn(f"header parameter {wire!r} is managed by the client and left out", where)
                continue
            schema, schema_pointer = self.adapter.parameter_schema(param, where)
            type_ref = self.schemas.resolve(schema, schema_pointer, naming.pascal(wire), for_parameter=True)
            if type_ref.nullable:  # a parameter has no null on the wire: None leaves it out
                type_ref = dataclasses.replace(type_ref, nullable=False)
            style, explode, reserved = self.adapter.parameter_style(param, location)
            if location == "form" and type_ref.kind in ("file", "bytes"):
                type_ref = TypeRef("file")  # multipart: see _form_parameter
            elif style == "content":  # content with a media type other than JSON: the caller's text
                ctx.warn(f"parameter {wire!r} is described by a non-JSON media type; it is sent as the text given", where)
                type_ref, style = TypeRef("str"), default_style(location)
            elif style != "json":
                if style not in STYLES or location not in STYLES[style].locations:
                    ctx.warn(f"style {style!r} is not defined for {location} parameters; {wire!r} is sent in the default style", where)
                    style = default_style(location)
                    explode = style == "form"  # each style's default explode, as the adapter reads it
                problem = self._unserialisable(type_ref, style)
                if problem:
                    ctx.warn(f"parameter {wire!r} has {problem}; it is sent as the text given", where)
                    type_ref = TypeRef("str")
            client_name = param.get("x-ms-client-name")
            candidate = naming.snake(client_name if isinstance(client_name, str) and client_name else wire, METHOD_RESERVED)
            python, changed = namer.claim(candidate)
            if changed:
                ctx.warn(f"parameter {wire!r} is named {python} to avoid a clash with another parameter", where)
            required = bool(param.get("required")) or location == "path"
            default = schema.get("default") if isinstance(schema, dict) else None
            on_client = location == "query" and wire == "api-version"
            if param.get("x-ms-parameter-location") == "client" and not on_client:
                ctx.warn(f"client parameter {wire!r} is taken per call (only api-version is set on the client)", where)
            result.append(
                Parameter(
                    wire_name=wire,
                    python_name=python,
                    location=location,  # type: ignore[arg-type]
                    required=required,
                    type=type_ref,
                    description=text(param, "description"),
                    pointer=where,
                    default_repr=_default_repr(default),
                    on_client=on_client,
                    client_default=self.api_version if on_client else "",
                    skip_encoding=bool(param.get("x-ms-skip-url-encoding")),
                    style=style,
                    explode=explode,
                    allow_reserved=reserved,
                )
            )
        return tuple(result)

    def _form_parameter(self, param: Parameter, form_media: str, pointer: str) -> Parameter | None:
        """A Swagger 2.0 formData parameter in its body's encoding."""
        if param.location != "form":
            return param
        if form_media == "multipart/form-data":
            media = "application/octet-stream" if param.type.kind == "file" else ""
            return dataclasses.replace(param, style="multipart", explode=False, media_type=media)
        if param.type.kind == "file":
            self.ctx.warn(f"file parameter {param.wire_name!r} needs multipart/form-data, which the operation does not consume; it is left out", param.pointer)
            return None
        return param

    def _unserialisable(self, type_ref: TypeRef, style: str) -> str:
        """What in a parameter's type has no form in its style ("" when it can be sent)."""
        def scalar(t: TypeRef | None) -> bool:  # one text value (not itself a list)
            return t is not None and t.is_text and t.kind != "list"

        if type_ref.kind == "list":
            return "" if scalar(type_ref.item) else "a list of structured values"
        if type_ref.kind == "dict":
            return "" if scalar(type_ref.item) else "a map of structured values"
        if type_ref.kind == "model":
            model = next((m for m in self.schemas.models.values() if m.class_name == type_ref.model), None)
            if model is None or model.base or model.discriminator:
                return "an object type that the style cannot express"
            if not all(scalar(p.type) for p in model.properties):
                return "an object with structured properties"
            return ""
        if style == "deepObject":
            return "deepObject style on a value that is not an object"
        return "" if type_ref.is_text else "a structured type"

    def _body(self, operation: dict[str, Any], pointer: str, namer: naming.Namer, method: str) -> tuple[Parameter | None, tuple[Parameter, ...], str]:
        """(the body parameter, the form fields a form or multipart body is flattened into, the
        form's media type). The encoding follows the media type: JSON, a form, multipart, binary
        (streamed), text; anything else (XML...) is taken as bytes, with a warning."""
        ctx = self.ctx
        body, where, schema, schema_pointer, media = self.adapter.request_body(operation, pointer)
        if body is None:
            return None, (), ""
        kind = media_kind(media) if media else "json"
        if schema is None and kind == "any":
            kind = "binary"  # ``*/*`` with no schema: any bytes
        media = concrete_media(media, kind) if media else media
        if kind in ("form", "multipart"):
            fields = self._form_fields(body, where, schema, schema_pointer, media, namer)
            if fields is not None:
                return None, fields, "multipart/form-data" if kind == "multipart" else "application/x-www-form-urlencoded"
        wire = body.get("name") if isinstance(body.get("name"), str) else body.get("x-ms-requestBody-name") or body.get("x-codegen-request-body-name") or "body"
        client_name = body.get("x-ms-client-name")
        python, _ = namer.claim(naming.snake(client_name if isinstance(client_name, str) and client_name else str(wire), METHOD_RESERVED))
        type_ref = self.schemas.resolve(schema, schema_pointer, naming.pascal(method) + "Body") if schema is not None else TypeRef("any")
        style = "json"
        if type_ref.kind in ("file", "bytes") or kind == "binary":
            type_ref, style = TypeRef("file"), "binary"
        elif kind == "text":
            if type_ref.kind != "str":
                ctx.warn(f"request body {media!r} with a schema that is not a string: the method takes the text to send", where)
            type_ref, style = TypeRef("str"), "text"
        elif kind not in ("json", "any"):
            ctx.warn(f"request body media type {media!r} is not encoded by the client: the method takes the body as bytes, sent as {media}", where)
            type_ref, style = TypeRef("bytes"), "raw"
        family = {"any": "json"}.get(kind, kind)
        declared = self.adapter.request_media_types(operation, body)
        choices = tuple(m for m in declared if "*" not in m and {"any": "json"}.get(media_kind(m), media_kind(m)) == family)
        if media not in choices:
            choices = ()  # the default is not one of them (a range made concrete): no choice
        return (
            Parameter(
                wire_name=str(wire),
                python_name=python,
                location="body",
                required=bool(body.get("required")),
                type=type_ref,
                description=text(body, "description"),
                pointer=where,
                media_type=media or "application/json",
                style=style,
                media_choices=choices if len(choices) > 1 and style != "raw" else (),
            ),
            (),
            "",
        )

    def _form_fields(
        self, body: dict[str, Any], where: str, schema: Any, schema_pointer: str, media: str, namer: naming.Namer
    ) -> tuple[Parameter, ...] | None:
        """A form or multipart body's properties as parameters (each with its ``encoding``), or
        None when the schema has no properties to flatten."""
        ctx = self.ctx
        resolved, resolved_pointer = ctx.deref(schema, schema_pointer)
        members = [(resolved, resolved_pointer)]
        if isinstance(resolved, dict) and isinstance(resolved.get("allOf"), list):
            members += [ctx.deref(m, join_pointer(resolved_pointer, "allOf", i)) for i, m in enumerate(resolved["allOf"])]
        properties: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()
        for member, member_pointer in members:
            if not isinstance(member, dict):
                continue
            if isinstance(member.get("properties"), dict):
                for name, prop in member["properties"].items():
                    properties[str(name)] = (prop, join_pointer(member_pointer, "properties", name))
            if isinstance(member.get("required"), list):
                required |= {str(r) for r in member["required"]}
        if not properties:
            return None
        content = dict_at(body, "content")
        media_object = dict_at(content, media)
        encodings = dict_at(media_object, "encoding")
        multipart = media_kind(media) == "multipart"
        fields: list[Parameter] = []
        for wire, (prop, prop_pointer) in properties.items():
            type_ref = self.schemas.resolve(prop, prop_pointer, naming.pascal(wire), for_parameter=True)
            if type_ref.nullable:
                type_ref = dataclasses.replace(type_ref, nullable=False)
            encoding = dict_at(encodings, wire)
            part_type = str_at(encoding, "contentType")
            if type_ref.kind in ("file", "bytes"):
                if not multipart:
                    ctx.warn(f"form field {wire!r} is binary, which a url-encoded form cannot carry; it is left out", prop_pointer)
                    continue
                type_ref, part_type = TypeRef("file"), part_type or "application/octet-stream"
            style, explode = "multipart", False
            if not multipart:
                style = str_at(encoding, "style", "form")
                explode = bool_at(encoding, "explode", style == "form")
                problem = self._unserialisable(type_ref, style)
                if problem:
                    ctx.warn(f"form field {wire!r} has {problem}; it is sent as the text given", prop_pointer)
                    type_ref = TypeRef("str")
            elif type_ref.kind == "list" and not (type_ref.item is not None and type_ref.item.is_text):
                ctx.warn(f"multipart field {wire!r} is a list of files or structures, which is not supported yet; it is left out", prop_pointer)
                continue
            elif type_ref.kind in ("model", "dict"):
                part_type = part_type or "application/json"
            python, changed = namer.claim(naming.snake(wire, METHOD_RESERVED))
            if changed:
                ctx.warn(f"form field {wire!r} is named {python} to avoid a clash with another parameter", prop_pointer)
            fields.append(
                Parameter(
                    wire_name=wire,
                    python_name=python,
                    location="form",
                    required=wire in required and bool(body.get("required", True)),
                    type=type_ref,
                    description=text(prop, "description"),
                    pointer=prop_pointer,
                    media_type=part_type,
                    style=style,
                    explode=explode,
                )
            )
        return tuple(fields)

    # -- responses --------------------------------------------------------------------------

    def _responses(self, method: str, operation: dict[str, Any], pointer: str, hint: str) -> tuple[tuple[Response, ...], tuple[Response, ...], str]:
        """(success responses, error responses, the ``Accept`` value: every declared media type,
        those of success responses first)."""
        ctx = self.ctx
        responses = operation.get("responses")
        success: list[Response] = []
        errors: list[Response] = []
        if not isinstance(responses, dict):
            return (), (), ""
        declared: list[tuple[bool, dict[str, Any]]] = []
        for status, raw in responses.items():
            where = join_pointer(pointer, "responses", status)
            response, response_pointer = ctx.deref(raw, where)
            if not isinstance(response, dict):
                continue
            declared.append((not str(status).startswith("2"), response))
            # no body (RFC 9110): these statuses, and a success of HEAD (mediastore-data: the
            # client decoded the empty body of a HEAD answer)
            bodiless = f"a {status} response" if str(status) in ("204", "205", "304") else ""
            if not bodiless and method == "head" and str(status).startswith("2"):
                bodiless = "a response to HEAD"
            if bodiless and (response.get("content") or response.get("schema")):
                ctx.warn(f"{bodiless} has no body (RFC 9110); its declared content is ignored", where)
                response = {k: v for k, v in response.items() if k not in ("content", "schema")}
            headers: list[ResponseHeader] = []
            namer = naming.Namer({"raw"})
            raw_headers = dict_at(response, "headers")
            for wire, raw_header in raw_headers.items():
                header_where = join_pointer(response_pointer, "headers", wire)
                header, header_pointer = ctx.deref(raw_header, header_where)
                if not isinstance(header, dict):
                    continue
                schema, schema_pointer = self.adapter.header_schema(header, header_pointer)
                type_ref = self.schemas.resolve(schema, schema_pointer, naming.pascal(wire))
                python, _ = namer.claim(naming.snake(wire, {"raw", "count", "index"}, attribute=True))
                headers.append(ResponseHeader(wire, python, type_ref, text(header, "description")))
            schema, schema_pointer, media = self.adapter.response_schema(response, response_pointer, operation)
            body = self.schemas.resolve(schema, schema_pointer, hint + "Response") if schema is not None else None
            example = self.adapter.response_example(response, media, lambda node: ctx.deref(node, response_pointer)[0]) if body is not None else ""
            entry = Response(str(status), text(response, "description"), tuple(headers), body, media, example)
            (success if str(status).startswith("2") else errors).append(entry)
        default = next((r for r in errors if r.status == "default"), None)
        if not success and default is not None and default.body is not None:
            # no 2xx declared: 'default' describes every other status, a success too
            # (openchannel.io, xtrf.eu: 303 operations in 18 descriptions returned None)
            success.append(default)
        ordered = [r for is_error, r in sorted(declared, key=lambda d: d[0])]
        accept = ", ".join(self.adapter.response_media_types(operation, ordered))
        return tuple(success), tuple(errors), accept

    def _result(
        self, method: str, operation: dict[str, Any], pointer: str, success: tuple[Response, ...], errors: tuple[Response, ...], headers_class: str
    ) -> tuple[str, TypeRef | None, Paging | None]:
        with_body = next((r for r in success if r.body is not None), None)
        body = with_body.body if with_body is not None else None
        if method == "head" and any(r.status == "404" for r in errors):
            return "exists", None, None
        if body is not None and body.kind in ("file", "bytes"):
            return "stream", None, None
        kind = media_kind(with_body.media_type) if with_body is not None else ""
        if body is not None and kind in ("text", "any") and body.kind == "str":
            return "text", body, None  # a string of any media type (*/*): text, or a JSON string
        if body is not None and kind not in ("json", "any"):
            self.ctx.warn(f"response media type {with_body.media_type!r} is not decoded; the method returns the body as a stream of bytes", pointer)  # type: ignore[union-attr]
            return "stream", None, None
        pageable = operation.get("x-ms-pageable")
        if isinstance(pageable, dict):
            paging = self._paging(pageable, body, join_pointer(pointer, "x-ms-pageable"))
            if paging is not None:
                return "paged", None, paging
        if body is not None and body.kind != "any":
            return ("model" if body.kind == "model" and not body.nullable else "value"), body, None
        if body is not None:
            return "value", body, None
        return ("headers" if headers_class else "none"), None, None

    def _paging(self, pageable: dict[str, Any], body: TypeRef | None, pointer: str) -> Paging | None:
        if body is None or body.kind != "model":
            self.ctx.warn("x-ms-pageable on an operation whose response is not a model: returned as one value", pointer)
            return None
        model = next((m for m in self.schemas.models.values() if m.class_name == body.model), None)
        if model is None:
            return None
        item_name = str_at(pageable, "itemName", "value")
        next_name = pageable.get("nextLinkName")
        items = next((p for p in model.properties if p.wire_name == item_name), None)
        if items is None or items.type.kind != "list" or items.type.item is None:
            self.ctx.warn(f"x-ms-pageable: {model.class_name} has no array property {item_name!r}; returned as one value", pointer)
            return None
        next_link = next((p for p in model.properties if p.wire_name == next_name), None) if isinstance(next_name, str) else None
        if isinstance(next_name, str) and next_link is None:
            self.ctx.warn(f"x-ms-pageable: {model.class_name} has no property {next_name!r}; only the first page is read", pointer)
        return Paging(items.type.item, model.class_name, items.python_name, next_link.python_name if next_link else "")

    # -- examples ---------------------------------------------------------------------------

    def _examples(self, operation: dict[str, Any], pointer: str) -> tuple[Example, ...]:
        raw = operation.get("x-ms-examples")
        if not isinstance(raw, dict):
            return ()
        out: list[Example] = []
        base = Path(self.ctx.doc.file).parent if self.ctx.doc.file else Path(".")
        for name, value in raw.items():
            where = join_pointer(pointer, "x-ms-examples", name)
            ref = value.get("$ref") if isinstance(value, dict) else None
            if not isinstance(ref, str) or ref.startswith("#"):
                out.append(Example(str(name), ""))
                continue
            source = self.ctx.source_dir / ref if self.ctx.source_dir else base / ref
            # read, or looked for: the no-op cache hashes it
            self.ctx.doc.inputs.append(source)
            try:
                data = json.loads(source.read_text("utf-8"))
            except FileNotFoundError:
                self.ctx.warn(f"example file {ref!r} not found; the docs leave it out", join_pointer(where, "$ref"))
                continue
            except (OSError, ValueError) as exc:
                self.ctx.warn(f"example file {ref!r} could not be read: {exc}", join_pointer(where, "$ref"))
                continue
            if not isinstance(data, dict):
                continue
            parameters = data.get("parameters")
            responses = dict_at(data, "responses")
            out.append(
                Example(
                    str(name),
                    ref,
                    json.dumps(parameters, indent=2, ensure_ascii=True) if parameters is not None else "",
                    tuple(
                        (str(status), json.dumps(resp.get("body"), indent=2, ensure_ascii=True))
                        for status, resp in responses.items()
                        if isinstance(resp, dict) and resp.get("body") is not None
                    ),
                )
            )
        return tuple(out)


_VERBS = {"get": "get", "put": "update", "post": "create", "patch": "patch", "delete": "delete", "head": "exists", "options": "options", "trace": "trace"}


def _method_from_path(method: str, path: str, group: str) -> str:
    """A method name for an operation without operationId (documented in the README):
    ``GET /trees`` → ``list``, ``GET /trees/{id}`` → ``get``, ``POST /trees`` → ``create``,
    ``PUT /trees/{id}/photo`` → ``update_photo``: the verb, then the path's words after the group's."""
    segments = [s for s in path.split("/") if s]
    literals = [s for s in segments if not _SEGMENT.search(s)]
    if literals and naming.group_name(literals[0]) == group:
        literals = literals[1:]
    ends_with_param = bool(segments) and bool(_SEGMENT.fullmatch(segments[-1]))
    verb = _VERBS.get(method, method)
    if method == "get" and not literals and not ends_with_param:
        verb = "list"
    if method == "post" and (literals or ends_with_param):
        verb = "post"
    return naming.method_name("_".join([verb, *literals]))


def _strip_noun(method: str, group: str) -> str:
    """``reactivate_task`` in group ``tasks`` → ``reactivate``; keeps the name when nothing is left."""
    for noun in sorted({group, naming.singular(group)}, key=len, reverse=True):
        stripped = f"_{method}_".replace(f"_{noun}_", "_", 1).strip("_")
        if stripped and stripped != method and not stripped[0].isdigit() and naming.method_name(stripped) == stripped:
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


def _in_class(operations: tuple[Operation, ...]) -> tuple[Operation, ...]:
    """The operations of one class, told which builtins its methods shadow (``Parameter.shadowed``)."""
    shadowed = frozenset(op.python_name for op in operations) & naming.METHOD_BUILTINS
    if not shadowed:
        return operations
    out = []
    for op in operations:
        body = dataclasses.replace(op.body, shadowed=shadowed) if op.body is not None else None
        params = tuple(body if p is op.body and body is not None else dataclasses.replace(p, shadowed=shadowed) for p in op.parameters)
        out.append(dataclasses.replace(op, shadowed=shadowed, parameters=params, body=body))
    return tuple(out)


def mark_query_clashes(ctx: BuildContext, groups: tuple[OperationGroup, ...], models: tuple[Model, ...]) -> tuple[OperationGroup, ...]:
    """Query parameters that the description sends under the same name: an object parameter
    exploded in the form style is sent as its properties' names (``Tier`` as ``Name=..&
    Version=..``, beside a ``Version`` parameter: elasticbeanstalk). The request cannot be told
    apart on the wire; each clash is warned about, and the parameters in it are ``clashes``
    (the generated tests leave such an optional one out of their all-arguments call)."""
    by_name = {m.class_name: m for m in models}
    changed: list[OperationGroup] = []
    for group in groups:
        operations = []
        for op in group.operations:
            owners: dict[str, list[Parameter]] = {}
            for p in op.parameters:
                if p.location != "query":
                    continue
                model = by_name.get(p.type.model) if p.type.kind == "model" and p.style == "form" and p.explode else None
                for name in dict.fromkeys(q.wire_name for q in model.all_properties) if model else (p.wire_name,):
                    owners.setdefault(name, []).append(p)
            clashing: set[str] = set()
            for name, params in owners.items():
                if len(params) > 1:
                    names = [repr(p.wire_name) for p in params]
                    listed = f"{', '.join(names[:-1])} and {names[-1]}"
                    where = next((p.pointer for p in params if p.type.kind == "model"), params[-1].pointer)  # the exploded one
                    ctx.warn(f"query parameters {listed} are sent under the same name, {name!r} (an object exploded in the form style is sent as its properties): the server cannot tell them apart", where)
                    clashing.update(p.wire_name for p in params)
            if clashing:
                op = dataclasses.replace(op, parameters=tuple(dataclasses.replace(p, clashes=True) if p.location == "query" and p.wire_name in clashing else p for p in op.parameters))
            operations.append(op)
        changed.append(dataclasses.replace(group, operations=tuple(operations)))
    return tuple(changed)
