"""``TaskState``: The state of the Task."""

from __future__ import annotations

import enum

__all__ = ["TaskState"]


class TaskState(enum.StrEnum):
    """The state of the Task.

    Wire name: ``TaskState``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    ACTIVE = "active"
    """The Task is queued and able to run, but is not currently assigned to a Compute Node.
    A Task enters this state when it is created, when it is enabled after being
    disabled, or when it is awaiting a retry after a failed run."""
    PREPARING = "preparing"
    """The Task has been assigned to a Compute Node, but is waiting for a required Job
    Preparation Task to complete on the Compute Node. If the Job Preparation Task
    succeeds, the Task will move to running. If the Job Preparation Task fails, the Task
    will return to active and will be eligible to be assigned to a different Compute
    Node."""
    RUNNING = "running"
    """The Task is running on a Compute Node. This includes task-level preparation such as
    downloading resource files or deploying Packages specified on the Task - it does not
    necessarily mean that the Task command line has started executing."""
    COMPLETED = "completed"
    """The Task is no longer eligible to run, usually because the Task has finished
    successfully, or the Task has finished unsuccessfully and has exhausted its retry
    limit. A Task is also marked as completed if an error occurred launching the Task,
    or when the Task has been terminated."""
