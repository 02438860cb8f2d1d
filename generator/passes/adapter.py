"""The few places where Swagger 2.0 and OpenAPI 3.x differ, answered per format.

The builders ask these questions and never look at the version themselves, so the IR (and the
templates) cannot tell which format a description came in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..contract import DEFAULT_STYLES
from ..problems import join_pointer
from .context import BuildContext, dict_at, list_at, str_at

_JSON_MEDIA = re.compile(r"^application/(.+\+)?json\b", re.IGNORECASE)
_PARAM_SCHEMA_KEYS = ("type", "format", "items", "enum", "default", "minimum", "maximum", "pattern", "x-ms-enum", "collectionFormat")


def media_kind(media: str) -> str:
    """How a body of this media type is encoded: json, text, xml, form, multipart, binary or any."""
    base = media.split(";", 1)[0].strip().lower()
    if _JSON_MEDIA.match(base):
        return "json"
    if base in ("*/*", ""):
        return "any"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("multipart/"):
        return "multipart"
    if base.endswith(("/xml", "+xml")):
        return "xml"
    if base.startswith("text/"):
        return "text"
    return "binary"


def default_style(location: str) -> str:
    """The OpenAPI 3 style of a location when the description names none."""
    return DEFAULT_STYLES[location]


def concrete_media(media: str, kind: str) -> str:
    """The media type to send for one a description gives as a range (``application/*+json``,
    ``*/*``, ``image/*``): a Content-Type names one type."""
    if "*" not in media:
        return media
    return {"json": "application/json", "any": "application/json", "text": "text/plain"}.get(kind, "application/octet-stream")


def pick_media(media_types: list[str]) -> str:
    """The media type a client would use: the first JSON one, else the first."""
    for media in media_types:
        if _JSON_MEDIA.match(media):
            return media
    return media_types[0] if media_types else ""


class Adapter:
    def __init__(self, ctx: BuildContext) -> None:
        self.ctx = ctx
        self.swagger = ctx.version == "2.0"
        data = ctx.doc.data
        self.consumes = [m for m in list_at(data, "consumes") if isinstance(m, str)]
        self.produces = [m for m in list_at(data, "produces") if isinstance(m, str)]

    def location(self, param: dict[str, Any]) -> str:
        where = str(param.get("in", ""))
        return {"formData": "form"}.get(where, where)

    def parameter_style(self, param: dict[str, Any], location: str) -> tuple[str, bool, bool]:
        """(style, explode, allowReserved) in OpenAPI 3 terms; Swagger 2.0's ``collectionFormat``
        is mapped onto them (``tsv`` becomes ``tabDelimited``, ``multi`` an exploded ``form``)."""
        plain = default_style(location)
        if self.swagger:
            fmt = param.get("collectionFormat", "csv") if param.get("type") == "array" else "csv"
            return {
                "ssv": ("spaceDelimited", False),
                "tsv": ("tabDelimited", False),
                "pipes": ("pipeDelimited", False),
                "multi": ("form", True),
            }.get(str(fmt), (plain, False)) + (False,)
        content = param.get("content")
        if "schema" not in param and isinstance(content, dict) and content:
            media = str(next(iter(content)))
            return ("json" if _JSON_MEDIA.match(media) else "content"), False, False
        style = str_at(param, "style", plain)
        explode = param.get("explode")
        if not isinstance(explode, bool):
            explode = style == "form"
        return style, explode, location == "query" and param.get("allowReserved") is True

    def parameter_schema(self, param: dict[str, Any], pointer: str) -> tuple[Any, str]:
        """(schema, its pointer) of a non-body parameter."""
        if self.swagger:
            return {k: v for k, v in param.items() if k in _PARAM_SCHEMA_KEYS}, pointer
        if "schema" in param:
            return param["schema"], join_pointer(pointer, "schema")
        content = param.get("content")
        if isinstance(content, dict) and content:
            media, spec = next(iter(content.items()))
            if isinstance(spec, dict):
                return spec.get("schema"), join_pointer(pointer, "content", media, "schema")
        return None, pointer

    def request_body(self, operation: dict[str, Any], pointer: str) -> tuple[dict[str, Any] | None, str, Any, str, str]:
        """(body parameter or requestBody object, its pointer, schema, schema pointer, media type)."""
        if self.swagger:
            params = list_at(operation, "parameters")
            for index, raw in enumerate(params):
                where = join_pointer(pointer, "parameters", index)
                param, _ = self.ctx.deref(raw, where)
                if isinstance(param, dict) and param.get("in") == "body":
                    consumes = list_at(operation, "consumes", self.consumes)
                    return param, where, param.get("schema"), join_pointer(where, "schema"), pick_media([str(m) for m in consumes]) or "application/json"
            return None, "", None, "", ""
        raw = operation.get("requestBody")
        if raw is None:
            return None, "", None, "", ""
        where = join_pointer(pointer, "requestBody")
        body, body_pointer = self.ctx.deref(raw, where)
        if not isinstance(body, dict):
            return None, "", None, "", ""
        content = dict_at(body, "content")
        media = pick_media(list(content))
        spec = content.get(media) if media else None
        schema = spec.get("schema") if isinstance(spec, dict) else None
        return body, body_pointer, schema, join_pointer(body_pointer, "content", media, "schema"), media

    def response_schema(self, response: dict[str, Any], pointer: str, operation: dict[str, Any]) -> tuple[Any, str, str]:
        """(schema, pointer, media type) of a response body; schema None when there is none."""
        if self.swagger:
            if "schema" not in response:
                return None, "", ""
            produces = list_at(operation, "produces", self.produces)
            return response["schema"], join_pointer(pointer, "schema"), pick_media([str(m) for m in produces])
        content = dict_at(response, "content")
        media = pick_media(list(content))
        if not media:
            return None, "", ""
        spec = content[media]
        schema = spec.get("schema") if isinstance(spec, dict) else None
        if schema is None:
            # a body declared without a schema: JSON of any shape (haloapi.com/metadata, all 45
            # operations: they returned None, the body unread), else bytes
            schema = {} if _JSON_MEDIA.match(media) else {"type": "string", "format": "binary"}
        return schema, join_pointer(pointer, "content", media, "schema"), media

    def response_example(self, response: dict[str, Any], media: str, deref: Callable[[Any], Any]) -> str:
        """The description's example of a response body in ``media`` (Swagger 2.0 ``examples``
        by media type; OpenAPI 3 ``example``, else the first of ``examples``), as JSON text; ""
        when there is none or it is not JSON data."""
        found: list[Any] = []
        if self.swagger:
            examples = response.get("examples")
            if isinstance(examples, dict) and media in examples:
                found.append(examples[media])
        else:
            content = response.get("content")
            spec = content.get(media) if isinstance(content, dict) else None
            if isinstance(spec, dict) and "example" in spec:
                found.append(spec["example"])
            elif isinstance(spec, dict) and isinstance(spec.get("examples"), dict) and spec["examples"]:
                first = deref(next(iter(spec["examples"].values())))
                if isinstance(first, dict) and "value" in first:
                    found.append(first["value"])
        if not found:
            return ""
        try:
            return json.dumps(found[0], ensure_ascii=True, separators=(",", ":"), allow_nan=False)
        except (TypeError, ValueError):  # YAML dates, NaN...: not a JSON body
            return ""

    def request_media_types(self, operation: dict[str, Any], body: dict[str, Any]) -> list[str]:
        """Every media type the request body may be sent in, in the description's order."""
        if self.swagger:
            consumes = list_at(operation, "consumes", self.consumes)
            return [m for m in consumes if isinstance(m, str)]
        content = body.get("content")
        return [m for m in content if isinstance(m, str)] if isinstance(content, dict) else []

    def form_media(self, operation: dict[str, Any], has_files: bool) -> str:
        """The body media type of a Swagger 2.0 operation's formData parameters."""
        consumes = list_at(operation, "consumes", self.consumes)
        kinds = [media_kind(str(m)) for m in consumes]
        if "multipart" in kinds and (has_files or kinds[0] == "multipart" or "form" not in kinds):
            return "multipart/form-data"
        return "application/x-www-form-urlencoded"

    def response_media_types(self, operation: dict[str, Any], responses: list[dict[str, Any]]) -> list[str]:
        """Every media type the operation's responses are declared in (for ``Accept``)."""
        if self.swagger:
            produces = list_at(operation, "produces", self.produces)
            if not any("schema" in r for r in responses):
                return []
            # a body with no produces is decoded as JSON (the 2.0 convention): ask for JSON
            return [m for m in produces if isinstance(m, str)] or ["application/json"]
        found: list[str] = []
        for response in responses:
            content = response.get("content")
            if isinstance(content, dict):
                found += [m for m in content if isinstance(m, str)]
        return list(dict.fromkeys(found))

    def header_schema(self, header: dict[str, Any], pointer: str) -> tuple[Any, str]:
        if self.swagger:
            return {k: v for k, v in header.items() if k in _PARAM_SCHEMA_KEYS}, pointer
        return header.get("schema"), join_pointer(pointer, "schema")

    def host_parameters(self) -> set[str]:
        """Names of the parameters that are part of the host (``x-ms-parameterized-host``)."""
        host = self.ctx.doc.data.get("x-ms-parameterized-host")
        names: set[str] = set()
        if isinstance(host, dict) and isinstance(host.get("parameters"), list):
            for index, raw in enumerate(host["parameters"]):
                param, _ = self.ctx.deref(raw, join_pointer("#/x-ms-parameterized-host/parameters", index))
                if isinstance(param, dict) and isinstance(param.get("name"), str):
                    names.add(param["name"])
        return names
