"""A client for issuing REST requests to the Azure Batch service.

Generated from ``batch-task-reactivate.yaml`` (API version 2024-07-01.20.0).

    from batch_client import BatchClient, SharedKeyCredential

The async client, ``AsyncBatchClient``, needs aiohttp and is imported on first use.
"""

from typing import TYPE_CHECKING, Any

from ._body import FilePart
from ._client import BatchClient
from ._credentials import (
    AccessToken,
    AsyncTokenCredential,
    SharedKeyCredential,
    TokenCredential,
)
from ._download import AsyncDownload, Download
from ._errors import (
    BatchServiceError,
    CredentialError,
    DecodeError,
    ServiceRequestError,
    ServiceRequestTimeoutError,
    ServiceResponseError,
)
from ._paging import AsyncItemPaged, ItemPaged
from ._pipeline import RequestOptions, RetryPolicy
from ._raw import RawResponse, RawResponseWithHeaders
from ._serialization import NOT_GIVEN, Duration, Model, NotGiven, UnknownVariant
from ._version import API_VERSION, VERSION

if TYPE_CHECKING:
    from .aio import AsyncBatchClient
    from .models import BatchError, BatchErrorDetail, ErrorMessage
    from .operations._tasks import TaskReactivateHeaders

# Imported on first use, to keep `import batch_client` fast.
_LAZY = {
    "AsyncBatchClient": ".aio",
    "BatchError": ".models",
    "BatchErrorDetail": ".models",
    "ErrorMessage": ".models",
    "TaskReactivateHeaders": ".operations._tasks",
}

__version__ = VERSION

__all__ = [
    "API_VERSION",
    "NOT_GIVEN",
    "VERSION",
    "AccessToken",
    "AsyncBatchClient",
    "AsyncDownload",
    "AsyncItemPaged",
    "AsyncTokenCredential",
    "BatchClient",
    "BatchError",
    "BatchErrorDetail",
    "BatchServiceError",
    "CredentialError",
    "DecodeError",
    "Download",
    "Duration",
    "ErrorMessage",
    "FilePart",
    "ItemPaged",
    "Model",
    "NotGiven",
    "RawResponse",
    "RawResponseWithHeaders",
    "RequestOptions",
    "RetryPolicy",
    "ServiceRequestError",
    "ServiceRequestTimeoutError",
    "ServiceResponseError",
    "SharedKeyCredential",
    "TaskReactivateHeaders",
    "TokenCredential",
    "UnknownVariant",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
