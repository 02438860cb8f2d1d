"""Stoplight's Prism as an independent judge of the requests our generated clients send.

``ensure_prism()`` installs one pinned version of ``@stoplight/prism-cli`` from the npm registry
into a cache outside the repository (``$XDG_CACHE_HOME/openapi-pyclient-generator/prism-<version>``,
``~/.cache`` when the variable is unset), once; later runs reuse it. ``PrismServer`` runs
``prism mock --errors`` for one description on a free loopback port, and ``RecordingProxy`` sits
between a client and Prism so that every exchange is seen as it went over the wire (the client's
exceptions do not carry response headers, and Prism names the violations in ``sl-violations``).

Only 127.0.0.1 is ever contacted, apart from the npm registry during the one-time install.
Missing node or npm is an error (``PrismUnavailable``), never a reason to skip.
"""

from __future__ import annotations

import contextlib
import fcntl
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

# Pinned exactly: Prism's verdicts (and its mock bodies) change between versions.
PRISM_PACKAGE = "@stoplight/prism-cli"
PRISM_VERSION = "5.16.0"
HOST = "127.0.0.1"
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailers",
        "transfer-encoding",
        "upgrade",
        "content-length",
    }
)


class PrismUnavailable(RuntimeError):
    """Prism cannot be installed or started: the message says what is missing."""


def cache_root() -> Path:
    """Where the generator's caches live (the build step keeps its records here too)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "openapi-pyclient-generator"


def install_dir(version: str = PRISM_VERSION) -> Path:
    return cache_root() / f"prism-{version}"


def _entry(root: Path) -> Path:
    # Run the package's bin script with node ourselves: no reliance on the .bin symlink or on
    # the shebang finding a node on PATH.
    return root / "node_modules" / "@stoplight" / "prism-cli" / "dist" / "index.js"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise PrismUnavailable(
            f"`{name}` is not on PATH: Prism ({PRISM_PACKAGE}@{PRISM_VERSION}) needs Node.js "
            f"and npm (Debian: `apt-get install nodejs npm`), and network access to the npm "
            f"registry for its one-time install into {install_dir()}"
        )
    return found


def node() -> str:
    return _tool("node")


def _installed_version(node_bin: str, root: Path) -> str:
    done = subprocess.run(
        [node_bin, str(_entry(root)), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return done.stdout.strip() if done.returncode == 0 else ""


def ensure_prism(version: str = PRISM_VERSION) -> Path:
    """The JS entry point of an installed Prism of ``version``, installing it on first use.

    A file lock serialises concurrent callers (a test run and a benchmark); the install goes to
    a temporary directory beside the final one and is renamed into place once ``--version``
    answers, so an interrupted install never looks complete.
    """
    node_bin = node()
    target = install_dir(version)
    marker = target / ".installed"
    if marker.is_file() and _entry(target).is_file():
        return _entry(target)
    npm = _tool("npm")
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f".prism-{version}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if marker.is_file() and _entry(target).is_file():
            return _entry(target)  # another process installed it while we waited
        staging = Path(tempfile.mkdtemp(prefix=f".prism-{version}-", dir=target.parent))
        try:
            done = subprocess.run(
                [
                    npm,
                    "install",
                    "--prefix",
                    str(staging),
                    "--no-audit",
                    "--no-fund",
                    "--no-save",
                    "--no-package-lock",
                    "--loglevel=error",
                    f"{PRISM_PACKAGE}@{version}",
                ],
                capture_output=True,
                text=True,
                timeout=900,
                stdin=subprocess.DEVNULL,
                env={**os.environ, "npm_config_update_notifier": "false"},
            )
            if done.returncode != 0:
                raise PrismUnavailable(
                    f"`npm install {PRISM_PACKAGE}@{version}` failed (exit {done.returncode}; "
                    f"it needs the npm registry):\n{(done.stderr or done.stdout)[-2000:]}"
                )
            got = _installed_version(node_bin, staging)
            if got != version:
                raise PrismUnavailable(
                    f"the installed Prism answers --version with {got!r}, not {version!r}"
                )
            (staging / ".installed").write_text(f"{PRISM_PACKAGE}@{version}\n")
            if target.exists():
                shutil.rmtree(target)  # a half-finished install from an older layout
            staging.rename(target)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    return _entry(target)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class PrismServer:
    """``prism mock --errors`` for one description, on a free port of 127.0.0.1.

    It runs in its own process group (Prism may fork helpers), and ``stop()`` ends that group:
    SIGTERM, then SIGKILL if it has not gone within a few seconds.
    """

    def __init__(
        self,
        spec: Path,
        *,
        log: Path | None = None,
        startup_timeout: float = 90.0,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        self.spec = spec
        self.startup_timeout = startup_timeout
        self.extra_args = extra_args
        self._log_path = log
        self._log: Any = None
        self._process: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def log_tail(self, size: int = 3000) -> str:
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        data: bytes = self._log.read()
        return data.decode("utf-8", "replace")[-size:]

    def start(self) -> PrismServer:
        entry = ensure_prism()
        for _attempt in range(3):  # a free port can be taken between probe and bind
            self.port = free_port()
            self._log = (
                open(self._log_path, "a+b")  # a restart after a crash keeps the crash
                if self._log_path is not None
                else tempfile.TemporaryFile()
            )
            self._process = subprocess.Popen(
                [node(), str(entry), "mock", "--errors", "--host", HOST]
                + ["--port", str(self.port), *self.extra_args, str(self.spec)],
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            if self._wait_ready():
                return self
            tail = self.log_tail()
            self.stop()
            if "EADDRINUSE" not in tail:
                raise PrismUnavailable(
                    f"Prism did not start for {self.spec.name}:\n{tail}"
                )
        raise PrismUnavailable(f"Prism found no free port for {self.spec.name}")

    def _wait_ready(self) -> bool:
        """Listening means ready: Prism binds only after it has loaded the description."""
        assert self._process is not None
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                return False
            with contextlib.suppress(OSError):
                socket.create_connection((HOST, self.port), timeout=0.5).close()
                return True
            time.sleep(0.1)
        return False

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def crash(self) -> str:
        """The JS exception that ended Prism, as one line (from its log)."""
        tail = self.log_tail(20000)
        lines = tail.splitlines()
        for index, line in enumerate(lines):
            if re.match(r"^\w*Error\b.*:", line):
                frame = next(
                    (
                        f.strip()
                        for f in lines[index + 1 : index + 3]
                        if f.strip().startswith("at ")
                    ),
                    "",
                )
                return f"{line.strip()[:200]} {frame[:200]}".strip()
        return lines[-1][:300] if lines else "no output"

    def restart(self) -> PrismServer:
        """A new Prism for the same description, on a new port (after a crash)."""
        self.stop()
        if self._log is not None:
            self._log.close()
            self._log = None
        return self.start()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        elif process is not None:
            process.wait()

    def close(self) -> None:
        self.stop()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> PrismServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@dataclass
class Exchange:
    """One request as the client sent it and Prism's answer, byte for byte (bodies)."""

    method: str
    target: str  # path and query, as sent
    request_headers: list[tuple[str, str]]
    request_body: bytes
    status: int = 0
    response_headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    response_body: bytes = b""
    error: str = ""  # the proxy could not reach Prism

    def request_header(self, name: str) -> str | None:
        return next(
            (v for k, v in self.request_headers if k.lower() == name.lower()), None
        )


class RecordingProxy:
    """A loopback HTTP/1.1 proxy in front of Prism that records every exchange.

    Requests go on unchanged (method, target, headers, body), except hop-by-hop headers: a
    chunked body is forwarded with its length. ``take()`` returns and clears what was recorded.
    """

    def __init__(self, upstream_port: int, timeout: float = 60.0) -> None:
        self.upstream_port = upstream_port  # changed when Prism is restarted
        self.prism: PrismServer | None = (
            None  # the server behind it, for whoever revives it
        )
        self.timeout = timeout
        self._lock = threading.Lock()
        self._exchanges: list[Exchange] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass  # the exchanges are the log

            def _body(self) -> bytes:
                if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
                    chunks: list[bytes] = []
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                        if size == 0:
                            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                                pass
                            return b"".join(chunks)
                        chunks.append(self.rfile.read(size))
                        self.rfile.readline()
                length = self.headers.get("Content-Length")
                return self.rfile.read(int(length)) if length else b""

            def _forward(self) -> None:
                body = self._body()
                exchange = Exchange(
                    self.command, self.path, list(self.headers.items()), body
                )
                with proxy._lock:
                    proxy._exchanges.append(exchange)
                proxy._relay(exchange, self.headers.get("Content-Length") is not None)
                if exchange.error:
                    payload = exchange.error.encode()
                    self.send_response(502)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                self.send_response(exchange.status)
                for name, value in exchange.response_headers.items():
                    if name not in _HOP_BY_HOP:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(exchange.response_body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(exchange.response_body)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _forward
            do_HEAD = do_OPTIONS = do_TRACE = _forward

        self._server = ThreadingHTTPServer((HOST, 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self._server.server_address[1]}"

    def _relay(self, exchange: Exchange, had_length: bool) -> None:
        conn = http.client.HTTPConnection(
            HOST, self.upstream_port, timeout=self.timeout
        )
        try:
            conn.putrequest(
                exchange.method,
                exchange.target,
                skip_host=True,
                skip_accept_encoding=True,
            )
            for name, value in exchange.request_headers:
                if name.lower() not in _HOP_BY_HOP:
                    conn.putheader(name, value)
            if exchange.request_body or had_length:
                conn.putheader("Content-Length", str(len(exchange.request_body)))
            conn.endheaders(exchange.request_body or None)
            response = conn.getresponse()
            exchange.status = response.status
            exchange.response_headers = {k.lower(): v for k, v in response.getheaders()}
            exchange.response_body = response.read()
        except (OSError, http.client.HTTPException) as exc:
            exchange.error = f"proxy could not reach Prism: {type(exc).__name__}: {exc}"
        finally:
            conn.close()

    def take(self) -> list[Exchange]:
        with self._lock:
            taken, self._exchanges = self._exchanges, []
        return taken

    def start(self) -> RecordingProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> RecordingProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


@contextlib.contextmanager
def prism_behind_proxy(
    spec: Path, log: Path | None = None
) -> Iterator[tuple[PrismServer, RecordingProxy]]:
    """Prism for ``spec`` and a recording proxy in front of it; both stopped on exit."""
    with PrismServer(spec, log=log) as prism, RecordingProxy(prism.port) as proxy:
        yield prism, proxy
