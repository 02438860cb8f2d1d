"""``OutputFile``: On every file uploads, Batch service writes two log files to the compute node, 'fileuploadout.txt' and 'fileuploaderr.txt'. These log files are used to learn more about a specific failure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import STR, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import OutputFileDestination, OutputFileUploadOptions

__all__ = ["OutputFile"]


@dataclass(kw_only=True, slots=True)
class OutputFile(Model):
    """On every file uploads, Batch service writes two log files to the compute node,
    'fileuploadout.txt' and 'fileuploaderr.txt'. These log files are used to learn more
    about a specific failure.

    Wire name: ``OutputFile``.
    """

    file_pattern: str
    """Both relative and absolute paths are supported. Relative paths are relative to the
    Task working directory. The following wildcards are supported: * matches 0 or more
    characters (for example pattern abc* would match abc or abcdef), ** matches any
    directory, ? matches any single character, [abc] matches one character in the
    brackets, and [a-c] matches one character in the range. Brackets can include a
    negation to match any character not specified (for example [!abc] matches any
    character but a, b, or c). If a file name starts with \".\" it is ignored by default
    but may be matched by specifying it explicitly (for example *.gif will not match
    .a.gif, but .*.gif will). A simple example: **\\*.txt matches any file that does not
    start in '.' and ends with .txt in the Task working directory or any subdirectory.
    If the filename contains a wildcard character it can be escaped using brackets (for
    example abc[*] would match a file named abc*). Note that both \\ and / are treated
    as directory separators on Windows, but only / is on Linux. Environment variables
    (%var% on Windows or $var on Linux) are expanded prior to the pattern being applied.
    (``filePattern``, required)"""
    destination: OutputFileDestination
    """The destination for the output file(s). (``destination``, required)"""
    upload_options: OutputFileUploadOptions
    """Additional options for the upload operation, including under what conditions to
    perform the upload. (``uploadOptions``, required)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


OutputFile._fields = (
    ("file_pattern", "filePattern", STR),
    ("destination", "destination", ModelCodec(lambda: _models.OutputFileDestination)),
    (
        "upload_options",
        "uploadOptions",
        ModelCodec(lambda: _models.OutputFileUploadOptions),
    ),
)
