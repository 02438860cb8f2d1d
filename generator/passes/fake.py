"""The fake service's tables (``NAME.testing``), from the finished IR: the last pass.

Everything the generated fake knows about the API is decided here, as plain JSON data that
``templates/package/_fake_tables.json.j2`` prints into ``NAME/_fake_tables.json`` (data, not
code: GitHub's tables are megabytes, seconds to compile as Python literals): per operation, how a request is
matched (method and a path pattern), what each parameter must be (location, style, schema), the
body's schema, the answer it synthesises (status, response headers, body, paging) and the
security it checks; per model, its properties. The fake's runtime code (``testing.py``) reads
only these tables, so the templates loop and print; they never decide.

A schema is a small dict: ``"t"`` its kind (``contract.KINDS``' keys), ``"f"`` the format,
``"n"`` nullable, ``"enum"``/``"const"``/``"m"`` (model)/``"items"``/``"values"``/``"any_of"``
by kind, and the schema's value constraints under their own keywords (``"pattern"``...), with
``"sample"``, a text made from the pattern, where none of the fake's fixed texts meets it.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import re
from typing import Any
from urllib.parse import quote

from .. import naming
from ..contract import FAKE_FRAMING_HEADERS, FAKE_SERVICE_MEMBERS
from ..ir import Api, FakeGroup, FakeOperation, FakeTable, Model, Operation, Parameter, TypeRef
from ..pyfmt import pystr
from .adapter import media_kind
from .samples import Samples, fake_text, pattern_text

# Azure's conventions the fake answers by: a response header that echoes a request header, and
# the request header that asks for it ("" for always).
_AZURE_ECHO = {"client-request-id": "return-client-request-id"}
# Where an error model's code and message are (wire names, case-insensitive), best first.
_CODE_NAMES = ("code", "errorcode", "error_code", "error")
_MESSAGE_NAMES = ("message", "value", "detail", "description", "title", "error_description")
_LANGUAGE_NAMES = ("lang", "language")  # the message's language, where the model has one (Batch)


def build_fake(api: Api) -> Api:
    """The API with its fake's tables (``Api.fake``)."""
    enums = {e.class_name: tuple(v.value for v in e.values) for e in api.enums}
    _TREES.clear()  # keyed by this build's enums: no tree of an earlier build is kept alive
    _TAGS.clear()
    models = {m.class_name: m for m in api.models}
    group_namer = naming.Namer(FAKE_SERVICE_MEMBERS)
    groups: list[FakeGroup] = []
    entries: list[dict[str, Any]] = []
    enum_types = {e.class_name: e for e in api.enums}
    alike = _same_requests(api, enums)
    for group in api.groups:
        attribute, _ = group_namer.claim(group.python_name)
        operations = []
        samples = Samples(enum_types)
        test_namer = naming.Namer()  # every name starts with test_: nothing else in the module does
        for op in group.operations:
            key = f"{group.python_name}.{op.python_name}"
            requests = 2 if op.result == "paged" and op.paging is not None and op.paging.next_link_attr else 1
            required = Samples(enum_types)  # what the required arguments alone use (docs' example)
            required_args = tuple(required.arguments(op, everything=False))
            operations.append(
                FakeOperation(
                    key=key, attribute=op.python_name, summary=op.summary or op.operation_id,
                    required_args=required_args, required_uses=tuple(sorted(required.used)),
                    all_args=tuple(samples.arguments(op, everything=True)), result=op.result, requests=requests,
                    http_method=op.http_method, test_name=test_namer.claim(f"test_{op.python_name}")[0],
                    async_test_name=test_namer.claim(f"test_{op.python_name}_async")[0],
                    same_requests=alike.get(key, ()),
                )
            )
            entries.append(_operation(api, op, key, enums, models))
        class_name = "_" + group.class_name.removesuffix("Operations") + "Fake"
        titled = f" ({group.title})" if group.title and group.title != group.python_name else ""
        docstring = f"The fakes of the ``{group.python_name}`` operations{titled}."
        test_module = "test_" + group.module.lstrip("_")
        groups.append(
            FakeGroup(
                attribute=attribute, class_name=class_name, docstring=docstring, operations=tuple(operations),
                test_module=test_module, test_imports=tuple(sorted(samples.used)),
            )
        )
    model_entries = [_model(m, models, enums) for m in api.models]
    for entry in model_entries:  # every tree is built by now: each variant's values are known
        if entry["name"] in _TAGS and "discriminator" not in entry:
            wire, values = _TAGS[entry["name"]]
            # a mapping's own value before the schema's name (which the mapping may not list)
            named = models[entry["name"]].wire_name
            entry["tag"] = [wire, next((v for v in values if v != named), values[0])]
    table = FakeTable(
        groups=tuple(groups),
        operations=tuple(entries),
        models=tuple(model_entries),
        error=_error_shape(api, models),
        fixture=f"{api.names.package}_fake",
    )
    _TREES.clear()
    _TAGS.clear()
    return dataclasses.replace(api, fake=table)


# Schema trees already built, by the type's repr (not the type: 1 == 1.0 == True as constraint
# values, and they print differently) and the enums' identity (one build's); trees are shared
# (GitHub's tables repeat a few thousand schemas a hundred thousand times).
_TREES: dict[tuple[str, int], dict[str, Any]] = {}
# A discriminated union's variant models: (discriminator, the values that name it), gathered as
# the trees are built (ix-api.net: samples of a variant sent 'fake' where the tag belongs).
_TAGS: dict[str, tuple[str, list[str]]] = {}


def schema_tree(t: TypeRef, enums: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """A type as the fake's schema dict."""
    key = (repr(t), id(enums))
    tree = _TREES.get(key)
    if tree is None:
        tree = _TREES[key] = _schema_tree(t, enums)
    return tree


def _schema_tree(t: TypeRef, enums: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    tree: dict[str, Any] = {"t": t.kind}
    if t.format:
        tree["f"] = t.format
    if t.nullable:
        tree["n"] = True
    match t.kind:
        case "enum":
            tree["enum"] = list(enums.get(t.model, ()))
        case "model":
            tree["m"] = t.model
        case "literal":
            tree["const"] = ast.literal_eval(t.literal)  # the IR holds it as Python source
        case "list":
            assert t.item is not None
            tree["items"] = schema_tree(t.item, enums)
        case "dict":
            assert t.item is not None
            tree["values"] = schema_tree(t.item, enums)
        case "union":
            tree["any_of"] = [schema_tree(v, enums) for v in t.variants]
            if t.discriminator:
                tree["d"] = t.discriminator
                tree["map"] = {v: i for v, i in t.mapping}
                for value, index in t.mapping:  # each variant's values: its samples carry one
                    if t.variants[index].kind == "model":
                        _TAGS.setdefault(t.variants[index].model, (t.discriminator, []))[1].append(value)
        case _:
            pass
    tree.update(t.constraints)
    if t.constraints and (made := pattern_text(t, fake_text(t))) is not None:
        tree["sample"] = made  # what the fake answers where none of its fixed texts meets the pattern
    return tree


def _same_requests(api: Api, enums: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Per operation key, the other operations whose requests are alike to the fake: the same
    method and path pattern, the same required query and header names (the fake gives such a
    request to the first of them the request is valid for)."""
    by_route: dict[tuple[str, str, frozenset[tuple[str, str]]], list[str]] = {}
    for group in api.groups:
        for op in group.operations:
            required = frozenset((p.location, p.wire_name.lower()) for p in op.parameters if p.required and p.location in ("query", "header"))
            required |= {("query", k.lower()) for k, _ in op.path_query}
            by_route.setdefault((op.http_method, _path_pattern(op, enums), required), []).append(f"{group.python_name}.{op.python_name}")
    return {key: tuple(k for k in keys if k != key) for keys in by_route.values() if len(keys) > 1 for key in keys}


def _path_pattern(op: Operation, enums: dict[str, tuple[str, ...]]) -> str:
    """A regular expression of the path template over the raw (percent-encoded) path; each
    parameter a named group ``p<index of the parameter>``. A segment sent unencoded
    (``x-ms-skip-url-encoding``) may hold slashes."""
    index = {p.wire_name: i for i, p in enumerate(op.parameters) if p.location == "path"}
    out = ["^"]
    pieces = re.split(r"(\{[^{}]*\})", op.path)
    for at, piece in enumerate(pieces):
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else None
        if name is not None and name in index:
            param = op.parameters[index[name]]
            text = ".+?" if param.skip_encoding else "[^/]+"
            before = at + 2 < len(pieces) and pieces[at + 1] == ""
            after = at >= 2 and pieces[at - 1] == ""
            if before or after:
                # another parameter beside it (nasa.gov's ``{id}{.format}``, healthcare.gov's
                # ``{pageName}{mediaTypeExtension}``): an integer's digits, an enum's values,
                # else the shortest text before the other, so that one keeps its share
                values = enums.get(param.type.model, ()) if param.type.kind == "enum" else ()
                if param.type.kind == "int":
                    text = "[+-]?[0-9]+"
                elif values:
                    text = "|".join(sorted({re.escape(v) for v in values} | {re.escape(quote(v, safe="")) for v in values}, key=lambda v: (-len(v), v)))
                elif before:
                    text = text.rstrip("?") + "?"
            out.append(f"(?P<p{index[name]}>{text})")
        else:
            out.append(re.escape(piece))
    out.append("$")
    return "".join(out)


def _parameter(p: Parameter, enums: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    entry = {"wire": p.wire_name, "python": p.python_name, "location": p.location, "required": p.required, "schema": schema_tree(p.type, enums)}
    if p.style:
        # a multipart field the client sends as JSON text (an object, a map) is read as JSON
        entry["style"] = "json" if p.style == "multipart" and media_kind(p.media_type) == "json" else p.style
    if p.explode:
        entry["explode"] = True
    if p.on_client and p.client_default:
        # the client sends the version it was generated for: the fake serves that one only
        entry["value"] = p.client_default
    return entry


def _success(op: Operation) -> tuple[int, str]:
    """(status, media type) of the answer the fake gives: the first declared success."""
    for response in op.success:
        if response.status.isdigit():
            return int(response.status), response.media_type
    return (204 if op.result in ("none", "headers") else 200), (op.success[0].media_type if op.success else "")


def _response_body(op: Operation, enums: dict[str, tuple[str, ...]]) -> dict[str, Any] | None:
    for response in op.success:
        if response.body is not None:
            return schema_tree(response.body, enums)
    return None


def _example(op: Operation, status: int) -> str:
    """The body the fake answers with when no stub is set, as JSON text, if the description has
    one for its status: an x-ms-examples file's first, else the response's own example. The fake
    checks it against the schema before answering with it (examples are often stale)."""
    for example in op.examples:
        for example_status, body in example.responses:
            if example_status == str(status):
                return json.dumps(json.loads(body), ensure_ascii=True, separators=(",", ":"))
    return next((r.example for r in op.success if r.status == str(status) and r.example), "")


def _operation(api: Api, op: Operation, key: str, enums: dict[str, tuple[str, ...]], models: dict[str, Model]) -> dict[str, Any]:
    """An ``_Operation``'s fields, those at their defaults left out."""
    status, media = _success(op)
    entry: dict[str, Any] = {"key": key, "method": op.http_method, "path": op.path, "pattern": _path_pattern(op, enums), "status": status}
    params = [_parameter(p, enums) for p in op.parameters if p.location != "body"]
    # the path key's own query items (``/jobs?op=LISTAFTERID``): required, with their value;
    # last, as the path pattern's groups are numbered by the parameters before them
    params += [{"wire": k, "python": k, "location": "query", "required": True, "schema": {"t": "str"}, "value": v} for k, v in op.path_query]
    if params:
        entry["parameters"] = params
    if op.body is not None:
        body = op.body
        json_body = body.style not in ("binary", "text", "raw") and body.type.kind not in ("bytes", "file")
        entry["body"] = {"wire": body.wire_name, "python": body.python_name, "required": body.required, "schema": schema_tree(body.type, enums), "json": json_body}
    headers = [[h.wire_name, schema_tree(h.type, enums)] for h in op.response_headers if h.header_key not in FAKE_FRAMING_HEADERS]
    if headers:
        entry["headers"] = headers
    response = _response_body(op, enums)
    if response is not None and op.http_method != "HEAD":
        entry["response"] = response
        if media:
            entry["media"] = media
        example = _example(op, status)
        if example:
            entry["example"] = example
    if op.paging is not None and op.paging.page_model in models:
        page = models[op.paging.page_model]
        by_python = {p.python_name: p.wire_name for p in page.all_properties}
        entry["paging"] = [by_python.get(op.paging.items_attr, "value"), by_python.get(op.paging.next_link_attr, "")]
    if op.security and all(op.security):  # an empty alternative: anonymous requests are fine
        entry["security"] = [[s.key for s in alt] for alt in op.security]
    if api.azure:
        sent = {p.header_key for p in op.header_params}
        echo = [[h.wire_name, asked] for h in op.response_headers for name, asked in _AZURE_ECHO.items() if h.header_key == name and name in sent]
        if echo:
            entry["echo"] = echo
    error = op.error_model or api.error_model
    if error:
        entry["error"] = error
    return entry


def _model(model: Model, models: dict[str, Model], enums: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """A ``_Model``'s fields: each property (wire, python, schema, required, read only), the base
    class's first; the discriminator of a subclass is its constant."""
    override = model.discriminator_override
    props: list[list[Any]] = []
    for p in model.all_properties:
        prop = p
        if override is not None and p.wire_name == override.wire_name:
            prop = dataclasses.replace(p, type=TypeRef("literal", literal=pystr(model.discriminator_value)))
        props.append([prop.wire_name, prop.python_name, schema_tree(prop.type, enums), prop.required, prop.read_only])
    root = _root(model, models)
    entry: dict[str, Any] = {"name": model.class_name, "properties": props}
    if root.discriminator:
        entry["discriminator"] = root.discriminator
        subtypes = {v: c for v, c in root.subtypes if _descends(c, model.class_name, models)}
        if subtypes:
            entry["subtypes"] = subtypes
    return entry


def _root(model: Model, models: dict[str, Model]) -> Model:
    seen = {model.class_name}
    while model.base and model.base in models and model.base not in seen:
        seen.add(model.base)
        model = models[model.base]
    return model


def _descends(name: str, ancestor: str, models: dict[str, Model]) -> bool:
    seen: set[str] = set()
    while name and name not in seen:
        if name == ancestor:
            return True
        seen.add(name)
        name = models[name].base if name in models else ""
    return False


def _find(model: Model, models: dict[str, Model], names: tuple[str, ...], depth: int = 0) -> tuple[str, ...]:
    """The wire-name path to a string property called one of ``names`` (the first found, by
    ``names``' order, then depth first); () when there is none."""
    props = model.all_properties
    for wanted in names:
        for p in props:
            if p.wire_name.lower() == wanted and p.type.kind == "str":
                return (p.wire_name,)
    if depth < 2:
        for wanted in names + ("error",):
            for p in props:
                if p.wire_name.lower() == wanted and p.type.kind == "model" and p.type.model in models:
                    inner = _find(models[p.type.model], models, names, depth + 1)
                    if inner:
                        return (p.wire_name, *inner)
    return ()


def _error_shape(api: Api, models: dict[str, Model]) -> dict[str, Any]:
    """An ``_ErrorShape``'s fields (model, code path, message path, language path): where the fake writes
    the error code, message and its language in the API's error model (Batch: ``code``,
    ``message.value``, ``message.lang``); without a model, ``{"code": ..., "message": ...}``."""
    model = models.get(api.error_model)
    if model is None:
        return {"model": "", "code": ["code"], "message": ["message"], "language": []}
    code, message = _find(model, models, _CODE_NAMES), _find(model, models, _MESSAGE_NAMES)
    # the language sits beside the message, in the same object
    container: Model | None = model
    for name in message[:-1]:
        prop = next((p for p in container.all_properties if p.wire_name == name), None) if container else None
        container = models.get(prop.type.model) if prop is not None else None
    language = next((p.wire_name for p in container.all_properties if p.wire_name.lower() in _LANGUAGE_NAMES and p.type.kind == "str"), None) if container and message else None
    return {"model": model.class_name, "code": list(code), "message": list(message), "language": [*message[:-1], language] if language else []}
