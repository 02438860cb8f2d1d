"""``NameValuePair``: Represents a name-value pair."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import STR, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["NameValuePair"]


@dataclass(kw_only=True, slots=True)
class NameValuePair(Model):
    """Represents a name-value pair.

    Wire name: ``NameValuePair``.
    """

    name: str | None = None
    """The name in the name-value pair. (``name``)"""
    value: str | None = None
    """The value in the name-value pair. (``value``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


NameValuePair._fields = (("name", "name", STR), ("value", "value", STR))
