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
from batch_client.testing import FakeService  # its tables are package data, installed too
with FakeService() as served, BatchClient(served.url, served.credential) as client:
    client.tasks.reactivate("job1", "task1")
    print("fake", len(served.tasks.reactivate.calls))
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
    assert lines[3] == "fake 1"
    files = subprocess.run([str(python), "-m", "pip", "show", "-f", "batch-client"], capture_output=True, text=True).stdout
    assert "batch_client/py.typed" in files and "batch_client/aio/operations/_tasks.py" in files
    assert "batch_client/_fake_tables.json" in files


@pytest.mark.slow
def test_generator_wheel_runs_the_build_step_of_another_project(tmp_path: Path) -> None:
    """The generator as a dependency: its own wheel (templates inside, a console script) in a
    fresh venv runs a separate project's build step, and writes exactly what the editable
    install writes."""
    source = tmp_path / "src"  # a copy: building in place would leave build/ and *.egg-info here
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("generator", "templates"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(source)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = dist.glob("openapi_pyclient_generator-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    install = subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]

    def project(name: str) -> Path:
        root = tmp_path / name
        (root / "api").mkdir(parents=True)
        shutil.copy(ROOT / "spec" / "batch-task-reactivate.yaml", root / "api" / "batch.yaml")
        shutil.copy(ROOT / "tests" / "specs" / "public" / "bodies-3.0.yaml", root / "api" / "bodies.yaml")
        (root / "pyproject.toml").write_text(
            '[project]\nname = "consumer"\nversion = "1"\n\n'
            '[[tool.generator.packages]]\nspec = "api/batch.yaml"\nout = "clients/batch"\npackage = "batch_api"\n'
            'client-name = "Batch"\ncredential-scopes = ["https://batch.core.windows.net//.default"]\n\n'
            '[[tool.generator.packages]]\nspec = "api/bodies.yaml"\nout = "clients/bodies"\npackage = "bodies_api"\n'
        )
        return root

    installed, editable = project("installed"), project("editable")
    env = {"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = subprocess.run([str(env_dir / "bin" / "openapi-pyclient-generator"), "generate"], cwd=installed, capture_output=True, text=True, env=env)
    assert command.returncode == 0, command.stderr[-2000:]
    module = subprocess.run([str(env_dir / "bin" / "python"), "-m", "generator", "check"], cwd=installed, capture_output=True, text=True, env=env)
    assert module.returncode == 0, module.stdout + module.stderr  # python -m generator works too
    reference = subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=editable, capture_output=True, text=True, env={**env, "PYTHONPATH": str(ROOT)})
    assert reference.returncode == 0, reference.stderr[-2000:]

    def tree(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    built, expected = tree(installed / "clients"), tree(editable / "clients")
    assert len(built) > 50 and built == expected
