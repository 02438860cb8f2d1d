"""The fake service every generated package ships (``NAME.testing``, issue 12).

Over real HTTP: raw requests sent with ``http.client`` test the fake on its own (signed by
``fake_batch``'s own Shared Key rules, not the package's), and the generated clients, sync and
async, talk to it unchanged. Batch (``generated/batch_client``, ``generated/batch_slice``) and a
non-Azure description with an API key (``tests/specs/fake/shop-3.0.yaml``, generated here).
"""

from __future__ import annotations

import asyncio
import base64
import email.utils
import http.client
import importlib
import json
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import pytest
from fake_batch import sign, string_to_sign

from generator.options import Options
from generator.pipeline import generate_files
from generator.write import write_tree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "generated" / "batch_slice"))

import batch_client  # noqa: E402
import batch_client.testing  # noqa: E402
import batch_slice  # noqa: E402
import batch_slice.testing  # noqa: E402

API_VERSION = "2024-07-01.20.0"
REACTIVATE = "/jobs/job-1/tasks/task-1/reactivate"
SHOP = ROOT / "tests" / "specs" / "fake" / "shop-3.0.yaml"


def _now() -> str:
    return email.utils.formatdate(usegmt=True)


def raw(
    url: str,
    method: str,
    target: str,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    *,
    account: str = "",
    key: str = "",
) -> tuple[int, dict[str, str], bytes]:
    """One request by http.client; signed with Shared Key when ``account`` is given."""
    split = urlsplit(url)
    sent = {k.lower(): v for k, v in (headers or {}).items()}
    if body is not None or method in ("POST", "PUT", "PATCH"):
        sent["content-length"] = str(len(body or b""))
    if account:
        path, _, query = target.partition("?")
        text = string_to_sign(method, path, query, sent, account)
        sent["authorization"] = f"SharedKey {account}:{sign(key, text)}"
    conn = http.client.HTTPConnection(split.hostname or "", split.port, timeout=10)
    try:
        conn.request(method, target, body=body, headers=sent)
        response = conn.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    finally:
        conn.close()


def batch_raw(fake: Any, method: str, target: str, headers: dict[str, str] | None = None, body: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    return raw(fake.url, method, target, headers, body, account=fake.account_name, key=fake.key)


# -- Batch: Task - Reactivate -------------------------------------------------------------


def test_reactivate_answers_204_with_its_five_headers() -> None:
    with batch_client.testing.FakeService() as fake:
        request_id = str(uuid.uuid4())
        asked = {"client-request-id": request_id, "return-client-request-id": "true", "ocp-date": _now()}
        status, headers, body = batch_raw(fake, "POST", f"{REACTIVATE}?api-version={API_VERSION}", asked)
        assert (status, body) == (204, b"")
        assert headers["client-request-id"] == request_id  # asked for: echoed
        assert uuid.UUID(headers["request-id"])
        assert headers["etag"] and headers["dataserviceid"]
        assert email.utils.parsedate_to_datetime(headers["last-modified"]).tzinfo is not None
        # not asked for: not echoed
        status, headers, _ = batch_raw(fake, "POST", f"{REACTIVATE}?api-version={API_VERSION}", {"client-request-id": request_id})
        assert status == 204 and "client-request-id" not in headers
        assert fake.violations == []
        calls = fake.tasks.reactivate.calls
        assert [c.path for c in calls] == [{"job_id": "job-1", "task_id": "task-1"}] * 2
        assert calls[0].headers["return_client_request_id"] is True
        assert calls[0].headers["ocp_date"].tzinfo is not None  # decoded, by Python names
        assert calls[0].query == {"api_version": API_VERSION}


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_reactivate_through_the_client(is_async: bool) -> None:
    from batch_client.models import BatchError, ErrorMessage

    with batch_client.testing.FakeService() as fake:

        async def run_async() -> tuple[Any, Any, Any]:
            async with batch_client.AsyncBatchClient(fake.url, fake.credential) as client:
                first = await client.tasks.reactivate("job-1", "task-1", return_client_request_id=True)
                fake.tasks.reactivate.respond(status=204, headers={"ETag": '"0x8D1"'})
                second = await client.tasks.reactivate("job-1", "task-1")
                fake.tasks.reactivate.fails(409, BatchError(code="TaskNotCompleted", message=ErrorMessage(lang="en-US", value="The task is not completed.")))
                with pytest.raises(batch_client.BatchServiceError) as caught:
                    await client.tasks.reactivate("job-1", "task-1")
                return first, second, caught.value

        def run_sync() -> tuple[Any, Any, Any]:
            with batch_client.BatchClient(fake.url, fake.credential) as client:
                first = client.tasks.reactivate("job-1", "task-1", return_client_request_id=True)
                fake.tasks.reactivate.respond(status=204, headers={"ETag": '"0x8D1"'})
                second = client.tasks.reactivate("job-1", "task-1")
                fake.tasks.reactivate.fails(409, BatchError(code="TaskNotCompleted", message=ErrorMessage(lang="en-US", value="The task is not completed.")))
                with pytest.raises(batch_client.BatchServiceError) as caught:
                    client.tasks.reactivate("job-1", "task-1")
                return first, second, caught.value

        first, second, error = asyncio.run(run_async()) if is_async else run_sync()
        calls = fake.tasks.reactivate.calls
        assert first.client_request_id == calls[0].headers["client_request_id"]
        assert first.request_id and first.etag and first.data_service_id and first.last_modified is not None
        assert second.etag == '"0x8D1"'
        assert error.status_code == 409
        assert error.error is not None and error.error.code == "TaskNotCompleted"
        assert error.error.message is not None and error.error.message.value == "The task is not completed."
        assert len(calls) == 3 and fake.violations == []


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_wrong_shared_key_is_refused_with_403(is_async: bool) -> None:
    other = base64.b64encode(b"not the account key").decode()
    with batch_client.testing.FakeService(account_name="myaccount", key=base64.b64encode(b"k" * 32).decode()) as fake:
        assert fake.credential.account_name == "myaccount"
        wrong = batch_client.SharedKeyCredential("myaccount", other)

        async def run_async() -> None:
            async with batch_client.AsyncBatchClient(fake.url, wrong) as client:
                await client.tasks.reactivate("job-1", "task-1")

        with pytest.raises(batch_client.BatchServiceError) as caught:
            if is_async:
                asyncio.run(run_async())
            else:
                batch_client.BatchClient(fake.url, wrong).tasks.reactivate("job-1", "task-1")
        assert caught.value.status_code == 403
        assert caught.value.error is not None and caught.value.error.code == "AuthenticationFailed"
        [violation] = fake.expect_violations()
        assert (violation.operation, violation.parameter, violation.status) == ("tasks.reactivate", "Authorization", 403)
        # the right key, and any Entra token, are accepted
        batch_client.BatchClient(fake.url, fake.credential).tasks.reactivate("job-1", "task-1")
        target = f"{REACTIVATE}?api-version={API_VERSION}"
        assert raw(fake.url, "POST", target, {"authorization": "Bearer any-token"}, b"")[0] == 204
        assert raw(fake.url, "POST", target, {}, b"")[0] == 403  # nothing at all


@pytest.mark.parametrize(
    ("query", "headers", "parameter"),
    [
        ("", {}, "api-version"),
        ("?api-version=2015-01-01.2.0", {}, "api-version"),
        (f"?api-version={API_VERSION}&timeout=soon", {}, "timeout"),
        (f"?api-version={API_VERSION}&timeout=99999999999", {}, "timeout"),
        (f"?api-version={API_VERSION}", {"ocp-date": "yesterday"}, "ocp-date"),
        (f"?api-version={API_VERSION}", {"ocp-date": "2026-11-20T08:30:00Z"}, "ocp-date"),
        (f"?api-version={API_VERSION}", {"client-request-id": "not-a-uuid"}, "client-request-id"),
        (f"?api-version={API_VERSION}", {"return-client-request-id": "yes"}, "return-client-request-id"),
        (f"?api-version={API_VERSION}", {"if-modified-since": "Nov 20"}, "If-Modified-Since"),
    ],
    ids=["no-api-version", "other-api-version", "timeout-text", "timeout-int32", "ocp-date-text", "ocp-date-iso", "client-request-id", "bool", "if-modified-since"],
)
def test_parameter_violations_are_400_and_recorded(query: str, headers: dict[str, str], parameter: str) -> None:
    with batch_client.testing.FakeService() as fake:
        status, _, body = batch_raw(fake, "POST", REACTIVATE + query, headers)
        assert status == 400
        error = json.loads(body)  # the API's own error model: BatchError {code, message: {lang, value}}
        assert error["code"] == "InvalidRequest" and parameter in error["message"]["value"]
        assert error["message"]["lang"]
        [violation] = fake.expect_violations()
        assert (violation.operation, violation.parameter) == ("tasks.reactivate", parameter)
        assert violation.message


def test_unknown_query_parameters_are_fine_unknown_paths_and_methods_are_not() -> None:
    with batch_client.testing.FakeService(strict=False) as fake:
        assert batch_raw(fake, "POST", f"{REACTIVATE}?api-version={API_VERSION}&later=1")[0] == 204
        assert batch_raw(fake, "POST", f"/jobs/job-1/reactivate?api-version={API_VERSION}")[0] == 404
        assert batch_raw(fake, "GET", f"{REACTIVATE}?api-version={API_VERSION}")[0] == 405
        assert [v.status for v in fake.violations] == [404, 405]


def test_leaving_the_block_with_unexpected_violations_fails() -> None:
    with pytest.raises(AssertionError, match="api-version"):
        with batch_client.testing.FakeService() as fake:
            batch_raw(fake, "POST", REACTIVATE)
    with batch_client.testing.FakeService() as fake:  # expected: fine
        batch_raw(fake, "POST", REACTIVATE)
        fake.expect_violations()


def test_a_handler_gets_the_decoded_call() -> None:
    with batch_client.testing.FakeService() as fake:
        seen: list[Any] = []

        @fake.tasks.reactivate.handler
        def answer(call: batch_client.testing.Call) -> batch_client.testing.FakeResponse:
            seen.append(call)
            return batch_client.testing.FakeResponse(204, {"DataServiceId": f"for-{call.path['task_id']}"})

        headers = batch_client.BatchClient(fake.url, fake.credential).tasks.reactivate("job-1", "task-7", timeout=30)
        assert headers.data_service_id == "for-task-7"
        assert seen[0].query == {"api_version": API_VERSION, "timeout": 30}


# -- Batch slice: a JSON body, paging --------------------------------------------------------


def test_a_body_that_breaks_its_schema_is_reported() -> None:
    from batch_slice.models import JobTerminateParameter

    with batch_slice.testing.FakeService() as fake:
        target = f"/jobs/job-1/terminate?api-version={API_VERSION}"
        headers = {"content-type": "application/json; odata=minimalmetadata"}
        status, _, body = batch_raw(fake, "POST", target, headers, b'{"terminateReason": 5}')
        assert status == 400 and "terminateReason" in json.loads(body)["message"]["value"]
        [violation] = fake.expect_violations()
        assert (violation.operation, violation.parameter, violation.where) == ("jobs.terminate", "jobTerminateParameter", "/terminateReason")
        assert "string" in violation.message
        assert batch_raw(fake, "POST", target, headers, b"{not json")[0] == 400
        # through the client: valid, and decoded into the model
        client = batch_slice.BatchClient(fake.url, fake.credential)
        client.jobs.terminate("job-1", job_terminate_parameter=JobTerminateParameter(terminate_reason="done"))
        assert fake.jobs.terminate.calls[-1].body == JobTerminateParameter(terminate_reason="done")


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_paging_through_the_fake(is_async: bool) -> None:
    from batch_slice.models import CloudTask

    with batch_slice.testing.FakeService() as fake:

        async def pages_async(client: Any) -> list[list[Any]]:
            return [page async for page in client.tasks.list("job-1").by_page()]

        def pages() -> list[list[Any]]:
            if is_async:

                async def run() -> list[list[Any]]:
                    async with batch_slice.AsyncBatchClient(fake.url, fake.credential) as client:
                        return await pages_async(client)

                return asyncio.run(run())
            return list(batch_slice.BatchClient(fake.url, fake.credential).tasks.list("job-1").by_page())

        from_example = pages()  # two pages by default, of the x-ms-examples file's items
        assert [[t.id for t in page] for page in from_example] == [["task1", "task2"], ["task1", "task2"]]
        assert all(isinstance(t, CloudTask) for page in from_example for t in page)
        fake.tasks.list.returns([CloudTask(id=f"task-{i}") for i in range(5)])
        stubbed = pages()
        assert [[t.id for t in page] for page in stubbed] == [["task-0", "task-1"], ["task-2", "task-3"], ["task-4"]]
        assert len(fake.tasks.list.calls) == 5 and fake.violations == []


def test_every_operation_answers_the_client_without_stubs() -> None:
    """The synthesised answers decode: every slice operation, called with its required
    arguments, succeeds against the fake, and no request breaks the description."""
    with batch_slice.testing.FakeService() as fake:
        client = batch_slice.BatchClient(fake.url, fake.credential)
        assert client.pools.exists("pool-1") is True
        with client.files.get_from_task("job-1", "task-1", "stdout.txt") as download:
            assert download.read()
        assert [t.id for t in client.tasks.list("job-1")]
        assert list(client.tasks.list_events("job-1", "task-1"))
        client.jobs.terminate("job-1")
        assert fake.violations == []


def test_without_a_stub_the_descriptions_valid_examples_answer(tmp_path: Path) -> None:
    """An OpenAPI ``example``, or the first of ``examples`` (a ``$ref`` to components), is the
    answer; an example that its schema refuses is left for a synthesised answer."""
    result = generate_files(ROOT / "tests" / "specs" / "fake" / "examples-3.0.yaml", Options("fakeexamples"))
    assert result.files is not None, [p.format() for p in result.problems]
    write_tree(tmp_path / "fakeexamples", result.files)
    sys.path.insert(0, str(tmp_path / "fakeexamples"))
    try:
        package = importlib.import_module("fakeexamples")
        testing = importlib.import_module("fakeexamples.testing")
        with testing.FakeService() as fake:
            client = package.ExamplesClient(fake.url, fake.credential)
            assert (client.pets.get(7).id, client.pets.get(7).name) == (7, "Rex")
            assert client.toys.get().name == "Ball"
            stale = client.stales.get()
            assert (stale.id, stale.name) == (1, "fake")  # synthesised: the example's id is text
            assert fake.violations == []
    finally:
        sys.path.remove(str(tmp_path / "fakeexamples"))


# -- a non-Azure description: an API key, JSON bodies ------------------------------------------


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("shop")
    result = generate_files(SHOP, Options("fakeshop"))
    assert result.files is not None and result.problems == [], [p.format() for p in result.problems]
    write_tree(out / "fakeshop", result.files)
    sys.path.insert(0, str(out / "fakeshop"))
    yield importlib.import_module("fakeshop")
    sys.path.remove(str(out / "fakeshop"))


def _shop_raw(fake: Any, method: str, target: str, headers: dict[str, str] | None = None, body: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    return raw(fake.url, method, target, {"x-api-key": fake.key, **(headers or {})}, body)


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_shop_through_the_client(shop: ModuleType, is_async: bool) -> None:
    testing = importlib.import_module("fakeshop.testing")
    models = importlib.import_module("fakeshop.models")
    item = models.Item(name="hammer", price=12.5, kind="tool", tags=["iron"], owner=models.Owner(name="ann"))
    with testing.FakeService(key="secret-key") as fake:
        assert isinstance(fake.credential, shop.ApiKeyCredential)

        async def run_async() -> tuple[Any, Any, Any]:
            async with shop.AsyncShopClient(fake.url, fake.credential) as client:
                created = await client.items.create(item)
                fake.items.get.returns(models.Item(id="i-1", name="saw", price=3.0))
                got = await client.items.get("i-1")
                fake.items.delete.fails(409, code="InUse", message="the item is in use")
                with pytest.raises(shop.ShopServiceError) as caught:
                    await client.items.delete("i-1")
                return created, got, caught.value

        def run_sync() -> tuple[Any, Any, Any]:
            with shop.ShopClient(fake.url, fake.credential) as client:
                created = client.items.create(item)
                fake.items.get.returns(models.Item(id="i-1", name="saw", price=3.0))
                got = client.items.get("i-1")
                fake.items.delete.fails(409, code="InUse", message="the item is in use")
                with pytest.raises(shop.ShopServiceError) as caught:
                    client.items.delete("i-1")
                return created, got, caught.value

        created, got, error = asyncio.run(run_async()) if is_async else run_sync()
        assert isinstance(created, models.Item) and created.name and created.price >= 0  # synthesised, valid
        assert got.name == "saw"
        assert error.status_code == 409 and error.error.code == "InUse" and error.error.message == "the item is in use"
        assert fake.items.create.calls[0].body == item  # decoded into the model
        assert fake.violations == []
        # a wrong key is refused with 403, in the API's error model
        with pytest.raises(shop.ShopServiceError) as caught:
            shop.ShopClient(fake.url, shop.ApiKeyCredential("wrong")).items.list()
        assert caught.value.status_code == 403 and caught.value.error.code == "AuthenticationFailed"
        assert [v.parameter for v in fake.expect_violations()] == ["Authorization"]


@pytest.mark.parametrize(
    ("method", "target", "headers", "body", "parameter", "where"),
    [
        ("GET", "/items?status=lost", {}, None, "status", ""),
        ("GET", "/items?limit=0", {}, None, "limit", ""),
        ("GET", "/items?limit=many", {}, None, "limit", ""),
        ("GET", "/items?since=2026-13-45T00:00:00Z", {}, None, "since", ""),
        ("GET", "/items/NOT_OK", {}, None, "itemId", ""),
        ("GET", "/items/ok-1", {"x-trace-id": "nope"}, None, "X-Trace-Id", ""),
        ("POST", "/items", {"content-type": "application/json"}, b'{"price": 1}', "body", "/name"),
        ("POST", "/items", {"content-type": "application/json"}, b'{"name": "", "price": 1}', "body", "/name"),
        ("POST", "/items", {"content-type": "application/json"}, b'{"name": "a", "price": -1}', "body", "/price"),
        ("POST", "/items", {"content-type": "application/json"}, b'{"name": "a", "price": 1, "kind": "robot"}', "body", "/kind"),
        ("POST", "/items", {"content-type": "application/json"}, b'{"name": "a", "price": 1, "tags": [1]}', "body", "/tags/0"),
        ("POST", "/items", {"content-type": "application/json"}, b'{"name": "a", "price": 1, "owner": {}}', "body", "/owner/name"),
        ("POST", "/items", {"content-type": "application/json"}, None, "body", ""),
    ],
)
def test_shop_violations(shop: ModuleType, method: str, target: str, headers: dict[str, str], body: bytes | None, parameter: str, where: str) -> None:
    testing = importlib.import_module("fakeshop.testing")
    with testing.FakeService() as fake:
        status, _, answer = _shop_raw(fake, method, target, headers, body)
        assert status == 400
        assert json.loads(answer)["code"] == "InvalidRequest"  # the API's Error {code, message}
        [violation] = fake.expect_violations()
        assert (violation.parameter, violation.where) == (parameter, where), violation


def test_shop_answers_and_security(shop: ModuleType) -> None:
    testing = importlib.import_module("fakeshop.testing")
    with testing.FakeService() as fake:
        status, _, body = _shop_raw(fake, "GET", "/items?status=sold&limit=100&tags=a,b&since=2026-01-01T00:00:00Z")
        assert status == 200 and isinstance(json.loads(body), list)
        assert fake.items.list.calls[0].query["tags"] == ["a", "b"]
        assert fake.items.list.calls[0].query["since"].year == 2026
        status, headers, _ = _shop_raw(fake, "POST", "/items", {"content-type": "application/json"}, b'{"name": "a", "price": 0}')
        assert status == 201 and uuid.UUID(headers["x-request-id"]) and headers["location"]
        assert raw(fake.url, "GET", "/health")[0] == 200  # security: [] - anonymous
        assert raw(fake.url, "GET", "/items")[0] == 403  # no key
        assert fake.expect_violations()[0].parameter == "Authorization"


def test_fake_service_members_are_the_contracts() -> None:
    """A group is renamed on the fake where ``FakeService`` has a member of its name: the
    contract's list must hold every member."""
    from generator.contract import FAKE_SERVICE_MEMBERS

    for module in (batch_client.testing, batch_slice.testing):
        members = {n for n in vars(module.FakeService) if not n.startswith("_")}
        instance = {n for n in vars(module.FakeService()) if not n.startswith("_")}
        groups = {g for g in instance if isinstance(getattr(module.FakeService(), g), object) and type(getattr(module.FakeService(), g)).__name__.endswith("Fake")}
        assert members | (instance - groups) <= FAKE_SERVICE_MEMBERS


def test_a_bodyless_delete_is_signed_as_sent() -> None:
    """The sync client sends no Content-Length with a bodyless DELETE and aiohttp sends "0": a
    zero length signs as empty (Azure's Shared Key rule), so both sign alike and the service
    (and the fake) accept both. Found by the generated tests of the full Batch description."""
    key = base64.b64encode(b"k" * 32).decode()
    headers = {"ocp-date": _now(), "accept": "application/json"}
    credential = batch_client.SharedKeyCredential("acct", key)
    signed = credential.sign("DELETE", "/jobs/job-1", [("api-version", API_VERSION)], headers)
    expected = sign(key, string_to_sign("DELETE", "/jobs/job-1", f"api-version={API_VERSION}", headers, "acct"))
    assert signed == f"SharedKey acct:{expected}"
    zero = {**headers, "content-length": "0"}
    assert credential.sign("DELETE", "/jobs/job-1", [("api-version", API_VERSION)], zero) == signed
    # the fake takes a "0" as the empty length it was signed with (reactivate: a bodyless POST)
    path = "/jobs/job-1/tasks/task-1/reactivate"
    with batch_client.testing.FakeService(account_name="acct", key=key) as fake:
        sent = {**zero, "authorization": credential.sign("POST", path, [("api-version", API_VERSION)], headers)}
        status, _, _ = raw(fake.url, "POST", f"{path}?api-version={API_VERSION}", sent)
        assert status == 204, fake.violations


# -- every operation of a description, through the client, without stubs ----------------------


def _argument(t: Any, api: Any, models: ModuleType, testing: ModuleType) -> Any:
    """A valid argument of an IR type: a model from the fake's own synthesised JSON."""
    import datetime

    if t.kind == "model":
        return getattr(models, t.model).from_dict(testing._sample({"t": "model", "m": t.model}, 0, ()))
    if t.kind in ("list", "dict"):
        item = _argument(t.item, api, models, testing)
        return [item] if t.kind == "list" else {"a": item}
    if t.kind == "union":
        return _argument(t.variants[0], api, models, testing)
    if t.kind == "enum":
        return next(e for e in api.enums if e.class_name == t.model).values[0].value
    if t.kind == "literal":
        return json.loads(t.literal) if t.literal.startswith('"') else eval(t.literal)  # a constant's literal
    when = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    values = {"int": 1, "float": 1.0, "bool": True, "uuid": str(uuid.UUID(int=1)), "datetime": when, "rfc1123": when}
    values |= {"date": when.date(), "duration": datetime.timedelta(hours=1), "bytes": b"x", "file": b"x", "any": {"x": 1}}
    return values.get(t.kind, "id-1")


@pytest.mark.parametrize("spec", ["security-3.0.yaml", "styles-3.0.yaml", "bodies-3.0.yaml", "unions-3.0.yaml", "BatchService.json"])
def test_every_operation_of_a_description_through_the_fake(spec: str, tmp_path: Path) -> None:
    """Each operation, called by the generated client with its required arguments, is a valid
    request to the fake, and its synthesised answer decodes: the fake and the client agree on
    every parameter style, security scheme, body encoding and response of the description."""
    if spec == "BatchService.json":
        path = ROOT.parent / "shared" / "specs" / "azure-batch" / "2024-07-01.20.0" / spec
        options = Options("fakefull", client_name="Batch", credential_scopes=("https://batch.core.windows.net//.default",))
    else:
        path, options = ROOT / "tests" / "specs" / "public" / spec, Options("fake" + spec.split("-")[0])
    result = generate_files(path, options)
    assert result.files is not None and result.api is not None
    write_tree(tmp_path / options.package, result.files)
    sys.path.insert(0, str(tmp_path / options.package))
    try:
        pkg = importlib.import_module(options.package)
        testing = importlib.import_module(options.package + ".testing")
        models = importlib.import_module(options.package + ".models")
        api = result.api
        with testing.FakeService() as fake:
            client = getattr(pkg, api.names.client)(fake.url, fake.credential)
            for group in api.groups:
                for op in group.operations:
                    args = [_argument(p.type, api, models, testing) for p in op.positional]
                    answer = getattr(getattr(client, group.python_name), op.python_name)(*args)
                    if op.result == "paged":
                        assert list(answer), op.operation_id  # two pages (example or synthesised items)
                    elif op.result == "stream":
                        with answer as download:
                            download.read()
                    calls = getattr(getattr(fake, group.python_name), op.python_name).calls
                    assert len(calls) == (2 if op.result == "paged" else 1), op.operation_id
            assert fake.violations == []
    finally:
        sys.path.remove(str(tmp_path / options.package))


# -- the pytest fixture and python -m NAME.testing ---------------------------------------------


def test_the_pytest_fixture(tmp_path: Path) -> None:
    """The plugin's fixture is a started fake; a violation fails the test at teardown."""
    import subprocess

    (tmp_path / "test_uses_fake.py").write_text(
        "import batch_client\n\n\n"
        "def test_ok(batch_client_fake):\n"
        "    client = batch_client.BatchClient(batch_client_fake.url, batch_client_fake.credential)\n"
        "    client.tasks.reactivate('job-1', 'task-1')\n"
        "    assert len(batch_client_fake.tasks.reactivate.calls) == 1\n\n\n"
        "def test_broken(batch_client_fake):\n"
        "    wrong = batch_client.SharedKeyCredential('fakeaccount', 'AAAA')\n"
        "    try:\n"
        "        batch_client.BatchClient(batch_client_fake.url, wrong).tasks.reactivate('j', 't')\n"
        "    except batch_client.BatchServiceError:\n"
        "        pass\n"
    )
    env = {"PYTHONPATH": str(ROOT / "generated" / "batch_client"), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "batch_client._pytest_plugin", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60,
    )
    assert "2 passed, 1 error" in run.stdout, run.stdout + run.stderr  # the error: test_broken's teardown
    assert "broke the API description" in run.stdout


def test_python_m_testing_serves_until_interrupted() -> None:
    import signal
    import subprocess

    # PYTHONFAULTHANDLER: if it does not stop (seen once in a CI run, never reproduced in 175
    # runs under load), SIGABRT makes it print every thread's stack, and the failure shows them
    env = {"PYTHONPATH": str(ROOT / "generated" / "batch_client"), "PATH": "/usr/bin:/bin", "PYTHONFAULTHANDLER": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "batch_client.testing", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split()[-1]
        assert "Shared Key" in process.stdout.readline()
        assert raw(url, "POST", REACTIVATE, {}, b"")[0] == 403
        assert "violation: tasks.reactivate: Authorization" in process.stdout.readline()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            code = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGABRT)
            _, stacks = process.communicate(timeout=30)
            pytest.fail(f"still serving 30 s after SIGINT; its threads:\n{stacks}")
    assert code == 0, process.communicate()[1]


def test_the_fake_costs_nothing_to_import_the_package() -> None:
    """``import NAME`` (and its client) loads neither the fake nor the pytest plugin, nor
    http.server: the fake is imported only from ``NAME.testing``."""
    import subprocess

    code = (
        "import sys, batch_slice; batch_slice.BatchClient('http://127.0.0.1:1', batch_slice.SharedKeyCredential('a', 'AAAA'));"
        "import batch_slice.aio, batch_slice.models;"
        "print(sorted(m for m in sys.modules if m.endswith(('.testing', '._pytest_plugin')) or m in ('http.server', 'pytest')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False,
        env={"PYTHONPATH": str(ROOT / "generated" / "batch_slice"), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr
