"""BatchClient: the entry point of the package."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Self

from ._transport import ClientConfig, Pipeline
from ._version import API_VERSION, VERSION
from .operations import TasksOperations, TasksOperationsWithRawResponse

if TYPE_CHECKING:
    import ssl
    from types import TracebackType

    from ._credentials import SharedKeyCredential, TokenCredential
    from ._pipeline import RetryPolicy

__all__ = ["BatchClient", "BatchClientWithRawResponse"]

CREDENTIAL_SCOPES: tuple[str, ...] = ("https://batch.core.windows.net//.default",)


class BatchClient:
    """A client for issuing REST requests to the Azure Batch service.

    :param endpoint: The base URL for all Azure Batch service requests.
    :param credential: a ``SharedKeyCredential(account_name, key)``, or a Microsoft Entra token
        credential: any object with ``get_token(*scopes)`` (every azure-identity credential).
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

    Use it as a context manager, or call ``close()``, to release its connections.
    """

    def __init__(
        self,
        endpoint: str,
        credential: SharedKeyCredential | TokenCredential,
        *,
        api_version: str = API_VERSION,
        connect_timeout: float = 10.0,
        read_timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        ssl_context: ssl.SSLContext | None = None,
        proxy: str | None = None,
        deadline: float | None = None,
    ) -> None:
        self._pipeline = Pipeline(
            endpoint,
            credential,
            scopes=CREDENTIAL_SCOPES,
            user_agent=f"batch-client/{VERSION} Python/{sys.version_info[0]}.{sys.version_info[1]}",
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            retry=retry,
            ssl_context=ssl_context,
            proxy=proxy,
            deadline=deadline,
        )
        config = ClientConfig(self._pipeline, api_version)
        self._raw: BatchClientWithRawResponse | None = None
        self.tasks = TasksOperations(config)
        """Tasks operations."""

    @property
    def endpoint(self) -> str:
        return self._pipeline.endpoint

    @property
    def with_raw_response(self) -> BatchClientWithRawResponse:
        """Every operation as on this client, returning a ``RawResponse`` instead: the
        status, the headers, ``parse()`` for what the plain call returns and, where the
        operation declares response headers, ``parse_headers()``."""
        if self._raw is None:
            self._raw = BatchClientWithRawResponse(self)
        return self._raw

    def __repr__(self) -> str:
        return f"BatchClient(endpoint={self._pipeline.endpoint!r})"

    def close(self) -> None:
        """Close the pooled connections. The client may still be used; it reconnects."""
        self._pipeline.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class BatchClientWithRawResponse:
    """``client.with_raw_response``: each group of ``BatchClient``, its methods returning
    ``RawResponse``."""

    def __init__(self, client: BatchClient) -> None:
        self.tasks = TasksOperationsWithRawResponse(client.tasks)
