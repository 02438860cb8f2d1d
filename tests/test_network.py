"""The clients' network options, sync and async, over real sockets on 127.0.0.1: forward proxies
(environment and ``proxy=``, plain HTTP and ``CONNECT`` tunnels, credentials), bounded error
bodies, and one rule for header text."""

from __future__ import annotations

import asyncio
import base64
import logging
import socketserver
import subprocess
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import batch_client
import pytest
from batch_client import (
    BatchClient,
    BatchServiceError,
    RequestOptions,
    RetryPolicy,
    ServiceRequestError,
    ServiceRequestTimeoutError,
    SharedKeyCredential,
)
from fake_batch import ACCOUNT, KEY
from fault_server import Action, FaultServer
from forward_proxy import ForwardProxy, LoopbackServer, read_head
from tls_server import TlsServer

MODES = pytest.mark.parametrize("mode", ["sync", "async"])
pytestmark = pytest.mark.usefixtures("no_proxy_environment")
FAST = RetryPolicy(max_retries=2, backoff_factor=0.01, backoff_max=0.05)
OK_HEADERS = {"ETag": '"0x1"', "request-id": "r-1", "Last-Modified": "Tue, 24 Nov 2026 22:00:00 GMT", "DataServiceId": "x"}


@pytest.fixture
def server() -> Iterator[FaultServer]:
    s = FaultServer()
    yield s
    s.close()


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsServer]:
    s = TlsServer(tmp_path_factory.mktemp("tls"), headers=OK_HEADERS)
    yield s
    s.close()


def call(mode: str, endpoint: str, calls: int = 1, options: RequestOptions | None = None, **client_kwargs: Any) -> Any:
    """``calls`` reactivations through one sync or async client."""
    credential = SharedKeyCredential(ACCOUNT, KEY)
    if mode == "sync":
        with BatchClient(endpoint, credential, **client_kwargs) as client:
            return [client.tasks.reactivate("job1", "task1", request_options=options) for _ in range(calls)][-1]

    async def run() -> Any:
        async with batch_client.AsyncBatchClient(endpoint, credential, **client_kwargs) as client:
            return [await client.tasks.reactivate("job1", "task1", request_options=options) for _ in range(calls)][-1]

    return asyncio.run(run())


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


# --- proxies ----------------------------------------------------------------------------------


@MODES
def test_http_proxy_from_the_environment_sees_absolute_form_requests_with_credentials(
    mode: str, server: FaultServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy.require = basic("user", "p@ss:word")
    monkeypatch.setenv("HTTP_PROXY", proxy.url("user:p%40ss%3Aword"))
    call(mode, server.endpoint, calls=2)
    assert [s.method for s in proxy.seen] == ["POST", "POST"]
    assert all(s.target.startswith(server.endpoint + "/jobs/job1/tasks/task1/reactivate?") for s in proxy.seen)
    assert [s.authorization for s in proxy.seen] == [proxy.require] * 2
    assert len(server.seen) == 2 and "proxy-authorization" not in server.seen[0].headers


@MODES
def test_lower_case_variable_wins_and_is_read_once_per_client(mode: str, server: FaultServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("http_proxy", proxy.url())
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    credential = SharedKeyCredential(ACCOUNT, KEY)
    if mode == "sync":
        with BatchClient(server.endpoint, credential) as client:
            monkeypatch.delenv("http_proxy")  # the client decided when it was made
            client.tasks.reactivate("job1", "task1")
    else:

        async def run() -> None:
            async with batch_client.AsyncBatchClient(server.endpoint, credential) as client:
                monkeypatch.delenv("http_proxy")
                await client.tasks.reactivate("job1", "task1")

        asyncio.run(run())
    assert len(proxy.seen) == 1 and len(server.seen) == 1


@MODES
def test_no_proxy_and_empty_proxy_bypass_the_environment(mode: str, server: FaultServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url())
    call(mode, server.endpoint, proxy="")
    for no_proxy in ("127.0.0.1", "localhost,.example.com, 127.0.0.1", "*", f"127.0.0.1:{urlsplit(server.endpoint).port}"):
        monkeypatch.setenv("NO_PROXY", no_proxy)
        call(mode, server.endpoint)
    monkeypatch.setenv("NO_PROXY", "127.0.0.2,example.com")
    call(mode, server.endpoint)
    assert len(proxy.seen) == 1 and len(server.seen) == 6


@MODES
def test_proxy_option_overrides_the_environment(mode: str, server: FaultServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", "*")  # applies to the environment's proxy only
    call(mode, server.endpoint, proxy=proxy.url())
    assert len(proxy.seen) == 1 and len(server.seen) == 1


@MODES
def test_https_through_a_connect_tunnel(mode: str, tls: TlsServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch) -> None:
    proxy.require = basic("alice", "s3cret")
    monkeypatch.setenv("https_proxy", proxy.url("alice:s3cret"))
    before = len(tls.seen)
    headers = call(mode, tls.endpoint, calls=2, ssl_context=tls.client_context)
    assert headers.etag == '"0x1"'
    port = urlsplit(tls.endpoint).port
    assert [(s.method, s.target, s.authorization) for s in proxy.seen] == [("CONNECT", f"127.0.0.1:{port}", proxy.require)]
    requests = tls.seen[before:]
    assert len(requests) == 2 and requests[0][1].startswith("/jobs/job1/tasks/task1/reactivate?")
    assert all("proxy-authorization" not in headers for _, _, headers in requests)


@MODES
def test_wrong_proxy_credentials_are_a_typed_error(mode: str, tls: TlsServer, proxy: ForwardProxy) -> None:
    proxy.require = basic("alice", "right")
    with pytest.raises(ServiceRequestError) as caught:
        call(mode, tls.endpoint, proxy=proxy.url("alice:wrong"), ssl_context=tls.client_context, retry=FAST)
    assert "wrong" not in str(caught.value)


@MODES
def test_proxy_credentials_stay_out_of_repr_and_logs(
    mode: str, server: FaultServer, proxy: ForwardProxy, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="batch_client")
    url = proxy.url("bob:hunter2-secret")
    server.script = [Action(503)]
    call(mode, server.endpoint, proxy=url, retry=FAST)
    secrets = ["hunter2-secret", basic("bob", "hunter2-secret").split()[1]]
    with BatchClient(server.endpoint, SharedKeyCredential(ACCOUNT, KEY), proxy=url) as client:
        texts = [caplog.text, repr(client), repr(client._pipeline), repr(client._pipeline.proxy), str(vars(client))]
    assert proxy.seen[0].authorization == basic("bob", "hunter2-secret")
    assert "retry 1 of 2" in caplog.text
    for text in texts:
        for secret in secrets:
            assert secret not in text


def test_a_proxy_that_is_not_http_is_refused_without_its_credentials() -> None:
    for bad in ("socks5://u:pw-secret@127.0.0.1:1080", "https://u:pw-secret@127.0.0.1", "http://u:pw-secret@127.0.0.1:notaport"):
        with pytest.raises(ValueError, match="proxy must be an http:// URL") as caught:
            BatchClient("http://127.0.0.1:1", None, proxy=bad)
        assert "pw-secret" not in str(caught.value)


# --- bounded error bodies ---------------------------------------------------------------------

HUGE = 100 * 1024 * 1024


class HugeErrorServer(LoopbackServer):
    """Answers every request 500 with a 100 MB body, written lazily 64 KiB at a time; records how
    many body bytes each connection managed to write before the client went away."""

    def __init__(self) -> None:
        self.written: list[int] = []
        outer = self
        chunk = b"x" * 65536

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                while (head := read_head(self.rfile)) is not None:
                    self.rfile.read(int(head[2].get("content-length", "0")))
                    sent = 0
                    try:
                        self.wfile.write(f"HTTP/1.1 500 Internal Server Error\r\nContent-Length: {HUGE}\r\nrequest-id: big\r\n\r\n".encode())
                        while sent < HUGE:
                            self.wfile.write(chunk)
                            sent += len(chunk)
                    except OSError:
                        return
                    finally:
                        outer.written.append(sent)

        self.serve(Handler)


@MODES
def test_a_huge_error_body_is_cut_at_the_limit_on_every_attempt(mode: str) -> None:
    server = HugeErrorServer()
    tracemalloc.start()
    try:
        with pytest.raises(BatchServiceError) as caught:
            call(mode, server.endpoint, retry=FAST)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        server.close()
    error = caught.value
    assert error.status_code == 500 and error.body_truncated
    assert len(error.content) == batch_client._pipeline.ERROR_BODY_LIMIT == 1 << 20
    assert len(error.body) == 1 << 20 and error.request_id == "big"
    assert "body cut at 1048576 bytes" in str(error)
    assert peak < 16 * 1024 * 1024, f"peak Python allocation {peak / 1e6:.1f} MB"
    assert len(server.written) == 3  # the first attempt and two retries, each on a new connection
    assert all(n < HUGE // 4 for n in server.written), server.written  # the rest never read


@MODES
def test_a_small_error_body_is_whole_and_kept_once(mode: str, server: FaultServer) -> None:
    server.default = Action(404, {"request-id": "r-9"}, b'{"code": "TaskNotFound", "message": {"value": "gone \xc3\xa9"}}')
    with pytest.raises(BatchServiceError) as caught:
        call(mode, server.endpoint)
    error = caught.value
    assert not error.body_truncated and error.code == "TaskNotFound" and "cut" not in str(error)
    assert error.content.endswith(b'"gone \xc3\xa9"}}') and error.body.endswith('"gone é"}}')
    assert "_body" in vars(error) and "body" not in vars(error)  # one copy: the text is derived


# --- header text ------------------------------------------------------------------------------


@MODES
@pytest.mark.parametrize("value", ["caf\u00e9", "\u20ac1", "\U0001f600"])
def test_non_ascii_header_values_are_refused_the_same_way(mode: str, value: str, server: FaultServer) -> None:
    credential = SharedKeyCredential(ACCOUNT, KEY)

    async def run() -> None:
        async with batch_client.AsyncBatchClient(server.endpoint, credential) as client:
            await client.tasks.reactivate("job1", "task1", if_match=value)

    with pytest.raises(ValueError, match="header 'if-match' contains non-ASCII characters; refused before sending"):
        if mode == "sync":
            with BatchClient(server.endpoint, credential) as client:
                client.tasks.reactivate("job1", "task1", if_match=value)
        else:
            asyncio.run(run())
    assert server.seen == []


def test_received_non_ascii_header_values_decode_the_same_in_both(server: FaultServer) -> None:
    # The wire carries the UTF-8 bytes of "é" and the byte 0xE9: both clients read latin-1.
    server.default = Action(409, {"x-note": "caf\u00c3\u00a9 \u00e9", "request-id": "r-1"}, b"")
    seen = []
    for mode in ("sync", "async"):
        with pytest.raises(BatchServiceError) as caught:
            call(mode, server.endpoint)
        seen.append(caught.value.headers["x-note"])
    assert seen == ["caf\u00c3\u00a9 \u00e9"] * 2


# --- deadline ---------------------------------------------------------------------------------


@MODES
def test_deadline_bounds_retries_and_their_waits(mode: str, server: FaultServer) -> None:
    server.default = Action(503, {"Retry-After": "1"})
    started = time.monotonic()
    with pytest.raises(ServiceRequestTimeoutError, match="deadline of 0.5 s ran out"):
        call(mode, server.endpoint, deadline=0.5, retry=RetryPolicy(max_retries=5))
    assert time.monotonic() - started < 0.5 and len(server.seen) == 1  # the 1 s wait was not waited


@MODES
def test_deadline_cuts_a_slow_attempt_and_per_call_options_override(mode: str, server: FaultServer) -> None:
    server.script = [Action(204, OK_HEADERS, delay=2.0)]
    started = time.monotonic()
    with pytest.raises(ServiceRequestTimeoutError):
        call(mode, server.endpoint, deadline=60, options=RequestOptions(deadline=0.3))
    assert 0.25 < time.monotonic() - started < 1.5
    assert call(mode, server.endpoint, deadline=5).etag == '"0x1"'


def test_deadline_must_be_positive() -> None:
    with pytest.raises(ValueError, match="deadline"):
        RequestOptions(deadline=0)
    with pytest.raises(ValueError, match="deadline"):
        BatchClient("http://127.0.0.1:1", None, deadline=-1)


@pytest.mark.parametrize(
    ("no_proxy", "host", "bypassed"),
    [
        ("", "api.example.com", False),
        ("*", "api.example.com", True),
        ("example.com", "api.example.com", True),
        (".example.com", "api.example.com", True),
        (".example.com", "example.com", True),
        ("ample.com", "api.example.com", False),
        ("EXAMPLE.com:443", "api.example.com", True),
        ("example.com:8443", "api.example.com", False),
        (" other.org , api.example.com ", "API.example.com", True),
    ],
)
def test_no_proxy_matching(no_proxy: str, host: str, bypassed: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy:3128")
    monkeypatch.setenv("no_proxy", no_proxy)
    found = batch_client._pipeline.proxy_from_environment(True, host, 443)
    assert found == ("" if bypassed else "http://proxy:3128")


def test_under_cgi_only_the_lower_case_http_proxy_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REQUEST_METHOD", "GET")
    monkeypatch.setenv("HTTP_PROXY", "http://from-a-request-header:1")
    assert batch_client._pipeline.proxy_from_environment(False, "h", 80) == ""
    monkeypatch.setenv("http_proxy", "http://proxy:3128")
    assert batch_client._pipeline.proxy_from_environment(False, "h", 80) == "http://proxy:3128"


def test_the_sync_client_imports_no_event_loop() -> None:
    """``import batch_client`` and a call's machinery load neither asyncio nor aiohttp: they were
    a third of the package's import time (the async download's ``save`` imports asyncio itself)."""
    import sys

    root = Path(batch_client.__file__).resolve().parent.parent
    code = (
        "import sys, batch_client;"
        "batch_client.BatchClient('http://127.0.0.1:1', batch_client.SharedKeyCredential('a', 'AAAA'));"
        "print(sorted(m for m in ('asyncio', 'aiohttp') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr
