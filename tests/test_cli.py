"""The command line: warnings, --strict, the output directory, incremental writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "batch-task-reactivate.yaml"

WARNING_SPEC = """\
openapi: 3.0.3
info: {title: Warn, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: Thing_Get
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, pattern: "([a-z"}}
        - {name: foo-bar, in: query, schema: {type: string}}
        - {name: foo_bar, in: query, schema: {type: string}}
      responses:
        "204": {description: ok}
"""


def test_no_python_traceback_and_exit_2_from_a_subprocess(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.0.3\ninfo: [\n")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(bad), "--out", str(tmp_path / "o"), "--package", "p"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "bad.yaml:3:1: error: invalid YAML" in done.stderr
    assert not (tmp_path / "o").exists()


def test_warnings_are_located_and_generation_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "warn.yaml"
    spec.write_text(WARNING_SPEC)
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "warn.yaml", "--out", "out", "--package", "warn"]) == 0
    err = capsys.readouterr().err
    assert "warn.yaml:8:80: warning: openapi-spec-validator: '([a-z' is not a 'regex' (at #/paths/~1things~1{id}/get/parameters/0/schema/pattern)" in err
    assert "warn.yaml:10:11: warning: parameter 'foo_bar' is named foo_bar_2 to avoid a clash with another parameter" in err
    ops = (tmp_path / "out" / "warn" / "operations" / "_things.py").read_text()
    assert "foo_bar: str | None = None" in ops and "foo_bar_2: str | None = None" in ops
    assert '("foo_bar", encode_query(ser_str(foo_bar_2)))' in ops


def test_strict_turns_warnings_into_errors_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "warn.yaml").write_text(WARNING_SPEC)
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "warn.yaml", "--out", "out", "--package", "warn", "--strict"]) == 2
    assert ": error: openapi-spec-validator:" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_refuses_to_write_into_a_directory_it_did_not_generate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "precious.txt").write_text("keep me")
    assert main(["generate", str(SPEC), "--out", str(target), "--package", "p"]) == 2
    assert "refusing to write" in capsys.readouterr().err
    assert sorted(os.listdir(target)) == ["precious.txt"]


def test_second_run_writes_nothing_and_stale_files_are_removed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "p"]) == 0
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    stale = out / "p" / "operations" / "_old.py"
    stale.write_text("")
    manifest = out / ".generated-files"
    manifest.write_text(manifest.read_text() + "p/operations/_old.py\n")
    capsys.readouterr()
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "p"]) == 0
    assert "0 added, 1 changed, 1 removed" in capsys.readouterr().out  # the manifest and the stale file
    assert not stale.exists()
    for path, mtime in mtimes.items():
        if path != manifest:
            assert path.stat().st_mtime_ns == mtime, path


def test_build_step_without_arguments_uses_the_config(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "spec", project / "spec")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / "sub").mkdir()
    done = subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=project / "sub", capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (project / "generated" / "batch_client" / "batch_client" / "_client.py").is_file()
    check = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_missing_arguments_are_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", str(SPEC)]) == 2
    assert "--out DIR and --package NAME" in capsys.readouterr().err
    assert main(["generate", str(SPEC), "--out", "x", "--package", "not-an-identifier"]) == 2


@pytest.mark.parametrize("failure", [OSError("disk full"), KeyboardInterrupt()])
def test_interrupted_write_leaves_the_previous_tree_exactly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> None:
    from generator import write

    out = tmp_path / "out"
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "p"]) == 0
    (out / "README.md").write_text("changed by someone\n")  # so the next run has work to do
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    calls = {"n": 0}
    real = write._link_or_copy

    def flaky(source: Path, target: Path) -> None:
        calls["n"] += 1
        if calls["n"] == 10:
            raise failure
        real(source, target)

    monkeypatch.setattr(write, "_link_or_copy", flaky)
    from generator.options import Options
    from generator.pipeline import generate_files

    files = generate_files(SPEC, Options("p")).files
    assert files is not None
    with pytest.raises(type(failure)):
        write.write_tree(out, files)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob(".out.staging-*"))  # cleaned up


def test_every_generator_source_folder_counts_for_the_no_op_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # no source folder is named like a build product (black, pytest and .gitignore lines skip
    # build/ and dist/), and an edit anywhere in the generator's code makes the output stale
    from generator import cache
    from generator.options import Options
    from generator.write import ignored_dir

    source = Path(cache.GENERATOR_DIR)
    assert [d for d in source.rglob("*") if d.is_dir() and ignored_dir(d.name) and d.name != "__pycache__"] == []
    copy = tmp_path / "generator"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "GENERATOR_DIR", copy)
    before = cache.fingerprint(SPEC, Options("p"))
    (copy / "passes" / "operations.py").write_text((copy / "passes" / "operations.py").read_text() + "\n# edited\n")
    assert before is not None and cache.fingerprint(SPEC, Options("p")) != before


def test_a_large_tree_is_written_whole_by_both_writers_and_rewritten_in_place(tmp_path: Path) -> None:
    # above write._SPLIT_WRITES files a forked child writes some of the directories: every file
    # must arrive, with the text given and the mode open() gives; a rewrite changes only one
    from generator import write

    files = {f"d{i % 7}/sub{i % 3}/f{i}.py": f"# file {i}\n" + "x = 'é'\n" * (i % 5) for i in range(write._SPLIT_WRITES + 500)}
    files = write.with_manifest(files)
    out = tmp_path / "out"
    changes = write.write_tree(out, files)
    assert len(changes.added) == len(files) and not changes.changed
    assert {p.relative_to(out).as_posix(): p.read_text("utf-8") for p in out.rglob("*") if p.is_file()} == files
    probe = tmp_path / "probe"
    probe.write_bytes(b"")
    assert {p.stat().st_mode for p in out.rglob("*.py")} == {probe.stat().st_mode}
    inode = (out / "d1/sub1/f1.py").stat().st_ino
    changed = dict(files, **{"d0/sub0/f0.py": "# new\n"})
    changes = write.write_tree(out, changed)
    assert changes.changed == ["d0/sub0/f0.py"] and changes.unchanged == len(files) - 1
    assert (out / "d0/sub0/f0.py").read_text() == "# new\n"
    assert (out / "d1/sub1/f1.py").stat().st_ino == inode  # unchanged files are linked, not rewritten


def test_a_file_beside_the_spec_that_changes_makes_the_next_run_a_full_one(tmp_path: Path) -> None:
    # the spec's folder is listed (size and mtime), not read: an edit there still counts
    folder = tmp_path / "specs"
    folder.mkdir()
    shutil.copy(SPEC, folder / "api.yaml")
    beside = folder / "notes.txt"
    beside.write_text("one\n")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "generator", "generate", str(folder / "api.yaml"), "--out", str(tmp_path / "out"), "--package", "p"]

    def run() -> str:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "nothing to do" not in run()
    assert "up to date (nothing to do)" in run()
    beside.write_text("one, edited\n")
    assert "nothing to do" not in run()
    assert "up to date (nothing to do)" in run()


_SNAPSHOT = r"""
import sys, threading
from pathlib import Path
from generator import cache, write
assert threading.active_count() == 1  # so the writes are shared with a forked child
out = Path(sys.argv[1])
for split in (write._SPLIT_WRITES, 10**9):  # both writers, then one
    write._SPLIT_WRITES = split
    root = out / str(split)
    files = write.with_manifest({f"d{i % 7}/sub{i % 3}/f{i}.py": f"# file {i}\n" for i in range(2600)})
    changes = write.write_tree(root, files)
    assert changes.snapshot == cache._snapshot(root), "first write"
    for user in ("notes.txt", "d1/keep.md", "__pycache__/x.pyc", "d2/.mypy_cache/c.json", "d3/m.cpython-311.pyc"):
        (root / user).parent.mkdir(parents=True, exist_ok=True)
        (root / user).write_text("mine")
    changed = dict(files, **{"d0/sub0/f0.py": "# new\n", "d9/new.py": "# added\n"})
    del changed["d1/sub1/f1.py"]
    changes = write.write_tree(root, write.with_manifest(changed))
    assert changes.changed and changes.added and changes.removed and changes.unchanged
    assert changes.snapshot == cache._snapshot(root), "rewrite beside a user's files"
    assert write.write_tree(root, write.with_manifest(changed)).snapshot is None  # nothing written
print("as walked")
"""


def test_the_snapshot_a_write_leaves_is_what_a_walk_of_the_tree_finds(tmp_path: Path) -> None:
    """The no-op cache records each file's size and mtime as the writers saw them (no walk of
    the tree after writing it): exactly what ``cache._snapshot`` would find, user files and tool
    caches included or left out as it does. In a fresh interpreter, so that the writes fork."""
    done = subprocess.run([sys.executable, "-c", _SNAPSHOT, str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "as walked"
