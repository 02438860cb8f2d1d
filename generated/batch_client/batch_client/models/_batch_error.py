"""``BatchError``: An error response received from the Azure Batch service."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import STR, ListCodec, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import BatchErrorDetail, ErrorMessage

__all__ = ["BatchError"]


@dataclass(kw_only=True, slots=True)
class BatchError(Model):
    """An error response received from the Azure Batch service.

    Wire name: ``BatchError``.
    """

    code: str | None = None
    """An identifier for the error. Codes are invariant and are intended to be consumed
    programmatically. (``code``)"""
    message: ErrorMessage | None = None
    """A message describing the error, intended to be suitable for display in a user
    interface. (``message``)"""
    values: list[BatchErrorDetail] | None = None
    """A collection of key-value pairs containing additional details about the error.
    (``values``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


BatchError._fields = (
    ("code", "code", STR),
    ("message", "message", ModelCodec(lambda: _models.ErrorMessage)),
    ("values", "values", ListCodec(ModelCodec(lambda: _models.BatchErrorDetail))),
)
