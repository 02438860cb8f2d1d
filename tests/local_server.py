"""A real HTTP server on 127.0.0.1 for wire tests: each test module gives the handler class;
this starts it on a free port in a thread and stops it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Seen = tuple[str, str, dict[str, str], bytes]  # method, raw request target, headers (lower case), body


class RecordingHandler(BaseHTTPRequestHandler):
    """Records every request as it arrived (a chunked body decoded) and lets ``answer`` reply;
    the default answer is an empty 204."""

    protocol_version = "HTTP/1.1"
    seen: list[Seen] = []

    def log_message(self, *args: Any) -> None:
        pass

    def read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().strip(), 16)
                chunk = self.rfile.read(size + 2)[:size]
                if size == 0:
                    return data
                data += chunk
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def reply(self, status: int, body: bytes = b"", content_type: str = "") -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def answer(self, body: bytes) -> None:
        self.reply(204)

    def _record(self) -> None:
        body = self.read_body()
        type(self).seen.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        self.answer(body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _record


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """The server's base URL while the block runs."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
