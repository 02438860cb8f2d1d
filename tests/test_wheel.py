"""The generated package, consumed as a package: built into a wheel, installed into a fresh
virtual environment, and used from there against the fake service on 127.0.0.1."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from fake_batch import ACCOUNT, KEY, FakeBatch

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import sys
import batch_client
from batch_client import BatchClient, SharedKeyCredential, BatchServiceError
assert "site-packages" in batch_client.__file__, batch_client.__file__
with BatchClient(sys.argv[1], SharedKeyCredential(sys.argv[2], sys.argv[3])) as client:
    headers = client.tasks.reactivate("job1", "task1")
    print("etag", headers.etag)
    try:
        client.tasks.reactivate("job1", "missing")
    except BatchServiceError as exc:
        print("error", exc.status_code, exc.code)
print("version", batch_client.VERSION, batch_client.API_VERSION)
"""


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_works(tmp_path: Path, fake: FakeBatch) -> None:
    dist = tmp_path / "dist"
    source = tmp_path / "src"  # a copy: building in place would leave build/ and *.egg-info in generated/
    shutil.copytree(ROOT / "generated" / "batch_client", source, ignore=shutil.ignore_patterns("__pycache__", ".mypy_cache"))
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(source)],
        capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    wheels = list(dist.glob("batch_client-1.0.0-*.whl"))
    assert len(wheels) == 1, list(dist.iterdir())
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheels[0])], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    fake.add_task("job1", "task1")
    run = subprocess.run([str(python), "-c", SCRIPT, fake.endpoint, ACCOUNT, KEY], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == f"etag {fake.jobs['job1'].tasks['task1'].etag}"
    assert lines[1] == "error 404 TaskNotFound"
    assert lines[2] == "version 1.0.0 2024-07-01.20.0"
    files = subprocess.run([str(python), "-m", "pip", "show", "-f", "batch-client"], capture_output=True, text=True).stdout
    assert "batch_client/py.typed" in files and "batch_client/aio/operations/_tasks.py" in files
