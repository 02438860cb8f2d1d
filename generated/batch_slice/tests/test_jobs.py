"""The ``jobs`` operations against the package's fake service: each called with its
required arguments, then with all of them, by the sync and the async client. The fake checks every
request against the API description; a request that breaks it fails the test.
"""

from __future__ import annotations

import asyncio
import datetime
import uuid
from typing import TYPE_CHECKING

import pytest

from batch_slice import BatchClient, models
from batch_slice.aio import AsyncBatchClient
from batch_slice.testing import sample

if TYPE_CHECKING:
    from batch_slice.testing import FakeService


def test_terminate(batch_slice_fake: FakeService) -> None:
    """``client.jobs.terminate``, with the required arguments and with all."""
    fake = batch_slice_fake
    with BatchClient(fake.url, fake.credential) as client:
        client.jobs.terminate("fake")
        client.jobs.terminate(
            "fake",
            job_terminate_parameter=sample(models.JobTerminateParameter),
            timeout=1,
            client_request_id=uuid.UUID("00000000-0000-4000-8000-000000000000"),
            return_client_request_id=True,
            ocp_date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            if_match="fake",
            if_none_match="fake",
            if_modified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            if_unmodified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            force=True,
        )
    key = "jobs.terminate"
    assert len(fake.operation(key).calls) == 2


def test_terminate_async(batch_slice_fake: FakeService) -> None:
    """``client.jobs.terminate`` of the async client, with the required arguments and with all."""
    pytest.importorskip("aiohttp")
    fake = batch_slice_fake

    async def calls() -> None:
        async with AsyncBatchClient(fake.url, fake.credential) as client:
            await client.jobs.terminate("fake")
            await client.jobs.terminate(
                "fake",
                job_terminate_parameter=sample(models.JobTerminateParameter),
                timeout=1,
                client_request_id=uuid.UUID("00000000-0000-4000-8000-000000000000"),
                return_client_request_id=True,
                ocp_date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
                if_match="fake",
                if_none_match="fake",
                if_modified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
                if_unmodified_since=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
                force=True,
            )

    asyncio.run(calls())
    key = "jobs.terminate"
    assert len(fake.operation(key).calls) == 2
