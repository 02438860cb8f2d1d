"""The intermediate representation: immutable, every Python name already decided.

Templates read only this. Anything a template would otherwise compute (an annotation, a codec,
a docstring) is a field or property here, so that it is decided once and tested once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, Literal, TypeVar

from urllib.parse import quote

from . import pyfmt
from .contract import (
    ANNOTATION_ONLY,
    ASYNC_TIMEOUT_PARAMETER,
    CREDENTIAL_EXAMPLES,
    KINDS,
    NULLABLE_CODEC,
    RUNTIME_ANNOTATION_NAMES,
    SECURITY_KINDS,
    STYLES,
    TYPING_NAMES,
    Kind,
    SecurityKind,
    datetime_kind,
    runtime_exports,
)
from .pyfmt import pystr

# A constraint's value: a pattern, a bound, a flag, or a number enum's values.
Constraint = str | int | float | bool | tuple[int | float, ...]
TypeKind = Literal[
    "str", "int", "float", "bool", "datetime", "rfc1123", "date", "duration", "uuid", "bytes", "file", "any", "null",
    "model", "enum", "literal", "list", "dict", "union",
]
ParamLocation = Literal["path", "query", "header", "cookie", "body", "form"]
# The joining delimiter of a non-exploded array (or object) per style, percent-encoded.


@dataclass(frozen=True, slots=True)
class TypeRef:
    """A wire type and how it maps to Python; what each kind needs is ``contract.KINDS``."""

    kind: TypeKind
    format: str = ""  # the spec's format, e.g. "int32", "date-time-rfc1123", "uuid"
    model: str = ""  # class name when kind is "model" or "enum"
    item: TypeRef | None = None  # element type of "list", value type of "dict"
    variants: tuple[TypeRef, ...] = ()  # "union": the alternatives, in the description's order
    discriminator: str = ""  # "union": wire name of the property that selects the variant
    mapping: tuple[tuple[str, int], ...] = ()  # "union": discriminator value → index in variants
    literal: str = ""  # "literal": the Python literal of the constant
    nullable: bool = False  # JSON null is a value of this type (decoded as None)
    # The schema's value constraints (``pattern``, ``minimum``, ``maxItems``...) as (keyword,
    # value), in the schema's order: the generated fake checks requests against them.
    constraints: tuple[tuple[str, Constraint], ...] = ()
    # ``annotation``, kept once made: read by api.json, every model, page and operation that
    # shows the type (100,000 times on GitHub's description, each a walk of the type).
    _annotation_text: str = field(default="", init=False, repr=False, compare=False)

    @property
    def spec(self) -> Kind:
        if self.kind == "datetime" and self.constraints:
            low = next((v for k, v in self.constraints if k == "minLength"), 0)
            high = next((v for k, v in self.constraints if k == "maxLength"), None)
            return datetime_kind(low if isinstance(low, int) else 0, high if isinstance(high, int) else None)
        return KINDS[self.kind]

    @property
    def allows_null(self) -> bool:
        """Whether JSON null is a value of this type (so ``None`` means null, not "absent")."""
        return self.nullable or self.kind == "null"

    def _parts(self, shadowed: frozenset[str]) -> list[str]:
        """The members of the annotation's top-level union, duplicates dropped: a nested union
        contributes its members, never its text split at ``|`` (which may sit inside brackets);
        its constants are one ``Literal[a, b]``. ``shadowed``: the builtins (``list``, ``dict``)
        that a class's own methods shadow where the annotation stands, spelled ``builtins.list``."""
        match self.kind:
            case "model":
                parts = [self.model]
            case "enum":
                parts = [self.model, "str"]  # unknown future values stay usable as text
            case "literal":
                parts = [f"Literal[{self.literal}]"]
            case "list":
                assert self.item is not None
                parts = [f"{_builtin('list', shadowed)}[{self.item._annotation(shadowed)}]"]
            case "dict":
                assert self.item is not None
                parts = [f"{_builtin('dict', shadowed)}[str, {self.item._annotation(shadowed)}]"]
            case "union":
                parts = [part for variant in self.variants for part in variant._parts(shadowed)]
                if self.discriminator:
                    parts.append("UnknownVariant")  # a value a newer service adds is kept, not refused
            case _:
                parts = [self.spec.annotation]
        if self.nullable:
            parts.append("None")
        if "Any" in parts:
            return ["Any"]
        return _one_literal(list(dict.fromkeys(parts)))

    def _annotation(self, shadowed: frozenset[str]) -> str:
        return " | ".join(self._parts(shadowed)) if shadowed else self.annotation

    @property
    def annotation(self) -> str:
        """The Python annotation, in the generated modules' import scheme."""
        text = self._annotation_text
        if not text:  # never empty once made: a union has at least one member
            text = " | ".join(self._parts(frozenset()))
            object.__setattr__(self, "_annotation_text", text)
        return text

    def annotation_in(self, shadowed: frozenset[str]) -> str:
        """The annotation in a class signature where methods shadow the builtins ``shadowed``."""
        return self._annotation(shadowed)

    def names_builtins(self, shadowed: frozenset[str]) -> bool:
        """Whether ``annotation_in(shadowed)`` spells a ``builtins.`` name (``import builtins``)."""
        return any(self._walk(kind) for kind in shadowed)

    def _children(self) -> tuple[TypeRef, ...]:
        return ((self.item,) if self.item is not None else ()) + self.variants

    @property
    def codec_tree(self) -> pyfmt.Expr:
        """The codec that converts to and from the wire, as an expression tree (``pyfmt.expr``
        lays it out at any depth), in the runtime's names."""
        match self.kind:
            case "model" | "enum":
                node: pyfmt.Expr = ("call", self.spec.codec, [("atom", f"lambda: _models.{self.model}")])
            case "literal":
                node = ("call", "LiteralCodec", [("atom", self.literal)])
            case "list" | "dict":
                assert self.item is not None
                node = ("call", self.spec.codec, [self.item.codec_tree])
            case "union":
                args: list[pyfmt.Expr] = [("tuple", [v.codec_tree for v in self.variants])]
                if self.discriminator:
                    args.append(("atom", pystr(self.discriminator)))
                    args.append(("dict", [(pystr(value), ("atom", str(index))) for value, index in self.mapping]))
                node = ("call", "UnionCodec", args)
            case _:
                node = ("atom", self.spec.codec)
        return ("call", NULLABLE_CODEC, [node]) if self.nullable and self.kind not in ("any", "null") else node

    @property
    def codec(self) -> str:
        """The codec expression on one line."""
        return pyfmt.flat(self.codec_tree)

    def collect_names(self, annotation: set[str], codecs: set[str], models: set[str]) -> None:
        """Adds to each set what this type refers to: ``annotation_names``, ``codec_names`` and
        ``models_used`` in one walk (a model module needs all three for each of its fields)."""
        spec = self.spec
        annotation.update(spec.imports)
        if self.kind == "union" and self.discriminator:
            annotation.add("UnknownVariant")
        codecs.add(spec.codec)
        if self.nullable and self.kind not in ("any", "null"):
            codecs.add(NULLABLE_CODEC)
        if self.kind in ("model", "enum"):
            models.add(self.model)
        for child in self._children():
            child.collect_names(annotation, codecs, models)

    def _name_sets(self) -> tuple[set[str], set[str], set[str]]:
        annotation: set[str] = set()
        codecs: set[str] = set()
        models: set[str] = set()
        self.collect_names(annotation, codecs, models)
        return annotation, codecs, models

    @property
    def codec_names(self) -> frozenset[str]:
        """Runtime names ``codec`` refers to, for exact imports."""
        return frozenset(self._name_sets()[1])

    @property
    def annotation_names(self) -> frozenset[str]:
        """Modules, typing names and runtime names ``annotation`` refers to (not models):
        ``datetime``, ``uuid``, ``Any``, ``Literal``, ``UnknownVariant``."""
        return frozenset(self._name_sets()[0])

    def _walk(self, kind: str) -> tuple[TypeRef, ...]:
        own = (self,) if self.kind == kind else ()
        return own + tuple(t for c in self._children() for t in c._walk(kind))

    @property
    def models_used(self) -> frozenset[str]:
        """Model and enum classes this type names."""
        return frozenset(self._name_sets()[2])

    @property
    def is_text(self) -> bool:
        """Whether a parameter of this type can be sent as text (path, query, header, form)."""
        if self.kind == "list":
            return self.item is not None and self.item.spec.leaf
        if self.kind == "union":
            return all(v.spec.leaf for v in self.variants)
        return self.spec.leaf

    @property
    def serializer(self) -> str:
        """The runtime function that turns a value of this type into header/query/path text."""
        return self.spec.serializer or "ser_str"

    @property
    def type_label(self) -> str:
        """How docs show the wire type: ``string``, ``integer (int32)``, ``BatchErrorDetail[]``."""
        match self.kind:
            case "model" | "enum":
                text = self.model
            case "literal":
                text = f"constant {self.literal}"
            case "list":
                assert self.item is not None
                text = self.item.type_label + "[]"
            case "dict":
                assert self.item is not None
                text = f"map of {self.item.type_label}"
            case "union":
                text = " or ".join(dict.fromkeys(v.type_label for v in self.variants))
            case _:
                text = self.spec.label
        return text + " or null" if self.nullable else text


_T = TypeVar("_T")


def memo(method: Callable[[Any], _T]) -> property:
    """A property computed on first use and kept in the object's ``_memo``: for the derived
    values a template reads several times per file (a model's import lists: three conditions,
    three statements, each walking every property's type). The IR is immutable, so a kept
    value never goes stale; ``dataclasses.replace`` starts the new object with an empty memo."""
    name = method.__name__

    @wraps(method)
    def get(self: Any) -> _T:
        kept: dict[str, Any] = self._memo
        if name not in kept:
            kept[name] = method(self)
        return kept[name]  # type: ignore[no-any-return]

    return property(get)


def _memo_field() -> Any:
    return field(default_factory=dict, init=False, repr=False, compare=False)


def _builtin(name: str, shadowed: frozenset[str]) -> str:
    return f"builtins.{name}" if name in shadowed else name


def _one_literal(parts: list[str]) -> list[str]:
    """Union members with every ``Literal[...]`` merged into the first: ``Literal["a", "b"]``."""
    values = [p[len("Literal[") : -1] for p in parts if p.startswith("Literal[")]
    if len(values) < 2:
        return parts
    merged = f"Literal[{', '.join(values)}]"
    first = next(i for i, p in enumerate(parts) if p.startswith("Literal["))
    return [merged if i == first else p for i, p in enumerate(parts) if i == first or not p.startswith("Literal[")]


def _runtime_names(node: pyfmt.Expr) -> frozenset[str]:
    """The runtime functions an expression tree calls or passes (serializers): every name that is
    not a local (a parameter, ``self``, a ``_query`` list) or a literal."""
    if node[0] == "call":
        own = frozenset() if node[1].startswith(("_", "self.")) else frozenset({node[1]})
        return own.union(*(_runtime_names(a) for a in node[2]))
    if node[0] == "tuple":
        return frozenset().union(*(_runtime_names(i) for i in node[1]))
    if node[0] == "atom" and str(node[1]).startswith("ser_"):
        return frozenset({node[1]})
    return frozenset()


@dataclass(frozen=True, slots=True)
class ModuleImports:
    """A generated module's imports: ``runtime`` for its code, ``typing_only`` (under ``if
    TYPE_CHECKING:``) for names its annotations alone use. (module, names); module "" imports
    each name whole (``import datetime``)."""

    runtime: pyfmt.Imports
    typing_only: pyfmt.Imports


def module_imports(
    uses: list[tuple[str, str]], code: frozenset[str] = frozenset(), classes: tuple[str, tuple[str, ...]] = ("", ())
) -> ModuleImports:
    """Split (module, name) imports by need: a name of ``contract.ANNOTATION_ONLY`` that the
    module's ``code`` does not use goes under ``TYPE_CHECKING``, as do ``classes`` (model classes
    its annotations name: the code reaches them through ``_models``); the rest stays."""
    runtime: dict[str, list[str]] = {}
    typing_only: dict[str, list[str]] = {}
    for module, name in uses:
        lazy = name in ANNOTATION_ONLY and name not in code
        (typing_only if lazy else runtime).setdefault(module, []).append(name)
    if classes[1]:
        typing_only.setdefault(classes[0], []).extend(classes[1])
    if typing_only:
        runtime.setdefault("typing", []).append("TYPE_CHECKING")
    return ModuleImports(
        tuple((m, tuple(dict.fromkeys(n))) for m, n in runtime.items()),
        tuple((m, tuple(dict.fromkeys(n))) for m, n in typing_only.items()),
    )


def query_text(text: str) -> str:
    """A query name or value percent-encoded as the client sends it: RFC 3986 lets these
    characters stand in a query, and none of them means anything to a form decoder."""
    return quote(text, safe="$!'()*,;:@/?")


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
    client_default: str = ""  # the client-level default (the api-version), as text
    auto: Literal["", "now", "uuid4"] = ""  # filled in by the client when not given
    skip_encoding: bool = False  # x-ms-skip-url-encoding: the path value is sent as given
    media_type: str = ""  # for the body: its Content-Type
    style: str = ""  # OpenAPI 3 style (2.0 collectionFormat mapped), "json" for content: application/json
    explode: bool = False
    allow_reserved: bool = False  # query: reserved characters sent as they are
    media_choices: tuple[str, ...] = ()  # body: the media types the caller may pick (``content_type``)
    clashes: bool = False  # query: sent under a name another parameter uses too (``mark_query_clashes``)
    # The builtins that methods of the parameter's group shadow in its class (a method named
    # ``list``): the method's signature spells those ``builtins.list``.
    shadowed: frozenset[str] = frozenset()

    def _optional_annotation(self, shadowed: frozenset[str]) -> str:
        annotation = self.type.spec.parameter_annotation or self.type.annotation_in(shadowed)
        if self.type.kind == "file":  # bytes, a file object, a path...; a field also a FilePart
            annotation = "FileInput" if self.location == "form" else "FileContent"
        return annotation if self.required or annotation.endswith(" | None") else f"{annotation} | None"

    @property
    def optional_annotation(self) -> str:
        """The parameter's annotation as docs show it."""
        return self._optional_annotation(frozenset())

    @property
    def signature_annotation(self) -> str:
        """The parameter's annotation in its method's signature (see ``shadowed``)."""
        return self._optional_annotation(self.shadowed)

    @property
    def shape(self) -> Literal["scalar", "array", "object"]:
        """How the style serialises the value: one text, an array of texts, or name/value pairs."""
        if self.style == "json":
            return "scalar"  # one JSON text
        if self.type.kind == "list":
            return "array"
        return "object" if self.type.kind in ("model", "dict") else "scalar"

    @property
    def _text(self) -> pyfmt.Expr:
        """The value's text (a scalar), before any percent-encoding."""
        if self.on_client:
            return ("atom", "self._config.api_version")
        if self.style == "json":
            return ("call", "json_text", [self.type.codec_tree, ("atom", self.python_name)])
        return ("call", self.serializer, [("atom", self.python_name)])

    @property
    def _style_args(self) -> list[pyfmt.Expr]:
        """The arguments that follow the value in an array or object style call."""
        value = f"{self.python_name}.to_dict()" if self.type.kind == "model" else self.python_name
        if self.shape == "array":
            assert self.type.item is not None
            args: list[pyfmt.Expr] = [("atom", value), ("atom", self.type.item.serializer)]
        else:
            args = [("atom", value)]
        return args

    @property
    def wire_tree(self) -> pyfmt.Expr:
        """What puts the parameter on the wire, by location, style and shape, as an expression
        tree: a ``_query``/``_form``/``_cookies`` append or extend, or a header's value. (Path
        parameters are ``path_expression``.) The runtime functions are ``_serialization``'s."""
        name: pyfmt.Expr = ("atom", pystr(self.encoded_name))
        reserved: list[pyfmt.Expr] = [("atom", "True")] if self.allow_reserved else []
        if self.location == "header":
            if self.shape == "array":
                return ("call", "header_array", self._style_args)
            if self.shape == "object":
                return ("call", "header_object", [*self._style_args, ("atom", str(self.explode))])
            return self._text
        if self.style == "multipart":  # a field of a multipart/form-data body: text as is
            if self.type.kind in ("file", "bytes"):
                return ("call", "_files.append", [("tuple", [name, ("atom", self.python_name), ("atom", pystr(self.media_type))])])
            if self.shape == "array":
                return ("call", "_fields.extend", [("call", "multipart_array", [name, *self._style_args])])
            if self.shape == "object":
                text = ("call", "json_text", [self.type.codec_tree, ("atom", self.python_name)])
                return ("call", "_fields.append", [("tuple", [name, text, ("atom", pystr(self.media_type))])])
            return ("call", "_fields.append", [("tuple", [name, self._text, ("atom", '""')])])
        target = {"query": "_query", "form": "_form", "cookie": "_cookies"}[self.location]
        if self.location == "cookie":
            if self.shape == "scalar":
                return ("call", f"{target}.append", [("tuple", [name, ("call", "encode_cookie", [self._text])])])
            function = "cookie_array" if self.shape == "array" else "cookie_object"
            return ("call", f"{target}.extend", [("call", function, [name, *self._style_args, ("atom", str(self.explode))])])
        if self.shape == "scalar":
            return ("call", f"{target}.append", [("tuple", [name, ("call", "encode_query", [self._text, *reserved])])])
        if self.shape == "array":
            delimiter = "" if self.explode else STYLES[self.style].delimiter
            call: pyfmt.Expr = ("call", "query_array", [name, *self._style_args, ("atom", pystr(delimiter)), *reserved])
        else:
            call = ("call", "query_object", [name, *self._style_args, ("atom", pystr(self.style)), ("atom", str(self.explode)), *reserved])
        return ("call", f"{target}.extend", [call])

    @property
    def path_tree(self) -> pyfmt.Expr:
        """The path segment's percent-encoded text, by style and shape."""
        if self.skip_encoding:
            return ("call", "path_raw", [("atom", pystr(self.python_name)), self._text])
        if self.shape == "scalar":
            if self.style in ("label", "matrix"):
                return ("call", "path_value", [("atom", pystr(self.wire_name)), self._text, ("atom", pystr(self.style))])
            # path_segment checks for str itself
            text = ("atom", self.python_name) if self.serializer == "ser_str" else self._text
            return ("call", "path_segment", [("atom", pystr(self.python_name)), text])
        function = "path_array" if self.shape == "array" else "path_object"
        return ("call", function, [("atom", pystr(self.wire_name)), *self._style_args, ("atom", pystr(self.style)), ("atom", str(self.explode))])

    @property
    def encoded_name(self) -> str:
        """The wire name as it appears on the wire (query and form names percent-encoded)."""
        # RFC 3986 lets these stand in a query; none of them has a meaning to a form decoder.
        if self.location in ("query", "form") and self.style != "multipart":
            return query_text(self.wire_name)
        return self.wire_name

    @property
    def runtime_names(self) -> frozenset[str]:
        """The ``_serialization`` names this parameter's code uses, for exact imports."""
        names = _runtime_names(self.path_tree if self.location == "path" else self.wire_tree)
        if self.auto == "uuid4":  # the default when not given
            names |= {"new_uuid4"}
        return names | self.type.codec_names if self.style == "json" else names

    @property
    def header_key(self) -> str:
        """The header's name as the client sends and signs it: lower case."""
        return self.wire_name.lower()

    @property
    def body_codec(self) -> bool:
        """Whether the body is encoded by a codec (``_body_codec``), not bytes or ``to_dict``."""
        if self.style in ("binary", "text", "raw"):
            return False
        return self.type.kind not in ("bytes", "file") and not (self.type.kind == "model" and not self.type.nullable)

    @property
    def body_expression(self) -> str:
        """Python expression of the request body (for ``location == "body"``), by encoding:
        ``binary`` streamed, ``text`` UTF-8, ``raw`` bytes as given, else JSON."""
        if self.style == "binary":
            return f"binary_body({self.python_name})"
        if self.style == "text":
            return f'{self.python_name}.encode("utf-8")'
        if self.style == "raw" or self.type.kind == "bytes":
            return self.python_name
        if not self.body_codec:
            return f"encode_json({self.python_name}.to_dict())"
        return f"encode_json(_body_codec.encode({self.python_name}))"

    @property
    def serializer(self) -> str:
        """Name of the runtime function that turns the value into its header/query/path text."""
        return self.type.serializer


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
        return self.type.spec.parser

    @property
    def annotation(self) -> str:
        return f"{self.type.spec.header_annotation} | None"


@dataclass(frozen=True, slots=True)
class Response:
    status: str  # "204", "2XX", "default"
    description: str
    headers: tuple[ResponseHeader, ...]
    body: TypeRef | None
    media_type: str = ""
    example: str = ""  # the description's example of the body, as JSON text ("" for none)


@dataclass(frozen=True, slots=True)
class PathSegment:
    """A literal piece of the path template, or a parameter's encoded text (``literal == ""``)."""

    literal: str = ""
    expression: str = ""  # Python expression of the parameter's percent-encoded text
    names: frozenset[str] = frozenset()  # the runtime names ``expression`` uses


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

    @property
    def fetch_annotation(self) -> str:
        """What the page-fetching function returns: the page's items and the next link."""
        return f"tuple[list[{self.item.annotation}], str | None]"


ResultKind = Literal["none", "headers", "model", "paged", "exists", "stream", "value", "text"]


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
    accept: str = ""  # the Accept header: every media type the responses are declared in
    form_media: str = ""  # the form fields' body: x-www-form-urlencoded or multipart/form-data
    empty_result: bool = False  # a success response without a body: the method may return None
    shadowed: frozenset[str] = frozenset()  # builtins the group's methods shadow: ``Parameter.shadowed``
    # Query items the path key itself holds (``/jobs?op=LISTAFTERID``, from x-ms-paths), as
    # (name, value) decoded; sent first, before the declared parameters.
    path_query: tuple[tuple[str, str], ...] = ()

    @property
    def shown_path(self) -> str:
        """The path as docs show it: with the path key's own query items."""
        items = "&".join(f"{query_text(k)}={query_text(v)}" for k, v in self.path_query)
        return f"{self.path}?{items}" if items else self.path

    @property
    def query_start_tree(self) -> pyfmt.Expr:
        """The ``_query`` list the method starts from: the path key's own items, encoded."""
        return ("list", [("tuple", [("atom", pystr(query_text(k))), ("atom", pystr(query_text(v)))]) for k, v in self.path_query])

    @property
    def headers_tree(self) -> pyfmt.Expr:
        """The request headers the method starts from (``Accept``)."""
        return ("dict", [('"accept"', ("atom", pystr(self.accept)))] if self.accept else [])
    # What a request must carry: alternatives, each a set of schemes sent together; () for none
    # (``security: []``, no security declared, or an Azure service, which has its own rules).
    security: tuple[tuple[SecurityScheme, ...], ...] = ()
    auth_name: str = ""  # the module-level constant of ``security`` passed to ``send``; "" for none

    @property
    def security_schemes(self) -> tuple[SecurityScheme, ...]:
        """The schemes ``security`` names, each once, in order (for docs)."""
        return tuple({s.key: s for alt in self.security for s in alt}.values())

    @property
    def security_text(self) -> str:
        """``security`` in words, for docstrings: ``key (ApiKeyCredential) or ...``."""
        return " or ".join(
            " and ".join(f"``{s.key}`` ({' or '.join(s.spec.credentials)})" for s in alt) or "none (anonymous)" for alt in self.security
        )

    @property
    def auth_tree(self) -> pyfmt.Expr:
        """``security`` as the runtime takes it: a tuple of alternatives of scheme keys."""
        return ("tuple", [("tuple", [("atom", pystr(s.key)) for s in alt]) for alt in self.security])

    @property
    def path_operands(self) -> tuple[str, ...]:
        """The path as Python operands of ``+``: literals, and each parameter percent-encoded."""
        return tuple((s.expression if s.expression else pystr(s.literal)) for s in self.segments) or ('""',)

    @property
    def return_annotation(self) -> str:
        """The return annotation as docs (and ``api.json``) show it."""
        return self._return_annotation(frozenset())

    @property
    def signature_return(self) -> str:
        """The return annotation in the method's signature (see ``Parameter.shadowed``)."""
        return self._return_annotation(self.shadowed)

    def _return_annotation(self, shadowed: frozenset[str]) -> str:
        match self.result:
            case "headers":
                return self.headers_class
            case "model" | "value" | "text":
                assert self.result_type is not None
                annotation = self.result_type.annotation_in(shadowed)
                return f"{annotation} | None" if self.empty_result and not annotation.endswith("| None") else annotation
            case "paged":
                assert self.paging is not None
                return f"ItemPaged[{self.paging.item.annotation_in(shadowed)}]"
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
        if self.paging is not None:  # the page model is used at run time only (``_models``)
            names |= self.paging.item.models_used
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
    def cookies(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "cookie")

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
    raw_class_name: str  # "TasksOperationsWithRawResponse": ``client.with_raw_response.tasks``
    module: str  # "_tasks"
    title: str  # for docs: the tag or the prefix
    operations: tuple[Operation, ...]
    _memo: dict[str, Any] = _memo_field()

    @property
    def _params(self) -> tuple[Parameter, ...]:
        return tuple(p for op in self.operations for p in op.parameters if not p.on_client)

    @property
    def auth_constants(self) -> tuple[tuple[str, pyfmt.Expr], ...]:
        """(name, value) of the security requirements the group's methods pass to ``send``."""
        seen: dict[str, pyfmt.Expr] = {}
        for op in self.operations:
            if op.auth_name:
                seen.setdefault(op.auth_name, op.auth_tree)
        return tuple(seen.items())

    @memo
    def serializers(self) -> tuple[str, ...]:
        """Names the group's module takes from ``_serialization`` (exact, not guessed)."""
        names: set[str] = set()
        for p in (p for op in self.operations for p in op.parameters):
            if p.location not in ("body", "path"):  # path parameters: in the segments
                names |= p.runtime_names
        for op in self.operations:
            for s in op.segments:
                names |= s.names
            if op.body is not None and op.body.style not in ("binary", "text", "raw") and op.body.type.kind != "bytes":
                names.add("encode_json")
                if op.body.body_codec:
                    names |= op.body.type.codec_names
            if op.form and op.form_media != "multipart/form-data":
                names.add("encode_form")
            if op.cookies:
                names.add("join_cookies")
            if op.result in ("model", "value", "paged"):
                names.add("decode_json")
            if op.result == "text":
                names.add("decode_text")
            if op.result == "value" and op.result_type is not None:
                names |= op.result_type.codec_names
        names -= set(self.body_names) | {"multipart_array"}  # those come from ``_body``
        return tuple(sorted(names, key=lambda n: (n.lower(), n)))

    @memo
    def body_names(self) -> tuple[str, ...]:
        """Names the group's module takes from ``_body``."""
        names: set[str] = set()
        for op in self.operations:
            if op.body is not None and op.body.style == "binary":
                names |= {"binary_body", "FileContent"}
            if op.form_media == "multipart/form-data":
                names |= {"multipart_body", "FileInput"}
                names |= {"multipart_array" for p in op.form if p.shape == "array" and p.type.kind != "file"}
        return tuple(sorted(names, key=lambda n: (n.lower(), n)))

    @memo
    def _signature_types(self) -> tuple[TypeRef, ...]:
        """The types the group's signatures name (``paging.item`` also in ``fetch``'s)."""
        types = [p.type for p in self._params]
        types += [op.result_type for op in self.operations if op.result_type is not None]
        types += [op.paging.item for op in self.operations if op.paging is not None]
        return tuple(types)

    @memo
    def _signature_names(self) -> frozenset[str]:
        return frozenset().union(*(t.annotation_names for t in self._signature_types))

    def imports(self, is_async: bool, up: str, transport_module: str) -> ModuleImports:
        """The module's imports; ``up`` is the relative prefix of the package root minus one dot
        (``.`` for ``operations/``, ``..`` for ``aio/operations/``)."""
        shadowed = frozenset().union(*(op.shadowed for op in self.operations))
        signature = self._signature_names
        uses: list[tuple[str, str]] = []
        if any(t.names_builtins(shadowed) for t in self._signature_types):
            uses.append(("", "builtins"))  # signatures spell builtins.list where a method shadows it
        if self.needs_datetime:
            uses.append(("", "datetime"))
        if self.needs_uuid:
            uses.append(("", "uuid"))
        headers = not is_async and bool(self.headers_classes)
        uses.append(("collections.abc", "Mapping"))  # every method's extra_headers, extra_query
        if headers:
            uses.append(("typing", "NamedTuple"))
        uses += [("typing", n) for n in sorted(signature & TYPING_NAMES)]
        if self.uses_models_at_runtime:
            uses.append((up + ".", "models as _models"))
        uses += [(up + "._body", n) for n in self.body_names]
        if "stream" in self.results:
            uses.append((up + "._download", "AsyncDownload" if is_async else "Download"))
        uses.append((up + "._errors", "error_from_response"))
        if "paged" in self.results:
            uses.append((up + "._paging", "AsyncItemPaged" if is_async else "ItemPaged"))
        uses.append((up + "._pipeline", "RequestOptions"))
        uses.append((up + "._raw", "async_raw_response" if is_async else "raw_response"))
        uses += [(up + "._serialization", n) for n in self.serializers]
        if headers:
            uses += [(up + "._serialization", n) for n in self.header_parsers]
        uses += [(up + "._serialization", n) for n in sorted(signature & RUNTIME_ANNOTATION_NAMES)]
        uses.append((up + "." + transport_module, "ClientConfig"))
        if is_async:
            # the header classes the methods build, and every one the raw wrappers read
            uses += [(up + ".operations." + self.module, n) for n in self.headers_classes]
        return module_imports(uses, frozenset(), (up + ".models", self.model_annotations))

    @memo
    def model_annotations(self) -> tuple[str, ...]:
        """Model and enum classes named in the group's signatures."""
        return tuple(sorted(frozenset().union(*(op.models_used for op in self.operations))))

    @property
    def uses_models_at_runtime(self) -> bool:
        """Whether the module refers to ``_models`` in code (not only in annotations)."""
        for op in self.operations:
            if op.result in ("model", "paged"):
                return True
            if op.result == "value" and op.result_type is not None and op.result_type.models_used:
                return True
            if op.body is not None and op.body.body_codec and op.body.type.models_used:
                return True
            if any(p.style == "json" and p.location != "body" and p.type.models_used for p in op.parameters):
                return True  # a parameter sent as JSON text: its codec names the model
        return False

    @property
    def returned_headers_classes(self) -> tuple[str, ...]:
        """Header classes the methods build (the async module imports those from the sync one)."""
        return tuple(op.headers_class for op in self.operations if op.headers_class and op.result in ("headers", "stream"))

    @property
    def has_timeout_parameter(self) -> bool:
        """Whether a method takes a parameter named ``timeout`` (ruff's ASYNC109 in the async module)."""
        return any(p.python_name == ASYNC_TIMEOUT_PARAMETER for p in self._params)

    @property
    def results(self) -> frozenset[str]:
        return frozenset(op.result for op in self.operations)

    @property
    def needs_datetime(self) -> bool:
        return "datetime" in self._signature_names or self.headers_need_datetime

    @property
    def needs_uuid(self) -> bool:
        return "uuid" in self._signature_names

    @memo
    def headers_classes(self) -> tuple[str, ...]:
        return tuple(op.headers_class for op in self.operations if op.headers_class)

    @property
    def header_parsers(self) -> tuple[str, ...]:
        return tuple(sorted({h.parser for op in self.operations if op.headers_class for h in op.response_headers}))

    @property
    def headers_need_datetime(self) -> bool:
        return any("datetime" in h.annotation for op in self.operations if op.headers_class for h in op.response_headers)


@dataclass(frozen=True, slots=True)
class Property:
    wire_name: str
    python_name: str
    type: TypeRef
    required: bool
    description: str
    read_only: bool = False

    @property
    def default(self) -> str:
        """The field's default in Python source; "" for a required field. A constant defaults to
        itself; where null is allowed, absent is ``NOT_GIVEN`` (``None`` then means null)."""
        if self.type.kind == "literal":
            return self.type.literal
        if self.required:
            return ""
        return "NOT_GIVEN" if self.type.allows_null else "None"

    @property
    def annotation(self) -> str:
        base = self.type.annotation
        if self.required or self.type.kind == "literal":
            return base
        if self.type.allows_null:
            return f"{base} | NotGiven"
        return base if base == "Any" else f"{base} | None"

    def collect_names(self, annotation: set[str], codecs: set[str], models: set[str]) -> None:
        """``TypeRef.collect_names`` of its type, and the names its default needs."""
        self.type.collect_names(annotation, codecs, models)
        if self.default == "NOT_GIVEN":
            annotation |= {"NotGiven", "NOT_GIVEN"}

    @property
    def annotation_names(self) -> frozenset[str]:
        annotation: set[str] = set()
        self.collect_names(annotation, set(), set())
        return frozenset(annotation)

    @property
    def summary(self) -> str:
        """The field's docstring text: its description, then its wire name and what holds of
        it (a field without default says only that it is required)."""
        if not self.default:
            flags = ", required"
        else:
            flags = (
                (", required" if self.required else "")
                + (", read-only" if self.read_only else "")
                + (", null allowed" if self.type.allows_null else "")
            )
        return f"{self.description} (``{self.wire_name}``{flags})".strip()


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
    _memo: dict[str, Any] = _memo_field()

    @property
    def all_properties(self) -> tuple[Property, ...]:
        return self.inherited + self.properties

    @property
    def fields(self) -> tuple[Property, ...]:
        """Its own properties in the class's order: those without a default first."""
        return tuple(p for p in self.properties if not p.default) + tuple(p for p in self.properties if p.default)

    @memo
    def _uses(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """What its fields refer to, in one walk of their types: (annotation names, codec
        names, models and enums, itself included)."""
        annotation: set[str] = set()
        codecs: set[str] = set()
        models: set[str] = set()
        for p in self.properties:
            p.collect_names(annotation, codecs, models)
        return frozenset(annotation), frozenset(codecs), frozenset(models)

    @memo
    def models_used(self) -> tuple[str, ...]:
        return tuple(sorted(self._uses[2] - {self.class_name}))

    @property
    def discriminator_override(self) -> Property | None:
        """On a subclass: the inherited discriminator property, redeclared with its value."""
        if not self.discriminator_value:
            return None
        return next((p for p in self.inherited if p.wire_name == self.discriminator), None)

    @memo
    def _names(self) -> frozenset[str]:
        names: frozenset[str] = self._uses[0]
        return names if self.base else names | {"Any"}  # additional_properties: dict[str, Any]

    @property
    def imports(self) -> ModuleImports:
        names = self._names
        codecs = self._uses[1]
        uses: list[tuple[str, str]] = [("dataclasses", "dataclass")] + ([] if self.base else [("dataclasses", "field")])
        uses += [("", n) for n in ("datetime", "uuid") if n in names]
        uses += [("typing", n) for n in sorted(names & TYPING_NAMES)]
        if self.codecs_use_models:
            uses.append(("..", "models as _models"))
        serialization = codecs | (names & (RUNTIME_ANNOTATION_NAMES | {"NOT_GIVEN"})) | ({"Model"} if not self.base else set())
        uses += [(".._serialization", n) for n in sorted(serialization)]
        if self.base:
            uses.append(("." + self.base_module, self.base))
        return module_imports(uses, codecs, (".", self.models_used))

    @memo
    def codecs_use_models(self) -> bool:
        """Whether the ``_fields`` codecs refer to model classes (itself included)."""
        return bool(self._uses[2])

    @property
    def fields_tree(self) -> pyfmt.Expr:
        """``_fields`` as an expression tree: the base's, then (python name, wire name, codec)
        per own property."""
        entries: list[pyfmt.Expr] = [("atom", f"*{self.base}._fields")] if self.base else []
        entries += [("tuple", [("atom", pystr(p.python_name)), ("atom", pystr(p.wire_name)), p.type.codec_tree]) for p in self.properties]
        return ("tuple", entries)


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
    key: str  # the key in securitySchemes: what a credential's ``scheme=`` names
    type: str  # "oauth2", "apiKey", "http", "openIdConnect"
    description: str = ""
    flow: str = ""
    authorization_url: str = ""
    token_url: str = ""  # the clientCredentials flow's, when it has one
    scopes: tuple[Scope, ...] = ()
    location: str = ""  # apiKey: header / query / cookie
    parameter_name: str = ""  # apiKey: header, query or cookie name
    scheme: str = ""  # http: bearer / basic
    kind: str = ""  # key of ``contract.SECURITY_KINDS``; "" when this package cannot apply it
    required_scopes: tuple[str, ...] = ()  # every scope the operations ask of it, for get_token

    @property
    def spec(self) -> SecurityKind:
        return SECURITY_KINDS[self.kind]

    @property
    def wire_name(self) -> str:
        """The header (lower case, as sent), query parameter or cookie name of an API key."""
        return self.parameter_name.lower() if self.kind == "apiKey-header" else self.parameter_name

    @property
    def entry_tree(self) -> pyfmt.Expr:
        """The runtime's ``Scheme(...)`` for it, an entry of ``_credentials.SCHEMES``."""
        args: list[pyfmt.Expr] = [
            ("atom", pystr(self.spec.apply)),
            ("atom", pystr(self.wire_name)),
            ("tuple", [("atom", pystr(c)) for c in self.spec.credentials]),
        ]
        token_url = self.token_url if self.kind == "oauth2-client-credentials" else ""
        if self.required_scopes or token_url:
            args.append(("tuple", [("atom", pystr(s)) for s in self.required_scopes]))
        if token_url:
            args.append(("atom", pystr(token_url)))
        return ("call", "Scheme", args)


@dataclass(frozen=True, slots=True)
class FakeOperation:
    key: str  # "tasks.reactivate": the operation's key in the fake's tables and violations
    attribute: str  # its attribute on the group's fake: ``fake.tasks.reactivate``
    summary: str
    # The package's own tests of the operation (``passes.samples``; its method on the client is
    # ``client.`` + key): the arguments of a call with the required ones and of a call with all,
    # how the result is consumed (``Operation.result``), and the requests one call makes (a
    # pageable list: two synthesised pages).
    required_args: tuple[pyfmt.Expr, ...] = ()
    all_args: tuple[pyfmt.Expr, ...] = ()
    result: str = "none"
    requests: int = 1
    required_uses: tuple[str, ...] = ()  # what ``required_args`` use (``FakeGroup.test_imports``)
    http_method: str = ""  # "POST": what a recorded call's ``method`` is
    test_name: str = ""  # its tests' function names, unique in the group's module
    async_test_name: str = ""
    # Operations whose requests the fake cannot tell from this one's (the same method, path
    # pattern and required query and header names: Azure's ``/{id}#disambiguation_dummy``): its
    # tests count the calls of all of them.
    same_requests: tuple[str, ...] = ()

    @property
    def others_tree(self) -> pyfmt.Expr:
        """``same_requests`` as a tuple: in its tests each answers as this one does."""
        return ("tuple", [("atom", pystr(k)) for k in self.same_requests])

    @property
    def counted_keys(self) -> pyfmt.Expr:
        """The keys whose calls its tests count: its own, then ``same_requests``."""
        return ("tuple", [("atom", pystr(k)) for k in (self.key, *self.same_requests)])


@dataclass(frozen=True, slots=True)
class FakeGroup:
    attribute: str  # ``fake.tasks``: the group's name, unless a member of FakeService has it
    class_name: str  # "_TasksFake"
    docstring: str  # its class's one-line docstring (escaped by the template)
    operations: tuple[FakeOperation, ...]
    test_module: str = ""  # the package project's tests of the group: "test_tasks"
    test_imports: tuple[str, ...] = ()  # what its arguments use: "datetime", "uuid", "models", "sample"


@dataclass(frozen=True, slots=True)
class FakeTable:
    """What ``NAME.testing`` knows of the API, as plain JSON data (``passes.fake`` decides it;
    ``package/_fake_tables.json.j2`` prints it, ``testing.py`` loads it into its named tuples)."""

    groups: tuple[FakeGroup, ...]
    operations: tuple[dict[str, Any], ...]  # the ``_Operation`` fields of each, defaults left out
    models: tuple[dict[str, Any], ...]  # the ``_Model`` fields of each
    error: dict[str, Any]  # the ``_ErrorShape`` fields
    fixture: str  # the pytest fixture's name: "batch_client_fake"


@dataclass(frozen=True, slots=True)
class Names:
    """Public names of the generated package, decided once."""

    package: str
    client: str  # "BatchClient"
    async_client: str  # "AsyncBatchClient"
    raw_client: str  # "BatchClientWithRawResponse": ``client.with_raw_response``
    async_raw_client: str  # "AsyncBatchClientWithRawResponse"
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
    fake: FakeTable | None = None  # the tables of the package's fake service (``passes.fake``)

    @property
    def async_timeout_modules(self) -> tuple[str, ...]:
        """The async operation modules (paths in the project) whose methods take a ``timeout``
        parameter of the description: the generated pyproject exempts them from ASYNC109."""
        return tuple(f"{self.names.package}/aio/operations/{g.module}.py" for g in self.groups if g.has_timeout_parameter)

    @property
    def applied_security(self) -> tuple[SecurityScheme, ...]:
        """The schemes the runtime applies (``_credentials.SCHEMES``): none for Azure services,
        whose Shared Key and Entra rules stand whatever the description declares."""
        return () if self.azure else tuple(s for s in self.security if s.kind)

    def _example(self, op: Operation | None) -> tuple[tuple[str, ...], str]:
        """(classes, Python expression) of the credentials for docs examples: those of ``op``'s
        first requirement (without ``op``: of the API's first operation that has one), a
        list when it needs several; ``scheme=`` where another scheme takes the same class."""
        ops = (op,) if op is not None else self.operations
        first = next((alt for o in ops for alt in o.security if alt), ())
        classes: list[str] = []
        texts: list[str] = []
        for scheme in first:
            cls = scheme.spec.credentials[0]
            head, tail = CREDENTIAL_EXAMPLES[cls]
            shared = [s for s in self.applied_security if cls in s.spec.credentials]
            classes.append(cls)
            texts.append(head + (f", scheme={pystr(scheme.key)}" if len(shared) > 1 else "") + tail)
        if not texts:
            return (), "None"
        return tuple(dict.fromkeys(classes)), texts[0] if len(texts) == 1 else "[" + ", ".join(texts) + "]"

    def example_credential(self, op: Operation | None = None) -> str:
        """The credential (or list) docs examples pass: see ``_example``."""
        return self._example(op)[1]

    def example_imports(self, op: Operation | None = None) -> str:
        """What docs examples import besides the client: ``, ApiKeyCredential`` or ""."""
        return "".join(", " + cls for cls in self._example(op)[0])

    @property
    def schemes_tree(self) -> pyfmt.Expr:
        """``_credentials.SCHEMES``: each applied scheme's ``Scheme(...)`` by its key."""
        return ("dict", [(pystr(s.key), s.entry_tree) for s in self.applied_security])

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
    def runtime_exports(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(runtime module, names) the package root exports: ``contract.RUNTIME_EXPORTS``."""
        return runtime_exports(self.azure, self.names.error)

    @property
    def root_imports(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(module, names) the package root imports at once: the client and the runtime's exports."""
        return (("._client", (self.names.client,)),) + self.runtime_exports

    @property
    def lazy_imports(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(module, names) the package root exports on first use (imported for type checkers):
        the async client, the models and enums, the response headers classes."""
        imports = [(".aio", (self.names.async_client,)), (".models", tuple(name for name, _ in self.model_names))]
        imports += [(f".operations.{g.module}", g.headers_classes) for g in self.groups if g.headers_classes]
        return tuple(imports)

    @property
    def exports(self) -> tuple[str, ...]:
        """The package root's ``__all__``: everything it imports, at once or on first use."""
        return tuple(name for imports in (self.root_imports, self.lazy_imports) for _, names in imports for name in names)

    @property
    def model_imports(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(module, class) of every model and enum, for ``models/__init__.py``."""
        return tuple((f".{module}", (name,)) for name, module in self.model_names)

    @property
    def group_imports(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(module, class) of every operation group, for ``operations/__init__.py``."""
        return tuple((f".{g.module}", (g.class_name, g.raw_class_name)) for g in self.groups)

    @property
    def model_names(self) -> tuple[tuple[str, str], ...]:
        """(class, module) of every model and enum, for the lazy exports."""
        return tuple((m.class_name, m.module) for m in self.models) + tuple((e.class_name, e.module) for e in self.enums)
