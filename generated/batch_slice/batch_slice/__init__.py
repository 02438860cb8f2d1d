"""A slice of the Azure Batch data plane (2024-07-01.20.0) for golden tests: a pageable
list, a HEAD exists, a file download, a request body, enums, and one synthetic
polymorphic model (TaskEvent) that the real API does not have.

Generated from ``batch-slice.json`` (API version 2024-07-01.20.0).

    from batch_slice import BatchClient, SharedKeyCredential

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
    from .models import (
        AccessScope,
        AffinityInformation,
        ApplicationPackageReference,
        AuthenticationTokenSettings,
        AutoUserScope,
        AutoUserSpecification,
        BatchError,
        BatchErrorDetail,
        CloudTask,
        CloudTaskListResult,
        ComputeNodeIdentityReference,
        ComputeNodeInformation,
        ContainerHostBatchBindMountEntry,
        ContainerHostDataPath,
        ContainerRegistry,
        ContainerWorkingDirectory,
        DependencyAction,
        ElevationLevel,
        EnvironmentSetting,
        ErrorCategory,
        ErrorMessage,
        ExitCodeMapping,
        ExitCodeRangeMapping,
        ExitConditions,
        ExitOptions,
        HttpHeader,
        JobAction,
        JobTerminateParameter,
        MultiInstanceSettings,
        NameValuePair,
        OutputFile,
        OutputFileBlobContainerDestination,
        OutputFileDestination,
        OutputFileUploadCondition,
        OutputFileUploadOptions,
        ResourceFile,
        TaskConstraints,
        TaskContainerExecutionInformation,
        TaskContainerSettings,
        TaskDependencies,
        TaskEvent,
        TaskEventListResult,
        TaskExecutionInformation,
        TaskExecutionResult,
        TaskFailedEvent,
        TaskFailureInformation,
        TaskIdRange,
        TaskStartedEvent,
        TaskState,
        TaskStatistics,
        UserIdentity,
    )
    from .operations._files import FileGetFromTaskHeaders
    from .operations._jobs import JobTerminateHeaders
    from .operations._pools import PoolExistsHeaders
    from .operations._tasks import TaskListHeaders, TaskReactivateHeaders

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
    "API_VERSION",
    "NOT_GIVEN",
    "VERSION",
    "AccessScope",
    "AccessToken",
    "AffinityInformation",
    "ApplicationPackageReference",
    "AsyncBatchClient",
    "AsyncDownload",
    "AsyncItemPaged",
    "AsyncTokenCredential",
    "AuthenticationTokenSettings",
    "AutoUserScope",
    "AutoUserSpecification",
    "BatchClient",
    "BatchError",
    "BatchErrorDetail",
    "BatchServiceError",
    "CloudTask",
    "CloudTaskListResult",
    "ComputeNodeIdentityReference",
    "ComputeNodeInformation",
    "ContainerHostBatchBindMountEntry",
    "ContainerHostDataPath",
    "ContainerRegistry",
    "ContainerWorkingDirectory",
    "CredentialError",
    "DecodeError",
    "DependencyAction",
    "Download",
    "Duration",
    "ElevationLevel",
    "EnvironmentSetting",
    "ErrorCategory",
    "ErrorMessage",
    "ExitCodeMapping",
    "ExitCodeRangeMapping",
    "ExitConditions",
    "ExitOptions",
    "FileGetFromTaskHeaders",
    "FilePart",
    "HttpHeader",
    "ItemPaged",
    "JobAction",
    "JobTerminateHeaders",
    "JobTerminateParameter",
    "Model",
    "MultiInstanceSettings",
    "NameValuePair",
    "NotGiven",
    "OutputFile",
    "OutputFileBlobContainerDestination",
    "OutputFileDestination",
    "OutputFileUploadCondition",
    "OutputFileUploadOptions",
    "PoolExistsHeaders",
    "RawResponse",
    "RawResponseWithHeaders",
    "RequestOptions",
    "ResourceFile",
    "RetryPolicy",
    "ServiceRequestError",
    "ServiceRequestTimeoutError",
    "ServiceResponseError",
    "SharedKeyCredential",
    "TaskConstraints",
    "TaskContainerExecutionInformation",
    "TaskContainerSettings",
    "TaskDependencies",
    "TaskEvent",
    "TaskEventListResult",
    "TaskExecutionInformation",
    "TaskExecutionResult",
    "TaskFailedEvent",
    "TaskFailureInformation",
    "TaskIdRange",
    "TaskListHeaders",
    "TaskReactivateHeaders",
    "TaskStartedEvent",
    "TaskState",
    "TaskStatistics",
    "TokenCredential",
    "UnknownVariant",
    "UserIdentity",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
