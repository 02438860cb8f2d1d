"""A fake Azure Batch service for tests: a real HTTP server on 127.0.0.1, no mocked transport.

It implements Task - Reactivate as the reference page describes it, and checks Shared Key
signatures with its own implementation of the signing rules (not the generated client's).
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
import json
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

API_VERSION = "2024-07-01.20.0"
ACCOUNT = "testaccount"
KEY = base64.b64encode(b"fake-batch-account-key-0123456789abcdef").decode()
TOKEN = "fake-entra-token"


@dataclass
class FakeTask:
    state: str = "completed"  # active | preparing | running | completed
    exit_code: int | None = 1
    etag: str = field(default_factory=lambda: f'"0x{uuid.uuid4().hex[:16].upper()}"')
    last_modified: datetime = field(default_factory=lambda: datetime(2026, 11, 20, 8, 30, 0, tzinfo=timezone.utc))


@dataclass
class FakeJob:
    state: str = "active"  # active | completed | terminating | deleting
    tasks: dict[str, FakeTask] = field(default_factory=dict)


@dataclass
class Recorded:
    method: str
    raw_path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names


def string_to_sign(method: str, raw_path: str, query: str, headers: dict[str, str], account: str) -> str:
    """The Batch Shared Key string, from the request as received."""
    standard = [
        "content-encoding", "content-language", "content-length", "content-md5", "content-type", "date",
        "if-modified-since", "if-match", "if-none-match", "if-unmodified-since", "range",
    ]
    lines = [method] + [headers.get(name, "") for name in standard]
    if lines[3] == "0":  # a zero Content-Length signs as empty (Azure Shared Key, 2015-02-21 on)
        lines[3] = ""
    canonical_headers = "".join(f"{name}:{headers[name]}\n" for name in sorted(headers) if name.startswith("ocp-"))
    resource = f"/{account}{raw_path}"
    params = parse_qs(query, keep_blank_values=True)
    for name in sorted(params):
        if params[name][0]:
            resource += f"\n{name}:{params[name][0]}"
    return "\n".join(lines) + "\n" + canonical_headers + resource


def sign(key_b64: str, text: str) -> str:
    digest = hmac.new(base64.b64decode(key_b64), text.encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


class FakeBatch:
    def __init__(self, account: str = ACCOUNT, key: str = KEY, token: str = TOKEN) -> None:
        self.account = account
        self.key = key
        self.token = token
        self.jobs: dict[str, FakeJob] = {}
        self.requests: list[Recorded] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeBatch:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def reset(self) -> None:
        with self.lock:
            self.jobs.clear()
            self.requests.clear()

    def add_task(self, job_id: str, task_id: str, **task: Any) -> FakeTask:
        with self.lock:
            job = self.jobs.setdefault(job_id, FakeJob())
            job.tasks[task_id] = FakeTask(**task)
            return job.tasks[task_id]

    # -- request handling -------------------------------------------------------------------

    def handle(self, method: str, raw_target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        split = urlsplit(raw_target)
        query = parse_qs(split.query, keep_blank_values=True)
        with self.lock:
            self.requests.append(Recorded(method, split.path, query, headers))
        request_id = str(uuid.uuid4())

        def error(status: int, code: str, message: str) -> tuple[int, dict[str, str], bytes]:
            body = {
                "odata.metadata": f"{self.endpoint}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element",
                "code": code,
                "message": {"lang": "en-US", "value": f"{message}\nRequestId:{request_id}\nTime:2026-11-25T10:00:00.0000000Z"},
                "values": [{"key": "Reason", "value": message}],
            }
            return status, {"Content-Type": "application/json;odata=minimalmetadata", "request-id": request_id}, json.dumps(body).encode()

        auth = headers.get("authorization", "")
        if auth.startswith("SharedKey "):
            expected = f"SharedKey {self.account}:" + sign(self.key, string_to_sign(method, split.path, split.query, headers, self.account))
            if not hmac.compare_digest(auth, expected):
                return error(403, "AuthenticationFailed", "Server failed to authenticate the request. The MAC signature found in the HTTP request is not the same as any computed signature.")
            if "ocp-date" not in headers and "date" not in headers:
                return error(403, "AuthenticationFailed", "The request has no date.")
        elif auth != f"Bearer {self.token}" and not (self.token == "*" and auth.startswith("Bearer ")):
            return error(401, "AuthenticationFailed", "Authentication information is missing or invalid.")

        if query.get("api-version") != [API_VERSION]:
            return error(400, "InvalidQueryParameterValue", "The value provided for api-version is not valid.")
        if "timeout" in query and not query["timeout"][0].isdigit():
            return error(400, "InvalidQueryParameterValue", "The value provided for timeout is not valid.")

        parts = split.path.split("/")
        # ['', 'jobs', jobId, 'tasks', taskId, 'reactivate'] with ids percent-encoded as one segment
        if method != "POST" or len(parts) != 6 or parts[1] != "jobs" or parts[3] != "tasks" or parts[5] != "reactivate":
            return error(404, "ResourceNotFound", f"No route for {method} {split.path}")
        job_id, task_id = unquote(parts[2]), unquote(parts[4])
        with self.lock:
            job = self.jobs.get(job_id)
            if job is None:
                return error(404, "JobNotFound", "The specified job does not exist.")
            task = job.tasks.get(task_id)
            if task is None:
                return error(404, "TaskNotFound", "The specified task does not exist.")
            failed = self._precondition_failed(task, headers)
            if failed:
                return error(412, "ConditionNotMet", failed)
            if job.state != "active":
                return error(409, "JobCompleted" if job.state == "completed" else "JobNotActive", f"The specified job is {job.state}.")
            if task.state != "completed":
                return error(409, "TaskNotCompleted", "The specified task is not in the completed state.")
            if task.exit_code == 0:
                return error(409, "TaskCompletedSuccessfully", "The specified task completed successfully and cannot be reactivated.")
            task.state, task.exit_code = "active", None
            task.etag = f'"0x{uuid.uuid4().hex[:16].upper()}"'
            task.last_modified = datetime.now(timezone.utc).replace(microsecond=0)
            out = {
                "request-id": request_id,
                "ETag": task.etag,
                "Last-Modified": email.utils.format_datetime(task.last_modified, usegmt=True),
                "DataServiceId": f"{self.endpoint}/jobs/{parts[2]}/tasks/{parts[4]}",
            }
        if headers.get("return-client-request-id") == "true" and "client-request-id" in headers:
            out["client-request-id"] = headers["client-request-id"]
        return 204, out, b""

    @staticmethod
    def _precondition_failed(task: FakeTask, headers: dict[str, str]) -> str:
        if "if-match" in headers and headers["if-match"] not in ("*", task.etag):
            return "If-Match: the resource's ETag does not match."
        if "if-none-match" in headers and headers["if-none-match"] in ("*", task.etag):
            return "If-None-Match: the resource's ETag matches."
        for name, must_be_newer in (("if-modified-since", True), ("if-unmodified-since", False)):
            if name in headers:
                since = email.utils.parsedate_to_datetime(headers[name])
                newer = task.last_modified > since
                if newer != must_be_newer:
                    return f"{name}: condition not met."
        return ""

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, out, body = fake.handle(self.command, self.path, headers)
                self.send_response(status)
                for name, value in out.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET = do_PUT = do_DELETE = do_PATCH = do_HEAD = _serve

        return Handler
