"""``TaskExecutionInformation``: Information about the execution of a Task."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import INT, ISO_DATETIME, EnumCodec, Model, ModelCodec

if TYPE_CHECKING:
    import datetime
    from typing import Any

    from . import (
        TaskContainerExecutionInformation,
        TaskExecutionResult,
        TaskFailureInformation,
    )

__all__ = ["TaskExecutionInformation"]


@dataclass(kw_only=True, slots=True)
class TaskExecutionInformation(Model):
    """Information about the execution of a Task.

    Wire name: ``TaskExecutionInformation``.
    """

    retry_count: int
    """Task application failures (non-zero exit code) are retried, pre-processing errors
    (the Task could not be run) and file upload errors are not retried. The Batch
    service will retry the Task up to the limit specified by the constraints.
    (``retryCount``, required)"""
    requeue_count: int
    """When the user removes Compute Nodes from a Pool (by resizing/shrinking the pool) or
    when the Job is being disabled, the user can specify that running Tasks on the
    Compute Nodes be requeued for execution. This count tracks how many times the Task
    has been requeued for these reasons. (``requeueCount``, required)"""
    start_time: datetime.datetime | None = None
    """'Running' corresponds to the running state, so if the Task specifies resource files
    or Packages, then the start time reflects the time at which the Task started
    downloading or deploying these. If the Task has been restarted or retried, this is
    the most recent time at which the Task started running. This property is present
    only for Tasks that are in the running or completed state. (``startTime``)"""
    end_time: datetime.datetime | None = None
    """This property is set only if the Task is in the Completed state. (``endTime``)"""
    exit_code: int | None = None
    """This property is set only if the Task is in the completed state. In general, the
    exit code for a process reflects the specific convention implemented by the
    application developer for that process. If you use the exit code value to make
    decisions in your code, be sure that you know the exit code convention used by the
    application process. However, if the Batch service terminates the Task (due to
    timeout, or user termination via the API) you may see an operating system-defined
    exit code. (``exitCode``)"""
    container_info: TaskContainerExecutionInformation | None = None
    """This property is set only if the Task runs in a container context.
    (``containerInfo``)"""
    failure_info: TaskFailureInformation | None = None
    """This property is set only if the Task is in the completed state and encountered a
    failure. (``failureInfo``)"""
    last_retry_time: datetime.datetime | None = None
    """This element is present only if the Task was retried (i.e. retryCount is nonzero).
    If present, this is typically the same as startTime, but may be different if the
    Task has been restarted for reasons other than retry; for example, if the Compute
    Node was rebooted during a retry, then the startTime is updated but the
    lastRetryTime is not. (``lastRetryTime``)"""
    last_requeue_time: datetime.datetime | None = None
    """This property is set only if the requeueCount is nonzero. (``lastRequeueTime``)"""
    result: TaskExecutionResult | str | None = None
    """If the value is 'failed', then the details of the failure can be found in the
    failureInfo property. (``result``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


TaskExecutionInformation._fields = (
    ("start_time", "startTime", ISO_DATETIME),
    ("end_time", "endTime", ISO_DATETIME),
    ("exit_code", "exitCode", INT),
    (
        "container_info",
        "containerInfo",
        ModelCodec(lambda: _models.TaskContainerExecutionInformation),
    ),
    ("failure_info", "failureInfo", ModelCodec(lambda: _models.TaskFailureInformation)),
    ("retry_count", "retryCount", INT),
    ("last_retry_time", "lastRetryTime", ISO_DATETIME),
    ("requeue_count", "requeueCount", INT),
    ("last_requeue_time", "lastRequeueTime", ISO_DATETIME),
    ("result", "result", EnumCodec(lambda: _models.TaskExecutionResult)),
)
