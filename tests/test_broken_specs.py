"""Broken specs: a located error (snapshot-tested text), exit 2, no traceback, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
BROKEN = sorted(p for p in (ROOT / "tests" / "specs" / "broken").iterdir() if p.suffix in (".yaml", ".json"))


@pytest.mark.parametrize("spec", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_spec_error_text(spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    code = main(["generate", str(spec.relative_to(ROOT)), "--out", str(out), "--package", "p"])
    captured = capsys.readouterr()
    expected = spec.with_suffix(".stderr").read_text("utf-8")
    assert code == 2
    assert captured.err == expected
    assert "Traceback" not in captured.err
    assert not out.exists(), "a failed generation must not create the output directory"


def test_failed_generation_leaves_previous_output_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    assert main(["generate", "spec/batch-task-reactivate.yaml", "--out", str(out), "--package", "p"]) == 0
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert main(["generate", "tests/specs/broken/dangling_ref.yaml", "--out", str(out), "--package", "p"]) == 2
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert before == after
