"""``AutoUserSpecification``: Specifies the parameters for the auto user that runs a Task on the Batch service."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import EnumCodec, Model

if TYPE_CHECKING:
    from typing import Any

    from . import AutoUserScope, ElevationLevel

__all__ = ["AutoUserSpecification"]


@dataclass(kw_only=True, slots=True)
class AutoUserSpecification(Model):
    """Specifies the parameters for the auto user that runs a Task on the Batch service.

    Wire name: ``AutoUserSpecification``.
    """

    scope: AutoUserScope | str | None = None
    """The default value is pool. If the pool is running Windows a value of Task should be
    specified if stricter isolation between tasks is required. For example, if the task
    mutates the registry in a way which could impact other tasks, or if certificates
    have been specified on the pool which should not be accessible by normal tasks but
    should be accessible by StartTasks. (``scope``)"""
    elevation_level: ElevationLevel | str | None = None
    """The default value is nonAdmin. (``elevationLevel``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


AutoUserSpecification._fields = (
    ("scope", "scope", EnumCodec(lambda: _models.AutoUserScope)),
    ("elevation_level", "elevationLevel", EnumCodec(lambda: _models.ElevationLevel)),
)
