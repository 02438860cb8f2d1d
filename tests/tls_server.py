"""HTTPS on 127.0.0.1 with a throwaway self-signed certificate, for the proxy tunnel tests."""

from __future__ import annotations

import socketserver
import ssl
import subprocess
from collections.abc import Mapping
from pathlib import Path

from forward_proxy import LoopbackServer, read_head


class TlsServer(LoopbackServer):
    """Answers every request 204 with ``headers``, or 200 with ``body`` (JSON) when one is given;
    ``seen`` holds each request's (method, target, headers)."""

    scheme = "https"

    def __init__(self, tmp: Path, headers: Mapping[str, str] | None = None, body: bytes = b"") -> None:
        cert, key = tmp / "cert.pem", tmp / "key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True,
        )  # fmt: skip
        server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_context.load_cert_chain(cert, key)
        self.client_context = ssl.create_default_context(cafile=str(cert))
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        outer = self
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        if body:
            answer = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n{extra}\r\n".encode() + body
        else:
            answer = f"HTTP/1.1 204 No Content\r\n{extra}\r\n".encode()

        class Handler(socketserver.StreamRequestHandler):
            def setup(self) -> None:
                self.request = server_context.wrap_socket(self.request, server_side=True)
                super().setup()

            def handle(self) -> None:
                try:
                    while (head := read_head(self.rfile)) is not None:
                        outer.seen.append(head)
                        self.rfile.read(int(head[2].get("content-length", "0")))
                        self.wfile.write(answer)
                        self.wfile.flush()
                except (OSError, ssl.SSLError):
                    return

        self.serve(Handler)
