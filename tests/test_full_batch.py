"""Microsoft's full Batch descriptions (Swagger 2.0 and an OpenAPI 3.0 conversion) generate
complete, importable, typed packages: every operationId has its method in both clients."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.options import Options
from generator.pipeline import generate_files
from generator.write import write_tree

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "specs" / "azure-batch"
SPECS = {
    "batch2024": SHARED / "2024-07-01.20.0" / "BatchService.json",
    "batch2018": SHARED / "2018-08-01.7.0" / "BatchService.openapi3.json",
}
OPTIONS = dict(client_name="Batch", credential_scopes=("https://batch.core.windows.net//.default",))
EXPECTED_METHODS = {  # from the issue: names AutoRest users know
    "Pool_ListUsageMetrics": ("pools", "list_usage_metrics"),
    "ComputeNodeExtension_Get": ("compute_node_extensions", "get"),
    "Pool_RemoveNodes": ("pools", "remove_nodes"),
    "Task_Reactivate": ("tasks", "reactivate"),
    "Task_List": ("tasks", "list"),
    "Pool_Exists": ("pools", "exists"),
}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Any]]:
    out: dict[str, tuple[Path, Any]] = {}
    root = tmp_path_factory.mktemp("full")
    for name, spec in SPECS.items():
        result = generate_files(spec, Options(name, **OPTIONS))  # type: ignore[arg-type]
        assert result.files is not None, [p.format() for p in result.problems if p.is_error]
        assert not [p for p in result.problems if "example file" not in p.message], [p.format() for p in result.problems]
        write_tree(root / name, result.files)
        sys.path.insert(0, str(root / name))
        out[name] = (root / name, importlib.import_module(name))
    return out


def _operation_ids(spec: Path) -> list[str]:
    data = json.loads(spec.read_text())
    return [op["operationId"] for item in data["paths"].values() for op in item.values() if isinstance(op, dict) and "operationId" in op]


@pytest.mark.parametrize("name", SPECS)
def test_every_module_imports_and_every_model_exists(name: str, packages: dict[str, tuple[Path, Any]]) -> None:
    _, package = packages[name]
    modules = [m.name for m in pkgutil.walk_packages(package.__path__, name + ".")]
    for module in modules:
        importlib.import_module(module)
    models = importlib.import_module(name + ".models")
    for model in models.__all__:
        assert inspect.isclass(getattr(models, model)), model
    assert len(models.__all__) == len(set(models.__all__))
    assert len(modules) > 150


@pytest.mark.parametrize("name", SPECS)
def test_every_operation_id_has_its_method_in_both_clients(name: str, packages: dict[str, tuple[Path, Any]]) -> None:
    root, package = packages[name]
    ids = _operation_ids(SPECS[name])
    assert len(ids) in (76, 77)
    docs = "\n".join(p.read_text() for p in (root / "docs").glob("*.md"))
    sync = package.BatchClient("http://127.0.0.1:1", package.SharedKeyCredential("a", "a2V5"))
    asyn = package.AsyncBatchClient("http://127.0.0.1:1", package.SharedKeyCredential("a", "a2V5"))
    found = 0
    for group_name in [g for g in vars(sync) if not g.startswith("_")]:
        for method_name, method in inspect.getmembers(getattr(sync, group_name), inspect.ismethod):
            if method_name.startswith("_"):
                continue
            async_method = getattr(getattr(asyn, group_name), method_name)
            assert inspect.signature(method).parameters.keys() == inspect.signature(async_method).parameters.keys()
            found += 1
    assert found == len(ids)
    for operation_id in ids:
        assert f"Operation `{operation_id}`" in docs, operation_id
    for operation_id, (group, method) in EXPECTED_METHODS.items():
        if operation_id in ids:
            assert callable(getattr(getattr(sync, group), method)), operation_id


@pytest.mark.slow
@pytest.mark.parametrize("name", SPECS)
def test_full_package_passes_mypy_strict(name: str, packages: dict[str, tuple[Path, Any]]) -> None:
    root, _ = packages[name]
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", name],
        cwd=root, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_missing_example_files_are_located_warnings() -> None:
    result = generate_files(SPECS["batch2024"], Options("b", **OPTIONS))  # type: ignore[arg-type]
    missing = [p for p in result.problems if "example file" in p.message]
    assert len(missing) > 50 and all(p.line and p.pointer.endswith("/$ref") and not p.is_error for p in missing)
    assert not any("TaskList.json" in p.message for p in missing)  # that one is present


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_raw_tasks_get_keeps_etag_and_request_id_beside_the_task(mode: str, packages: dict[str, tuple[Path, Any]]) -> None:
    """The issue's example: ``client.with_raw_response.tasks.get(job_id, task_id)``."""
    import asyncio

    from fault_server import Action, FaultServer

    _, bp = packages["batch2024"]
    server = FaultServer()
    headers = {"Content-Type": "application/json", "ETag": '"0x8D"', "Last-Modified": "Tue, 24 Nov 2026 22:00:00 GMT", "request-id": "r-42"}
    server.default = Action(200, headers, json.dumps({"id": "task1", "state": "completed"}).encode())
    credential = bp.SharedKeyCredential("acct", "a2V5")
    try:
        if mode == "sync":
            with bp.BatchClient(server.endpoint, credential) as client:
                raw = client.with_raw_response.tasks.get("job1", "task1")
                plain = client.tasks.get("job1", "task1")
        else:
            async def go() -> Any:
                async with bp.AsyncBatchClient(server.endpoint, credential) as client:
                    return await client.with_raw_response.tasks.get("job1", "task1"), await client.tasks.get("job1", "task1")

            raw, plain = asyncio.run(go())
    finally:
        server.close()
    task = raw.parse()
    assert isinstance(task, bp.CloudTask) and task == plain and task.state is bp.TaskState.COMPLETED
    assert raw.status_code == 200 and raw.headers["etag"] == raw.headers["ETag"] == '"0x8D"'
    typed = raw.parse_headers()
    assert type(typed).__name__ == "TaskGetHeaders" and typed.etag == '"0x8D"' and typed.request_id == "r-42"
    assert typed.last_modified is not None and typed.last_modified.hour == 22
    assert [s.target.split("?")[0] for s in server.seen] == ["/jobs/job1/tasks/task1"] * 2
