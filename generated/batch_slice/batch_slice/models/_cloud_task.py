"""``CloudTask``: Batch will retry Tasks when a recovery operation is triggered on a Node. Examples of recovery operations include (but are not limited to) when an unhealthy Node is rebooted or a Compute Node disappeared due to host failure. Retries due to recovery operations are independent of and are not counted against the maxTaskRetryCount. Even if the maxTaskRetryCount is 0, an internal retry due to a recovery operation may occur. Because of this, all Tasks should be idempotent. This means Tasks need to tolerate being interrupted and restarted without causing any corruption or duplicate data. The best practice for long running Tasks is to use some form of checkpointing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import (
    INT,
    ISO_DATETIME,
    STR,
    EnumCodec,
    ListCodec,
    Model,
    ModelCodec,
)

if TYPE_CHECKING:
    import datetime
    from typing import Any

    from . import (
        AffinityInformation,
        ApplicationPackageReference,
        AuthenticationTokenSettings,
        ComputeNodeInformation,
        EnvironmentSetting,
        ExitConditions,
        MultiInstanceSettings,
        OutputFile,
        ResourceFile,
        TaskConstraints,
        TaskContainerSettings,
        TaskDependencies,
        TaskExecutionInformation,
        TaskState,
        TaskStatistics,
        UserIdentity,
    )

__all__ = ["CloudTask"]


@dataclass(kw_only=True, slots=True)
class CloudTask(Model):
    """Batch will retry Tasks when a recovery operation is triggered on a Node. Examples
    of recovery operations include (but are not limited to) when an unhealthy Node is
    rebooted or a Compute Node disappeared due to host failure. Retries due to
    recovery operations are independent of and are not counted against the
    maxTaskRetryCount. Even if the maxTaskRetryCount is 0, an internal retry due to a
    recovery operation may occur. Because of this, all Tasks should be idempotent.
    This means Tasks need to tolerate being interrupted and restarted without causing
    any corruption or duplicate data. The best practice for long running Tasks is to
    use some form of checkpointing.

    Wire name: ``CloudTask``.
    """

    id: str | None = None
    """The ID can contain any combination of alphanumeric characters including hyphens and
    underscores, and cannot contain more than 64 characters. (``id``)"""
    display_name: str | None = None
    """The display name need not be unique and can contain any Unicode characters up to a
    maximum length of 1024. (``displayName``)"""
    url: str | None = None
    """The URL of the Task. (``url``)"""
    e_tag: str | None = None
    """This is an opaque string. You can use it to detect whether the Task has changed
    between requests. In particular, you can be pass the ETag when updating a Task to
    specify that your changes should take effect only if nobody else has modified the
    Task in the meantime. (``eTag``)"""
    last_modified: datetime.datetime | None = None
    """The last modified time of the Task. (``lastModified``)"""
    creation_time: datetime.datetime | None = None
    """The creation time of the Task. (``creationTime``)"""
    exit_conditions: ExitConditions | None = None
    """How the Batch service should respond when the Task completes. (``exitConditions``)"""
    state: TaskState | str | None = None
    """The current state of the Task. (``state``)"""
    state_transition_time: datetime.datetime | None = None
    """The time at which the Task entered its current state. (``stateTransitionTime``)"""
    previous_state: TaskState | str | None = None
    """This property is not set if the Task is in its initial Active state.
    (``previousState``)"""
    previous_state_transition_time: datetime.datetime | None = None
    """This property is not set if the Task is in its initial Active state.
    (``previousStateTransitionTime``)"""
    command_line: str | None = None
    """For multi-instance Tasks, the command line is executed as the primary Task, after
    the primary Task and all subtasks have finished executing the coordination command
    line. The command line does not run under a shell, and therefore cannot take
    advantage of shell features such as environment variable expansion. If you want to
    take advantage of such features, you should invoke the shell in the command line,
    for example using \"cmd /c MyCommand\" in Windows or \"/bin/sh -c MyCommand\" in
    Linux. If the command line refers to file paths, it should use a relative path
    (relative to the Task working directory), or use the Batch provided environment
    variable
    (https://learn.microsoft.com/azure/batch/batch-compute-node-environment-variables).
    (``commandLine``)"""
    container_settings: TaskContainerSettings | None = None
    """If the Pool that will run this Task has containerConfiguration set, this must be set
    as well. If the Pool that will run this Task doesn't have containerConfiguration
    set, this must not be set. When this is specified, all directories recursively below
    the AZ_BATCH_NODE_ROOT_DIR (the root of Azure Batch directories on the node) are
    mapped into the container, all Task environment variables are mapped into the
    container, and the Task command line is executed in the container. Files produced in
    the container outside of AZ_BATCH_NODE_ROOT_DIR might not be reflected to the host
    disk, meaning that Batch file APIs will not be able to access those files.
    (``containerSettings``)"""
    resource_files: list[ResourceFile] | None = None
    """For multi-instance Tasks, the resource files will only be downloaded to the Compute
    Node on which the primary Task is executed. There is a maximum size for the list of
    resource files.  When the max size is exceeded, the request will fail and the
    response error code will be RequestEntityTooLarge. If this occurs, the collection of
    ResourceFiles must be reduced in size. This can be achieved using .zip files,
    Application Packages, or Docker Containers. (``resourceFiles``)"""
    output_files: list[OutputFile] | None = None
    """For multi-instance Tasks, the files will only be uploaded from the Compute Node on
    which the primary Task is executed. (``outputFiles``)"""
    environment_settings: list[EnvironmentSetting] | None = None
    """A list of environment variable settings for the Task. (``environmentSettings``)"""
    affinity_info: AffinityInformation | None = None
    """A locality hint that can be used by the Batch service to select a Compute Node on
    which to start the new Task. (``affinityInfo``)"""
    constraints: TaskConstraints | None = None
    """The execution constraints that apply to this Task. (``constraints``)"""
    required_slots: int | None = None
    """The default is 1. A Task can only be scheduled to run on a compute node if the node
    has enough free scheduling slots available. For multi-instance Tasks, this must be
    1. (``requiredSlots``)"""
    user_identity: UserIdentity | None = None
    """If omitted, the Task runs as a non-administrative user unique to the Task.
    (``userIdentity``)"""
    execution_info: TaskExecutionInformation | None = None
    """Information about the execution of the Task. (``executionInfo``)"""
    node_info: ComputeNodeInformation | None = None
    """Information about the Compute Node on which the Task ran. (``nodeInfo``)"""
    multi_instance_settings: MultiInstanceSettings | None = None
    """An object that indicates that the Task is a multi-instance Task, and contains
    information about how to run the multi-instance Task. (``multiInstanceSettings``)"""
    stats: TaskStatistics | None = None
    """Resource usage statistics for the Task. (``stats``)"""
    depends_on: TaskDependencies | None = None
    """This Task will not be scheduled until all Tasks that it depends on have completed
    successfully. If any of those Tasks fail and exhaust their retry counts, this Task
    will never be scheduled. (``dependsOn``)"""
    application_package_references: list[ApplicationPackageReference] | None = None
    """Application packages are downloaded and deployed to a shared directory, not the Task
    working directory. Therefore, if a referenced package is already on the Node, and is
    up to date, then it is not re-downloaded; the existing copy on the Compute Node is
    used. If a referenced Package cannot be installed, for example because the package
    has been deleted or because download failed, the Task fails.
    (``applicationPackageReferences``)"""
    authentication_token_settings: AuthenticationTokenSettings | None = None
    """If this property is set, the Batch service provides the Task with an authentication
    token which can be used to authenticate Batch service operations without requiring
    an Account access key. The token is provided via the AZ_BATCH_AUTHENTICATION_TOKEN
    environment variable. The operations that the Task can carry out using the token
    depend on the settings. For example, a Task can request Job permissions in order to
    add other Tasks to the Job, or check the status of the Job or of other Tasks under
    the Job. (``authenticationTokenSettings``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


CloudTask._fields = (
    ("id", "id", STR),
    ("display_name", "displayName", STR),
    ("url", "url", STR),
    ("e_tag", "eTag", STR),
    ("last_modified", "lastModified", ISO_DATETIME),
    ("creation_time", "creationTime", ISO_DATETIME),
    ("exit_conditions", "exitConditions", ModelCodec(lambda: _models.ExitConditions)),
    ("state", "state", EnumCodec(lambda: _models.TaskState)),
    ("state_transition_time", "stateTransitionTime", ISO_DATETIME),
    ("previous_state", "previousState", EnumCodec(lambda: _models.TaskState)),
    ("previous_state_transition_time", "previousStateTransitionTime", ISO_DATETIME),
    ("command_line", "commandLine", STR),
    (
        "container_settings",
        "containerSettings",
        ModelCodec(lambda: _models.TaskContainerSettings),
    ),
    (
        "resource_files",
        "resourceFiles",
        ListCodec(ModelCodec(lambda: _models.ResourceFile)),
    ),
    ("output_files", "outputFiles", ListCodec(ModelCodec(lambda: _models.OutputFile))),
    (
        "environment_settings",
        "environmentSettings",
        ListCodec(ModelCodec(lambda: _models.EnvironmentSetting)),
    ),
    ("affinity_info", "affinityInfo", ModelCodec(lambda: _models.AffinityInformation)),
    ("constraints", "constraints", ModelCodec(lambda: _models.TaskConstraints)),
    ("required_slots", "requiredSlots", INT),
    ("user_identity", "userIdentity", ModelCodec(lambda: _models.UserIdentity)),
    (
        "execution_info",
        "executionInfo",
        ModelCodec(lambda: _models.TaskExecutionInformation),
    ),
    ("node_info", "nodeInfo", ModelCodec(lambda: _models.ComputeNodeInformation)),
    (
        "multi_instance_settings",
        "multiInstanceSettings",
        ModelCodec(lambda: _models.MultiInstanceSettings),
    ),
    ("stats", "stats", ModelCodec(lambda: _models.TaskStatistics)),
    ("depends_on", "dependsOn", ModelCodec(lambda: _models.TaskDependencies)),
    (
        "application_package_references",
        "applicationPackageReferences",
        ListCodec(ModelCodec(lambda: _models.ApplicationPackageReference)),
    ),
    (
        "authentication_token_settings",
        "authenticationTokenSettings",
        ModelCodec(lambda: _models.AuthenticationTokenSettings),
    ),
)
