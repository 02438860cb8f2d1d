"""A minimal keep-alive HTTP/1.1 server on 127.0.0.1 answering every request with 204 and the five
Task - Reactivate headers. Runs in its own process so it does not share the client's core."""

from __future__ import annotations

import asyncio
import sys

RESPONSE = (
    b"HTTP/1.1 204 No Content\r\n"
    b"client-request-id: 9c4d50ee-2d56-4cd3-8152-34347dc9f2b0\r\n"
    b"request-id: 3b0d6a2c-1f7e-4a53-9d3c-5a3b9e9a7d11\r\n"
    b'ETag: "0x8DCF1A2B3C4D5E6"\r\n'
    b"Last-Modified: Tue, 24 Nov 2026 22:00:00 GMT\r\n"
    b"DataServiceId: https://account.region.batch.azure.com/jobs/job1/tasks/task1\r\n"
    b"Content-Length: 0\r\n\r\n"
)


class Http(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].lower()
            length = 0
            marker = head.find(b"content-length:")
            if marker >= 0:
                length = int(head[marker + 15 : head.find(b"\r\n", marker) if head.find(b"\r\n", marker) > 0 else None])
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length :]
            self.transport.write(RESPONSE)  # type: ignore[attr-defined]


async def main() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Http, "127.0.0.1", 0, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.sleep(float(sys.argv[1]) if len(sys.argv) > 1 else 3600)  # bounded lifetime


if __name__ == "__main__":
    asyncio.run(main())
