"""``TaskEvent``: Something that happened to a Task (synthetic)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import ISO_DATETIME, STR, Model

if TYPE_CHECKING:
    import datetime
    from typing import Any

__all__ = ["TaskEvent"]


@dataclass(kw_only=True, slots=True)
class TaskEvent(Model):
    """Something that happened to a Task (synthetic).

    Wire name: ``TaskEvent``.
    """

    kind: str
    """The kind of event. (``kind``, required)"""
    time: datetime.datetime | None = None
    """When it happened. (``time``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


TaskEvent._fields = (("kind", "kind", STR), ("time", "time", ISO_DATETIME))
TaskEvent._discriminator = "kind"
TaskEvent._subtypes = {
    "failed": "TaskFailedEvent",
    "started": "TaskStartedEvent",
}
