"""A slice of the Azure Batch data plane (2024-07-01.20.0) for golden tests: a pageable
list, a HEAD exists, a file download, a request body, enums, and one synthetic
polymorphic model (TaskEvent) that the real API does not have.

Generated from ``batch-slice.json`` (API version 2024-07-01.20.0).

    from batch_slice import BatchClient, SharedKeyCredential

The async client, ``AsyncBatchClient``, needs aiohttp and is imported on first use.
"""

from typing import TYPE_CHECKING, Any

from ._client import BatchClient
from ._body import FilePart
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
from ._download import AsyncDownload, Download
from ._paging import AsyncItemPaged, ItemPaged
from ._pipeline import RequestOptions, RetryPolicy
from ._serialization import NOT_GIVEN, Duration, Model, NotGiven, UnknownVariant
from ._version import API_VERSION, VERSION

if TYPE_CHECKING:
    from .aio import AsyncBatchClient
    from .models import AffinityInformation
    from .models import ApplicationPackageReference
    from .models import AuthenticationTokenSettings
    from .models import AutoUserSpecification
    from .models import BatchError
    from .models import BatchErrorDetail
    from .models import CloudTask
    from .models import CloudTaskListResult
    from .models import ComputeNodeIdentityReference
    from .models import ComputeNodeInformation
    from .models import ContainerHostBatchBindMountEntry
    from .models import ContainerRegistry
    from .models import EnvironmentSetting
    from .models import ErrorMessage
    from .models import ExitCodeMapping
    from .models import ExitCodeRangeMapping
    from .models import ExitConditions
    from .models import ExitOptions
    from .models import HttpHeader
    from .models import JobTerminateParameter
    from .models import MultiInstanceSettings
    from .models import NameValuePair
    from .models import OutputFile
    from .models import OutputFileBlobContainerDestination
    from .models import OutputFileDestination
    from .models import OutputFileUploadOptions
    from .models import ResourceFile
    from .models import TaskConstraints
    from .models import TaskContainerExecutionInformation
    from .models import TaskContainerSettings
    from .models import TaskDependencies
    from .models import TaskEvent
    from .models import TaskEventListResult
    from .models import TaskExecutionInformation
    from .models import TaskFailedEvent
    from .models import TaskFailureInformation
    from .models import TaskIdRange
    from .models import TaskStartedEvent
    from .models import TaskStatistics
    from .models import UserIdentity
    from .models import ContainerHostDataPath
    from .models import ElevationLevel
    from .models import ErrorCategory
    from .models import OutputFileUploadCondition
    from .models import TaskExecutionResult
    from .models import TaskState
    from .models import AccessScope
    from .models import AutoUserScope
    from .models import JobAction
    from .models import DependencyAction
    from .models import ContainerWorkingDirectory
    from .operations._files import FileGetFromTaskHeaders
    from .operations._pools import PoolExistsHeaders
    from .operations._tasks import TaskListHeaders
    from .operations._tasks import TaskReactivateHeaders
    from .operations._jobs import JobTerminateHeaders

# Imported on first use, to keep `import batch_slice` fast.
_LAZY = {
    "AsyncBatchClient": ".aio",
    "AffinityInformation": ".models",
    "ApplicationPackageReference": ".models",
    "AuthenticationTokenSettings": ".models",
    "AutoUserSpecification": ".models",
    "BatchError": ".models",
    "BatchErrorDetail": ".models",
    "CloudTask": ".models",
    "CloudTaskListResult": ".models",
    "ComputeNodeIdentityReference": ".models",
    "ComputeNodeInformation": ".models",
    "ContainerHostBatchBindMountEntry": ".models",
    "ContainerRegistry": ".models",
    "EnvironmentSetting": ".models",
    "ErrorMessage": ".models",
    "ExitCodeMapping": ".models",
    "ExitCodeRangeMapping": ".models",
    "ExitConditions": ".models",
    "ExitOptions": ".models",
    "HttpHeader": ".models",
    "JobTerminateParameter": ".models",
    "MultiInstanceSettings": ".models",
    "NameValuePair": ".models",
    "OutputFile": ".models",
    "OutputFileBlobContainerDestination": ".models",
    "OutputFileDestination": ".models",
    "OutputFileUploadOptions": ".models",
    "ResourceFile": ".models",
    "TaskConstraints": ".models",
    "TaskContainerExecutionInformation": ".models",
    "TaskContainerSettings": ".models",
    "TaskDependencies": ".models",
    "TaskEvent": ".models",
    "TaskEventListResult": ".models",
    "TaskExecutionInformation": ".models",
    "TaskFailedEvent": ".models",
    "TaskFailureInformation": ".models",
    "TaskIdRange": ".models",
    "TaskStartedEvent": ".models",
    "TaskStatistics": ".models",
    "UserIdentity": ".models",
    "ContainerHostDataPath": ".models",
    "ElevationLevel": ".models",
    "ErrorCategory": ".models",
    "OutputFileUploadCondition": ".models",
    "TaskExecutionResult": ".models",
    "TaskState": ".models",
    "AccessScope": ".models",
    "AutoUserScope": ".models",
    "JobAction": ".models",
    "DependencyAction": ".models",
    "ContainerWorkingDirectory": ".models",
    "FileGetFromTaskHeaders": ".operations._files",
    "PoolExistsHeaders": ".operations._pools",
    "TaskListHeaders": ".operations._tasks",
    "TaskReactivateHeaders": ".operations._tasks",
    "JobTerminateHeaders": ".operations._jobs",
}

__version__ = VERSION

__all__ = [
    "BatchClient",
    "AsyncBatchClient",
    "FilePart",
    "AccessToken",
    "AsyncTokenCredential",
    "SharedKeyCredential",
    "TokenCredential",
    "BatchServiceError",
    "DecodeError",
    "ServiceRequestError",
    "ServiceRequestTimeoutError",
    "ServiceResponseError",
    "AsyncDownload",
    "Download",
    "AsyncItemPaged",
    "ItemPaged",
    "RequestOptions",
    "RetryPolicy",
    "Duration",
    "Model",
    "NOT_GIVEN",
    "NotGiven",
    "UnknownVariant",
    "API_VERSION",
    "VERSION",
    "FileGetFromTaskHeaders",
    "PoolExistsHeaders",
    "TaskListHeaders",
    "TaskReactivateHeaders",
    "JobTerminateHeaders",
    "AffinityInformation",
    "ApplicationPackageReference",
    "AuthenticationTokenSettings",
    "AutoUserSpecification",
    "BatchError",
    "BatchErrorDetail",
    "CloudTask",
    "CloudTaskListResult",
    "ComputeNodeIdentityReference",
    "ComputeNodeInformation",
    "ContainerHostBatchBindMountEntry",
    "ContainerRegistry",
    "EnvironmentSetting",
    "ErrorMessage",
    "ExitCodeMapping",
    "ExitCodeRangeMapping",
    "ExitConditions",
    "ExitOptions",
    "HttpHeader",
    "JobTerminateParameter",
    "MultiInstanceSettings",
    "NameValuePair",
    "OutputFile",
    "OutputFileBlobContainerDestination",
    "OutputFileDestination",
    "OutputFileUploadOptions",
    "ResourceFile",
    "TaskConstraints",
    "TaskContainerExecutionInformation",
    "TaskContainerSettings",
    "TaskDependencies",
    "TaskEvent",
    "TaskEventListResult",
    "TaskExecutionInformation",
    "TaskFailedEvent",
    "TaskFailureInformation",
    "TaskIdRange",
    "TaskStartedEvent",
    "TaskStatistics",
    "UserIdentity",
    "ContainerHostDataPath",
    "ElevationLevel",
    "ErrorCategory",
    "OutputFileUploadCondition",
    "TaskExecutionResult",
    "TaskState",
    "AccessScope",
    "AutoUserScope",
    "JobAction",
    "DependencyAction",
    "ContainerWorkingDirectory",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
