"""AsyncBatchClient: the async entry point of the package."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Self

from .._version import API_VERSION, VERSION
from ._transport import AsyncPipeline, ClientConfig
from .operations import (
    FilesOperations,
    FilesOperationsWithRawResponse,
    JobsOperations,
    JobsOperationsWithRawResponse,
    PoolsOperations,
    PoolsOperationsWithRawResponse,
    TasksOperations,
    TasksOperationsWithRawResponse,
)

if TYPE_CHECKING:
    import ssl
    from types import TracebackType

    from .._credentials import (
        AsyncTokenCredential,
        SharedKeyCredential,
        TokenCredential,
    )
    from .._pipeline import RetryPolicy

__all__ = ["AsyncBatchClient", "AsyncBatchClientWithRawResponse"]

CREDENTIAL_SCOPES: tuple[str, ...] = ("https://batch.core.windows.net//.default",)


class AsyncBatchClient:
    """A slice of the Azure Batch data plane (2024-07-01.20.0) for golden tests: a pageable
    list, a HEAD exists, a file download, a request body, enums, and one synthetic
    polymorphic model (TaskEvent) that the real API does not have.

    :param endpoint: The base URL for all Azure Batch service requests.
    :param credential: a ``SharedKeyCredential(account_name, key)``, or a Microsoft Entra token
        credential: any object with ``async get_token(*scopes)`` (every azure-identity credential,
        sync or ``azure.identity.aio``).
    :param api_version: the ``api-version`` sent with every call.
    :param connect_timeout: seconds to wait for a connection.
    :param read_timeout: seconds to wait for each read of a response.
    :param retry: when to retry and how long to wait (default: ``RetryPolicy()``, 3 retries).
    :param ssl_context: TLS settings for ``https`` endpoints (default: the system's trust store).
    :param proxy: an ``http://[user:password@]host[:port]`` forward proxy for every request
        (``https`` endpoints through a ``CONNECT`` tunnel; credentials sent as
        ``Proxy-Authorization: Basic``, never shown). ``None`` (the default) takes
        ``HTTPS_PROXY`` / ``HTTP_PROXY`` (lower-case names too) as ``NO_PROXY`` allows, read
        once, here; ``""`` uses no proxy whatever the environment says.
    :param deadline: total seconds for each call, every attempt and wait between retries
        included (default: none); past it the call raises ``ServiceRequestTimeoutError``.
        Per call too: ``RequestOptions(deadline=...)``.

    Use it as an async context manager, or call ``await close()``, to release its connections.
    """

    def __init__(
        self,
        endpoint: str,
        credential: SharedKeyCredential | TokenCredential | AsyncTokenCredential,
        *,
        api_version: str = API_VERSION,
        connect_timeout: float = 10.0,
        read_timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        ssl_context: ssl.SSLContext | None = None,
        proxy: str | None = None,
        deadline: float | None = None,
    ) -> None:
        self._pipeline = AsyncPipeline(
            endpoint,
            credential,
            scopes=CREDENTIAL_SCOPES,
            user_agent=f"batch-slice/{VERSION} Python/{sys.version_info[0]}.{sys.version_info[1]}",
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            retry=retry,
            ssl_context=ssl_context,
            proxy=proxy,
            deadline=deadline,
        )
        config = ClientConfig(self._pipeline, api_version)
        self._raw: AsyncBatchClientWithRawResponse | None = None
        self.files = FilesOperations(config)
        """Files operations."""
        self.pools = PoolsOperations(config)
        """Pools operations."""
        self.tasks = TasksOperations(config)
        """Tasks operations."""
        self.jobs = JobsOperations(config)
        """Jobs operations."""

    @property
    def endpoint(self) -> str:
        return self._pipeline.endpoint

    @property
    def with_raw_response(self) -> AsyncBatchClientWithRawResponse:
        """Every operation as on this client, returning a ``RawResponse`` instead: the
        status, the headers, ``parse()`` for what the plain call returns and, where the
        operation declares response headers, ``parse_headers()``."""
        if self._raw is None:
            self._raw = AsyncBatchClientWithRawResponse(self)
        return self._raw

    def __repr__(self) -> str:
        return f"AsyncBatchClient(endpoint={self._pipeline.endpoint!r})"

    async def close(self) -> None:
        """Close the pooled connections. The client may still be used; it reconnects."""
        await self._pipeline.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


class AsyncBatchClientWithRawResponse:
    """``client.with_raw_response``: each group of ``AsyncBatchClient``, its methods returning
    ``RawResponse``."""

    def __init__(self, client: AsyncBatchClient) -> None:
        self.files = FilesOperationsWithRawResponse(client.files)
        self.pools = PoolsOperationsWithRawResponse(client.pools)
        self.tasks = TasksOperationsWithRawResponse(client.tasks)
        self.jobs = JobsOperationsWithRawResponse(client.jobs)
