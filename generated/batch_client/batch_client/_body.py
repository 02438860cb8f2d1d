"""Request bodies sent in chunks, never read whole into memory: binary content and
``multipart/form-data`` (RFC 7578)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TypeVar, cast

T = TypeVar("T")

CHUNK_SIZE = 64 * 1024

# What a binary body or a file field accepts: bytes, a binary file object (read from where it
# stands), a path, or an iterator of bytes (sent chunked; a request with one is not retried).
FileContent = bytes | bytearray | IO[bytes] | os.PathLike[str] | Iterable[bytes]


class FilePart:
    """A file for a ``multipart/form-data`` field, with the filename and content type to send."""

    __slots__ = ("content", "content_type", "filename")

    def __init__(
        self,
        content: FileContent,
        *,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> None:
        self.content = content
        self.filename = filename
        self.content_type = content_type

    def __repr__(self) -> str:
        return (
            f"FilePart(filename={self.filename!r}, content_type={self.content_type!r})"
        )


class _Source:
    """One piece of a body: its bytes, length (``None`` when unknown) and how to read it again."""

    __slots__ = ("_start", "_value", "length", "replayable")

    def __init__(self, value: FileContent) -> None:
        self._value = value
        self._start = -1
        self.replayable = True
        self.length: int | None = None
        if isinstance(value, (bytes, bytearray)):
            self.length = len(value)
        elif isinstance(value, os.PathLike):
            self.length = os.path.getsize(value)
        elif hasattr(value, "read"):
            file = cast("IO[bytes]", value)
            self.replayable = False
            try:
                if file.seekable():
                    self._start = file.tell()
                    end = file.seek(0, os.SEEK_END)
                    file.seek(self._start)
                    self.length, self.replayable = end - self._start, True
            except (OSError, ValueError):
                pass
        elif isinstance(value, Iterable) and not isinstance(value, str):
            self.replayable = False
        else:
            raise TypeError(
                "expected bytes, a binary file object, a path or an iterable of bytes, "
                f"got {type(value).__name__}"
            )

    def chunks(self) -> Iterator[bytes]:
        value = self._value
        if isinstance(value, (bytes, bytearray)):
            yield bytes(value)
        elif isinstance(value, os.PathLike):
            with open(value, "rb") as opened:
                while chunk := opened.read(CHUNK_SIZE):
                    yield chunk
        elif hasattr(value, "read"):
            file = cast("IO[bytes]", value)
            if self._start >= 0:
                file.seek(self._start)
            while chunk := file.read(CHUNK_SIZE):
                yield chunk
        else:
            for piece in value:
                if not isinstance(piece, (bytes, bytearray)):
                    raise TypeError(
                        f"expected bytes chunks, got {type(piece).__name__}"
                    )
                yield bytes(piece)


class Body:
    """A request body sent in chunks. ``length`` is ``None`` when unknown (sent chunked);
    ``replayable`` says whether a retry can send it again."""

    __slots__ = ("_parts", "length", "replayable")

    def __init__(self, parts: list[bytes | _Source]) -> None:
        self._parts = parts
        lengths = [len(p) if isinstance(p, bytes) else p.length for p in parts]
        self.length = None if None in lengths else sum(n or 0 for n in lengths)
        self.replayable = all(isinstance(p, bytes) or p.replayable for p in parts)

    def chunks(self) -> Iterator[bytes]:
        for part in self._parts:
            if isinstance(part, bytes):
                yield part
            else:
                yield from part.chunks()


def binary_body(value: FileContent) -> bytes | Body:
    """A binary body: bytes are sent as they are, anything else streamed."""
    if isinstance(value, bytes):
        return value
    return Body([_Source(value)])


def _quoted(text: str) -> str:
    # RFC 7578 / the HTML standard: a name or filename in quotes, with ", CR and LF escaped
    return text.replace("\r", "%0D").replace("\n", "%0A").replace('"', "%22")


# A file field's value: the content, or a ``FilePart`` naming its filename and content type.
FileInput = FilePart | FileContent


def multipart_array(
    name: str, values: Iterable[T], ser: Callable[[T], str]
) -> list[tuple[str, str, str]]:
    """An array field of ``multipart/form-data``: one part per item."""
    return [(name, ser(v), "") for v in values]


def multipart_body(
    fields: list[tuple[str, str, str]],
    files: list[tuple[str, FileInput, str]],
    boundary: str | None = None,
) -> tuple[Body, str]:
    """(body, its Content-Type) of ``multipart/form-data``: fields (name, text, content type
    or ""), then files (each with its filename and content type: the ``FilePart``'s, else the
    description's)."""
    if boundary is None:
        import secrets  # on first use: the package's import stays light

        boundary = secrets.token_hex(16)
    dash = f"--{boundary}\r\n".encode("ascii")
    parts: list[bytes | _Source] = []
    for name, text, content_type in fields:
        head = f'Content-Disposition: form-data; name="{_quoted(name)}"\r\n'
        if content_type:
            head += f"Content-Type: {content_type}\r\n"
        head += "\r\n"
        parts.append(dash + head.encode() + text.encode() + b"\r\n")
    for name, value, default_type in files:
        part = value if isinstance(value, FilePart) else FilePart(value)
        filename = part.filename
        if filename is None and isinstance(part.content, os.PathLike):
            filename = os.path.basename(part.content)
        disposition = f'Content-Disposition: form-data; name="{_quoted(name)}"'
        disposition += f'; filename="{_quoted(filename or name)}"'
        content_type = part.content_type or default_type
        if any(c in content_type for c in "\r\n\0"):
            raise ValueError(f"content type of {name!r} contains a line break")
        head = f"{disposition}\r\nContent-Type: {content_type}\r\n\r\n"
        parts += [dash + head.encode(), _Source(part.content), b"\r\n"]
    parts.append(f"--{boundary}--\r\n".encode("ascii"))
    return Body(parts), f"multipart/form-data; boundary={boundary}"
