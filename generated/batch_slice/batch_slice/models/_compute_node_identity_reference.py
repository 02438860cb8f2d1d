"""``ComputeNodeIdentityReference``: The reference to a user assigned identity associated with the Batch pool which a compute node will use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import STR, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["ComputeNodeIdentityReference"]


@dataclass(kw_only=True, slots=True)
class ComputeNodeIdentityReference(Model):
    """The reference to a user assigned identity associated with the Batch pool which a
    compute node will use.

    Wire name: ``ComputeNodeIdentityReference``.
    """

    resource_id: str | None = None
    """The ARM resource id of the user assigned identity. (``resourceId``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


ComputeNodeIdentityReference._fields = (("resource_id", "resourceId", STR),)
