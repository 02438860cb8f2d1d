"""Operations of the ``Tasks`` group: ``client.tasks``."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .._errors import error_from_response
from .._raw import raw_response
from .._serialization import (
    encode_query,
    new_uuid4,
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

__all__ = ["TaskReactivateHeaders", "TasksOperations", "TasksOperationsWithRawResponse"]


class TaskReactivateHeaders(NamedTuple):
    """Headers of a successful ``Task_Reactivate`` response (immutable).

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


class TasksOperations:
    """Operations of the ``Tasks`` group. Reach them as ``client.tasks``; do not create
    this class yourself."""

    def __init__(self, config: ClientConfig) -> None:
        self._config = config
        self._pipeline = config.pipeline

    def reactivate(
        self,
        job_id: str,
        task_id: str,
        *,
        timeout: int | None = None,
        client_request_id: uuid.UUID | str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime.datetime | None = None,
        if_match: str | None = None,
        if_none_match: str | None = None,
        if_modified_since: datetime.datetime | None = None,
        if_unmodified_since: datetime.datetime | None = None,
        request_options: RequestOptions | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
    ) -> TaskReactivateHeaders:
        """Reactivates a Task, allowing it to run again even if its retry count has been
        exhausted.

        Reactivation makes a Task eligible to be retried again up to its maximum retry
        count. The Task's state is changed to active. As the Task is no longer in the
        completed state, any previous exit code or failure information is no longer
        available after reactivation. Each time a Task is reactivated, its retry count
        is reset to 0. Reactivation will fail for Tasks that are not completed or that
        previously completed successfully (with an exit code of 0). Additionally, it
        will fail if the Job has completed (or is terminating or deleting).

        ``POST /jobs/{jobId}/tasks/{taskId}/reactivate`` (operation ``Task_Reactivate``)

        :param job_id: The ID of the Job containing the Task. (path ``jobId``)
        :param task_id: The ID of the Task to reactivate. (path ``taskId``)
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
        :param if_match: An ETag value associated with the version of the resource
            known to the client. The operation will be performed only if the resource's
            current ETag on the service exactly matches the value specified by the
            client. (header ``If-Match``)
        :param if_none_match: An ETag value associated with the version of the
            resource known to the client. The operation will be performed only if the
            resource's current ETag on the service does not match the value specified by
            the client. (header ``If-None-Match``)
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
        :returns: the response headers.
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
            + "/reactivate"
        )
        _query: list[tuple[str, str]] = []
        _query.append(("api-version", encode_query(self._config.api_version)))
        if timeout is not None:
            _query.append(("timeout", encode_query(ser_int(timeout))))
        _headers: dict[str, str] = {"accept": "application/json; odata=minimalmetadata"}
        if client_request_id is not None:
            _headers["client-request-id"] = ser_uuid(client_request_id)
        else:
            _headers["client-request-id"] = new_uuid4()
        if return_client_request_id is not None:
            _headers["return-client-request-id"] = ser_bool(return_client_request_id)
        if ocp_date is not None:
            _headers["ocp-date"] = ser_rfc1123(ocp_date)
        if if_match is not None:
            _headers["if-match"] = ser_str(if_match)
        if if_none_match is not None:
            _headers["if-none-match"] = ser_str(if_none_match)
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
            "POST", _path, _query, _headers, _body, request_options
        )
        if not 200 <= _response.status < 300:
            raise error_from_response(_response)
        return TaskReactivateHeaders.from_headers(_response.headers)


class TasksOperationsWithRawResponse:
    """``client.with_raw_response.tasks``: the methods of ``client.tasks``, each returning
    a ``RawResponse`` (``status_code``, ``headers``, ``parse()``; ``parse_headers()``
    where the operation declares response headers)."""

    def __init__(self, operations: TasksOperations) -> None:
        self.reactivate = raw_response(
            operations.reactivate, TaskReactivateHeaders.from_headers
        )
