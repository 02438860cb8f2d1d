"""Root causes, each with a small description of its own (tests/specs/root_causes/):

- every rendered Python file is compiled before anything is written; code Python or black refuses
  is a located internal error naming the output file, its template and its spec node;
- a description with no operations (only webhooks, or ``paths: {}``) still makes a package;
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
from typing import Any

import black
import pytest

from generator.__main__ import main
from generator.options import Options
from generator.load import load_text
from generator.pipeline import generate_files
from generator.problems import ref_pointer
from generator.validate import check
from generator.write import compile_errors, write_tree

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


# -- 1. the compile guard ---------------------------------------------------------------------


@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, dict[str, tuple[bytes, int]]]:
    out = tmp_path / "out"
    assert _generate(GUARD, out) == 0
    return out, _snapshot(out)


def test_model_template_that_renders_broken_python_stops_before_writing(
    tmp_path: Path, previous: tuple[Path, dict[str, tuple[bytes, int]]], capsys: pytest.CaptureFixture[str]
) -> None:
    out, before = previous
    capsys.readouterr()
    mine = _templates(tmp_path, "package/models/_model.py.j2", '"""{{ model.class_name }}"""\n\nclass {{ model.class_name }}(:\n    pass\n')
    assert _generate(GUARD, out, "--templates", str(mine)) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    # One problem for the template, located at the first model's schema; the other model counted.
    (line,) = [line for line in err.splitlines() if "internal error" in line]
    assert line.startswith(f"{SHOWN}:25:7: error: internal error (a generator bug): guard/models/_monster.py, ")
    assert "rendered by template package/models/_model.py.j2 for model Monster" in line
    assert "is not valid Python: it does not compile: line 3: invalid syntax in `class Monster(:`" in line
    assert "(and 1 more files from the same template)" in line
    assert line.endswith("(at #/components/schemas/Monster)")
    assert f"error: {SHOWN}: nothing written" in err
    assert _snapshot(out) == before


def test_group_template_error_is_located_at_the_groups_first_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = _templates(tmp_path, "package/operations/_group.py.j2", "class {{ group.class_name }}:\n    def f(self):\n        return 1\nreturn 2\n")
    out = tmp_path / "never"
    assert _generate(GUARD, out, "--templates", str(mine)) == 2
    err = capsys.readouterr().err
    # A compiler error (not a parse error): the guard compiles, it does not only parse.
    assert "guard/operations/_monsters.py, rendered by template package/operations/_group.py.j2 " in err
    assert "for operation group monsters, is not valid Python: it does not compile: line 4: 'return' outside function" in err
    assert "(at #/paths/~1monsters~1{name}/get)" in err
    assert not out.exists()  # not even created


def test_black_refusing_a_file_is_the_same_internal_error(
    tmp_path: Path, previous: tuple[Path, dict[str, tuple[bytes, int]]], capsys: pytest.CaptureFixture[str]
) -> None:
    out, before = previous
    capsys.readouterr()
    long_broken = "value = call(" + ", ".join(f"argument_{i}" for i in range(12)) + ", (\n"  # > 88 columns: black's
    mine = _templates(tmp_path, "package/models/_model.py.j2", "{% if model.class_name == 'Lair' %}" + long_broken + "{% endif %}x = 1\n")
    assert _generate(GUARD, out, "--templates", str(mine)) == 2
    err = capsys.readouterr().err
    assert "internal error (a generator bug): guard/models/_lair.py, rendered by template package/models/_model.py.j2 for model Lair" in err
    assert "is not valid Python: black could not format it: cannot parse for target version Python 3.10: 2:2 " in err
    assert "(at #/components/schemas/Lair)" in err
    assert "Traceback" not in err
    assert _snapshot(out) == before


def test_compile_errors_finds_what_python_refuses_and_warns_about() -> None:
    files = {
        "ok.py": "x = 1\n",
        "README.md": "def (:\n",  # not Python: not compiled
        "await.py": "def f():\n    await g()\n",
        "escape.py": 'PATTERN = "\\d+"\n',  # a warning today, an error in a later Python
        "nul.py": "x = 1\0\n",
    }
    found = {e.path: e.describe() for e in compile_errors(files)}
    assert set(found) == {"await.py", "escape.py", "nul.py"}
    assert found["await.py"] == "line 2: 'await' outside async function in `await g()`"
    assert "invalid escape sequence" in found["escape.py"]


def _large_module(middle: str) -> str:
    """A module like a large testing.py: statements, then a table of thousands of items."""
    items = "".join(f'    _Row(\n        key="k{n}",\n        value={{"t": "str", "n": {n}}},\n    ),\n' for n in range(4000))
    return f'"""Doc."""\n\nfrom __future__ import annotations\n\n\nclass _Row:\n    pass\n\n\nTABLE = (\n{items}{middle})\n\n\ndef f() -> int:\n    return 1\n'


@pytest.mark.parametrize(
    ("middle", "error"),
    [
        ("", None),
        ("    _Row(key=1 2),\n", "line 16011: invalid syntax. Perhaps you forgot a comma?"),
        ('    "\\d",\n', "line 16011: invalid escape sequence '\\d'"),
        ("    x\n", None),  # the last item without its comma: still one tuple
        ("    x\n    y,\n", "line 16011: invalid syntax. Perhaps you forgot a comma?"),  # two items without a comma between
        ('    """\nTABLE2 = (\n"""\n,', None),  # a line in a string that looks like a statement
    ],
)
def test_a_large_file_is_compiled_in_pieces_with_the_verdict_of_the_whole(middle: str, error: str | None) -> None:
    """Above write._PIECE characters a file is compiled piecewise (Python's parser needs ~60
    bytes per character): the verdict, and an error's line and message, are the whole file's."""
    from generator.write import _PIECE, _pieces

    text = _large_module(middle)
    assert len(text) > 2 * _PIECE and len(_pieces(text)) > 2
    found = [e.describe().split(" in `")[0] for e in compile_errors({"testing.py": text})]
    assert found == ([error] if error else [])
    try:
        compile(text, "testing.py", "exec", dont_inherit=True)  # the whole file, for comparison
    except SyntaxError:
        assert error is not None
    else:
        assert error is None or "escape" in error  # an escape only warns


def _large_class(method: str) -> str:
    """A module like a large operation group: one class of thousands of methods, ``method``
    among the last ones."""
    methods = "".join(f"    @property\n    def m{n}(self, x: int = {n}) -> int:\n        return x + {n}\n\n" for n in range(3000))
    return f'"""Doc."""\n\nfrom __future__ import annotations\n\n\nclass Group:\n    """Doc."""\n\n{methods}{method}    def last(self) -> None:\n        pass\n'


@pytest.mark.parametrize(
    ("method", "error"),
    [
        ("", None),
        ("    def bad(self) -> None:\n        await g()\n\n", "line 12010: 'await' outside async function"),
        ("    def bad(self, a: int, a: int) -> None:\n        pass\n\n", "line 12009: duplicate argument 'a' in function definition"),
        # an error only under the module's future import: each piece is compiled under it too
        ("    def bad(self, x: (y := 1)) -> None:\n        pass\n\n", "line 12009: 'named expression' can not be used within an annotation"),
        ('    s = """\n    def fake(self):\n"""\n\n', None),  # a line in a string that looks like a method
    ],
)
def test_a_large_class_is_compiled_in_groups_of_methods_with_the_verdict_of_the_whole(method: str, error: str | None) -> None:
    """A class larger than write._PIECE (Kubernetes' core operation group: 1.7 MB, 100 MB to
    parse whole) is compiled as groups of its methods: the verdict, the error's line and its
    message are the whole file's."""
    from generator.write import _PIECE, _pieces

    text = _large_class(method)
    assert len(text) > 2 * _PIECE and len(_pieces(text)) > 2
    found = [e.describe().split(" in `")[0] for e in compile_errors({"ops.py": text})]
    assert found == ([error] if error else [])
    try:
        compile(text, "ops.py", "exec", dont_inherit=True)  # the whole file, for comparison
    except SyntaxError as exc:
        assert error == f"line {exc.lineno}: {exc.msg}"
    else:
        assert error is None


@pytest.mark.slow
def test_compile_guard_cost_on_batch_2024() -> None:
    """The guard compiles every Python file of the largest description we know: it must stay a
    small part of a run (measured 0.1-0.2 s of CPU, of a run of ~1.2-1.5 s). CPU time of this
    process, not wall time: the suite's other workers share the cores (a wall-clock bound
    failed under that load at 0.56 s), and the rest of a run is forked children this clock
    would not see, so the bound is absolute and loose."""
    if not BATCH_2024.is_file():
        pytest.skip("the shared Batch specs are not here")
    result = generate_files(BATCH_2024, Options("batch", "Batch"))
    assert result.files is not None
    started = time.process_time()
    assert compile_errors(result.files) == []
    guard = time.process_time() - started
    assert guard < 0.5, guard


# -- 2. a description with no operations ------------------------------------------------------

NO_PATHS = [SPECS / "webhooks-only-3.1.yaml", SPECS / "empty-paths-3.0.json"]


@pytest.fixture(scope="module")
def no_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, str]]]:
    root = tmp_path_factory.mktemp("no_paths")
    out: dict[str, tuple[Path, dict[str, str]]] = {}
    for spec in NO_PATHS:
        result = generate_files(spec, Options("nopaths"))
        assert result.files is not None, [p.format() for p in result.problems]
        assert not any(p.is_error for p in result.problems), [p.format() for p in result.problems]
        write_tree(root / spec.stem, result.files)
        out[spec.name] = (root / spec.stem, result.files)
    return out


@pytest.mark.parametrize("spec", NO_PATHS, ids=[s.name for s in NO_PATHS])
def test_no_operations_still_make_a_package(spec: Path, no_paths: dict[str, tuple[Path, dict[str, str]]]) -> None:
    root, files = no_paths[spec.name]
    assert "The description declares no operations, so the client has no operation groups yet" in files["README.md"]
    assert "print(client)  # no operations to call" in files["README.md"]
    assert "## Operations\n\nThe description declares no operations.\n" in files["docs/index.md"]
    sys.path.insert(0, str(root))
    try:
        package = importlib.import_module("nopaths")
        for module in pkgutil.walk_packages(package.__path__, "nopaths."):
            importlib.import_module(module.name)
        client = getattr(package, importlib.import_module("nopaths._client").__all__[0])("http://127.0.0.1:1")
        assert [g for g in vars(client) if not g.startswith("_")] == []
        client.close()
        assert getattr(package, importlib.import_module("nopaths.aio._client").__all__[0]).__name__.startswith("Async")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == "nopaths" or m.startswith("nopaths.")]:
            del sys.modules[name]


@pytest.mark.slow
@pytest.mark.parametrize("spec", NO_PATHS, ids=[s.name for s in NO_PATHS])
def test_no_operations_package_passes_mypy_strict(spec: Path, no_paths: dict[str, tuple[Path, dict[str, str]]]) -> None:
    root, _ = no_paths[spec.name]
    done = subprocess.run(  # as tests/test_public_specs.py runs it
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, "nopaths"],
        cwd=root, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.parametrize("spec", NO_PATHS, ids=[s.name for s in NO_PATHS])
def test_no_operations_project_has_tests_that_pass(spec: Path, no_paths: dict[str, tuple[Path, dict[str, str]]]) -> None:
    # pytest exits 5 when it collects nothing, which fails a user's CI: a project of an API with
    # no operations gets tests/test_package.py (its exports resolve, its clients open and close)
    from test_generated_tests import run_project_tests

    root, files = no_paths[spec.name]
    assert [p for p in files if p.startswith("tests/test_")] == ["tests/test_package.py"]
    run_project_tests(root)


@pytest.mark.parametrize("spec", NO_PATHS, ids=[s.name for s in NO_PATHS])
def test_no_operations_package_is_black_stable(spec: Path, no_paths: dict[str, tuple[Path, dict[str, str]]]) -> None:
    _, files = no_paths[spec.name]
    mode = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=88)
    assert [p for p, t in files.items() if p.endswith(".py") and black.format_str(t, mode=mode) != t] == []


# -- 3. percent-encoded $ref fragments --------------------------------------------------------


def test_a_list_index_is_ascii_digits_only() -> None:
    # '²' passes str.isdigit and fails int(): a $ref naming it was a traceback from the checks,
    # now an unresolvable reference, located
    from generator.problems import pointer_index

    assert [pointer_index(t, 3) for t in ("0", "2", "3", "\u00b2", "-1", "+1", "\u0663", "")] == [0, 2, None, None, None, None, None, None]
    doc = load_text(b"""openapi: 3.0.3
info: {title: Sup, version: "1"}
paths:
  /a:
    get:
      parameters:
        - {name: q, in: query, schema: {type: string}}
        - {name: r, in: query, schema: {$ref: "#/paths/~1a/get/parameters/\xc2\xb2/schema"}}
      responses:
        "200": {description: ok}
""", "sup.yaml")
    _, problems = check(doc)
    assert [p.format() for p in problems if p.is_error] == [
        (
            "sup.yaml:8:40: error: unresolvable $ref '#/paths/~1a/get/parameters/\u00b2/schema': no such node in this document"
            " (at #/paths/~1a/get/parameters/1/schema)"
        )
    ]


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


WALKED = [
    SPECS / "validator-walk-3.0.yaml",
    SPECS / "validator-walk-3.1.yaml",
    SPECS / "validator-findings-3.0.yaml",
    SPECS / "validator-odd-keys-3.0.yaml",
    SPECS / "validator-paths-3.0.yaml",
    SPECS / "validator-paths-2.0.yaml",
    SPECS / "validator-huge-index-3.0.yaml",
    ROOT / "tests" / "specs" / "multifile" / "openapi3" / "api.yaml",
    ROOT / "tests" / "specs" / "multifile" / "azure" / "widgets" / "widgets.json",
    *sorted((ROOT / "tests" / "specs" / "public").glob("*.*")),
]


def _same_findings_without(speedup: str, specs: list[Path], monkeypatch: pytest.MonkeyPatch) -> int:
    """Each description's openapi-spec-validator findings with and without one of ``validate``'s
    speed-ups (replaced by a no-op): exactly the same, in the same order. Returns how many."""
    from generator import validate
    from generator.load import load_document

    found = 0
    for spec in specs:
        doc = load_document(spec)
        version = "2.0" if "swagger" in doc.data else str(doc.data["openapi"])[:3]
        fast = [p.format() for p in validate.run_spec_validator(doc, version)]
        with monkeypatch.context() as m:
            m.setattr(validate, speedup, lambda *args: None)
            slow = [p.format() for p in validate.run_spec_validator(doc, version)]
        assert fast == slow, spec.name
        found += len(fast)
    return found


def test_the_validator_finds_the_same_walking_schema_values(monkeypatch: pytest.MonkeyPatch) -> None:
    # openapi-spec-validator 0.9.0 walks schemas through jsonschema_path, resolving each step from
    # the root; ours walks the values, following local $ref chains itself, and hands back to the
    # library's walk what it cannot vouch for (other documents, pointers into schema keywords).
    found = _same_findings_without("_walk_schemas_by_value", WALKED, monkeypatch)
    assert found >= 16  # the walk specs' findings (defaults, meta, required), so this means something


def test_the_validator_finds_the_same_walking_paths_by_value(monkeypatch: pytest.MonkeyPatch) -> None:
    # 0.9.0 walks path items, parameters, operations, responses and media types through
    # jsonschema_path too; ours reads the values (see validate._walk_paths_by_value)
    found = _same_findings_without("_walk_paths_by_value", WALKED, monkeypatch)
    assert found >= 40  # the paths specs' findings, duplicates and "could not finish" among them


def test_the_paths_value_walk_leaves_only_unsure_path_items_to_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    from openapi_spec_validator.validation import keywords

    from generator import validate
    from generator.load import load_document

    left: list[str] = []
    library = keywords.PathValidator.__call__

    def counted(self: Any, url: str, path_item: Any) -> Any:
        left.append(url)
        return library(self, url, path_item)

    monkeypatch.setattr(keywords.PathValidator, "__call__", counted)
    for name, version, expected in [
        ("validator-paths-3.0.yaml", "3.0", ["/c/{missing}"]),  # a response that is a string
        ("validator-paths-2.0.yaml", "2.0", ["/b", "/z"]),  # a parameter named 12; a $ref to a string
        ("validator-odd-keys-3.0.yaml", "3.0", []),
    ]:
        left.clear()
        validate.run_spec_validator(load_document(SPECS / name), version)
        assert left == expected, name


def test_the_value_walk_resolves_only_what_it_can_vouch_for() -> None:
    from generator.validate import _deref, _Unsure

    root = {"components": {"schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {"type": "string"}, "a/b": {"x": 1}}},
            "definitions": {"C": {"type": "integer"}, "D": {"$id": "http://x/d", "type": "string"}, "E": "text",
                            "F": {"id": "http://x/f"}}, "paths": {"/p": [{"n": 2}]}}
    assert _deref(root["components"]["schemas"]["A"], root) is root["components"]["schemas"]["B"]
    assert _deref({"$ref": "#/components/schemas/a~1b"}, root) == {"x": 1}
    assert _deref({"$ref": "#/paths/~1p/0"}, root) == {"n": 2}
    assert _deref({"$ref": "#/definitions/C"}, root) == {"type": "integer"}  # no $id on the way
    # the document is read as draft 2020-12: "$id" moves the base, "id" is only a property
    assert _deref({"$ref": "#/definitions/F"}, root) == {"id": "http://x/f"}
    assert _deref({"$ref": 5}, root) == {"$ref": 5}  # not a reference: a value like any other
    for ref in ("other.yaml#/A", "#/definitions/D", "#/definitions/E", "#/properties/x", "#/paths/~1p/\u00b2", "#/paths/~1p/-1", "#/components/schemas/Z", "#/paths/~1p/x", "#"):
        with pytest.raises(_Unsure):
            _deref({"$ref": ref}, root)
    loop: dict[str, Any] = {"components": {"schemas": {"L": {"$ref": "#/components/schemas/L"}}}}
    with pytest.raises(_Unsure):
        _deref(loop["components"]["schemas"]["L"], loop)


def test_an_annotated_reference_to_a_string_stays_a_string(tmp_path: Path) -> None:
    # allOf: [{$ref: <string schema>}, {description}] (AWS elasticbeanstalk) is that string: as an
    # empty object model, no valid value could be held (Prism found it on the corpus)
    result = generate_files(SPECS / "annotated-alias-3.0.yaml", Options("alias_pkg"))
    assert result.files is not None, [p.format() for p in result.problems]
    model = result.files["alias_pkg/models/_app.py"]
    assert "    name: str | None = None" in model and "    alias: str | None = None" in model
    assert not any(p.startswith("alias_pkg/models/_described") for p in result.files)
    write_tree(tmp_path / "out", result.files)
    sys.path.insert(0, str(tmp_path / "out"))
    try:
        app = importlib.import_module("alias_pkg").App.from_dict({"name": "n", "alias": "a"})
        assert (app.name, app.alias) == ("n", "a")
    finally:
        sys.path.remove(str(tmp_path / "out"))


def test_the_validator_finds_the_same_with_constant_time_dedupe(monkeypatch: pytest.MonkeyPatch) -> None:
    # openapi-spec-validator 0.9.0 keeps checked schema ids in a list (quadratic: 25 s of GitHub's
    # description); ours answers `in` from a set. The findings must be exactly the same.
    specs = sorted((ROOT / "tests" / "specs" / "public").glob("*.yaml")) + [SPECS / "validator-findings-3.0.yaml"]
    found = _same_findings_without("_dedupe_in_constant_time", specs, monkeypatch)
    assert found > 0  # some description here has findings, so the comparison means something


# -- 4. list indexes longer than int() reads, and deep chains -------------------------------------


def test_a_list_index_of_any_length_is_read_without_int() -> None:
    # int() refuses a string of more than 4,300 digits: a $ref with such an index was a traceback
    from generator.problems import pointer_index

    assert pointer_index("0" * 5000, 3) == 0  # leading zeros, as int reads them
    assert pointer_index("0" * 4999 + "2", 3) == 2
    assert pointer_index("1" + "0" * 5000, 3) is None  # far past the end, however long
    assert [pointer_index(t, 10) for t in ("007", "09", "10", "0010")] == [7, 9, None, None]


def test_a_huge_list_index_generates_a_package_with_warnings_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a parameter $ref and a schema $ref with 4,301-digit indexes: our checks, the IR and the
    # import sorter read them (the schema's name keeps its digits); openapi-spec-validator gives
    # up on the first, which is its warning, not our traceback
    spec = SPECS / "validator-huge-index-3.0.yaml"
    assert main(["generate", str(spec), "--out", str(tmp_path / "out"), "--package", "huge"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "error:" not in err
    assert "warning: openapi-spec-validator could not finish: ValueError: Exceeds the limit (4300 digits)" in err
    sources = {str(p): p.read_text() for p in (tmp_path / "out" / "huge").rglob("*.py")}
    assert len(sources) > 10 and compile_errors(sources) == []
    group = sources[str(tmp_path / "out" / "huge" / "operations" / "_as_.py")]
    assert "        q: str | None = None,\n" in group  # the path item's parameter, through the index
    assert f") -> N{'0' * 4301}:" in group  # the allOf member, through its index


def test_digit_runs_sort_by_value_at_any_length() -> None:
    import random

    from generator.pyfmt import _natural

    rng = random.Random(7)
    runs = [str(rng.randrange(10 ** rng.randrange(1, 30))).zfill(rng.randrange(1, 5)) for _ in range(400)]
    assert sorted(runs, key=lambda r: _natural("m" + r)) == sorted(runs, key=lambda r: (int(r), _natural("m" + r)))
    huge = ["m" + "9" * 5000, "m" + "1" + "0" * 5000, "m" + "0" * 5001, "m\u0663", "m2", "m\u00b2"]
    assert sorted(huge, key=_natural) == ["m" + "0" * 5001, "m2", "m\u0663", "m" + "9" * 5000, "m" + "1" + "0" * 5000, "m\u00b2"]


def _chain(levels: int, through: str) -> dict[str, Any]:
    """Schemas each holding the next through allOf and a property: every level's default is a
    finding, so a walk that gives up (or stops early) finds fewer."""
    schemas: dict[str, Any] = {}
    for i in range(levels):
        ref = {"plain": f"#/components/schemas/s{i + 1}", "x-key": f"#/x-chain/s{i + 1}"}[through]
        schemas[f"s{i}"] = {"allOf": [{"type": "object", "properties": {"n": {"$ref": ref}}, "default": None}]}
    schemas[f"s{levels}"] = {"type": "object"}
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/s0"}}}}}
    spec: dict[str, Any] = {"openapi": "3.0.3", "info": {"title": "d", "version": "1"}, "paths": {"/a": {"get": {"responses": ok}}}}
    spec["components"] = {"schemas": schemas}
    if through == "x-key":  # under a key the value walk cannot vouch for: the library walks the chain
        spec["x-chain"] = schemas
    return spec


@pytest.mark.parametrize("through", ["plain", "x-key"])
def test_a_deep_chain_is_walked_as_deep_as_the_library_walks_it(through: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the value walk must never give up where the library's own walk finishes: each place made
    # its path by recursion (four frames a level), and a chain handed back to the library was
    # taken back at each level (two frames more a level); both ended in RecursionError
    import json

    spec = tmp_path / f"chain-{through}.json"
    spec.write_text(json.dumps(_chain(250, through)))
    found = _same_findings_without("_walk_schemas_by_value", [spec], monkeypatch)
    assert found >= 2 * 250  # two findings a level: none of them "could not finish"
