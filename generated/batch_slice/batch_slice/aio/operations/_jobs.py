"""Async operations of the ``Jobs`` group: ``client.jobs``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._errors import error_from_response
from ..._raw import async_raw_response
from ..._serialization import (
    encode_json,
    encode_query,
    new_uuid4,
    path_segment,
    ser_bool,
    ser_int,
    ser_rfc1123,
    ser_str,
    ser_uuid,
)
from ...operations._jobs import JobTerminateHeaders

if TYPE_CHECKING:
    import datetime
    import uuid
    from collections.abc import Mapping

    from ..._pipeline import RequestOptions
    from ...aio._transport import ClientConfig
    from ...models import JobTerminateParameter

__all__ = ["JobsOperations", "JobsOperationsWithRawResponse"]


class JobsOperations:
    """Async operations of the ``Jobs`` group. Reach them as ``client.jobs``; do not create
    this class yourself."""

    def __init__(self, config: ClientConfig) -> None:
        self._config = config
        self._pipeline = config.pipeline

    async def terminate(
        self,
        job_id: str,
        *,
        job_terminate_parameter: JobTerminateParameter | None = None,
        timeout: int | None = None,
        client_request_id: uuid.UUID | str | None = None,
        return_client_request_id: bool | None = None,
        ocp_date: datetime.datetime | None = None,
        if_match: str | None = None,
        if_none_match: str | None = None,
        if_modified_since: datetime.datetime | None = None,
        if_unmodified_since: datetime.datetime | None = None,
        force: bool | None = None,
        request_options: RequestOptions | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
    ) -> JobTerminateHeaders:
        """Terminates the specified Job, marking it as completed.

        When a Terminate Job request is received, the Batch service sets the Job to the
        terminating state. The Batch service then terminates any running Tasks
        associated with the Job and runs any required Job release Tasks. Then the Job
        moves into the completed state. If there are any Tasks in the Job in the active
        state, they will remain in the active state. Once a Job is terminated, new Tasks
        cannot be added and any remaining active Tasks will not be scheduled.

        ``POST /jobs/{jobId}/terminate`` (operation ``Job_Terminate``)

        :param job_id: The ID of the Job to terminate. (path ``jobId``)
        :param job_terminate_parameter: The parameters for the request. (body
            ``jobTerminateParameter``)
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
        :param force: If true, the server will terminate the Job even if the
            corresponding nodes have not fully processed the termination. The default
            value is false. (query ``force``; service default: ``false``)
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
        _path = "/jobs/" + path_segment("job_id", job_id) + "/terminate"
        _query: list[tuple[str, str]] = []
        if timeout is not None:
            _query.append(("timeout", encode_query(ser_int(timeout))))
        if force is not None:
            _query.append(("force", encode_query(ser_bool(force))))
        _query.append(("api-version", encode_query(self._config.api_version)))
        _headers: dict[str, str] = {"accept": "application/json"}
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
        if job_terminate_parameter is not None:
            _headers["content-type"] = "application/json; odata=minimalmetadata"
            _body = encode_json(job_terminate_parameter.to_dict())
        if extra_headers or extra_query:
            _query, _headers = self._pipeline.extras(
                _query, _headers, extra_headers, extra_query
            )
        _response = await self._pipeline.send(
            "POST", _path, _query, _headers, _body, request_options
        )
        if not 200 <= _response.status < 300:
            raise error_from_response(_response)
        return JobTerminateHeaders.from_headers(_response.headers)


class JobsOperationsWithRawResponse:
    """``client.with_raw_response.jobs``: the methods of ``client.jobs``, each returning a
    ``RawResponse`` (``status_code``, ``headers``, ``parse()``; ``parse_headers()``
    where the operation declares response headers)."""

    def __init__(self, operations: JobsOperations) -> None:
        self.terminate = async_raw_response(
            operations.terminate, JobTerminateHeaders.from_headers
        )
