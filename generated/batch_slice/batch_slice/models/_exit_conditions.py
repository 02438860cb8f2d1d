"""``ExitConditions``: Specifies how the Batch service should respond when the Task completes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import ListCodec, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import ExitCodeMapping, ExitCodeRangeMapping, ExitOptions

__all__ = ["ExitConditions"]


@dataclass(kw_only=True, slots=True)
class ExitConditions(Model):
    """Specifies how the Batch service should respond when the Task completes.

    Wire name: ``ExitConditions``.
    """

    exit_codes: list[ExitCodeMapping] | None = None
    """A list of individual Task exit codes and how the Batch service should respond to
    them. (``exitCodes``)"""
    exit_code_ranges: list[ExitCodeRangeMapping] | None = None
    """A list of Task exit code ranges and how the Batch service should respond to them.
    (``exitCodeRanges``)"""
    pre_processing_error: ExitOptions | None = None
    """How the Batch service should respond if the Task fails to start due to an error.
    (``preProcessingError``)"""
    file_upload_error: ExitOptions | None = None
    """If the Task exited with an exit code that was specified via exitCodes or
    exitCodeRanges, and then encountered a file upload error, then the action specified
    by the exit code takes precedence. (``fileUploadError``)"""
    default: ExitOptions | None = None
    """This value is used if the Task exits with any nonzero exit code not listed in the
    exitCodes or exitCodeRanges collection, with a pre-processing error if the
    preProcessingError property is not present, or with a file upload error if the
    fileUploadError property is not present. If you want non-default behavior on exit
    code 0, you must list it explicitly using the exitCodes or exitCodeRanges
    collection. (``default``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


ExitConditions._fields = (
    ("exit_codes", "exitCodes", ListCodec(ModelCodec(lambda: _models.ExitCodeMapping))),
    (
        "exit_code_ranges",
        "exitCodeRanges",
        ListCodec(ModelCodec(lambda: _models.ExitCodeRangeMapping)),
    ),
    (
        "pre_processing_error",
        "preProcessingError",
        ModelCodec(lambda: _models.ExitOptions),
    ),
    ("file_upload_error", "fileUploadError", ModelCodec(lambda: _models.ExitOptions)),
    ("default", "default", ModelCodec(lambda: _models.ExitOptions)),
)
