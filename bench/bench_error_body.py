"""Memory of a huge error body: the generated client (sync and async) beside azure-batch 15.1.0.

    .venv/bin/python bench/bench_error_body.py [--megabytes 100] [--retries 2]

A server in its own process on 127.0.0.1 answers every request 503 (a status every client
retries) with a JSON error body of --megabytes MB, written 64 KiB at a time. Each client runs in
a fresh child process (so the figures are its own): it is built, makes one warm-up call to a
204 endpoint of the same server, then one call that fails with the huge body, retried
--retries times with a 10 ms backoff (``RetryPolicy(max_retries=...)`` for ours,
``retry_total=...`` for azure-batch). The child prints its resident memory before and after
the failing call (VmRSS), its peak (VmHWM), the peak of Python's allocations (tracemalloc), the
length of the error's body and whether the client says it was cut; the server prints how many
body bytes it could hand to each client before the client hung up. The bench reports; it
asserts nothing (``tests/test_network.py`` holds the cap up).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATED = HERE.parent / "generated" / "batch_client"

SERVER = r"""
import json, socketserver, sys, threading
size = int(sys.argv[1])
chunk = b'{"code":"ServerBusy","message":{"lang":"en-US","value":"' + b"x" * (65536 - 56)
sent = []
class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        while True:
            line = self.rfile.readline()
            if not line:
                return
            target = line.split(b" ")[1] if b" " in line else b""
            length = 0
            while (header := self.rfile.readline()) not in (b"\r\n", b""):
                name, _, value = header.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            self.rfile.read(length)
            if target.startswith(b"/stats"):
                body = json.dumps(sent).encode()
                sent.clear()
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
                continue
            if target.startswith(b"/ok"):
                self.wfile.write(b"HTTP/1.1 204 No Content\r\nrequest-id: ok\r\nETag: \"0x1\"\r\nContent-Length: 0\r\n\r\n")
                continue
            written = 0
            try:
                self.wfile.write(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                 b"request-id: huge\r\nContent-Length: %d\r\n\r\n" % size)
                while written < size:
                    piece = chunk[: size - written]
                    self.wfile.write(piece)
                    written += len(piece)
            except OSError:
                return
            finally:
                sent.append(written)
server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
"""

CLIENT = r"""
import asyncio, json, sys, time, tracemalloc
sys.path[:0] = [{generated!r}]
ACCOUNT, KEY = "bench", "YmVuY2gta2V5LTAxMjM0NTY3ODk="
endpoint, retries, which = {endpoint!r}, {retries}, {which!r}

def memory():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return int(fields["VmRSS"].split()[0]) * 1024, int(fields["VmHWM"].split()[0]) * 1024

def report(before, started, body, cut):
    after, peak = memory()
    print(json.dumps({{"before": before, "after": after, "peak": peak, "traced_peak": tracemalloc.get_traced_memory()[1],
                      "seconds": time.perf_counter() - started, "body": body, "cut": cut}}))

if which == "azure-batch":
    from azure.batch import BatchClient
    from azure.core.credentials import AzureNamedKeyCredential
    from azure.core.exceptions import HttpResponseError
    client = BatchClient(endpoint + "/ok", AzureNamedKeyCredential(ACCOUNT, KEY), retry_total=retries,
                         retry_backoff_factor=0.01, retry_backoff_max=0.05)
    client.reactivate_task("job1", "task1")
    client = BatchClient(endpoint, AzureNamedKeyCredential(ACCOUNT, KEY), retry_total=retries,
                         retry_backoff_factor=0.01, retry_backoff_max=0.05)
    before = memory()[0]
    tracemalloc.start()
    started = time.perf_counter()
    try:
        client.reactivate_task("job1", "task1")
    except HttpResponseError as exc:
        body = exc.response.body() if exc.response is not None else b""
        report(before, started, len(body), False)
else:
    import batch_client
    from batch_client import BatchServiceError, RetryPolicy, SharedKeyCredential
    policy = RetryPolicy(max_retries=retries, backoff_factor=0.01, backoff_max=0.05)
    credential = SharedKeyCredential(ACCOUNT, KEY)
    if which == "ours sync":
        with batch_client.BatchClient(endpoint + "/ok", credential, retry=policy) as warm:
            warm.tasks.reactivate("job1", "task1")
        client = batch_client.BatchClient(endpoint, credential, retry=policy)
        before = memory()[0]
        tracemalloc.start()
        started = time.perf_counter()
        try:
            client.tasks.reactivate("job1", "task1")
        except BatchServiceError as exc:
            report(before, started, len(exc.content), exc.body_truncated)
    else:
        async def main():
            async with batch_client.AsyncBatchClient(endpoint + "/ok", credential, retry=policy) as warm:
                await warm.tasks.reactivate("job1", "task1")
            async with batch_client.AsyncBatchClient(endpoint, credential, retry=policy) as client:
                before = memory()[0]
                tracemalloc.start()
                started = time.perf_counter()
                try:
                    await client.tasks.reactivate("job1", "task1")
                except BatchServiceError as exc:
                    report(before, started, len(exc.content), exc.body_truncated)
        asyncio.run(main())
"""

CLIENTS = ("ours sync", "ours async", "azure-batch")


def stats(port: int) -> list[int]:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/stats")
    value: list[int] = json.loads(conn.getresponse().read())
    conn.close()
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--retries", type=int, default=2)
    args = parser.parse_args()
    size = args.megabytes * 1024 * 1024
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(size)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        endpoint = f"http://127.0.0.1:{port}"
        print(f"a {args.megabytes} MB error body (503), {args.retries} retries; one fresh process per client")
        print(f"  {'client':<12} {'RSS before':>11} {'after':>9} {'peak':>9} {'traced peak':>12} {'body kept':>11} {'cut':>5}"
              f" {'seconds':>8}  body bytes the server handed over, per attempt")
        for which in CLIENTS:
            code = CLIENT.format(generated=str(GENERATED), endpoint=endpoint, retries=args.retries, which=which)
            done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)
            sent = stats(port)
            if done.returncode != 0 or not done.stdout.strip():
                print(f"  {which:<12} failed: {(done.stderr.strip().splitlines() or ['no output'])[-1]}")
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            mib = 1024 * 1024
            print(
                f"  {which:<12} {r['before'] / mib:8.1f} MiB {r['after'] / mib:6.1f} MiB {r['peak'] / mib:6.1f} MiB"
                f" {r['traced_peak'] / mib:9.1f} MiB {r['body'] / mib:8.2f} MiB {str(r['cut']):>5} {r['seconds']:8.2f}"
                f"  {', '.join(f'{n / mib:.1f} MiB' for n in sent)}"
            )
    finally:
        server.kill()


if __name__ == "__main__":
    main()
