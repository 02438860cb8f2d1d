"""``TaskIdRange``: The start and end of the range are inclusive. For example, if a range has start 9 and end 12, then it represents Tasks '9', '10', '11' and '12'."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import INT, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["TaskIdRange"]


@dataclass(kw_only=True, slots=True)
class TaskIdRange(Model):
    """The start and end of the range are inclusive. For example, if a range has start 9
    and end 12, then it represents Tasks '9', '10', '11' and '12'.

    Wire name: ``TaskIdRange``.
    """

    start: int
    """The first Task ID in the range. (``start``, required)"""
    end: int
    """The last Task ID in the range. (``end``, required)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


TaskIdRange._fields = (("start", "start", INT), ("end", "end", INT))
