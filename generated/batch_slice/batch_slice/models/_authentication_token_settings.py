"""``AuthenticationTokenSettings``: The settings for an authentication token that the Task can use to perform Batch service operations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import EnumCodec, ListCodec, Model

if TYPE_CHECKING:
    from typing import Any

    from . import AccessScope

__all__ = ["AuthenticationTokenSettings"]


@dataclass(kw_only=True, slots=True)
class AuthenticationTokenSettings(Model):
    """The settings for an authentication token that the Task can use to perform Batch
    service operations.

    Wire name: ``AuthenticationTokenSettings``.
    """

    access: list[AccessScope | str] | None = None
    """The authentication token grants access to a limited set of Batch service operations.
    Currently the only supported value for the access property is 'job', which grants
    access to all operations related to the Job which contains the Task. (``access``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


AuthenticationTokenSettings._fields = (
    ("access", "access", ListCodec(EnumCodec(lambda: _models.AccessScope))),
)
