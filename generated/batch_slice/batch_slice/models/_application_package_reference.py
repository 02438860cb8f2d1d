"""``ApplicationPackageReference``: A reference to an Package to be deployed to Compute Nodes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._serialization import STR, Model

if TYPE_CHECKING:
    from typing import Any

__all__ = ["ApplicationPackageReference"]


@dataclass(kw_only=True, slots=True)
class ApplicationPackageReference(Model):
    """A reference to an Package to be deployed to Compute Nodes.

    Wire name: ``ApplicationPackageReference``.
    """

    application_id: str
    """When creating a pool, the package's application ID must be fully qualified
    (/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Batch/batchAccounts/{accountName}/applications/{applicationName}).
    (``applicationId``, required)"""
    version: str | None = None
    """If this is omitted on a Pool, and no default version is specified for this
    application, the request fails with the error code
    InvalidApplicationPackageReferences and HTTP status code 409. If this is omitted on
    a Task, and no default version is specified for this application, the Task fails
    with a pre-processing error. (``version``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


ApplicationPackageReference._fields = (
    ("application_id", "applicationId", STR),
    ("version", "version", STR),
)
