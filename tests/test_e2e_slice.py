"""The generated batch_slice package (a Swagger 2.0 slice of the official Batch description)
against its fake service on 127.0.0.1, sync and async."""

from __future__ import annotations

import asyncio
import datetime
import gc
import json
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_batch import ACCOUNT, KEY
from fake_slice import FakeSlice, file_byte_at

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "generated" / "batch_slice"))

import batch_slice as bs  # noqa: E402


@pytest.fixture
def fake() -> Iterator[FakeSlice]:
    f = FakeSlice()
    yield f
    f.close()


def client(fake: FakeSlice) -> bs.BatchClient:
    return bs.BatchClient(fake.endpoint, bs.SharedKeyCredential(ACCOUNT, KEY), retry=bs.RetryPolicy(max_retries=0))


def aclient(fake: FakeSlice) -> Any:
    return bs.AsyncBatchClient(fake.endpoint, bs.SharedKeyCredential(ACCOUNT, KEY), retry=bs.RetryPolicy(max_retries=0))


def test_paging_follows_next_links_across_three_pages(fake: FakeSlice) -> None:
    with client(fake) as c:
        paged = c.tasks.list("job1", max_results=2, filter_="state eq 'active'")
        assert fake.requests == []  # lazy: nothing until iteration
        tasks = list(paged)
    assert [t.id for t in tasks] == [f"task{i}" for i in range(6)]
    assert len(fake.requests) == 3
    first, second, third = fake.requests
    assert first.query["maxresults"] == ["2"] and first.query["$filter"] == ["state eq 'active'"]
    assert second.query["$skiptoken"] == ["1"] and third.query["$skiptoken"] == ["2"]
    assert all(r.query["maxresults"] == ["2"] and r.query["api-version"] for r in fake.requests)
    assert len({r.headers["client-request-id"] for r in fake.requests}) == 1  # one listing, one id


def test_by_page_yields_pages(fake: FakeSlice) -> None:
    with client(fake) as c:
        pages = [[t.id for t in page] for page in c.tasks.list("job1", max_results=2).by_page()]
    assert pages == [["task0", "task1"], ["task2", "task3"], ["task4", "task5"]]


def test_unknown_enum_values_decode_to_text(fake: FakeSlice) -> None:
    with client(fake) as c:
        states = [t.state for t in c.tasks.list("job1", max_results=2)]
    assert states[0] is bs.TaskState.ACTIVE and states[1] is bs.TaskState.COMPLETED
    assert states[2] == "futureState" and not isinstance(states[2], bs.TaskState)


def test_next_link_to_another_host_is_refused(fake: FakeSlice) -> None:
    fake.next_link_host = "http://127.0.0.2:9"
    with client(fake) as c, pytest.raises(bs.ServiceResponseError, match="another host"):
        list(c.tasks.list("job1"))
    assert len(fake.requests) == 1


def test_async_paging(fake: FakeSlice) -> None:
    async def run() -> list[str]:
        async with aclient(fake) as c:
            return [t.id async for t in c.tasks.list("job1", max_results=2)]

    assert asyncio.run(run()) == [f"task{i}" for i in range(6)]
    assert len(fake.requests) == 3


def test_head_exists(fake: FakeSlice) -> None:
    with client(fake) as c:
        assert c.pools.exists("pool1") is True
        assert c.pools.exists("nope") is False
    assert [r.method for r in fake.requests] == ["HEAD", "HEAD"]


def test_request_body_is_the_model_with_wire_names(fake: FakeSlice) -> None:
    with client(fake) as c:
        headers = c.jobs.terminate("job1", job_terminate_parameter=bs.JobTerminateParameter(terminate_reason="done"), force=True)
    sent = fake.requests[-1]
    assert json.loads(sent.body) == {"terminateReason": "done"}
    assert sent.headers["content-type"] == "application/json; odata=minimalmetadata"
    assert sent.query["force"] == ["true"]
    assert headers.etag == '"0xJOB"'


def test_polymorphic_items_decode_to_their_classes(fake: FakeSlice) -> None:
    with client(fake) as c:
        events = list(c.tasks.list_events("job1", "task1"))
    started, failed, unknown, failed2 = events
    assert type(started) is bs.TaskStartedEvent and started.node_id == "node-1"
    assert started.time == datetime.datetime(2026, 11, 24, 22, 0, 0, 123456, tzinfo=datetime.timezone.utc)
    assert type(failed) is bs.TaskFailedEvent and failed.exit_code == 2 and failed.category is bs.ErrorCategory.USER_ERROR
    assert type(unknown) is bs.TaskEvent and unknown.kind == "rebooted" and unknown.additional_properties == {"reason": "future kind"}
    assert failed2.category == "quantumerror"
    assert bs.TaskFailedEvent(exit_code=1).to_dict() == {"kind": "failed", "exitCode": 1}


def test_download_streams_with_headers(fake: FakeSlice) -> None:
    fake.file_size = 300_000
    with client(fake) as c:
        download = c.files.get_from_task("job1", "task1", "wd/out.bin")
        assert download.headers.ocp_batch_file_isdirectory is False
        assert download.headers.last_modified == datetime.datetime(2026, 11, 24, 22, 30, tzinfo=datetime.timezone.utc)
        data = download.read()
        assert len(data) == 300_000 and data[:3] == b"\x00\x01\x02" and data[-1] == file_byte_at(299_999)
        assert c.pools.exists("pool1")  # the connection went back to the pool and still works
    assert fake.requests[0].path == "/jobs/job1/tasks/task1/files/wd%2Fout.bin"


def test_async_save_writes_in_threads_and_the_loop_keeps_running(fake: FakeSlice, tmp_path: Path) -> None:
    fake.file_size = 1_000_000  # 16 chunks of 64 KiB
    target = tmp_path / "out.bin"

    async def run() -> tuple[int, int]:
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0)

        ticker = asyncio.create_task(tick())
        async with aclient(fake) as c:
            download = await c.files.get_from_task("job1", "task1", "big.bin")
            written = await download.save(str(target))
        ticker.cancel()
        return written, ticks

    written, ticks = asyncio.run(run())
    data = target.read_bytes()
    assert written == len(data) == 1_000_000 and data[-1] == file_byte_at(999_999)
    assert ticks > 16  # the loop ran other tasks while the chunks were written


@pytest.mark.slow
def test_download_of_200_mb_keeps_memory_flat(fake: FakeSlice) -> None:
    fake.file_size = 200 * 1024 * 1024
    with client(fake) as c:
        gc.collect()
        tracemalloc.start()
        total = 0
        with c.files.get_from_task("job1", "task1", "big.bin") as download:
            for chunk in download:
                total += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert total == fake.file_size
    assert peak < 8 * 1024 * 1024, f"peak {peak} bytes while streaming 200 MB"


@pytest.mark.slow
def test_async_download_of_200_mb_keeps_memory_flat(fake: FakeSlice) -> None:
    fake.file_size = 200 * 1024 * 1024

    async def run() -> tuple[int, int]:
        async with aclient(fake) as c:
            gc.collect()
            tracemalloc.start()
            total = 0
            download = await c.files.get_from_task("job1", "task1", "big.bin")
            async with download:
                async for chunk in download:
                    total += len(chunk)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            return total, peak

    total, peak = asyncio.run(run())
    assert total == fake.file_size
    assert peak < 8 * 1024 * 1024, f"peak {peak} bytes while streaming 200 MB"


def test_async_exists_body_and_events(fake: FakeSlice) -> None:
    async def run() -> tuple[bool, bool, list[Any]]:
        async with aclient(fake) as c:
            yes = await c.pools.exists("pool1")
            no = await c.pools.exists("nope")
            await c.jobs.terminate("job1", job_terminate_parameter=bs.JobTerminateParameter(terminate_reason="x"))
            return yes, no, [e async for e in c.tasks.list_events("j", "t")]

    yes, no, events = asyncio.run(run())
    assert (yes, no) == (True, False)
    assert [type(e).__name__ for e in events] == ["TaskStartedEvent", "TaskFailedEvent", "TaskEvent", "TaskFailedEvent"]
    assert json.loads(fake.requests[2].body) == {"terminateReason": "x"}
