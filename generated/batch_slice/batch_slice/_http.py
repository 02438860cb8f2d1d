"""``http.client``'s connections with a response-head reader of their own; imported with the
first connection (``http.client`` pulls in the ``email`` package).

Why: ``http.client`` parses a response's header fields with the ``email`` package's feed
parser, which took a fifth of a small call's time; RFC 9112's field syntax needs one split per
line. The status line is read and the message framed (chunked, ``Content-Length``,
keep-alive) as ``http.client`` does; reading the body is still ``http.client``'s own.
"""

from __future__ import annotations

import http.client
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    import socket

# http.client's own limits: the longest line and the most header fields it reads.
_MAX_LINE = 65536
_MAX_FIELDS = 100
_SPACE = " \t"
_END = frozenset((b"\r\n", b"\n", b""))


class HTTPResponse(http.client.HTTPResponse):
    """A response whose ``fields`` map lower-case field names to values (the last of a
    repeated name wins); ``headers`` holds every field, as ``http.client`` gives them.
    """

    fields: dict[str, str]

    def __init__(
        self,
        sock: socket.socket,
        debuglevel: int = 0,
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(sock, debuglevel, method, url)
        self._head = method == "HEAD"

    def _line(self, what: str) -> bytes:
        line = self.fp.readline(_MAX_LINE + 1)
        if len(line) > _MAX_LINE:
            raise http.client.LineTooLong(what)
        return line

    def _fields(self) -> list[tuple[str, str]]:
        """The header fields up to the empty line, in order (RFC 9112 section 5)."""
        pairs: list[tuple[str, str]] = []
        while True:
            line = self._line("header line")
            if line in _END:
                return pairs
            if len(pairs) >= _MAX_FIELDS:
                raise http.client.HTTPException(f"got more than {_MAX_FIELDS} headers")
            text = line.decode("iso-8859-1").rstrip("\r\n")
            if text[:1] in (" ", "\t") and pairs:
                # obs-fold (RFC 9112 section 5.2): the line continues the previous field, its
                # line break dropped, as aiohttp reads it (one rule for both clients)
                name, value = pairs[-1]
                pairs[-1] = (name, value + text.rstrip(_SPACE))
                continue
            name, colon, value = text.partition(":")
            if not colon or not name or name != name.strip(_SPACE):
                # not a field (no colon, no name, whitespace around the name): the response
                # is refused, as aiohttp refuses it, rather than read some other way
                raise http.client.HTTPException("malformed header line")
            pairs.append((name, value.strip(_SPACE)))

    def begin(self) -> None:
        if self.headers is not None:
            return
        while True:  # interim (100 Continue) responses are skipped, as http.client does
            line = self._line("status line").decode("iso-8859-1")
            if not line:
                raise http.client.RemoteDisconnected(
                    "Remote end closed connection without response"
                )
            parts = line.split(None, 2)
            version = parts[0] if len(parts) > 1 else ""
            if not version.startswith("HTTP/"):
                self.close()
                raise http.client.BadStatusLine(line)
            try:
                status = int(parts[1])
            except ValueError:
                raise http.client.BadStatusLine(line) from None
            if not 100 <= status <= 999:
                raise http.client.BadStatusLine(line)
            if status != 100:
                break
            self._fields()
        if version in ("HTTP/1.0", "HTTP/0.9"):
            self.version = 10
        elif version.startswith("HTTP/1."):
            self.version = 11
        else:
            raise http.client.UnknownProtocol(version)
        self.code = self.status = status
        self.reason = parts[2].strip() if len(parts) > 2 else ""
        message = http.client.HTTPMessage()
        fields: dict[str, str] = {}
        first: dict[str, str] = {}
        for name, value in self._fields():
            message[name] = value
            key = name.lower()
            fields[key] = value
            first.setdefault(key, value)
        self.headers = self.msg = message
        self.fields = fields
        # The message is framed as http.client frames it, by the first of each field.
        self.chunked = first.get("transfer-encoding", "").lower() == "chunked"
        if self.chunked:
            self.chunk_left = None
        connection = first.get("connection", "").lower()
        if self.version == 11:
            self.will_close = "close" in connection
        else:
            self.will_close = not (
                first.get("keep-alive")
                or "keep-alive" in connection
                or "keep-alive" in first.get("proxy-connection", "").lower()
            )
        self.length = None
        length = first.get("content-length")
        if length and not self.chunked:
            try:
                self.length = int(length)
            except ValueError:
                self.length = None
            else:
                if self.length < 0:
                    self.length = None
        if status in (204, 304) or 100 <= status < 200 or self._head:
            self.length = 0
        if not self.will_close and not self.chunked and self.length is None:
            self.will_close = True


class HTTPConnection(http.client.HTTPConnection):
    """A connection whose responses are ``HTTPResponse``s, and whose header fields go out in
    one block."""

    response_class = HTTPResponse

    def getresponse(self) -> HTTPResponse:
        return cast("HTTPResponse", super().getresponse())

    def put_fields(self, lines: list[str]) -> None:
        """Add header lines (``name: value``, every value already checked where it was made)
        to the request ``putrequest`` started: what ``putheader`` does field by field, in one
        step. CR, LF or NUL inside a line is refused all the same: the last guard against
        header injection."""
        block = "\r\n".join(lines)
        breaks = len(lines) - 1
        if block.count("\n") != breaks or block.count("\r") != breaks or "\0" in block:
            raise ValueError(
                "a header field holds CR, LF or NUL; refused before sending"
            )
        # http.client's own buffer of the request head (putheader appends to it the same way)
        self._output(block.encode("latin-1"))  # type: ignore[attr-defined]


class HTTPSConnection(http.client.HTTPSConnection, HTTPConnection):
    """``HTTPConnection`` over TLS."""

    response_class = HTTPResponse
