"""The ``files`` operations against the package's fake service: each called with its
required arguments, then with all of them, by the sync and the async client. The fake checks every
request against the API description; a request that breaks it fails the test.
"""

from __future__ import annotations

import asyncio
import datetime
import uuid
from typing import TYPE_CHECKING

import pytest

from batch_slice import BatchClient
from batch_slice.aio import AsyncBatchClient

if TYPE_CHECKING:
    from batch_slice.testing import FakeService


def test_get_from_task(batch_slice_fake: FakeService) -> None:
    """``client.files.get_from_task``, with the required arguments and with all."""
    fake = batch_slice_fake
    with BatchClient(fake.url, fake.credential) as client:
        with client.files.get_from_task("fake", "fake", "fake") as download:
            download.read()
        with client.files.get_from_task(
            "fake",
            "fake",
            "fake",
            timeout=1,
            client_request_id=uuid.UUID("00000000-0000-4000-8000-000000000000"),
            return_client_request_id=True,
            ocp_date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            ocp_range="fake",
            if_modified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            if_unmodified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        ) as download:
            download.read()
    key = "files.get_from_task"
    assert len(fake.operation(key).calls) == 2


def test_get_from_task_async(batch_slice_fake: FakeService) -> None:
    """``client.files.get_from_task`` of the async client, with the required arguments and with all."""
    pytest.importorskip("aiohttp")
    fake = batch_slice_fake

    async def calls() -> None:
        async with AsyncBatchClient(fake.url, fake.credential) as client:
            async with await client.files.get_from_task(
                "fake", "fake", "fake"
            ) as download:
                await download.read()
            async with await client.files.get_from_task(
                "fake",
                "fake",
                "fake",
                timeout=1,
                client_request_id=uuid.UUID("00000000-0000-4000-8000-000000000000"),
                return_client_request_id=True,
                ocp_date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
                ocp_range="fake",
                if_modified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
                if_unmodified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            ) as download:
                await download.read()

    asyncio.run(calls())
    key = "files.get_from_task"
    assert len(fake.operation(key).calls) == 2
