from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture
def no_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """None of the variables a client reads for its proxy decision (``forward_proxy.PROXY_ENV``)
    is set: a machine's own proxy settings must not reach the wire tests. A module asks for it
    with ``pytestmark = pytest.mark.usefixtures("no_proxy_environment")``."""
    from forward_proxy import PROXY_ENV

    for name in PROXY_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def proxy() -> Iterator[Any]:
    """A forwarding and ``CONNECT`` proxy on 127.0.0.1 (``forward_proxy.ForwardProxy``)."""
    from forward_proxy import ForwardProxy

    p = ForwardProxy()
    yield p
    p.close()
