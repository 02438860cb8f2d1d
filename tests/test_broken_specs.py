"""Broken specs: a located error (snapshot-tested text), exit 2, no traceback, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.__main__ import main
from generator.options import Options

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


def test_enormous_spec_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.load import MAX_BYTES

    spec = tmp_path / "huge.yaml"
    with spec.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "huge.yaml", "--out", "out", "--package", "p"]) == 2
    assert capsys.readouterr().err.startswith("huge.yaml: error: spec too large: 64.0 MiB (the limit is 64 MiB)\n")
    assert not (tmp_path / "out").exists()


def test_a_recursive_model_is_valid_and_generates(tmp_path: Path) -> None:
    spec = tmp_path / "tree.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /t:\n    get:\n      operationId: Tree_Get\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema: {$ref: '#/components/schemas/Node'}\ncomponents:\n  schemas:\n    Node:\n      type: object\n"
        "      properties:\n        children: {type: array, items: {$ref: '#/components/schemas/Node'}}\n"
        "        parent: {$ref: '#/components/schemas/Node'}\n"
    )
    assert main(["generate", str(spec), "--out", str(tmp_path / "out"), "--package", "tree"]) == 0
    import sys

    sys.path.insert(0, str(tmp_path / "out"))
    try:
        import tree

        node = tree.Node.from_dict({"children": [{"children": []}], "parent": {"parent": {}}})
        assert isinstance(node.children[0], tree.Node) and isinstance(node.parent.parent, tree.Node)  # type: ignore[union-attr,index]
    finally:
        sys.path.remove(str(tmp_path / "out"))


def test_required_names_without_properties_warn(tmp_path: Path) -> None:
    """A required name no property declares (vtex.local, apisetu.gov.in) is no field of the
    model: a located warning says so, where it went unsaid; a base's property is no such name."""
    from generator.pipeline import build_ir

    spec = tmp_path / "required.yaml"
    spec.write_text(
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths: {}\n"
        "components:\n"
        "  schemas:\n"
        "    Widget:\n"
        "      type: object\n"
        "      required: [name, token]\n"
        "      properties: {name: {type: string}}\n"
        "    Gadget:\n"
        "      allOf:\n"
        "        - {$ref: '#/components/schemas/Widget'}\n"
        "        - {type: object, required: [name], properties: {size: {type: integer}}}\n"
    )
    result = build_ir(spec, Options("t"))
    assert result.api is not None
    assert [p.format() for p in result.problems] == [
        f"{spec}:8:17: warning: required 'token' is not among the properties: not a field of the model (a value"
        " goes in additional_properties), and not checked by the fake (at #/components/schemas/Widget/required)"
    ]


def test_paths_identical_but_for_their_names_warn_where_a_method_is_shared(tmp_path: Path) -> None:
    """OpenAPI forbids paths that differ only in their variables' names; a shared method is
    where requests clash (googleapis.com/iam's GET /v2/{parent} and GET /v2/{name}): a located
    warning there, none for a method only one of them has."""
    from generator.load import load_document
    from generator.validate import semantic_checks

    spec = tmp_path / "same.yaml"
    spec.write_text(
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths:\n"
        "  /v2/{parent}:\n"
        "    get: {responses: {'200': {description: ok}}}\n"
        "    post: {responses: {'200': {description: ok}}}\n"
        "    parameters: [{name: parent, in: path, required: true, schema: {type: string}}]\n"
        "  /v2/{name}:\n"
        "    get: {responses: {'200': {description: ok}}}\n"
        "    delete: {responses: {'200': {description: ok}}}\n"
        "    parameters: [{name: name, in: path, required: true, schema: {type: string}}]\n"
    )
    problems = [p.format() for p in semantic_checks(load_document(spec))]
    assert problems == [
        f"{spec}:9:10: warning: GET /v2/{{name}} is GET /v2/{{parent}} but for its variables' names (OpenAPI forbids"
        " such paths, as identical): a request of one is a request of the other (at #/paths/~1v2~1{name}/get)"
    ], problems
