"""A tiny threaded forward proxy on 127.0.0.1 for wire tests: absolute-form requests are
forwarded, CONNECT tunnelled, and every request it saw is recorded."""

from __future__ import annotations

import select
import socket
import socketserver
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

# Every variable a client reads for its proxy decision (REQUEST_METHOD: the CGI rule)
PROXY_ENV = ("http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "REQUEST_METHOD")


class LoopbackServer:
    """A threaded TCP server on 127.0.0.1 for ``handler`` (daemon threads, closed without waiting
    for them); subclasses make ``self.server`` with ``serve``."""

    scheme = "http"
    server: socketserver.ThreadingTCPServer

    def serve(self, handler: type[socketserver.BaseRequestHandler]) -> None:
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def read_head(rfile: Any) -> tuple[str, str, dict[str, str]] | None:
    line = rfile.readline(65536)
    if not line.strip():
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while (h := rfile.readline(65536)) not in (b"\r\n", b"\n", b""):
        name, _, value = h.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return method, target, headers


def _read_response(rfile: Any) -> bytes:
    """One whole response (Content-Length framed) as bytes."""
    status = rfile.readline(65536)
    head = [status]
    length = 0
    while (h := rfile.readline(65536)) not in (b"\r\n", b"\n", b""):
        head.append(h)
        name, _, value = h.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    return b"".join(head) + b"\r\n" + (rfile.read(length) if length else b"")


def _pipe(a: socket.socket, b: socket.socket) -> None:
    """Tunnel bytes both ways until either side closes."""
    try:
        while True:
            ready, _, _ = select.select([a, b], [], [], 10)
            if not ready:
                return
            for s in ready:
                data = s.recv(65536)
                if not data:
                    return
                (b if s is a else a).sendall(data)
    except OSError:
        return


@dataclass
class ProxySeen:
    method: str
    target: str
    authorization: str | None


@dataclass
class ForwardProxy:
    """A tiny threaded forward proxy: absolute-form requests are forwarded, CONNECT tunnelled.
    With ``require``, a request without that ``Proxy-Authorization`` gets 407."""

    require: str | None = None
    seen: list[ProxySeen] = field(default_factory=list)

    def __post_init__(self) -> None:
        proxy = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                upstream: socket.socket | None = None
                try:
                    while (head := read_head(self.rfile)) is not None:
                        method, target, headers = head
                        auth = headers.pop("proxy-authorization", None)
                        proxy.seen.append(ProxySeen(method, target, auth))
                        if proxy.require is not None and auth != proxy.require:
                            self.wfile.write(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
                            return
                        if method == "CONNECT":
                            host, _, port = target.rpartition(":")
                            upstream = socket.create_connection((host, int(port)))
                            self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
                            self.wfile.flush()
                            _pipe(self.connection, upstream)
                            return
                        parts = urlsplit(target)
                        body = self.rfile.read(int(headers.get("content-length", "0")))
                        if upstream is None:
                            upstream = socket.create_connection((parts.hostname, parts.port or 80))
                        path = parts.path + ("?" + parts.query if parts.query else "")
                        request = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
                        upstream.sendall(request.encode("latin-1") + b"\r\n" + body)
                        self.wfile.write(_read_response(upstream.makefile("rb")))
                        self.wfile.flush()
                except OSError:
                    return
                finally:
                    if upstream is not None:
                        upstream.close()

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def url(self, userinfo: str = "") -> str:
        host, port = self.server.server_address[:2]
        return f"http://{userinfo + '@' if userinfo else ''}{host}:{port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
