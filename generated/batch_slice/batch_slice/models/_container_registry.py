"""``ContainerRegistry``: A private container registry."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import STR, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import ComputeNodeIdentityReference

__all__ = ["ContainerRegistry"]


@dataclass(kw_only=True, slots=True)
class ContainerRegistry(Model):
    """A private container registry.

    Wire name: ``ContainerRegistry``.
    """

    user_name: str | None = None
    """The user name to log into the registry server. (``username``)"""
    password: str | None = None
    """The password to log into the registry server. (``password``)"""
    registry_server: str | None = None
    """If omitted, the default is \"docker.io\". (``registryServer``)"""
    identity_reference: ComputeNodeIdentityReference | None = None
    """The reference to the user assigned identity to use to access an Azure Container
    Registry instead of username and password. (``identityReference``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


ContainerRegistry._fields = (
    ("user_name", "username", STR),
    ("password", "password", STR),
    ("registry_server", "registryServer", STR),
    (
        "identity_reference",
        "identityReference",
        ModelCodec(lambda: _models.ComputeNodeIdentityReference),
    ),
)
