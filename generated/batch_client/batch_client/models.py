"""Models of BatchServiceClient: typed classes with the wire name of each field beside its Python name."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._serialization import ListCodec, Model, ModelCodec, STR

__all__ = [
    "BatchError",
    "BatchErrorDetail",
    "ErrorMessage",
]


@dataclass(kw_only=True, slots=True)
class BatchError(Model):
    """An error response received from the Azure Batch service.

    Wire name: ``BatchError``.
    """

    code: str | None = None
    """An identifier for the error. Codes are invariant and are intended to be consumed
    programmatically. (``code``)"""
    message: ErrorMessage | None = None
    """A message describing the error, intended to be suitable for display in a user
    interface. (``message``)"""
    values: list[BatchErrorDetail] | None = None
    """A collection of key-value pairs containing additional details about the error. (``values``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict, repr=False, compare=False
    )
    """Fields the service sent that this version of the API description does not know."""


@dataclass(kw_only=True, slots=True)
class BatchErrorDetail(Model):
    """An item of additional information included in an Azure Batch error response.

    Wire name: ``BatchErrorDetail``.
    """

    key: str | None = None
    """An identifier specifying the meaning of the Value property. (``key``)"""
    value: str | None = None
    """The additional information included with the error response. (``value``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict, repr=False, compare=False
    )
    """Fields the service sent that this version of the API description does not know."""


@dataclass(kw_only=True, slots=True)
class ErrorMessage(Model):
    """An error message received in an Azure Batch error response.

    Wire name: ``ErrorMessage``.
    """

    lang: str | None = None
    """The language code of the error message (``lang``)"""
    value: str | None = None
    """The text of the message. (``value``)"""
    additional_properties: dict[str, Any] = field(
        default_factory=dict, repr=False, compare=False
    )
    """Fields the service sent that this version of the API description does not know."""


BatchError._fields = (
    ("code", "code", STR),
    ("message", "message", ModelCodec(lambda: ErrorMessage)),
    ("values", "values", ListCodec(ModelCodec(lambda: BatchErrorDetail))),
)


BatchErrorDetail._fields = (
    ("key", "key", STR),
    ("value", "value", STR),
)


ErrorMessage._fields = (
    ("lang", "lang", STR),
    ("value", "value", STR),
)
