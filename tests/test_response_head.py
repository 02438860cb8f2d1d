"""How the clients read a response's head (status line and header fields), over real sockets.

The sync client reads the head itself (``_http.py``, not ``http.client``'s ``email`` parser);
the async client reads it with aiohttp. Both must read every shape below the same way.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from typing import Any

import batch_client
import pytest
from batch_client import (
    BatchClient,
    BatchServiceError,
    RetryPolicy,
    ServiceResponseError,
    SharedKeyCredential,
)
from batch_client._http import HTTPConnection
from fake_batch import ACCOUNT, KEY
from fault_server import Action, FaultServer

MODES = pytest.mark.parametrize("mode", ["sync", "async"])
ONCE = RetryPolicy(max_retries=0)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    s = FaultServer()
    yield s
    s.close()


def reactivate(mode: str, endpoint: str) -> Any:
    credential = SharedKeyCredential(ACCOUNT, KEY)
    if mode == "sync":
        with BatchClient(endpoint, credential, retry=ONCE) as client:
            return client.tasks.reactivate("job1", "task1")

    async def run() -> Any:
        async with batch_client.AsyncBatchClient(endpoint, credential, retry=ONCE) as client:
            return await client.tasks.reactivate("job1", "task1")

    return asyncio.run(run())


HEADS = {
    # name: (raw response, the response headers both clients must give)
    "plain": (b"HTTP/1.1 204 No Content\r\nETag: a\r\nrequest-id: r\r\nContent-Length: 0\r\n\r\n", {"etag": "a", "request-id": "r", "content-length": "0"}),
    "repeated name: the last wins": (b"HTTP/1.1 204 No Content\r\nETag: a\r\netag: b\r\nContent-Length: 0\r\n\r\n", {"etag": "b", "content-length": "0"}),
    "obs-fold: joined without its line break": (b"HTTP/1.1 204 No Content\r\nETag: a\r\n  b\r\nContent-Length: 0\r\n\r\n", {"etag": "a  b", "content-length": "0"}),
    "whitespace around values": (b"HTTP/1.1 204 No Content\r\nETag:   a  \t\r\nrequest-id:r\r\nContent-Length: 0\r\n\r\n", {"etag": "a", "request-id": "r", "content-length": "0"}),
    "latin-1 value": (b"HTTP/1.1 204 No Content\r\nETag: \xe9t\xe9\r\nContent-Length: 0\r\n\r\n", {"etag": "\xe9t\xe9", "content-length": "0"}),
    "interim 100 Continue skipped": (b"HTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\nHTTP/1.1 204 No Content\r\nETag: a\r\nContent-Length: 0\r\n\r\n", {"etag": "a", "content-length": "0"}),
    "bare LF line ends": (b"HTTP/1.1 204 No Content\nETag: a\nContent-Length: 0\n\n", {"etag": "a", "content-length": "0"}),
    "no reason phrase": (b"HTTP/1.1 204\r\nETag: a\r\nContent-Length: 0\r\n\r\n", {"etag": "a", "content-length": "0"}),
    "HTTP/1.0, no length, closed": (b"HTTP/1.0 204 No Content\r\nETag: a\r\n\r\n", {"etag": "a"}),
}


@MODES
@pytest.mark.parametrize("shape", list(HEADS))
def test_header_fields_read_alike(mode: str, shape: str, server: FaultServer) -> None:
    raw, expected = HEADS[shape]
    server.default = Action(raw=raw)
    result = reactivate(mode, server.endpoint)
    assert dict(result.raw) == expected


MALFORMED = {
    "no colon": b"HTTP/1.1 204 No Content\r\nETag a\r\nrequest-id: r\r\nContent-Length: 0\r\n\r\n",
    "space before the colon": b"HTTP/1.1 204 No Content\r\nETag : a\r\nContent-Length: 0\r\n\r\n",
    "empty name": b"HTTP/1.1 204 No Content\r\n: a\r\nContent-Length: 0\r\n\r\n",
    "a fold with nothing to continue": b"HTTP/1.1 204 No Content\r\n  a\r\nContent-Length: 0\r\n\r\n",
    "a lone CR": b"HTTP/1.1 204 No Content\r\n\r\r\nContent-Length: 0\r\n\r\n",
    "status line without a status": b"HTTP/1.1\r\n\r\n",
    "status out of range": b"HTTP/1.1 99 Low\r\nContent-Length: 0\r\n\r\n",
    "not HTTP": b"ICY 200 OK\r\nContent-Length: 0\r\n\r\n",
}


@MODES
@pytest.mark.parametrize("shape", list(MALFORMED))
def test_malformed_heads_are_a_typed_error(mode: str, shape: str, server: FaultServer) -> None:
    server.default = Action(raw=MALFORMED[shape])
    with pytest.raises(ServiceResponseError):
        reactivate(mode, server.endpoint)


def test_sync_refuses_more_fields_and_longer_lines_than_http_client(server: FaultServer) -> None:
    """The sync client keeps http.client's limits: 100 fields, lines of 64 KiB."""
    many = b"".join(b"X-%d: 1\r\n" % i for i in range(101))
    server.default = Action(raw=b"HTTP/1.1 204 No Content\r\n" + many + b"Content-Length: 0\r\n\r\n")
    with pytest.raises(ServiceResponseError, match="bad response"):
        reactivate("sync", server.endpoint)
    server.default = Action(raw=b"HTTP/1.1 204 No Content\r\nX-Long: " + b"a" * 70000 + b"\r\n\r\n")
    with pytest.raises(ServiceResponseError, match="bad response"):
        reactivate("sync", server.endpoint)


@MODES
@pytest.mark.parametrize("framing", ["chunked", "length"])
def test_error_bodies_are_framed_by_the_head(mode: str, framing: str, server: FaultServer) -> None:
    body = b'{"code": "TaskNotFound", "message": {"lang": "en-US", "value": "no such task"}}'
    if framing == "chunked":
        # the first Transfer-Encoding decides, as http.client decides
        head = b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
        payload = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    else:
        head = b"HTTP/1.1 404 Not Found\r\nContent-Length: %d\r\nContent-Type: application/json\r\n\r\n" % len(body)
        payload = body
    server.default = Action(raw=head + payload)
    with pytest.raises(BatchServiceError) as caught:
        reactivate(mode, server.endpoint)
    assert caught.value.status_code == 404
    assert caught.value.error is not None and caught.value.error.code == "TaskNotFound"


def test_header_block_refuses_line_breaks_as_the_last_guard() -> None:
    """Every value is checked where it is made; ``put_fields`` still refuses CR, LF or NUL
    inside a line, so no bug upstream can turn a value into a second header."""
    listener = socket.create_server(("127.0.0.1", 0))
    try:
        conn = HTTPConnection("127.0.0.1", listener.getsockname()[1], timeout=5)
        conn.putrequest("GET", "/", skip_host=True, skip_accept_encoding=True)
        for lines in (["host: x", "a: b\r\nc: d"], ["host: x\n", "a: b"], ["host: x", "a: \rb"], ["host: x", "a: b\0"]):
            with pytest.raises(ValueError, match="CR, LF or NUL"):
                conn.put_fields(lines)
        conn.put_fields(["host: x", "a: b"])  # well-formed lines pass
        conn.close()
    finally:
        listener.close()
