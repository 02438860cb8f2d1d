"""The generated runtime's contract, in one place: what each type kind needs, and what the
runtime exports.

``KINDS`` says, per type kind, its Python annotation, the codec that converts its JSON form, the
serializer that turns it into header/query/path text, the parser that reads it from a response
header, its label in the docs, and the names its annotation needs imported. ``ir.TypeRef`` reads
it; nothing else decides these. A new kind is one entry here and, where it needs one, one codec
in ``templates/package/_serialization.py.j2``.

``RUNTIME_EXPORTS`` lists what the package root exports from each runtime module; the package's
``__init__.py`` is printed from it, and ``RESERVED_NAMES`` (names a schema's class may not take)
is derived from it and from the names generated modules import.

``SECURITY_KINDS`` says, per kind of security scheme, how the runtime applies a credential to a
request and which credential classes it accepts; the IR, the runtime's scheme table and the docs
read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Kind:
    """How one type kind maps to Python. For compound kinds (list, dict, model...) ``ir.TypeRef``
    builds the annotation and codec from its parts; the fields here are for the leaf kinds."""

    annotation: str
    codec: str  # a runtime name (``_serialization``)
    label: str  # docs: the wire type
    serializer: str = "ser_str"  # value → header/query/path text ("" when it has no text form)
    parser: str = "parse_str"  # response header text → value
    header_annotation: str = "str"  # the annotation of a response header of this kind
    imports: tuple[str, ...] = ()  # modules or typing names the annotation needs
    parameter_annotation: str = ""  # when a parameter accepts more than the decoded type
    leaf: bool = True  # a scalar: a parameter of this kind is sent as text
    # A valid value as Python code, for the generated tests' arguments (str, int and float are
    # made from FAKE_SAMPLES and the schema's constraints; compound kinds from their parts).
    sample: str = ""


KINDS: dict[str, Kind] = {
    "str": Kind("str", "STR", "string"),
    "int": Kind("int", "INT", "integer", "ser_int", "parse_int", "int"),
    "float": Kind("float", "FLOAT", "number", "ser_float", "parse_float", "float"),
    "bool": Kind("bool", "BOOL", "boolean", "ser_bool", "parse_bool", "bool", sample="True"),
    "datetime": Kind(
        "datetime.datetime", "ISO_DATETIME", "string", "ser_iso_datetime", "parse_iso_datetime",
        "datetime.datetime", ("datetime",), sample="datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)",
    ),
    "rfc1123": Kind(
        "datetime.datetime", "RFC1123", "string", "ser_rfc1123", "parse_rfc1123",
        "datetime.datetime", ("datetime",), sample="datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)",
    ),
    "date": Kind("datetime.date", "ISO_DATE", "string", "ser_iso_date", imports=("datetime",), sample="datetime.date(2026, 1, 1)"),
    "duration": Kind(
        "datetime.timedelta", "DURATION", "string (duration)", "ser_duration", imports=("datetime",),
        sample="datetime.timedelta(hours=1)",
    ),
    "uuid": Kind(
        "uuid.UUID", "UUID", "string", "ser_uuid", imports=("uuid",), parameter_annotation="uuid.UUID | str",
        sample='uuid.UUID("00000000-0000-4000-8000-000000000000")',
    ),
    "bytes": Kind("bytes", "BYTES", "string", "", leaf=False, sample='b"fake"'),
    "file": Kind("bytes", "BYTES", "file", "", leaf=False, sample='b"fake"'),
    "any": Kind("Any", "ANY", "any", "", imports=("Any",), leaf=False, sample="{}"),
    "null": Kind("None", "NULL", "null", "", leaf=False, sample="None"),
    # compound kinds: annotation and codec built by TypeRef from model / item / variants
    "enum": Kind("", "EnumCodec", "string", "ser_enum"),
    "literal": Kind("", "LiteralCodec", "constant", "ser_value", imports=("Literal",)),
    "model": Kind("", "ModelCodec", "object", "", leaf=False),
    "list": Kind("", "ListCodec", "array", "ser_csv", leaf=False),
    "dict": Kind("", "DictCodec", "object", "", leaf=False),
    "union": Kind("", "UnionCodec", "one of", "ser_value", leaf=False),
}

# Names an annotation may use, by where they come from.
TYPING_NAMES = frozenset({"Any", "Literal"})
# One instant has RFC 3339 texts of several lengths. A description that bounds a date-time's
# length (unicourt.com: exactly 25 characters; telstra.com: 24) is sent the first of these forms
# whose length in whole seconds fits; any other date-time the first. (length, its kind)
DATETIME_FORMS: tuple[tuple[int, Kind], ...] = (
    (20, KINDS["datetime"]),  # 2026-01-01T00:00:00Z (27 with microseconds)
    (
        25,  # 2026-01-01T00:00:00+00:00 (32 with microseconds)
        Kind(
            "datetime.datetime", "ISO_DATETIME_OFFSET", "string", "ser_iso_datetime_offset", "parse_iso_datetime",
            "datetime.datetime", ("datetime",), sample=KINDS["datetime"].sample,
        ),
    ),
    (
        24,  # 2026-01-01T00:00:00.000Z (milliseconds: finer is dropped)
        Kind(
            "datetime.datetime", "ISO_DATETIME_MS", "string", "ser_iso_datetime_ms", "parse_iso_datetime",
            "datetime.datetime", ("datetime",), sample=KINDS["datetime"].sample,
        ),
    ),
)


def datetime_kind(min_length: int, max_length: int | None) -> Kind:
    """The date-time form whose text fits the length bounds (``DATETIME_FORMS``)."""
    for length, kind in DATETIME_FORMS:
        if min_length <= length and (max_length is None or length <= max_length):
            return kind
    return KINDS["datetime"]


RUNTIME_ANNOTATION_NAMES = frozenset({"UnknownVariant", "NotGiven"})

# Names that generated models and operation modules import for their annotations alone.
# Every generated module starts with ``from __future__ import annotations`` and nothing evaluates
# annotations at run time: models decode and encode through their ``_fields`` codecs (never
# ``typing.get_type_hints``), ``dataclass`` and ``NamedTuple`` keep annotations as text, and the
# code reaches model classes through ``_models``. So these are imported under ``if TYPE_CHECKING:``
# (ruff's TC rules), unless the module's code uses one too (the operation modules' defaults call
# ``new_uuid4()`` since issue 11, not ``uuid.uuid4()``): ``ir.module_imports`` decides, per
# module, from this table.
ANNOTATION_ONLY = frozenset(
    {
        "builtins", "datetime", "uuid",  # modules imported whole
        "Mapping", "Any", "Literal",  # collections.abc, typing
        "NotGiven", "UnknownVariant", "FileContent", "FileInput", "RequestOptions", "ClientConfig",  # the runtime's
    }
)

# The linters the generated code is clean under (tests/test_public_specs.py runs them over every
# package), pinned, and ruff's rules beyond its defaults: the generated project's pyproject names
# both, and the generator's own ``[test]`` extra pins the same versions (a test compares them).
LINT_TOOLS = (("ruff", "0.17.6"), ("pyright", "1.1.414"))
RUFF_RULES = ("I", "UP", "F", "ASYNC", "TC")
# ruff's ASYNC109 takes an async function's ``timeout`` parameter for a deadline of the call, better
# left to the caller's ``asyncio.timeout()``. A parameter of the API description may be named so
# (Batch's ``timeout`` query parameter: how long the service may spend on the request), sent as
# data; it keeps its name, the sync client's, and ASYNC109 is ignored in exactly those modules.
ASYNC_TIMEOUT_PARAMETER = "timeout"

# The codec that wraps a nullable type (JSON null decodes to None and is sent as null).
NULLABLE_CODEC = "Nullable"
# The sentinel of a field that is absent, where the schema allows null (so ``None`` means null).
NOT_GIVEN = ("NOT_GIVEN", "NotGiven")

# The credentials of a package built from the description's security schemes (not Azure's).
SCHEME_CREDENTIALS = ("ApiKeyCredential", "BasicAuthCredential", "BearerTokenCredential", "ClientCredentials")


@dataclass(frozen=True, slots=True)
class SecurityKind:
    """How one kind of security scheme reaches a request, and what the client may be given for it."""

    apply: str  # the runtime's way: "header", "query", "cookie" (API keys), "basic", "bearer"
    credentials: tuple[str, ...]  # runtime credential classes it accepts, best first
    label: str  # docs: what it is


# "TokenCredential" stands for any object with ``get_token(*scopes)`` (azure-identity's protocol).
_TOKENS = ("BearerTokenCredential", "TokenCredential")
SECURITY_KINDS: dict[str, SecurityKind] = {
    "apiKey-header": SecurityKind("header", ("ApiKeyCredential",), "API key in a header"),
    "apiKey-query": SecurityKind("query", ("ApiKeyCredential",), "API key in the query"),
    "apiKey-cookie": SecurityKind("cookie", ("ApiKeyCredential",), "API key in a cookie"),
    "http-basic": SecurityKind("basic", ("BasicAuthCredential",), "HTTP Basic authentication"),
    "http-bearer": SecurityKind("bearer", _TOKENS, "HTTP bearer token"),
    "oauth2-client-credentials": SecurityKind("bearer", ("ClientCredentials",) + _TOKENS, "OAuth 2.0 (client credentials)"),
    "oauth2": SecurityKind("bearer", _TOKENS, "OAuth 2.0 bearer token"),
    "openIdConnect": SecurityKind("bearer", _TOKENS, "OpenID Connect bearer token"),
}

# How docs examples make each credential (placeholders for the secrets).
CREDENTIAL_EXAMPLES = {
    "ApiKeyCredential": ('ApiKeyCredential("<api key>"', ")"),
    "BasicAuthCredential": ('BasicAuthCredential("<user name>", "<password>"', ")"),
    "BearerTokenCredential": ('BearerTokenCredential("<token>"', ")"),
    "ClientCredentials": ('ClientCredentials("<client id>", "<client secret>"', ")"),
}

class StyleRule(NamedTuple):
    """A parameter style: where OpenAPI defines it, and what joins the items of an array or
    object that is not exploded."""

    locations: frozenset[str]
    delimiter: str


# Parameter styles (OpenAPI 3 "Style Values"; Swagger 2.0's collectionFormat maps onto them,
# tsv as tabDelimited), in one place: the IR pass checks locations, the IR prints delimiters
# into the generated calls, and the runtime's ``_serialization._DELIMITERS`` is printed from it.
STYLES: dict[str, StyleRule] = {
    "simple": StyleRule(frozenset({"path", "header"}), ","),
    "label": StyleRule(frozenset({"path"}), ","),
    "matrix": StyleRule(frozenset({"path"}), ","),
    "form": StyleRule(frozenset({"query", "form", "cookie"}), ","),
    "spaceDelimited": StyleRule(frozenset({"query", "form"}), "%20"),
    "pipeDelimited": StyleRule(frozenset({"query", "form"}), "%7C"),
    "tabDelimited": StyleRule(frozenset({"query", "form"}), "%09"),
    "deepObject": StyleRule(frozenset({"query", "form"}), ","),
}
# A location's style when the description names none.
DEFAULT_STYLES = {"path": "simple", "header": "simple", "query": "form", "form": "form", "cookie": "form"}
# The delimiters the runtime joins query objects with (the styles that have their own).
QUERY_DELIMITERS = {name: rule.delimiter for name, rule in STYLES.items() if "query" in rule.locations and name != "deepObject"}


# What the package root exports, per runtime module, and for which packages: "all", "azure"
# (Azure services: Shared Key and Entra tokens) or "schemes" (the description's security schemes).
RUNTIME_EXPORTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("._body", ("FilePart",), "all"),
    ("._credentials", ("AccessToken", "AsyncTokenCredential", "TokenCredential"), "all"),
    ("._credentials", ("SharedKeyCredential",), "azure"),
    ("._credentials", SCHEME_CREDENTIALS + ("MissingCredentialError",), "schemes"),
    ("._errors", ("CredentialError", "DecodeError", "ServiceRequestError", "ServiceRequestTimeoutError", "ServiceResponseError"), "all"),
    ("._download", ("AsyncDownload", "Download"), "all"),
    ("._paging", ("AsyncItemPaged", "ItemPaged"), "all"),
    ("._pipeline", ("RequestOptions", "RetryPolicy"), "all"),
    ("._raw", ("RawResponse", "RawResponseWithHeaders"), "all"),
    ("._serialization", ("NOT_GIVEN", "Duration", "Model", "NotGiven", "UnknownVariant"), "all"),
    ("._version", ("API_VERSION", "VERSION"), "all"),
)

# Names generated modules import or define at module level beside the schema's classes (typing
# names in annotations, the runtime's codecs and helpers): a class named like one would shadow it.
# ("Dict" and "List" are no longer imported since issue 10; kept so that no class is renamed.)
MODULE_LEVEL_NAMES = frozenset(
    {
        "TYPE_CHECKING", "Any", "Dict", "List", "Literal", "Mapping", "NamedTuple",
        "ClientConfig", "Pipeline", "AsyncPipeline", "CREDENTIAL_SCOPES", "Codec",
        "annotations", "dataclass", "field", "datetime", "uuid", "enum", "sys", "ssl", "TracebackType",
        "error_from_response", "raw_response", "async_raw_response",
    }
    | {k.codec for k in KINDS.values()}
    | {k.codec for _, k in DATETIME_FORMS}
    | {NULLABLE_CODEC}
)

RESERVED_NAMES = frozenset(name for _, names, _ in RUNTIME_EXPORTS for name in names) | MODULE_LEVEL_NAMES

# Names an attribute of a generated model may not take: the class body's annotations and
# defaults refer to them (``field``, the builtins used as types, the modules...).
ATTRIBUTE_CLASHES = frozenset(
    {"str", "int", "float", "bool", "bytes", "list", "dict", "object", "datetime", "uuid", "typing", "None", "True", "False"}
    | {"Any", "Literal", "field", "dataclass", "NOT_GIVEN", "NotGiven"}
)


def runtime_exports(azure: bool, error: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(module, names) the package root imports, merged per module, in a stable order; ``error``
    is the API's own error class (``_errors``)."""
    merged: dict[str, list[str]] = {}
    for module, names, audience in RUNTIME_EXPORTS:
        if audience != "all" and audience != ("azure" if azure else "schemes"):
            continue
        merged.setdefault(module, []).extend(names)
    merged["._errors"].append(error)
    return tuple((module, tuple(sorted(names))) for module, names in merged.items())

# The generated fake service (``NAME.testing``): the members of ``FakeService`` besides the
# operation groups (a group named like one gets a suffix there), and the response headers the
# HTTP server itself writes (a declared ``Content-Length`` is not synthesised).
FAKE_SERVICE_MEMBERS = frozenset(
    {
        "url", "credential", "violations", "strict", "start", "stop", "expect_violations", "reset",
        "calls", "account_name", "key", "handle", "operation",
    }
)
FAKE_FRAMING_HEADERS = frozenset({"content-length", "content-type", "transfer-encoding", "connection"})
# What the fake synthesises for a value of each kind (and format), as JSON: valid and the same
# each run. The generated tests' text and number arguments start from the same values.
FAKE_SAMPLES: dict[str, str | int | float | bool | dict[str, object] | None] = {
    "str": "fake",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "date-time": "2026-01-01T00:00:00Z",
    "datetime": "2026-01-01T00:00:00Z",
    "date-time-rfc1123": "Thu, 01 Jan 2026 00:00:00 GMT",
    "rfc1123": "Thu, 01 Jan 2026 00:00:00 GMT",
    "date": "2026-01-01",
    "duration": "PT1H",
    "byte": "ZmFrZQ==",
    "bytes": "ZmFrZQ==",
    "uri": "https://example.invalid/fake",
    "url": "https://example.invalid/fake",
    "email": "fake@example.invalid",
    "int": 1,
    "float": 1.5,
    "bool": True,
    "any": {},
    "null": None,
}
# Texts tried, in order, for a string whose schema has a pattern the sample does not match.
# A UUID and dates too: Azure descriptions give subscription IDs a UUID pattern, others dates.
FAKE_PATTERN_CANDIDATES = (
    "fake", "a", "A", "0", "1", "fake-1", "fake_1", "a1", "aaaaaaaa",
    "00000000-0000-4000-8000-000000000000", "2026-01-01", "2026-01-01T00:00:00Z",
)
