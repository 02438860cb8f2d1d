"""``ResourceFile``: A single file or multiple files to be downloaded to a Compute Node."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import STR, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import ComputeNodeIdentityReference

__all__ = ["ResourceFile"]


@dataclass(kw_only=True, slots=True)
class ResourceFile(Model):
    """A single file or multiple files to be downloaded to a Compute Node.

    Wire name: ``ResourceFile``.
    """

    auto_storage_container_name: str | None = None
    """The autoStorageContainerName, storageContainerUrl and httpUrl properties are
    mutually exclusive and one of them must be specified.
    (``autoStorageContainerName``)"""
    storage_container_url: str | None = None
    """The autoStorageContainerName, storageContainerUrl and httpUrl properties are
    mutually exclusive and one of them must be specified. This URL must be readable
    and listable from compute nodes. There are three ways to get such a URL for a
    container in Azure storage: include a Shared Access Signature (SAS) granting read
    and list permissions on the container, use a managed identity with read and list
    permissions, or set the ACL for the container to allow public access.
    (``storageContainerUrl``)"""
    http_url: str | None = None
    """The autoStorageContainerName, storageContainerUrl and httpUrl properties are
    mutually exclusive and one of them must be specified. If the URL points to Azure
    Blob Storage, it must be readable from compute nodes. There are three ways to get
    such a URL for a blob in Azure storage: include a Shared Access Signature (SAS)
    granting read permissions on the blob, use a managed identity with read
    permission, or set the ACL for the blob or its container to allow public access.
    (``httpUrl``)"""
    blob_prefix: str | None = None
    """The property is valid only when autoStorageContainerName or storageContainerUrl is
    used. This prefix can be a partial filename or a subdirectory. If a prefix is not
    specified, all the files in the container will be downloaded. (``blobPrefix``)"""
    file_path: str | None = None
    """If the httpUrl property is specified, the filePath is required and describes the
    path which the file will be downloaded to, including the filename. Otherwise, if the
    autoStorageContainerName or storageContainerUrl property is specified, filePath is
    optional and is the directory to download the files to. In the case where filePath
    is used as a directory, any directory structure already associated with the input
    data will be retained in full and appended to the specified filePath directory. The
    specified relative path cannot break out of the Task's working directory (for
    example by using '..'). (``filePath``)"""
    file_mode: str | None = None
    """This property applies only to files being downloaded to Linux Compute Nodes. It will
    be ignored if it is specified for a resourceFile which will be downloaded to a
    Windows Compute Node. If this property is not specified for a Linux Compute Node,
    then a default value of 0770 is applied to the file. (``fileMode``)"""
    identity_reference: ComputeNodeIdentityReference | None = None
    """The reference to the user assigned identity to use to access Azure Blob Storage
    specified by storageContainerUrl or httpUrl (``identityReference``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


ResourceFile._fields = (
    ("auto_storage_container_name", "autoStorageContainerName", STR),
    ("storage_container_url", "storageContainerUrl", STR),
    ("http_url", "httpUrl", STR),
    ("blob_prefix", "blobPrefix", STR),
    ("file_path", "filePath", STR),
    ("file_mode", "fileMode", STR),
    (
        "identity_reference",
        "identityReference",
        ModelCodec(lambda: _models.ComputeNodeIdentityReference),
    ),
)
