"""``OutputFileUploadCondition``: The conditions under which a Task output file or set of files should be uploaded."""

from __future__ import annotations

import enum

__all__ = ["OutputFileUploadCondition"]


class OutputFileUploadCondition(enum.StrEnum):
    """The conditions under which a Task output file or set of files should be uploaded.

    Wire name: ``OutputFileUploadCondition``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    TASK_SUCCESS = "tasksuccess"
    """Upload the file(s) only after the Task process exits with an exit code of 0."""
    TASK_FAILURE = "taskfailure"
    """Upload the file(s) only after the Task process exits with a nonzero exit code."""
    TASK_COMPLETION = "taskcompletion"
    """Upload the file(s) after the Task process exits, no matter what the exit code was."""
