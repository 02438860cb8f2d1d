"""A spec of the same operation written by someone else (other $ref layout, other descriptions,
OpenAPI 3.1, tag Tasks, no operationId prefix), as YAML and as JSON: the generated client has the
same public interface as batch_client and works against an independent fake."""

from __future__ import annotations

import datetime
import importlib
import inspect
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from fake_batch import ACCOUNT, KEY
from fake_batch_alt import AltFake

import batch_client
from generator.options import Options
from generator.pipeline import generate_files
from generator.write import write_tree

ALT = Path(__file__).resolve().parent / "specs" / "alt"
OPTIONS = dict(client_name="Batch", credential_scopes=("https://batch.core.windows.net//.default",))


def _generate(spec: Path, package: str, tmp: Path) -> ModuleType:
    result = generate_files(spec, Options(package, **OPTIONS))  # type: ignore[arg-type]
    assert result.files is not None, [p.format() for p in result.problems]
    write_tree(tmp / package, result.files)
    sys.path.insert(0, str(tmp / package))
    try:
        return importlib.import_module(package)
    finally:
        sys.path.pop(0)


def test_json_twin_holds_the_same_description() -> None:
    from generator.load import load_document

    assert load_document(ALT / "task-reactivate.json").data == load_document(ALT / "task-reactivate.yaml").data


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_same_public_interface_and_works_against_an_independent_fake(fmt: str, tmp_path: Path) -> None:
    alt = _generate(ALT / f"task-reactivate.{fmt}", f"batch_alt_{fmt}", tmp_path)
    for name in ("BatchClient", "AsyncBatchClient", "BatchServiceError", "SharedKeyCredential", "TaskReactivateHeaders", "BatchError"):
        assert hasattr(alt, name) == hasattr(batch_client, name), name
    ours = inspect.signature(batch_client.BatchClient("http://127.0.0.1:1", batch_client.SharedKeyCredential(ACCOUNT, KEY)).tasks.reactivate)
    theirs = inspect.signature(alt.BatchClient("http://127.0.0.1:1", alt.SharedKeyCredential(ACCOUNT, KEY)).tasks.reactivate)
    assert [(p.name, p.kind, p.default, str(p.annotation)) for p in ours.parameters.values()] == [
        (p.name, p.kind, p.default, str(p.annotation)) for p in theirs.parameters.values()
    ]
    assert alt.TaskReactivateHeaders._fields == batch_client.TaskReactivateHeaders._fields

    fake = AltFake(ACCOUNT, KEY)
    try:
        fake.completed_failed.add(("job 1", "task/1"))
        with alt.BatchClient(fake.endpoint, alt.SharedKeyCredential(ACCOUNT, KEY)) as client:
            result = client.tasks.reactivate("job 1", "task/1", timeout=10, if_match='"0x1"', ocp_date=datetime.datetime(2026, 11, 24, 22, tzinfo=datetime.timezone.utc))
            assert result.etag == '"0xALT"' and result.request_id == "alt-request"
            assert result.last_modified == datetime.datetime.fromtimestamp(1_700_000_000, datetime.timezone.utc)
            assert result.data_service_id == "/jobs/job%201/tasks/task%2F1"
            with pytest.raises(alt.BatchServiceError) as caught:
                client.tasks.reactivate("job 1", "task/1")  # no longer completed: 409
            assert caught.value.status_code == 409 and caught.value.error is None
        method, target, headers = fake.seen[0]
        assert target == "/jobs/job%201/tasks/task%2F1/reactivate?api-version=2024-07-01.20.0&timeout=10"
        assert headers["ocp-date"] == "Tue, 24 Nov 2026 22:00:00 GMT" and headers["if-match"] == '"0x1"'
    finally:
        fake.close()


def test_yaml_alt_spec_dumped_as_json_by_a_different_tool_still_matches(tmp_path: Path) -> None:
    data = yaml.safe_load((ALT / "task-reactivate.yaml").read_text())
    data["info"]["version"] = str(data["info"]["version"])
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(data, separators=(",", ":")))  # one line: locations still work
    result = generate_files(spec, Options("x", **OPTIONS))  # type: ignore[arg-type]
    assert result.files is not None
