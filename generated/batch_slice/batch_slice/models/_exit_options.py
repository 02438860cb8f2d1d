"""``ExitOptions``: Specifies how the Batch service responds to a particular exit condition."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import models as _models
from .._serialization import EnumCodec, Model

if TYPE_CHECKING:
    from typing import Any

    from . import DependencyAction, JobAction

__all__ = ["ExitOptions"]


@dataclass(kw_only=True, slots=True)
class ExitOptions(Model):
    """Specifies how the Batch service responds to a particular exit condition.

    Wire name: ``ExitOptions``.
    """

    job_action: JobAction | str | None = None
    """The default is none for exit code 0 and terminate for all other exit conditions. If
    the Job's onTaskFailed property is noaction, then specifying this property returns
    an error and the add Task request fails with an invalid property value error; if you
    are calling the REST API directly, the HTTP status code is 400 (Bad Request).
    (``jobAction``)"""
    dependency_action: DependencyAction | str | None = None
    """Possible values are 'satisfy' (allowing dependent tasks to progress) and 'block'
    (dependent tasks continue to wait). Batch does not yet support cancellation of
    dependent tasks. (``dependencyAction``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, object], repr=False, compare=False
    )
    """Fields the service sent that this version of the description lacks."""


ExitOptions._fields = (
    ("job_action", "jobAction", EnumCodec(lambda: _models.JobAction)),
    (
        "dependency_action",
        "dependencyAction",
        EnumCodec(lambda: _models.DependencyAction),
    ),
)
