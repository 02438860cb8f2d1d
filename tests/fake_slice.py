"""A fake of the Batch slice (spec/batch-slice.json) on 127.0.0.1: paging, HEAD exists, a large
streamed file, a JSON request body, polymorphic events. Every request's Shared Key signature is
checked with fake_batch's own implementation."""

from __future__ import annotations

import hmac
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from fake_batch import ACCOUNT, API_VERSION, KEY, sign, string_to_sign

CHUNK = bytes(range(256)) * 256  # 64 KiB pattern: the file is generated, never held whole


def file_byte_at(offset: int) -> int:
    return offset % 256


@dataclass
class SliceRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeSlice:
    pools: set[str] = field(default_factory=lambda: {"pool1"})
    tasks_per_page: int = 2
    pages: int = 3
    file_size: int = 1024
    task_states: list[str] = field(default_factory=lambda: ["active", "completed", "futureState", "running", "preparing", "active"])
    next_link_host: str = ""  # when set, next links point at this host instead
    # how a next link is written: "absolute" (scheme and host), "path-absolute" ("/jobs/...")
    # or "relative" ("jobs/...", against the endpoint); next_link_text replaces it outright
    next_link_form: str = "absolute"
    next_link_text: str = ""
    requests: list[SliceRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                split = urlsplit(self.path)
                query = parse_qs(split.query, keep_blank_values=True)
                with fake.lock:
                    fake.requests.append(SliceRequest(self.command, split.path, query, headers, body))
                expected = f"SharedKey {ACCOUNT}:" + sign(KEY, string_to_sign(self.command, split.path, split.query, headers, ACCOUNT))
                if not hmac.compare_digest(headers.get("authorization", ""), expected):
                    return self._json(403, {"code": "AuthenticationFailed", "message": {"value": "bad signature"}})
                if query.get("api-version") != [API_VERSION]:
                    return self._json(400, {"code": "MissingApiVersion", "message": {"value": "api-version"}})
                parts = [unquote(p) for p in split.path.split("/")[1:]]
                if self.command == "HEAD" and parts[0] == "pools":
                    return self._empty(200 if parts[1] in fake.pools else 404)
                if self.command == "GET" and len(parts) == 3 and parts[2] == "tasks":
                    return self._tasks(query)
                if self.command == "GET" and len(parts) == 5 and parts[4] == "events":
                    return self._json(200, {"value": [
                        {"kind": "started", "time": "2026-11-24T22:00:00.1234567Z", "nodeId": "node-1"},
                        {"kind": "failed", "exitCode": 2, "category": "usererror"},
                        {"kind": "rebooted", "time": "2026-11-24T23:00:00Z", "reason": "future kind"},
                        {"kind": "failed", "exitCode": 3, "category": "quantumerror"},
                    ]})
                if self.command == "GET" and len(parts) == 6 and parts[4] == "files":
                    return self._file()
                if self.command == "POST" and len(parts) == 3 and parts[2] == "terminate":
                    return self._empty(202, {"ETag": '"0xJOB"', "request-id": "r-terminate", "DataServiceId": f"{fake.endpoint}/jobs/{parts[1]}"})
                return self._json(404, {"code": "ResourceNotFound", "message": {"value": self.path}})

            def _tasks(self, query: dict[str, list[str]]) -> None:
                page = int(query.get("$skiptoken", ["0"])[0])
                size = int(query.get("maxresults", [str(fake.tasks_per_page)])[0])
                start = page * size
                states = fake.task_states
                items = [{"id": f"task{start + i}", "state": states[(start + i) % len(states)], "url": f"{fake.endpoint}/jobs/j/tasks/task{start + i}"} for i in range(size)]
                out: dict[str, Any] = {"odata.metadata": "x", "value": items}
                if page + 1 < fake.pages:
                    host = fake.next_link_host or fake.endpoint
                    link = f"/jobs/job1/tasks?api-version={API_VERSION}&maxresults={size}&$skiptoken={page + 1}"
                    if fake.next_link_form == "absolute":
                        link = host + link
                    elif fake.next_link_form == "relative":
                        link = link[1:]
                    out["odata.nextLink"] = fake.next_link_text or link
                self._json(200, out)

            def _file(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(fake.file_size))
                self.send_header("ocp-batch-file-isdirectory", "False")
                self.send_header("ocp-batch-file-url", "https%3A%2F%2Fx%2Fwd%2Fout.bin")
                self.send_header("ocp-creation-time", "Tue, 24 Nov 2026 22:00:00 GMT")
                self.send_header("Last-Modified", "Tue, 24 Nov 2026 22:30:00 GMT")
                self.end_headers()
                left = fake.file_size
                try:
                    while left > 0:
                        piece = CHUNK[: min(len(CHUNK), left)]
                        self.wfile.write(piece)
                        left -= len(piece)
                except OSError:
                    pass

            def _json(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json;odata=minimalmetadata")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("request-id", "r-1")
                self.end_headers()
                self.wfile.write(data)

            def _empty(self, status: int, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = _serve

        return Handler
