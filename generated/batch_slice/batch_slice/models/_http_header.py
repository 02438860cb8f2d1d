"""``HttpHeader``: An HTTP header name-value pair"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import STR, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["HttpHeader"]


@dataclass(kw_only=True, slots=True)
class HttpHeader(Model):
    """An HTTP header name-value pair

    Wire name: ``HttpHeader``.
    """

    name: str
    """The case-insensitive name of the header to be used while uploading output files
    (``name``, required)"""
    value: str | None = None
    """The value of the header to be used while uploading output files (``value``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


HttpHeader._fields = (("name", "name", STR), ("value", "value", STR))
