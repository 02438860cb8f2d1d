"""The committed generated/ tree is exactly what spec/ produces; the generated code type-checks."""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import load_config
from generator.pipeline import generate_files
from generator.write import existing_files, write_tree

ROOT = Path(__file__).resolve().parent.parent


def _tree(root: Path) -> dict[str, bytes]:
    return {p: (root / p).read_bytes() for p in sorted(existing_files(root))}


@pytest.mark.parametrize("job", load_config(ROOT), ids=lambda j: j.options.package)
def test_generated_tree_matches_golden(job, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # over the committed tree, as the build step does: it decides the changelog and the version
    result = generate_files(job.spec, job.options, str(job.spec.relative_to(ROOT)), previous=job.out)
    assert result.files is not None, [p.format() for p in result.problems]
    assert [p.format() for p in result.problems] == []  # the committed spec generates without warnings
    write_tree(tmp_path / "out", result.files)
    fresh, golden = _tree(tmp_path / "out"), _tree(job.out)
    report: list[str] = []
    for path in sorted(set(fresh) | set(golden)):
        if path not in golden:
            report.append(f"missing from generated/: {path}")
        elif path not in fresh:
            report.append(f"no longer produced: {path}")
        elif fresh[path] != golden[path]:
            report.extend(
                difflib.unified_diff(
                    golden[path].decode().splitlines(), fresh[path].decode().splitlines(),
                    f"generated/{path}", f"regenerated/{path}", lineterm="", n=2,
                )
            )
    assert not report, "generated/ is stale; run `python -m generator generate`:\n" + "\n".join(report[:200])


def test_generation_is_deterministic(tmp_path: Path) -> None:
    job = load_config(ROOT)[0]
    first = generate_files(job.spec, job.options, "x.yaml").files
    second = generate_files(job.spec, job.options, "elsewhere/x.yaml").files
    assert first is not None and first == second


def test_check_command_passes_on_the_committed_tree() -> None:
    done = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_reports_stale_missing_and_unexpected_files(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "spec", project / "spec")
    shutil.copytree(ROOT / "generated", project / "generated", ignore=shutil.ignore_patterns("__pycache__", ".mypy_cache"))
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    pkg = project / "generated" / "batch_client"
    (pkg / "README.md").write_text("edited by hand\n")
    (pkg / "docs" / "index.md").unlink()
    (pkg / "batch_client" / "stray.py").write_text("x = 1\n")
    (pkg / "batch_client" / "__pycache__").mkdir(exist_ok=True)
    (pkg / "batch_client" / "__pycache__" / "junk.pyc").write_bytes(b"\0")
    done = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True, text=True)
    assert done.returncode == 1
    assert "generated/batch_client/README.md: stale" in done.stdout
    assert "generated/batch_client/docs/index.md: missing" in done.stdout
    assert "generated/batch_client/batch_client/stray.py: unexpected" in done.stdout
    assert "__pycache__" not in done.stdout


@pytest.mark.slow
def test_generated_package_passes_mypy_strict() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "batch_client"],
        cwd=ROOT / "generated" / "batch_client", capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_generated_package_is_black_formatted() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "black", "--check", "--target-version", "py310", "batch_client"],
        cwd=ROOT / "generated" / "batch_client", capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
