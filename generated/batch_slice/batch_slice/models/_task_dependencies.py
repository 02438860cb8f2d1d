"""``TaskDependencies``: Specifies any dependencies of a Task. Any Task that is explicitly specified or within a dependency range must complete before the dependant Task will be scheduled."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import STR, ListCodec, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import TaskIdRange

__all__ = ["TaskDependencies"]


@dataclass(kw_only=True, slots=True)
class TaskDependencies(Model):
    """Specifies any dependencies of a Task. Any Task that is explicitly specified or
    within a dependency range must complete before the dependant Task will be
    scheduled.

    Wire name: ``TaskDependencies``.
    """

    task_ids: list[str] | None = None
    """The taskIds collection is limited to 64000 characters total (i.e. the combined
    length of all Task IDs). If the taskIds collection exceeds the maximum length, the
    Add Task request fails with error code TaskDependencyListTooLong. In this case
    consider using Task ID ranges instead. (``taskIds``)"""
    task_id_ranges: list[TaskIdRange] | None = None
    """The list of Task ID ranges that this Task depends on. All Tasks in all ranges
    must complete successfully before the dependent Task can be scheduled.
    (``taskIdRanges``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


TaskDependencies._fields = (
    ("task_ids", "taskIds", ListCodec(STR)),
    (
        "task_id_ranges",
        "taskIdRanges",
        ListCodec(ModelCodec(lambda: _models.TaskIdRange)),
    ),
)
