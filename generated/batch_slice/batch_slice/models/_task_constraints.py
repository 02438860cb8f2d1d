"""``TaskConstraints``: Execution constraints to apply to a Task."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import DURATION, INT, Model

if TYPE_CHECKING:
    import datetime
    from typing import Any

__all__ = ["TaskConstraints"]


@dataclass(kw_only=True, slots=True)
class TaskConstraints(Model):
    """Execution constraints to apply to a Task.

    Wire name: ``TaskConstraints``.
    """

    max_wall_clock_time: datetime.timedelta | None = None
    """If this is not specified, there is no time limit on how long the Task may run.
    (``maxWallClockTime``)"""
    retention_time: datetime.timedelta | None = None
    """The default is 7 days, i.e. the Task directory will be retained for 7 days unless
    the Compute Node is removed or the Job is deleted. (``retentionTime``)"""
    max_task_retry_count: int | None = None
    """Note that this value specifically controls the number of retries for the Task
    executable due to a nonzero exit code. The Batch service will try the Task once, and
    may then retry up to this limit. For example, if the maximum retry count is 3, Batch
    tries the Task up to 4 times (one initial try and 3 retries). If the maximum retry
    count is 0, the Batch service does not retry the Task after the first attempt. If
    the maximum retry count is -1, the Batch service retries the Task without limit,
    however this is not recommended for a start task or any task. The default value is 0
    (no retries). (``maxTaskRetryCount``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


TaskConstraints._fields = (
    ("max_wall_clock_time", "maxWallClockTime", DURATION),
    ("retention_time", "retentionTime", DURATION),
    ("max_task_retry_count", "maxTaskRetryCount", INT),
)
