"""``TaskEventListResult``: A page of Task events."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import STR, ListCodec, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import TaskEvent

__all__ = ["TaskEventListResult"]


@dataclass(kw_only=True, slots=True)
class TaskEventListResult(Model):
    """A page of Task events.

    Wire name: ``TaskEventListResult``.
    """

    value: list[TaskEvent] | None = None
    """The events. (``value``)"""
    odata_next_link: str | None = None
    """The URL to get the next set of results. (``odata.nextLink``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


TaskEventListResult._fields = (
    ("value", "value", ListCodec(ModelCodec(lambda: _models.TaskEvent))),
    ("odata_next_link", "odata.nextLink", STR),
)
