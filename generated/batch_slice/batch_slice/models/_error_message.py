"""``ErrorMessage``: An error message received in an Azure Batch error response."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import STR, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["ErrorMessage"]


@dataclass(kw_only=True, slots=True)
class ErrorMessage(Model):
    """An error message received in an Azure Batch error response.

    Wire name: ``ErrorMessage``.
    """

    lang: str | None = None
    """The language code of the error message (``lang``)"""
    value: str | None = None
    """The text of the message. (``value``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


ErrorMessage._fields = (("lang", "lang", STR), ("value", "value", STR))
