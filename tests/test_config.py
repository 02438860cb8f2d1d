"""Configuration mistakes are refused with a located message (file:line, the key, the closest
valid key), exit 2, no traceback and nothing written: snapshot tests, one bad pyproject.toml
each under tests/specs/config/ beside the message it must give (PROJECT stands for the project's
directory); and the same for the command line's options."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CASES = sorted((HERE / "specs" / "config").glob("*.toml"))
SPEC = HERE / "specs" / "public" / "petstore-3.0.yaml"
ROOT = HERE.parent


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(cwd / ".cache")},
    )


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_config_mistake_is_refused_with_a_located_message(case: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(case, project / "pyproject.toml")
    shutil.copy(SPEC, project / "api.yaml")
    done = _run(project, "generate")
    message = done.stderr.replace(str(project), "PROJECT")
    assert done.returncode == 2, message
    assert "Traceback" not in message
    assert message == case.with_suffix(".stderr").read_text("utf-8")
    assert not (project / "gen").exists() and not (tmp_path / "elsewhere").exists()  # nothing written


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--client-name", "123"], "error: --client-name '123' must be a Python identifier starting with a letter (e.g. 'Batch')\n"),
        (["--client-name", "my client"], "error: --client-name 'my client' must be a Python identifier starting with a letter (e.g. 'Batch')\n"),
        (["--client-name", "class"], "error: --client-name 'class' must be a Python identifier starting with a letter (e.g. 'Batch')\n"),
        (["--package", "class"], "error: --package 'class' is not a valid Python package name (letters, digits and _, not a keyword)\n"),
        (["--package", "my-api"], "error: --package 'my-api' is not a valid Python package name (letters, digits and _, not a keyword)\n"),
        (["--templates", "nonexistent"], "error: --templates 'nonexistent' is not a directory\n"),
    ],
    ids=["client-digits", "client-space", "client-keyword", "package-keyword", "package-dash", "templates"],
)
def test_bad_options_are_refused(args: list[str], expected: str, tmp_path: Path) -> None:
    base = {"--package": "api"}
    given = dict(zip(args[::2], args[1::2]))
    options = [item for key, value in {**base, **given}.items() for item in (key, value)]
    done = _run(tmp_path, "generate", str(SPEC), "--out", "gen", *options)
    assert (done.returncode, done.stderr) == (2, expected)
    assert not (tmp_path / "gen").exists()
