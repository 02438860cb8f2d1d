"""``TaskFailureInformation``: Information about a Task failure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import STR, EnumCodec, ListCodec, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import ErrorCategory, NameValuePair

__all__ = ["TaskFailureInformation"]


@dataclass(kw_only=True, slots=True)
class TaskFailureInformation(Model):
    """Information about a Task failure.

    Wire name: ``TaskFailureInformation``.
    """

    category: ErrorCategory | str
    """The category of the Task error. (``category``, required)"""
    code: str | None = None
    """An identifier for the Task error. Codes are invariant and are intended to be
    consumed programmatically. (``code``)"""
    message: str | None = None
    """A message describing the Task error, intended to be suitable for display in a user
    interface. (``message``)"""
    details: list[NameValuePair] | None = None
    """A list of additional details related to the error. (``details``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


TaskFailureInformation._fields = (
    ("category", "category", EnumCodec(lambda: _models.ErrorCategory)),
    ("code", "code", STR),
    ("message", "message", STR),
    ("details", "details", ListCodec(ModelCodec(lambda: _models.NameValuePair))),
)
