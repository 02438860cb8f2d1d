"""The package's pytest plugin (loaded by its ``pytest11`` entry point): the
``batch_client_fake`` fixture, a started ``FakeService`` for one test.

Leaving the test with requests that broke the API description fails it (at teardown);
``fake.expect_violations()`` in the test says they are on purpose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .testing import FakeService

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def batch_client_fake() -> Iterator[FakeService]:
    """A fake of the service, started: give the client its ``url`` and ``credential``."""
    with FakeService() as fake:
        yield fake
