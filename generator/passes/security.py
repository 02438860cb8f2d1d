"""Security: every scheme of ``securitySchemes`` (``securityDefinitions``), with the kind of
``contract.SECURITY_KINDS`` it is, and each operation's requirement (its own ``security``, else
the top-level one) as alternatives of schemes, each alternative sent together. Every distinct
requirement is named once, as the module-level constant the generated method passes to ``send``.

Azure services keep their own rules (Shared Key or Entra tokens on every request), so their
operations get no requirement here; their schemes are still listed, for the docs.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .. import naming
from ..ir import OperationGroup, Scope, SecurityScheme
from ..problems import join_pointer
from ..validate import iter_operations
from .context import BuildContext, dict_at, text

Requirement = tuple[tuple[str, ...], ...]


def build_security(
    ctx: BuildContext, groups: tuple[OperationGroup, ...], azure: bool
) -> tuple[tuple[SecurityScheme, ...], tuple[OperationGroup, ...]]:
    """(the schemes, the groups with each operation's requirement)."""
    schemes = _schemes(ctx, azure)
    if azure:
        return schemes, groups
    by_key = {s.key: s for s in schemes}
    data = ctx.doc.data
    default = data.get("security")
    requirements: dict[str, Requirement] = {}
    scopes: dict[str, dict[str, None]] = {s.key: {} for s in schemes}
    for _, _, operation, pointer, _ in iter_operations(ctx.doc):
        if "security" in operation:
            raw, where = operation["security"], join_pointer(pointer, "security")
        else:
            raw, where = default, "#/security"
        requirements[pointer] = _requirement(ctx, raw, where, by_key, scopes)
    schemes = tuple(dataclasses.replace(s, required_scopes=tuple(scopes[s.key])) for s in schemes)
    by_key = {s.key: s for s in schemes}
    namer = naming.Namer()
    names: dict[Requirement, str] = {}
    for requirement in dict.fromkeys(requirements.values()):
        if requirement:
            names[requirement] = namer.claim(_constant(requirement))[0]

    def with_security(group: OperationGroup) -> OperationGroup:
        operations = []
        for op in group.operations:
            requirement = requirements.get(op.pointer, ())
            security = tuple(tuple(by_key[key] for key in alternative) for alternative in requirement)
            operations.append(dataclasses.replace(op, security=security, auth_name=names.get(requirement, "")))
        return dataclasses.replace(group, operations=tuple(operations))

    return schemes, tuple(with_security(g) for g in groups)


def _requirement(
    ctx: BuildContext, raw: Any, pointer: str, schemes: dict[str, SecurityScheme], scopes: dict[str, dict[str, None]]
) -> Requirement:
    """The alternatives of a ``security`` list, in order; () when nothing is needed."""
    if not isinstance(raw, list):
        return ()
    alternatives: list[tuple[str, ...]] = []
    for index, entry in enumerate(raw):
        where = join_pointer(pointer, index)
        if not isinstance(entry, dict):
            continue
        unknown = [str(k) for k in entry if str(k) not in schemes]
        if unknown:
            ctx.warn(f"security requirement names undeclared scheme {unknown[0]!r}; this alternative is left out", where)
            continue
        if any(not schemes[str(k)].kind for k in entry):
            continue  # the scheme itself was warned about
        for key, wanted in entry.items():
            for scope in wanted if isinstance(wanted, list) else []:
                scopes[str(key)].setdefault(str(scope), None)
        alternatives.append(tuple(str(k) for k in entry))
    if raw and not alternatives:
        ctx.warn("no alternative of this security requirement can be applied; requests are sent without credentials", pointer)
    if all(not alternative for alternative in alternatives):
        return ()  # only anonymous access: nothing to send
    return tuple(dict.fromkeys(alternatives))


def _constant(requirement: Requirement) -> str:
    """``_AUTH_API_KEY``, ``_AUTH_BASIC_OR_BEARER``, ``_AUTH_APP_ID_AND_APP_KEY``, ``_AUTH_..._OR_ANONYMOUS``."""
    parts = ["_AND_".join(naming.constant(key) for key in alternative) or "ANONYMOUS" for alternative in requirement]
    return "_AUTH_" + "_OR_".join(parts)


def _kind(ctx: BuildContext, scheme: dict[str, Any], key: str, token_url: str, pointer: str) -> str:
    """The ``contract.SECURITY_KINDS`` key of a scheme; "" (with a warning) when it has none."""
    kind = str(scheme.get("type", ""))
    if kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie") and isinstance(scheme.get("name"), str):
        return f"apiKey-{scheme['in']}"
    if kind == "http" and str(scheme.get("scheme", "")).lower() in ("basic", "bearer"):
        return f"http-{str(scheme['scheme']).lower()}"
    if kind == "basic":  # Swagger 2.0
        return "http-basic"
    if kind == "oauth2":
        return "oauth2-client-credentials" if token_url else "oauth2"
    if kind == "openIdConnect":
        return kind
    detail = f"{kind} {scheme.get('scheme') or scheme.get('in') or ''}".strip()
    ctx.warn(f"security scheme {key!r} ({detail}) is not supported; operations that need it cannot send it", pointer)
    return ""


def _schemes(ctx: BuildContext, azure: bool) -> tuple[SecurityScheme, ...]:
    """Every declared scheme; its ``kind`` only where the package applies schemes (not Azure)."""
    data = ctx.doc.data
    if ctx.version == "2.0":
        schemes: Any = data.get("securityDefinitions")
        base = "#/securityDefinitions"
    else:
        components = dict_at(data, "components")
        schemes = components.get("securitySchemes")
        base = "#/components/securitySchemes"
    if not isinstance(schemes, dict):
        return ()
    out: list[SecurityScheme] = []
    for key, raw in schemes.items():
        pointer = join_pointer(base, key)
        scheme, _ = ctx.deref(raw, pointer)
        if not isinstance(scheme, dict):
            continue
        kind = str(scheme.get("type", ""))
        flows: list[tuple[str, Any]] = []
        if ctx.version == "2.0":
            flows = [(str(scheme.get("flow", "")), scheme)]
        elif isinstance(scheme.get("flows"), dict):
            flows = [(str(name), flow) for name, flow in scheme["flows"].items()]
        # the first flow describes the scheme in the docs; a client-credentials flow gives the token URL
        flow_name, flow = flows[0] if flows else ("", {})
        flow = flow if isinstance(flow, dict) else {}
        token_url = ""
        for name, candidate in flows:
            if name in ("clientCredentials", "application") and isinstance(candidate, dict) and isinstance(candidate.get("tokenUrl"), str):
                token_url = candidate["tokenUrl"]
                break
        scopes_raw: dict[Any, Any] = dict_at(flow, "scopes")
        out.append(
            SecurityScheme(
                key=str(key),
                type=kind,
                description=text(scheme, "description"),
                flow=flow_name,
                authorization_url=str(flow.get("authorizationUrl", "")),
                token_url=token_url or str(flow.get("tokenUrl", "")),
                scopes=tuple(Scope(str(k), str(v)) for k, v in scopes_raw.items()),
                location=str(scheme.get("in", "")),
                parameter_name=str(scheme.get("name", "")),
                scheme=str(scheme.get("scheme", "")),
                kind="" if azure else _kind(ctx, scheme, str(key), token_url, pointer),
            )
        )
    return tuple(out)
