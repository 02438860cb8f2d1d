"""What the sync and async transports share: requests, responses, per-call options, the retry
policy, header preparation and signing. No I/O here."""

from __future__ import annotations

import base64
import datetime
import logging
import os
import random
import time
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urljoin, urlsplit

from ._body import Body
from ._credentials import SharedKeyCredential, TokenCredential
from ._serialization import parse_rfc1123, ser_rfc1123

if TYPE_CHECKING:
    from collections.abc import Mapping


LOGGER = logging.getLogger("batch_slice")
_FORBIDDEN = frozenset("\r\n\0")
# What a URI may hold besides letters, digits and "-._~" (RFC 3986 reserved characters and "%").
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~"
# What a header name (an RFC 9110 token) may not hold.
_NOT_TOKEN = frozenset('()<>@,;:\\"/[]?={} \t\r\n\0')
_SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "x-ms-encryption-key"}
)
# Where a raw-response call (``_raw``) collects the final response of each request it makes.
CAPTURE: ContextVar[list[Response] | None] = ContextVar("capture", default=None)
# Headers that frame the message: never taken from ``extra_headers``.
_FRAMING = frozenset({"host", "content-length", "transfer-encoding", "connection"})
# A non-2xx response's body is read up to this many bytes; the rest is discarded unread (the
# connection is closed) and the error says the body was cut.
ERROR_BODY_LIMIT = 1 << 20
# Statuses whose Location the client follows (RFC 9110 section 15.4), and how many times.
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 10
# Filled in at each attempt when the caller did not give it, so a retry carries a fresh date.
AUTO_DATE_HEADER = "ocp-date"


class RetryPolicy:
    """When and how long to wait before sending a request again.

    Retries happen on connection failures and timeouts and on the statuses in
    ``retry_statuses``; the wait doubles from ``backoff_factor`` seconds up to ``backoff_max``,
    with jitter (50–100% of it), unless the response says ``Retry-After`` (seconds or an HTTP
    date) or ``retry-after-ms``, which is honoured (up to ``backoff_max``). A retry keeps the
    same ``client-request-id``, refreshes ``ocp-date`` and is signed again.
    """

    __slots__ = (
        "backoff_factor",
        "backoff_max",
        "max_retries",
        "retry_on_connection_errors",
        "retry_statuses",
    )

    def __init__(
        self,
        max_retries: int = 3,
        backoff_factor: float = 0.8,
        backoff_max: float = 60.0,
        retry_statuses: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504}),
        retry_on_connection_errors: bool = True,
    ) -> None:
        if max_retries < 0 or backoff_factor < 0 or backoff_max < 0:
            raise ValueError(
                "max_retries, backoff_factor and backoff_max must not be negative"
            )
        self.max_retries = max_retries
        self.backoff_factor = backoff_factor
        self.backoff_max = backoff_max
        self.retry_statuses = frozenset(retry_statuses)
        self.retry_on_connection_errors = retry_on_connection_errors

    def __repr__(self) -> str:
        return (
            f"RetryPolicy(max_retries={self.max_retries}, backoff_factor={self.backoff_factor}, "
            f"backoff_max={self.backoff_max}, retry_statuses={sorted(self.retry_statuses)}, "
            f"retry_on_connection_errors={self.retry_on_connection_errors})"
        )

    def delay(self, retry_number: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``retry_number`` (1-based)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.backoff_max)
        base = min(self.backoff_max, self.backoff_factor * 2.0 ** (retry_number - 1))
        return base * random.uniform(0.5, 1.0)


NO_RETRIES = RetryPolicy(max_retries=0)


class RequestOptions:
    """Per-call settings; anything left ``None`` falls back to the client's. ``deadline``: total
    seconds for the call, every attempt and wait between them included."""

    __slots__ = ("connect_timeout", "deadline", "read_timeout", "retry")

    def __init__(
        self,
        *,
        retry: RetryPolicy | None = None,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        deadline: float | None = None,
    ) -> None:
        if deadline is not None and deadline <= 0:
            raise ValueError("deadline must be positive")
        self.retry = retry
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.deadline = deadline

    def __repr__(self) -> str:
        return (
            f"RequestOptions(retry={self.retry!r}, connect_timeout={self.connect_timeout}, "
            f"read_timeout={self.read_timeout}, deadline={self.deadline})"
        )


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait as the server asks: ``retry-after-ms``, ``Retry-After`` seconds or HTTP date."""
    millis = headers.get("retry-after-ms") or headers.get("x-ms-retry-after-ms")
    if millis:
        try:
            return max(float(millis) / 1000.0, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = parse_rfc1123(value)
    if when is None:
        return None
    return max((when - datetime.datetime.now(datetime.UTC)).total_seconds(), 0.0)


class Response:
    """A response: status, headers (lower-case names, values decoded as latin-1) and body bytes,
    or, for a download that succeeded, ``stream`` to read the body from. ``truncated``: the body
    of a non-2xx response was longer than ``ERROR_BODY_LIMIT`` and was cut there."""

    __slots__ = ("body", "headers", "reason", "status", "stream", "truncated")

    def __init__(
        self,
        status: int,
        reason: str,
        headers: dict[str, str],
        body: bytes,
        stream: Any = None,
        truncated: bool = False,
    ) -> None:
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.stream = stream
        self.truncated = truncated

    @property
    def content_length(self) -> int | None:
        value = self.headers.get("content-length", "")
        return int(value) if value.isdigit() else None


def check_header(name: str, value: str) -> None:
    """Refuse, before anything is sent, CR, LF and NUL in header values (header injection) and
    any character that is not ASCII. One rule for both clients: http.client would send
    latin-1 (and fail on anything else), aiohttp UTF-8; only ASCII is sent the same way.
    """
    if not _FORBIDDEN.isdisjoint(value):
        raise ValueError(
            f"header {name!r} contains a line break or NUL; refused before sending"
        )
    if not value.isascii():
        raise ValueError(
            f"header {name!r} contains non-ASCII characters; refused before sending "
            "(encode the value as the API expects, e.g. percent-encoded UTF-8)"
        )


class Proxy:
    """A forward proxy: host, port and the ``Proxy-Authorization`` value its URL's credentials
    make (never shown: ``repr`` and ``url`` leave the credentials out)."""

    __slots__ = ("authorization", "host", "port", "url")

    def __init__(self, url: str) -> None:
        parts = urlsplit(url if "://" in url else "http://" + url)
        try:
            port = parts.port
        except ValueError:
            port = -1
        if parts.scheme != "http" or not parts.hostname or port == -1:
            raise ValueError(
                "proxy must be an http:// URL (http://[user:password@]host[:port]), got "
                f"{parts.scheme}://{parts.hostname or ''}"
            )
        self.host = parts.hostname
        self.port = port or 80
        netloc = parts.netloc.rpartition("@")[2]
        self.url = f"http://{netloc}"
        self.authorization = ""
        if parts.username is not None:
            pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
            self.authorization = "Basic " + base64.b64encode(pair.encode()).decode()
        check_header("proxy-authorization", self.authorization)

    def __repr__(self) -> str:
        return f"Proxy({self.url!r})"


def proxy_from_environment(https: bool, host: str, port: int) -> str:
    """The proxy URL the environment gives for the endpoint (``HTTPS_PROXY`` or ``HTTP_PROXY``,
    lower-case names first), or ``""`` when there is none or ``NO_PROXY`` names the host.
    """
    key = "https_proxy" if https else "http_proxy"
    # Under CGI, HTTP_PROXY is a request header (the Proxy header): only the lower-case one.
    if https or "REQUEST_METHOD" not in os.environ:
        url = os.environ.get(key) or os.environ.get(key.upper(), "")
    else:
        url = os.environ.get(key, "")
    if not url:
        return ""
    # NO_PROXY as urllib reads it: "*", or names matching the host or a domain above it
    # (leading dots ignored), with or without the port.
    no_proxy = os.environ.get("no_proxy") or os.environ.get("NO_PROXY", "")
    host = host.lower()
    with_port = f"{host}:{port}"
    for entry in no_proxy.split(","):
        name = entry.strip().lstrip(".").lower()
        if name == "*" or (
            name
            and (
                name in (host, with_port)
                or host.endswith("." + name)
                or with_port.endswith("." + name)
            )
        ):
            return ""
    return url


# Where a redirect sends a call: method, path, query, headers, body.
Hop = tuple[str, str, list[tuple[str, str]], dict[str, str], bytes | Body | None]


class RootedPath(str):
    """A request path that already holds the endpoint's base path (a resolved link)."""

    __slots__ = ()


class PipelineBase:
    """Endpoint, credentials and defaults: everything but the I/O."""

    def __init__(
        self,
        endpoint: str,
        credential: SharedKeyCredential | TokenCredential | None,
        *,
        user_agent: str,
        connect_timeout: float,
        read_timeout: float,
        retry: RetryPolicy | None,
        proxy: str | None = None,
        deadline: float | None = None,
    ) -> None:
        if not isinstance(endpoint, str) or not endpoint.strip():
            raise ValueError("endpoint must be a non-empty http(s) URL")
        endpoint = endpoint.strip()
        if "://" not in endpoint:
            endpoint = "https://" + endpoint
        parts = urlsplit(endpoint)
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            or parts.query
            or parts.fragment
        ):
            raise ValueError(
                f"endpoint must be an http(s) URL without query or fragment, got {endpoint!r}"
            )
        if connect_timeout <= 0 or read_timeout <= 0:
            raise ValueError("timeouts must be positive")
        if deadline is not None and deadline <= 0:
            raise ValueError("deadline must be positive")
        check_header("endpoint", endpoint)
        self.endpoint = endpoint
        self.https = parts.scheme == "https"
        self.host = parts.hostname
        self.port = parts.port or (443 if self.https else 80)
        self.base_path = parts.path.rstrip("/")
        self.host_header = parts.netloc.rpartition("@")[2]
        self.origin = f"{parts.scheme}://{self.host_header}"
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.retry = retry if retry is not None else RetryPolicy()
        self.deadline = deadline
        # The proxy is decided once, here: None reads the environment, "" means none.
        self.proxy_option = proxy
        if proxy is None:
            proxy = proxy_from_environment(self.https, self.host, self.port)
        self.proxy = Proxy(proxy) if proxy else None
        # Plain HTTP through a proxy: the request target is the absolute URL, and each request
        # carries the proxy's credentials (through a CONNECT tunnel, only the CONNECT does).
        self.target_prefix = ""
        self.forward_authorization = ""
        if self.proxy is not None and not self.https:
            self.target_prefix = f"http://{self.host_header}"
            self.forward_authorization = self.proxy.authorization
        self.shared_key = (
            credential if isinstance(credential, SharedKeyCredential) else None
        )
        if (
            credential is not None
            and self.shared_key is None
            and not hasattr(credential, "get_token")
        ):
            raise TypeError(
                "credential must be a SharedKeyCredential or an object with get_token(*scopes), "
                f"got {type(credential).__name__}"
            )
        self.secret_headers = _SECRET_HEADERS
        # Header names are sent in lower case (HTTP/1.1 names are case-insensitive): what is
        # signed is then exactly what is sent, with no case-folding per call.
        self.static_headers = {"user-agent": user_agent}  # Accept: per operation
        check_header("user-agent", user_agent)
        self._date_second = -1
        self._date_text = ""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(endpoint={self.endpoint!r})"

    def proxy_for(self, url: str) -> str:
        """The proxy URL for another host the client talks to (an OAuth2 token URL), or "":
        the ``proxy=`` option when one was given, else what the environment says."""
        if self.proxy_option is not None:
            return self.proxy_option
        parts = urlsplit(url)
        https = parts.scheme == "https"
        port = parts.port or (443 if https else 80)
        return proxy_from_environment(https, parts.hostname or "", port)

    def deadline_error(
        self, method: str, target: str, deadline: float | None, attempt: int
    ) -> Exception:
        """What a call raises when its deadline runs out (before an attempt or a wait)."""
        from ._errors import ServiceRequestTimeoutError

        return ServiceRequestTimeoutError(
            f"{method} {target}: the call's deadline of {deadline or 0:g} s ran out "
            f"(after {attempt} attempt{'s' if attempt != 1 else ''})"
        )

    def target(self, path: str, query: list[tuple[str, str]]) -> tuple[str, str]:
        """(full path, request target); path and query are already percent-encoded. A
        ``RootedPath`` (a resolved next link) already holds the endpoint's base path."""
        full_path = path if type(path) is RootedPath else self.base_path + path
        if not query:
            return full_path, full_path
        return full_path, full_path + "?" + "&".join(f"{k}={v}" for k, v in query)

    def resolve(
        self, reference: str, base: str, what: str
    ) -> tuple[RootedPath, list[tuple[str, str]]]:
        """(full path, query) of a URI reference (a next link, a ``Location``) resolved
        against ``base`` (a full path on the endpoint) as RFC 3986 section 5 says: absolute,
        path-absolute and relative forms. Credentials go only to the client's own endpoint:
        another scheme, host or port is refused, as is a reference that is not a URI."""
        from ._errors import ServiceResponseError

        shown = reference[:200]
        if not _FORBIDDEN.isdisjoint(reference) or any(c in reference for c in " \t"):
            raise ServiceResponseError(f"unusable {what}: {shown!r}")
        # Characters a URI cannot hold (non-ASCII, quotes, braces) percent-encoded as UTF-8,
        # as browsers do; what is already percent-encoded stays as the server wrote it.
        text = quote(reference, safe=_URI_SAFE)
        try:
            parts = urlsplit(urljoin(self.origin + base, text))
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise ServiceResponseError(f"unusable {what} ({exc}): {shown!r}") from None
        if (
            parts.scheme != ("https" if self.https else "http")
            or parts.hostname != self.host
            or port != self.port
        ):
            raise ServiceResponseError(
                f"refusing to follow a {what} to another host: "
                f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"
            )
        query = [
            (name, value)
            for name, _, value in (
                pair.partition("=") for pair in parts.query.split("&") if pair
            )
        ]
        return RootedPath(parts.path or "/"), query

    def next_link(
        self, link: str, api_version: tuple[str, str] | None
    ) -> tuple[str, list[tuple[str, str]]]:
        """(path, query) of a next-page link, resolved against the endpoint taken as a
        directory (``https://host/base`` as ``https://host/base/``, the way HTTP clients
        treat a base URL), so ``items?page=2``, ``/base/items?page=2`` and
        ``https://host/base/items?page=2`` are the same link. The API version is added when
        the link leaves it out."""
        path, query = self.resolve(link, self.base_path + "/", "next link")
        if api_version is not None:
            name = quote(api_version[0], safe="")
            if not any(k == name for k, _ in query):
                query.append((name, quote(api_version[1], safe="")))
        return path, query

    def redirect(
        self,
        method: str,
        full_path: str,
        target: str,
        headers: dict[str, str],
        body: bytes | Body | None,
        replayable: bool,
        response: Response,
        count: int,
    ) -> Hop | None:
        """Where a response sends the call next, as RFC 9110 section 15.4 says: (method, path,
        query, headers, body), or ``None`` to return the response as it is.

        301, 302, 303, 307 and 308 with a ``Location`` are followed, at most ``MAX_REDIRECTS``
        times, on the endpoint's own scheme, host and port only (a redirect elsewhere is
        refused: its request would carry the client's credentials). 307 and 308 keep the
        method and body; 303, and 301 or 302 after a POST, continue as a GET without a body
        (as every browser and HTTP client does). A body that cannot be sent twice (a stream)
        is not redirected with: the 3xx is the answer. The request is signed again for its new
        target at each hop."""
        location = response.headers.get("location")
        if not location:
            return None
        from ._errors import ServiceResponseError

        if count >= MAX_REDIRECTS:
            raise ServiceResponseError(
                f"{method} {target}: more than {MAX_REDIRECTS} redirects"
            )
        path, query = self.resolve(location, full_path, "redirect")
        status = response.status
        as_get = status == 303 and method != "HEAD"
        if as_get or status in (301, 302) and method == "POST":
            method, body = "GET", None
            headers = {k: v for k, v in headers.items() if not k.startswith("content-")}
        elif body is not None and not replayable:
            return None
        LOGGER.info("%s %s: redirected (%d) to %s", method, target, status, path)
        return method, path, query, headers, body

    def extras(
        self,
        query: list[tuple[str, str]],
        headers: dict[str, str],
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, str] | None,
    ) -> tuple[list[tuple[str, str]], dict[str, str]]:
        """The operation's query and headers with a call's ``extra_query`` (percent-encoded,
        after the operation's own items) and ``extra_headers`` (one of the same name
        replaces the operation's), checked as every header is, signed with the rest."""
        if extra_query:
            query = query + [
                (quote(str(k), safe=""), quote(str(v), safe=""))
                for k, v in extra_query.items()
            ]
        if extra_headers:
            headers = dict(headers)
            for name, value in extra_headers.items():
                key = name.lower()
                if not key or not key.isascii() or any(c in key for c in _NOT_TOKEN):
                    raise ValueError(f"extra header name {name!r} is not an HTTP token")
                if key in _FRAMING:
                    raise ValueError(f"extra header {name!r} is the client's to set")
                if not isinstance(value, str):
                    raise TypeError(f"extra header {name!r} must be a str")
                check_header(key, value)
                headers[key] = value
        return query, headers

    def prepare(
        self,
        method: str,
        full_path: str,
        query: list[tuple[str, str]],
        headers: Mapping[str, str],
        body: bytes | Body | None,
    ) -> dict[str, str]:
        """The headers of one attempt (everything but authorization): checked, dated."""
        out = self.static_headers.copy()
        out.update(headers)
        if AUTO_DATE_HEADER not in headers:
            now = int(time.time())
            if (
                now != self._date_second
            ):  # the text changes once a second: format it once
                self._date_text = ser_rfc1123(
                    datetime.datetime.fromtimestamp(now, datetime.UTC)
                )
                self._date_second = now
            out[AUTO_DATE_HEADER] = self._date_text
        if isinstance(body, Body):
            if body.length is None:
                out["transfer-encoding"] = "chunked"
            else:
                out["content-length"] = str(body.length)
        elif body is not None or method not in ("GET", "HEAD", "DELETE"):
            out["content-length"] = str(len(body or b""))
        for name, value in headers.items():
            if not value.isascii() or not _FORBIDDEN.isdisjoint(value):
                check_header(name, value)
        if self.shared_key is not None:
            out["authorization"] = self.shared_key.sign(method, full_path, query, out)
        return out

    def log_request(self, method: str, target: str, headers: Mapping[str, str]) -> None:
        if LOGGER.isEnabledFor(logging.DEBUG):
            shown = {
                k: "<redacted>" if k in self.secret_headers else v
                for k, v in headers.items()
            }
            LOGGER.debug("%s %s headers=%r", method, target, shown)

    def log_response(
        self, method: str, target: str, status: int, attempt: int, elapsed: float
    ) -> None:
        # Only method, path and status: header values may carry secrets, bodies personal data.
        if LOGGER.isEnabledFor(logging.DEBUG):
            LOGGER.debug(
                "%s %s -> %d in %.1f ms (attempt %d)",
                method,
                target,
                status,
                elapsed * 1000,
                attempt,
            )

    def log_retry(
        self,
        method: str,
        target: str,
        reason: str,
        delay: float,
        attempt: int,
        total: int,
    ) -> None:
        LOGGER.info(
            "%s %s: %s; retry %d of %d in %.2f s",
            method,
            target,
            reason,
            attempt,
            total,
            delay,
        )
