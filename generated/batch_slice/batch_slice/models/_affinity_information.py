"""``AffinityInformation``: A locality hint that can be used by the Batch service to select a Compute Node on which to start a Task."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import STR, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["AffinityInformation"]


@dataclass(kw_only=True, slots=True)
class AffinityInformation(Model):
    """A locality hint that can be used by the Batch service to select a Compute Node on
    which to start a Task.

    Wire name: ``AffinityInformation``.
    """

    affinity_id: str
    """You can pass the affinityId of a Node to indicate that this Task needs to run on
    that Compute Node. Note that this is just a soft affinity. If the target Compute
    Node is busy or unavailable at the time the Task is scheduled, then the Task will be
    scheduled elsewhere. (``affinityId``, required)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


AffinityInformation._fields = (("affinity_id", "affinityId", STR),)
