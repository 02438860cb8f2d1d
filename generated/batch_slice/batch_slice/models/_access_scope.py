"""``AccessScope``"""

from __future__ import annotations

import enum

__all__ = ["AccessScope"]


class AccessScope(enum.StrEnum):
    """AccessScope

    Wire name: ``AccessScope``. A value this version does not know is
    returned as plain ``str`` instead of failing.
    """

    JOB = "job"
    """Grants access to perform all operations on the Job containing the Task."""
