"""``ErrorCategory``: The category of the error."""

from __future__ import annotations

import enum

__all__ = ["ErrorCategory"]


class ErrorCategory(str, enum.Enum):
    """The category of the error.

    Wire name: ``ErrorCategory``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    USER_ERROR = "usererror"
    """The error is due to a user issue, such as misconfiguration."""
    SERVER_ERROR = "servererror"
    """The error is due to an internal server issue."""

    def __str__(self) -> str:
        """The value, as ``enum.StrEnum`` gives it (``f"{member}"`` is the wire text)."""
        return str(self.value)
