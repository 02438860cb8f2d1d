"""``JobTerminateParameter``: Options when terminating a Job."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import STR, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["JobTerminateParameter"]


@dataclass(kw_only=True, slots=True)
class JobTerminateParameter(Model):
    """Options when terminating a Job.

    Wire name: ``JobTerminateParameter``.
    """

    terminate_reason: str | None = None
    """The text you want to appear as the Job's TerminateReason. The default is
    'UserTerminate'. (``terminateReason``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


JobTerminateParameter._fields = (("terminate_reason", "terminateReason", STR),)
