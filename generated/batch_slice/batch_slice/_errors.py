"""Exceptions of the package. Every failure of a call is one of these, never a bare library error."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ._pipeline import Response
    from .models import BatchError


class DecodeError(ValueError):
    """A JSON body did not have the shape the API description promises."""


class ServiceRequestError(Exception):
    """The request did not get a response: connection refused or reset, DNS, TLS."""


class ServiceRequestTimeoutError(ServiceRequestError, TimeoutError):
    """Connecting or waiting for the response took longer than the configured timeout."""


class ServiceResponseError(ServiceRequestError):
    """The request was sent but the response broke off (connection reset, truncated body)."""


class CredentialError(Exception):
    """The credential gave no usable token: its ``get_token`` raised (that error is
    the ``__cause__``) or returned something that is not a token. Nothing was sent."""


class BatchServiceError(Exception):
    """The service answered with a status that is not a success (any non-2xx).

    :ivar status_code: the HTTP status.
    :ivar error: the decoded error body, or ``None`` when the body is not one (an HTML page
        from a proxy, for instance).
    :ivar request_id: the service's ``request-id`` response header, for support requests.
    :ivar body: the response body as text (UTF-8, undecodable bytes replaced), decoded from
        the bytes when first read; ``content`` is the bytes. An error body is read up to
        ``ERROR_BODY_LIMIT`` (1 MiB) and the rest discarded.
    :ivar body_truncated: the body was longer than that and was cut (the message says so).
    :ivar headers: the response headers (lower-case names).
    """

    def __init__(
        self,
        status_code: int,
        reason: str,
        *,
        error: BatchError | None = None,
        request_id: str | None = None,
        body: str | bytes = "",
        headers: Mapping[str, str] | None = None,
        body_truncated: bool = False,
    ) -> None:
        self.status_code = status_code
        self.reason = reason
        self.error = error
        self.request_id = request_id
        # One copy, bytes or text as given; the other is derived on use.
        self._body = body
        self.body_truncated = body_truncated
        self.headers: Mapping[str, str] = dict(headers or {})
        super().__init__(self._summary())

    @property
    def body(self) -> str:
        """The response body as text."""
        body = self._body
        return (
            body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
        )

    @property
    def content(self) -> bytes:
        """The response body as bytes."""
        body = self._body
        return body if isinstance(body, bytes) else body.encode("utf-8")

    @property
    def code(self) -> str | None:
        """The service's error code, when the body carried one."""
        return getattr(self.error, "code", None)

    @property
    def message(self) -> str | None:
        """The service's error message, when the body carried one."""
        message = getattr(self.error, "message", None)
        text = getattr(message, "value", message)
        return text if isinstance(text, str) else None

    def _summary(self) -> str:
        code = self.code or self.reason
        message = self.message
        if message is None:
            head = self._body[:1000]
            text = (
                head.decode("utf-8", errors="replace")
                if isinstance(head, bytes)
                else head
            )
            snippet = " ".join(text.split())
            message = (
                snippet[:200] + ("..." if len(snippet) > 200 else "")
                if snippet
                else "(no body)"
            )
        tail = f" (request-id: {self.request_id})" if self.request_id else ""
        if self.body_truncated:
            tail += f" [body cut at {len(self._body)} bytes, the rest discarded]"
        return f"({self.status_code}) {code}: {message}{tail}"

    def __str__(self) -> str:
        return self._summary()


def error_from_response(response: Response) -> BatchServiceError:
    """The exception for a non-2xx response; the body is decoded only if it is a valid error model."""
    status, reason, headers, body = (
        response.status,
        response.reason,
        response.headers,
        response.body,
    )
    cut = response.truncated
    error: BatchError | None = None
    if body[:1] in (b"{", b" ", b"\n", b"\r", b"\t"):
        import json

        from .models import BatchError

        try:
            error = BatchError.from_dict(json.loads(body))
        except (ValueError, TypeError, RecursionError):
            error = None
    request_id = headers.get("request-id")
    return BatchServiceError(
        status,
        reason,
        error=error,
        request_id=request_id,
        body=body,
        headers=headers,
        body_truncated=cut,
    )
