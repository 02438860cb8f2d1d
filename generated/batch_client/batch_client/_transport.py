"""The sync transport, on the standard library's ``http.client``.

Why ``http.client``: it was the fastest mature HTTP/1.1 client measured for this workload
(about twice urllib3 per call) and adds no dependency. Connections are kept alive and pooled.
"""

from __future__ import annotations

import time
from collections import deque
from typing import TYPE_CHECKING

from ._body import Body
from ._credentials import SharedKeyCredential, TokenCache, TokenCredential
from ._errors import (
    ServiceRequestError,
    ServiceRequestTimeoutError,
    ServiceResponseError,
)
from ._pipeline import (
    CAPTURE,
    ERROR_BODY_LIMIT,
    REDIRECT_STATUSES,
    PipelineBase,
    RequestOptions,
    Response,
    RetryPolicy,
    parse_retry_after,
)

if TYPE_CHECKING:
    import ssl

    from ._http import HTTPConnection, HTTPResponse

# http.client (in ._http) is imported with the first connection: it pulls in the email package
# and ssl, most of this package's import time. RemoteDisconnected is a ConnectionResetError.
_LOST = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)


class Pipeline(PipelineBase):
    """Builds, signs and sends requests; owns the connection pool."""

    def __init__(
        self,
        endpoint: str,
        credential: SharedKeyCredential | TokenCredential | None,
        *,
        scopes: tuple[str, ...],
        user_agent: str,
        connect_timeout: float,
        read_timeout: float,
        retry: RetryPolicy | None = None,
        ssl_context: ssl.SSLContext | None = None,
        proxy: str | None = None,
        deadline: float | None = None,
    ) -> None:
        super().__init__(
            endpoint,
            credential,
            user_agent=user_agent,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            retry=retry,
            proxy=proxy,
            deadline=deadline,
        )
        self._ssl_context = ssl_context
        self._pool: deque[HTTPConnection] = deque()
        self._tokens: TokenCache | None = None
        if credential is not None and not isinstance(credential, SharedKeyCredential):
            self._tokens = TokenCache(credential, scopes)
        self.sleep = time.sleep  # replaceable in tests

    def close(self) -> None:
        while self._pool:
            self._pool.pop().close()

    def _new_connection(self, connect_timeout: float) -> HTTPConnection:
        from . import _http

        proxy = self.proxy
        if self.https:
            import ssl

            context = self._ssl_context or ssl.create_default_context()
            if proxy is None:
                return _http.HTTPSConnection(
                    self.host, self.port, timeout=connect_timeout, context=context
                )
            # HTTPS through a proxy: a CONNECT tunnel, TLS to the endpoint inside it.
            conn = _http.HTTPSConnection(
                proxy.host, proxy.port, timeout=connect_timeout, context=context
            )
            auth = proxy.authorization
            tunnel_headers = {"Proxy-Authorization": auth} if auth else None
            conn.set_tunnel(self.host, self.port, tunnel_headers)
            return conn
        if proxy is not None:
            return _http.HTTPConnection(proxy.host, proxy.port, timeout=connect_timeout)
        return _http.HTTPConnection(self.host, self.port, timeout=connect_timeout)

    def send(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        headers: dict[str, str],
        body: bytes | Body | None = None,
        options: RequestOptions | None = None,
        stream: bool = False,
    ) -> Response:
        """Send a request, retrying as the policy says; ``path`` is already percent-encoded.
        With ``stream``, a 2xx response's body is left to be read from ``response.stream``.
        """
        retry = self.retry
        connect_timeout, read_timeout = self.connect_timeout, self.read_timeout
        deadline = self.deadline
        if options is not None:
            retry = options.retry or retry
            connect_timeout = options.connect_timeout or connect_timeout
            read_timeout = options.read_timeout or read_timeout
            deadline = options.deadline or deadline
        # The deadline bounds the whole call: each attempt's timeouts are cut to the time left,
        # and a wait that would end past it is not waited.
        until = time.monotonic() + deadline if deadline else 0.0
        attempt_connect, attempt_read = connect_timeout, read_timeout
        redirects = 0
        # One pass per target: the request's own, then each redirect followed (RFC 9110).
        while True:
            full_path, target = self.target(path, query)
            # a body streamed from an iterator cannot be sent twice: no retry once it was read
            replayable = not isinstance(body, Body) or body.replayable
            attempt = 0
            while True:
                attempt += 1
                if until:
                    left = until - time.monotonic()
                    if left <= 0:
                        raise self.deadline_error(method, target, deadline, attempt - 1)
                    attempt_connect = min(connect_timeout, left)
                    attempt_read = min(read_timeout, left)
                prepared = self.prepare(method, full_path, query, headers, body)
                if self._tokens is not None:
                    prepared["authorization"] = self._tokens.authorization()
                self.log_request(method, target, prepared)
                started = time.monotonic()
                try:
                    response = self._exchange(
                        method,
                        target,
                        prepared,
                        body,
                        attempt_connect,
                        attempt_read,
                        stream,
                    )
                except ServiceRequestError as exc:
                    if (
                        attempt > retry.max_retries
                        or not retry.retry_on_connection_errors
                        or not replayable
                    ):
                        raise
                    delay = retry.delay(attempt)
                    if until and time.monotonic() + delay >= until:
                        error = self.deadline_error(method, target, deadline, attempt)
                        raise error from exc
                    self.log_retry(
                        method,
                        target,
                        type(exc).__name__,
                        delay,
                        attempt,
                        retry.max_retries,
                    )
                    self.sleep(delay)
                    continue
                self.log_response(
                    method, target, response.status, attempt, time.monotonic() - started
                )
                if (
                    response.status in retry.retry_statuses
                    and attempt <= retry.max_retries
                    and replayable
                ):
                    delay = retry.delay(attempt, parse_retry_after(response.headers))
                    if until and time.monotonic() + delay >= until:
                        raise self.deadline_error(method, target, deadline, attempt)
                    self.log_retry(
                        method,
                        target,
                        f"status {response.status}",
                        delay,
                        attempt,
                        retry.max_retries,
                    )
                    self.sleep(delay)
                    continue
                break
            if response.status in REDIRECT_STATUSES:
                hop = self.redirect(
                    method,
                    full_path,
                    target,
                    headers,
                    body,
                    replayable,
                    response,
                    redirects,
                )
                if hop is not None:
                    method, path, query, headers, body = hop
                    redirects += 1
                    continue
            sink = CAPTURE.get()
            if sink is not None:  # a raw-response call: it keeps the response
                sink.append(response)
            return response

    def _exchange(
        self,
        method: str,
        target: str,
        headers: dict[str, str],
        body: bytes | Body | None,
        connect_timeout: float,
        read_timeout: float,
        stream: bool = False,
    ) -> Response:
        if self.target_prefix:  # plain HTTP through a proxy: the absolute URL
            target = self.target_prefix + target
        for _ in (1, 2):
            try:
                conn, reused = self._pool.pop(), True
            except IndexError:
                conn, reused = self._new_connection(connect_timeout), False
            sent = False
            try:
                if conn.sock is None:
                    conn.connect()
                sock = conn.sock
                # settimeout is a system call (ioctl) each time: only when the value changes
                if sock is not None and sock.gettimeout() != read_timeout:
                    sock.settimeout(read_timeout)
                conn.putrequest(
                    method, target, skip_host=True, skip_accept_encoding=True
                )
                lines = [f"host: {self.host_header}"]
                if self.forward_authorization:  # plain HTTP through a proxy
                    lines.append(f"proxy-authorization: {self.forward_authorization}")
                lines += [f"{name}: {value}" for name, value in headers.items()]
                conn.put_fields(lines)
                if isinstance(body, Body):
                    conn.endheaders()
                    chunked = body.length is None
                    for chunk in body.chunks():
                        if chunked and chunk:
                            conn.send(b"%x\r\n%b\r\n" % (len(chunk), chunk))
                        elif chunk:
                            conn.send(chunk)
                    if chunked:
                        conn.send(b"0\r\n\r\n")
                else:
                    conn.endheaders(body)
                sent = True
                raw = conn.getresponse()
                if stream and 200 <= raw.status < 300:
                    response_headers = raw.fields
                    return Response(
                        raw.status,
                        raw.reason,
                        response_headers,
                        b"",
                        _BodyStream(self, conn, raw),
                    )
                truncated = False
                if 200 <= raw.status < 300:
                    data = raw.read()
                else:
                    # an error body: at most ERROR_BODY_LIMIT bytes, the rest left unread
                    data = raw.read(ERROR_BODY_LIMIT + 1)
                    if len(data) > ERROR_BODY_LIMIT:
                        data, truncated = data[:ERROR_BODY_LIMIT], True
            except TimeoutError as exc:
                conn.close()
                raise ServiceRequestTimeoutError(
                    f"{method} {self.host}: timed out ({exc or 'no detail'})"
                ) from None
            except _LOST as exc:
                conn.close()
                if reused:
                    continue  # a kept-alive connection the server had closed: once more on a new one
                kind = ServiceResponseError if sent else ServiceRequestError
                raise kind(
                    f"{method} {self.host}: connection lost ({type(exc).__name__})"
                ) from None
            except OSError as exc:
                conn.close()
                raise ServiceRequestError(
                    f"{method} {self.host}: {type(exc).__name__}: {exc.strerror or exc}"
                ) from None
            # http.client.HTTPException and its kin: a malformed response
            except Exception as exc:
                conn.close()
                # InvalidURL (a ValueError) is the request's own fault: not a response to retry
                if type(exc).__module__ != "http.client" or isinstance(exc, ValueError):
                    raise
                raise ServiceResponseError(
                    f"{method} {self.host}: bad response ({type(exc).__name__})"
                ) from None
            response_headers = raw.fields
            if raw.will_close or truncated:
                conn.close()
            else:
                self._pool.append(conn)
            return Response(
                raw.status, raw.reason, response_headers, data, None, truncated
            )
        raise ServiceRequestError(f"{method} {self.host}: connection lost twice")


class ClientConfig:
    """What every operation group needs: the pipeline and client-level parameter values."""

    __slots__ = ("api_version", "pipeline")

    def __init__(self, pipeline: Pipeline, api_version: str) -> None:
        self.pipeline = pipeline
        self.api_version = api_version


class _BodyStream:
    """The unread body of a download; gives its connection back to the pool once read to the end."""

    __slots__ = ("_conn", "_pipeline", "_raw")

    def __init__(
        self,
        pipeline: Pipeline,
        conn: HTTPConnection,
        raw: HTTPResponse,
    ) -> None:
        self._pipeline = pipeline
        self._conn = conn
        self._raw = raw

    def read(self, size: int) -> bytes:
        try:
            return self._raw.read(size)
        except TimeoutError:
            self._conn.close()
            raise ServiceRequestTimeoutError(
                "download: timed out while reading the body"
            ) from None
        except (OSError, ValueError) as exc:
            self._conn.close()
            raise ServiceResponseError(
                f"download broke off ({type(exc).__name__})"
            ) from None
        except Exception as exc:  # http.client.IncompleteRead and kin
            self._conn.close()
            if type(exc).__module__ != "http.client":
                raise
            raise ServiceResponseError(
                f"download broke off ({type(exc).__name__})"
            ) from None

    def release(self) -> None:
        if self._raw.isclosed() and not self._raw.will_close:
            self._pipeline._pool.append(self._conn)
        else:
            self._conn.close()
