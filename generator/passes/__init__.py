"""Spec → IR. The passes, in order:

1. ``schemas.SchemaResolver.register_components``: every named object schema gets its class name,
   then its model (so references resolve in any order, recursion included);
2. ``operations.OperationBuilder.build_groups``: groups, methods, parameters, responses (inline
   schemas met here become models too);
3. ``security.build_security``: the schemes, and each operation's requirement of them;
   then the servers: the base URL;
4. ``_azure_conventions``: for Azure services, ``ocp-date`` and ``client-request-id`` are filled in
   by the client, as the official Azure clients do;
5. ``fake.build_fake``: the tables of the package's fake service (``NAME.testing``), from the
   finished IR.

Each pass reads the document and the names decided before it; the result is one frozen ``Api``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

from .. import naming
from ..contract import RESERVED_NAMES
from ..ir import Api, Names, Operation, OperationGroup
from ..load import Document
from ..options import Options
from ..problems import Problem, join_pointer
from .context import BuildContext, dict_at, list_at, text
from .fake import build_fake
from .operations import OperationBuilder, mark_query_clashes
from .schemas import SchemaResolver
from .security import build_security

__all__ = ["Options", "build_api"]

# Names a schema's class may not take: what the runtime exports and what generated modules import.
RUNTIME_NAMES = RESERVED_NAMES


def build_api(doc: Document, version: str, options: Options, source_dir: Path | None = None) -> tuple[Api | None, list[Problem]]:
    ctx = BuildContext(doc, version, options, source_dir=source_dir)
    info = dict_at(doc.data, "info")
    title = text(info, "title") or "Api"
    base = options.client_name or _client_base(title)
    names = Names(
        package=options.package,
        client=f"{base}Client",
        async_client=f"Async{base}Client",
        raw_client=f"{base}ClientWithRawResponse",
        async_raw_client=f"Async{base}ClientWithRawResponse",
        error=f"{base}ServiceError",
        distribution=options.package.replace("_", "-"),
    )
    top_namer = naming.Namer(RUNTIME_NAMES | {names.client, names.async_client, names.raw_client, names.async_raw_client, names.error})
    schemas = SchemaResolver(ctx, top_namer)
    schemas.register_components()
    groups = OperationBuilder(ctx, schemas, top_namer).build_groups()
    models, enums = schemas.finish()
    groups = mark_query_clashes(ctx, groups, models)
    azure = bool(options.credential_scopes)
    security, groups = build_security(ctx, groups, azure)
    if azure:
        groups = _azure_conventions(groups)
    error_models = Counter(op.error_model for g in groups for op in g.operations if op.error_model)
    base_url, base_url_description, endpoint_example = _server(ctx)
    api = Api(
        title=title,
        version=str(info.get("version", "")),
        description=text(info, "description"),
        names=names,
        base_url=base_url,
        base_url_description=base_url_description,
        endpoint_example=endpoint_example,
        groups=groups,
        models=models,
        enums=enums,
        security=security,
        error_model=error_models.most_common(1)[0][0] if error_models else "",
        credential_scopes=options.credential_scopes,
        azure=azure,
        spec_file=doc.file.replace("\\", "/").rsplit("/", 1)[-1],  # the name only: output must not depend on where it ran
        api_version_param=next((p.wire_name for op in (o for g in groups for o in g.operations) for p in op.parameters if p.on_client), ""),
    )
    return build_fake(api), ctx.problems()


def _client_base(title: str) -> str:
    """``BatchServiceClient`` → ``BatchService``; ``Swagger Petstore`` → ``SwaggerPetstore``."""
    base = naming.pascal(title)
    base = re.sub(r"(Client|Api|API)$", "", base) or base
    return base if base.isidentifier() else "Api"


def _azure_conventions(groups: tuple[OperationGroup, ...]) -> tuple[OperationGroup, ...]:
    auto = {"ocp-date": "now", "client-request-id": "uuid4"}

    def fix(op: Operation) -> Operation:
        params = tuple(
            dataclasses.replace(p, auto=auto[p.wire_name.lower()])  # type: ignore[arg-type]
            if p.location == "header" and p.wire_name.lower() in auto and not p.required
            else p
            for p in op.parameters
        )
        return dataclasses.replace(op, parameters=params)

    return tuple(dataclasses.replace(g, operations=tuple(fix(op) for op in g.operations)) for g in groups)


def _server(ctx: BuildContext) -> tuple[str, str, str]:
    """(URL template, description of its variables, an example URL with the defaults filled in)."""
    data = ctx.doc.data
    host = data.get("x-ms-parameterized-host")
    if isinstance(host, dict) and isinstance(host.get("hostTemplate"), str):
        template = host["hostTemplate"]
        descriptions = []
        for index, raw in enumerate(list_at(host, "parameters")):
            param, _ = ctx.deref(raw, join_pointer("#/x-ms-parameterized-host/parameters", index))
            descriptions.append(text(param, "description"))
        prefix = ""
        if host.get("useSchemePrefix", True):
            schemes = list_at(data, "schemes") or ["https"]
            prefix = f"{schemes[0]}://"
        return prefix + template + str(data.get("basePath", "") or ""), " ".join(d for d in descriptions if d), "https://example.invalid"
    servers = data.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict):
        url = str(servers[0].get("url", ""))
        variables = dict_at(servers[0], "variables")
        descriptions = [text(v, "description") for v in variables.values() if isinstance(v, dict)]
        example = url
        for name, variable in variables.items():
            if isinstance(variable, dict) and "default" in variable:
                example = example.replace("{" + str(name) + "}", str(variable["default"]))
        if not re.match(r"^https?://[^\s{}]+$", example):
            example = "https://example.invalid"
        return url, " ".join(d for d in descriptions if d) or text(servers[0], "description"), example
    if ctx.version == "2.0" and isinstance(data.get("host"), str):
        schemes = list_at(data, "schemes", ["https"])
        url = f"{schemes[0]}://{data['host']}{data.get('basePath', '')}"
        return url, "", url if re.match(r"^https?://[^\s{}]+$", url) else "https://example.invalid"
    return "", "", "https://example.invalid"
