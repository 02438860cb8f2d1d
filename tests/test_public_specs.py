"""Varied descriptions beyond Batch (Swagger 2.0, OpenAPI 3.0 and 3.1; odd names, recursion,
maps, binary bodies, unsupported constructs): each generates an importable, typed package, with
located warnings for what is not supported."""

from __future__ import annotations

import enum
import importlib
import json
import os
import pkgutil
import re
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from generator.contract import LINT_TOOLS, RUFF_RULES
from generator.options import Options
from generator.pipeline import generate_files
from generator.write import write_tree
from test_generated_tests import run_project_tests

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ROOT / "tests" / "specs" / "public"
SPECS = sorted(PUBLIC.iterdir())


def _package_name(spec: Path) -> str:
    return "pub_" + spec.stem.replace("-", "_").replace(".", "_")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[str]]]:
    root = tmp_path_factory.mktemp("public")
    out: dict[str, tuple[Path, list[str]]] = {}
    for spec in SPECS:
        name = _package_name(spec)
        result = generate_files(spec, Options(name))
        assert result.files is not None, [p.format() for p in result.problems]
        write_tree(root / name, result.files)
        out[spec.name] = (root / name, [p.format() for p in result.problems])
    return out


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_generates_and_imports(spec: Path, generated: dict[str, tuple[Path, list[str]]]) -> None:
    root, _ = generated[spec.name]
    name = _package_name(spec)
    sys.path.insert(0, str(root))
    try:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, name + "."):
            importlib.import_module(module.name)
        client_module = importlib.import_module(name + "._client")
        client = getattr(package, client_module.__all__[0])("http://127.0.0.1:1")  # its one export
        assert [g for g in vars(client) if not g.startswith("_")]
    finally:
        sys.path.remove(str(root))


@pytest.mark.slow
@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_passes_mypy_strict(spec: Path, generated: dict[str, tuple[Path, list[str]]]) -> None:
    root, _ = generated[spec.name]
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", _package_name(spec)]
        + (["tests"] if (root / "tests").is_dir() else []),  # the project's own tests too
        cwd=root, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_project_tests_pass(spec: Path, generated: dict[str, tuple[Path, list[str]]]) -> None:
    """The project's own tests: every operation, required and all arguments, sync and async,
    against its fake (tests/test_generated_tests.py runs the goldens' and full Batch's)."""
    root, _ = generated[spec.name]
    run_project_tests(root)


def test_unsupported_constructs_are_located_warnings(generated: dict[str, tuple[Path, list[str]]]) -> None:
    _, tree = generated["tree-3.1.yaml"]
    assert not any("cookie" in p for p in tree)  # cookie parameters are sent (tests/test_styles.py)
    assert not any("oneOf" in p for p in tree)  # a union now: Soil | str
    root, _ = generated["tree-3.1.yaml"]
    assert ") -> Soil | str:" in (root / "pub_tree_3_1" / "operations" / "_soils.py").read_text()
    _, pets = generated["petstore-2.0.json"]
    assert not any("'file'" in p for p in pets)  # multipart uploads are sent (tests/test_bodies.py)


def test_odd_names_are_resolved_once(generated: dict[str, tuple[Path, list[str]]]) -> None:
    root, problems = generated["odd-names.yaml"]
    models = {p.stem: p.read_text() for p in (root / "pub_odd_names" / "models").glob("*.py")}
    client_model = models["_batch_client"]  # a model may be called BatchClient: the client here is OddNamesTheClient
    assert "class BatchClient(Model):" in client_model and "class Import_2(Model):" in models["_import2"]
    for attr in ("class_:", "n2fa:", "odata_next_link:", "foo_bar:", "foo_bar_2:", "foo_bar_3:", "to_dict_:", "additional_properties_:", "str_:", "datetime_:", "ünïcödé:", "value:"):
        assert attr in client_model, attr
    ops = (root / "pub_odd_names" / "operations" / "_classes.py").read_text()
    for param in ("from_: str", "self_: str | None", "request_options_: str | None", "filter_: str | None", "n2fa: bool | None", "x_odd_header: str | None", "path: str | None"):
        assert param in ops, param
    assert any("foo_bar_2" in p for p in problems)


def test_petstore_round_trip_without_auth(generated: dict[str, tuple[Path, list[str]]]) -> None:
    seen: list[tuple[str, str, bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def _reply(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode() if body is not None else b""
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            seen.append(("GET", self.path, b""))
            if self.path.startswith("/v2/pets/7"):
                return self._reply(200, {"id": 7, "name": "rex", "tag": "dog"})
            return self._reply(200, [{"id": 1, "name": "a"}, {"id": 2, "name": "b", "tag": "cat", "extra": True}])

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            seen.append(("POST", self.path, body))
            return self._reply(200, {"id": 3, **json.loads(body)})

        def do_DELETE(self) -> None:
            seen.append(("DELETE", self.path, b""))
            return self._reply(404, {"code": 404, "message": "no such pet"})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root, _ = generated["petstore-3.0.yaml"]
    sys.path.insert(0, str(root))
    try:
        pets = importlib.import_module("pub_petstore_3_0")
        with pets.SwaggerPetstoreClient(f"http://127.0.0.1:{server.server_address[1]}/v2") as client:
            found = client.pets.find(tags=["dog", "cat"], limit=10)
            assert [p.name for p in found] == ["a", "b"] and found[1].additional_properties == {"extra": True}
            assert client.pets.find_by_id(7).tag == "dog"  # operationId "find pet by id", the group noun dropped
            created = client.pets.add(pets.NewPet(name="new", tag="t"))
            assert created.id == 3 and created.name == "new"
            with pytest.raises(pets.SwaggerPetstoreServiceError) as caught:
                client.pets.delete(9)
            assert caught.value.status_code == 404
    finally:
        sys.path.remove(str(root))
        server.shutdown()
        server.server_close()
    assert seen[0][1] == "/v2/pets?tags=dog&tags=cat&limit=10"  # style form, exploded by default
    assert json.loads(seen[2][2]) == {"name": "new", "tag": "t"}
    assert seen[3][:2] == ("DELETE", "/v2/pets/9")


def test_enums_are_str_enums(generated: dict[str, tuple[Path, list[str]]]) -> None:
    """``enum.StrEnum`` (ruff's UP042): ``str()`` and f-strings give the wire value, as the
    ``str, Enum`` classes' own ``__str__`` did before; members are still ``str``."""
    root, _ = generated["petstore-2.0.json"]
    sys.path.insert(0, str(root))
    try:
        status = importlib.import_module("pub_petstore_2_0.models").PetStatus
        assert issubclass(status, enum.StrEnum)
        assert str(status.SOLD) == f"{status.SOLD}" == "sold" == status.SOLD and repr(status.SOLD) == "<PetStatus.SOLD: 'sold'>"
    finally:
        sys.path.remove(str(root))


def _lint_roots(generated: dict[str, tuple[Path, list[str]]]) -> list[Path]:
    """The project folders linted: the two goldens and every public-spec package."""
    return [ROOT / "generated" / "batch_client", ROOT / "generated" / "batch_slice"] + [root for root, _ in generated.values()]


def test_ruff_finds_nothing(generated: dict[str, tuple[Path, list[str]]]) -> None:
    """ruff's default rules and ``contract.RUFF_RULES`` (I, UP, F, ASYNC, TC), given here too, in
    case a generated pyproject stopped naming them. Each package's own pyproject applies (its
    ``requires-python``, and its per-file ASYNC109 exemptions: checked below to be narrow)."""
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
         "--extend-select", ",".join(RUFF_RULES), *map(str, _lint_roots(generated))],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr


def test_ruff_exemptions_are_narrow(generated: dict[str, tuple[Path, list[str]]]) -> None:
    """The generated pyproject's only exemptions: ASYNC109, for async modules whose methods take a
    description's ``timeout`` parameter; and every such module is listed."""
    for root in _lint_roots(generated):
        lint = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["ruff"]["lint"]
        assert lint["extend-select"] == list(RUFF_RULES)
        ignored = lint.get("per-file-ignores", {})
        assert set(map(tuple, ignored.values())) <= {("ASYNC109",)}, ignored
        timeout = re.compile(r"^        timeout: ", re.M)
        expected = {
            path.relative_to(root).as_posix()
            for path in root.glob("*/aio/operations/_*.py")
            if timeout.search(path.read_text())
        }
        assert set(ignored) == expected, root


def test_pyright_finds_nothing(generated: dict[str, tuple[Path, list[str]]]) -> None:
    """pyright in standard mode (the generated pyproject's setting) over every package and its
    project's tests, in one run."""
    packages = [p for root in _lint_roots(generated) for p in root.iterdir() if (p / "__init__.py").exists() or p.name == "tests"]
    done = subprocess.run(
        [sys.executable, "-m", "pyright", "--pythonpath", sys.executable, "--outputjson", *map(str, packages)],
        capture_output=True, text=True, timeout=300,
        # the tests import their package as its project would: from the project folder (pyright
        # takes the interpreter's sys.path, PYTHONPATH included)
        env={**os.environ, "PYTHONPATH": os.pathsep.join(map(str, _lint_roots(generated)))},
    )
    report = json.loads(done.stdout) if done.stdout.startswith("{") else {}
    errors = [f"{d['file']}:{d['range']['start']['line'] + 1}: {d['message']}" for d in report.get("generalDiagnostics", []) if d["severity"] == "error"]
    assert report and report["summary"]["errorCount"] == 0 and done.returncode == 0, "\n".join(errors[:50]) or done.stdout[-3000:] + done.stderr[-3000:]


def test_lint_tools_pinned_alike() -> None:
    """The generated project's ``dev`` extra pins what this project tests with (one version each)."""
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    for tool, version in LINT_TOOLS:
        assert f"{tool}=={version}" in extra, tool
    dev = tomllib.loads((ROOT / "generated" / "batch_client" / "pyproject.toml").read_text())["project"]["optional-dependencies"]["dev"]
    assert dev == [f"{tool}=={version}" for tool, version in LINT_TOOLS]
