"""Security as data: every kind of scheme, each operation's requirement, checked on the wire
(sync and async) against a real HTTP server that also serves the OAuth2 token endpoint."""

from __future__ import annotations

import asyncio
import base64
import importlib
import json
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.options import Options
from generator.pipeline import build_ir, generate_files
from generator.write import write_tree

SPEC = Path(__file__).resolve().parent / "specs" / "public" / "security-3.0.yaml"
NAME = "secpkg"
MODES = pytest.mark.parametrize("mode", ["sync", "async"])

HEADER_KEY, QUERY_KEY, COOKIE_KEY = "hdr-key-1", "qry-key-2", "cky-key-3"
STATIC_TOKEN, USER, PASSWORD = "static-token-4", "ann", "pa ss:5"
CLIENT_ID, CLIENT_SECRET, ISSUED = "client-6", "s3cret/+7", "issued-token-8"
SECRETS = [HEADER_KEY, QUERY_KEY, COOKIE_KEY, STATIC_TOKEN, PASSWORD, CLIENT_SECRET, ISSUED]
BASIC = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
AUTH_HEADERS = ("authorization", "x-api-key", "cookie")


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    @property
    def auth(self) -> dict[str, str]:
        """What the request carried that a credential could have put there."""
        out = {k: v for k, v in self.headers.items() if k in AUTH_HEADERS}
        out.update({f"?{k}": ",".join(v) for k, v in self.query.items() if k == "api_key"})
        return out


@dataclass
class Server:
    """Answers 204 to every API call; ``/oauth/token`` issues tokens of ``lifetime`` seconds."""

    seen: list[Seen] = field(default_factory=list)
    tokens: list[Seen] = field(default_factory=list)
    lifetime: int = 3600
    token_status: int = 200  # a failing token endpoint answers {"error": "invalid_client"}
    status: int = 204
    redirect: str = ""  # when set, the next API call is answered 307 with this Location
    httpd: ThreadingHTTPServer | None = None

    @property
    def endpoint(self) -> str:
        assert self.httpd is not None
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/api"

    def start(self) -> Server:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                seen = Seen(self.command, parts.path, parse_qs(parts.query), {k.lower(): v for k, v in self.headers.items()}, body)
                if parts.path == "/oauth/token":
                    owner.tokens.append(seen)
                    data = json.dumps({"access_token": f"{ISSUED}-{len(owner.tokens)}", "token_type": "Bearer", "expires_in": owner.lifetime}).encode()
                    if owner.token_status != 200:
                        data = json.dumps({"error": "invalid_client", "error_description": f"bad {CLIENT_SECRET}"}).encode()
                    self.send_response(owner.token_status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                owner.seen.append(seen)
                location, owner.redirect = owner.redirect, ""
                self.send_response(307 if location else owner.status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = _handle

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        assert self.httpd is not None
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("security")
    result = generate_files(SPEC, Options(NAME))
    assert result.files is not None and result.problems == [], [p.format() for p in result.problems]
    write_tree(out / NAME, result.files)
    sys.path.insert(0, str(out / NAME))
    yield out / NAME
    sys.path.remove(str(out / NAME))


@pytest.fixture(scope="module")
def pkg(root: Path) -> ModuleType:
    return importlib.import_module(NAME)


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server().start()
    yield s
    s.stop()


def every_credential(pkg: ModuleType) -> list[Any]:
    return [
        pkg.ApiKeyCredential(HEADER_KEY, scheme="key_header"),
        pkg.ApiKeyCredential(QUERY_KEY, scheme="key_query"),
        pkg.ApiKeyCredential(COOKIE_KEY, scheme="key_cookie"),
        pkg.BearerTokenCredential(STATIC_TOKEN),  # bearer and oidc (oauth prefers ClientCredentials)
        pkg.BasicAuthCredential(USER, PASSWORD),
        pkg.ClientCredentials(CLIENT_ID, CLIENT_SECRET),
    ]


def run(pkg: ModuleType, mode: str, endpoint: str, credential: Any, calls: list[str], **kwargs: Any) -> list[BaseException | None]:
    """Call ``client.auths.<name>`` for each name, in order; the exception of each call or None."""
    outcomes: list[BaseException | None] = []
    if mode == "sync":
        with pkg.SecureClient(endpoint, credential, **kwargs) as client:
            for name in calls:
                try:
                    getattr(client.auths, name)()
                    outcomes.append(None)
                except Exception as exc:  # noqa: BLE001 - returned to the test
                    outcomes.append(exc)
        return outcomes

    async def go() -> None:
        async with pkg.AsyncSecureClient(endpoint, credential, **kwargs) as client:
            for name in calls:
                try:
                    await getattr(client.auths, name)()
                    outcomes.append(None)
                except Exception as exc:  # noqa: BLE001
                    outcomes.append(exc)

    asyncio.run(go())
    return outcomes


@MODES
def test_each_operation_sends_exactly_what_its_requirement_needs(mode: str, pkg: ModuleType, server: Server) -> None:
    calls = ["via_header", "via_query", "via_cookie", "via_bearer", "via_basic", "via_oauth", "write_oauth", "via_oidc", "open", "either", "both", "optional"]
    assert run(pkg, mode, server.endpoint, every_credential(pkg), calls) == [None] * len(calls)
    got = {(s.method, s.path): s.auth for s in server.seen}
    issued = f"Bearer {ISSUED}-1"
    assert got == {
        ("GET", "/api/header"): {"x-api-key": HEADER_KEY},  # the top-level requirement
        ("GET", "/api/query"): {"?api_key": QUERY_KEY},
        ("GET", "/api/cookie"): {"cookie": f"session={COOKIE_KEY}"},
        ("GET", "/api/bearer"): {"authorization": f"Bearer {STATIC_TOKEN}"},
        ("GET", "/api/basic"): {"authorization": BASIC},
        ("GET", "/api/oauth"): {"authorization": issued},
        ("POST", "/api/oauth"): {"authorization": issued},  # one token, cached
        ("GET", "/api/oidc"): {"authorization": f"Bearer {STATIC_TOKEN}"},
        ("GET", "/api/public"): {},  # security: []
        ("GET", "/api/either"): {"authorization": BASIC},  # the first alternative the client can satisfy
        ("GET", "/api/both"): {"x-api-key": HEADER_KEY, "authorization": BASIC},  # two schemes at once
        ("GET", "/api/optional"): {"?api_key": QUERY_KEY},
    }
    assert len(server.tokens) == 1
    token = server.tokens[0]
    assert token.method == "POST" and token.path == "/oauth/token"  # tokenUrl "/oauth/token", relative to the endpoint
    assert token.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qs(token.body.decode()) == {"grant_type": ["client_credentials"], "scope": ["read write"]}
    user, _, secret = base64.b64decode(token.headers["authorization"].split()[1]).decode().partition(":")
    assert (user, secret) == (CLIENT_ID, "s3cret%2F%2B7")  # form-encoded, then Basic (RFC 6749 2.3.1)


@MODES
def test_alternatives_fall_back_and_anonymous_is_last(mode: str, pkg: ModuleType, server: Server) -> None:
    outcomes = run(pkg, mode, server.endpoint, pkg.BearerTokenCredential(STATIC_TOKEN), ["either", "optional", "open", "via_oidc"])
    assert outcomes == [None] * 4
    assert [s.auth for s in server.seen] == [{"authorization": f"Bearer {STATIC_TOKEN}"}, {}, {}, {"authorization": f"Bearer {STATIC_TOKEN}"}]


@MODES
def test_missing_credential_is_a_clear_error_before_anything_is_sent(mode: str, pkg: ModuleType, server: Server) -> None:
    creds = [pkg.ApiKeyCredential(HEADER_KEY, scheme="key_header")]
    outcomes = run(pkg, mode, server.endpoint, creds, ["via_basic", "both", "either", "via_oauth", "via_header"])
    assert outcomes[-1] is None and len(server.seen) == 1  # only via_header went out
    assert server.tokens == []
    for exc in outcomes[:-1]:
        assert isinstance(exc, pkg.MissingCredentialError) and isinstance(exc, ValueError)
    assert str(outcomes[0]) == (
        "GET /basic needs a credential for 'basic' (BasicAuthCredential); "
        "the client has credentials for: 'key_header'"
    )
    assert "'key_header' (ApiKeyCredential) and 'basic' (BasicAuthCredential)" in str(outcomes[1])
    assert "'basic' (BasicAuthCredential) or 'bearer' (BearerTokenCredential or TokenCredential)" in str(outcomes[2])
    assert "'oauth' (ClientCredentials or BearerTokenCredential or TokenCredential)" in str(outcomes[3])
    none = run(pkg, mode, server.endpoint, None, ["via_header"])[0]
    assert isinstance(none, pkg.MissingCredentialError) and "has credentials for: none" in str(none)
    assert len(server.seen) == 1


@MODES
def test_client_credentials_tokens_are_cached_then_fetched_again_after_expiry(mode: str, pkg: ModuleType, server: Server) -> None:
    creds = pkg.ClientCredentials(CLIENT_ID, CLIENT_SECRET, scopes=["read"])
    assert run(pkg, mode, server.endpoint, creds, ["via_oauth"] * 5) == [None] * 5
    assert len(server.tokens) == 1 and parse_qs(server.tokens[0].body.decode())["scope"] == ["read"]
    server.lifetime = 60  # short-lived: reused for three quarters of its life, not fetched per call
    server.seen.clear()
    assert run(pkg, mode, server.endpoint, creds, ["via_oauth"] * 3) == [None] * 3
    assert len(server.tokens) == 2
    assert [s.auth["authorization"] for s in server.seen] == [f"Bearer {ISSUED}-2"] * 3
    server.lifetime = 0  # expired as it arrives: the only case fetched for every call
    server.seen.clear()
    assert run(pkg, mode, server.endpoint, creds, ["via_oauth"] * 2) == [None] * 2
    assert len(server.tokens) == 4


def test_async_client_fetches_one_token_for_concurrent_calls(pkg: ModuleType, server: Server) -> None:
    async def go() -> None:
        async with pkg.AsyncSecureClient(server.endpoint, pkg.ClientCredentials(CLIENT_ID, CLIENT_SECRET)) as client:
            await asyncio.gather(*(client.auths.via_oauth() for _ in range(6)))

    asyncio.run(go())
    assert len(server.tokens) == 1 and len(server.seen) == 6


def test_get_token_credentials_are_asked_for_the_schemes_scopes(pkg: ModuleType, server: Server) -> None:
    import time

    class Tokens:
        def __init__(self) -> None:
            self.calls: list[tuple[str, ...]] = []

        def get_token(self, *scopes: str, **kwargs: Any) -> Any:
            self.calls.append(scopes)
            return pkg.AccessToken("from-get-token", int(time.time()) + 3600)

    tokens = Tokens()
    assert run(pkg, "sync", server.endpoint, tokens, ["via_oauth", "write_oauth", "via_bearer", "via_oauth"]) == [None] * 4
    assert [s.auth for s in server.seen] == [{"authorization": "Bearer from-get-token"}] * 4
    assert sorted(tokens.calls) == [(), ("read", "write")]  # one token per scheme: bearer, oauth


def test_credentials_are_bound_to_schemes_once_with_clear_errors(pkg: ModuleType) -> None:
    endpoint = "http://127.0.0.1:1"
    with pytest.raises(ValueError, match="no such security scheme"):
        pkg.SecureClient(endpoint, pkg.ApiKeyCredential("k", scheme="nope"))
    with pytest.raises(TypeError, match="'basic' takes BasicAuthCredential, not ApiKeyCredential"):
        pkg.SecureClient(endpoint, pkg.ApiKeyCredential("k", scheme="basic"))
    with pytest.raises(ValueError, match="2 ApiKeyCredentials fit security scheme 'key_header'"):
        pkg.SecureClient(endpoint, [pkg.ApiKeyCredential("a"), pkg.ApiKeyCredential("b")])
    with pytest.raises(ValueError, match="two credentials for security scheme 'basic'"):
        pkg.SecureClient(endpoint, [pkg.BasicAuthCredential("a", "b", scheme="basic"), pkg.BasicAuthCredential("c", "d", scheme="basic")])
    with pytest.raises(TypeError, match="credential must be"):
        pkg.SecureClient(endpoint, object())
    with pytest.raises(ValueError, match="line break"):
        pkg.ApiKeyCredential("a\r\nX-Evil: 1")
    with pytest.raises(ValueError, match="must not contain ':'"):
        pkg.BasicAuthCredential("a:b", "c")
    # one unnamed API key serves every apiKey scheme; a named one takes its scheme from it
    client = pkg.SecureClient(endpoint, [pkg.ApiKeyCredential("all"), pkg.ApiKeyCredential("q", scheme="key_query")])
    bound = client._pipeline.credentials
    assert bound["key_header"] is bound["key_cookie"] and bound["key_query"] is not bound["key_header"]


@MODES
def test_secrets_never_in_repr_str_errors_or_logs(mode: str, pkg: ModuleType, server: Server, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger=NAME)
    creds = every_credential(pkg)
    calls = ["via_header", "via_query", "via_cookie", "via_bearer", "via_basic", "via_oauth", "both"]
    assert run(pkg, mode, server.endpoint, creds, calls) == [None] * len(calls)
    server.status = 401
    failed = run(pkg, mode, server.endpoint, creds, ["via_query", "via_basic"])
    missing = run(pkg, mode, server.endpoint, creds[:1], ["via_basic"])
    client = pkg.SecureClient(server.endpoint, creds)
    texts = [caplog.text, repr(client), str(client), repr(client._pipeline), repr(client._pipeline._tokens)]
    texts += [repr(c) for c in creds] + [str(c) for c in creds]
    texts += [repr(e) for e in failed + missing] + [str(e) for e in failed + missing]
    secrets = SECRETS + [BASIC.split()[1], f"{ISSUED}-1", base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()]
    for text in texts:
        for secret in secrets:
            assert secret not in text, (secret, text[:300])
    assert "GET /api/query?api_key=<redacted>" in caplog.text
    assert "'x-api-key': '<redacted>'" in caplog.text and "'cookie': '<redacted>'" in caplog.text
    assert "'authorization': '<redacted>'" in caplog.text
    for credential in creds:
        with pytest.raises(TypeError):
            __import__("pickle").dumps(credential)


def test_ir_reads_every_kind_and_swagger_2_definitions(tmp_path: Path) -> None:
    built = build_ir(SPEC, Options("x"))
    assert built.api is not None
    kinds = {s.key: s.kind for s in built.api.security}
    assert kinds == {
        "key_header": "apiKey-header", "key_query": "apiKey-query", "key_cookie": "apiKey-cookie", "bearer": "http-bearer",
        "basic": "http-basic", "oauth": "oauth2-client-credentials", "oidc": "openIdConnect",
    }
    ops = {op.python_name: op for op in built.api.operations}
    assert [[s.key for s in alt] for alt in ops["both"].security] == [["key_header", "basic"]]
    assert [[s.key for s in alt] for alt in ops["optional"].security] == [["key_query"], []]
    assert ops["open"].security == () and ops["open"].auth_name == ""
    assert ops["via_header"].auth_name == "_AUTH_KEY_HEADER" and ops["either"].auth_name == "_AUTH_BASIC_OR_BEARER"
    swagger = tmp_path / "s.json"
    swagger.write_text(json.dumps({
        "swagger": "2.0", "info": {"title": "S", "version": "1"}, "security": [{"b": []}],
        "paths": {"/x": {"get": {"responses": {"204": {"description": "ok"}}}},
                  "/y": {"get": {"security": [{"app": ["s1"]}, {"nope": []}], "responses": {"204": {"description": "ok"}}}}},
        "securityDefinitions": {
            "b": {"type": "basic"},
            "app": {"type": "oauth2", "flow": "application", "tokenUrl": "https://auth.example/token", "scopes": {"s1": "one"}},
            "digest": {"type": "http", "scheme": "digest"},
        },
    }))
    built = build_ir(swagger, Options("x"))
    assert built.api is not None
    schemes = {s.key: s for s in built.api.security}
    assert schemes["b"].kind == "http-basic" and schemes["app"].kind == "oauth2-client-credentials"
    assert schemes["app"].token_url == "https://auth.example/token" and schemes["app"].required_scopes == ("s1",)
    assert {op.path: [[s.key for s in alt] for alt in op.security] for op in built.api.operations} == {"/x": [["b"]], "/y": [["app"]]}
    messages = [p.message for p in built.problems]
    assert any("undeclared scheme 'nope'" in m for m in messages)
    assert any("security scheme 'digest'" in m and "not supported" in m for m in messages)


def test_docs_show_per_operation_which_credentials_it_accepts(root: Path) -> None:
    docs = root / "docs"
    both = (docs / "auths.both.md").read_text()
    assert "1. `key_header` (API key in a header `X-API-Key`): `ApiKeyCredential` **and** `basic` (HTTP Basic authentication): `BasicAuthCredential`" in both
    either = (docs / "auths.either.md").read_text()
    assert "any one of these" in either and "2. `bearer` (HTTP bearer token): `BearerTokenCredential` or `TokenCredential`" in either
    assert "needs no credential" in (docs / "auths.open.md").read_text()
    oauth = (docs / "auths.via_oauth.md").read_text()
    assert "`ClientCredentials` or `BearerTokenCredential` or `TokenCredential`" in oauth and "scopes `read write`" in oauth
    assert "3. no credential" not in (docs / "auths.optional.md").read_text() and "2. no credential (anonymous access)" in (docs / "auths.optional.md").read_text()
    readme = (root / "README.md").read_text()
    assert "### Authentication" in readme and "MissingCredentialError" in readme
    assert 'credential = ApiKeyCredential("<api key>", scheme="key_header")' in readme


@pytest.mark.slow
def test_generated_package_and_a_typed_caller_pass_mypy_strict(root: Path) -> None:
    (root / "caller.py").write_text(
        "from secpkg import (\n"
        "    ApiKeyCredential, AsyncSecureClient, BasicAuthCredential, BearerTokenCredential,\n"
        "    ClientCredentials, MissingCredentialError, SecureClient,\n"
        ")\n\n\n"
        "def main() -> None:\n"
        '    one = SecureClient("https://x.example", ApiKeyCredential("k", scheme="key_header"))\n'
        "    many = SecureClient(\n"
        '        "https://x.example",\n'
        '        [BasicAuthCredential("u", "p"), BearerTokenCredential("t"), ClientCredentials("i", "s", scopes=("read",))],\n'
        "    )\n"
        '    AsyncSecureClient("https://x.example", (BearerTokenCredential("t"),))\n'
        "    try:\n"
        "        one.auths.via_header()\n"
        "    except MissingCredentialError as exc:\n"
        "        print(exc)\n"
        "    many.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", NAME, "caller.py"],
        cwd=root, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]


@MODES
@pytest.mark.parametrize(("call", "location", "expected"), [
    ("via_query", f"/api/moved?api_key={QUERY_KEY}&x=1", {"?api_key": QUERY_KEY}),  # echoed: sent once
    ("via_query", "moved?x=1", {"?api_key": QUERY_KEY}),
    ("via_header", "/api/moved", {"x-api-key": HEADER_KEY}),
    ("via_oauth", "/api/moved", {"authorization": f"Bearer {ISSUED}-1"}),
])
def test_a_same_host_redirect_carries_the_requirement_once(mode: str, call: str, location: str, expected: dict[str, str], pkg: ModuleType, server: Server) -> None:
    server.redirect = location
    assert run(pkg, mode, server.endpoint, every_credential(pkg), [call]) == [None]
    first, second = server.seen
    assert second.path == "/api/moved" and first.auth == second.auth == expected
    assert second.query.get("api_key", [QUERY_KEY]) == [QUERY_KEY]


@MODES
def test_a_redirect_to_another_host_takes_no_credential_there(mode: str, pkg: ModuleType, server: Server) -> None:
    other = Server().start()
    try:
        server.redirect = other.endpoint + "/header"
        (outcome,) = run(pkg, mode, server.endpoint, every_credential(pkg), ["via_header"])
        assert isinstance(outcome, pkg.ServiceResponseError) and "another host" in str(outcome)
        assert other.seen == [] and len(server.seen) == 1
    finally:
        other.stop()


@MODES
def test_a_failing_token_endpoint_is_a_credential_error_with_its_cause(mode: str, pkg: ModuleType, server: Server) -> None:
    server.token_status = 401
    (outcome,) = run(pkg, mode, server.endpoint, pkg.ClientCredentials(CLIENT_ID, CLIENT_SECRET), ["via_oauth"])
    assert isinstance(outcome, pkg.CredentialError) and isinstance(outcome.__cause__, pkg.ServiceResponseError)
    assert "status 401 (invalid_client)" in str(outcome.__cause__)
    assert CLIENT_SECRET not in str(outcome) + str(outcome.__cause__)
    assert server.seen == []  # the API call itself was never sent


@MODES
def test_raw_responses_and_extras_on_a_non_azure_client(mode: str, pkg: ModuleType, server: Server) -> None:
    extras = {"extra_headers": {"X-Trace": "t-9"}, "extra_query": {"page": "2"}}
    credentials = every_credential(pkg)
    if mode == "sync":
        with pkg.SecureClient(server.endpoint, credentials) as client:
            raw = client.with_raw_response.auths.via_query(**extras)
    else:
        async def go() -> Any:
            async with pkg.AsyncSecureClient(server.endpoint, credentials) as client:
                return await client.with_raw_response.auths.via_query(**extras)

        raw = asyncio.run(go())
    assert raw.status_code == 204 and raw.parse() is None and raw.headers["content-length"] == "0"
    (seen,) = server.seen
    assert seen.query == {"page": ["2"], "api_key": [QUERY_KEY]} and seen.headers["x-trace"] == "t-9"
    assert QUERY_KEY not in repr(raw)


@MODES
@pytest.mark.parametrize("how", ["option", "environment", "none"])
def test_the_token_request_takes_the_clients_proxy_decision(mode: str, how: str, pkg: ModuleType, server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    import base64 as b64

    from forward_proxy import ForwardProxy

    for name in ("http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "REQUEST_METHOD"):
        monkeypatch.delenv(name, raising=False)
    proxy = ForwardProxy(require="Basic " + b64.b64encode(b"pu:pw").decode())
    try:
        kwargs: dict[str, Any] = {}
        if how == "option":
            kwargs["proxy"] = proxy.url("pu:pw")
        else:
            monkeypatch.setenv("HTTP_PROXY", proxy.url("pu:pw"))
            if how == "none":
                kwargs["proxy"] = ""  # off, whatever the environment says
        creds = pkg.ClientCredentials(CLIENT_ID, CLIENT_SECRET)
        assert run(pkg, mode, server.endpoint, creds, ["via_oauth"], **kwargs) == [None]
    finally:
        proxy.close()
    assert len(server.tokens) == 1 and len(server.seen) == 1
    through = [(s.method, urlsplit(s.target).path) for s in proxy.seen]
    if how == "none":
        assert through == []
    else:
        assert through == [("POST", "/oauth/token"), ("GET", "/api/oauth")]  # absolute-form, with its credentials
        assert all(s.target.startswith("http://127.0.0.1:") for s in proxy.seen)
