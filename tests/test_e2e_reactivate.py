"""The generated batch_client against the fake Batch service on 127.0.0.1."""

from __future__ import annotations

import datetime
import logging
import uuid

import pytest
from fake_batch import ACCOUNT, KEY, TOKEN, FakeBatch

from batch_client import (
    AccessToken,
    BatchClient,
    BatchError,
    BatchServiceError,
    CredentialError,
    RetryPolicy,
    ServiceRequestError,
    SharedKeyCredential,
    TaskReactivateHeaders,
)

UTC = datetime.timezone.utc


class _AsyncFacade:
    """The async client behind the sync client's interface, so every test here runs on both:
    one event loop in a thread, each call awaited there."""

    def __init__(self, endpoint: str) -> None:
        import asyncio
        import threading

        import batch_client

        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._client = batch_client.AsyncBatchClient(endpoint, SharedKeyCredential(ACCOUNT, KEY))
        self.tasks = self

    def reactivate(self, *args: object, **kwargs: object) -> TaskReactivateHeaders:
        import asyncio

        future = asyncio.run_coroutine_threadsafe(self._client.tasks.reactivate(*args, **kwargs), self._loop)  # type: ignore[arg-type]
        return future.result(timeout=30)

    def close(self) -> None:
        import asyncio

        asyncio.run_coroutine_threadsafe(self._client.close(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)


@pytest.fixture(params=["sync", "async"])
def client(fake: FakeBatch, request: pytest.FixtureRequest) -> BatchClient:
    if request.param == "sync":
        with BatchClient(fake.endpoint, SharedKeyCredential(ACCOUNT, KEY)) as c:
            yield c
    else:
        facade = _AsyncFacade(fake.endpoint)
        try:
            yield facade  # type: ignore[misc]
        finally:
            facade.close()


def test_success_returns_the_five_headers(fake: FakeBatch, client: BatchClient) -> None:
    fake.add_task("job1", "task1")
    result = client.tasks.reactivate("job1", "task1")
    task = fake.jobs["job1"].tasks["task1"]
    assert isinstance(result, TaskReactivateHeaders)
    assert task.state == "active"
    assert result.etag == task.etag
    assert result.last_modified == task.last_modified
    assert result.last_modified is not None and result.last_modified.tzinfo is not None
    assert result.request_id is not None and uuid.UUID(result.request_id)
    assert result.data_service_id == f"{fake.endpoint}/jobs/job1/tasks/task1"
    assert result.client_request_id is None  # only returned when asked for
    with pytest.raises(AttributeError):
        result.etag = "x"  # type: ignore[misc]


def test_return_client_request_id_echoes_the_given_id(fake: FakeBatch, client: BatchClient) -> None:
    fake.add_task("job1", "task1")
    given = uuid.UUID("9C4D50EE-2D56-4CD3-8152-34347DC9F2B0")
    result = client.tasks.reactivate("job1", "task1", client_request_id=given, return_client_request_id=True)
    assert result.client_request_id == str(given)


def test_every_optional_parameter_reaches_the_wire_in_wire_form(fake: FakeBatch, client: BatchClient) -> None:
    etag = fake.add_task("job1", "task1").etag
    when = datetime.datetime(2026, 11, 24, 22, 0, 0, tzinfo=UTC)
    client.tasks.reactivate(
        "job1",
        "task1",
        timeout=25,
        client_request_id="9c4d50ee-2d56-4cd3-8152-34347dc9f2b0",
        return_client_request_id=False,
        ocp_date=when,
        if_match=etag,
        if_none_match='"other"',
        if_modified_since=datetime.datetime(2026, 11, 1, tzinfo=UTC),
        if_unmodified_since=datetime.datetime(2026, 11, 24, 23, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1))),
    )
    sent = fake.requests[-1]
    assert sent.method == "POST"
    assert sent.raw_path == "/jobs/job1/tasks/task1/reactivate"
    assert sent.query == {"api-version": ["2024-07-01.20.0"], "timeout": ["25"]}
    h = sent.headers
    assert h["client-request-id"] == "9c4d50ee-2d56-4cd3-8152-34347dc9f2b0"
    assert h["return-client-request-id"] == "false"
    assert h["ocp-date"] == "Tue, 24 Nov 2026 22:00:00 GMT"
    assert h["if-match"] == etag
    assert h["if-none-match"] == '"other"'
    assert h["if-modified-since"] == "Sun, 01 Nov 2026 00:00:00 GMT"
    assert h["if-unmodified-since"] == "Tue, 24 Nov 2026 22:00:00 GMT"  # converted to GMT
    assert h["authorization"].startswith(f"SharedKey {ACCOUNT}:")


def test_defaults_ocp_date_now_fresh_uuid4_and_api_version(fake: FakeBatch, client: BatchClient) -> None:
    fake.add_task("job1", "t1")
    fake.add_task("job1", "t2")
    before = datetime.datetime.now(UTC).replace(microsecond=0)
    client.tasks.reactivate("job1", "t1")
    client.tasks.reactivate("job1", "t2")
    after = datetime.datetime.now(UTC)
    first, second = fake.requests[-2].headers, fake.requests[-1].headers
    sent_date = datetime.datetime.strptime(first["ocp-date"], "%a, %d %b %Y %H:%M:%S GMT").replace(tzinfo=UTC)
    assert before <= sent_date <= after
    ids = [uuid.UUID(first["client-request-id"]), uuid.UUID(second["client-request-id"])]
    assert all(i.version == 4 for i in ids) and ids[0] != ids[1]
    assert "timeout" not in fake.requests[-1].query
    assert "if-match" not in first and "return-client-request-id" not in first
    assert fake.requests[-1].query["api-version"] == ["2024-07-01.20.0"]


@pytest.mark.parametrize(
    ("job_state", "task_state", "exit_code", "code"),
    [
        ("active", "running", None, "TaskNotCompleted"),
        ("active", "completed", 0, "TaskCompletedSuccessfully"),
        ("completed", "completed", 1, "JobCompleted"),
        ("terminating", "completed", 1, "JobNotActive"),
    ],
)
def test_409_when_reactivation_is_not_allowed(fake: FakeBatch, client: BatchClient, job_state: str, task_state: str, exit_code: int | None, code: str) -> None:
    fake.add_task("job1", "task1", state=task_state, exit_code=exit_code)
    fake.jobs["job1"].state = job_state
    with pytest.raises(BatchServiceError) as caught:
        client.tasks.reactivate("job1", "task1")
    err = caught.value
    assert err.status_code == 409
    assert isinstance(err.error, BatchError)
    assert err.error.code == code == err.code
    assert err.error.message is not None and err.error.message.lang == "en-US"
    assert err.error.values and err.error.values[0].key == "Reason"
    assert err.request_id is not None and err.request_id in err.body
    text = str(err)
    assert text.startswith(f"(409) {code}: ") and "RequestId:" in text


@pytest.mark.parametrize(("job", "task", "code"), [("nojob", "task1", "JobNotFound"), ("job1", "notask", "TaskNotFound")])
def test_404_for_unknown_job_or_task(fake: FakeBatch, client: BatchClient, job: str, task: str, code: str) -> None:
    fake.add_task("job1", "task1")
    with pytest.raises(BatchServiceError) as caught:
        client.tasks.reactivate(job, task)
    assert caught.value.status_code == 404 and caught.value.code == code


@pytest.mark.parametrize(
    "condition",
    [
        {"if_match": '"0xSTALE"'},
        {"if_none_match": "*"},
        {"if_modified_since": datetime.datetime(2026, 11, 21, tzinfo=UTC)},
        {"if_unmodified_since": datetime.datetime(2026, 11, 19, tzinfo=UTC)},
    ],
    ids=["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since"],
)
def test_412_when_a_conditional_header_fails(fake: FakeBatch, client: BatchClient, condition: dict[str, object]) -> None:
    fake.add_task("job1", "task1")
    with pytest.raises(BatchServiceError) as caught:
        client.tasks.reactivate("job1", "task1", **condition)  # type: ignore[arg-type]
    assert caught.value.status_code == 412 and caught.value.code == "ConditionNotMet"
    assert fake.jobs["job1"].tasks["task1"].state == "completed"  # nothing changed


def test_conditional_headers_that_hold_succeed(fake: FakeBatch, client: BatchClient) -> None:
    old_etag = fake.add_task("job1", "task1").etag
    result = client.tasks.reactivate(
        "job1",
        "task1",
        if_match=old_etag,
        if_none_match='"0xOTHER"',
        if_modified_since=datetime.datetime(2026, 11, 19, tzinfo=UTC),
        if_unmodified_since=datetime.datetime(2026, 11, 21, tzinfo=UTC),
    )
    assert result.etag == fake.jobs["job1"].tasks["task1"].etag != old_etag


def test_403_on_a_bad_signature(fake: FakeBatch) -> None:
    fake.add_task("job1", "task1")
    import base64

    wrong = SharedKeyCredential(ACCOUNT, base64.b64encode(b"not the account key").decode())
    with BatchClient(fake.endpoint, wrong) as client, pytest.raises(BatchServiceError) as caught:
        client.tasks.reactivate("job1", "task1")
    assert caught.value.status_code == 403 and caught.value.code == "AuthenticationFailed"


def test_path_ids_are_percent_encoded_as_one_segment_each(fake: FakeBatch, client: BatchClient) -> None:
    fake.add_task("job/x", "a b/../c")
    client.tasks.reactivate("job/x", "a b/../c")
    assert fake.requests[-1].raw_path == "/jobs/job%2Fx/tasks/a%20b%2F..%2Fc/reactivate"
    assert fake.jobs["job/x"].tasks["a b/../c"].state == "active"


def test_empty_path_id_is_refused_before_sending(fake: FakeBatch, client: BatchClient) -> None:
    with pytest.raises(ValueError, match="job_id"):
        client.tasks.reactivate("", "task1")
    assert fake.requests == []


@pytest.mark.parametrize("bad", ["x\r\nInjected: 1", "x\ny", "x\rY", "nul\0"])
def test_header_with_line_break_is_refused_with_nothing_sent(fake: FakeBatch, client: BatchClient, bad: str) -> None:
    fake.add_task("job1", "task1")
    with pytest.raises(ValueError, match="(?i)if-match"):
        client.tasks.reactivate("job1", "task1", if_match=bad)
    assert fake.requests == []


def test_malformed_client_request_id_is_refused(fake: FakeBatch, client: BatchClient) -> None:
    with pytest.raises(ValueError):
        client.tasks.reactivate("job1", "task1", client_request_id="{9C4D50EE-2D56-4CD3-8152-34347DC9F2B0}")
    assert fake.requests == []


class CountingCredential:
    def __init__(self, token: str, lifetime: float = 3600) -> None:
        self.calls: list[tuple[str, ...]] = []
        self.token = token
        self.lifetime = lifetime

    def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
        import time

        self.calls.append(scopes)
        return AccessToken(self.token, int(time.time() + self.lifetime))


def test_entra_token_is_fetched_once_for_many_calls(fake: FakeBatch) -> None:
    credential = CountingCredential(TOKEN)
    with BatchClient(fake.endpoint, credential) as client:
        for i in range(5):
            fake.add_task("job1", f"t{i}")
            client.tasks.reactivate("job1", f"t{i}")
    assert credential.calls == [("https://batch.core.windows.net//.default",)]
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in fake.requests)


class TimedCredential:
    """Tokens of ``lifetime`` seconds (float expiry), optionally with ``refresh_on``; ``fail``
    makes get_token raise, ``junk`` makes it return something that is not a token."""

    def __init__(self, lifetime: float, refresh_in: float | None = None, fail: bool = False, junk: object = None) -> None:
        self.lifetime, self.refresh_in, self.fail, self.junk = lifetime, refresh_in, fail, junk
        self.calls = 0

    def get_token(self, *scopes: str, **kwargs: object) -> object:
        import time
        from types import SimpleNamespace

        self.calls += 1
        if self.fail:
            raise PermissionError("no access for this identity")
        if self.junk is not None:
            return self.junk
        now = time.time()
        refresh_on = now + self.refresh_in if self.refresh_in is not None else None
        return SimpleNamespace(token=f"{TOKEN}-{self.calls}", expires_on=now + self.lifetime, refresh_on=refresh_on)


def reactivate_n(mode: str, fake: FakeBatch, credential: object, n: int, pause: float = 0.0) -> list[BaseException | None]:
    """``n`` reactivations through one client, ``pause`` seconds apart; each call's exception or None."""
    import asyncio
    import time

    import batch_client

    for i in range(n):
        fake.add_task("job1", f"t{i}")
    outcomes: list[BaseException | None] = []
    if mode == "sync":
        with BatchClient(fake.endpoint, credential, retry=RetryPolicy(max_retries=0)) as c:  # type: ignore[arg-type]
            for i in range(n):
                time.sleep(pause if i else 0)
                try:
                    c.tasks.reactivate("job1", f"t{i}")
                    outcomes.append(None)
                except Exception as exc:  # noqa: BLE001 - returned to the test
                    outcomes.append(exc)
        return outcomes

    async def go() -> None:
        async with batch_client.AsyncBatchClient(fake.endpoint, credential, retry=RetryPolicy(max_retries=0)) as c:  # type: ignore[arg-type]
            for i in range(n):
                await asyncio.sleep(pause if i else 0)
                try:
                    await c.tasks.reactivate("job1", f"t{i}")
                    outcomes.append(None)
                except Exception as exc:  # noqa: BLE001
                    outcomes.append(exc)

    asyncio.run(go())
    return outcomes


MODES = pytest.mark.parametrize("mode", ["sync", "async"])


@MODES
def test_a_short_lived_token_is_reused_then_refreshed_ahead_of_expiry(mode: str, fake: FakeBatch) -> None:
    fake.token = "*"  # the fake accepts any bearer token here; what matters is how many are fetched
    credential = TimedCredential(lifetime=120)  # under the 300 s margin: was fetched for every call
    assert reactivate_n(mode, fake, credential, 4) == [None] * 4
    assert credential.calls == 1
    fake.requests.clear()
    short = TimedCredential(lifetime=0.8)  # refreshed after three quarters of it: 0.6 s
    assert reactivate_n(mode, fake, short, 3, pause=0.35) == [None] * 3
    assert short.calls == 2
    assert [r.headers["authorization"] for r in fake.requests] == [f"Bearer {TOKEN}-{n}" for n in (1, 1, 2)]


@MODES
def test_refresh_on_from_the_credential_is_honoured(mode: str, fake: FakeBatch) -> None:
    fake.token = "*"
    credential = TimedCredential(lifetime=3600, refresh_in=0.3)
    assert reactivate_n(mode, fake, credential, 3, pause=0.2) == [None] * 3
    assert credential.calls == 2


@MODES
@pytest.mark.parametrize("junk", [None, "a-string", object()])
def test_a_failing_get_token_is_a_credential_error_and_nothing_is_sent(mode: str, junk: object, fake: FakeBatch) -> None:
    credential = TimedCredential(lifetime=3600, fail=junk is None, junk=junk)
    (outcome,) = reactivate_n(mode, fake, credential, 1)
    assert isinstance(outcome, CredentialError)
    if junk is None:
        assert isinstance(outcome.__cause__, PermissionError) and "PermissionError" in str(outcome)
    else:
        assert "not a token" in str(outcome)
    assert fake.requests == []


def test_a_token_that_would_inject_a_header_is_refused(fake: FakeBatch) -> None:
    from types import SimpleNamespace

    credential = TimedCredential(lifetime=3600, junk=SimpleNamespace(token="t\r\nX-Evil: 1", expires_on=2**40))
    (outcome,) = reactivate_n("sync", fake, credential, 1)
    assert isinstance(outcome, CredentialError) and fake.requests == []


def test_connection_refused_is_a_package_error(fake: FakeBatch) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with BatchClient(f"http://127.0.0.1:{port}", SharedKeyCredential(ACCOUNT, KEY), retry=RetryPolicy(max_retries=0)) as client:
        with pytest.raises(ServiceRequestError):
            client.tasks.reactivate("job1", "task1")


def test_secrets_never_in_repr_str_or_logs(fake: FakeBatch, caplog: pytest.LogCaptureFixture) -> None:
    credential = SharedKeyCredential(ACCOUNT, KEY)
    assert KEY not in repr(credential) and KEY not in str(credential)
    fake.add_task("job1", "task1")
    caplog.set_level(logging.DEBUG)
    with BatchClient(fake.endpoint, credential) as client:
        client.tasks.reactivate("job1", "task1")
        with pytest.raises(BatchServiceError) as caught:
            client.tasks.reactivate("job1", "missing")
    fake.add_task("job1", "task2")
    with BatchClient(fake.endpoint, CountingCredential(TOKEN)) as token_client:
        token_client.tasks.reactivate("job1", "task2")
        texts = [repr(client), str(caught.value), repr(caught.value), caplog.text, repr(token_client), repr(token_client._pipeline)]
    signature = fake.requests[0].headers["authorization"]
    for text in texts:
        assert KEY not in text and signature not in text and TOKEN not in text
    assert "POST /jobs/job1/tasks/task1/reactivate" in caplog.text  # logging works, redacted


def test_invalid_key_is_refused_at_construction() -> None:
    with pytest.raises(ValueError) as caught:
        SharedKeyCredential(ACCOUNT, "not base64 !!!")
    assert "not base64 !!!" not in str(caught.value)
