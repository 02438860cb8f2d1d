"""``client.with_raw_response`` and the per-call ``extra_headers`` / ``extra_query`` escape
hatches, sync and async, through real servers on 127.0.0.1 (the batch_slice fake checks every
Shared Key signature, so an extra that was not signed fails the call)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_batch import ACCOUNT, KEY
from fake_slice import FakeSlice
from fault_server import Action, FaultServer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "generated" / "batch_slice"))

import batch_slice as bs  # noqa: E402

MODES = pytest.mark.parametrize("mode", ["sync", "async"])


@pytest.fixture
def fake() -> Iterator[FakeSlice]:
    f = FakeSlice()
    yield f
    f.close()


def through(mode: str, endpoint: str, use: Any) -> Any:
    """``use(client)`` on a sync client, or awaited on an async one."""
    credential = bs.SharedKeyCredential(ACCOUNT, KEY)
    if mode == "sync":
        with bs.BatchClient(endpoint, credential, retry=bs.RetryPolicy(max_retries=0)) as c:
            return use(c)

    async def go() -> Any:
        async with bs.AsyncBatchClient(endpoint, credential, retry=bs.RetryPolicy(max_retries=0)) as c:
            return await use(c)

    return asyncio.run(go())


@MODES
def test_exists_gives_status_headers_and_the_bool(mode: str, fake: FakeSlice) -> None:
    if mode == "sync":
        found, missing = through(mode, fake.endpoint, lambda c: (c.with_raw_response.pools.exists("pool1"), c.with_raw_response.pools.exists("nope")))
    else:
        async def use(c: Any) -> Any:
            return await c.with_raw_response.pools.exists("pool1"), await c.with_raw_response.pools.exists("nope")
        found, missing = through(mode, fake.endpoint, use)
    assert (found.status_code, found.parse(), missing.status_code, missing.parse()) == (200, True, 404, False)
    assert isinstance(found.parse_headers(), bs.PoolExistsHeaders)
    assert [r.method for r in fake.requests] == ["HEAD", "HEAD"]


@MODES
def test_a_raw_listing_fetches_its_first_page_once_and_follows_the_rest(mode: str, fake: FakeSlice) -> None:
    if mode == "sync":
        def use(c: Any) -> Any:
            raw = c.with_raw_response.tasks.list("job1", max_results=2)
            return raw, [t.id for t in raw.parse()]
    else:
        async def use(c: Any) -> Any:
            raw = await c.with_raw_response.tasks.list("job1", max_results=2)
            return raw, [t.id async for t in raw.parse()]
    raw, ids = through(mode, fake.endpoint, use)
    assert ids == [f"task{i}" for i in range(6)] and len(fake.requests) == 3  # page one not asked twice
    assert raw.status_code == 200 and raw.headers["Content-Type"] == raw.headers["content-type"]
    assert "CONTENT-TYPE" in raw.headers and b'"task0"' in raw.content
    assert type(raw.parse_headers()).__name__ == "TaskListHeaders"


@MODES
def test_a_raw_download_streams_from_parse(mode: str, fake: FakeSlice) -> None:
    fake.file_size = 300_000
    if mode == "sync":
        def use(c: Any) -> Any:
            raw = c.with_raw_response.files.get_from_task("job1", "task1", "wd/out.bin")
            with raw.parse() as download:
                return raw, len(download.read())
    else:
        async def use(c: Any) -> Any:
            raw = await c.with_raw_response.files.get_from_task("job1", "task1", "wd/out.bin")
            async with raw.parse() as download:
                return raw, len(await download.read())
    raw, size = through(mode, fake.endpoint, use)
    assert size == 300_000 and raw.content == b"" and raw.headers["Content-Length"] == "300000"
    assert raw.parse_headers().ocp_batch_file_isdirectory is False


@MODES
def test_an_operation_returning_headers_gives_them_both_ways(mode: str, fake: FakeSlice) -> None:
    if mode == "sync":
        raw = through(mode, fake.endpoint, lambda c: c.with_raw_response.jobs.terminate("job1"))
    else:
        async def use(c: Any) -> Any:
            return await c.with_raw_response.jobs.terminate("job1")
        raw = through(mode, fake.endpoint, use)
    assert raw.status_code == 202 and raw.parse() == raw.parse_headers() and raw.parse().etag == '"0xJOB"'
    assert raw.headers["etag"] == '"0xJOB"' and raw.headers.get("Request-Id") == "r-terminate"


@MODES
def test_a_non_2xx_status_still_raises_the_packages_error(mode: str, fake: FakeSlice) -> None:
    if mode == "sync":
        call = lambda c: c.with_raw_response.tasks.reactivate("job1", "task1")  # noqa: E731 - the fake has no reactivate: 404
    else:
        async def call(c: Any) -> Any:
            return await c.with_raw_response.tasks.reactivate("job1", "task1")
    with pytest.raises(bs.BatchServiceError) as info:
        through(mode, fake.endpoint, call)
    assert info.value.status_code == 404


@MODES
def test_a_body_that_does_not_decode_raises_at_parse_not_at_the_call(mode: str) -> None:
    server = FaultServer()
    server.default = Action(200, {"Content-Type": "application/json"}, b'{"value": "not a list"}')
    try:
        if mode == "sync":
            raw = through(mode, server.endpoint, lambda c: c.with_raw_response.tasks.list_events("job1", "task1"))
        else:
            async def use(c: Any) -> Any:
                return await c.with_raw_response.tasks.list_events("job1", "task1")
            raw = through(mode, server.endpoint, use)
    finally:
        server.close()
    assert raw.status_code == 200 and raw.content == b'{"value": "not a list"}'
    with pytest.raises(bs.DecodeError):
        raw.parse()
    assert not hasattr(raw, "parse_headers")  # Task_ListEvents declares no response headers


def test_concurrent_raw_calls_each_get_their_own_response(fake: FakeSlice) -> None:
    async def use(c: Any) -> Any:
        return await asyncio.gather(*(c.with_raw_response.pools.exists(name) for name in ["pool1", "nope"] * 5))

    statuses = [r.status_code for r in through("async", fake.endpoint, use)]
    assert statuses == [200, 404] * 5
    results: dict[int, int] = {}
    with bs.BatchClient(fake.endpoint, bs.SharedKeyCredential(ACCOUNT, KEY)) as c:
        def worker(i: int) -> None:
            results[i] = c.with_raw_response.pools.exists("pool1" if i % 2 else "nope").status_code

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert results == {i: 200 if i % 2 else 404 for i in range(8)}


# --- extra_headers / extra_query --------------------------------------------------------------


@MODES
def test_extras_are_sent_after_the_declared_ones_and_signed(mode: str, fake: FakeSlice) -> None:
    kwargs = {"extra_headers": {"X-Trace": "t-1", "Accept": "application/json;odata=minimalmetadata", "ocp-extra": "signed too"}, "extra_query": {"debug": "a b&c"}}
    if mode == "sync":
        assert through(mode, fake.endpoint, lambda c: c.pools.exists("pool1", **kwargs)) is True
    else:
        async def use(c: Any) -> Any:
            return await c.pools.exists("pool1", **kwargs)
        assert through(mode, fake.endpoint, use) is True
    (seen,) = fake.requests  # the fake refuses a request whose signature does not cover the extras
    assert seen.headers["x-trace"] == "t-1" and seen.headers["ocp-extra"] == "signed too"
    assert seen.headers["accept"] == "application/json;odata=minimalmetadata"  # replaces the declared one
    assert seen.query["debug"] == ["a b&c"] and seen.query["api-version"]


@MODES
@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ({"extra_headers": {"X-Evil": "a\r\nInjected: 1"}}, ValueError),
        ({"extra_headers": {"Bad Name": "x"}}, ValueError),
        ({"extra_headers": {"Content-Length": "0"}}, ValueError),
        ({"extra_headers": {"Host": "elsewhere"}}, ValueError),
        ({"extra_headers": {"X-Caf\u00e9": "x"}}, ValueError),
        ({"extra_headers": {"X-Euro": "\u20ac"}}, ValueError),
        ({"extra_headers": {"X-Number": 5}}, TypeError),
    ],
)
def test_bad_extras_are_refused_before_anything_is_sent(mode: str, extra: dict[str, Any], error: type[Exception], fake: FakeSlice) -> None:
    if mode == "sync":
        call = lambda c: c.pools.exists("pool1", **extra)  # noqa: E731
    else:
        async def call(c: Any) -> Any:
            return await c.pools.exists("pool1", **extra)
    with pytest.raises(error):
        through(mode, fake.endpoint, call)
    assert fake.requests == []


def test_raw_responses_are_typed_for_mypy(tmp_path: Path) -> None:
    """The wrappers keep each method's signature (ParamSpec) and type what parse and
    parse_headers return; parse_headers is not there where no headers are declared."""
    usage = tmp_path / "usage.py"
    usage.write_text(
        "from batch_slice import BatchClient, AsyncBatchClient, SharedKeyCredential\n"
        "c = BatchClient('https://x', SharedKeyCredential('a', 'a2V5'))\n"
        "raw = c.with_raw_response.pools.exists('p')\n"
        "reveal_type(raw.parse())\n"
        "reveal_type(raw.parse_headers())\n"
        "reveal_type(c.with_raw_response.tasks.list('j').parse())\n"
        "c.with_raw_response.tasks.list_events('j', 't').parse_headers()\n"
        "c.with_raw_response.pools.exists(pool_id=1)\n"
        "async def f(a: AsyncBatchClient) -> None:\n"
        "    reveal_type((await a.with_raw_response.tasks.list('j')).parse())\n"
        "    reveal_type((await a.with_raw_response.jobs.terminate('j')).parse_headers())\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "--follow-imports=silent", str(usage)],
        capture_output=True, text=True, cwd=ROOT / "generated" / "batch_slice",
    )
    out = result.stdout
    assert 'Revealed type is "bool"' in out
    assert "fallback=batch_slice.operations._pools.PoolExistsHeaders]" in out
    assert 'Revealed type is "batch_slice._paging.ItemPaged[batch_slice.models._cloud_task.CloudTask]"' in out
    assert 'Revealed type is "batch_slice._paging.AsyncItemPaged[batch_slice.models._cloud_task.CloudTask]"' in out
    assert "fallback=batch_slice.operations._jobs.JobTerminateHeaders]" in out
    assert '"RawResponse[ItemPaged[TaskEvent]]" has no attribute "parse_headers"' in out
    assert 'Argument "pool_id" has incompatible type "int"; expected "str"' in out
    assert out.count("error:") == 2, out
