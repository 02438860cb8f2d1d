"""``BatchErrorDetail``: An item of additional information included in an Azure Batch error response."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import STR, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["BatchErrorDetail"]


@dataclass(kw_only=True, slots=True)
class BatchErrorDetail(Model):
    """An item of additional information included in an Azure Batch error response.

    Wire name: ``BatchErrorDetail``.
    """

    key: str | None = None
    """An identifier specifying the meaning of the Value property. (``key``)"""
    value: str | None = None
    """The additional information included with the error response. (``value``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


BatchErrorDetail._fields = (("key", "key", STR), ("value", "value", STR))
