"""``OutputFileBlobContainerDestination``: Specifies a file upload destination within an Azure blob storage container."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import STR, ListCodec, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import ComputeNodeIdentityReference, HttpHeader

__all__ = ["OutputFileBlobContainerDestination"]


@dataclass(kw_only=True, slots=True)
class OutputFileBlobContainerDestination(Model):
    """Specifies a file upload destination within an Azure blob storage container.

    Wire name: ``OutputFileBlobContainerDestination``.
    """

    container_url: str
    """If not using a managed identity, the URL must include a Shared Access Signature
    (SAS) granting write permissions to the container. (``containerUrl``, required)"""
    path: str | None = None
    """If filePattern refers to a specific file (i.e. contains no wildcards), then path is
    the name of the blob to which to upload that file. If filePattern contains one or
    more wildcards (and therefore may match multiple files), then path is the name of
    the blob virtual directory (which is prepended to each blob name) to which to upload
    the file(s). If omitted, file(s) are uploaded to the root of the container with a
    blob name matching their file name. (``path``)"""
    identity_reference: ComputeNodeIdentityReference | None = None
    """The identity must have write access to the Azure Blob Storage container
    (``identityReference``)"""
    upload_headers: list[HttpHeader] | None = None
    """These headers will be specified when uploading files to Azure Storage. Official
    document on allowed headers when uploading blobs:
    https://learn.microsoft.com/rest/api/storageservices/put-blob#request-headers-all-blob-types
    (``uploadHeaders``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


OutputFileBlobContainerDestination._fields = (
    ("path", "path", STR),
    ("container_url", "containerUrl", STR),
    (
        "identity_reference",
        "identityReference",
        ModelCodec(lambda: _models.ComputeNodeIdentityReference),
    ),
    (
        "upload_headers",
        "uploadHeaders",
        ListCodec(ModelCodec(lambda: _models.HttpHeader)),
    ),
)
