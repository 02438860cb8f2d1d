"""``ErrorCategory``: The category of the error."""

from __future__ import annotations

import enum

__all__ = ["ErrorCategory"]


class ErrorCategory(enum.StrEnum):
    """The category of the error.

    Wire name: ``ErrorCategory``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    USER_ERROR = "usererror"
    """The error is due to a user issue, such as misconfiguration."""
    SERVER_ERROR = "servererror"
    """The error is due to an internal server issue."""
