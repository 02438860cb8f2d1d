"""Typed response headers: what a successful call returns when its response has no body."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import NamedTuple

from ._serialization import parse_rfc1123, parse_str

__all__ = [
    "TaskReactivateHeaders",
]

# Each parser returns None for a missing or malformed value: a call that succeeded is not failed
# over an unreadable header. The raw text stays available in ``raw``.


class TaskReactivateHeaders(NamedTuple):
    """Headers of a successful ``Task_Reactivate`` response (immutable)."""

    client_request_id: str | None
    """The client-request-id provided by the client during the request. This will be
    returned only if the return-client-request-id parameter was set to true. (``client-request-id``)"""
    request_id: str | None
    """A unique identifier for the request that was made to the Batch service. If a request
    is consistently failing and you have verified that the request is properly
    formulated, you may use this value to report the error to Microsoft. In your report,
    include the value of this request ID, the approximate time that the request was
    made, the Batch Account against which the request was made, and the region that
    Account resides in. (``request-id``)"""
    etag: str | None
    """The ETag HTTP response header. This is an opaque string. You can use it to detect
    whether the resource has changed between requests. In particular, you can pass the
    ETag to one of the If-Modified-Since, If-Unmodified-Since, If-Match or If-None-Match
    headers. (``ETag``)"""
    last_modified: datetime.datetime | None
    """The time at which the resource was last modified. (``Last-Modified``)"""
    data_service_id: str | None
    """The OData ID of the resource to which the request applied. (``DataServiceId``)"""
    raw: Mapping[str, str] = {}
    """Every response header, by lower-case name, as received (not part of ``==``)."""

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> TaskReactivateHeaders:
        """Read the headers of a response (lower-case names)."""
        return cls(
            client_request_id=parse_str(headers.get("client-request-id")),
            request_id=parse_str(headers.get("request-id")),
            etag=parse_str(headers.get("etag")),
            last_modified=parse_rfc1123(headers.get("last-modified")),
            data_service_id=parse_str(headers.get("dataserviceid")),
            raw=dict(headers),
        )
