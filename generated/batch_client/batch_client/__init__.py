"""A client for issuing REST requests to the Azure Batch service.

Generated from ``batch-task-reactivate.yaml`` (API version 2024-07-01.20.0).

    from batch_client import BatchClient, SharedKeyCredential
"""

from ._client import BatchClient
from ._credentials import AccessToken, SharedKeyCredential, TokenCredential
from ._errors import (
    BatchServiceError,
    DecodeError,
    ServiceRequestError,
    ServiceRequestTimeoutError,
)
from ._headers import TaskReactivateHeaders
from .models import BatchError, BatchErrorDetail, ErrorMessage
from ._version import API_VERSION, VERSION

__version__ = VERSION

__all__ = [
    "BatchClient",
    "AccessToken",
    "SharedKeyCredential",
    "TokenCredential",
    "BatchServiceError",
    "DecodeError",
    "ServiceRequestError",
    "ServiceRequestTimeoutError",
    "TaskReactivateHeaders",
    "BatchError",
    "BatchErrorDetail",
    "ErrorMessage",
    "API_VERSION",
    "VERSION",
]
