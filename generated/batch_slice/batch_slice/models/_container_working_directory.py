"""``ContainerWorkingDirectory``: The default is 'taskWorkingDirectory'."""

from __future__ import annotations

import enum

__all__ = ["ContainerWorkingDirectory"]


class ContainerWorkingDirectory(enum.StrEnum):
    """The default is 'taskWorkingDirectory'.

    Wire name: ``ContainerWorkingDirectory``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    TASK_WORKING_DIRECTORY = "taskWorkingDirectory"
    """Use the standard Batch service Task working directory, which will contain the Task
    Resource Files populated by Batch."""
    CONTAINER_IMAGE_DEFAULT = "containerImageDefault"
    """Use the working directory defined in the container Image. Beware that this directory
    will not contain the Resource Files downloaded by Batch."""
