"""The generated package's public API as data (``api.json`` in every generated package), and
the differences between two of them, each classified breaking or not.

The surface is what users program against: methods and their parameters, return types and
response headers, models and their fields, enums and their values, each with the JSON pointer
of where the description defines it. ``diff`` compares two surfaces (two descriptions of an API,
in any mix of formats); the build step uses it for the changelog when ``info.version`` changes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .ir import Api, TypeRef
from .markdown import md, md_cell, md_code


def _c(*parts: str) -> str:
    """A name from the description as a Markdown code span that no text in it can break."""
    return md_code("".join(parts), cell=True)


def _type(t: TypeRef | None) -> str:
    if t is None:
        return "None"
    text = t.annotation
    if t.format and t.kind in ("int", "float", "str"):
        text += f" ({t.format})"
    return text


def surface(api: Api, package_version: str) -> dict[str, Any]:
    operations: dict[str, Any] = {}
    for group in api.groups:
        for op in group.operations:
            key = op.operation_id or f"{group.python_name}.{op.python_name}"
            operations[key] = {
                "method": f"{group.python_name}.{op.python_name}",
                "http": f"{op.http_method} {op.path}",
                "pointer": op.pointer,
                "returns": op.return_annotation,
                "parameters": {
                    # the body is matched by place: its name in the description is incidental
                    ("body" if p.location == "body" else f"{p.location}:{p.wire_name}"): {
                        "python": p.python_name,
                        "required": p.required,
                        "type": _type(p.type),
                        "pointer": p.pointer,
                    }
                    for p in op.parameters
                    if not p.on_client
                },
                "response_headers": {h.wire_name.lower(): {"python": h.python_name, "type": _type(h.type)} for h in op.response_headers},
            }
    models = {
        m.class_name: {
            "wire": m.wire_name,
            "pointer": m.pointer,
            "base": m.base,
            "properties": {
                p.wire_name: {"python": p.python_name, "type": _type(p.type), "required": p.required} for p in m.all_properties
            },
        }
        for m in api.models
    }
    enums = {e.class_name: {"pointer": e.pointer, "values": [v.value for v in e.values]} for e in api.enums}
    return {
        "title": api.title,
        "api_version": api.version,
        "package": api.names.package,
        "package_version": package_version,
        "operations": operations,
        "models": models,
        "enums": enums,
    }


@dataclass(frozen=True)
class Change:
    kind: str  # e.g. "operation removed", "parameter made required"
    breaking: bool
    message: str
    old_pointer: str = ""
    new_pointer: str = ""


@dataclass
class Report:
    old_version: str
    new_version: str
    title: str
    changes: list[Change] = field(default_factory=list)

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.breaking]

    @property
    def non_breaking(self) -> list[Change]:
        return [c for c in self.changes if not c.breaking]


def diff(old: dict[str, Any], new: dict[str, Any]) -> Report:
    report = Report(str(old.get("api_version", "")), str(new.get("api_version", "")), str(new.get("title", "")))
    add = report.changes.append
    old_ops, new_ops = old.get("operations", {}), new.get("operations", {})
    by_http_old = {v["http"]: k for k, v in old_ops.items()}
    by_http_new = {v["http"]: k for k, v in new_ops.items()}
    renamed: set[str] = set()
    for key, op in old_ops.items():
        if key in new_ops:
            continue
        other = by_http_new.get(op["http"])
        if other is not None and other not in old_ops:
            renamed.add(other)
            n = new_ops[other]
            add(Change("operation renamed", op["method"] != n["method"],
                       f"{_c(op['http'])}: operation {_c(key)} is now {_c(other)} ({_c('client.', op['method'])} → {_c('client.', n['method'])})",
                       op["pointer"], n["pointer"]))
            _compare_operation(add, op, n)
        else:
            add(Change("operation removed", True, f"operation {_c(key)} ({_c('client.', op['method'])}, {_c(op['http'])}) removed", op["pointer"]))
    for key, op in new_ops.items():
        if key not in old_ops and key not in renamed:
            if by_http_old.get(op["http"]) in new_ops or op["http"] not in by_http_old:
                add(Change("operation added", False, f"operation {_c(key)} ({_c('client.', op['method'])}, {_c(op['http'])}) added", "", op["pointer"]))
    for key in old_ops.keys() & new_ops.keys():
        o, n = old_ops[key], new_ops[key]
        if o["method"] != n["method"]:
            add(Change("method renamed", True, f"{_c(key)}: {_c('client.', o['method'])} is now {_c('client.', n['method'])}", o["pointer"], n["pointer"]))
        _compare_operation(add, o, n)

    old_models, new_models = old.get("models", {}), new.get("models", {})
    for name, model in old_models.items():
        if name not in new_models:
            add(Change("model removed", True, f"model {_c(name)} removed", model["pointer"]))
            continue
        other = new_models[name]
        for wire, prop in model["properties"].items():
            where = (model["pointer"], other["pointer"])
            if wire not in other["properties"]:
                add(Change("property removed", True, f"{_c(name, '.', prop['python'])} ({_c(wire)}) removed", *where))
                continue
            now = other["properties"][wire]
            if now["type"] != prop["type"]:
                add(Change("property retyped", True, f"{_c(name, '.', prop['python'])} ({_c(wire)}): {_c(prop['type'])} → {_c(now['type'])}", *where))
            if now["python"] != prop["python"]:
                add(Change("property renamed", True, f"{_c(name, '.', prop['python'])} is now {_c(name, '.', now['python'])} ({_c(wire)})", *where))
            if now["required"] and not prop["required"]:
                add(Change("property made required", True, f"{_c(name, '.', now['python'])} ({_c(wire)}) is now required", *where))
        for wire, prop in other["properties"].items():
            if wire not in model["properties"]:
                add(Change("property added", bool(prop["required"]),
                           f"{_c(name, '.', prop['python'])} ({_c(wire)}) added{' (required)' if prop['required'] else ''}",
                           model["pointer"], other["pointer"]))
    for name, model in new_models.items():
        if name not in old_models:
            add(Change("model added", False, f"model {_c(name)} added", "", model["pointer"]))

    old_enums, new_enums = old.get("enums", {}), new.get("enums", {})
    for name, enum in old_enums.items():
        if name not in new_enums:
            add(Change("enum removed", True, f"enum {_c(name)} removed", enum["pointer"]))
            continue
        other = new_enums[name]
        for value in enum["values"]:
            if value not in other["values"]:
                add(Change("enum value removed", True, f"{_c(name)}: value {_c(value)} removed", enum["pointer"], other["pointer"]))
        for value in other["values"]:
            if value not in enum["values"]:
                add(Change("enum value added", False, f"{_c(name)}: value {_c(value)} added", enum["pointer"], other["pointer"]))
    for name, enum in new_enums.items():
        if name not in old_enums:
            add(Change("enum added", False, f"enum {_c(name)} added", "", enum["pointer"]))
    return report


_TYPING_ALIAS = re.compile(r"\b(List|Dict)\[")


def _returns(op: dict[str, Any]) -> str:
    """An operation's return annotation; an older ``api.json`` spells ``list`` and ``dict`` as
    typing's ``List`` and ``Dict`` (a class may not be named so): the same types."""
    return _TYPING_ALIAS.sub(lambda m: m.group(1).lower() + "[", str(op["returns"]))


def _compare_operation(add: Callable[[Change], None], o: dict[str, Any], n: dict[str, Any]) -> None:
    method = f"client.{n['method']}"
    for key, param in o["parameters"].items():
        where = (param["pointer"], o["pointer"])
        if key not in n["parameters"]:
            add(Change("parameter removed", True, f"{_c(method)}: parameter {_c(param['python'])} ({_c(key)}) removed", param["pointer"], n["pointer"]))
            continue
        now = n["parameters"][key]
        where = (param["pointer"], now["pointer"])
        if now["type"] != param["type"]:
            add(Change("parameter retyped", True, f"{_c(method)}: {_c(param['python'])} ({_c(key)}): {_c(param['type'])} → {_c(now['type'])}", *where))
        if now["python"] != param["python"]:
            add(Change("parameter renamed", True, f"{_c(method)}: {_c(param['python'])} is now {_c(now['python'])} ({_c(key)})", *where))
        if now["required"] and not param["required"]:
            add(Change("parameter made required", True, f"{_c(method)}: {_c(now['python'])} ({_c(key)}) is now required", *where))
        if param["required"] and not now["required"]:
            add(Change("parameter made optional", False, f"{_c(method)}: {_c(now['python'])} ({_c(key)}) is now optional", *where))
    for key, param in n["parameters"].items():
        if key not in o["parameters"]:
            add(Change("parameter added", bool(param["required"]),
                       f"{_c(method)}: parameter {_c(param['python'])} ({_c(key)}) added{' (required)' if param['required'] else ''}",
                       o["pointer"], param["pointer"]))
    if _returns(o) != _returns(n):
        add(Change("return type changed", True, f"{_c(method)} returns {_c(n['returns'])} instead of {_c(o['returns'])}", o["pointer"], n["pointer"]))
    for wire, header in o["response_headers"].items():
        if wire not in n["response_headers"]:
            add(Change("response header removed", True, f"{_c(method)}: response header {_c(wire)} removed", o["pointer"], n["pointer"]))
        elif n["response_headers"][wire]["type"] != header["type"]:
            add(Change("response header retyped", True,
                       f"{_c(method)}: response header {_c(wire)}: {_c(header['type'])} → {_c(n['response_headers'][wire]['type'])}",
                       o["pointer"], n["pointer"]))
    for wire in n["response_headers"].keys() - o["response_headers"].keys():
        add(Change("response header added", False, f"{_c(method)}: response header {_c(wire)} added", o["pointer"], n["pointer"]))


Locator = Callable[[str], str]  # pointer → "file:line:col"


def markdown(report: Report, old_at: Locator | None = None, new_at: Locator | None = None, heading: str = "#") -> str:
    def where(locate: Locator | None, pointer: str) -> str:
        if not pointer:
            return "—"
        place = locate(pointer) if locate else ""
        return f"{md_cell(place)} {md_code(pointer, cell=True)}".strip()

    lines = [
        f"{heading} API changes: {md(report.title)} {md(report.old_version)} → {md(report.new_version)}",
        "",
        f"{len(report.breaking)} breaking, {len(report.non_breaking)} non-breaking.",
    ]
    for title, changes in (("Breaking", report.breaking), ("Non-breaking", report.non_breaking)):
        if not changes:
            continue
        lines += ["", f"{heading}# {title}", "", "| Change | Kind | Old | New |", "|---|---|---|---|"]
        for c in changes:
            message = c.message.replace("\n", " ")
            lines.append(f"| {message} | {c.kind} | {where(old_at, c.old_pointer)} | {where(new_at, c.new_pointer)} |")
    return "\n".join(lines) + "\n"


def as_json(report: Report, old_at: Locator | None = None, new_at: Locator | None = None) -> dict[str, Any]:
    def place(locate: Locator | None, pointer: str) -> dict[str, str] | None:
        if not pointer:
            return None
        return {"pointer": pointer, "at": locate(pointer) if locate else ""}

    return {
        "title": report.title,
        "old_version": report.old_version,
        "new_version": report.new_version,
        "summary": {"breaking": len(report.breaking), "non_breaking": len(report.non_breaking)},
        "changes": [
            {"kind": c.kind, "breaking": c.breaking, "message": c.message, "old": place(old_at, c.old_pointer), "new": place(new_at, c.new_pointer)}
            for c in report.changes
        ],
    }


INITIAL_VERSION = "1.0.0"


def release(previous: dict[str, Any] | None, previous_changelog: str, current: dict[str, Any]) -> tuple[str, str]:
    """(package version, CHANGELOG.md text) of a generation, from the previous output's.

    The package version changes only when ``info.version`` does: a major bump when the new
    API breaks the old one, a minor bump otherwise; the changelog gains a section listing
    the changes. A regeneration of the same API version keeps both as they were.
    """
    api_version = str(current.get("api_version", ""))
    if previous is None or "package_version" not in previous:
        changelog = f"# Changelog\n\n## {INITIAL_VERSION} (API version {md(api_version)})\n\nFirst release of this package.\n"
        return INITIAL_VERSION, changelog
    old_version = str(previous["package_version"])
    if str(previous.get("api_version", "")) == api_version and previous_changelog:
        return old_version, previous_changelog
    report = diff(previous, current)
    parts = [_version_part(p) for p in (old_version.split(".") + ["0", "0"])[:3]]
    new_version = f"{parts[0] + 1}.0.0" if report.breaking else f"{parts[0]}.{parts[1] + 1}.0"
    section = f"## {new_version} (API version {md(api_version)})\n\n" + markdown(report, heading="###").split("\n", 2)[2]
    head, _, rest = previous_changelog.partition("\n\n")
    if not head.startswith("# "):
        head, rest = "# Changelog", previous_changelog
    return new_version, f"{head}\n\n{section}\n{rest}".rstrip("\n") + "\n"


def _version_part(text: str) -> int:
    """A part of the previous package version as a number, 0 when it is none: ASCII digits
    only (``"²".isdigit()`` holds, and ``int`` refuses it), and fewer than ``int`` refuses."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 640 else 0


def json_text(value: Any, indent: int = 1) -> str:
    """``json.dumps(value, indent=indent, ensure_ascii=True)``, the same text in a third of the
    time: with an indent, the standard library encodes in Python, one generator per container
    (most of a large API's surface file, 0.3 s for GitHub's). Leaves go to the C encoder; a
    value of any other type (or a key that is not a string) goes to ``json.dumps`` itself."""
    out: list[str] = []
    try:
        _encode(value, out, "\n", " " * indent)
    except (_Other, RecursionError):
        return json.dumps(value, indent=indent, ensure_ascii=True)
    return "".join(out)


class _Other(Exception):
    """A value ``_encode`` leaves to ``json.dumps``."""


_LEAF = json.encoder.encode_basestring_ascii


def _encode(value: Any, out: list[str], newline: str, step: str) -> None:
    if isinstance(value, str):
        out.append(_LEAF(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif type(value) is int:
        out.append(int.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + step
        out.append("{")
        first = True
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Other
            out.append(inner if first else "," + inner)
            first = False
            out.append(_LEAF(key))
            out.append(": ")
            _encode(item, out, inner, step)
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + step
        out.append("[")
        for index, item in enumerate(value):
            out.append(inner if index == 0 else "," + inner)
            _encode(item, out, inner, step)
        out.append(newline + "]")
    else:  # floats (NaN, infinities), subclasses, anything else: the standard library decides
        raise _Other
