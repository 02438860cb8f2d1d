"""``TaskContainerSettings``: The container settings for a Task."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import STR, EnumCodec, ListCodec, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import (
        ContainerHostBatchBindMountEntry,
        ContainerRegistry,
        ContainerWorkingDirectory,
    )

__all__ = ["TaskContainerSettings"]


@dataclass(kw_only=True, slots=True)
class TaskContainerSettings(Model):
    """The container settings for a Task.

    Wire name: ``TaskContainerSettings``.
    """

    image_name: str
    """This is the full Image reference, as would be specified to \"docker pull\". If no
    tag is provided as part of the Image name, the tag \":latest\" is used as a default.
    (``imageName``, required)"""
    container_run_options: str | None = None
    """These additional options are supplied as arguments to the \"docker create\" command,
    in addition to those controlled by the Batch Service. (``containerRunOptions``)"""
    registry: ContainerRegistry | None = None
    """This setting can be omitted if was already provided at Pool creation. (``registry``)"""
    working_directory: ContainerWorkingDirectory | str | None = None
    """The default is 'taskWorkingDirectory'. (``workingDirectory``)"""
    container_host_batch_bind_mounts: list[ContainerHostBatchBindMountEntry] | None = (
        None
    )
    """If this array is null or be not present, container task will mount entire temporary
    disk drive in windows (or AZ_BATCH_NODE_ROOT_DIR in Linux). It won't' mount any data
    paths into container if this array is set as empty.
    (``containerHostBatchBindMounts``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


TaskContainerSettings._fields = (
    ("container_run_options", "containerRunOptions", STR),
    ("image_name", "imageName", STR),
    ("registry", "registry", ModelCodec(lambda: _models.ContainerRegistry)),
    (
        "working_directory",
        "workingDirectory",
        EnumCodec(lambda: _models.ContainerWorkingDirectory),
    ),
    (
        "container_host_batch_bind_mounts",
        "containerHostBatchBindMounts",
        ListCodec(ModelCodec(lambda: _models.ContainerHostBatchBindMountEntry)),
    ),
)
