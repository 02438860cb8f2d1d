"""``JobAction``: The default is none for exit code 0 and terminate for all other exit conditions. If the Job's onTaskFailed property is noaction, then specifying this property returns an error and the add Task request fails with an invalid property value error; if you are calling the REST API directly, the HTTP status code is 400 (Bad Request)."""

from __future__ import annotations

import enum

__all__ = ["JobAction"]


class JobAction(enum.StrEnum):
    """The default is none for exit code 0 and terminate for all other exit conditions. If
    the Job's onTaskFailed property is noaction, then specifying this property returns
    an error and the add Task request fails with an invalid property value error; if you
    are calling the REST API directly, the HTTP status code is 400 (Bad Request).

    Wire name: ``JobAction``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    NONE = "none"
    """Take no action."""
    DISABLE = "disable"
    """Disable the Job. This is equivalent to calling the disable Job API, with a
    disableTasks value of requeue."""
    TERMINATE = "terminate"
    """Terminate the Job. The terminateReason in the Job's executionInfo is set to
    \"TaskFailed\"."""
