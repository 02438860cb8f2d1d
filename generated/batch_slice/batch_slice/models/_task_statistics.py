"""``TaskStatistics``: Resource usage statistics for a Task."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import DURATION, FLOAT, INT, ISO_DATETIME, STR, Model

if TYPE_CHECKING:
    import datetime
    from typing import Any

__all__ = ["TaskStatistics"]


@dataclass(kw_only=True, slots=True)
class TaskStatistics(Model):
    """Resource usage statistics for a Task.

    Wire name: ``TaskStatistics``.
    """

    url: str
    """The URL of the statistics. (``url``, required)"""
    start_time: datetime.datetime
    """The start time of the time range covered by the statistics. (``startTime``,
    required)"""
    last_update_time: datetime.datetime
    """The time at which the statistics were last updated. All statistics are limited to
    the range between startTime and lastUpdateTime. (``lastUpdateTime``, required)"""
    user_cpu_time: datetime.timedelta
    """The total user mode CPU time (summed across all cores and all Compute Nodes)
    consumed by the Task. (``userCPUTime``, required)"""
    kernel_cpu_time: datetime.timedelta
    """The total kernel mode CPU time (summed across all cores and all Compute Nodes)
    consumed by the Task. (``kernelCPUTime``, required)"""
    wall_clock_time: datetime.timedelta
    """The wall clock time is the elapsed time from when the Task started running on a
    Compute Node to when it finished (or to the last time the statistics were updated,
    if the Task had not finished by then). If the Task was retried, this includes the
    wall clock time of all the Task retries. (``wallClockTime``, required)"""
    read_iops: int
    """The total number of disk read operations made by the Task. (``readIOps``, required)"""
    write_iops: int
    """The total number of disk write operations made by the Task. (``writeIOps``,
    required)"""
    read_io_gi_b: float
    """The total gibibytes read from disk by the Task. (``readIOGiB``, required)"""
    write_io_gi_b: float
    """The total gibibytes written to disk by the Task. (``writeIOGiB``, required)"""
    wait_time: datetime.timedelta
    """The total wait time of the Task. The wait time for a Task is defined as the elapsed
    time between the creation of the Task and the start of Task execution. (If the Task
    is retried due to failures, the wait time is the time to the most recent Task
    execution.) (``waitTime``, required)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


TaskStatistics._fields = (
    ("url", "url", STR),
    ("start_time", "startTime", ISO_DATETIME),
    ("last_update_time", "lastUpdateTime", ISO_DATETIME),
    ("user_cpu_time", "userCPUTime", DURATION),
    ("kernel_cpu_time", "kernelCPUTime", DURATION),
    ("wall_clock_time", "wallClockTime", DURATION),
    ("read_iops", "readIOps", INT),
    ("write_iops", "writeIOps", INT),
    ("read_io_gi_b", "readIOGiB", FLOAT),
    ("write_io_gi_b", "writeIOGiB", FLOAT),
    ("wait_time", "waitTime", DURATION),
)
