"""The client on real networks, generated from a description that is not Azure's (an API key in
a header, JSON bodies, a paged listing): proxies, deadlines, bounded error bodies, header text,
redirects, next links and raw responses behave as they do for Batch (tests/test_network.py,
tests/test_redirects.py), sync and async alike, through real servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fault_server import Action, FaultServer
from forward_proxy import ForwardProxy
from tls_server import TlsServer

from generator.options import Options
from generator.pipeline import generate_files
from generator.write import write_tree

SPEC = Path(__file__).resolve().parent / "specs" / "network" / "depot-3.0.yaml"
KEY = "depot-key-1"
MODES = pytest.mark.parametrize("mode", ["sync", "async"])
pytestmark = pytest.mark.usefixtures("no_proxy_environment")
ITEM = {"id": "a1", "label": "first"}


@pytest.fixture(scope="module")
def depot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("depot")
    result = generate_files(SPEC, Options("depot"))
    assert result.files is not None and not result.failed(), [p.format() for p in result.problems]
    write_tree(out / "depot", result.files)
    sys.path.insert(0, str(out / "depot"))
    try:
        yield importlib.import_module("depot")
    finally:
        sys.path.remove(str(out / "depot"))
        for name in [n for n in sys.modules if n == "depot" or n.startswith("depot.")]:
            del sys.modules[name]


@pytest.fixture
def server() -> Iterator[FaultServer]:
    s = FaultServer()
    s.default = Action(200, {"Content-Type": "application/json", "ETag": '"e1"'}, json.dumps(ITEM).encode())
    yield s
    s.close()


def run(depot: ModuleType, mode: str, endpoint: str, work: Callable[[Any], Any], **client_kwargs: Any) -> Any:
    """``work(client)`` with a sync client, or awaited with an async one (same arguments)."""
    credential = depot.ApiKeyCredential(KEY)
    if mode == "sync":
        with depot.DepotClient(endpoint, credential, **client_kwargs) as client:
            result = work(client)
            return list(result) if isinstance(result, depot.ItemPaged) else result  # pages while open

    async def go() -> Any:
        async with depot.AsyncDepotClient(endpoint, credential, **client_kwargs) as client:
            result = work(client)
            if hasattr(result, "__aiter__"):
                return [item async for item in result]
            return await result

    return asyncio.run(go())


def fast(depot: ModuleType) -> Any:
    return depot.RetryPolicy(max_retries=2, backoff_factor=0.01, backoff_max=0.05)


# --- proxies ----------------------------------------------------------------------------------


@MODES
def test_the_environments_proxy_carries_the_call_and_no_proxy_bypasses_it(
    mode: str, depot: ModuleType, server: FaultServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url())
    item = run(depot, mode, server.endpoint + "/v1", lambda c: c.items.get("a1"))
    assert item.id == "a1" and [(s.method, s.target) for s in proxy.seen] == [("GET", server.endpoint + "/v1/items/a1")]
    assert server.seen[0].headers["x-api-key"] == KEY
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    run(depot, mode, server.endpoint + "/v1", lambda c: c.items.get("a1"))
    assert len(proxy.seen) == 1 and len(server.seen) == 2


@MODES
def test_https_goes_through_a_connect_tunnel_with_the_proxy_option(mode: str, depot: ModuleType, tmp_path: Path) -> None:
    tls = TlsServer(tmp_path, body=json.dumps(ITEM).encode())
    proxy = ForwardProxy()
    try:
        item = run(depot, mode, tls.endpoint, lambda c: c.items.get("a1"), proxy=proxy.url(), ssl_context=tls.client_context)
    finally:
        proxy.close()
        tls.close()
    assert item.label == "first"
    assert [s.method for s in proxy.seen] == ["CONNECT"] and proxy.seen[0].target == tls.endpoint.removeprefix("https://")
    assert tls.seen[0][2]["x-api-key"] == KEY  # the key went inside the tunnel, not to the proxy


# --- deadline ---------------------------------------------------------------------------------


@MODES
def test_a_deadline_cuts_a_slow_server_and_its_retries(mode: str, depot: ModuleType, server: FaultServer) -> None:
    server.default = Action(200, {"Content-Type": "application/json"}, json.dumps(ITEM).encode(), delay=2.0)
    started = time.monotonic()
    with pytest.raises(depot.ServiceRequestTimeoutError, match="deadline of 0.4 s ran out"):
        run(depot, mode, server.endpoint, lambda c: c.items.get("a1"), deadline=0.4, retry=fast(depot))
    assert time.monotonic() - started < 1.5 and len(server.seen) == 1


@MODES
def test_the_per_call_deadline_overrides_the_clients(mode: str, depot: ModuleType, server: FaultServer) -> None:
    server.script = [Action(200, {"Content-Type": "application/json"}, json.dumps(ITEM).encode(), delay=1.0)]
    options = depot.RequestOptions(deadline=0.3)
    with pytest.raises(depot.ServiceRequestTimeoutError):
        run(depot, mode, server.endpoint, lambda c: c.items.get("a1", request_options=options), deadline=60)
    assert run(depot, mode, server.endpoint, lambda c: c.items.get("a1"), deadline=5).id == "a1"


# --- bounded error bodies ---------------------------------------------------------------------


@MODES
def test_a_large_error_body_is_cut_at_the_limit(mode: str, depot: ModuleType, server: FaultServer) -> None:
    server.default = Action(500, {"Content-Type": "text/plain"}, b"x" * (3 << 20))
    with pytest.raises(depot.DepotServiceError) as caught:
        run(depot, mode, server.endpoint, lambda c: c.items.get("a1"), retry=depot.RetryPolicy(max_retries=0))
    error = caught.value
    assert error.status_code == 500 and error.body_truncated and error.error is None
    assert len(error.content) == depot._pipeline.ERROR_BODY_LIMIT == 1 << 20
    assert "body cut at 1048576 bytes" in str(error)


@MODES
def test_a_small_error_body_decodes_as_the_declared_problem(mode: str, depot: ModuleType, server: FaultServer) -> None:
    server.default = Action(409, {"Content-Type": "application/json", "request-id": "r-7"}, b'{"title": "taken \xc3\xa9"}')
    with pytest.raises(depot.DepotServiceError) as caught:
        run(depot, mode, server.endpoint, lambda c: c.items.put("a1", depot.models.Item(id="a1")))
    error = caught.value
    assert not error.body_truncated and error.error == depot.models.Problem(title="taken \u00e9")
    assert error.request_id == "r-7" and error.headers["request-id"] == "r-7"


# --- header text ------------------------------------------------------------------------------


@MODES
@pytest.mark.parametrize("value", ["caf\u00e9", "\u20ac1"])
def test_non_ascii_header_values_are_refused_before_sending(mode: str, value: str, depot: ModuleType, server: FaultServer) -> None:
    with pytest.raises(ValueError, match="header 'x-note' contains non-ASCII characters; refused before sending"):
        run(depot, mode, server.endpoint, lambda c: c.items.put("a1", depot.models.Item(id="a1"), x_note=value))
    assert server.seen == []


def test_received_header_text_decodes_the_same_in_both(depot: ModuleType, server: FaultServer) -> None:
    server.default = Action(200, {"Content-Type": "application/json", "ETag": "caf\u00c3\u00a9 \u00e9"}, json.dumps(ITEM).encode())
    seen = [run(depot, mode, server.endpoint, lambda c: c.with_raw_response.items.get("a1")).headers["etag"] for mode in ("sync", "async")]
    assert seen == ["caf\u00c3\u00a9 \u00e9"] * 2


# --- redirects --------------------------------------------------------------------------------


@MODES
@pytest.mark.parametrize("status", [307, 308])
def test_a_307_or_308_keeps_method_body_and_key(mode: str, status: int, depot: ModuleType, server: FaultServer) -> None:
    server.script = [Action(status, {"Location": "/v2/items/a1"})]
    item = run(depot, mode, server.endpoint + "/v1", lambda c: c.items.put("a1", depot.models.Item(id="a1", label="new")))
    assert item.id == "a1"
    first, second = server.seen
    assert (first.method, first.target, second.method, second.target) == ("PUT", "/v1/items/a1", "PUT", "/v2/items/a1")
    assert json.loads(second.body) == {"id": "a1", "label": "new"} and second.body == first.body
    assert first.headers["x-api-key"] == second.headers["x-api-key"] == KEY


@MODES
def test_a_redirect_to_another_host_is_refused_and_the_key_stays_home(mode: str, depot: ModuleType, server: FaultServer) -> None:
    other = FaultServer()
    try:
        server.script = [Action(307, {"Location": other.endpoint + "/items/a1"})]
        with pytest.raises(depot.ServiceResponseError, match="another host"):
            run(depot, mode, server.endpoint, lambda c: c.items.get("a1"))
        assert other.seen == [] and len(server.seen) == 1
    finally:
        other.close()


# --- next links -------------------------------------------------------------------------------


def _page(ids: list[str], next_link: str | None) -> Action:
    body: dict[str, Any] = {"items": [{"id": i} for i in ids]}
    if next_link is not None:
        body["next"] = next_link
    return Action(200, {"Content-Type": "application/json"}, json.dumps(body).encode())


@MODES
@pytest.mark.parametrize("form", ["absolute", "path-absolute", "relative"])
def test_every_form_of_next_link_reaches_the_next_page_with_the_key(mode: str, form: str, depot: ModuleType, server: FaultServer) -> None:
    link = {"absolute": server.endpoint + "/v1/items?page=2", "path-absolute": "/v1/items?page=2", "relative": "items?page=2"}[form]
    server.script = [_page(["a", "b"], link), _page(["c"], None)]
    items = run(depot, mode, server.endpoint + "/v1", lambda c: c.items.list())
    assert [i.id for i in items] == ["a", "b", "c"]
    assert [s.target for s in server.seen] == ["/v1/items", "/v1/items?page=2"]
    assert all(s.headers["x-api-key"] == KEY for s in server.seen)


@MODES
@pytest.mark.parametrize(("link", "message"), [("http://127.0.0.2:9/v1/items", "another host"), ("http://[::1/items", "unusable next link")])
def test_a_bad_next_link_is_the_packages_own_error(mode: str, link: str, message: str, depot: ModuleType, server: FaultServer) -> None:
    server.script = [_page(["a"], link)]
    with pytest.raises(depot.ServiceResponseError, match=message):
        run(depot, mode, server.endpoint + "/v1", lambda c: c.items.list())
    assert len(server.seen) == 1


# --- raw responses and extras -----------------------------------------------------------------


@MODES
def test_raw_responses_give_status_headers_the_body_and_typed_headers(mode: str, depot: ModuleType, server: FaultServer) -> None:
    raw = run(depot, mode, server.endpoint, lambda c: c.with_raw_response.items.get("a1"))
    assert raw.status_code == 200 and raw.headers["ETAG"] == raw.headers["etag"] == '"e1"'
    assert raw.parse() == depot.models.Item(id="a1", label="first")
    assert raw.parse_headers().etag == '"e1"'


@MODES
def test_extra_headers_and_query_are_sent_with_the_key_and_checked(mode: str, depot: ModuleType, server: FaultServer) -> None:
    run(depot, mode, server.endpoint, lambda c: c.items.get("a1", extra_headers={"X-Trace": "t-1"}, extra_query={"debug": "1"}))
    (seen,) = server.seen
    assert seen.target == "/items/a1?debug=1" and seen.headers["x-trace"] == "t-1" and seen.headers["x-api-key"] == KEY
    with pytest.raises(ValueError):
        run(depot, mode, server.endpoint, lambda c: c.items.get("a1", extra_headers={"X-Trace": "t\r\nX-Evil: 1"}))
    assert len(server.seen) == 1
