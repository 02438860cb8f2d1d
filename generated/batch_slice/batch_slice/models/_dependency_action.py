"""``DependencyAction``: Possible values are 'satisfy' (allowing dependent tasks to progress) and 'block' (dependent tasks continue to wait). Batch does not yet support cancellation of dependent tasks."""

from __future__ import annotations

import enum

__all__ = ["DependencyAction"]


class DependencyAction(enum.StrEnum):
    """Possible values are 'satisfy' (allowing dependent tasks to progress) and 'block'
    (dependent tasks continue to wait). Batch does not yet support cancellation of
    dependent tasks.

    Wire name: ``DependencyAction``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    SATISFY = "satisfy"
    """Satisfy tasks waiting on this task; once all dependencies are satisfied, the task
    will be scheduled to run."""
    BLOCK = "block"
    """Blocks tasks waiting on this task, preventing them from being scheduled."""
