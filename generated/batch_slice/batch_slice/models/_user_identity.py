"""``UserIdentity``: Specify either the userName or autoUser property, but not both."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import STR, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import AutoUserSpecification

__all__ = ["UserIdentity"]


@dataclass(kw_only=True, slots=True)
class UserIdentity(Model):
    """Specify either the userName or autoUser property, but not both.

    Wire name: ``UserIdentity``.
    """

    user_name: str | None = None
    """The userName and autoUser properties are mutually exclusive; you must specify one
    but not both. (``username``)"""
    auto_user: AutoUserSpecification | None = None
    """The userName and autoUser properties are mutually exclusive; you must specify one
    but not both. (``autoUser``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


UserIdentity._fields = (
    ("user_name", "username", STR),
    ("auto_user", "autoUser", ModelCodec(lambda: _models.AutoUserSpecification)),
)
