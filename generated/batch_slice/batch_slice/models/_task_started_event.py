"""``TaskStartedEvent``: The Task started (synthetic)."""

from __future__ import annotations

from dataclasses import dataclass

from .._serialization import STR
from ._task_event import TaskEvent

__all__ = ["TaskStartedEvent"]


@dataclass(kw_only=True, slots=True)
class TaskStartedEvent(TaskEvent):
    """The Task started (synthetic).

    Wire name: ``TaskStartedEvent``. Extends ``TaskEvent``. Selected when ``kind`` is ``started``.
    """

    node_id: str | None = None
    """The Compute Node the Task runs on. (``nodeId``)"""
    kind: str = "started"
    """The discriminator; ``started`` for this class."""


TaskStartedEvent._fields = (*TaskEvent._fields, ("node_id", "nodeId", STR))
