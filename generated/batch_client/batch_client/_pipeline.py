"""What the sync and async transports share: requests, responses, per-call options, the retry
policy, header preparation and signing. No I/O here."""

from __future__ import annotations

import datetime
import email.utils
import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from ._credentials import SharedKeyCredential, TokenCredential
from ._serialization import ser_rfc1123

LOGGER = logging.getLogger("batch_client")
_FORBIDDEN = frozenset("\r\n\0")
# Filled in at each attempt when the caller did not give it, so a retry carries a fresh date.
AUTO_DATE_HEADER = "ocp-date"


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When and how long to wait before sending a request again.

    Retries happen on connection failures and timeouts and on the statuses in
    ``retry_statuses``; the wait doubles from ``backoff_factor`` seconds up to ``backoff_max``,
    with jitter (50–100% of it), unless the response says ``Retry-After`` (seconds or an HTTP
    date) or ``retry-after-ms``, which is honoured (up to ``backoff_max``). A retry keeps the
    same ``client-request-id``, refreshes ``ocp-date`` and is signed again.
    """

    max_retries: int = 3
    backoff_factor: float = 0.8
    backoff_max: float = 60.0
    retry_statuses: frozenset[int] = field(
        default_factory=lambda: frozenset({408, 429, 500, 502, 503, 504})
    )
    retry_on_connection_errors: bool = True

    def __post_init__(self) -> None:
        if self.max_retries < 0 or self.backoff_factor < 0 or self.backoff_max < 0:
            raise ValueError(
                "max_retries, backoff_factor and backoff_max must not be negative"
            )

    def delay(self, retry_number: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``retry_number`` (1-based)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.backoff_max)
        base = min(self.backoff_max, self.backoff_factor * 2.0 ** (retry_number - 1))
        return base * random.uniform(0.5, 1.0)


NO_RETRIES = RetryPolicy(max_retries=0)


@dataclass(frozen=True, slots=True)
class RequestOptions:
    """Per-call settings; anything left ``None`` falls back to the client's."""

    retry: RetryPolicy | None = None
    connect_timeout: float | None = None
    read_timeout: float | None = None


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
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return max(
        (when - datetime.datetime.now(datetime.timezone.utc)).total_seconds(), 0.0
    )


class Response:
    """A complete response: status, headers (lower-case names) and body bytes."""

    __slots__ = ("status", "reason", "headers", "body")

    def __init__(
        self, status: int, reason: str, headers: dict[str, str], body: bytes
    ) -> None:
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body


def check_header(name: str, value: str) -> None:
    """Refuse CR, LF and NUL in header values before anything is sent (header injection)."""
    if not _FORBIDDEN.isdisjoint(value):
        raise ValueError(
            f"header {name!r} contains a line break or NUL; refused before sending"
        )


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
    ) -> None:
        if not isinstance(endpoint, str) or not endpoint.strip():
            raise ValueError(
                "endpoint must be a non-empty URL such as https://account.region.batch.azure.com"
            )
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
        check_header("endpoint", endpoint)
        self.endpoint = endpoint
        self.https = parts.scheme == "https"
        self.host = parts.hostname
        self.port = parts.port or (443 if self.https else 80)
        self.base_path = parts.path.rstrip("/")
        self.host_header = parts.netloc.rpartition("@")[2]
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.retry = retry if retry is not None else RetryPolicy()
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
        self.static_headers = {"User-Agent": user_agent, "Accept": "application/json"}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(endpoint={self.endpoint!r})"

    def target(self, path: str, query: list[tuple[str, str]]) -> tuple[str, str]:
        """(full path, request target): the path is already percent-encoded; query is encoded here."""
        full_path = self.base_path + path
        if not query:
            return full_path, full_path
        return full_path, full_path + "?" + "&".join(
            f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in query
        )

    def prepare(
        self,
        method: str,
        full_path: str,
        query: list[tuple[str, str]],
        headers: Mapping[str, str],
        body: bytes | None,
    ) -> dict[str, str]:
        """The headers of one attempt (everything but authorization): checked, dated."""
        out = dict(self.static_headers)
        out.update(headers)
        if AUTO_DATE_HEADER not in headers:
            out[AUTO_DATE_HEADER] = ser_rfc1123(
                datetime.datetime.now(datetime.timezone.utc)
            )
        if body is not None or method not in ("GET", "HEAD", "DELETE"):
            out["Content-Length"] = str(len(body or b""))
        for name, value in out.items():
            if not _FORBIDDEN.isdisjoint(value):
                check_header(name, value)
        if self.shared_key is not None:
            signed = {name.lower(): value for name, value in out.items()}
            out["Authorization"] = self.shared_key.sign(
                method, full_path, query, signed
            )
        return out

    def log_response(
        self, method: str, target: str, status: int, attempt: int, elapsed: float
    ) -> None:
        # Only method, path and status: header values may carry secrets, bodies personal data.
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
