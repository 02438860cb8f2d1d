"""``TaskExecutionResult``: The result of Task execution."""

from __future__ import annotations

import enum

__all__ = ["TaskExecutionResult"]


class TaskExecutionResult(enum.StrEnum):
    """The result of Task execution.

    Wire name: ``TaskExecutionResult``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    SUCCESS = "success"
    """The Task ran successfully."""
    FAILURE = "failure"
    """There was an error during processing of the Task. The failure may have occurred
    before the Task process was launched, while the Task process was executing, or after
    the Task process exited."""
