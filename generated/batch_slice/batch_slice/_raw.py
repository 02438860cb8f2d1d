"""Raw responses: ``client.with_raw_response.<group>.<method>(...)`` makes the same call as
``client.<group>.<method>(...)`` and returns the response itself, ``RawResponse``: its status
and headers, and ``parse()`` for what the plain call returns. A non-2xx status still raises the
package's error, as the plain call does; a body that does not decode raises at ``parse()``.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, overload

from ._errors import DecodeError
from ._paging import AsyncItemPaged, ItemPaged
from ._pipeline import CAPTURE

if TYPE_CHECKING:
    from ._pipeline import Response

P = ParamSpec("P")
T = TypeVar("T")
H = TypeVar("H")


class _Headers(Mapping[str, str]):
    """Response headers, read-only; names are case-insensitive."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, str]) -> None:
        self._data = data  # lower-case names, as the transports give them

    def __getitem__(self, name: str) -> str:
        return self._data[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"<headers: {', '.join(self._data)}>"


class RawResponse(Generic[T]):
    """A response as it arrived, and what the plain call makes of it.

    :ivar status_code: the HTTP status (2xx, or 404 for an ``exists`` operation's ``False``).
    :ivar reason: the status line's reason phrase.
    :ivar headers: every response header (case-insensitive names, values as received).
    :ivar content: the body's bytes; empty for a download, whose body ``parse()`` streams.
    """

    __slots__ = ("_outcome", "content", "headers", "reason", "status_code")

    def __init__(self, response: Response, outcome: tuple[T] | DecodeError) -> None:
        self.status_code = response.status
        self.reason = response.reason
        self.headers: Mapping[str, str] = _Headers(response.headers)
        self.content = response.body
        self._outcome = outcome

    def parse(self) -> T:
        """What the plain call returns (a model, a pager whose first page is this response,
        a download, headers, a bool or ``None``); raises ``DecodeError`` for a body that does
        not have the promised shape."""
        if isinstance(self._outcome, DecodeError):
            raise self._outcome
        return self._outcome[0]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}]>"


class RawResponseWithHeaders(RawResponse[T], Generic[T, H]):
    """``RawResponse`` of an operation that declares response headers: ``parse_headers()``."""

    __slots__ = ("_read_headers",)

    def __init__(
        self,
        response: Response,
        outcome: tuple[T] | DecodeError,
        read_headers: Callable[[Mapping[str, str]], H],
    ) -> None:
        super().__init__(response, outcome)
        self._read_headers = read_headers

    def parse_headers(self) -> H:
        """The declared response headers, typed (missing or malformed ones are ``None``)."""
        return self._read_headers(self.headers)


def _wrap(
    sink: list[Response],
    outcome: tuple[Any] | DecodeError,
    read_headers: Callable[[Mapping[str, str]], Any] | None,
) -> RawResponse[Any]:
    if not sink:  # a call that sent nothing: cannot happen for a generated method
        raise RuntimeError("the call made no request")
    if read_headers is None:
        return RawResponse(sink[-1], outcome)
    return RawResponseWithHeaders(sink[-1], outcome, read_headers)


@overload
def raw_response(method: Callable[P, T]) -> Callable[P, RawResponse[T]]: ...


@overload
def raw_response(
    method: Callable[P, T], read_headers: Callable[[Mapping[str, str]], H]
) -> Callable[P, RawResponseWithHeaders[T, H]]: ...


def raw_response(
    method: Callable[P, T],
    read_headers: Callable[[Mapping[str, str]], Any] | None = None,
) -> Callable[P, RawResponse[T]]:
    """``method`` (a sync operation), returning its ``RawResponse`` instead; a pager's first
    page is fetched by the call, so that there is a response to show."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        sink: list[Response] = []
        token = CAPTURE.set(sink)
        outcome: tuple[Any] | DecodeError
        try:
            result: Any = method(*args, **kwargs)
            if isinstance(result, ItemPaged):
                result = result.prefetch()
            outcome = (result,)
        except DecodeError as exc:
            if not sink:
                raise
            outcome = exc
        finally:
            CAPTURE.reset(token)
        return _wrap(sink, outcome, read_headers)

    return call


@overload
def async_raw_response(
    method: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[RawResponse[T]]]: ...


@overload
def async_raw_response(
    method: Callable[P, Awaitable[T]], read_headers: Callable[[Mapping[str, str]], H]
) -> Callable[P, Awaitable[RawResponseWithHeaders[T, H]]]: ...


@overload
def async_raw_response(
    method: Callable[P, AsyncItemPaged[T]],
) -> Callable[P, Awaitable[RawResponse[AsyncItemPaged[T]]]]: ...


@overload
def async_raw_response(
    method: Callable[P, AsyncItemPaged[T]],
    read_headers: Callable[[Mapping[str, str]], H],
) -> Callable[P, Awaitable[RawResponseWithHeaders[AsyncItemPaged[T], H]]]: ...


def async_raw_response(
    method: Callable[P, Any],
    read_headers: Callable[[Mapping[str, str]], Any] | None = None,
) -> Callable[P, Awaitable[RawResponse[Any]]]:
    """``raw_response`` for the async client: the wrapped call is awaited (a pager's too)."""

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[Any]:
        sink: list[Response] = []
        token = CAPTURE.set(sink)
        outcome: tuple[Any] | DecodeError
        try:
            result: Any = method(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            if isinstance(result, AsyncItemPaged):
                result = await result.prefetch()
            outcome = (result,)
        except DecodeError as exc:
            if not sink:
                raise
            outcome = exc
        finally:
            CAPTURE.reset(token)
        return _wrap(sink, outcome, read_headers)

    return call
