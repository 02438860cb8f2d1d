"""``ExitCodeRangeMapping``: A range of exit codes and how the Batch service should respond to exit codes within that range."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import INT, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import ExitOptions

__all__ = ["ExitCodeRangeMapping"]


@dataclass(kw_only=True, slots=True)
class ExitCodeRangeMapping(Model):
    """A range of exit codes and how the Batch service should respond to exit codes within
    that range.

    Wire name: ``ExitCodeRangeMapping``.
    """

    start: int
    """The first exit code in the range. (``start``, required)"""
    end: int
    """The last exit code in the range. (``end``, required)"""
    exit_options: ExitOptions
    """How the Batch service should respond if the Task exits with an exit code in the
    range start to end (inclusive). (``exitOptions``, required)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


ExitCodeRangeMapping._fields = (
    ("start", "start", INT),
    ("end", "end", INT),
    ("exit_options", "exitOptions", ModelCodec(lambda: _models.ExitOptions)),
)
