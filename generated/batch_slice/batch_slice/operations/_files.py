"""Operations of the ``Files`` group: ``client.files``."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .._download import Download
from .._errors import error_from_response
from .._raw import raw_response
from .._serialization import (
    encode_query,
    new_uuid4,
    parse_bool,
    parse_int,
    parse_rfc1123,
    parse_str,
    path_segment,
    ser_bool,
    ser_int,
    ser_rfc1123,
    ser_str,
    ser_uuid,
)

if TYPE_CHECKING:
    import datetime
    import uuid
    from collections.abc import Mapping

    from .._pipeline import RequestOptions
    from .._transport import ClientConfig

__all__ = [
    "FileGetFromTaskHeaders",
    "FilesOperations",
    "FilesOperationsWithRawResponse",
]


class FileGetFromTaskHeaders(NamedTuple):
    """Headers of a successful ``File_GetFromTask`` response (immutable).

    A header that is missing or malformed is ``None``; ``raw`` keeps every header as received.
    """

    client_request_id: str | None
    """The client-request-id provided by the client during the request. This will be
    returned only if the return-client-request-id parameter was set to true.
    (``client-request-id``)"""
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
    ocp_creation_time: datetime.datetime | None
    """The file creation time. (``ocp-creation-time``)"""
    ocp_batch_file_isdirectory: bool | None
    """Whether the object represents a directory. (``ocp-batch-file-isdirectory``)"""
    ocp_batch_file_url: str | None
    """The URL of the file. (``ocp-batch-file-url``)"""
    ocp_batch_file_mode: str | None
    """The file mode attribute in octal format. (``ocp-batch-file-mode``)"""
    content_type: str | None
    """The content type of the file. (``Content-Type``)"""
    content_length: int | None
    """The length of the file. (``Content-Length``)"""
    raw: Mapping[str, str] = {}
    """Every response header, by lower-case name, as received (not part of ``==``)."""

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> FileGetFromTaskHeaders:
        """Read the headers of a response (lower-case names)."""
        return cls(
            client_request_id=parse_str(headers.get("client-request-id")),
            request_id=parse_str(headers.get("request-id")),
            etag=parse_str(headers.get("etag")),
            last_modified=parse_rfc1123(headers.get("last-modified")),
            ocp_creation_time=parse_rfc1123(headers.get("ocp-creation-time")),
            ocp_batch_file_isdirectory=parse_bool(
                headers.get("ocp-batch-file-isdirectory")
            ),
            ocp_batch_file_url=parse_str(headers.get("ocp-batch-file-url")),
            ocp_batch_file_mode=parse_str(headers.get("ocp-batch-file-mode")),
            content_type=parse_str(headers.get("content-type")),
            content_length=parse_int(headers.get("content-length")),
            raw=dict(headers),
        )


class FilesOperations:
    """Operations of the ``Files`` group. Reach them as ``client.files``; do not create
    this class yourself."""

    def __init__(self, config: ClientConfig) -> None:
        self._config = config
        self._pipeline = config.pipeline

    def get_from_task(
        self,
        job_id: str,
        task_id: str,
        file_path: str,
        *,
        timeout: int | None = None,
        client_request_id: uuid.UUID | str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime.datetime | None = None,
        ocp_range: str | None = None,
        if_modified_since: datetime.datetime | None = None,
        if_unmodified_since: datetime.datetime | None = None,
        request_options: RequestOptions | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
    ) -> Download[FileGetFromTaskHeaders]:
        """File_GetFromTask

        Returns the content of the specified Task file.

        ``GET /jobs/{jobId}/tasks/{taskId}/files/{filePath}`` (operation
        ``File_GetFromTask``)

        :param job_id: The ID of the Job that contains the Task. (path ``jobId``)
        :param task_id: The ID of the Task whose file you want to retrieve. (path
            ``taskId``)
        :param file_path: The path to the Task file that you want to get the content
            of. (path ``filePath``)
        :param timeout: The maximum time that the server can spend processing the
            request, in seconds. The default is 30 seconds. If the value is larger than
            30, the default will be used instead. (query ``timeout``; service default:
            ``30``)
        :param client_request_id: The caller-generated request identity, in the form
            of a GUID with no decoration such as curly braces, e.g.
            9C4D50EE-2D56-4CD3-8152-34347DC9F2B0. (header ``client-request-id``;
            default: a new random UUID)
        :param return_client_request_id: Whether the server should return the
            client-request-id in the response. (header ``return-client-request-id``;
            service default: ``false``)
        :param ocp_date: The time the request was issued. Client libraries typically
            set this to the current system clock time; set it explicitly if you are
            calling the REST API directly. (header ``ocp-date``; default: the current
            time, at each attempt)
        :param ocp_range: The byte range to be retrieved. The default is to retrieve
            the entire file. The format is bytes=startRange-endRange. (header
            ``ocp-range``)
        :param if_modified_since: A timestamp indicating the last modified time of
            the resource known to the client. The operation will be performed only if
            the resource on the service has been modified since the specified time.
            (header ``If-Modified-Since``)
        :param if_unmodified_since: A timestamp indicating the last modified time of
            the resource known to the client. The operation will be performed only if
            the resource on the service has not been modified since the specified time.
            (header ``If-Unmodified-Since``)
        :param request_options: per-call retry policy and timeouts (default: the
            client's).
        :param extra_headers: headers to send besides the declared ones (an escape
            hatch: checked and signed like the rest; one of the same name replaces it).
        :param extra_query: query items to send after the declared ones.
        :returns: the response headers and the body, streamed as you iterate.
        :raises BatchServiceError: the service answered with a non-2xx status.
        :raises ServiceRequestError: no response, after the retries: the connection
            failed, broke off (``ServiceResponseError``) or timed out
            (``ServiceRequestTimeoutError``).
        """
        _path = (
            "/jobs/"
            + path_segment("job_id", job_id)
            + "/tasks/"
            + path_segment("task_id", task_id)
            + "/files/"
            + path_segment("file_path", file_path)
        )
        _query: list[tuple[str, str]] = []
        if timeout is not None:
            _query.append(("timeout", encode_query(ser_int(timeout))))
        _query.append(("api-version", encode_query(self._config.api_version)))
        _headers: dict[str, str] = {
            "accept": "application/json, application/octet-stream"
        }
        if client_request_id is not None:
            _headers["client-request-id"] = ser_uuid(client_request_id)
        else:
            _headers["client-request-id"] = new_uuid4()
        if return_client_request_id is not None:
            _headers["return-client-request-id"] = ser_bool(return_client_request_id)
        if ocp_date is not None:
            _headers["ocp-date"] = ser_rfc1123(ocp_date)
        if ocp_range is not None:
            _headers["ocp-range"] = ser_str(ocp_range)
        if if_modified_since is not None:
            _headers["if-modified-since"] = ser_rfc1123(if_modified_since)
        if if_unmodified_since is not None:
            _headers["if-unmodified-since"] = ser_rfc1123(if_unmodified_since)
        _body = None
        if extra_headers or extra_query:
            _query, _headers = self._pipeline.extras(
                _query, _headers, extra_headers, extra_query
            )
        _response = self._pipeline.send(
            "GET", _path, _query, _headers, _body, request_options, stream=True
        )
        if not 200 <= _response.status < 300:
            raise error_from_response(_response)
        return Download(
            FileGetFromTaskHeaders.from_headers(_response.headers),
            _response.stream,
            _response.content_length,
        )


class FilesOperationsWithRawResponse:
    """``client.with_raw_response.files``: the methods of ``client.files``, each returning
    a ``RawResponse`` (``status_code``, ``headers``, ``parse()``; ``parse_headers()``
    where the operation declares response headers)."""

    def __init__(self, operations: FilesOperations) -> None:
        self.get_from_task = raw_response(
            operations.get_from_task, FileGetFromTaskHeaders.from_headers
        )
