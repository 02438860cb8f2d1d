"""A client for issuing REST requests to the Azure Batch service.

Generated from ``batch-task-reactivate.yaml`` (API version 2024-07-01.20.0).

    from batch_client import BatchClient, SharedKeyCredential
The async client, ``AsyncBatchClient``, needs aiohttp and is imported on first use.
"""

from typing import TYPE_CHECKING, Any

from ._client import BatchClient
from ._credentials import (
    AccessToken,
    AsyncTokenCredential,
    SharedKeyCredential,
    TokenCredential,
)
from ._errors import (
    BatchServiceError,
    DecodeError,
    ServiceRequestError,
    ServiceRequestTimeoutError,
    ServiceResponseError,
)
from ._headers import TaskReactivateHeaders
from ._pipeline import RequestOptions, RetryPolicy
from .models import BatchError, BatchErrorDetail, ErrorMessage
from ._version import API_VERSION, VERSION

if TYPE_CHECKING:
    from .aio import AsyncBatchClient

__version__ = VERSION

__all__ = [
    "BatchClient",
    "AsyncBatchClient",
    "AccessToken",
    "AsyncTokenCredential",
    "SharedKeyCredential",
    "TokenCredential",
    "BatchServiceError",
    "DecodeError",
    "ServiceRequestError",
    "ServiceRequestTimeoutError",
    "ServiceResponseError",
    "RequestOptions",
    "RetryPolicy",
    "TaskReactivateHeaders",
    "BatchError",
    "BatchErrorDetail",
    "ErrorMessage",
    "API_VERSION",
    "VERSION",
]


def __getattr__(name: str) -> Any:
    # The async client pulls in aiohttp: imported only when asked for, to keep `import` fast.
    if name == "AsyncBatchClient":
        from .aio import AsyncBatchClient

        return AsyncBatchClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
