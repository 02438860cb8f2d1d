"""``ComputeNodeInformation``: Information about the Compute Node on which a Task ran."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import STR, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["ComputeNodeInformation"]


@dataclass(kw_only=True, slots=True)
class ComputeNodeInformation(Model):
    """Information about the Compute Node on which a Task ran.

    Wire name: ``ComputeNodeInformation``.
    """

    affinity_id: str | None = None
    """An identifier for the Node on which the Task ran, which can be passed when adding a
    Task to request that the Task be scheduled on this Compute Node. (``affinityId``)"""
    node_url: str | None = None
    """The URL of the Compute Node on which the Task ran. (``nodeUrl``)"""
    pool_id: str | None = None
    """The ID of the Pool on which the Task ran. (``poolId``)"""
    node_id: str | None = None
    """The ID of the Compute Node on which the Task ran. (``nodeId``)"""
    task_root_directory: str | None = None
    """The root directory of the Task on the Compute Node. (``taskRootDirectory``)"""
    task_root_directory_url: str | None = None
    """The URL to the root directory of the Task on the Compute Node.
    (``taskRootDirectoryUrl``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


ComputeNodeInformation._fields = (
    ("affinity_id", "affinityId", STR),
    ("node_url", "nodeUrl", STR),
    ("pool_id", "poolId", STR),
    ("node_id", "nodeId", STR),
    ("task_root_directory", "taskRootDirectory", STR),
    ("task_root_directory_url", "taskRootDirectoryUrl", STR),
)
