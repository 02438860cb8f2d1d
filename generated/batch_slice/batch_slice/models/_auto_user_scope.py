"""``AutoUserScope``: The default value is pool. If the pool is running Windows a value of Task should be specified if stricter isolation between tasks is required. For example, if the task mutates the registry in a way which could impact other tasks, or if certificates have been specified on the pool which should not be accessible by normal tasks but should be accessible by StartTasks."""

from __future__ import annotations

import enum

__all__ = ["AutoUserScope"]


class AutoUserScope(enum.StrEnum):
    """The default value is pool. If the pool is running Windows a value of Task should be
    specified if stricter isolation between tasks is required. For example, if the task
    mutates the registry in a way which could impact other tasks, or if certificates
    have been specified on the pool which should not be accessible by normal tasks but
    should be accessible by StartTasks.

    Wire name: ``AutoUserScope``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    TASK = "task"
    """Specifies that the service should create a new user for the Task."""
    POOL = "pool"
    """Specifies that the Task runs as the common auto user Account which is created on
    every Compute Node in a Pool."""
