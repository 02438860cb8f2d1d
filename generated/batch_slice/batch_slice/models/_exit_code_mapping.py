"""``ExitCodeMapping``: How the Batch service should respond if a Task exits with a particular exit code."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import INT, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import ExitOptions

__all__ = ["ExitCodeMapping"]


@dataclass(kw_only=True, slots=True)
class ExitCodeMapping(Model):
    """How the Batch service should respond if a Task exits with a particular exit code.

    Wire name: ``ExitCodeMapping``.
    """

    code: int
    """A process exit code. (``code``, required)"""
    exit_options: ExitOptions
    """How the Batch service should respond if the Task exits with this exit code.
    (``exitOptions``, required)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


ExitCodeMapping._fields = (
    ("code", "code", INT),
    ("exit_options", "exitOptions", ModelCodec(lambda: _models.ExitOptions)),
)
