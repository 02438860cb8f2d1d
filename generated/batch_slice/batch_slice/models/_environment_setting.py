"""``EnvironmentSetting``: An environment variable to be set on a Task process."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import STR, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["EnvironmentSetting"]


@dataclass(kw_only=True, slots=True)
class EnvironmentSetting(Model):
    """An environment variable to be set on a Task process.

    Wire name: ``EnvironmentSetting``.
    """

    name: str
    """The name of the environment variable. (``name``, required)"""
    value: str | None = None
    """The value of the environment variable. (``value``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


EnvironmentSetting._fields = (("name", "name", STR), ("value", "value", STR))
