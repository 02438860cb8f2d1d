"""``CloudTaskListResult``: The result of listing the Tasks in a Job."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import STR, ListCodec, Model, ModelCodec

if TYPE_CHECKING:
    from typing import Any

    from . import CloudTask

__all__ = ["CloudTaskListResult"]


@dataclass(kw_only=True, slots=True)
class CloudTaskListResult(Model):
    """The result of listing the Tasks in a Job.

    Wire name: ``CloudTaskListResult``.
    """

    value: list[CloudTask] | None = None
    """The list of Tasks. (``value``)"""
    odata_next_link: str | None = None
    """The URL to get the next set of results. (``odata.nextLink``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


CloudTaskListResult._fields = (
    ("value", "value", ListCodec(ModelCodec(lambda: _models.CloudTask))),
    ("odata_next_link", "odata.nextLink", STR),
)
