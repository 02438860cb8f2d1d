"""File downloads: the body is streamed in chunks, never held whole in memory."""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator
    from types import TracebackType

H = TypeVar("H")
DEFAULT_CHUNK = 64 * 1024


def _create(path: str) -> BinaryIO:
    """The file ``path``, created or truncated, for writing bytes (blocking: run in a thread)."""
    return open(path, "wb")


class BodyStream(Protocol):
    def read(self, size: int) -> bytes: ...

    def release(self) -> None: ...


class AsyncBodyStream(Protocol):
    async def read(self, size: int) -> bytes: ...

    async def release(self) -> None: ...


class Download(Generic[H]):
    """A response whose body is read as you iterate: ``for chunk in download`` (or
    ``iter_bytes(size)``), ``read()`` for all of it, ``save(path)``; ``headers`` are the
    response headers. Use it as a context manager, or read it to the end, to free the connection.
    """

    def __init__(
        self, headers: H, stream: BodyStream, content_length: int | None
    ) -> None:
        self.headers = headers
        self.content_length = content_length
        self._stream = stream
        self._done = False

    def iter_bytes(self, chunk_size: int = DEFAULT_CHUNK) -> Iterator[bytes]:
        if self._done:
            raise RuntimeError("the download has already been read or closed")
        try:
            while True:
                chunk = self._stream.read(chunk_size)
                if not chunk:
                    break
                yield chunk
        finally:
            self.close()

    def __iter__(self) -> Iterator[bytes]:
        return self.iter_bytes()

    def read(self) -> bytes:
        """The whole body (only for files you know to be small)."""
        return b"".join(self.iter_bytes())

    def save(self, path: str) -> int:
        """Stream the body into ``path``; returns the number of bytes written."""
        written = 0
        with open(path, "wb") as handle:
            for chunk in self.iter_bytes():
                handle.write(chunk)
                written += len(chunk)
        return written

    def close(self) -> None:
        if not self._done:
            self._done = True
            self._stream.release()

    def __enter__(self) -> Download[H]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Download content_length={self.content_length}>"


class AsyncDownload(Generic[H]):
    """``Download`` for the async client: ``async for chunk in download``."""

    def __init__(
        self, headers: H, stream: AsyncBodyStream, content_length: int | None
    ) -> None:
        self.headers = headers
        self.content_length = content_length
        self._stream = stream
        self._done = False

    async def iter_bytes(self, chunk_size: int = DEFAULT_CHUNK) -> AsyncIterator[bytes]:
        if self._done:
            raise RuntimeError("the download has already been read or closed")
        try:
            while True:
                chunk = await self._stream.read(chunk_size)
                if not chunk:
                    break
                yield chunk
        finally:
            await self.close()

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self.iter_bytes()

    async def read(self) -> bytes:
        return b"".join([chunk async for chunk in self.iter_bytes()])

    async def save(self, path: str) -> int:
        """Stream the body into ``path``; returns the number of bytes written. The file is
        opened, written chunk by chunk and closed in worker threads: the event loop never
        waits for the disk."""
        # here, not at the top: the sync client imports this module, and asyncio would be a
        # third of its import time
        import asyncio

        handle = await asyncio.to_thread(_create, path)
        written = 0
        try:
            async for chunk in self.iter_bytes():
                await asyncio.to_thread(handle.write, chunk)
                written += len(chunk)
        finally:
            await asyncio.to_thread(handle.close)
        return written

    async def close(self) -> None:
        if not self._done:
            self._done = True
            await self._stream.release()

    async def __aenter__(self) -> AsyncDownload[H]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"<AsyncDownload content_length={self.content_length}>"
