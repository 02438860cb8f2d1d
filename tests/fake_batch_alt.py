"""A second, independent fake of Task - Reactivate: raw sockets and hand-parsed HTTP/1.1.

It shares no code with fake_batch.py, so a client that only works against one of them (or
against the generator's own idea of the protocol) is caught.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import socketserver
import threading
from email.utils import formatdate
from urllib.parse import parse_qsl, unquote

SIGNED = ("content-encoding", "content-language", "content-length", "content-md5", "content-type", "date",
          "if-modified-since", "if-match", "if-none-match", "if-unmodified-since", "range")


class AltFake:
    def __init__(self, account: str, key: str) -> None:
        self.account, self.key = account, base64.b64decode(key)
        self.completed_failed: set[tuple[str, str]] = set()
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        fake = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                while True:
                    line = self.rfile.readline(65536).decode("latin-1")
                    if not line.strip():
                        return
                    method, target, _ = line.split(" ", 2)
                    headers: dict[str, str] = {}
                    while (h := self.rfile.readline(65536).decode("latin-1")) not in ("\r\n", "\n", ""):
                        name, _, value = h.partition(":")
                        headers[name.strip().lower()] = value.strip()
                    self.rfile.read(int(headers.get("content-length", "0")))
                    status, extra = fake.respond(method, target, headers)
                    head = f"HTTP/1.1 {status} X\r\nContent-Length: 0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in extra.items())
                    self.wfile.write((head + "\r\n").encode("latin-1"))
                    self.wfile.flush()

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _expected_auth(self, method: str, path: str, query: str, headers: dict[str, str]) -> str:
        parts = [method] + [headers.get(h, "") for h in SIGNED]
        if parts[3] == "0":  # a zero Content-Length signs as empty
            parts[3] = ""
        ocp = sorted((k, v) for k, v in headers.items() if k.startswith("ocp-"))
        text = "\n".join(parts) + "\n" + "".join(f"{k}:{v}\n" for k, v in ocp) + "/" + self.account + path
        first: dict[str, str] = {}
        for k, v in parse_qsl(query, keep_blank_values=True):
            first.setdefault(k, v)
        text += "".join(f"\n{k}:{first[k]}" for k in sorted(first) if first[k])
        mac = hmac.new(self.key, text.encode(), hashlib.sha256).digest()
        return f"SharedKey {self.account}:{base64.b64encode(mac).decode()}"

    def respond(self, method: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
        path, _, query = target.partition("?")
        self.seen.append((method, target, headers))
        if headers.get("authorization") != self._expected_auth(method, path, query, headers):
            return 403, {}
        segments = path.split("/")
        if method != "POST" or len(segments) != 6 or segments[5] != "reactivate":
            return 404, {}
        key = (unquote(segments[2]), unquote(segments[4]))
        if key not in self.completed_failed:
            return 409, {}
        self.completed_failed.discard(key)
        return 204, {"ETag": '"0xALT"', "Last-Modified": formatdate(1_700_000_000, usegmt=True),
                     "request-id": "alt-request", "DataServiceId": path.rsplit("/", 1)[0]}
