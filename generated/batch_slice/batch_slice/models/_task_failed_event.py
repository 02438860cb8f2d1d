"""``TaskFailedEvent``: The Task failed (synthetic)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import INT, EnumCodec
from ._task_event import TaskEvent

if TYPE_CHECKING:
    from . import ErrorCategory

__all__ = ["TaskFailedEvent"]


@dataclass(kw_only=True, slots=True)
class TaskFailedEvent(TaskEvent):
    """The Task failed (synthetic).

    Wire name: ``TaskFailedEvent``. Extends ``TaskEvent``. Selected when ``kind`` is ``failed``.
    """

    exit_code: int | None = None
    """The exit code. (``exitCode``)"""
    category: ErrorCategory | str | None = None
    """The category of the error. (``category``)"""
    kind: str = "failed"
    """The discriminator; ``failed`` for this class."""


TaskFailedEvent._fields = (
    *TaskEvent._fields,
    ("exit_code", "exitCode", INT),
    ("category", "category", EnumCodec(lambda: _models.ErrorCategory)),
)
