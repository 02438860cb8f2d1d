"""A project can override any template from a directory of its own; the defaults stay the reference."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "batch-task-reactivate.yaml"


def test_override_one_template_from_the_command_line(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "docs"
    mine.mkdir(parents=True)
    (mine / "index.md.j2").write_text("# Our {{ api.title | md }} docs\n\n{% for g in api.groups %}- {{ g.python_name }}\n{% endfor %}")
    out = tmp_path / "out"
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "p", "--templates", str(tmp_path / "mine")]) == 0
    assert (out / "docs" / "index.md").read_text() == "# Our BatchServiceClient docs\n\n- tasks\n"
    assert "class TasksOperations" in (out / "p" / "operations" / "_tasks.py").read_text()  # the rest: defaults


def test_override_from_the_build_config_and_cache_follows_it(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "spec", project / "spec")
    (project / "templates-local" / "project").mkdir(parents=True)
    readme = project / "templates-local" / "project" / "README.md.j2"
    readme.write_text("# {{ api.names.distribution }} (house style)\n")
    config = (ROOT / "pyproject.toml").read_text().replace(
        'package = "batch_client"\n', 'package = "batch_client"\ntemplates = "templates-local"\n', 1)
    (project / "pyproject.toml").write_text(config)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    run = lambda: subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=project, env=env, capture_output=True, text=True)  # noqa: E731
    first = run()
    assert first.returncode == 0, first.stderr
    out = project / "generated" / "batch_client" / "README.md"
    assert out.read_text() == "# batch-client (house style)\n"
    assert "nothing to do" in run().stdout
    readme.write_text("# {{ api.names.distribution }} (new house style)\n")
    third = run()
    assert "batch_client: 0 added, 1 changed" in third.stdout
    assert out.read_text() == "# batch-client (new house style)\n"
