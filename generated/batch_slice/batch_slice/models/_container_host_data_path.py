"""``ContainerHostDataPath``: The paths which will be mounted to container task's container."""

from __future__ import annotations

import enum

__all__ = ["ContainerHostDataPath"]


class ContainerHostDataPath(enum.StrEnum):
    """The paths which will be mounted to container task's container.

    Wire name: ``ContainerHostDataPath``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    SHARED = "Shared"
    """The path for multi-instances task to shared their files."""
    STARTUP = "Startup"
    """The path for start task."""
    VFS_MOUNTS = "VfsMounts"
    """The path contains all virtual file systems are mounted on this node."""
    TASK = "Task"
    """The task path."""
    JOB_PREP = "JobPrep"
    """The job-prep task path."""
    APPLICATIONS = "Applications"
    """The applications path."""
