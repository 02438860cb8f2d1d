"""``MultiInstanceSettings``: Multi-instance Tasks are commonly used to support MPI Tasks. In the MPI case, if any of the subtasks fail (for example due to exiting with a non-zero exit code) the entire multi-instance Task fails. The multi-instance Task is then terminated and retried, up to its retry limit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import INT, STR, ListCodec, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import ResourceFile

__all__ = ["MultiInstanceSettings"]


@dataclass(kw_only=True, slots=True)
class MultiInstanceSettings(Model):
    """Multi-instance Tasks are commonly used to support MPI Tasks. In the MPI case, if any
    of the subtasks fail (for example due to exiting with a non-zero exit code) the
    entire multi-instance Task fails. The multi-instance Task is then terminated and
    retried, up to its retry limit.

    Wire name: ``MultiInstanceSettings``.
    """

    coordination_command_line: str
    """A typical coordination command line launches a background service and verifies that
    the service is ready to process inter-node messages. (``coordinationCommandLine``,
    required)"""
    number_of_instances: int | None = None
    """If omitted, the default is 1. (``numberOfInstances``)"""
    common_resource_files: list[ResourceFile] | None = None
    """The difference between common resource files and Task resource files is that common
    resource files are downloaded for all subtasks including the primary, whereas Task
    resource files are downloaded only for the primary. Also note that these resource
    files are not downloaded to the Task working directory, but instead are downloaded
    to the Task root directory (one directory above the working directory).  There is a
    maximum size for the list of resource files.  When the max size is exceeded, the
    request will fail and the response error code will be RequestEntityTooLarge. If this
    occurs, the collection of ResourceFiles must be reduced in size. This can be
    achieved using .zip files, Application Packages, or Docker Containers.
    (``commonResourceFiles``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


MultiInstanceSettings._fields = (
    ("number_of_instances", "numberOfInstances", INT),
    ("coordination_command_line", "coordinationCommandLine", STR),
    (
        "common_resource_files",
        "commonResourceFiles",
        ListCodec(ModelCodec(lambda: _models.ResourceFile)),
    ),
)
