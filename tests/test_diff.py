"""`python -m generator diff OLD NEW`: each kind of change, isolated in a pair of small specs,
is found and classified; the official Batch pair is summarised; the changelog follows."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "specs" / "azure-batch"

BASE: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Shop", "version": "1"},
    "paths": {
        "/items/{id}": {
            "get": {
                "operationId": "Item_Get",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "format": "int32"}},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "headers": {"ETag": {"schema": {"type": "string"}}},
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Item": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "count": {"type": "integer"},
                    "state": {"type": "string", "enum": ["new", "old"], "x-ms-enum": {"name": "ItemState"}},
                },
            }
        }
    },
}

OP = ("paths", "/items/{id}", "get")


def _at(spec: dict[str, Any], *path: Any) -> Any:
    for key in path:
        spec = spec[key]
    return spec


def _mutations() -> dict[str, tuple[Any, str, bool]]:
    """name → (mutation, expected change kind, breaking)."""

    def op_removed(s: dict[str, Any]) -> None:
        s["paths"]["/other"] = {"get": {"operationId": "Other_Get", "responses": {"204": {"description": "ok"}}}}
        del s["paths"]["/items/{id}"]

    def op_added(s: dict[str, Any]) -> None:
        s["paths"]["/other"] = {"get": {"operationId": "Other_Get", "responses": {"204": {"description": "ok"}}}}

    return {
        "operation removed": (op_removed, "operation removed", True),
        "operation added": (op_added, "operation added", False),
        "operation renamed": (lambda s: _at(s, *OP).update(operationId="Item_Fetch"), "operation renamed", True),
        "required parameter added": (
            lambda s: _at(s, *OP, "parameters").append({"name": "tenant", "in": "header", "required": True, "schema": {"type": "string"}}),
            "parameter added", True),
        "optional parameter added": (
            lambda s: _at(s, *OP, "parameters").append({"name": "tenant", "in": "header", "schema": {"type": "string"}}),
            "parameter added", False),
        "parameter removed": (lambda s: _at(s, *OP, "parameters").pop(1), "parameter removed", True),
        "parameter made required": (lambda s: _at(s, *OP, "parameters", 1).update(required=True), "parameter made required", True),
        "parameter type changed": (lambda s: _at(s, *OP, "parameters", 1).update(schema={"type": "string"}), "parameter retyped", True),
        "parameter format changed": (
            lambda s: _at(s, *OP, "parameters", 1, "schema").update(format="int64"), "parameter retyped", True),
        "enum value removed": (
            lambda s: _at(s, "components", "schemas", "Item", "properties", "state").update(enum=["new"]), "enum value removed", True),
        "enum value added": (
            lambda s: _at(s, "components", "schemas", "Item", "properties", "state").update(enum=["new", "old", "gone"]),
            "enum value added", False),
        "property removed": (lambda s: _at(s, "components", "schemas", "Item", "properties").pop("count"), "property removed", True),
        "property retyped": (
            lambda s: _at(s, "components", "schemas", "Item", "properties").update(count={"type": "string"}), "property retyped", True),
        "response header removed": (lambda s: _at(s, *OP, "responses", "200", "headers").clear(), "response header removed", True),
        "response header added": (
            lambda s: _at(s, *OP, "responses", "200", "headers").update({"Last-Modified": {"schema": {"type": "string"}}}),
            "response header added", False),
    }


MUTATIONS = _mutations()


def _diff(old: Path, new: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict[str, Any]]:
    code = main(["diff", str(old), str(new), "--format", "json", *extra])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", MUTATIONS)
def test_each_kind_of_change_is_found_and_classified(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mutate, kind, breaking = MUTATIONS[name]
    new = copy.deepcopy(BASE)
    mutate(new)
    new["info"]["version"] = "2"
    old_path, new_path = tmp_path / "old.yaml", tmp_path / "new.json"  # a mix of formats
    old_path.write_text(yaml.safe_dump(BASE, sort_keys=False))
    new_path.write_text(json.dumps(new, indent=2))
    code, report = _diff(old_path, new_path, capsys)
    assert code == 0
    kinds = [(c["kind"], c["breaking"]) for c in report["changes"]]
    assert (kind, breaking) in kinds, kinds
    change = next(c for c in report["changes"] if c["kind"] == kind)
    located = change["old"] or change["new"]
    assert located["pointer"].startswith("#/") and (":" in located["at"])
    code, _ = _diff(old_path, new_path, capsys, "--fail-on-breaking")
    assert code == (1 if report["summary"]["breaking"] else 0)


def test_no_change_is_no_change_even_across_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(BASE))
    (tmp_path / "b.json").write_text(json.dumps(BASE))
    code, report = _diff(tmp_path / "a.yaml", tmp_path / "b.json", capsys, "--fail-on-breaking")
    assert code == 0 and report["changes"] == []


def test_markdown_report_of_the_official_batch_pair() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "diff", str(SHARED / "2018-08-01.7.0" / "BatchService.openapi3.json"),
         str(SHARED / "2024-07-01.20.0" / "BatchService.json"), "--fail-on-breaking"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert out.startswith("# API changes: BatchServiceClient 2018-08-01.7.0 → 2024-07-01.20.0\n")
    assert "## Breaking" in out and "## Non-breaking" in out
    assert "operation `Pool_UpgradeOS` (`client.pools.upgrade_os`, `POST /pools/{poolId}/upgradeos`) removed" in out
    assert "BatchService.json:" in out and "BatchService.openapi3.json:1:" in out


def test_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(BASE))
    assert main(["diff", str(tmp_path / "a.yaml"), str(ROOT / "tests" / "specs" / "broken" / "dangling_ref.yaml")]) == 2
    assert "unresolvable $ref" in capsys.readouterr().err


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "spec", project / "spec")
    shutil.copytree(ROOT / "generated", project / "generated", ignore=shutil.ignore_patterns("__pycache__", ".mypy_cache"))
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    return project


def _bump(project: Path, edit: Any) -> subprocess.CompletedProcess[str]:
    spec_path = project / "spec" / "batch-task-reactivate.yaml"
    spec = yaml.safe_load(spec_path.read_text())
    spec["info"]["version"] = "2025-01-01.21.0"
    edit(spec)
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=project, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(project / ".cache")})


def test_changelog_and_major_bump_on_a_breaking_api_version(tmp_path: Path) -> None:
    project = _project(tmp_path)

    def drop_header(spec: dict[str, Any]) -> None:
        spec["components"]["headers"].pop("DataServiceId")
        spec["paths"]["/jobs/{jobId}/tasks/{taskId}/reactivate"]["post"]["responses"]["204"]["headers"].pop("DataServiceId")

    done = _bump(project, drop_header)
    assert done.returncode == 0, done.stderr
    pkg = project / "generated" / "batch_client"
    changelog = (pkg / "CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog\n\n## 2.0.0 (API version 2025-01-01.21.0)\n")
    assert "`client.tasks.reactivate`: response header `dataserviceid` removed" in changelog
    assert changelog.rstrip().endswith("First release of this package.")  # the history is kept
    assert 'version = "2.0.0"' in (pkg / "pyproject.toml").read_text()
    assert 'VERSION = "2.0.0"' in (pkg / "batch_client" / "_version.py").read_text()
    check = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout  # check regenerates over the tree: stays exact


def test_minor_bump_when_nothing_breaks(tmp_path: Path) -> None:
    project = _project(tmp_path)
    done = _bump(project, lambda s: s["paths"]["/jobs/{jobId}/tasks/{taskId}/reactivate"]["post"]["parameters"].append(
        {"name": "tenant", "in": "query", "schema": {"type": "string"}}))
    assert done.returncode == 0, done.stderr
    pkg = project / "generated" / "batch_client"
    assert 'version = "1.1.0"' in (pkg / "pyproject.toml").read_text()
    assert "## 1.1.0 (API version 2025-01-01.21.0)" in (pkg / "CHANGELOG.md").read_text()
    again = subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=project, capture_output=True, text=True)
    assert "0 added, 0 changed, 0 removed" in again.stdout or "nothing to do" in again.stdout
    assert 'version = "1.1.0"' in (pkg / "pyproject.toml").read_text()  # same API version: no second bump


def test_older_typing_spelling_of_returns_is_no_change() -> None:
    # api.json written before issue 10 spells signatures' lists and dicts as typing's List/Dict
    from generator.surface import diff

    def surface(returns: str) -> dict[str, Any]:
        op = {"method": "items.list", "http": "GET /items", "pointer": "#/p", "returns": returns, "parameters": {}, "response_headers": {}}
        return {"api_version": "1", "operations": {"Item_List": op}}

    assert diff(surface("List[Dict[str, Item]] | None"), surface("list[dict[str, Item]] | None")).changes == []
    assert [c.kind for c in diff(surface("List[Item]"), surface("list[Other]")).changes] == ["return type changed"]


def test_a_previous_package_version_that_is_no_number_counts_as_zero() -> None:
    # the previous output's api.json is read back: "²" passes str.isdigit and fails int(), and
    # int() refuses a run of more than 4,300 digits; each was a traceback
    from generator.surface import release

    current = {"api_version": "2", "title": "T", "operations": {}}
    for old, new in [("1.\u00b2.0", "1.1.0"), ("3." + "7" * 5000 + ".0", "3.1.0"), ("\u0661.2.3", "0.3.0"), ("4.5.6", "4.6.0")]:
        version, changelog = release({"api_version": "1", "package_version": old, "operations": {}}, "# Changelog\n\nold\n", current)
        assert version == new, old
        assert changelog.startswith(f"# Changelog\n\n## {new} (API version 2)\n")


def test_a_previous_api_json_of_another_shape_is_a_located_error_and_nothing_is_written(tmp_path: Path) -> None:
    # valid JSON, but not the surface file (an operation without its "http"): the version bump
    # read it and was a KeyError traceback; now an error naming the file, exit 2, tree untouched
    project = _project(tmp_path)
    surface_file = project / "generated" / "batch_client" / "api.json"
    previous = json.loads(surface_file.read_text())
    next(iter(previous["operations"].values())).pop("http")
    surface_file.write_text(json.dumps(previous))
    before = {p: p.read_bytes() for p in (project / "generated").rglob("*") if p.is_file()}
    done = _bump(project, lambda spec: None)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert (
        "generated/batch_client/api.json: error: the previous output's api.json is not the surface file this generator "
        "writes (KeyError: 'http'); restore it from version control, or delete it to start the package's version history again"
    ) in done.stderr
    assert {p: p.read_bytes() for p in (project / "generated").rglob("*") if p.is_file()} == before
