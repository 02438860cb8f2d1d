"""The intermediate representation: immutable, every Python name already decided.

Templates read only this. Anything a template would otherwise compute (an annotation, a codec,
a docstring) is a field or property here, so that it is decided once and tested once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TypeKind = Literal["str", "int", "float", "bool", "datetime", "date", "uuid", "bytes", "any", "model", "list", "dict"]
ParamLocation = Literal["path", "query", "header", "body"]


@dataclass(frozen=True, slots=True)
class TypeRef:
    """A wire type and how it maps to Python."""

    kind: TypeKind
    format: str = ""  # the spec's format, e.g. "int32", "date-time-rfc1123", "uuid"
    model: str = ""  # class name when kind == "model"
    item: TypeRef | None = None  # element type of "list", value type of "dict"

    @property
    def annotation(self) -> str:
        """The Python annotation, in the generated modules' import scheme."""
        match self.kind:
            case "str" | "int" | "float" | "bool" | "bytes":
                return self.kind
            case "datetime":
                return "datetime.datetime"
            case "date":
                return "datetime.date"
            case "uuid":
                return "uuid.UUID"
            case "model":
                return self.model
            case "list":
                assert self.item is not None
                return f"list[{self.item.annotation}]"
            case "dict":
                assert self.item is not None
                return f"dict[str, {self.item.annotation}]"
            case _:
                return "Any"

    @property
    def codec(self) -> str:
        """Expression (in the runtime's names) of the codec that converts to and from the wire."""
        match self.kind:
            case "datetime":
                return "RFC1123" if self.format == "date-time-rfc1123" else "ISO_DATETIME"
            case "date":
                return "ISO_DATE"
            case "model":
                return f"ModelCodec(lambda: {self.model})"
            case "list":
                assert self.item is not None
                return f"ListCodec({self.item.codec})"
            case "dict":
                assert self.item is not None
                return f"DictCodec({self.item.codec})"
            case "str" | "int" | "float" | "bool" | "bytes" | "uuid":
                return self.kind.upper()
            case _:
                return "ANY"

    @property
    def codec_names(self) -> frozenset[str]:
        """Runtime names ``codec`` refers to, for exact imports."""
        match self.kind:
            case "datetime":
                return frozenset({"RFC1123" if self.format == "date-time-rfc1123" else "ISO_DATETIME"})
            case "date":
                return frozenset({"ISO_DATE"})
            case "model":
                return frozenset({"ModelCodec"})
            case "list" | "dict":
                assert self.item is not None
                return frozenset({"ListCodec" if self.kind == "list" else "DictCodec"}) | self.item.codec_names
            case "str" | "int" | "float" | "bool" | "bytes" | "uuid":
                return frozenset({self.kind.upper()})
            case _:
                return frozenset({"ANY"})

    @property
    def uses_datetime(self) -> bool:
        return self.kind in ("datetime", "date") or (self.item is not None and self.item.uses_datetime)

    @property
    def type_label(self) -> str:
        """How docs show the wire type: ``string``, ``integer (int32)``, ``BatchErrorDetail[]``."""
        base = {
            "str": "string",
            "int": "integer",
            "float": "number",
            "bool": "boolean",
            "datetime": "string",
            "date": "string",
            "uuid": "string",
            "bytes": "string",
            "any": "any",
        }.get(self.kind)
        if self.kind == "model":
            return self.model
        if self.kind == "list" and self.item is not None:
            return self.item.type_label + "[]"
        if self.kind == "dict" and self.item is not None:
            return f"map of {self.item.type_label}"
        return base or "any"


@dataclass(frozen=True, slots=True)
class Parameter:
    """One operation parameter: the wire name and the Python name side by side."""

    wire_name: str
    python_name: str
    location: ParamLocation
    required: bool
    type: TypeRef
    description: str
    pointer: str
    default_repr: str = ""  # the spec's default as shown in docs (the server applies it)
    on_client: bool = False  # set once on the client (api-version), not per call
    client_default: str = ""  # Python literal of the client-level default (api-version)
    auto: Literal["", "now", "uuid4"] = ""  # filled in by the client when not given

    @property
    def optional_annotation(self) -> str:
        annotation = self.type.annotation
        if self.type.kind == "uuid":
            annotation = "uuid.UUID | str"
        return annotation if self.required else f"{annotation} | None"

    @property
    def header_key(self) -> str:
        """The header's name as the client sends and signs it: lower case."""
        return self.wire_name.lower()

    @property
    def serializer(self) -> str:
        """Name of the runtime function that turns the value into its header/query/path text."""
        return {
            "datetime": "ser_rfc1123" if self.type.format == "date-time-rfc1123" else "ser_iso_datetime",
            "date": "ser_iso_date",
            "bool": "ser_bool",
            "int": "ser_int",
            "float": "ser_float",
            "uuid": "ser_uuid",
        }.get(self.type.kind, "ser_str")


@dataclass(frozen=True, slots=True)
class ResponseHeader:
    wire_name: str
    python_name: str
    type: TypeRef
    description: str

    @property
    def header_key(self) -> str:
        """Lower case: the transports hand headers over by lower-case name."""
        return self.wire_name.lower()

    @property
    def parser(self) -> str:
        return {
            "datetime": "parse_rfc1123" if self.type.format == "date-time-rfc1123" else "parse_iso_datetime",
            "int": "parse_int",
            "bool": "parse_bool",
        }.get(self.type.kind, "parse_str")

    @property
    def annotation(self) -> str:
        kind = {"datetime": "datetime.datetime", "int": "int", "bool": "bool"}.get(self.type.kind, "str")
        return f"{kind} | None"


@dataclass(frozen=True, slots=True)
class Response:
    status: str  # "204", "2XX", "default"
    description: str
    headers: tuple[ResponseHeader, ...]
    body: TypeRef | None
    media_type: str = ""


@dataclass(frozen=True, slots=True)
class PathSegment:
    """A literal piece of the path template, or a parameter (``literal == ""``)."""

    literal: str = ""
    parameter: str = ""  # python name of the path parameter


@dataclass(frozen=True, slots=True)
class Example:
    name: str
    source: str  # where the example came from (file or pointer)


@dataclass(frozen=True, slots=True)
class Operation:
    operation_id: str
    python_name: str  # method name on the group
    http_method: str  # upper case
    path: str  # the spec's path template
    segments: tuple[PathSegment, ...]
    parameters: tuple[Parameter, ...]
    success: tuple[Response, ...]
    errors: tuple[Response, ...]
    headers_class: str  # class of the typed response headers; "" when there are none
    summary: str
    description: str
    pointer: str
    tags: tuple[str, ...] = ()
    deprecated: bool = False
    request_media_type: str = ""
    examples: tuple[Example, ...] = ()

    @property
    def positional(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.required and not p.on_client)

    @property
    def keyword(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if not p.required and not p.on_client)

    @property
    def client_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.on_client)

    @property
    def query(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "query")

    @property
    def header_params(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "header")

    @property
    def success_codes(self) -> tuple[int, ...]:
        return tuple(int(r.status) for r in self.success if r.status.isdigit())

    @property
    def response_headers(self) -> tuple[ResponseHeader, ...]:
        seen: dict[str, ResponseHeader] = {}
        for response in self.success:
            for header in response.headers:
                seen.setdefault(header.python_name, header)
        return tuple(seen.values())

    @property
    def error_model(self) -> str:
        for response in self.errors:
            if response.body is not None and response.body.kind == "model":
                return response.body.model
        return ""

    @property
    def doc_slug(self) -> str:
        return self.operation_id


@dataclass(frozen=True, slots=True)
class OperationGroup:
    python_name: str  # attribute on the client: "tasks"
    class_name: str  # "TasksOperations"
    module: str  # "_tasks"
    title: str  # for docs: the tag or the prefix
    operations: tuple[Operation, ...]

    @property
    def _params(self) -> tuple[Parameter, ...]:
        return tuple(p for op in self.operations for p in op.parameters if not p.on_client)

    @property
    def serializers(self) -> tuple[str, ...]:
        """Runtime functions the group's module uses, for its import line (exact, not guessed)."""
        names = {p.serializer for p in self._params}
        if any(p.location == "path" for p in self._params):
            names.add("path_segment")
        return tuple(sorted(names))

    @property
    def needs_datetime(self) -> bool:
        return any(p.type.kind in ("datetime", "date") for p in self._params)

    @property
    def needs_uuid(self) -> bool:
        return any(p.type.kind == "uuid" or p.auto == "uuid4" for p in self._params)

    @property
    def headers_classes(self) -> tuple[str, ...]:
        return tuple(op.headers_class for op in self.operations if op.headers_class)


@dataclass(frozen=True, slots=True)
class Property:
    wire_name: str
    python_name: str
    type: TypeRef
    required: bool
    description: str
    read_only: bool = False

    @property
    def annotation(self) -> str:
        return self.type.annotation if self.required else f"{self.type.annotation} | None"


@dataclass(frozen=True, slots=True)
class Model:
    class_name: str
    wire_name: str  # the schema's key in components/definitions
    description: str
    properties: tuple[Property, ...]
    pointer: str

    @property
    def required_properties(self) -> tuple[Property, ...]:
        return tuple(p for p in self.properties if p.required)

    @property
    def optional_properties(self) -> tuple[Property, ...]:
        return tuple(p for p in self.properties if not p.required)


@dataclass(frozen=True, slots=True)
class Scope:
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    key: str  # the key in securitySchemes
    type: str  # "oauth2", "apiKey", "http", "openIdConnect"
    description: str = ""
    flow: str = ""
    authorization_url: str = ""
    token_url: str = ""
    scopes: tuple[Scope, ...] = ()
    location: str = ""  # apiKey: header / query / cookie
    parameter_name: str = ""  # apiKey: header or query name
    scheme: str = ""  # http: bearer / basic


@dataclass(frozen=True, slots=True)
class Names:
    """Public names of the generated package, decided once."""

    package: str
    client: str  # "BatchClient"
    async_client: str  # "AsyncBatchClient"
    error: str  # "BatchServiceError"
    distribution: str  # the pip name: "batch-client"


@dataclass(frozen=True, slots=True)
class Api:
    title: str
    version: str
    description: str
    names: Names
    base_url: str  # server URL template, e.g. "{batchUrl}"
    base_url_description: str
    endpoint_example: str  # a URL for examples in docs: the server's default when it has one
    groups: tuple[OperationGroup, ...]
    models: tuple[Model, ...]
    security: tuple[SecurityScheme, ...]
    error_model: str  # the model most operations use for errors; "" when there is none
    credential_scopes: tuple[str, ...]
    azure: bool  # Shared Key and Entra token auth, ocp-date and client-request-id conventions
    spec_file: str
    api_version_param: str = ""  # wire name of the client-level api-version query parameter

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for group in self.groups for op in group.operations)

    @property
    def headers_classes(self) -> tuple[Operation, ...]:
        return tuple(op for op in self.operations if op.headers_class)

    @property
    def auto_date_header(self) -> str:
        """The date header the pipeline fills in at each attempt (``ocp-date``), or ""."""
        return next((p.wire_name for op in self.operations for p in op.parameters if p.auto == "now"), "")

    @property
    def header_parsers(self) -> tuple[str, ...]:
        return tuple(sorted({h.parser for op in self.headers_classes for h in op.response_headers}))

    @property
    def headers_need_datetime(self) -> bool:
        return any(h.type.kind == "datetime" for op in self.headers_classes for h in op.response_headers)

    @property
    def model_codecs(self) -> tuple[str, ...]:
        return tuple(sorted({n for m in self.models for p in m.properties for n in p.type.codec_names}))

    @property
    def models_need_datetime(self) -> bool:
        return any(p.type.uses_datetime for m in self.models for p in m.properties)
