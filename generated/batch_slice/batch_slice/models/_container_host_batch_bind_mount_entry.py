"""``ContainerHostBatchBindMountEntry``: The entry of path and mount mode you want to mount into task container."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import BOOL, EnumCodec, Model

if TYPE_CHECKING:
    from typing import Any

    from . import ContainerHostDataPath

__all__ = ["ContainerHostBatchBindMountEntry"]


@dataclass(kw_only=True, slots=True)
class ContainerHostBatchBindMountEntry(Model):
    """The entry of path and mount mode you want to mount into task container.

    Wire name: ``ContainerHostBatchBindMountEntry``.
    """

    source: ContainerHostDataPath | str | None = None
    """The path which be mounted to container customer can select. (``source``)"""
    is_read_only: bool | None = None
    """For Linux, if you mount this path as a read/write mode, this does not mean that all
    users in container have the read/write access for the path, it depends on the access
    in host VM. If this path is mounted read-only, all users within the container will
    not be able to modify the path. (``isReadOnly``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


ContainerHostBatchBindMountEntry._fields = (
    ("source", "source", EnumCodec(lambda: _models.ContainerHostDataPath)),
    ("is_read_only", "isReadOnly", BOOL),
)
