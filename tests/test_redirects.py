"""Redirects (RFC 9110 section 15.4) and next links (RFC 3986 section 5) through real servers on
127.0.0.1, sync and async: what is followed, with which method and body, signed for which
target, and what is refused."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from fake_batch import ACCOUNT, KEY, sign, string_to_sign
from fake_slice import FakeSlice
from fault_server import Action, FaultServer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "generated" / "batch_slice"))

import batch_slice as bs  # noqa: E402
from batch_slice._pipeline import MAX_REDIRECTS, PipelineBase  # noqa: E402

MODES = pytest.mark.parametrize("mode", ["sync", "async"])
OK = Action(202, {"ETag": '"0x1"', "request-id": "r-1"})


@pytest.fixture
def server() -> Iterator[FaultServer]:
    s = FaultServer()
    yield s
    s.close()


@pytest.fixture
def fake() -> Iterator[FakeSlice]:
    f = FakeSlice()
    yield f
    f.close()


def run(mode: str, endpoint: str, action: str, **kwargs: Any) -> Any:
    """One call (``terminate`` with a body, ``reactivate`` without, or a whole ``list``)."""
    credential = bs.SharedKeyCredential(ACCOUNT, KEY)
    retry = bs.RetryPolicy(max_retries=0)

    def sync_call(c: bs.BatchClient) -> Any:
        if action == "terminate":
            return c.jobs.terminate("job1", job_terminate_parameter=bs.JobTerminateParameter(terminate_reason="done"))
        if action == "reactivate":
            return c.tasks.reactivate("job1", "task1")
        return [t.id for t in c.tasks.list("job1", max_results=2)]

    async def async_call(c: Any) -> Any:
        if action == "terminate":
            return await c.jobs.terminate("job1", job_terminate_parameter=bs.JobTerminateParameter(terminate_reason="done"))
        if action == "reactivate":
            return await c.tasks.reactivate("job1", "task1")
        return [t.id async for t in c.tasks.list("job1", max_results=2)]

    if mode == "sync":
        with bs.BatchClient(endpoint, credential, retry=retry, **kwargs) as c:
            return sync_call(c)

    async def go() -> Any:
        async with bs.AsyncBatchClient(endpoint, credential, retry=retry, **kwargs) as c:
            return await async_call(c)

    return asyncio.run(go())


def signed_for(seen: Any) -> bool:
    """Whether the request's Shared Key signature is right for its own method and target."""
    split = urlsplit(seen.target)
    expected = f"SharedKey {ACCOUNT}:" + sign(KEY, string_to_sign(seen.method, split.path, split.query, seen.headers, ACCOUNT))
    return bool(seen.headers.get("authorization") == expected)


# --- redirects --------------------------------------------------------------------------------


@MODES
@pytest.mark.parametrize("status", [307, 308])
def test_307_and_308_keep_method_and_body_and_are_signed_again(mode: str, status: int, server: FaultServer) -> None:
    server.script = [Action(status, {"Location": "/moved/jobs/job1/terminate?api-version=2024-07-01.20.0&x=1"}), OK]
    headers = run(mode, server.endpoint, "terminate")
    assert headers.etag == '"0x1"'
    first, second = server.seen
    assert (first.method, second.method) == ("POST", "POST")
    assert second.target == "/moved/jobs/job1/terminate?api-version=2024-07-01.20.0&x=1"
    assert second.body == first.body == json.dumps({"terminateReason": "done"}, separators=(",", ":")).encode()
    assert second.headers["content-type"] == first.headers["content-type"]
    assert second.headers["client-request-id"] == first.headers["client-request-id"]
    assert signed_for(first) and signed_for(second)
    assert first.headers["authorization"] != second.headers["authorization"]  # signed for the new path


@MODES
@pytest.mark.parametrize("status", [301, 302, 303])
def test_301_302_303_after_a_post_continue_as_a_get_without_body(mode: str, status: int, server: FaultServer) -> None:
    server.script = [Action(status, {"Location": "/status/job1"}), OK]
    run(mode, server.endpoint, "terminate")
    first, second = server.seen
    assert first.method == "POST" and first.body
    assert second.method == "GET" and second.target == "/status/job1" and second.body == b""
    assert not any(name.startswith("content-") for name in second.headers)
    assert signed_for(second)


@MODES
def test_a_relative_location_resolves_against_the_request(mode: str, server: FaultServer) -> None:
    server.script = [Action(307, {"Location": "../task2/reactivate?api-version=v"}), OK]
    run(mode, server.endpoint, "reactivate")
    assert server.seen[1].target == "/jobs/job1/tasks/task2/reactivate?api-version=v"
    assert signed_for(server.seen[1])


@MODES
def test_a_redirect_to_another_host_is_refused_and_never_sent(mode: str, server: FaultServer) -> None:
    other = FaultServer()
    try:
        server.script = [Action(307, {"Location": other.endpoint + "/jobs/job1/terminate"})]
        with pytest.raises(bs.ServiceResponseError, match="refusing to follow a redirect to another host"):
            run(mode, server.endpoint, "terminate")
        assert other.seen == [] and len(server.seen) == 1
    finally:
        other.close()


@MODES
@pytest.mark.parametrize("location", ["https://127.0.0.1:{port}/x", "ftp://127.0.0.1:{port}/x", "http://127.0.0.1:1/x"])
def test_another_scheme_or_port_is_another_host(mode: str, location: str, server: FaultServer) -> None:
    port = urlsplit(server.endpoint).port
    server.script = [Action(308, {"Location": location.format(port=port)})]
    with pytest.raises(bs.ServiceResponseError, match="another host"):
        run(mode, server.endpoint, "reactivate")
    assert len(server.seen) == 1


@MODES
def test_redirects_are_bounded(mode: str, server: FaultServer) -> None:
    server.default = Action(302, {"Location": "/loop"})
    with pytest.raises(bs.ServiceResponseError, match=f"more than {MAX_REDIRECTS} redirects"):
        run(mode, server.endpoint, "reactivate")
    assert len(server.seen) == MAX_REDIRECTS + 1


@MODES
def test_a_redirect_without_location_is_the_answer(mode: str, server: FaultServer) -> None:
    server.script = [Action(307, {}, b'{"code":"Moved","message":{"value":"no location"}}')]
    with pytest.raises(bs.BatchServiceError) as info:
        run(mode, server.endpoint, "reactivate")
    assert info.value.status_code == 307 and len(server.seen) == 1


@MODES
def test_redirects_are_logged_without_the_query(mode: str, server: FaultServer, caplog: pytest.LogCaptureFixture) -> None:
    server.script = [Action(307, {"Location": "/moved?sig=secret"}), OK]
    with caplog.at_level(logging.INFO, logger="batch_slice"):
        run(mode, server.endpoint, "reactivate")
    lines = [r.getMessage() for r in caplog.records if "redirected" in r.getMessage()]
    assert len(lines) == 1 and "(307) to /moved" in lines[0] and "secret" not in lines[0]


# --- next links -------------------------------------------------------------------------------


@MODES
@pytest.mark.parametrize("form", ["absolute", "path-absolute", "relative"])
def test_every_form_of_next_link_reaches_the_next_page_signed(mode: str, form: str, fake: FakeSlice) -> None:
    fake.next_link_form = form
    assert run(mode, fake.endpoint, "list") == [f"task{i}" for i in range(6)]
    assert [r.path for r in fake.requests] == ["/jobs/job1/tasks"] * 3  # the fake refuses a bad signature
    assert [r.query.get("$skiptoken") for r in fake.requests] == [None, ["1"], ["2"]]


@MODES
@pytest.mark.parametrize("link", ["http://[::1/jobs", "http://127.0.0.1:notaport/jobs", "jobs/job1/tasks?a=b\r\nX-Evil: 1", "jobs /job1"])
def test_an_unusable_next_link_is_the_packages_own_error(mode: str, link: str, fake: FakeSlice) -> None:
    fake.next_link_text = link
    with pytest.raises(bs.ServiceResponseError, match="unusable next link"):
        run(mode, fake.endpoint, "list")
    assert len(fake.requests) == 1


@MODES
def test_a_next_link_to_another_host_is_refused_in_both(mode: str, fake: FakeSlice) -> None:
    fake.next_link_host = "http://127.0.0.2:9"
    with pytest.raises(bs.ServiceResponseError, match="another host"):
        run(mode, fake.endpoint, "list")
    assert len(fake.requests) == 1


@pytest.mark.parametrize(
    ("endpoint", "link", "path", "query"),
    [
        ("https://h.example/base", "items?page=2", "/base/items", [("page", "2")]),
        ("https://h.example/base/", "items?page=2", "/base/items", [("page", "2")]),
        ("https://h.example/base", "/base/items?page=2", "/base/items", [("page", "2")]),
        ("https://h.example/base", "https://h.example/base/items?page=2", "/base/items", [("page", "2")]),
        ("https://h.example/base", "https://H.EXAMPLE:443/base/items", "/base/items", []),
        ("https://h.example/base", "/other/items", "/other/items", []),
        ("https://h.example/base", "./a/../items?$skiptoken=x%2By&flag", "/base/items", [("$skiptoken", "x%2By"), ("flag", "")]),
        ("https://h.example", "items/caf\u00e9?q=\u20ac", "/items/caf%C3%A9", [("q", "%E2%82%AC")]),
        ("https://h.example", "?page=3", "/", [("page", "3")]),
    ],
)
def test_next_links_resolve_as_rfc_3986_says(endpoint: str, link: str, path: str, query: list[tuple[str, str]]) -> None:
    pipeline = PipelineBase(endpoint, None, user_agent="t", connect_timeout=1, read_timeout=1, retry=None, proxy="")
    got_path, got_query = pipeline.next_link(link, None)
    assert (got_path, got_query) == (path, query)
    # the path is sent as it stands: the endpoint's base path is not added a second time
    assert pipeline.target(got_path, got_query)[0] == path
