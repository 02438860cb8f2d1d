"""``ElevationLevel``: The elevation level of the user."""

from __future__ import annotations

import enum

__all__ = ["ElevationLevel"]


class ElevationLevel(enum.StrEnum):
    """The elevation level of the user.

    Wire name: ``ElevationLevel``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    NON_ADMIN = "nonadmin"
    """The user is a standard user without elevated access."""
    ADMIN = "admin"
    """The user is a user with elevated access and operates with full Administrator
    permissions."""
