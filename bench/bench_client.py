"""Generated client vs azure-batch 15.1.0 and the bare-transport limits, side by side in one run.

    .venv/bin/python bench/bench_client.py [--seconds 3] [--rounds 5] [--env minimal|proxy|both]

Every measurement runs in a fresh child process with a minimal environment
(``env -i PATH=... HOME=...``): azure-batch scans every environment variable for proxies on
each call, which would flatter us. ``--env proxy`` adds what a company network sets:
``HTTPS_PROXY``/``HTTP_PROXY`` for other hosts and ``NO_PROXY`` covering the server (so every
client still talks to it directly, but has to decide so); ``both`` (the default) runs the sync
clients in each. The server is a separate process on 127.0.0.1 that answers 204 with the five
Task - Reactivate headers. Within a round, the three sync clients run side by side, each in its
own process, taking turns in slices of a quarter second until each has run --seconds (so all of
them meet the same drift of the machine's speed); the async ones run one after the other. Each
figure is the median of the rounds with their range, and each ratio the median of the per-round
ratios with their range: the spread of several runs, not the best one.
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

# A sync client's process: warmed up, it then runs a slice of calls each time the parent writes
# a number of seconds on its stdin, and answers with the calls made and the time they took. The
# parent hands slices to the clients in turn, so that every client is measured in windows
# interleaved with the others': this machine's speed drifts by a third within seconds (shared
# cores), which whole runs one after the other turned into ratios off by as much.
SYNC_RUNNER = r"""
import sys, time, json
sys.path[:0] = [{bench!r}, {generated!r}]
import _clients
call = getattr(_clients, {name!r})({endpoint!r})
for _ in range(200):
    call()
print("ready", flush=True)
for line in sys.stdin:
    n, start = 0, time.perf_counter()
    deadline = start + float(line)
    while time.perf_counter() < deadline:
        for _ in range(20):
            call()
        n += 20
    print(json.dumps({{"calls": n, "seconds": time.perf_counter() - start}}), flush=True)
"""
SLICE = 0.25  # seconds a client runs before the next takes its turn

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


def proxy_env() -> dict[str, str]:
    """A company network's variables: a proxy for other hosts, the server exempted."""
    unused = "http://proxy.invalid:3128"
    return {**minimal_env(), "HTTPS_PROXY": unused, "HTTP_PROXY": unused, "https_proxy": unused, "NO_PROXY": "localhost,127.0.0.1,.internal", "no_proxy": "localhost,127.0.0.1,.internal"}


ENVS = {"minimal": minimal_env, "proxy": proxy_env}


def spread(values: list[float], fmt: str) -> str:
    ordered = sorted(values)
    return f"{format(ordered[len(ordered) // 2], fmt)} [{format(ordered[0], fmt)}-{format(ordered[-1], fmt)}]"


def run(code: str, env: dict[str, str] | None = None) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", code], env=env or minimal_env(), capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def interleaved(code: dict[str, str], env: dict[str, str], seconds: float) -> dict[str, float]:
    """Calls/s of each client (name -> runner code), each in its own process, measured in
    alternating slices of ``SLICE`` seconds until each has run ``seconds``."""
    children = {
        name: subprocess.Popen([sys.executable, "-c", text], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for name, text in code.items()
    }
    try:
        for name, child in children.items():
            assert child.stdout is not None
            if child.stdout.readline().strip() != "ready":
                raise SystemExit(f"benchmark child {name} failed to start")
        calls = dict.fromkeys(children, 0)
        spent = dict.fromkeys(children, 0.0)
        for _ in range(max(1, round(seconds / SLICE))):
            for name, child in children.items():
                assert child.stdin is not None and child.stdout is not None
                child.stdin.write(f"{SLICE}\n")
                child.stdin.flush()
                answer = json.loads(child.stdout.readline())
                calls[name] += answer["calls"]
                spent[name] += answer["seconds"]
        return {name: calls[name] / spent[name] for name in children}
    finally:
        for child in children.values():
            child.kill()
            child.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--env", choices=("minimal", "proxy", "both"), default="both")
    args = parser.parse_args()
    envs = ("minimal", "proxy") if args.env == "both" else (args.env,)

    server = subprocess.Popen([sys.executable, str(HERE / "server204.py"), "900"], stdout=subprocess.PIPE, text=True, env=minimal_env())
    try:
        assert server.stdout is not None
        endpoint = f"http://127.0.0.1:{server.stdout.readline().strip()}"
        fmt = dict(bench=str(HERE), generated=str(GENERATED), endpoint=endpoint, seconds=args.seconds, concurrency=args.concurrency)
        rates: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.rounds):
            for env in envs:
                names = ("ours", "azure_batch", "bare_http_client")
                measured = interleaved({n: SYNC_RUNNER.format(name=n, **fmt) for n in names}, ENVS[env](), args.seconds)
                for name, rate in measured.items():
                    rates.setdefault((env, name), []).append(rate)
            for name in ("ours_async", "bare_aiohttp"):
                rate = run(ASYNC_RUNNER.format(name=name, **fmt))["calls_per_s"]
                rates.setdefault(("minimal", name), []).append(rate)
        imports: dict[str, list[float]] = {"batch_client": [], "azure.batch": []}
        for _ in range(7):
            for module in imports:
                imports[module].append(run(IMPORT_RUNNER.format(module=module, **fmt))["seconds"])
        memory = run(MEMORY_RUNNER.format(**fmt))
    finally:
        server.kill()

    def ratio(env: str, a: str, b: str) -> str:
        return spread([x / y for x, y in zip(rates[(env, a)], rates[(env, b)], strict=True)], ".2f")

    median = {m: sorted(v)[len(v) // 2] for m, v in imports.items()}
    for env in envs:
        print(f"sync calls/s, env {env} (median [min-max] of {args.rounds} rounds x {args.seconds:g} s):")
        for name in ("ours", "azure_batch", "bare_http_client"):
            print(f"  {name:<18} {spread(rates[(env, name)], '9.0f')}")
        print(f"  ours / azure-batch             = {ratio(env, 'ours', 'azure_batch')}x   (target >= 4.0x)")
        print(f"  bare http.client / azure-batch = {ratio(env, 'bare_http_client', 'azure_batch')}x   (stdlib's own head parsing)")
        print(f"  ours / bare http.client        = {ratio(env, 'ours', 'bare_http_client')}    (target >= 0.90)")
    print(f"async calls/s ({args.concurrency} concurrent, env minimal):")
    for name in ("ours_async", "bare_aiohttp"):
        print(f"  {name:<18} {spread(rates[('minimal', name)], '9.0f')}")
    print(f"  ours / bare aiohttp           = {ratio('minimal', 'ours_async', 'bare_aiohttp')}    (target >= 0.80)")
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
