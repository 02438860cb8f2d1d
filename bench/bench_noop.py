"""No-op vs cold build step, in one run.

    .venv/bin/python bench/bench_noop.py [--rounds 5]

Cold: a fresh copy of the project without generated/ and with an empty XDG_CACHE_HOME, then
`python -m generator generate` (whole process). No-op: the same command again, nothing changed.
Target: no-op <= 0.25x cold.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return elapsed, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    colds, noops = [], []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "project"
            for name in ("spec", "templates", "generator"):
                shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
            shutil.copy(ROOT / "pyproject.toml", project)
            env = dict(os.environ, XDG_CACHE_HOME=str(Path(tmp) / "cache"), PYTHONPATH=str(project))
            cold, _ = run(project, env)
            noop, out = run(project, env)
            assert "nothing to do" in out, out
            colds.append(cold)
            noops.append(noop)
    cold, noop = min(colds), min(noops)
    print(f"build step (2 packages, {sum(1 for _ in (ROOT / 'generated').rglob('*') if _.is_file())} files), best of {args.rounds}:")
    print(f"  cold  {cold:6.3f} s   (fresh copy, no generated/, empty XDG_CACHE_HOME)")
    print(f"  no-op {noop:6.3f} s")
    print(f"  ratio {noop / cold:.3f}x   (target <= 0.25)")


if __name__ == "__main__":
    main()
