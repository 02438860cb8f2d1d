"""The intermediate representation: immutable, every Python name already decided.

Templates read only this. Anything a template would otherwise compute (an annotation, a codec,
a docstring) is a field or property here, so that it is decided once and tested once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .pyfmt import pystr

TypeKind = Literal[
    "str", "int", "float", "bool", "datetime", "date", "duration", "uuid", "bytes", "any", "model", "enum", "list", "dict", "file"
]
ParamLocation = Literal["path", "query", "header", "body", "form"]


@dataclass(frozen=True, slots=True)
class TypeRef:
    """A wire type and how it maps to Python."""

    kind: TypeKind
    format: str = ""  # the spec's format, e.g. "int32", "date-time-rfc1123", "uuid"
    model: str = ""  # class name when kind is "model" or "enum"
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
            case "duration":
                return "datetime.timedelta"
            case "uuid":
                return "uuid.UUID"
            case "model":
                return self.model
            case "enum":
                return f"{self.model} | str"  # unknown future values stay usable as text
            case "file":
                return "bytes"
            case "list":
                assert self.item is not None
                return f"list[{self.item.annotation}]"
            case "dict":
                assert self.item is not None
                return f"dict[str, {self.item.annotation}]"
            case _:
                return "Any"

    @property
    def signature_annotation(self) -> str:
        """The annotation inside a generated class's signatures, where a method may be named
        ``list``: ``List``/``Dict`` from typing cannot be shadowed."""
        match self.kind:
            case "list":
                assert self.item is not None
                return f"List[{self.item.signature_annotation}]"
            case "dict":
                assert self.item is not None
                return f"Dict[str, {self.item.signature_annotation}]"
            case _:
                return self.annotation

    @property
    def codec(self) -> str:
        """Expression (in the runtime's names) of the codec that converts to and from the wire."""
        match self.kind:
            case "datetime":
                return "RFC1123" if self.format == "date-time-rfc1123" else "ISO_DATETIME"
            case "date":
                return "ISO_DATE"
            case "duration":
                return "DURATION"
            case "model":
                return f"ModelCodec(lambda: _models.{self.model})"
            case "enum":
                return f"EnumCodec(lambda: _models.{self.model})"
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
            case "duration":
                return frozenset({"DURATION"})
            case "model":
                return frozenset({"ModelCodec"})
            case "enum":
                return frozenset({"EnumCodec"})
            case "list" | "dict":
                assert self.item is not None
                return frozenset({"ListCodec" if self.kind == "list" else "DictCodec"}) | self.item.codec_names
            case "str" | "int" | "float" | "bool" | "bytes" | "uuid":
                return frozenset({self.kind.upper()})
            case _:
                return frozenset({"ANY"})

    @property
    def uses_datetime(self) -> bool:
        return self.kind in ("datetime", "date", "duration") or (self.item is not None and self.item.uses_datetime)

    @property
    def models_used(self) -> frozenset[str]:
        """Model and enum classes this type names."""
        own = frozenset({self.model}) if self.kind in ("model", "enum") else frozenset()
        return own | (self.item.models_used if self.item is not None else frozenset())

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
        if self.kind in ("model", "enum"):
            return self.model
        if self.kind == "duration":
            return "string (duration)"
        if self.kind == "file":
            return "file"
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
    skip_encoding: bool = False  # x-ms-skip-url-encoding: the path value is sent as given
    media_type: str = ""  # for the body: its Content-Type

    @property
    def optional_annotation(self) -> str:
        annotation = self.type.signature_annotation
        if self.type.kind == "uuid":
            annotation = "uuid.UUID | str"
        return annotation if self.required else f"{annotation} | None"

    @property
    def header_key(self) -> str:
        """The header's name as the client sends and signs it: lower case."""
        return self.wire_name.lower()

    @property
    def body_expression(self) -> str:
        """Python expression of the request body bytes (for ``location == "body"``)."""
        if self.type.kind == "bytes":
            return self.python_name
        if self.type.kind == "model":
            return f"encode_json({self.python_name}.to_dict())"
        return f"encode_json({self.type.codec}.encode({self.python_name}))"

    @property
    def serializer(self) -> str:
        """Name of the runtime function that turns the value into its header/query/path text."""
        return {
            "datetime": "ser_rfc1123" if self.type.format == "date-time-rfc1123" else "ser_iso_datetime",
            "date": "ser_iso_date",
            "duration": "ser_duration",
            "bool": "ser_bool",
            "int": "ser_int",
            "float": "ser_float",
            "uuid": "ser_uuid",
            "enum": "ser_enum",
            "list": "ser_csv",
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
    raw: bool = False  # x-ms-skip-url-encoding
    serializer: str = "ser_str"  # how the value becomes text before it is percent-encoded

    @property
    def value_expression(self) -> str:
        return self.parameter if self.serializer == "ser_str" else f"{self.serializer}({self.parameter})"


@dataclass(frozen=True, slots=True)
class Example:
    name: str
    source: str  # where the example came from (file or pointer)
    parameters: str = ""  # JSON text of the example's parameters, "" when unavailable
    responses: tuple[tuple[str, str], ...] = ()  # (status, JSON text of the body)


@dataclass(frozen=True, slots=True)
class Paging:
    """An ``x-ms-pageable`` list: which model holds a page, and where its items and next link are."""

    item: TypeRef
    page_model: str
    items_attr: str
    next_link_attr: str  # "" when the service returns a single page


ResultKind = Literal["none", "headers", "model", "paged", "exists", "stream", "value"]


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
    body: Parameter | None = None  # the JSON (or form) body, also listed in ``parameters``
    result: ResultKind = "none"
    result_type: TypeRef | None = None  # the decoded body for "model" and "value"
    paging: Paging | None = None

    @property
    def path_operands(self) -> tuple[str, ...]:
        """The path as Python operands of ``+``: literals, and each parameter percent-encoded."""
        return tuple(
            (f"{'path_raw' if s.raw else 'path_segment'}({pystr(s.parameter)}, {s.value_expression})" if s.parameter else pystr(s.literal))
            for s in self.segments
        ) or ('""',)

    @property
    def return_annotation(self) -> str:
        match self.result:
            case "headers":
                return self.headers_class
            case "model" | "value":
                assert self.result_type is not None
                return self.result_type.signature_annotation
            case "paged":
                assert self.paging is not None
                return f"ItemPaged[{self.paging.item.signature_annotation}]"
            case "exists":
                return "bool"
            case "stream":
                return f"Download[{self.headers_class or 'None'}]"
            case _:
                return "None"

    @property
    def models_used(self) -> frozenset[str]:
        names: frozenset[str] = frozenset()
        for p in self.parameters:
            names |= p.type.models_used
        if self.result_type is not None:
            names |= self.result_type.models_used
        if self.paging is not None:
            names |= self.paging.item.models_used | {self.paging.page_model}
        return names

    @property
    def positional(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.required and not p.on_client)

    @property
    def keyword(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if not p.required and not p.on_client)

    @property
    def query(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "query")

    @property
    def form(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "form")

    @property
    def header_params(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "header")

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
        """Names the group's module takes from ``_serialization`` (exact, not guessed)."""
        names = {p.serializer for p in self._params if p.location in ("path", "query", "header", "form")}
        if any(p.location == "path" and not p.skip_encoding for p in self._params):
            names.add("path_segment")
        if any(p.location == "path" and p.skip_encoding for p in self._params):
            names.add("path_raw")
        for op in self.operations:
            if op.body is not None and op.body.type.kind not in ("bytes",) and op.body.location == "body":
                names.add("encode_json")
                if op.body.type.kind != "model":
                    names |= op.body.type.codec_names
            if op.result in ("model", "value", "paged"):
                names.add("decode_json")
            if op.result == "value" and op.result_type is not None:
                names |= op.result_type.codec_names
        if any(p.location == "form" for p in self._params):
            names.add("encode_form")
        return tuple(sorted(names, key=lambda n: (n.lower(), n)))

    @property
    def model_annotations(self) -> tuple[str, ...]:
        """Model and enum classes named in the group's signatures."""
        return tuple(sorted(frozenset().union(*(op.models_used for op in self.operations))))

    @property
    def uses_models_at_runtime(self) -> bool:
        return any(op.result in ("model", "value", "paged") or op.body is not None for op in self.operations) and bool(
            self.model_annotations
        )

    @property
    def results(self) -> frozenset[str]:
        return frozenset(op.result for op in self.operations)

    @property
    def needs_datetime(self) -> bool:
        return any(p.type.uses_datetime for p in self._params if p.location != "body") or self.headers_need_datetime

    @property
    def needs_uuid(self) -> bool:
        return any(p.type.kind == "uuid" or p.auto == "uuid4" for p in self._params)

    @property
    def headers_classes(self) -> tuple[str, ...]:
        return tuple(op.headers_class for op in self.operations if op.headers_class)

    @property
    def header_parsers(self) -> tuple[str, ...]:
        return tuple(sorted({h.parser for op in self.operations if op.headers_class for h in op.response_headers}))

    @property
    def headers_need_datetime(self) -> bool:
        return any(h.type.kind == "datetime" for op in self.operations if op.headers_class for h in op.response_headers)


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
    properties: tuple[Property, ...]  # its own, not the base class's
    pointer: str
    module: str = ""  # module under models/, e.g. "_cloud_pool"
    base: str = ""  # base model class (allOf with one $ref), "" for none
    base_module: str = ""
    discriminator: str = ""  # wire name of the property that selects the subtype (on the root)
    discriminator_value: str = ""  # this class's value of it
    subtypes: tuple[tuple[str, str], ...] = ()  # (value, class) of every descendant, on the root
    inherited: tuple[Property, ...] = ()  # properties of the base classes, for docs

    @property
    def all_properties(self) -> tuple[Property, ...]:
        return self.inherited + self.properties

    @property
    def required_properties(self) -> tuple[Property, ...]:
        return tuple(p for p in self.properties if p.required)

    @property
    def optional_properties(self) -> tuple[Property, ...]:
        return tuple(p for p in self.properties if not p.required)

    @property
    def models_used(self) -> tuple[str, ...]:
        names = frozenset().union(*(p.type.models_used for p in self.properties)) - {self.class_name}
        return tuple(sorted(names))

    @property
    def codec_names(self) -> tuple[str, ...]:
        return tuple(sorted(frozenset().union(*(p.type.codec_names for p in self.properties))))

    @property
    def codecs_use_models(self) -> bool:
        """Whether the ``_fields`` codecs refer to model classes (itself included)."""
        return any(p.type.models_used for p in self.properties)

    @property
    def fields_entries(self) -> list[list[str]]:
        """``_fields`` as Python items: (python name, wire name, codec) per property."""
        return [[pystr(p.python_name), pystr(p.wire_name), p.type.codec] for p in self.properties]

    @property
    def needs_datetime(self) -> bool:
        return any(p.type.uses_datetime for p in self.properties)


@dataclass(frozen=True, slots=True)
class EnumValue:
    python_name: str
    value: str
    description: str


@dataclass(frozen=True, slots=True)
class EnumType:
    """An enum (x-ms-enum or a named enum schema). Unknown values decode to plain ``str``."""

    class_name: str
    wire_name: str
    description: str
    values: tuple[EnumValue, ...]
    pointer: str
    module: str = ""
    model_as_string: bool = True


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
    enums: tuple[EnumType, ...]
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
    def model_names(self) -> tuple[tuple[str, str], ...]:
        """(class, module) of every model and enum, for the lazy exports."""
        return tuple((m.class_name, m.module) for m in self.models) + tuple((e.class_name, e.module) for e in self.enums)
