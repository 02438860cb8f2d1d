"""Drive every operation of a generated client against Prism.

For one description: generate the package into a directory, import it, take the operations from
the IR (``Result.api``: groups, method names, parameters with their wire names, locations and
types), and call each one on the sync client (and, when asked, the async client) twice: with the
required arguments only, and with every argument. Values are synthesised from the raw schema of
each parameter (``prism_spec.Sampler``: ``minLength``, ``enum``, ``format``… are honoured), then
turned into the Python value the method takes by the IR type's own codec (``TypeRef.codec``, the
text the templates print): a model comes out of ``Model.from_dict``, an enum as its member, a
date-time as ``datetime``, exactly as the client would decode the same JSON. What each call
ends as is ``prism_verdicts``' to say.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import inspect
import json
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

from generator.options import Options
from generator.ir import Api, Operation, OperationGroup, Parameter, TypeRef
from generator.load import Document
from generator.pipeline import generate_files
from generator.write import write_tree

from prism_mock import PrismServer, RecordingProxy
from prism_spec import Sampler, Spec
from prism_verdicts import Call, Mode, SpecReport, classify

TOKEN = "prism-token"
API_KEY = "prism-api-key"


@dataclass
class Generated:
    module: ModuleType
    name: str
    api: Api
    doc: Document
    problems: list[str]


# -- generation -------------------------------------------------------------------------------


def package_name(spec: Path) -> str:
    return "prism_" + re.sub(r"\W", "_", spec.stem).lower()


def generate(spec: Path, root: Path, name: str | None = None) -> Generated:
    """Generate ``spec`` under ``root`` and import it (``root`` joins ``sys.path``)."""
    name = name or package_name(spec)
    result = generate_files(spec, Options(name))
    if result.files is None or result.api is None or result.doc is None:
        raise RuntimeError(
            "not generated: "
            + "; ".join(p.format() for p in result.problems if p.is_error)[:500]
        )
    write_tree(root / name, result.files)
    if str(root / name) not in sys.path:
        sys.path.insert(0, str(root / name))
    for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[loaded]  # a package of the same name from an earlier run
    module = importlib.import_module(name)
    return Generated(
        module, name, result.api, result.doc, [p.format() for p in result.problems]
    )


class Unrepresentable(Exception):
    """The parameter's Python type (its codec) refused the JSON value synthesised for it."""

    def __init__(
        self, param: Parameter, raw: Any, schema: Any, cause: Exception
    ) -> None:
        super().__init__(f"{param.python_name}: {type(cause).__name__}: {cause}")
        self.param, self.raw, self.schema, self.cause = param, raw, schema, cause


class Values:
    """Python arguments for a generated package's methods."""

    def __init__(self, generated: Generated, spec: Spec) -> None:
        self.sampler = Sampler(spec)
        self.spec = spec
        serialization = importlib.import_module(f"{generated.name}._serialization")
        self.namespace: dict[str, Any] = dict(vars(serialization))
        self.namespace["_models"] = importlib.import_module(f"{generated.name}.models")

    def value(self, param: Parameter, full: bool) -> Any:
        if param.type.kind in ("bytes", "file"):
            return (
                b"prism-bytes\x00\x01"  # small, and not text: the body is sent as given
            )
        schema = self.spec.parameter_schema(param)
        raw = self.sampler.sample(schema, full)
        try:
            return self.python(param.type, raw)
        except Exception as exc:
            raise Unrepresentable(param, raw, schema, exc) from exc

    def python(self, type_ref: TypeRef, raw: Any) -> Any:
        """The JSON value as the method takes it: decoded by the IR type's own codec."""
        if type_ref.kind == "str" and not isinstance(raw, str):
            return json.dumps(raw)  # a structured parameter the generator sends as text
        codec = eval(
            type_ref.codec, self.namespace
        )  # the codec text the templates print
        return codec.decode(raw)


# -- credentials ------------------------------------------------------------------------------


class _AccessToken(NamedTuple):
    token: str
    expires_on: int


class _StubToken:
    """What the clients took before the credential classes: ``get_token(*scopes)``."""

    def get_token(self, *scopes: str, **kwargs: Any) -> _AccessToken:
        return _AccessToken(TOKEN, int(time.time()) + 3600)


class _AsyncStubToken:
    async def get_token(self, *scopes: str, **kwargs: Any) -> _AccessToken:
        return _StubToken().get_token(*scopes)


def credentials(generated: Generated, is_async: bool) -> tuple[Any, str]:
    """The credential argument for the client, and a note of what was (not) passed.

    The package's own ``ApiKeyCredential`` / ``BasicAuthCredential`` / ``BearerTokenCredential``
    when it exports them (by getattr: they are being added); else the ``get_token`` object the
    clients take today, which only covers bearer schemes (OAuth2, OpenID Connect, http bearer).
    """
    package = generated.module
    schemes = generated.api.security
    if not schemes:
        return None, "none (no security schemes)"
    api_key_cls = getattr(package, "ApiKeyCredential", None)
    basic_cls = getattr(package, "BasicAuthCredential", None)
    bearer_cls = getattr(package, "BearerTokenCredential", None)
    token = _AsyncStubToken() if is_async else _StubToken()
    chosen: list[Any] = []
    notes: list[str] = []
    api_keys = [s for s in schemes if s.type == "apiKey"]
    for scheme in schemes:
        if scheme.type == "apiKey":
            if api_key_cls is None:
                notes.append(
                    f"{scheme.key} (apiKey {scheme.location} {scheme.parameter_name!r}) NOT SENT: no ApiKeyCredential exported"
                )
                continue
            chosen.append(
                api_key_cls(API_KEY, scheme=scheme.key if len(api_keys) > 1 else None)
            )
            notes.append(f"{scheme.key}: ApiKeyCredential")
        elif scheme.type == "http" and scheme.scheme.lower() == "basic":
            if basic_cls is None:
                notes.append(
                    f"{scheme.key} (http basic) NOT SENT: no BasicAuthCredential exported"
                )
                continue
            chosen.append(basic_cls("prism-user", "prism-password"))
            notes.append(f"{scheme.key}: BasicAuthCredential")
        elif (
            scheme.type == "http"
            and scheme.scheme.lower() == "bearer"
            and bearer_cls is not None
        ):
            chosen.append(bearer_cls(TOKEN))
            notes.append(f"{scheme.key}: BearerTokenCredential")
        elif scheme.type in ("oauth2", "openIdConnect", "http"):
            if token not in chosen:
                chosen.append(token)
            notes.append(f"{scheme.key}: get_token() object")
        else:
            notes.append(f"{scheme.key} ({scheme.type}) NOT SENT: unknown scheme type")
    if not chosen:
        return None, "; ".join(notes)
    new_api = api_key_cls is not None or basic_cls is not None or bearer_cls is not None
    if len(chosen) > 1 and not new_api:
        return chosen[0], "; ".join(notes)
    return (chosen[0] if len(chosen) == 1 else chosen), "; ".join(notes)


def _client(generated: Generated, endpoint: str, is_async: bool) -> tuple[Any, str]:
    package = generated.module
    cls = getattr(
        package,
        generated.api.names.async_client if is_async else generated.api.names.client,
    )
    credential, note = credentials(generated, is_async)
    # No retries: Prism's 500 (its own invalid answer) must not be asked three more times.
    retry = package.RetryPolicy(max_retries=0)
    try:
        return cls(endpoint, credential, retry=retry, read_timeout=60.0), note
    except TypeError as exc:  # a client that takes no sequence of credentials yet
        if not isinstance(credential, list):
            raise
        fallback = next(
            (c for c in credential if hasattr(c, "get_token")), credential[0]
        )
        note += (
            f"; the client refused the list ({exc}), so only {type(fallback).__name__}"
        )
        return cls(endpoint, fallback, retry=retry, read_timeout=60.0), note


# -- calls ------------------------------------------------------------------------------------


def _arguments(values: Values, operation: Operation, mode: Mode) -> dict[str, Any]:
    args: dict[str, Any] = {}
    for param in operation.parameters:
        if param.on_client or param.auto:
            continue  # set on the client, or filled in by it
        if param.required or mode == "all":
            args[param.python_name] = values.value(param, full=mode == "all")
    return args


def _finish_sync(result: Any, operation: Operation) -> None:
    """Consume lazy results so that their requests are made (and bounded)."""
    if operation.result == "paged":
        for index, _ in enumerate(result):
            if index >= 50:
                break
    elif operation.result == "stream":
        try:
            result.read()
        finally:
            result.close()


async def _finish_async(result: Any, operation: Operation) -> None:
    if operation.result == "paged":
        index = 0
        async for _ in result:
            index += 1
            if index >= 50:
                break
    elif operation.result == "stream":
        try:
            await result.read()
        finally:
            await result.close()


def _calls(
    generated: Generated, spec_name: str, client: str, modes: Iterable[Mode]
) -> list[tuple[Call, OperationGroup, Operation, Mode]]:
    planned = []
    for mode in modes:
        for group in generated.api.groups:
            for operation in group.operations:
                call = Call(
                    spec_name,
                    client,
                    mode,
                    f"{group.python_name}.{operation.python_name}",
                    operation.operation_id,
                    f"{operation.http_method} {operation.path}",
                )
                planned.append((call, group, operation, mode))
    return planned


def drive(
    generated: Generated,
    proxy: RecordingProxy,
    spec_name: str,
    *,
    clients: Iterable[str] = ("sync",),
    modes: Iterable[Mode] = ("required", "all"),
    prism: PrismServer | None = None,
) -> tuple[list[Call], str]:
    """Call every operation of the package's clients through ``proxy``; (calls, credential note).

    With ``prism``, a Prism that dies on a request (it does, on some descriptions) is judged
    for that call and started again for the next ones."""
    spec = Spec(generated.doc, generated.api)
    values = Values(generated, spec)
    after = _Judge(spec, proxy, prism)
    calls: list[Call] = []
    note = ""
    modes = tuple(modes)
    for client_kind in clients:
        planned = _calls(generated, spec_name, client_kind, modes)
        if client_kind == "sync":
            note = _drive_sync(generated, proxy, values, after, planned)
        else:
            note = asyncio.run(_drive_async(generated, proxy, values, after, planned))
        calls += [call for call, *_ in planned]
    return calls, note


def _prepare(
    values: Values, call: Call, operation: Operation, mode: Mode
) -> dict[str, Any] | None:
    try:
        return _arguments(values, operation, mode)
    except Unrepresentable as exc:
        # Whose fault: a value the description allows that the generated type cannot hold is
        # the client's; a value the description refuses is this driver's.
        invalid = values.spec.check(exc.raw, exc.schema)
        if not invalid:
            call.outcome = "client_error"
            call.detail = (
                f"the generated type refuses a value valid against the description "
                f"({json.dumps(exc.raw)[:120]}): {exc}"
            )[:400]
        else:
            call.outcome = "driver_error"
            call.detail = f"could not synthesise a valid value ({invalid}): {exc}"[:400]
        return None
    except Exception as exc:
        call.outcome = "driver_error"
        call.detail = f"could not synthesise arguments: {type(exc).__name__}: {exc}"[
            :400
        ]
        return None


def _drive_sync(
    generated: Generated,
    proxy: RecordingProxy,
    values: Values,
    after: _Judge,
    planned: list[Any],
) -> str:
    client, note = _client(generated, proxy.url, is_async=False)
    with client:
        for call, group, operation, mode in planned:
            args = _prepare(values, call, operation, mode)
            if args is None:
                continue
            proxy.take()
            error: BaseException | None = None
            try:
                method: Callable[..., Any] = getattr(
                    getattr(client, group.python_name), operation.python_name
                )
                _finish_sync(method(**args), operation)
            except Exception as exc:
                error = exc
            after(call, error, operation)
    return note


async def _drive_async(
    generated: Generated,
    proxy: RecordingProxy,
    values: Values,
    after: _Judge,
    planned: list[Any],
) -> str:
    client, note = _client(generated, proxy.url, is_async=True)
    async with client:
        for call, group, operation, mode in planned:
            args = _prepare(values, call, operation, mode)
            if args is None:
                continue
            proxy.take()
            error: BaseException | None = None
            try:
                method = getattr(
                    getattr(client, group.python_name), operation.python_name
                )
                result = method(**args)
                if inspect.isawaitable(result):
                    result = await result
                await _finish_async(result, operation)
            except Exception as exc:
                error = exc
            after(call, error, operation)
    return note


class _Judge:
    """After each call: classify it, and revive Prism when the call killed it."""

    def __init__(
        self, spec: Spec, proxy: RecordingProxy, prism: PrismServer | None
    ) -> None:
        self.spec, self.proxy, self.prism = spec, proxy, prism

    def __call__(
        self, call: Call, error: BaseException | None, operation: Operation
    ) -> None:
        classify(call, self.proxy.take(), error, self.spec, operation)
        if call.outcome == "client_error" and error is not None and not call.request:
            call.detail += " | " + _where(error)
        if self.prism is not None and not self.prism.alive():
            call.outcome, call.violations = "prism_invalid", []
            call.detail = f"Prism crashed on this request: {self.prism.crash()}"
            self.prism.restart()
            self.proxy.upstream_port = self.prism.port


def _where(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    inner = frames[-1] if frames else None
    return f"at {Path(inner.filename).name}:{inner.lineno}" if inner else ""


def not_generated(generated: Generated) -> list[str]:
    """Operations of the description that the IR (so the client) does not have."""
    have = {(op.http_method, op.path) for op in generated.api.operations}
    spec = Spec(generated.doc, generated.api)
    return [
        f"{m} {p} ({oid or 'no operationId'})"
        for m, p, oid in spec.operations()
        if (m, p) not in have
    ]


@contextlib.contextmanager
def prism_session(
    spec: Path, work: Path, name: str | None = None
) -> Iterator[tuple[Generated, RecordingProxy]]:
    """The generated package for ``spec`` and a recording proxy in front of Prism for it."""
    generated = generate(spec, work, name)
    with (
        PrismServer(spec, log=work / f"{spec.name}.prism.log") as prism,
        RecordingProxy(prism.port) as proxy,
    ):
        proxy.prism = prism  # so that fill() can revive it after a crash
        yield generated, proxy


def run_spec(
    spec: Path,
    work: Path,
    *,
    clients: Iterable[str] = ("sync",),
    modes: Iterable[Mode] = ("required", "all"),
    name: str | None = None,
) -> SpecReport:
    """Generate ``spec`` under ``work``, start Prism for it, drive every operation, stop Prism."""
    started = time.monotonic()
    report = SpecReport(spec.name)
    try:
        with prism_session(spec, work, name) as (generated, proxy):
            fill(report, generated, proxy, clients=clients, modes=modes)
    except Exception as exc:  # generation or Prism failed: the row says why
        report.problem = f"{type(exc).__name__}: {exc}"[:500]
    report.seconds = time.monotonic() - started
    return report


def fill(
    report: SpecReport,
    generated: Generated,
    proxy: RecordingProxy,
    *,
    clients: Iterable[str] = ("sync",),
    modes: Iterable[Mode] = ("required", "all"),
) -> SpecReport:
    report.operations = len(generated.api.operations)
    report.not_generated = not_generated(generated)
    report.calls, report.credentials = drive(
        generated,
        proxy,
        report.spec,
        clients=clients,
        modes=modes,
        prism=proxy.prism,
    )
    return report
