from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated" / "batch_client"
sys.path.insert(0, str(GENERATED))  # the committed generated package, importable as batch_client
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fake_batch import FakeBatch  # noqa: E402


@pytest.fixture(scope="session")
def fake_server() -> Iterator[FakeBatch]:
    fake = FakeBatch().start()
    yield fake
    fake.stop()


@pytest.fixture
def fake(fake_server: FakeBatch) -> FakeBatch:
    fake_server.reset()
    return fake_server
