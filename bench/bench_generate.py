"""Cold generation, whole process, against the generators users would pick instead, in one run.

    .venv/bin/python bench/bench_generate.py [--rounds 3]

- Batch 2024-07-01.20.0 (Swagger 2.0) vs openapi-generator 7.26.0 (`-g python`, its validation on);
- Batch 2018-08-01.7.0 (OpenAPI 3.0) vs openapi-python-client 0.29.1 (ruff formatting on PATH).
Each run is a fresh process writing into an empty directory, with an empty XDG_CACHE_HOME; the
best of --rounds counts (fastest = least disturbed). Peak memory is the child's max RSS.
The peers are installed on first use into bench/.peers (a venv of their own, pinned versions).
Also prints how our time grows with the number of operations (1 to 76).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPECS = ROOT.parent / "shared" / "specs" / "azure-batch"
SWAGGER = SPECS / "2024-07-01.20.0" / "BatchService.json"
OPENAPI3 = SPECS / "2018-08-01.7.0" / "BatchService.openapi3.json"
PEERS = HERE / ".peers"
PEER_PACKAGES = ["openapi-generator-cli==7.26.0", "openapi-python-client==0.29.1", "ruff==0.17.6"]
OURS = [sys.executable, "-m", "generator", "generate"]
OUR_FLAGS = ["--client-name", "Batch", "--credential-scopes", "https://batch.core.windows.net//.default"]

MEASURE = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": elapsed, "max_rss_mb": rss / 1024, "rc": done.returncode, "err": done.stderr[-400:].decode(errors="replace")}))
"""


def ensure_peers() -> Path:
    bin_dir = PEERS / "bin"
    if not (bin_dir / "openapi-python-client").exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
        subprocess.run([str(bin_dir / "pip"), "install", "--quiet", *PEER_PACKAGES], check=True)
    return bin_dir


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        raise SystemExit(f"{command[:3]} failed ({result['rc']}): {result['err']}")
    return result


def best(command_for: object, rounds: int, env_extra: dict[str, str] | None = None) -> dict[str, float]:
    results = []
    for _ in range(rounds):
        work = Path(tempfile.mkdtemp(prefix="bench-gen-"))
        env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"), **(env_extra or {}))
        (work / "cache").mkdir()
        try:
            results.append(measure(command_for(work), work, env))  # type: ignore[operator]
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return min(results, key=lambda r: r["seconds"]) | {"max_rss_mb": max(r["max_rss_mb"] for r in results)}


def subset(spec: dict, count: int) -> dict:
    """The first ``count`` operations of a Swagger 2.0 description, with everything else kept."""
    out = copy.deepcopy(spec)
    kept = 0
    for path in list(out["paths"]):
        item = out["paths"][path]
        for method in [m for m in item if m in ("get", "put", "post", "delete", "patch", "head")]:
            if kept >= count:
                del item[method]
            else:
                kept += 1
        if not any(m in item for m in ("get", "put", "post", "delete", "patch", "head")):
            del out["paths"][path]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    peers = ensure_peers()
    peer_env = {"PATH": f"{peers}:{os.environ.get('PATH', '')}"}
    env_root = {"PYTHONPATH": str(ROOT)}

    ours_swagger = best(lambda w: [*OURS, str(SWAGGER), "--out", str(w / "out"), "--package", "batch", *OUR_FLAGS], args.rounds, env_root)
    ogen = best(lambda w: [str(peers / "openapi-generator-cli"), "generate", "-g", "python", "-i", str(SWAGGER), "-o", str(w / "out")], args.rounds, peer_env)
    ours_oas3 = best(lambda w: [*OURS, str(OPENAPI3), "--out", str(w / "out"), "--package", "batch", *OUR_FLAGS], args.rounds, env_root)
    opc = best(
        lambda w: [str(peers / "openapi-python-client"), "generate", "--path", str(OPENAPI3), "--meta", "none", "--output-path", str(w / "out")],
        args.rounds,
        peer_env,
    )

    print(f"cold generation, whole process, best of {args.rounds}:")
    print(f"  Batch 2024 (Swagger 2.0, 76 ops)  ours {ours_swagger['seconds']:6.2f} s {ours_swagger['max_rss_mb']:6.0f} MB"
          f" | openapi-generator 7.26.0 {ogen['seconds']:6.2f} s {ogen['max_rss_mb']:6.0f} MB"
          f" | ratio {ours_swagger['seconds'] / ogen['seconds']:.2f}x (target <= 0.5)")
    print(f"  Batch 2018 (OpenAPI 3.0, 77 ops)  ours {ours_oas3['seconds']:6.2f} s {ours_oas3['max_rss_mb']:6.0f} MB"
          f" | openapi-python-client 0.29.1 {opc['seconds']:6.2f} s {opc['max_rss_mb']:6.0f} MB"
          f" | ratio {ours_oas3['seconds'] / opc['seconds']:.2f}x (target < 1, aim 0.5)")

    spec = json.loads(SWAGGER.read_text())
    print("  growth with operations (ours, Batch 2024 subsets, best of rounds):")
    with tempfile.TemporaryDirectory() as tmp:
        for count in (1, 10, 20, 38, 57, 76):
            path = Path(tmp) / f"subset{count}.json"
            path.write_text(json.dumps(subset(spec, count)))
            r = best(lambda w, p=path: [*OURS, str(p), "--out", str(w / "out"), "--package", "batch", *OUR_FLAGS], args.rounds, env_root)
            print(f"    {count:3d} operations  {r['seconds']:5.2f} s  {r['max_rss_mb']:5.0f} MB")


if __name__ == "__main__":
    main()
