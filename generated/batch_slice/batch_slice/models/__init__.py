"""Models of BatchServiceClient: one module each, imported on first use.

Every model keeps the wire name of each field beside its Python name (``_fields``), builds from
JSON with ``from_dict`` and back with ``to_dict``.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._access_scope import AccessScope
    from ._affinity_information import AffinityInformation
    from ._application_package_reference import ApplicationPackageReference
    from ._authentication_token_settings import AuthenticationTokenSettings
    from ._auto_user_scope import AutoUserScope
    from ._auto_user_specification import AutoUserSpecification
    from ._batch_error import BatchError
    from ._batch_error_detail import BatchErrorDetail
    from ._cloud_task import CloudTask
    from ._cloud_task_list_result import CloudTaskListResult
    from ._compute_node_identity_reference import ComputeNodeIdentityReference
    from ._compute_node_information import ComputeNodeInformation
    from ._container_host_batch_bind_mount_entry import ContainerHostBatchBindMountEntry
    from ._container_host_data_path import ContainerHostDataPath
    from ._container_registry import ContainerRegistry
    from ._container_working_directory import ContainerWorkingDirectory
    from ._dependency_action import DependencyAction
    from ._elevation_level import ElevationLevel
    from ._environment_setting import EnvironmentSetting
    from ._error_category import ErrorCategory
    from ._error_message import ErrorMessage
    from ._exit_code_mapping import ExitCodeMapping
    from ._exit_code_range_mapping import ExitCodeRangeMapping
    from ._exit_conditions import ExitConditions
    from ._exit_options import ExitOptions
    from ._http_header import HttpHeader
    from ._job_action import JobAction
    from ._job_terminate_parameter import JobTerminateParameter
    from ._multi_instance_settings import MultiInstanceSettings
    from ._name_value_pair import NameValuePair
    from ._output_file import OutputFile
    from ._output_file_blob_container_destination import (
        OutputFileBlobContainerDestination,
    )
    from ._output_file_destination import OutputFileDestination
    from ._output_file_upload_condition import OutputFileUploadCondition
    from ._output_file_upload_options import OutputFileUploadOptions
    from ._resource_file import ResourceFile
    from ._task_constraints import TaskConstraints
    from ._task_container_execution_information import TaskContainerExecutionInformation
    from ._task_container_settings import TaskContainerSettings
    from ._task_dependencies import TaskDependencies
    from ._task_event import TaskEvent
    from ._task_event_list_result import TaskEventListResult
    from ._task_execution_information import TaskExecutionInformation
    from ._task_execution_result import TaskExecutionResult
    from ._task_failed_event import TaskFailedEvent
    from ._task_failure_information import TaskFailureInformation
    from ._task_id_range import TaskIdRange
    from ._task_started_event import TaskStartedEvent
    from ._task_state import TaskState
    from ._task_statistics import TaskStatistics
    from ._user_identity import UserIdentity

_MODULES = {
    "AffinityInformation": "._affinity_information",
    "ApplicationPackageReference": "._application_package_reference",
    "AuthenticationTokenSettings": "._authentication_token_settings",
    "AutoUserSpecification": "._auto_user_specification",
    "BatchError": "._batch_error",
    "BatchErrorDetail": "._batch_error_detail",
    "CloudTask": "._cloud_task",
    "CloudTaskListResult": "._cloud_task_list_result",
    "ComputeNodeIdentityReference": "._compute_node_identity_reference",
    "ComputeNodeInformation": "._compute_node_information",
    "ContainerHostBatchBindMountEntry": "._container_host_batch_bind_mount_entry",
    "ContainerRegistry": "._container_registry",
    "EnvironmentSetting": "._environment_setting",
    "ErrorMessage": "._error_message",
    "ExitCodeMapping": "._exit_code_mapping",
    "ExitCodeRangeMapping": "._exit_code_range_mapping",
    "ExitConditions": "._exit_conditions",
    "ExitOptions": "._exit_options",
    "HttpHeader": "._http_header",
    "JobTerminateParameter": "._job_terminate_parameter",
    "MultiInstanceSettings": "._multi_instance_settings",
    "NameValuePair": "._name_value_pair",
    "OutputFile": "._output_file",
    "OutputFileBlobContainerDestination": "._output_file_blob_container_destination",
    "OutputFileDestination": "._output_file_destination",
    "OutputFileUploadOptions": "._output_file_upload_options",
    "ResourceFile": "._resource_file",
    "TaskConstraints": "._task_constraints",
    "TaskContainerExecutionInformation": "._task_container_execution_information",
    "TaskContainerSettings": "._task_container_settings",
    "TaskDependencies": "._task_dependencies",
    "TaskEvent": "._task_event",
    "TaskEventListResult": "._task_event_list_result",
    "TaskExecutionInformation": "._task_execution_information",
    "TaskFailedEvent": "._task_failed_event",
    "TaskFailureInformation": "._task_failure_information",
    "TaskIdRange": "._task_id_range",
    "TaskStartedEvent": "._task_started_event",
    "TaskStatistics": "._task_statistics",
    "UserIdentity": "._user_identity",
    "ContainerHostDataPath": "._container_host_data_path",
    "ElevationLevel": "._elevation_level",
    "ErrorCategory": "._error_category",
    "OutputFileUploadCondition": "._output_file_upload_condition",
    "TaskExecutionResult": "._task_execution_result",
    "TaskState": "._task_state",
    "AccessScope": "._access_scope",
    "AutoUserScope": "._auto_user_scope",
    "JobAction": "._job_action",
    "DependencyAction": "._dependency_action",
    "ContainerWorkingDirectory": "._container_working_directory",
}

__all__ = [
    "AccessScope",
    "AffinityInformation",
    "ApplicationPackageReference",
    "AuthenticationTokenSettings",
    "AutoUserScope",
    "AutoUserSpecification",
    "BatchError",
    "BatchErrorDetail",
    "CloudTask",
    "CloudTaskListResult",
    "ComputeNodeIdentityReference",
    "ComputeNodeInformation",
    "ContainerHostBatchBindMountEntry",
    "ContainerHostDataPath",
    "ContainerRegistry",
    "ContainerWorkingDirectory",
    "DependencyAction",
    "ElevationLevel",
    "EnvironmentSetting",
    "ErrorCategory",
    "ErrorMessage",
    "ExitCodeMapping",
    "ExitCodeRangeMapping",
    "ExitConditions",
    "ExitOptions",
    "HttpHeader",
    "JobAction",
    "JobTerminateParameter",
    "MultiInstanceSettings",
    "NameValuePair",
    "OutputFile",
    "OutputFileBlobContainerDestination",
    "OutputFileDestination",
    "OutputFileUploadCondition",
    "OutputFileUploadOptions",
    "ResourceFile",
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
    "TaskStartedEvent",
    "TaskState",
    "TaskStatistics",
    "UserIdentity",
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
