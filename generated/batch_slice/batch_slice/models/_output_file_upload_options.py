"""``OutputFileUploadOptions``: Details about an output file upload operation, including under what conditions to perform the upload."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import EnumCodec, Model

if TYPE_CHECKING:
    from typing import Any

    from . import OutputFileUploadCondition

__all__ = ["OutputFileUploadOptions"]


@dataclass(kw_only=True, slots=True)
class OutputFileUploadOptions(Model):
    """Details about an output file upload operation, including under what conditions to
    perform the upload.

    Wire name: ``OutputFileUploadOptions``.
    """

    upload_condition: OutputFileUploadCondition | str
    """The default is taskcompletion. (``uploadCondition``, required)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


OutputFileUploadOptions._fields = (
    (
        "upload_condition",
        "uploadCondition",
        EnumCodec(lambda: _models.OutputFileUploadCondition),
    ),
)
