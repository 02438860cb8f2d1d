"""Root causes, each with a small description of its own (tests/specs/root_causes/):

- ``$ref`` fragments are percent-decoded (RFC 6901 section 6) before the pointer is followed.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
import time
from pathlib import Path

import black
import pytest

from generator.__main__ import main
from generator.build import Options
from generator.load import load_text
from generator.pipeline import generate_files
from generator.problems import ref_pointer
from generator.validate import check
from generator.write import write_tree

ROOT = Path(__file__).resolve().parent.parent
SPECS = Path(__file__).resolve().parent / "specs" / "root_causes"
GUARD = SPECS / "guard-3.0.yaml"
SHOWN = os.path.relpath(GUARD)  # as the command line names a spec: relative to the working directory
BATCH_2024 = ROOT.parent / "shared" / "specs" / "azure-batch" / "2024-07-01.20.0" / "BatchService.json"


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root`` with its bytes and mtime: what "untouched" means."""
    return {
        str(path.relative_to(root)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _templates(tmp_path: Path, relative: str, text: str) -> Path:
    mine = tmp_path / "mine"
    (mine / relative).parent.mkdir(parents=True, exist_ok=True)
    (mine / relative).write_text(text)
    return mine


def _generate(spec: Path, out: Path, *extra: str) -> int:
    return main(["generate", str(spec), "--out", str(out), "--package", "guard", *extra])


# -- 3. percent-encoded $ref fragments --------------------------------------------------------


def test_ref_pointer_decodes_the_fragment_only() -> None:
    assert ref_pointer("#/paths/~1monsters~1%7Bindex%7D/get") == "#/paths/~1monsters~1{index}/get"
    assert ref_pointer("#/components/schemas/Monster%20Card") == "#/components/schemas/Monster Card"
    assert ref_pointer("#/definitions/100%25") == "#/definitions/100%"
    assert ref_pointer("#/definitions/a~1b") == "#/definitions/a~1b"  # ~ escapes are split_pointer's
    assert ref_pointer("#/definitions/50%off") == "#/definitions/50%off"  # not an escape: as written
    assert ref_pointer("#/definitions/%FF") == "#/definitions/%FF"  # not UTF-8: as written


def test_percent_encoded_refs_resolve_and_the_type_is_used(tmp_path: Path) -> None:
    spec = SPECS / "percent-refs-3.0.yaml"
    result = generate_files(spec, Options("monsters"))
    assert result.files is not None, [p.format() for p in result.problems]
    assert [p.format() for p in result.problems] == []  # ours and openapi-spec-validator's
    group = result.files["monsters/operations/_monsters.py"]
    assert group.count(") -> MonsterCard:") == 2  # get, and get_twin through the response $ref
    assert [p for p in result.files if p.startswith("monsters/models/_") and not p.endswith("__init__.py")] == ["monsters/models/_monster_card.py"]
    assert result.api is not None
    (model,) = result.api.models
    assert model.pointer == "#/components/schemas/Monster Card"  # our usual form, decoded
    write_tree(tmp_path / "out", result.files)
    sys.path.insert(0, str(tmp_path / "out"))
    try:
        from monsters.models import MonsterCard  # type: ignore[import-not-found]

        assert MonsterCard.from_dict({"name": "Grue", "hitPoints": 7}).hit_points == 7
    finally:
        sys.path.remove(str(tmp_path / "out"))
        for name in [m for m in sys.modules if m == "monsters" or m.startswith("monsters.")]:
            del sys.modules[name]


def test_percent_encoded_ref_to_a_missing_node_is_a_located_error(capsys: pytest.CaptureFixture[str]) -> None:
    spec = SPECS / "percent-refs-missing-3.0.yaml"
    assert main(["generate", str(spec), "--out", "/nonexistent/never", "--package", "p"]) == 2
    err = capsys.readouterr().err.splitlines()
    spec_shown = os.path.relpath(spec)
    assert err[0] == (
        f"{spec_shown}:20:17: error: unresolvable $ref '#/components/schemas/No%20Such%20Card' "
        "(decoded: #/components/schemas/No Such Card): no such node in this document "
        "(at #/paths/~1monsters~1{index}/get/responses/200/content/application~1json/schema)"
    )
    assert err[1] == (
        f"{spec_shown}:31:11: error: unresolvable $ref '#/paths/~1monsters~1%7Bindex%7D/get/responses/404' "
        "(decoded: #/paths/~1monsters~1{index}/get/responses/404): no such node in this document "
        "(at #/paths/~1monsters~1{index}~1twin/get/responses/200)"
    )


def test_a_cycle_spelled_two_ways_is_still_a_cycle() -> None:
    doc = load_text(
        b"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        b"    A B: {$ref: '#/components/schemas/C'}\n    C: {$ref: '#/components/schemas/A%20B'}\n",
        "cycle.yaml",
    )
    _, problems = check(doc)
    assert [p.format() for p in problems] == [
        "cycle.yaml:6:10: error: circular $ref never reaches a definition: "
        "#/components/schemas/C -> #/components/schemas/A B -> #/components/schemas/C (at #/components/schemas/A B)"
    ]
