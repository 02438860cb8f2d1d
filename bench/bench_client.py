"""Generated client vs azure-batch 15.1.0 and the bare-transport limits, side by side in one run.

    .venv/bin/python bench/bench_client.py [--seconds 3] [--rounds 3]

Every measurement runs in a fresh child process with a minimal environment
(``env -i PATH=... HOME=...``): azure-batch scans every environment variable for proxies on
each call, which would flatter us. The server is a separate process on 127.0.0.1 that answers
204 with the five Task - Reactivate headers. Prints calls/s and the ratios; rounds interleave
the clients and the best round of each counts.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATED = ROOT / "generated" / "batch_client"

SYNC_RUNNER = r"""
import sys, time, json
sys.path[:0] = [{bench!r}, {generated!r}]
import _clients
call = getattr(_clients, {name!r})({endpoint!r})
for _ in range(200):
    call()
n, start, deadline = 0, time.perf_counter(), time.perf_counter() + {seconds}
while time.perf_counter() < deadline:
    for _ in range(100):
        call()
    n += 100
print(json.dumps({{"calls_per_s": n / (time.perf_counter() - start)}}))
"""

ASYNC_RUNNER = r"""
import sys, time, json, asyncio
sys.path[:0] = [{bench!r}, {generated!r}]
import _clients
async def main():
    call = await getattr(_clients, {name!r})({endpoint!r})
    async def worker(deadline, counter):
        while time.perf_counter() < deadline:
            await call()
            counter[0] += 1
    await asyncio.gather(*(worker(time.perf_counter() + 0.5, [0]) for _ in range({concurrency})))
    counter = [0]
    start = time.perf_counter()
    await asyncio.gather(*(worker(start + {seconds}, counter) for _ in range({concurrency})))
    print(json.dumps({{"calls_per_s": counter[0] / (time.perf_counter() - start)}}))
asyncio.run(main())
"""

IMPORT_RUNNER = r"""
import sys, time, json
sys.path[:0] = [{generated!r}]
start = time.perf_counter()
import {module}
print(json.dumps({{"seconds": time.perf_counter() - start}}))
"""

MEMORY_RUNNER = r"""
import sys, json, tracemalloc, gc
sys.path[:0] = [{bench!r}, {generated!r}]
import _clients
call = _clients.ours({endpoint!r})
for _ in range(1000):
    call()
gc.collect()
tracemalloc.start()
for _ in range(1000):
    call()
gc.collect()
after_1k = tracemalloc.get_traced_memory()[0]
for _ in range(9000):
    call()
gc.collect()
current, peak = tracemalloc.get_traced_memory()
import resource
print(json.dumps({{"after_1k": after_1k, "after_10k": current, "peak": peak, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}))
"""


def minimal_env() -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}


def run(code: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", code], env=minimal_env(), capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=100)
    args = parser.parse_args()

    server = subprocess.Popen([sys.executable, str(HERE / "server204.py"), "900"], stdout=subprocess.PIPE, text=True, env=minimal_env())
    try:
        assert server.stdout is not None
        endpoint = f"http://127.0.0.1:{server.stdout.readline().strip()}"
        fmt = dict(bench=str(HERE), generated=str(GENERATED), endpoint=endpoint, seconds=args.seconds, concurrency=args.concurrency)
        best: dict[str, float] = {}
        for _ in range(args.rounds):
            for name in ("ours", "azure_batch", "bare_http_client"):
                rate = run(SYNC_RUNNER.format(name=name, **fmt))["calls_per_s"]
                best[name] = max(best.get(name, 0.0), rate)
            for name in ("ours_async", "bare_aiohttp"):
                rate = run(ASYNC_RUNNER.format(name=name, **fmt))["calls_per_s"]
                best[name] = max(best.get(name, 0.0), rate)
        imports: dict[str, list[float]] = {"batch_client": [], "azure.batch": []}
        for _ in range(7):
            for module in imports:
                imports[module].append(run(IMPORT_RUNNER.format(module=module, **fmt))["seconds"])
        memory = run(MEMORY_RUNNER.format(**fmt))
    finally:
        server.kill()

    median = {m: sorted(v)[len(v) // 2] for m, v in imports.items()}
    print(f"sync calls/s (best of {args.rounds} x {args.seconds:g} s, env -i):")
    for name in ("ours", "azure_batch", "bare_http_client"):
        print(f"  {name:<18} {best[name]:>9.0f}")
    print(f"  ours / azure-batch            = {best['ours'] / best['azure_batch']:.2f}x   (target >= 3.5x)")
    print(f"  bare http.client / azure-batch = {best['bare_http_client'] / best['azure_batch']:.2f}x   (the limit)")
    print(f"  ours / bare http.client       = {best['ours'] / best['bare_http_client']:.2f}    (target >= 0.90)")
    print(f"async calls/s ({args.concurrency} concurrent):")
    for name in ("ours_async", "bare_aiohttp"):
        print(f"  {name:<18} {best[name]:>9.0f}")
    print(f"  ours / bare aiohttp           = {best['ours_async'] / best['bare_aiohttp']:.2f}    (target >= 0.80)")
    print("import time (median of 7, fresh process):")
    print(f"  import batch_client  {median['batch_client'] * 1000:7.1f} ms")
    print(f"  import azure.batch   {median['azure.batch'] * 1000:7.1f} ms")
    print(f"  ratio                = {median['batch_client'] / median['azure.batch']:.2f}    (target <= 0.5)")
    growth = (memory["after_10k"] - memory["after_1k"]) / 9000
    print("memory of 10,000 calls (tracemalloc, after warm-up):")
    print(f"  traced after 1k calls {memory['after_1k'] / 1024:8.1f} KiB, after 10k {memory['after_10k'] / 1024:8.1f} KiB, peak {memory['peak'] / 1024:8.1f} KiB")
    print(f"  growth per call       {growth:8.2f} bytes   (flat: ~0)")
    print(f"  max RSS               {memory['maxrss_kb'] / 1024:8.1f} MiB")


if __name__ == "__main__":
    main()
