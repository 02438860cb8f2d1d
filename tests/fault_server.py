"""A scriptable HTTP/1.1 server on 127.0.0.1 for fault tests: each request takes the next action."""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Action:
    status: int = 204
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0  # seconds before answering (slow server)
    reset: bool = False  # send part of the response, then reset the connection
    raw: bytes | None = None  # send these bytes verbatim instead of a response


@dataclass
class Seen:
    at: float
    method: str
    target: str
    headers: dict[str, str]
    body: bytes = b""


class FaultServer:
    def __init__(self) -> None:
        self.script: list[Action] = []
        self.default = Action(204, {"ETag": '"0x1"', "request-id": "r-1", "Last-Modified": "Tue, 24 Nov 2026 22:00:00 GMT", "DataServiceId": "x"})
        self.seen: list[Seen] = []
        self.lock = threading.Lock()
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                while True:
                    try:
                        line = self.rfile.readline(65536)
                    except OSError:  # the client hung up (after a cut error body, say)
                        return
                    if not line.strip():
                        return
                    method, target, _ = line.decode("latin-1").split(" ", 2)
                    headers: dict[str, str] = {}
                    while (h := self.rfile.readline(65536)) not in (b"\r\n", b"\n", b""):
                        name, _, value = h.decode("latin-1").partition(":")
                        headers[name.strip().lower()] = value.strip()
                    body = self.rfile.read(int(headers.get("content-length", "0")))
                    with server.lock:
                        server.seen.append(Seen(time.monotonic(), method, target, headers, body))
                        action = server.script.pop(0) if server.script else server.default
                    if action.delay:
                        time.sleep(action.delay)
                    if action.raw is not None:
                        self.wfile.write(action.raw)
                        self.wfile.flush()
                        return
                    head = f"HTTP/1.1 {action.status} Status\r\nContent-Length: {len(action.body)}\r\n"
                    head += "".join(f"{k}: {v}\r\n" for k, v in action.headers.items()) + "\r\n"
                    payload = head.encode("latin-1") + action.body
                    if action.reset:
                        self.wfile.write(payload[: len(head) + max(len(action.body) // 2, 0)])
                        self.wfile.flush()
                        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                        self.connection.close()
                        return
                    try:
                        self.wfile.write(payload)
                        self.wfile.flush()
                    except OSError:
                        return

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
