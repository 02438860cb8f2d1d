"""Retries, timeouts, faults and secrets, for the sync and the async client, over real sockets."""

from __future__ import annotations

import asyncio
import base64
import logging
import time
from collections.abc import Callable, Iterator
from email.utils import formatdate
from typing import Any

import pytest
from fake_batch import ACCOUNT, KEY, TOKEN, FakeBatch
from fault_server import Action, FaultServer

import batch_client
from batch_client import (
    AccessToken,
    BatchClient,
    BatchServiceError,
    RequestOptions,
    RetryPolicy,
    ServiceRequestError,
    ServiceRequestTimeoutError,
    ServiceResponseError,
    SharedKeyCredential,
)

FAST = RetryPolicy(max_retries=3, backoff_factor=0.01, backoff_max=2.0)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    s = FaultServer()
    yield s
    s.close()


def call(mode: str, endpoint: str, credential: Any = None, *, options: RequestOptions | None = None, **client_kwargs: Any) -> Any:
    """One ``tasks.reactivate`` through the sync or the async client."""
    credential = credential or SharedKeyCredential(ACCOUNT, KEY)
    if mode == "sync":
        with BatchClient(endpoint, credential, **client_kwargs) as client:
            return client.tasks.reactivate("job1", "task1", request_options=options)

    async def run() -> Any:
        async with batch_client.AsyncBatchClient(endpoint, credential, **client_kwargs) as client:
            return await client.tasks.reactivate("job1", "task1", request_options=options)

    return asyncio.run(run())


MODES = pytest.mark.parametrize("mode", ["sync", "async"])


@MODES
def test_retries_then_succeeds_with_same_request_id_fresh_date_and_new_signature(mode: str, server: FaultServer) -> None:
    server.script = [Action(503, {"Retry-After": "1"}), Action(500)]
    result = call(mode, server.endpoint, retry=FAST)
    assert result.etag == '"0x1"'
    assert len(server.seen) == 3
    ids = {s.headers["client-request-id"] for s in server.seen}
    assert len(ids) == 1
    assert server.seen[1].headers["ocp-date"] != server.seen[0].headers["ocp-date"]  # 1 s apart
    assert server.seen[1].headers["authorization"] != server.seen[0].headers["authorization"]


@MODES
def test_retry_after_seconds_and_http_date_are_honoured(mode: str, server: FaultServer) -> None:
    server.script = [Action(429, {"Retry-After": "1"}), Action(503, {"Retry-After": formatdate(time.time() + 3.5, usegmt=True)})]
    call(mode, server.endpoint, retry=FAST)
    first_wait = server.seen[1].at - server.seen[0].at
    second_wait = server.seen[2].at - server.seen[1].at
    assert 0.95 <= first_wait < 1.8
    assert 1.0 <= second_wait < 3.0  # about 2.5 s left when sent; HTTP dates have 1 s resolution


@MODES
@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retry_count_is_bounded_and_total_time_too(mode: str, status: int, server: FaultServer) -> None:
    server.default = Action(status, {"Retry-After": "0"})
    started = time.monotonic()
    with pytest.raises(BatchServiceError) as caught:
        call(mode, server.endpoint, retry=RetryPolicy(max_retries=2, backoff_factor=0.01))
    assert caught.value.status_code == status
    assert len(server.seen) == 3
    assert time.monotonic() - started < 2


@MODES
@pytest.mark.parametrize("status", [400, 403, 404, 409, 412])
def test_no_retry_on_client_errors(mode: str, status: int, server: FaultServer) -> None:
    server.default = Action(status)
    with pytest.raises(BatchServiceError):
        call(mode, server.endpoint, retry=FAST)
    assert len(server.seen) == 1


@MODES
def test_per_call_options_override_the_client(mode: str, server: FaultServer) -> None:
    server.default = Action(503)
    with pytest.raises(BatchServiceError):
        call(mode, server.endpoint, retry=FAST, options=RequestOptions(retry=RetryPolicy(max_retries=0)))
    assert len(server.seen) == 1


def test_backoff_is_exponential_with_jitter() -> None:
    policy = RetryPolicy(backoff_factor=1.0, backoff_max=100)
    for n in (1, 2, 3, 4):
        delays = [policy.delay(n) for _ in range(200)]
        assert all(2 ** (n - 1) * 0.5 <= d <= 2 ** (n - 1) for d in delays)
        assert len(set(delays)) > 100  # jittered
    assert RetryPolicy(backoff_max=5).delay(1, retry_after=30) == 5


@MODES
def test_html_502_gives_a_typed_error_with_the_body(mode: str, server: FaultServer) -> None:
    html = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    server.default = Action(502, {"Content-Type": "text/html"}, html)
    with pytest.raises(BatchServiceError) as caught:
        call(mode, server.endpoint, retry=RetryPolicy(max_retries=0))
    err = caught.value
    assert err.status_code == 502 and err.error is None and err.body == html.decode()
    assert str(err).startswith("(502) Status: <html>")


@MODES
def test_json_that_is_not_a_batch_error_gives_error_none(mode: str, server: FaultServer) -> None:
    server.default = Action(400, {}, b'{"code": 42, "message": ["not", "a", "message"]}')
    with pytest.raises(BatchServiceError) as caught:
        call(mode, server.endpoint)
    assert caught.value.error is None and "42" in caught.value.body


@MODES
def test_garbage_headers_never_leak_a_value_error(mode: str, server: FaultServer) -> None:
    server.default = Action(204, {"Last-Modified": "yesterday-ish", "ETag": "\x7f\x01weird", "request-id": ""})
    result = call(mode, server.endpoint)
    assert result.last_modified is None
    assert result.raw["last-modified"] == "yesterday-ish"


@MODES
def test_connection_reset_mid_response_is_a_typed_error_after_retries(mode: str, server: FaultServer) -> None:
    server.default = Action(200, {}, b"x" * 1000, reset=True)
    with pytest.raises(ServiceRequestError) as caught:
        call(mode, server.endpoint, retry=RetryPolicy(max_retries=2, backoff_factor=0.01))
    assert isinstance(caught.value, ServiceResponseError)
    assert len(server.seen) == 3


@MODES
def test_garbage_status_line_is_a_typed_error(mode: str, server: FaultServer) -> None:
    server.default = Action(raw=b"HELLO THERE\r\n\r\n")
    with pytest.raises(ServiceRequestError):
        call(mode, server.endpoint, retry=RetryPolicy(max_retries=0))


@MODES
def test_slow_server_times_out_within_bounds(mode: str, server: FaultServer) -> None:
    server.default = Action(204, delay=1.5)
    started = time.monotonic()
    with pytest.raises(ServiceRequestTimeoutError):
        call(mode, server.endpoint, read_timeout=0.2, retry=RetryPolicy(max_retries=1, backoff_factor=0.01))
    assert time.monotonic() - started < 1.2
    assert len(server.seen) == 2


@MODES
def test_per_call_read_timeout(mode: str, server: FaultServer) -> None:
    server.default = Action(204, delay=0.5)
    with pytest.raises(ServiceRequestTimeoutError):
        call(mode, server.endpoint, options=RequestOptions(read_timeout=0.1, retry=RetryPolicy(max_retries=0)))


@MODES
def test_connection_refused_is_retried_then_typed(mode: str) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ServiceRequestError):
        call(mode, f"http://127.0.0.1:{port}", retry=RetryPolicy(max_retries=1, backoff_factor=0.01))


class Tokens:
    def __init__(self, lifetime: float = 3600) -> None:
        self.calls = 0
        self.lifetime = lifetime

    def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
        self.calls += 1
        return AccessToken(TOKEN, int(time.time() + self.lifetime))


class AsyncTokens(Tokens):
    async def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:  # type: ignore[override]
        await asyncio.sleep(0)
        return Tokens.get_token(self, *scopes)


@pytest.mark.parametrize("credential_type", [Tokens, AsyncTokens])
def test_async_client_caches_sync_and_async_tokens(fake: FakeBatch, credential_type: Callable[[], Tokens]) -> None:
    credential = credential_type()

    async def run() -> None:
        async with batch_client.AsyncBatchClient(fake.endpoint, credential) as client:
            for i in range(4):
                fake.add_task("job1", f"t{i}")
            await asyncio.gather(*(client.tasks.reactivate("job1", f"t{i}") for i in range(4)))

    asyncio.run(run())
    assert credential.calls == 1
    assert [r.headers["authorization"] for r in fake.requests] == [f"Bearer {TOKEN}"] * 4


def test_async_client_against_the_fake_service(fake: FakeBatch) -> None:
    fake.add_task("job/x", "a b/../c")

    async def run() -> Any:
        async with batch_client.AsyncBatchClient(fake.endpoint, SharedKeyCredential(ACCOUNT, KEY)) as client:
            ok = await client.tasks.reactivate("job/x", "a b/../c", timeout=5, if_match=fake.jobs["job/x"].tasks["a b/../c"].etag)
            with pytest.raises(BatchServiceError) as caught:
                await client.tasks.reactivate("job/x", "a b/../c")
            return ok, caught.value

    ok, err = asyncio.run(run())
    assert ok.etag == fake.jobs["job/x"].tasks["a b/../c"].etag
    assert err.status_code == 409 and err.code == "TaskNotCompleted"
    assert fake.requests[0].raw_path == "/jobs/job%2Fx/tasks/a%20b%2F..%2Fc/reactivate"
    assert fake.requests[0].query["timeout"] == ["5"]


@MODES
def test_header_injection_is_refused_with_nothing_sent(mode: str, server: FaultServer) -> None:
    async def run() -> None:
        async with batch_client.AsyncBatchClient(server.endpoint, SharedKeyCredential(ACCOUNT, KEY)) as client:
            await client.tasks.reactivate("job1", "task1", if_none_match="a\r\nX-Evil: 1")

    with pytest.raises(ValueError, match="(?i)if-none-match"):
        if mode == "sync":
            with BatchClient(server.endpoint, SharedKeyCredential(ACCOUNT, KEY)) as client:
                client.tasks.reactivate("job1", "task1", if_none_match="a\r\nX-Evil: 1")
        else:
            asyncio.run(run())
    assert server.seen == []


@MODES
def test_no_secret_in_repr_str_or_log_lines(mode: str, server: FaultServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="batch_client")
    server.script = [Action(503), Action(204)]
    call(mode, server.endpoint, retry=FAST)
    server.default = Action(401, {}, b'{"code": "AuthenticationFailed", "message": {"value": "no"}}')
    with pytest.raises(BatchServiceError) as caught:
        call(mode, server.endpoint, Tokens())
    secrets = [KEY, base64.b64decode(KEY).decode(), TOKEN] + [s.headers["authorization"].split(":")[-1] for s in server.seen if s.headers["authorization"].startswith("SharedKey")]
    texts = [caplog.text, str(caught.value), repr(caught.value), repr(SharedKeyCredential(ACCOUNT, KEY))]
    with BatchClient(server.endpoint, Tokens()) as c:
        texts += [repr(c), repr(c._pipeline), repr(c._pipeline._tokens)]
    for text in texts:
        for secret in secrets:
            assert secret not in text
    assert "retry 1 of 3" in caplog.text and "-> 204" in caplog.text
    assert "'authorization': '<redacted>'" in caplog.text and "'ocp-date':" in caplog.text
