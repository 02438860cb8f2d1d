"""The async transport, on aiohttp.

Why aiohttp: it was the fastest mature asyncio HTTP client measured for this workload.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from typing import TYPE_CHECKING, Any

from .._body import Body
from .._credentials import (
    AsyncTokenCredential,
    SharedKeyCredential,
    TokenCredential,
    read_token,
)
from .._errors import (
    CredentialError,
    ServiceRequestError,
    ServiceRequestTimeoutError,
    ServiceResponseError,
)
from .._pipeline import (
    CAPTURE,
    ERROR_BODY_LIMIT,
    REDIRECT_STATUSES,
    PipelineBase,
    RequestOptions,
    Response,
    RetryPolicy,
    parse_retry_after,
)

try:
    import aiohttp
    import yarl
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "the async client needs aiohttp: pip install 'batch-slice[async]'"
    ) from exc

if TYPE_CHECKING:
    import ssl
    from collections.abc import AsyncIterator


class AsyncTokenCache:
    """``TokenCache`` for the async client; accepts sync or async ``get_token``."""

    __slots__ = (
        "_authorization",
        "_credential",
        "_lock",
        "_refresh_at",
        "_scopes",
        "refresh_margin",
    )

    def __init__(
        self,
        credential: TokenCredential | AsyncTokenCredential,
        scopes: tuple[str, ...],
        refresh_margin: float = 300.0,
    ) -> None:
        self._credential = credential
        self._scopes = scopes
        self._authorization = ""
        self._refresh_at = 0.0
        self._lock: asyncio.Lock | None = None
        self.refresh_margin = refresh_margin

    def __repr__(self) -> str:
        return f"AsyncTokenCache(scopes={self._scopes!r}, token=<redacted>)"

    async def authorization(self) -> str:
        if time.time() >= self._refresh_at:
            if self._lock is None:
                self._lock = asyncio.Lock()
            async with self._lock:
                if time.time() >= self._refresh_at:
                    try:
                        token = self._credential.get_token(*self._scopes)
                        if inspect.isawaitable(token):
                            token = await token
                    except Exception as exc:
                        raise CredentialError(
                            f"get_token failed: {type(exc).__name__}"
                        ) from exc
                    self._authorization, self._refresh_at = read_token(
                        token, self.refresh_margin
                    )
        return self._authorization


class AsyncPipeline(PipelineBase):
    """Builds, signs and sends requests on one ``aiohttp.ClientSession``, created on first use."""

    def __init__(
        self,
        endpoint: str,
        credential: SharedKeyCredential | TokenCredential | AsyncTokenCredential | None,
        *,
        scopes: tuple[str, ...],
        user_agent: str,
        connect_timeout: float,
        read_timeout: float,
        retry: RetryPolicy | None = None,
        ssl_context: ssl.SSLContext | None = None,
        connection_limit: int = 100,
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
        self._ssl: Any = ssl_context if ssl_context is not None else True
        self._limit = connection_limit
        self._session: aiohttp.ClientSession | None = None
        # The proxy as aiohttp takes it, decided once (the session does not read the
        # environment: trust_env stays off). Through a CONNECT tunnel the credentials go with
        # the CONNECT; for plain HTTP with each request (forward_authorization).
        self._proxy_url = yarl.URL(self.proxy.url) if self.proxy is not None else None
        self._proxy_headers: dict[str, str] | None = None
        if self.proxy is not None and self.https and self.proxy.authorization:
            self._proxy_headers = {"Proxy-Authorization": self.proxy.authorization}
        self._tokens: AsyncTokenCache | None = None
        if credential is not None and not isinstance(credential, SharedKeyCredential):
            self._tokens = AsyncTokenCache(credential, scopes)
        self.sleep = asyncio.sleep  # replaceable in tests

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._limit, ssl=self._ssl)
            # No automatic headers: what is sent is what was signed.
            self._session = aiohttp.ClientSession(
                connector=connector,
                auto_decompress=False,
                skip_auto_headers=("User-Agent", "Content-Type", "Accept-Encoding"),
            )
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def send(
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
        redirects = 0
        # One pass per target: the request's own, then each redirect followed (RFC 9110).
        while True:
            full_path, target = self.target(path, query)
            url = yarl.URL(
                self.origin + target, encoded=True
            )  # already encoded: no re-quoting
            timeout = aiohttp.ClientTimeout(
                total=None, sock_connect=connect_timeout, sock_read=read_timeout
            )
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
                    # the whole exchange too (a server that trickles bytes): not for a download,
                    # whose body is read after the call returns
                    timeout = aiohttp.ClientTimeout(
                        total=None if stream else left,
                        sock_connect=attempt_connect,
                        sock_read=attempt_read,
                    )
                prepared = self.prepare(method, full_path, query, headers, body)
                if self._tokens is not None:
                    prepared["authorization"] = await self._tokens.authorization()
                self.log_request(method, target, prepared)
                started = time.monotonic()
                try:
                    response = await self._exchange(
                        method, url, prepared, body, timeout, stream
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
                    await self.sleep(delay)
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
                    await self.sleep(delay)
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

    async def _exchange(
        self,
        method: str,
        url: yarl.URL,
        headers: dict[str, str],
        body: bytes | Body | None,
        client_timeout: aiohttp.ClientTimeout,  # this attempt's socket limits
        stream: bool = False,
    ) -> Response:
        session = self._get_session()
        if isinstance(body, Body) and body.length is None:
            # aiohttp frames a body of unknown length itself, and refuses the header beside it
            headers = {k: v for k, v in headers.items() if k != "transfer-encoding"}
        if self.forward_authorization:  # plain HTTP through a proxy
            headers["proxy-authorization"] = self.forward_authorization
        try:
            raw = await session.request(
                method,
                url,
                headers=headers,
                data=_chunks(body) if isinstance(body, Body) else body,
                timeout=client_timeout,
                allow_redirects=False,
                proxy=self._proxy_url,
                proxy_headers=self._proxy_headers,
            )
            # Header values as http.client gives them: the received bytes read as latin-1.
            response_headers = {
                k.decode("latin-1").lower(): v.decode("latin-1")
                for k, v in raw.raw_headers
            }
            if stream and 200 <= raw.status < 300:
                return Response(
                    raw.status,
                    raw.reason or "",
                    response_headers,
                    b"",
                    _BodyStream(raw),
                )
            truncated = False
            try:
                if 200 <= raw.status < 300:
                    data = await raw.read()
                else:
                    # an error body: at most ERROR_BODY_LIMIT bytes, the rest left unread
                    data = await _read_capped(raw.content, ERROR_BODY_LIMIT + 1)
                    if len(data) > ERROR_BODY_LIMIT:
                        data, truncated = data[:ERROR_BODY_LIMIT], True
            finally:
                if truncated:
                    raw.close()  # the rest is not read: the connection is dropped
                else:
                    raw.release()
            return Response(
                raw.status, raw.reason or "", response_headers, data, None, truncated
            )
        except TimeoutError:
            raise ServiceRequestTimeoutError(
                f"{method} {self.host}: timed out"
            ) from None
        except (
            aiohttp.ClientPayloadError,
            aiohttp.ServerDisconnectedError,
            aiohttp.ClientResponseError,
        ) as exc:
            raise ServiceResponseError(
                f"{method} {self.host}: response broke off ({type(exc).__name__})"
            ) from None
        except (aiohttp.ClientError, OSError) as exc:
            raise ServiceRequestError(
                f"{method} {self.host}: {type(exc).__name__}: {exc}"
            ) from None


async def _read_capped(content: aiohttp.StreamReader, limit: int) -> bytes:
    """Up to ``limit`` bytes of a body (fewer when it ends first)."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = await content.read(limit - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


async def _chunks(body: Body) -> AsyncIterator[bytes]:
    # File reads are small (64 KiB) and local: done inline rather than in a thread per chunk.
    for chunk in body.chunks():
        yield chunk


class ClientConfig:
    """What every async operation group needs: the pipeline and client-level parameter values."""

    __slots__ = ("api_version", "pipeline")

    def __init__(self, pipeline: AsyncPipeline, api_version: str) -> None:
        self.pipeline = pipeline
        self.api_version = api_version


class _BodyStream:
    """The unread body of a download."""

    __slots__ = ("_raw",)

    def __init__(self, raw: aiohttp.ClientResponse) -> None:
        self._raw = raw

    async def read(self, size: int) -> bytes:
        try:
            return await self._raw.content.read(size)
        except TimeoutError:
            self._raw.close()
            raise ServiceRequestTimeoutError(
                "download: timed out while reading the body"
            ) from None
        except (aiohttp.ClientError, OSError) as exc:
            self._raw.close()
            raise ServiceResponseError(
                f"download broke off ({type(exc).__name__})"
            ) from None

    async def release(self) -> None:
        if self._raw.content.at_eof():
            self._raw.release()
        else:
            self._raw.close()
