"""``TaskContainerExecutionInformation``: Contains information about the container which a Task is executing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import STR, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["TaskContainerExecutionInformation"]


@dataclass(kw_only=True, slots=True)
class TaskContainerExecutionInformation(Model):
    """Contains information about the container which a Task is executing.

    Wire name: ``TaskContainerExecutionInformation``.
    """

    container_id: str | None = None
    """The ID of the container. (``containerId``)"""
    state: str | None = None
    """This is the state of the container according to the Docker service. It is equivalent
    to the status field returned by \"docker inspect\". (``state``)"""
    error: str | None = None
    """This is the detailed error string from the Docker service, if available. It is
    equivalent to the error field returned by \"docker inspect\". (``error``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


TaskContainerExecutionInformation._fields = (
    ("container_id", "containerId", STR),
    ("state", "state", STR),
    ("error", "error", STR),
)
