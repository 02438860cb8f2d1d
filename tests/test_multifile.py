"""Multi-file descriptions: ``$ref``s to other local files are bundled into one document.

Laid out as Azure's REST specs are (a Swagger 2.0 root whose operations use
``../common-types/types.json#/parameters/...`` and ``#/definitions/...``, the common file naming a
third file) and as multi-file OpenAPI 3.0 YAML is (whole-file refs, a path item in its own file).
The packages generate, import, keep the common files' model names and talk to a real HTTP server;
problems are located in the file where the node is; the no-op cache and ``check`` follow the
referenced files. The located errors are snapshot-tested in ``tests/specs/broken/external_*``.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.__main__ import main
from generator.options import Options
from generator.bundle import has_external_refs
from generator.load import load_document, load_file
from generator.pipeline import generate_files
from generator.write import write_tree

ROOT = Path(__file__).resolve().parent.parent
MULTI = ROOT / "tests" / "specs" / "multifile"
AZURE = MULTI / "azure" / "widgets" / "widgets.json"
OPENAPI3 = MULTI / "openapi3" / "api.yaml"
BATCH_2024 = ROOT.parent / "shared" / "specs" / "azure-batch" / "2024-07-01.20.0" / "BatchService.json"


def _generate(tmp: Path, spec: Path, package: str) -> tuple[ModuleType, list[str]]:
    result = generate_files(spec, Options(package), str(spec.relative_to(ROOT)))
    assert result.files is not None, [p.format() for p in result.problems]
    write_tree(tmp / package, result.files)
    sys.path.insert(0, str(tmp / package))
    return importlib.import_module(package), [p.format() for p in result.problems]


@pytest.fixture(scope="module")
def widgets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, list[str]]]:
    yield _generate(tmp_path_factory.mktemp("mf_azure"), AZURE, "mf_widgets")


@pytest.fixture(scope="module")
def shelter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, list[str]]]:
    yield _generate(tmp_path_factory.mktemp("mf_oas3"), OPENAPI3, "mf_shelter")


class Service:
    """Answers each path with the (status, JSON) the test put in ``answers``; records requests."""

    def __init__(self) -> None:
        self.answers: dict[str, tuple[int, Any]] = {}
        self.seen: list[str] = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                service.seen.append(self.path)
                status, answer = service.answers.get(self.path.split("?")[0], (404, {}))
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def service() -> Iterator[Service]:
    s = Service()
    yield s
    s.close()


# -- generation ----------------------------------------------------------------------------------


def test_azure_layout_generates_with_the_common_files_names(widgets: tuple[ModuleType, list[str]]) -> None:
    package, problems = widgets
    assert problems == []
    for name in ("Widget", "WidgetList", "ErrorResponse", "ErrorDetail", "ErrorAdditionalInfo"):
        assert isinstance(getattr(package, name), type), name
    assert not [n for n in package.__all__ if n.endswith("_2") or n[-1].isdigit()]  # nothing renamed


def test_bundled_document_points_into_its_own_sections() -> None:
    doc = load_document(AZURE, "widgets.json")
    operation = doc.data["paths"]["/widgets/{widgetName}"]["get"]
    assert operation["parameters"][1] == {"$ref": "#/parameters/ApiVersionParameter"}
    assert operation["responses"]["default"]["schema"] == {"$ref": "#/definitions/ErrorResponse"}
    assert doc.data["parameters"]["ApiVersionParameter"]["name"] == "api-version"
    items = doc.data["definitions"]["ErrorDetail"]["properties"]["additionalInfo"]["items"]
    assert items == {"$ref": "#/definitions/ErrorAdditionalInfo"}  # the nested file, two levels down
    # each file read once, in the order met
    assert [p.name for p in doc.inputs] == ["widgets.json", "types.json", "additional-info.json"]


def test_openapi3_yaml_variant(shelter: tuple[ModuleType, list[str]]) -> None:
    package, problems = shelter
    assert problems == []
    for name in ("Pet", "Owner", "Error"):
        assert isinstance(getattr(package, name), type), name
    doc = load_document(OPENAPI3)
    # `Pet: {$ref: schemas/pet.yaml}` took the file's content; the other refs to it point there
    assert doc.data["components"]["schemas"]["Pet"]["required"] == ["id", "name"]
    items = doc.data["paths"]["/pets"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["items"]
    assert items == {"$ref": "#/components/schemas/Pet"}
    # the path item of paths/pet.yaml is copied in place, its refs rewritten from its own folder
    assert doc.data["paths"]["/pets/{petId}"]["get"]["parameters"] == [{"$ref": "#/components/parameters/PetId"}]


def test_clients_talk_to_a_real_server_and_decode_the_common_models(
    widgets: tuple[ModuleType, list[str]], shelter: tuple[ModuleType, list[str]], service: Service
) -> None:
    package, _ = widgets
    service.answers["/widgets/w1"] = (200, {"name": "w1", "size": 3, "lastError": {"code": "Late", "message": "late"}})
    error = {
        "error": {
            "code": "WidgetNotFound",
            "message": "no such widget",
            "details": [{"code": "Inner"}],
            "additionalInfo": [{"type": "PolicyViolation", "info": {"policy": "p1"}}],
        }
    }
    service.answers["/widgets/nope"] = (404, error)
    with package.WidgetsClient(service.url) as client:
        widget = client.widgets.get("w1")
        assert isinstance(widget, package.Widget) and widget.size == 3
        assert isinstance(widget.last_error, package.ErrorDetail) and widget.last_error.code == "Late"
        with pytest.raises(package.WidgetsServiceError) as caught:
            client.widgets.get("nope")
    body = caught.value.error
    assert isinstance(body, package.ErrorResponse) and isinstance(body.error, package.ErrorDetail)
    assert body.error.code == "WidgetNotFound"
    assert isinstance(body.error.details[0], package.ErrorDetail)
    info = body.error.additional_info[0]
    assert isinstance(info, package.ErrorAdditionalInfo) and info.type == "PolicyViolation"
    assert service.seen[0] == "/widgets/w1?api-version=2024-01-01"  # the common file's parameter

    pets, _ = shelter
    service.answers["/v1/pets/7"] = (200, {"id": 7, "name": "Rex", "owner": {"name": "Ann"}})
    service.answers["/v1/pets/8"] = (404, {"code": "NotFound", "message": "no pet 8"})
    with pets.PetShelterClient(service.url + "/v1") as client:
        pet = client.pets.get(7)
        assert isinstance(pet, pets.Pet) and isinstance(pet.owner, pets.Owner) and pet.owner.name == "Ann"
        with pytest.raises(pets.PetShelterServiceError) as missing:
            client.pets.get(8)
    assert isinstance(missing.value.error, pets.Error) and missing.value.error.message == "no pet 8"


@pytest.mark.slow
@pytest.mark.parametrize("spec", [AZURE, OPENAPI3], ids=["azure", "openapi3"])
def test_passes_mypy_strict(spec: Path, tmp_path: Path) -> None:
    result = generate_files(spec, Options("mf_typed"))
    assert result.files is not None
    write_tree(tmp_path / "out", result.files)
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, "mf_typed"],
        cwd=tmp_path / "out", capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]


# -- where problems are --------------------------------------------------------------------------


def _copy(tmp_path: Path, source: Path) -> Path:
    shutil.copytree(source, tmp_path / source.name)
    return tmp_path / source.name


def test_problems_in_a_referenced_file_are_located_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    azure = _copy(tmp_path, MULTI / "azure")
    types = azure / "common-types" / "types.json"
    text = types.read_text()
    # a validator warning and a build warning, both about nodes of the common file
    text = text.replace('"code": {"type": "string", "readOnly": true}', '"code": {"type": "string", "readOnly": "yes"}')
    text = text.replace('"message": {"type": "string", "readOnly": true}', '"message": {"type": "string", "readOnly": true}, "Message": {"type": "string"}')
    types.write_text(text)
    monkeypatch.chdir(azure)
    assert main(["generate", "widgets/widgets.json", "--out", "out", "--package", "w"]) == 0
    err = capsys.readouterr().err
    lines = text.splitlines()
    yes = next(i for i, line in enumerate(lines, 1) if '"yes"' in line)
    yes_col = lines[yes - 1].index('"yes"') + 1
    message = next(i for i, line in enumerate(lines, 1) if '"Message"' in line)
    message_col = lines[message - 1].index('"Message"') + len('"Message": ') + 1  # the value
    assert (
        f"common-types/types.json:{yes}:{yes_col}: warning: openapi-spec-validator: "
        "'yes' is not of type 'boolean' (at #/definitions/ErrorDetail/properties/code/readOnly)\n"
    ) in err
    assert (
        f"common-types/types.json:{message}:{message_col}: warning: property 'Message' is named message_2 "
        "to avoid a clash with another property (at #/definitions/ErrorDetail/properties/Message)\n"
    ) in err
    assert "widgets/widgets.json:" not in err  # nothing is blamed on the root


def test_an_error_inside_a_referenced_path_item_is_located_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    oas3 = _copy(tmp_path, MULTI / "openapi3")
    path_file = oas3 / "paths" / "pet.yaml"
    path_file.write_text(path_file.read_text().replace("  parameters:\n    - $ref: ../common.yaml#/components/parameters/PetId\n", ""))
    monkeypatch.chdir(oas3)
    assert main(["generate", "api.yaml", "--out", "out", "--package", "p"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "paths/pet.yaml:2:3: error: path template variable {petId} of GET /pets/{petId} has no 'in: path' parameter named 'petId' (at #/get)\n"
    )
    assert not (oas3 / "out").exists()


def test_a_name_taken_in_the_root_gets_a_suffix_and_a_located_warning(tmp_path: Path) -> None:
    azure = _copy(tmp_path, MULTI / "azure")
    root = azure / "widgets" / "widgets.json"
    data = json.loads(root.read_text())
    data["definitions"]["ErrorDetail"] = {"type": "object", "properties": {"reason": {"type": "string"}}}
    root.write_text(json.dumps(data, indent=2))
    result = generate_files(root, Options("w"), "widgets/widgets.json")
    assert result.files is not None
    warnings = [p.format() for p in result.problems]
    assert any(
        p.startswith("common-types/types.json:16:20: warning: ")
        and "'ErrorDetail' is bundled as #/definitions/ErrorDetail_2: its name is taken in widgets/widgets.json (at #/definitions/ErrorDetail)" in p
        for p in warnings
    ), warnings
    models = result.files["w/models/__init__.py"]
    # both kept, the root's under its name
    assert '"ErrorDetail": "._error_detail"' in models and '"ErrorDetail2": "._error_detail2"' in models
    assert "reason" in result.files["w/models/_error_detail.py"]


def test_nested_files_cycles_and_refs_back_to_the_root(tmp_path: Path) -> None:
    (tmp_path / "api").mkdir()
    (tmp_path / "lib").mkdir()
    (tmp_path / "api" / "root.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: Loop, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: A_Get\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema: {$ref: '../lib/a.json#/components/schemas/A'}\n"
        "components:\n  schemas:\n    Root:\n      type: object\n      properties:\n        a: {$ref: '../lib/a.json#/components/schemas/A'}\n"
    )
    (tmp_path / "lib" / "a.json").write_text(json.dumps({"components": {"schemas": {
        "A": {"type": "object", "properties": {"b": {"$ref": "b.yaml#/components/schemas/B"}, "self": {"$ref": "#/components/schemas/A"}}},
    }}}))
    (tmp_path / "lib" / "b.yaml").write_text(
        "components:\n  schemas:\n    B:\n      type: object\n      properties:\n"
        "        a: {$ref: 'a.json#/components/schemas/A'}\n"  # back to the file that named this one
        "        root: {$ref: '../api/root.yaml#/components/schemas/Root'}\n"  # back to the root
        "        tags: {$ref: 'a.json#/components/schemas/A/properties/self'}\n"  # into a definition
    )
    doc = load_document(tmp_path / "api" / "root.yaml")
    schemas = doc.data["components"]["schemas"]
    assert list(schemas) == ["Root", "A", "B"]
    assert schemas["A"]["properties"] == {"b": {"$ref": "#/components/schemas/B"}, "self": {"$ref": "#/components/schemas/A"}}
    assert schemas["B"]["properties"]["a"] == {"$ref": "#/components/schemas/A"}
    assert schemas["B"]["properties"]["root"] == {"$ref": "#/components/schemas/Root"}
    assert schemas["B"]["properties"]["tags"] == {"$ref": "#/components/schemas/A/properties/self"}
    assert sorted(p.name for p in doc.inputs) == ["a.json", "b.yaml", "root.yaml"]
    result = generate_files(tmp_path / "api" / "root.yaml", Options("loop"))
    assert result.files is not None and [p.format() for p in result.problems] == []
    assert "b: B | None" in result.files["loop/models/_a.py"]


def test_a_purely_circular_ref_across_files_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "root.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: C, version: '1'}\npaths:\n  /a:\n    $ref: one.yaml\n"
    )
    (tmp_path / "one.yaml").write_text("$ref: two.yaml\n")
    (tmp_path / "two.yaml").write_text("$ref: one.yaml\n")
    result = generate_files(tmp_path / "root.yaml", Options("c"), "root.yaml")
    assert result.files is None
    assert [p.format() for p in result.problems] == [
        "two.yaml:1:1: error: circular $ref never reaches a definition: 'one.yaml' (at #)"
    ]


# -- cost: nothing extra without external refs ---------------------------------------------------


def test_only_a_scan_when_there_is_no_external_ref() -> None:
    assert not has_external_refs(load_file(ROOT / "spec" / "batch-slice.json", "x"))
    assert not has_external_refs(load_file(ROOT / "spec" / "batch-task-reactivate.yaml", "x"))
    assert has_external_refs(load_file(AZURE, "x")) and has_external_refs(load_file(OPENAPI3, "x"))
    if BATCH_2024.is_file():  # Microsoft's 800 KB description: only x-ms-examples point elsewhere
        assert not has_external_refs(load_file(BATCH_2024, "x"))


# -- the no-op cache and `check` follow the referenced files -------------------------------------


def test_editing_only_the_common_file_makes_check_stale_and_generate_run(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MULTI / "azure", project / "specs")
    (project / "pyproject.toml").write_text(
        '[[tool.generator.packages]]\nspec = "specs/widgets/widgets.json"\nout = "generated/widgets"\npackage = "widgets"\n'
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, env=env, capture_output=True, text=True)

    first = run("generate")
    assert first.returncode == 0, first.stderr
    assert "up to date (nothing to do)" in run("generate").stdout
    assert run("check").returncode == 0
    # the common file is outside the spec's folder: only the list of files read covers it
    types = project / "specs" / "common-types" / "types.json"
    types.write_text(types.read_text().replace('"description": "An error."', '"description": "An error, as the service reports it."'))
    check = run("check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "generated/widgets/widgets/models/_error_detail.py: stale" in check.stdout
    regenerated = run("generate")
    assert regenerated.returncode == 0 and "nothing to do" not in regenerated.stdout
    assert "An error, as the service reports it." in (project / "generated" / "widgets" / "widgets" / "models" / "_error_detail.py").read_text()
    assert "up to date (nothing to do)" in run("generate").stdout
    assert run("check").returncode == 0
    # the third file, named only by the common file
    info = project / "specs" / "common-types" / "v2" / "additional-info.json"
    info.write_text(info.read_text().replace("More about an error.", "More about an error, if any."))
    assert "nothing to do" not in run("generate").stdout


def test_example_files_of_a_referenced_path_item_are_found_beside_it(tmp_path: Path) -> None:
    (tmp_path / "ops" / "examples").mkdir(parents=True)
    (tmp_path / "root.json").write_text(json.dumps({
        "swagger": "2.0", "info": {"title": "Ex", "version": "1"},
        "paths": {"/a": {"$ref": "ops/a.json#/paths/~1a"}},
    }))
    (tmp_path / "ops" / "a.json").write_text(json.dumps({
        "swagger": "2.0", "info": {"title": "Ops", "version": "1"},
        "paths": {"/a": {"get": {
            "operationId": "A_Get",
            "x-ms-examples": {"Get an A": {"$ref": "./examples/GetA.json"}},
            "responses": {"200": {"description": "ok", "schema": {"type": "object", "properties": {"n": {"type": "integer"}}}}},
        }}},
    }))
    example = tmp_path / "ops" / "examples" / "GetA.json"
    example.write_text(json.dumps({"parameters": {}, "responses": {"200": {"body": {"n": 1}}}}))
    result = generate_files(tmp_path / "root.json", Options("ex"), "root.json")
    assert result.files is not None and [p.format() for p in result.problems] == []
    assert result.api is not None and result.doc is not None
    (found,) = result.api.groups[0].operations[0].examples
    assert found.source == "ops/examples/GetA.json" and found.responses == (("200", '{\n  "n": 1\n}'),)
    assert example in result.doc.inputs  # so the no-op cache hashes it


def test_the_same_definition_written_out_again_is_one_model(tmp_path: Path) -> None:
    azure = _copy(tmp_path, MULTI / "azure")
    root = azure / "widgets" / "widgets.json"
    data = json.loads(root.read_text())
    info = json.loads((azure / "common-types" / "v2" / "additional-info.json").read_text())
    data["definitions"]["ErrorAdditionalInfo"] = info["definitions"]["ErrorAdditionalInfo"]  # a local copy
    root.write_text(json.dumps(data, indent=2))
    result = generate_files(root, Options("w"), "widgets/widgets.json")
    assert result.files is not None and [p.format() for p in result.problems] == []
    assert "w/models/_error_additional_info2.py" not in result.files
    assert result.doc is not None and "ErrorAdditionalInfo_2" not in result.doc.data["definitions"]
