"""Credentials: Shared Key signing and Microsoft Entra / OAuth bearer tokens.

Secrets never appear in ``repr``, ``str``, exceptions or logs.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import threading
import time
from typing import Any, NamedTuple, Protocol, runtime_checkable
from urllib.parse import unquote


class AccessToken(NamedTuple):
    """What ``get_token`` returns (the azure-identity protocol): the token and its expiry (epoch s)."""

    token: str
    expires_on: int


@runtime_checkable
class TokenCredential(Protocol):
    """Anything with ``get_token(*scopes)``, e.g. every azure-identity credential."""

    def get_token(self, *scopes: str, **kwargs: Any) -> Any: ...


@runtime_checkable
class AsyncTokenCredential(Protocol):
    """Anything with ``async def get_token(*scopes)``, e.g. every azure.identity.aio credential."""

    async def get_token(self, *scopes: str, **kwargs: Any) -> Any: ...


class SharedKeyCredential:
    """A Batch account name and one of its access keys (base64), used to sign each request.

    The key is decoded once, here; a key that is not base64 is refused at construction.
    """

    __slots__ = ("_key", "account_name")

    def __init__(self, account_name: str, key: str) -> None:
        if not account_name:
            raise ValueError("account_name must not be empty")
        try:
            self._key = base64.b64decode(key, validate=True)
        except (binascii.Error, ValueError, TypeError):
            raise ValueError("key must be the account's base64 access key") from None
        self.account_name = account_name

    def __repr__(self) -> str:
        return (
            f"SharedKeyCredential(account_name={self.account_name!r}, key=<redacted>)"
        )

    __str__ = __repr__

    def __reduce__(
        self,
    ) -> Any:  # pickling would carry the key out of the process unnoticed
        raise TypeError("SharedKeyCredential cannot be pickled")

    def sign(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        headers: dict[str, str],
    ) -> str:
        """The ``Authorization`` value for a request, over the string the official Batch clients sign.

        ``path`` and ``query`` are percent-encoded as sent (the query is signed decoded);
        ``headers`` maps lower-case names to values (the client sends lower-case names).
        """
        h = headers.get
        # A zero length signs as empty (as Azure's Shared Key and the official Batch clients do):
        # the sync pipeline sends no Content-Length with a bodyless DELETE, aiohttp sends "0".
        length = h("content-length", "")
        if length == "0":
            length = ""
        string_to_sign = (
            f"{method}\n{h('content-encoding', '')}\n{h('content-language', '')}\n{length}\n{h('content-md5', '')}\n"
            f"{h('content-type', '')}\n{h('date', '')}\n{h('if-modified-since', '')}\n{h('if-match', '')}\n"
            f"{h('if-none-match', '')}\n{h('if-unmodified-since', '')}\n{h('range', '')}\n"
        )
        for name in sorted(n for n, v in headers.items() if n.startswith("ocp-") and v):
            string_to_sign += f"{name}:{headers[name]}\n"
        string_to_sign += f"/{self.account_name}{path}"
        if query:
            first: dict[str, str] = {}
            for name, value in query:
                first.setdefault(unquote(name), unquote(value))
            for name in sorted(first):
                if first[name]:
                    string_to_sign += f"\n{name}:{first[name]}"
        digest = hmac.new(self._key, string_to_sign.encode(), hashlib.sha256).digest()
        return (
            f"SharedKey {self.account_name}:{base64.b64encode(digest).decode('ascii')}"
        )


def read_token(token: Any, refresh_margin: float) -> tuple[str, float]:
    """(``Authorization`` value, when to fetch the next token) of what ``get_token`` gave.

    The next token is fetched ahead of expiry by a quarter of the token's lifetime, at most
    ``refresh_margin`` seconds (a one-hour token is used for 55 minutes, a two-minute token
    for 90 seconds), or at its ``refresh_on`` when the credential says one (azure-core's
    ``AccessTokenInfo``). A token is never fetched for every call unless it is already
    expired when it arrives.
    """
    from ._errors import CredentialError

    try:
        text = token.token
        expires_on = float(token.expires_on)
    except (AttributeError, TypeError, ValueError):
        raise CredentialError(
            f"get_token returned {type(token).__name__}, not a token with "
            "'token' and 'expires_on'"
        ) from None
    if not isinstance(text, str) or not text:
        raise CredentialError("get_token returned an empty token")
    if not text.isascii() or any(c in text for c in "\r\n\0 "):
        raise CredentialError("get_token returned a token unfit for a header")
    refresh_on = getattr(token, "refresh_on", None)
    if isinstance(refresh_on, (int, float)) and refresh_on > 0:
        return "Bearer " + text, min(float(refresh_on), expires_on)
    lifetime = max(expires_on - time.time(), 0.0)
    return "Bearer " + text, expires_on - min(refresh_margin, lifetime / 4)


class TokenCache:
    """Fetches a token and reuses it until its refresh time (``read_token``); every failure
    of ``get_token`` is a ``CredentialError``."""

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
        credential: TokenCredential,
        scopes: tuple[str, ...],
        refresh_margin: float = 300.0,
    ) -> None:
        self._credential = credential
        self._scopes = scopes
        self._authorization = ""
        self._refresh_at = 0.0
        self._lock = threading.Lock()
        self.refresh_margin = refresh_margin

    def __repr__(self) -> str:
        return f"TokenCache(scopes={self._scopes!r}, token=<redacted>)"

    def authorization(self) -> str:
        if time.time() >= self._refresh_at:
            with self._lock:
                if time.time() >= self._refresh_at:
                    from ._errors import CredentialError

                    try:
                        token = self._credential.get_token(*self._scopes)
                    except Exception as exc:
                        raise CredentialError(
                            f"get_token failed: {type(exc).__name__}"
                        ) from exc
                    self._authorization, self._refresh_at = read_token(
                        token, self.refresh_margin
                    )
        return self._authorization
