"""A fake of the service for tests: a real HTTP server on 127.0.0.1 (standard library).

``with FakeService() as fake:`` starts it on a free port, and
``BatchClient(fake.url, fake.credential)`` talks to it unchanged.

Every request is checked against its operation in the API description (method and
path, parameters, body, security); a request that breaks it is answered 400 (403 for
authentication) in the API's own error model and recorded in ``fake.violations``, and
leaving the ``with`` block with violations nobody expected raises ``AssertionError``.

Each operation answers with what a test stubs (``fake.<group>.<operation>.returns()``,
``.respond()``, ``.fails()``, ``.handler()``) or else with a deterministic answer
synthesised from its responses; its decoded requests are in ``.calls``.
"""

from __future__ import annotations

import base64
import datetime
import email.parser
import email.policy
import email.utils
import hashlib
import hmac
import json
import logging
import math
import re
import threading
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple, Self, TypeVar
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from . import models as _models
from ._credentials import SharedKeyCredential
from ._errors import DecodeError
from ._serialization import Model, parse_duration, parse_iso_datetime, parse_rfc1123

if TYPE_CHECKING:
    from types import TracebackType

__all__ = [
    "Call",
    "FakeOperation",
    "FakeResponse",
    "FakeService",
    "Violation",
    "sample",
]

Schema = dict[str, Any]
_logger = logging.getLogger(__name__)


class _Parameter(NamedTuple):
    wire: str
    python: str
    location: str  # path, query, header, cookie, form
    required: bool
    schema: Schema
    style: str = ""
    explode: bool = False
    value: str = ""  # the only value the fake accepts (the API version), "" for any


class _Body(NamedTuple):
    wire: str
    python: str
    required: bool
    schema: Schema
    json: bool  # a JSON body (checked against its schema); else bytes as sent


class _Operation(NamedTuple):
    key: str  # "group.operation"
    method: str
    path: str
    pattern: str  # the path template as a regular expression, a group per parameter
    status: int  # the success status the fake answers with
    parameters: tuple[_Parameter, ...] = ()
    body: _Body | None = None
    headers: tuple[tuple[str, Schema], ...] = ()  # declared response headers
    response: Schema | None = None  # the success body's schema
    media: str = ""
    paging: tuple[str, str] | None = None  # (items, next link) wire names of a page
    security: tuple[
        tuple[str, ...], ...
    ] = ()  # alternatives of scheme keys; () for none
    echo: tuple[tuple[str, str], ...] = ()  # (header echoed, header that asks for it)
    error: str = ""  # the error model
    example: str = ""  # the description's example of the success body, JSON text


class _Model(NamedTuple):
    name: str  # the class
    # (wire name, python name, schema, required, read only), the base classes' first
    properties: tuple[tuple[str, str, Schema, bool, bool], ...]
    discriminator: str = ""
    subtypes: Mapping[str, str] | None = None  # discriminator value -> class
    # a variant of a discriminated union: (discriminator, the value that names this class)
    tag: tuple[str, str] | None = None


class _ErrorShape(NamedTuple):
    model: str  # "" when the API has no error model
    code: tuple[str, ...]  # wire-name path of the error code in it
    message: tuple[str, ...]  # and of the message
    language: tuple[str, ...]  # and of the message's language (() for none)


def _tables() -> tuple[tuple[_Operation, ...], tuple[_Model, ...], _ErrorShape]:
    """The API's operations, models and error shape, generated from the description into
    ``_fake_tables.json`` beside this module: data, not code (a large API's tables are
    megabytes, which Python would compile and type checkers would read)."""
    package = resources.files(__package__ or __name__)  # `python -m NAME.testing` too
    tables = json.loads(package.joinpath("_fake_tables.json").read_text("utf-8"))
    operations = tuple(_operation(entry) for entry in tables["operations"])
    models = tuple(
        _Model(
            **{
                **entry,
                "properties": tuple(map(tuple, entry["properties"])),
                "tag": tuple(entry["tag"]) if "tag" in entry else None,
            }
        )
        for entry in tables["models"]
    )
    error = tables["error"]
    shape = _ErrorShape(
        error["model"],
        tuple(error["code"]),
        tuple(error["message"]),
        tuple(error["language"]),
    )
    return operations, models, shape


def _operation(entry: dict[str, Any]) -> _Operation:
    """An operation of the tables, its lists made the tuples of ``_Operation``."""
    fields = dict(entry)
    fields["parameters"] = tuple(_Parameter(**p) for p in entry.get("parameters", ()))
    fields["body"] = _Body(**entry["body"]) if "body" in entry else None
    fields["headers"] = tuple(map(tuple, entry.get("headers", ())))
    fields["paging"] = tuple(entry["paging"]) if "paging" in entry else None
    fields["security"] = tuple(map(tuple, entry.get("security", ())))
    fields["echo"] = tuple(map(tuple, entry.get("echo", ())))
    return _Operation(**fields)


# What the fake knows of the API: every operation, and the models a body is checked against
# and answers are synthesised from.
_OPERATION_TABLE, _MODEL_TABLE, _ERROR = _tables()
_OPERATIONS: dict[str, _Operation] = {op.key: op for op in _OPERATION_TABLE}
_MODELS: dict[str, _Model] = {model.name: model for model in _MODEL_TABLE}

# Most specific first: a literal segment wins over a parameter (``/jobs/schedules`` over
# ``/jobs/{jobId}``).
_ROUTES = sorted(
    ((key, op, re.compile(op.pattern)) for key, op in _OPERATIONS.items()),
    key=lambda route: -len(re.sub(r"\{[^}]*\}", "", route[1].path)),
)
_PAGE = "fake-page"  # the query parameter of the fake's next links
_DELIMITERS = {"form": ",", "simple": ",", "spaceDelimited": " ", "pipeDelimited": "|"}
_DELIMITERS["tabDelimited"] = "\t"
_RFC1123 = re.compile(
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT"
)
_UUID = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER = re.compile(r"[+-]?\d+")
_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_TEXT_KINDS = frozenset(
    {"str", "uuid", "datetime", "rfc1123", "date", "duration", "enum", "bytes", "file"}
)
# What the fake synthesises for a value of each kind (and format): contract.FAKE_SAMPLES.
_SAMPLES: dict[str, Any] = {
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
_PATTERN_CANDIDATES = (
    "fake",
    "a",
    "A",
    "0",
    "1",
    "fake-1",
    "fake_1",
    "a1",
    "aaaaaaaa",
    "00000000-0000-4000-8000-000000000000",
    "2026-01-01",
    "2026-01-01T00:00:00Z",
)
_OPTIONAL_DEPTH = 3  # optional properties are synthesised this many models deep


@dataclass(frozen=True)
class Violation:
    """A request that breaks the API description."""

    operation: str  # "group.operation"; "" when no operation matches the request
    parameter: str  # the parameter's wire name, the body's, or "Authorization"
    message: str
    where: str = ""  # in a body: the JSON pointer of the offending value
    status: int = 400  # what the fake answered

    def __str__(self) -> str:
        at = f" at {self.where}" if self.where else ""
        return f"{self.operation or '?'}: {self.parameter or 'request'}{at}: {self.message}"


@dataclass
class Call:
    """One request to an operation, decoded by Python names (``path``, ``query``, ``headers``,
    ``cookies``, ``form``); ``body`` is the operation's model where it has one, else the
    decoded JSON (or the bytes). ``raw_*`` is the request as received."""

    operation: str
    method: str
    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, Any] = field(default_factory=dict)
    cookies: dict[str, Any] = field(default_factory=dict)
    form: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    raw_path: str = ""
    raw_query: str = ""
    raw_headers: dict[str, str] = field(default_factory=dict)
    raw_body: bytes = b""
    violations: list[Violation] = field(default_factory=list)


@dataclass
class FakeResponse:
    """An answer: ``body`` is a model (sent as its ``to_dict()``), JSON-ready data, ``str`` or
    ``bytes``; ``None`` sends none. Header values may be ``datetime`` (RFC 1123) or ``bool``.
    """

    status: int
    headers: Mapping[str, object] = field(default_factory=dict)
    body: object = None


Handler = Callable[[Call], "FakeResponse | Model | None"]


class FakeOperation:
    """One operation of the fake: what it answers (the last stub set wins; ``reset()`` goes
    back to the synthesised answer) and the calls it received."""

    def __init__(self, service: FakeService, key: str) -> None:
        self._service = service
        self.key = key
        self._answer: Handler | None = None
        self._calls: list[Call] = []
        service._operations[key] = self

    def __repr__(self) -> str:
        return f"<FakeOperation {self.key}: {len(self._calls)} call(s)>"

    @property
    def calls(self) -> list[Call]:
        """The requests received so far, decoded, oldest first."""
        with self._service._lock:
            return list(self._calls)

    def respond(
        self,
        status: int | None = None,
        headers: Mapping[str, object] | None = None,
        body: object = None,
    ) -> None:
        """Answer with ``status`` (the operation's success status by default), the declared
        response headers (synthesised, overridden by ``headers``) and ``body``."""
        answer = FakeResponse(
            status or _OPERATIONS[self.key].status, headers or {}, body
        )
        self._answer = lambda call: answer

    def returns(
        self,
        value: object,
        *,
        status: int | None = None,
        headers: Mapping[str, object] | None = None,
    ) -> None:
        """Answer with ``value`` as the body (a model, a list of models...); for a pageable
        list, ``value`` is every item, served in pages of two that the client's pager follows.
        """
        answer = FakeResponse(
            status or _OPERATIONS[self.key].status, headers or {}, value
        )
        self._answer = lambda call: answer

    def answers_as(self, key: str) -> None:
        """Answer as the operation ``key`` would (its success status, its synthesised body):
        for operations whose requests the fake cannot tell apart (the same method, path
        pattern and required parameters), which it gives to the first of them."""
        op = _OPERATIONS[key]
        body = _synthesised(op) if op.response is not None else None
        answer = FakeResponse(op.status, {}, body)
        self._answer = lambda call: answer

    def fails(
        self,
        status: int,
        error: object = None,
        *,
        code: str = "",
        message: str = "",
        headers: Mapping[str, object] | None = None,
    ) -> None:
        """Answer with an error: ``error`` (the API's error model) as the body, or one made
        of ``code`` and ``message``."""
        body = error if error is not None else _error_data(code or "Fake", message)
        answer = FakeResponse(status, headers or {}, body)
        self._answer = lambda call: answer

    def handler(self, function: Handler) -> Handler:
        """Answer each call with what ``function(call)`` returns: a ``FakeResponse``, a model
        (the body of the success status), or ``None`` for the synthesised answer. Usable as
        a decorator."""
        self._answer = function
        return function

    def reset(self) -> None:
        """Forget the stub and the calls."""
        with self._service._lock:
            self._answer = None
            self._calls.clear()


class _TasksFake:
    """The fakes of the ``tasks`` operations (Tasks)."""

    def __init__(self, service: FakeService) -> None:
        self.reactivate = FakeOperation(service, "tasks.reactivate")


def _misnamed(op: _Operation, call: Call) -> tuple[int, int]:
    """How badly a request misses an operation: its violations at a header or query parameter
    with one allowed value (it names the operation), then all its violations."""
    naming = {
        p.wire
        for p in op.parameters
        if p.location in ("header", "query")
        and (
            p.schema["t"] == "literal"
            or (p.schema["t"] == "enum" and len(p.schema["enum"]) == 1)
        )
    }
    named = sum(v.parameter in naming for v in call.violations)
    return named, len(call.violations)


class FakeService:
    """The fake service: ``with FakeService() as fake:`` (or ``start()`` and ``stop()``).

    ``fake.credential`` is a ``SharedKeyCredential`` for ``account_name`` and ``key``, whose
    signatures the fake checks as the service does; any Microsoft Entra bearer token is
    accepted. ``strict=False`` keeps violations from failing the ``with`` block.
    """

    def __init__(
        self,
        *,
        strict: bool = True,
        account_name: str = "fakeaccount",
        key: str = "ZmFrZS1hY2NvdW50LWtleS0wMTIzNDU2Nzg5YWJjZGVm",
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.strict = strict
        self.account_name = account_name
        self.key = key
        self._secret = base64.b64decode(key)
        self._host = host
        self._port = port
        self._lock = threading.Lock()
        self._violations: list[Violation] = []
        self._expected = False
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._operations: dict[str, FakeOperation] = {}  # each registers itself
        self.tasks = _TasksFake(self)

    def __repr__(self) -> str:
        return f"<FakeService {self.url if self._server else '(stopped)'}>"

    # -- life cycle ----------------------------------------------------------------------

    def start(self) -> FakeService:
        """Listen on a free port (or ``port``) of ``host`` and serve in a thread."""
        if self._server is None:
            self._server = ThreadingHTTPServer((self._host, self._port), _handler(self))
            self._server.daemon_threads = True
            # polled often: ``stop()`` waits for the loop's next look at the clock
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.01},
                name="FakeService",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the port."""
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
        if exc_type is None and self.strict and not self._expected and self._violations:
            listed = "\n".join(f"  {v}" for v in self._violations)
            raise AssertionError(
                f"{len(self._violations)} request(s) broke the API description:\n{listed}"
            )

    @property
    def url(self) -> str:
        """The endpoint to give the client: ``http://127.0.0.1:<port>``."""
        if self._server is None:
            raise RuntimeError("the fake service is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def violations(self) -> list[Violation]:
        """Every request that broke the API description, oldest first."""
        with self._lock:
            return list(self._violations)

    def expect_violations(self) -> list[Violation]:
        """Say that this test sends broken requests on purpose: leaving the ``with`` block
        does not fail because of them. Returns the violations so far."""
        self._expected = True
        return self.violations

    def reset(self) -> None:
        """Forget violations, calls and stubs."""
        with self._lock:
            self._violations.clear()
            self._expected = False
        for operation in self._operations.values():
            operation.reset()

    def operation(self, key: str) -> FakeOperation:
        """One operation's fake by its key, as violations name it (``"tasks.reactivate"``):
        the same object as ``fake.tasks.reactivate``."""
        return self._operations[key]

    # -- security: Shared Key and Microsoft Entra tokens -------------------------------------

    @property
    def credential(self) -> SharedKeyCredential:
        """A Shared Key credential the fake accepts."""
        return SharedKeyCredential(self.account_name, self.key)

    def _authenticate(self, request: _Request, op: _Operation) -> str:
        """Why the request is not authenticated ("" when it is): a Shared Key signature over
        the request as received (the rules of the service, not the client's code), or any
        bearer token."""
        authorization = request.headers.get("authorization", "")
        if authorization.startswith("Bearer ") and authorization[7:].strip():
            return ""
        if not authorization.startswith("SharedKey "):
            return "the request has no Shared Key signature or bearer token"
        account, _, signature = authorization[10:].partition(":")
        if account != self.account_name:
            return (
                f"the signature is for account {account!r}, not {self.account_name!r}"
            )
        text = _string_to_sign(request, self.account_name)
        digest = hmac.new(self._secret, text.encode("utf-8"), hashlib.sha256).digest()
        if not hmac.compare_digest(signature, base64.b64encode(digest).decode("ascii")):
            return "the Shared Key signature does not match (wrong key, or a changed request)"
        return ""

    # -- requests ------------------------------------------------------------------------

    def handle(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        """Answer one request (what the HTTP server calls): (status, headers, body)."""
        request = _Request.parse(method, target, headers, body)
        matched = [
            (key, op, m) for key, op, p in _ROUTES if (m := p.match(request.path))
        ]
        candidates = [(k, o, m) for k, o, m in matched if o.method == method]
        if not candidates:
            status = 405 if matched else 404
            what = "method not allowed" if matched else "no operation has this path"
            message = f"{what}: {method} {request.path}"
            self._record(Violation("", "", message, status=status))
            return _error_response(
                status, "NotFound" if status == 404 else "BadMethod", message
            )
        # Operations a description gives the same method and path (told apart by a header
        # or a parameter's pattern, as AWS's X-Amz-Target): the first the request is valid for,
        # those that declare more of the query's names first (AWS's ``/keys#mode=import`` beside
        # ``/keys``: the operation without ``mode`` accepts the request too, it ignores it).
        if len(candidates) > 1:
            sent = {name for name, _ in request.query}
            candidates.sort(
                key=lambda c: -sum(
                    p.location == "query" and p.wire in sent for p in c[1].parameters
                )
            )
        calls = []
        for key, op, match in candidates:
            call = Call(
                key,
                method,
                raw_path=request.path,
                raw_query=request.raw_query,
                raw_headers=dict(request.headers),
                raw_body=body,
            )
            refusal = self._authenticate(request, op)
            if refusal:
                call.violations.append(
                    Violation(key, "Authorization", refusal, status=403)
                )
            else:
                _decode(op, key, request, match, call)
            calls.append((key, op, call))
            if not call.violations:
                break
        key, op, call = calls[-1]  # the loop stops at the first valid one
        if call.violations:
            # none valid: the one it breaks least is the one meant, a parameter that names the
            # operation (AWS's X-Amz-Target) outweighing any other (a tie went to table order)
            key, op, call = min(calls, key=lambda c: _misnamed(c[1], c[2]))
        operation = self._operations[key]
        with self._lock:
            operation._calls.append(call)
            self._violations.extend(call.violations)
        if call.violations:
            first = call.violations[0]
            code = "AuthenticationFailed" if first.status == 403 else "InvalidRequest"
            text = "; ".join(str(v) for v in call.violations)
            return _error_response(first.status, code, text)
        answer = operation._answer(call) if operation._answer is not None else None
        if isinstance(answer, Model):
            answer = FakeResponse(op.status, {}, answer)
        return self._answer(op, request, answer)

    def _record(self, violation: Violation) -> None:
        with self._lock:
            self._violations.append(violation)

    def _answer(
        self, op: _Operation, request: _Request, answer: FakeResponse | None
    ) -> tuple[int, dict[str, str], bytes]:
        status = answer.status if answer is not None else op.status
        headers: dict[str, str] = {}
        if 200 <= status < 300:
            for name, schema in op.headers:
                headers[name] = _header_text(_sample(schema, 0, ()))
            for name, asked in op.echo:
                headers.pop(name, None)
                value = request.headers.get(name.lower())
                if value is not None and (
                    not asked
                    or request.headers.get(asked.lower(), "").lower() == "true"
                ):
                    headers[name] = value
        if answer is not None:
            headers.update({k: _header_text(v) for k, v in answer.headers.items()})
        if answer is not None and not 200 <= status < 300:
            return status, headers, _encode(answer.body, headers)
        if op.method == "HEAD" or status in (204, 304):
            return status, headers, b""
        if op.paging is not None:
            return status, headers, self._page(op, request, answer, headers)
        if answer is not None:
            return status, headers, _encode(answer.body, headers, op.media)
        if op.response is None:
            return status, headers, b""
        return status, headers, _encode(_synthesised(op), headers, op.media)

    def _page(
        self,
        op: _Operation,
        request: _Request,
        answer: FakeResponse | None,
        headers: dict[str, str],
    ) -> bytes:
        """One page of a pageable list: ``answer``'s items two a page, or else two pages of
        the description's example items (or of one synthesised item, where the example has
        none); the next link names the fake's next page."""
        assert op.paging is not None and op.response is not None
        items_name, link_name = op.paging
        page_schema = _synthesised(op)
        if not (isinstance(page_schema, dict) and page_schema.get(items_name)):
            page_schema = _sample(op.response, 0, ())
        page: dict[str, Any] = page_schema if isinstance(page_schema, dict) else {}
        number = next(
            (int(v) for n, v in request.query if n == _PAGE and v.isdigit()), 1
        )
        if answer is not None and isinstance(answer.body, (list, tuple)):
            items = list(answer.body)
            chunks: list[list[Any]] = [
                items[i : i + 2] for i in range(0, len(items), 2)
            ] or [[]]
        elif answer is not None:
            return _encode(answer.body, headers, op.media)
        else:
            item = page.get(items_name)
            chunks = [list(item) if isinstance(item, list) else []] * 2
        page[items_name] = [
            _json_ready(i) for i in chunks[min(number, len(chunks)) - 1]
        ]
        page.pop(link_name, None)
        if link_name and number < len(chunks):
            query = [(n, v) for n, v in request.query if n != _PAGE]
            query.append((_PAGE, str(number + 1)))
            encoded = "&".join(
                f"{quote(n, safe='$')}={quote(v, safe='')}" for n, v in query
            )
            page[link_name] = f"{self.url}{request.path}?{encoded}"
        return _encode(page, headers, op.media)


# -- the HTTP side ------------------------------------------------------------------------


@dataclass
class _Request:
    method: str
    path: str  # percent-encoded, as received
    raw_query: str
    query: list[tuple[str, str]]  # decoded
    headers: dict[str, str]  # lower-case names
    cookies: dict[str, str]
    body: bytes

    @classmethod
    def parse(
        cls, method: str, target: str, headers: Mapping[str, str], body: bytes
    ) -> _Request:
        split = urlsplit(target)
        lowered = {k.lower(): v for k, v in headers.items()}
        cookies: dict[str, str] = {}
        for part in lowered.get("cookie", "").split(";"):
            name, sep, value = part.strip().partition("=")
            if sep:
                cookies.setdefault(name, unquote(value))
        query = [(n, unquote(v)) for n, v in _raw_pairs(split.query)]
        return cls(method, split.path, split.query, query, lowered, cookies, body)


def _handler(service: FakeService) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the clients use it

        def _serve(self) -> None:
            body = self._read_body()
            headers = {k: v for k, v in self.headers.items()}
            try:
                status, out, data = service.handle(
                    self.command, self.path, headers, body
                )
            except Exception as exc:  # a stub's bug: logged, answered, a violation
                _logger.exception("fake: %s %s failed", self.command, self.path)
                service._record(
                    Violation("", "", f"the fake failed: {exc!r}", status=500)
                )
                status, out, data = _error_response(500, "FakeError", repr(exc))
            self.send_response(status)
            for name, value in out.items():
                self.send_header(name, value)
            if status not in (204, 304):
                self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD" and status not in (204, 304):
                self.wfile.write(data)

        def _read_body(self) -> bytes:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                chunks: list[bytes] = []
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        return b"".join(chunks)
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        do_GET = do_PUT = do_POST = do_DELETE = do_PATCH = do_HEAD = _serve
        do_OPTIONS = do_TRACE = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: the test's output is the test's

    return Handler


def _error_data(code: str, message: str) -> Any:
    """An error body in the API's error model (``_ERROR``), with ``code`` and ``message``."""
    if _ERROR.model:
        data = _sample({"t": "model", "m": _ERROR.model}, _OPTIONAL_DEPTH, ())
    else:
        data = {}
    fields = (
        (_ERROR.code, code),
        (_ERROR.message, message),
        (_ERROR.language, "en-US"),
    )
    for path, value in fields:
        target = data
        for name in path[:-1]:
            target = target.setdefault(name, {})
        if path and isinstance(target, dict):
            target[path[-1]] = value
    return data


def _error_response(
    status: int, code: str, message: str
) -> tuple[int, dict[str, str], bytes]:
    headers: dict[str, str] = {}
    return status, headers, _encode(_error_data(code, message), headers)


def _json_ready(value: object) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_json_ready(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    return value


def _encode(value: object, headers: dict[str, str], media: str = "") -> bytes:
    """The body's bytes, and its Content-Type in ``headers`` (unless given)."""
    if value is None:
        return b""
    if isinstance(value, bytes):
        headers.setdefault("Content-Type", media or "application/octet-stream")
        return value
    if isinstance(value, str) and media and "json" not in media:
        # a range (``*/*``, ``text/*``) names no type a response can carry: plain text
        headers.setdefault("Content-Type", "text/plain" if "*" in media else media)
        return value.encode("utf-8")
    # JSON as declared; a body the client streams as bytes (visagecloud.com's image/jpeg):
    # any bytes do, but labelled as declared, not as JSON
    declared = "json" in media or (media and "*" not in media)
    headers.setdefault("Content-Type", media if declared else "application/json")
    return json.dumps(_json_ready(value)).encode("utf-8")


def _header_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return email.utils.format_datetime(value.astimezone(datetime.UTC), usegmt=True)
    return str(value)


def _string_to_sign(request: _Request, account: str) -> str:
    """The Batch Shared Key string of a request as received: the verb, the standard headers
    (empty when absent), the ``ocp-`` headers sorted, then the account and path, and each
    query parameter's first value, by name."""
    names = (
        "content-encoding",
        "content-language",
        "content-length",
        "content-md5",
        "content-type",
        "date",
        "if-modified-since",
        "if-match",
        "if-none-match",
        "if-unmodified-since",
        "range",
    )
    h = request.headers
    lines = [request.method] + [h.get(name, "") for name in names]
    if lines[3] == "0":  # Content-Length: zero signs as empty, as the service takes it
        lines[3] = ""
    text = "\n".join(lines) + "\n"
    for name in sorted(n for n in h if n.startswith("ocp-") and h[n]):
        text += f"{name}:{h[name]}\n"
    text += f"/{account}{request.path}"
    first: dict[str, str] = {}
    for name, value in request.query:
        first.setdefault(name, value)
    for name in sorted(first):
        if first[name]:
            text += f"\n{name}:{first[name]}"
    return text


# -- checking and decoding ----------------------------------------------------------------


def _decode(
    op: _Operation, key: str, request: _Request, match: re.Match[str], call: Call
) -> None:
    """Check every parameter and the body of ``request`` against ``op``; the decoded values
    go to ``call``, what is wrong to ``call.violations``."""
    declared = frozenset(p.wire for p in op.parameters)
    fields = any(p.location == "form" for p in op.parameters)
    form = _form_fields(request) if fields else []
    targets = {
        "path": call.path,
        "query": call.query,
        "header": call.headers,
        "cookie": call.cookies,
        "form": call.form,
    }
    for index, param in enumerate(op.parameters):
        texts = _texts(param, index, request, match, form, declared)
        if texts is None:
            if param.required:
                call.violations.append(
                    Violation(
                        key,
                        param.wire,
                        f"the required {param.location} parameter is missing",
                    )
                )
            continue
        if param.value and texts != [param.value]:
            call.violations.append(
                Violation(
                    key,
                    param.wire,
                    f"must be {param.value!r}, got {', '.join(texts)!r}",
                )
            )
            continue
        problems: list[tuple[str, str]] = []
        value = _from_texts(param, texts, problems)
        for _, message in problems:
            call.violations.append(Violation(key, param.wire, message))
        if not problems:
            targets[param.location][param.python] = _decoded(param.schema, value)
    body = op.body
    if body is None:
        return
    if not request.body:
        if body.required:
            call.violations.append(
                Violation(key, body.wire, "the required body is missing")
            )
        return
    if not body.json:
        call.body = request.body
        return
    try:
        data = json.loads(request.body)
    except ValueError as exc:
        call.violations.append(
            Violation(key, body.wire, f"the body is not JSON: {exc}")
        )
        return
    problems = []
    _check(body.schema, data, "", problems)
    for where, message in problems:
        call.violations.append(Violation(key, body.wire, message, where or "/"))
    call.body = data
    if not problems and body.schema["t"] == "model" and isinstance(data, dict):
        try:
            call.body = getattr(_models, body.schema["m"]).from_dict(data)
        except (DecodeError, AttributeError, TypeError, ValueError):
            call.body = data  # the JSON stays what the test sees


def _texts(
    param: _Parameter,
    index: int,
    request: _Request,
    match: re.Match[str],
    form: list[tuple[str, str]],
    declared: frozenset[str],
) -> list[str] | dict[str, str] | None:
    """The parameter as sent, decoded and split by its style: a list of texts (one for a
    scalar), name/value texts for an object; None when absent. An exploded object's
    properties are names of their own: a model's, or else every name no other parameter
    (``declared``) has."""
    shape = param.schema["t"]
    if param.style == "json":
        shape = "json"  # one JSON text, whatever the type
    elif shape in ("model", "dict"):
        shape = "object"
    if param.location == "path":
        return _path_texts(param, match.group(f"p{index}"), shape)
    if param.location == "cookie" and shape == "object" and param.explode:
        pairs = list(request.cookies.items())
    elif param.location in ("header", "cookie"):
        if param.location == "header":
            text = request.headers.get(param.wire.lower())
        else:
            text = request.cookies.get(param.wire)
        if text is None:
            return None
        return _split(text, shape, ",", param.explode, strip=param.location == "header")
    else:
        pairs = form if param.location == "form" else request.query
    if shape == "object" and param.style == "deepObject":
        prefix = param.wire + "["
        found = {
            n[len(prefix) : -1]: v
            for n, v in pairs
            if n.startswith(prefix) and n.endswith("]")
        }
        return found or _empty_object(param)
    if shape == "object" and param.explode:
        names = _property_names(param.schema)
        found = {
            n: v for n, v in pairs if n in names or not names and n not in declared
        }
        return found or _empty_object(param)
    values = [v for n, v in pairs if n == param.wire]
    if not values:
        return None
    if shape == "list" and param.explode:
        return values
    delimiter = _DELIMITERS.get(param.style, ",")
    if param.location == "query" and delimiter == ",":
        # split as sent, then decoded: an item's own comma comes as %2C (fulfillment.com)
        raw = [v for n, v in _raw_pairs(request.raw_query) if n == param.wire]
        return _split(raw[0], shape, delimiter, False, decode=True)
    return _split(values[0], shape, delimiter, False)


def _raw_pairs(query: str) -> list[tuple[str, str]]:
    """A query's (name, value) pairs, the names decoded, the values as sent."""
    pairs = (p.partition("=") for p in query.split("&") if p)
    return [(unquote(n), v) for n, _, v in pairs]


def _empty_object(param: _Parameter) -> dict[str, str] | None:
    """A required object spread over pairs of its own sends none when empty (RFC 6570: an
    empty exploded object is undefined), so its absence is that empty object where the
    schema accepts one (salesloft.com's free-form ``recording``); else it is missing."""
    if not param.required:
        return None
    problems: list[tuple[str, str]] = []
    _check(param.schema, {}, "", problems)
    return None if problems else {}


def _path_texts(param: _Parameter, raw: str, shape: str) -> list[str] | dict[str, str]:
    """A path segment by style: ``simple`` as is, ``label`` after a dot (dots between
    exploded items), ``matrix`` as ``;name=`` (``;name=`` before each exploded item)."""
    delimiter = ","
    explode = param.explode and shape in ("list", "object")
    if param.style == "label":
        raw = raw.removeprefix(".")
        delimiter = "." if explode else ","
    elif param.style == "matrix" and explode and shape == "list":
        items = raw.split(";")
        raw = ";".join(i.removeprefix(f"{param.wire}=") for i in items if i)
        delimiter = ";"
    elif param.style == "matrix" and explode:
        raw, delimiter = raw.removeprefix(";"), ";"
    elif param.style == "matrix":
        raw = raw.removeprefix(f";{param.wire}=")
    return _split(raw, shape, delimiter, explode, decode=True)


def _split(
    text: str,
    shape: str,
    delimiter: str,
    explode: bool,
    decode: bool = False,
    strip: bool = False,
) -> list[str] | dict[str, str]:
    """A style's text as its items (an array), or name/value texts (an object: ``k=v`` pairs
    when exploded, else alternating names and values). ``decode``: the text is as sent, each
    part percent-decoded once split (a delimiter inside a value is encoded); ``strip``: a
    header's list, whose items may have spaces around them."""

    def clean(part: str) -> str:
        part = unquote(part) if decode else part
        return part.strip() if strip else part

    if shape == "list":
        return [clean(t) for t in text.split(delimiter)] if text else []
    if shape != "object":
        return [clean(text)]
    parts = text.split(delimiter) if text else []
    if explode:
        pairs = (p.partition("=") for p in parts)
        return {clean(n): clean(v) for n, _, v in pairs}
    texts = [clean(p) for p in parts]
    return dict(zip(texts[::2], texts[1::2], strict=False))


def _property_names(schema: Schema) -> frozenset[str]:
    model = _MODELS.get(schema.get("m", ""))
    return frozenset(p[0] for p in model.properties) if model else frozenset()


def _from_texts(
    param: _Parameter,
    texts: list[str] | dict[str, str],
    problems: list[tuple[str, str]],
) -> Any:
    """The parameter's JSON value from its texts, checked against its schema."""
    schema = param.schema
    value: Any
    if param.style == "json":
        text = texts[0] if isinstance(texts, list) else ""
        try:
            value = json.loads(text)
        except ValueError:
            problems.append(("", f"expected JSON text, got {text!r}"))
            return None
    elif isinstance(texts, dict):
        model = _MODELS.get(schema.get("m", ""))
        types = {p[0]: p[2] for p in model.properties} if model else {}
        default: Schema = schema.get("values", {"t": "any"})
        value = {
            n: _from_text(types.get(n) or default, t, problems)
            for n, t in texts.items()
        }
    elif schema["t"] == "list":
        value = [_from_text(schema["items"], t, problems) for t in texts]
    else:
        value = _from_text(schema, texts[0], problems)
    if not problems:
        _check(schema, value, "", problems)
    return value


def _form_fields(request: _Request) -> list[tuple[str, str]]:
    """The fields of a form body (URL-encoded or multipart), files as their text."""
    content_type = request.headers.get("content-type", "")
    if "urlencoded" in content_type:
        text = request.body.decode("utf-8", "replace")
        return parse_qsl(text, keep_blank_values=True)
    if "multipart/" not in content_type:
        return []
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", "replace")
    parser = email.parser.BytesParser(policy=email.policy.HTTP)
    message = parser.parsebytes(head + request.body)
    fields: list[tuple[str, str]] = []
    for part in message.walk():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields.append((name, payload.decode("utf-8", "replace")))
    return fields


def _from_text(schema: Schema, text: str, problems: list[tuple[str, str]]) -> Any:
    """The JSON value a parameter's text stands for (numbers and booleans parsed)."""
    kind = schema["t"]
    if kind == "int":
        if _INTEGER.fullmatch(text):
            return int(text)
        problems.append(("", f"expected an integer, got {text!r}"))
    elif kind == "float":
        try:
            return float(text)
        except ValueError:
            problems.append(("", f"expected a number, got {text!r}"))
    elif kind == "bool":
        if text in ("true", "false"):
            return text == "true"
        problems.append(("", f"expected true or false, got {text!r}"))
    elif kind == "union":
        for variant in schema["any_of"]:
            tried: list[tuple[str, str]] = []
            value = _from_text(variant, text, tried)
            if not tried:
                _check(variant, value, "", tried)
            if not tried:
                return value
        problems.append(("", f"{text!r} is none of the types allowed"))
    elif kind == "null":
        return None if text in ("", "null") else text
    return text


def _decoded(schema: Schema, value: Any) -> Any:
    """A checked value as the client's types have it: date-times as ``datetime``..."""
    kind, fmt = schema["t"], schema.get("f", "")
    if isinstance(value, list) and kind == "list":
        return [_decoded(schema["items"], v) for v in value]
    if not isinstance(value, str):
        return value
    if kind == "rfc1123" or fmt == "date-time-rfc1123":
        return parse_rfc1123(value)
    if kind == "datetime" or fmt == "date-time":
        return parse_iso_datetime(value)
    if kind == "date":
        return datetime.date.fromisoformat(value)
    if kind == "duration":
        return parse_duration(value)
    return value


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    names: dict[type, str] = {str: "string", list: "array", dict: "object"}
    return names.get(type(value), type(value).__name__)


def _format_problem(fmt: str, value: str) -> str:
    """What is wrong with a string of format ``fmt`` ("" when nothing is)."""
    if fmt == "date-time-rfc1123":
        ok = bool(_RFC1123.fullmatch(value)) and parse_rfc1123(value) is not None
        return "" if ok else f"expected an RFC 1123 date, got {value!r}"
    if fmt == "date-time":
        ok = parse_iso_datetime(value) is not None
        return "" if ok else f"expected an ISO 8601 date-time, got {value!r}"
    if fmt == "uuid":
        return "" if _UUID.fullmatch(value) else f"expected a UUID, got {value!r}"
    if fmt == "date":
        try:
            ok = bool(_DATE.fullmatch(value)) and bool(
                datetime.date.fromisoformat(value)
            )
        except ValueError:
            ok = False
        return "" if ok else f"expected an ISO 8601 date, got {value!r}"
    if fmt == "duration":
        ok = parse_duration(value) is not None
        return "" if ok else f"expected an ISO 8601 duration, got {value!r}"
    if fmt == "byte":
        try:
            base64.b64decode(value, validate=True)
        except ValueError:
            return f"expected base64, got {value!r}"
    return ""


# The format each text kind implies when its schema names none.
_KIND_FORMATS = {
    "uuid": "uuid",
    "datetime": "date-time",
    "rfc1123": "date-time-rfc1123",
    "date": "date",
    "duration": "duration",
}


def _check(
    schema: Schema, value: Any, where: str, problems: list[tuple[str, str]]
) -> None:
    """Check a JSON value against a schema; each problem is (JSON pointer, message)."""
    kind = schema["t"]
    if value is None:
        if not (schema.get("n") or kind in ("any", "null")):
            problems.append((where, "null is not allowed here"))
        return
    if kind in _TEXT_KINDS:
        if not isinstance(value, str):
            problems.append((where, f"expected a string, got {_json_type(value)}"))
            return
        if kind == "enum" and value not in schema["enum"]:
            allowed = ", ".join(map(repr, schema["enum"]))
            problems.append((where, f"{value!r} is not one of {allowed}"))
            return
        problem = _format_problem(schema.get("f") or _KIND_FORMATS.get(kind, ""), value)
        if problem:
            problems.append((where, problem))
            return
    elif kind in ("int", "float"):
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number or (kind == "int" and not float(value).is_integer()):
            wanted = "an integer" if kind == "int" else "a number"
            problems.append((where, f"expected {wanted}, got {_json_type(value)}"))
            return
        low, high = _RANGES.get(schema.get("f", ""), (None, None))
        if low is not None and high is not None and not low <= value <= high:
            problems.append((where, f"{value} is out of the range of {schema['f']}"))
            return
    elif kind == "bool":
        if not isinstance(value, bool):
            problems.append((where, f"expected a boolean, got {_json_type(value)}"))
        return
    elif kind == "literal":
        if value != schema["const"]:
            problems.append((where, f"expected {schema['const']!r}, got {value!r}"))
        return
    elif kind == "null":
        problems.append((where, f"expected null, got {_json_type(value)}"))
        return
    elif kind == "list":
        if not isinstance(value, list):
            problems.append((where, f"expected an array, got {_json_type(value)}"))
            return
        for index, item in enumerate(value):
            _check(schema["items"], item, f"{where}/{index}", problems)
    elif kind == "dict":
        if not isinstance(value, dict):
            problems.append((where, f"expected an object, got {_json_type(value)}"))
            return
        for name, item in value.items():
            _check(schema["values"], item, f"{where}/{_escape(name)}", problems)
    elif kind == "model":
        _check_model(schema["m"], value, where, problems)
        return
    elif kind == "union":
        _check_union(schema, value, where, problems)
        return
    _check_constraints(schema, value, where, problems)


def _check_model(
    name: str, value: Any, where: str, problems: list[tuple[str, str]]
) -> None:
    model = _MODELS.get(name)
    if model is None:
        return
    if not isinstance(value, dict):
        problems.append(
            (where, f"expected an object ({name}), got {_json_type(value)}")
        )
        return
    if model.discriminator and model.subtypes:
        subtype = model.subtypes.get(str(value.get(model.discriminator)))
        if subtype and subtype != name and subtype in _MODELS:
            model = _MODELS[subtype]
    for wire, _, schema, required, read_only in model.properties:
        at = f"{where}/{_escape(wire)}"
        if wire not in value:
            if required and not read_only:
                problems.append((at, f"the required property {wire!r} is missing"))
            continue
        _check(schema, value[wire], at, problems)


def _check_union(
    schema: Schema, value: Any, where: str, problems: list[tuple[str, str]]
) -> None:
    variants = schema["any_of"]
    if schema.get("d") and isinstance(value, dict):
        tag = value.get(schema["d"])
        index = schema.get("map", {}).get(str(tag))
        if index is not None:
            _check(variants[index], value, where, problems)
            return
        if tag is not None:
            # a value the mapping (explicit, or the schemas' names) lacks
            known = ", ".join(map(repr, schema.get("map", {})))
            at = f"{where}/{_escape(schema['d'])}"
            problems.append(
                (at, f"{tag!r} is not one of the discriminator values {known}")
            )
            return
    for variant in variants:
        tried: list[tuple[str, str]] = []
        _check(variant, value, where, tried)
        if not tried:
            return
    problems.append(
        (where, f"the {_json_type(value)} matches none of the allowed types")
    )


@lru_cache(maxsize=1024)
def _pattern(pattern: str) -> re.Pattern[str]:
    # Python warns of a description's "[[" (a possible nested set): it is the description's
    # pattern, read as Python reads it today, so the warning is not shown in every test run
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return re.compile(pattern)


def _search(pattern: str, text: str) -> bool:
    return _pattern(pattern).search(text) is not None


def _check_constraints(
    schema: Schema, value: Any, where: str, problems: list[tuple[str, str]]
) -> None:
    """The schema's value constraints (``pattern``, ``minimum``, ``maxItems``...)."""
    pattern = schema.get("pattern")
    if isinstance(value, str):
        if pattern is not None and not _search(pattern, value):
            problems.append(
                (where, f"{value!r} does not match the pattern {pattern!r}")
            )
        if "minLength" in schema and len(value) < schema["minLength"]:
            problems.append((where, f"shorter than {schema['minLength']} characters"))
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            problems.append((where, f"longer than {schema['maxLength']} characters"))
    elif isinstance(value, (int, float)):
        least, least_open = _bound(schema, "minimum", "exclusiveMinimum", max)
        most, most_open = _bound(schema, "maximum", "exclusiveMaximum", min)
        if least is not None and (value <= least if least_open else value < least):
            said = "not more than" if least_open else "less than the minimum"
            problems.append((where, f"{value} is {said} {least}"))
        if most is not None and (value >= most if most_open else value > most):
            said = "not less than" if most_open else "more than the maximum"
            problems.append((where, f"{value} is {said} {most}"))
        allowed = schema.get("enum")
        if allowed and value not in allowed:
            listed = ", ".join(map(str, allowed))
            problems.append((where, f"{value} is not one of {listed}"))
        step = schema.get("multipleOf")
        # within a float's rounding: 1.5 / 0.01 is 149.99999999999997
        if step and abs((q := value / step) - round(q)) > 1e-9 * max(1.0, abs(q)):
            problems.append((where, f"{value} is not a multiple of {step}"))
    elif isinstance(value, (list, dict)):
        low, high = (
            ("minItems", "maxItems")
            if isinstance(value, list)
            else ("minProperties", "maxProperties")
        )
        if low in schema and len(value) < schema[low]:
            problems.append((where, f"fewer than {schema[low]} items"))
        if high in schema and len(value) > schema[high]:
            problems.append((where, f"more than {schema[high]} items"))
        if schema.get("uniqueItems") and isinstance(value, list):
            texts = [json.dumps(v, sort_keys=True) for v in value]
            if len(set(texts)) != len(texts):
                problems.append((where, "the items are not unique"))


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


# -- synthesised answers ------------------------------------------------------------------


def _synthesised(op: _Operation) -> Any:
    """The success body without a stub: the description's example where it has one that its
    schema accepts (an example that does not is left out), else a synthesised value."""
    assert op.response is not None
    if op.example:
        example = json.loads(op.example)
        problems: list[tuple[str, str]] = []
        _check(op.response, example, "", problems)
        if not problems:
            return example
    return _sample(op.response, 0, ())


_M = TypeVar("_M", bound=Model)


def sample(model: type[_M]) -> _M:
    """A valid instance of ``model``, the one the fake synthesises in its answers (the same each
    run): its required properties always, optional ones a few models deep. For a test's
    arguments and stubs (``fake.GROUP.OPERATION.returns(sample(Model))``)."""
    return model.from_dict(_sample({"t": "model", "m": model.__name__}, 0, ()))


def _sample(schema: Schema, depth: int, stack: tuple[str, ...]) -> Any:
    """A valid JSON value of the schema, the same every time: required properties always,
    optional ones ``_OPTIONAL_DEPTH`` models deep where their samples are valid, no model
    inside itself."""
    kind = schema["t"]
    fmt = schema.get("f", "")
    if kind == "enum":
        return schema["enum"][0] if schema["enum"] else "fake"
    if kind == "literal":
        return schema["const"]
    if kind == "model":
        return _sample_model(schema["m"], depth, stack)
    if kind == "list":
        count = max(1, schema.get("minItems", 1))
        return [_sample(schema["items"], depth, stack) for _ in range(count)]
    if kind == "dict":
        return {"key": _sample(schema["values"], depth, stack)}
    if kind == "union":
        return _sample(schema["any_of"][0], depth, stack)
    if kind in ("int", "float"):
        return _sample_number(schema)
    if kind in _TEXT_KINDS:
        # a format may share a name with a kind (``format: int``): only a text sample counts
        text = _SAMPLES.get(fmt)
        if not isinstance(text, str) or not text:
            text = _SAMPLES.get(kind)
        return _sample_text(schema, text if isinstance(text, str) and text else "fake")
    return _SAMPLES.get(kind)


def _sample_model(name: str, depth: int, stack: tuple[str, ...]) -> Any:
    model = _MODELS.get(name)
    if model is None:
        return {}
    out: dict[str, Any] = {}
    for wire, _, schema, required, _ in model.properties:
        inner = (
            schema.get("m")
            or schema.get("items", {}).get("m")
            or schema.get("values", {}).get("m")
        )
        recursive = inner in stack or inner == name
        if not required and (depth >= _OPTIONAL_DEPTH or recursive):
            continue
        if recursive:
            # a required property that holds the model again: the smallest value that ends
            # the recursion (bbc.co.uk: a category's required list of child categories)
            if schema.get("n"):
                out[wire] = None
                continue
            if schema["t"] == "list" and schema.get("minItems", 0) == 0:
                out[wire] = []
                continue
            if schema["t"] == "dict" and schema.get("minProperties", 0) == 0:
                out[wire] = {}
                continue
        value = _sample(schema, depth + 1, (*stack, name))
        if not required:
            # an optional value no sample makes valid is left out, not sent invalid
            # (amazonaws.com/dataexchange: an account id's pattern ``.*/^[\d]{12}$/.*``)
            problems: list[tuple[str, str]] = []
            _check(schema, value, "", problems)
            if problems:
                continue
        out[wire] = value
    if model.tag is not None and model.tag[0] in out:
        out[model.tag[0]] = model.tag[1]  # the union's discriminator names this variant
    return out


def _sample_number(schema: Schema) -> Any:
    if schema.get("enum"):  # a number enum: its first value
        return schema["enum"][0]
    value: float = _SAMPLES[schema["t"]]
    low, low_open = _bound(schema, "minimum", "exclusiveMinimum", max)
    high, high_open = _bound(schema, "maximum", "exclusiveMaximum", min)

    def inside(v: float) -> bool:
        above = low is None or v > low or (v == low and not low_open)
        return above and (high is None or v < high or (v == high and not high_open))

    if low is not None and value <= low:
        value = low + 1
    if high is not None and value >= high:
        value = high - 1
    if not inside(value) and low is not None and high is not None:
        # no room a whole step inside: the middle, or the integer inside (a ratio in (0, 1])
        middle = (
            [math.floor(low) + 1, math.ceil(high) - 1]
            if schema["t"] == "int"
            else [(low + high) / 2]
        )
        value = next((v for v in [*middle, low, high] if inside(v)), value)
    step = schema.get("multipleOf")
    if isinstance(step, (int, float)) and not isinstance(step, bool) and step > 0:
        # the first multiple at or above (nytimes.com: an offset in steps of 20)
        value = math.ceil(value / step - 1e-9) * step
        if not inside(value):  # past an end: a multiple inside, near it
            if low is not None:
                first = math.ceil(low / step - 1e-9)
            else:
                first = math.floor(high / step + 1e-9) if high is not None else 0
            near = (m * step for m in range(first - 1, first + 3))
            value = next((v for v in near if inside(v)), value)
    return int(value) if schema["t"] == "int" else float(value)


def _bound(
    schema: Schema, keyword: str, exclusive: str, tighter: Callable[[Any, Any], Any]
) -> tuple[float | None, bool]:
    """A bound and whether it is open: 3.0's ``exclusiveMinimum: true`` beside ``minimum``, or
    3.1's number (the tighter of the two where both are numbers)."""
    closed, other = schema.get(keyword), schema.get(exclusive)
    number = (int, float)
    bound = (
        closed if isinstance(closed, number) and not isinstance(closed, bool) else None
    )
    if other is True and bound is not None:
        return bound, True
    if (
        isinstance(other, number)
        and not isinstance(other, bool)
        and (bound is None or tighter(other, bound) == other)
    ):
        return other, True
    return bound, False


def _sample_text(schema: Schema, value: str) -> str:
    pattern = schema.get("pattern")
    if pattern is not None and not _search(pattern, value):
        value = next((c for c in _PATTERN_CANDIDATES if _search(pattern, c)), value)
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if len(value) < low and schema["t"] == "datetime" and value.endswith("Z"):
        # longer as fraction digits, still a date-time (telstra.com: minLength 24)
        value = value[:-1] + "." + "0" * max(1, low - len(value) - 1) + "Z"
    if len(value) < low:
        value = value + "x" * (low - len(value))
    if high is not None and len(value) > high:
        value = value[:high]
    if pattern is not None and "sample" in schema and not _search(pattern, value):
        value = schema["sample"]  # made from the pattern by the generator
    return value


# -- python -m batch_client.testing ---------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Serve the fake until interrupted (for manual tests and other languages' clients),
    printing each violation as it comes."""
    import argparse
    import time

    parser = argparse.ArgumentParser(
        prog="python -m batch_client.testing",
        description="A fake of the service: checks requests, answers from the description.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    args = parser.parse_args(argv)
    fake = FakeService(strict=False, host=args.host, port=args.port).start()
    print(f"fake service at {fake.url}", flush=True)
    print(f"Shared Key: account {fake.account_name!r}, key {fake.key!r}", flush=True)
    seen = 0
    try:
        while True:
            time.sleep(0.2)
            violations = fake.violations
            for violation in violations[seen:]:
                print(f"violation: {violation}", flush=True)
            seen = len(violations)
    except KeyboardInterrupt:
        pass
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
