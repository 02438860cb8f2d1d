"""The ``tasks`` operations against the package's fake service: each called with its
required arguments, then with all of them, by the sync and the async client. The fake checks every
request against the API description; a request that breaks it fails the test.
"""

from __future__ import annotations

import asyncio
import datetime
import uuid
from typing import TYPE_CHECKING

import pytest

from batch_client import BatchClient
from batch_client.aio import AsyncBatchClient

if TYPE_CHECKING:
    from batch_client.testing import FakeService


def test_reactivate(batch_client_fake: FakeService) -> None:
    """``client.tasks.reactivate``, with the required arguments and with all."""
    fake = batch_client_fake
    with BatchClient(fake.url, fake.credential) as client:
        client.tasks.reactivate("fake", "fake")
        client.tasks.reactivate(
            "fake",
            "fake",
            timeout=1,
            client_request_id=uuid.UUID("00000000-0000-4000-8000-000000000000"),
            return_client_request_id=True,
            ocp_date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            if_match="fake",
            if_none_match="fake",
            if_modified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            if_unmodified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        )
    key = "tasks.reactivate"
    assert len(fake.operation(key).calls) == 2


def test_reactivate_async(batch_client_fake: FakeService) -> None:
    """``client.tasks.reactivate`` of the async client, with the required arguments and with all."""
    pytest.importorskip("aiohttp")
    fake = batch_client_fake

    async def calls() -> None:
        async with AsyncBatchClient(fake.url, fake.credential) as client:
            await client.tasks.reactivate("fake", "fake")
            await client.tasks.reactivate(
                "fake",
                "fake",
                timeout=1,
                client_request_id=uuid.UUID("00000000-0000-4000-8000-000000000000"),
                return_client_request_id=True,
                ocp_date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
                if_match="fake",
                if_none_match="fake",
                if_modified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
                if_unmodified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            )

    asyncio.run(calls())
    key = "tasks.reactivate"
    assert len(fake.operation(key).calls) == 2
