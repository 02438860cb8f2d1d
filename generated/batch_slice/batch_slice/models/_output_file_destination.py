"""``OutputFileDestination``: The destination to which a file should be uploaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import OutputFileBlobContainerDestination

__all__ = ["OutputFileDestination"]


@dataclass(kw_only=True, slots=True)
class OutputFileDestination(Model):
    """The destination to which a file should be uploaded.

    Wire name: ``OutputFileDestination``.
    """

    container: OutputFileBlobContainerDestination | None = None
    """A location in Azure blob storage to which files are uploaded. (``container``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


OutputFileDestination._fields = (
    (
        "container",
        "container",
        ModelCodec(lambda: _models.OutputFileBlobContainerDestination),
    ),
)
