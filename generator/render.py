"""IR → files: the Jinja environment, its escaping filters, and the list of files to produce.

Rendering returns ``{relative path: text}``; it never touches the output directory.
"""

from __future__ import annotations

import collections
import functools
import json
import os
import re
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import naming, pyfmt
from .contract import FAKE_PATTERN_CANDIDATES, FAKE_SAMPLES, LINT_TOOLS, QUERY_DELIMITERS, RUFF_RULES
from .ir import Api, ModuleImports, Property
from .markdown import _CONTROL, md, md_block, md_cell, md_code, md_codeblock
from .paths import TEMPLATES
from .pyfmt import pystr, toml_str
from .surface import json_text


@dataclass(frozen=True)
class Release:
    """What the previous output decides: the package version, the changelog, the API surface."""

    package_version: str = "1.0.0"
    changelog: str = "# Changelog\n"
    # ``api.json``'s data, printed by the file's own render (a large API's is a quarter second of
    # encoding, done there by whichever process claims the file rather than before rendering)
    surface: dict[str, Any] = field(default_factory=dict)


_WRAP_WHITESPACE = re.compile(r"[\t\n\x0b\x0c\r]")  # what textwrap turns into spaces


def docstring(value: object, indent: int = 4, hanging: int = 0) -> str:
    """Text for the inside of a ``\"\"\"`` docstring (see ``_docstring``)."""
    return _docstring(str(value), indent, hanging)


# The same texts come back often (a parameter's description on every operation, each module
# rendered sync and async): wrapping is done once per text.
@functools.lru_cache(maxsize=1 << 16)
def _docstring(value: str, indent: int, hanging: int) -> str:
    """Text for the inside of a ``\"\"\"`` docstring: backslashes, quotes and control characters
    are escaped; paragraphs are wrapped, and lines after the first are indented to ``indent``
    (the template places the first). ``hanging`` is for ``:param x:`` fields: the text becomes
    one paragraph whose continuation lines are indented ``hanging`` more."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text)
    if hanging:
        text = " ".join(text.split())
    width = max(40, 88 - indent - hanging)
    out: list[str] = []
    paragraphs = text.strip("\n").split("\n")
    for number, paragraph in enumerate(paragraphs):
        paragraph = paragraph.rstrip()
        if not paragraph:
            out.append("")
            continue
        if len(paragraph) <= width and not _WRAP_WHITESPACE.search(paragraph):
            wrapped = [paragraph]  # what textwrap would return, without its cost
        else:
            wrapped = textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
        if number == len(paragraphs) - 1 and (out or len(wrapped) > 1) and indent + hanging + len(wrapped[-1]) + 3 > 88:
            # black moves the closing quotes of a multi-line docstring to their own line when
            # the last line leaves no room for them: leave room instead
            wrapped = textwrap.wrap(paragraph, width - 3, break_long_words=False, break_on_hyphens=False)
        out.append(("" if not out else " " * indent) + wrapped[0])
        out.extend(" " * (indent + hanging) + line for line in wrapped[1:])
    return "\n".join(out)


def md_page(stem: str) -> str:
    """The file name of a docs page (pages link to each other by it)."""
    return naming.file_name(stem, ".md")


def comment(value: object) -> str:
    """One line, safe in a ``#`` comment or a one-line docstring: no line breaks, no quotes run."""
    return docstring(" ".join(str(value).split()), 0).replace("\n", " ")


def py_import(names: list[str] | tuple[str, ...], module: str, indent: int = 0) -> str:
    if not names:  # nothing to import (a description without operations): no statement at all
        return ""
    return pyfmt.import_from(module, list(names), indent)


def py_imports(imports: list[tuple[str, tuple[str, ...]]] | tuple[tuple[str, tuple[str, ...]], ...], indent: int = 0) -> str:
    """``from module import ...`` statements of (module, names), sorted and merged as isort would."""
    return pyfmt.import_block(list(imports), indent)


def py_module_imports(imports: ModuleImports) -> str:
    """A generated module's import statements, those for annotations alone under ``TYPE_CHECKING``."""
    return pyfmt.module_imports(imports.runtime, imports.typing_only)


def py_all(names: list[str] | tuple[str, ...]) -> str:
    """``__all__ = [...]``, in ruff's order of ``__all__``."""
    return pyfmt.dunder_all(list(names))


def py_call(args: list[str] | tuple[str, ...], head: str, indent: int, tail: str = "") -> str:
    return pyfmt.call(head, list(args), indent, tail)


def py_concat(operands: list[str] | tuple[str, ...], head: str, indent: int) -> str:
    return pyfmt.concat(head, list(operands), indent)


def py_list(items: list[str] | tuple[str, ...], head: str, indent: int = 0) -> str:
    return pyfmt.bracket(head, list(items), indent, open_="[", close="]", collection=True)


def py_tuple(items: list[str] | tuple[str, ...]) -> str:
    return pyfmt.tuple_literal(list(items))


def py_annotated(name: str, annotation: str, default: str, indent: int, tail: str = "") -> str:
    return pyfmt.annotated(name, annotation, default, indent, tail)


def py_fields(properties: tuple[Property, ...], indent: int) -> str:
    """A class's fields, each its ``py_annotated`` line and its docstring (``Property.summary``),
    at ``indent``: one call for the whole block (in the template's own loop, its filters and
    lookups were 40% of a model's rendering, 11 us a field)."""
    pad = " " * indent
    out: list[str] = []
    for p in properties:
        first, *rest = pyfmt.annotated(p.python_name, p.annotation, p.default, indent).splitlines()
        out.append(pad + first)
        out += [pad + line if line else line for line in rest]  # as jinja's indent filter
        out.append(f'{pad}"""{docstring(p.summary, indent)}"""')
    return "\n".join(out)


def py_returns(annotation: str, indent: int) -> str:
    return pyfmt.returns(annotation, indent)


def py_typed_call(annotation: str, name: str, function: str, argument: str, indent: int) -> str:
    return pyfmt.typed_call(name, annotation, function, argument, indent)


def py_params(params: list[str] | tuple[str, ...], head: str, indent: int, tail: str = "") -> str:
    """A ``def`` signature: black gives a split signature one parameter a line, with a comma."""
    return pyfmt.bracket(head, list(params), indent, tail, collection=True)


def py_assign(value: str, head: str, indent: int) -> str:
    return pyfmt.assign(head, value, indent)


def py_comparison(left: str, head: str, operator: str, right: str, indent: int) -> str:
    return pyfmt.comparison(head, left, operator, right, indent)


def py_expr(node: pyfmt.Expr, prefix: str, indent: int, suffix: str = "") -> str:
    """An expression tree (a codec, ``_fields``) laid out as black would, after ``prefix``."""
    return pyfmt.expr(prefix, node, indent, suffix)


def surface_json(value: dict[str, Any]) -> str:
    """``api.json``'s text: the API surface, one key a line (diffable), ASCII only."""
    return json_text(value, indent=1) + "\n"


def json_line(value: Any) -> str:
    """``value`` as JSON on one line, ASCII only (any text of the spec is escaped: safe to
    print anywhere) and in the data's own order (deterministic: the IR's order is)."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"), allow_nan=True)


FILTERS: dict[str, Callable[..., str]] = {
    "pystr": pystr,
    "toml_str": toml_str,
    "docstring": docstring,
    "comment": comment,
    "md_page": md_page,
    "md": md,
    "md_cell": md_cell,
    "md_block": md_block,
    "md_code": md_code,
    "md_codeblock": md_codeblock,
    "py_import": py_import,
    "py_imports": py_imports,
    "py_module_imports": py_module_imports,
    "py_all": py_all,
    "py_call": py_call,
    "py_concat": py_concat,
    "py_tuple": py_tuple,
    "py_list": py_list,
    "py_expr": py_expr,
    "json_line": json_line,
    "surface_json": surface_json,
    "py_returns": py_returns,
    "py_typed_call": py_typed_call,
    "py_assign": py_assign,
    "py_comparison": py_comparison,
    "py_params": py_params,
    "py_annotated": py_annotated,
    "py_fields": py_fields,
}


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept beside the generator's own bytecode (as Python keeps ``.pyc``):
    compiling them is a third of a small description's run. Keyed by each template's source, so
    an edited or user-supplied template is compiled afresh; a cache that cannot be written is
    simply not used, nor written where Python writes no bytecode."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if sys.dont_write_bytecode:  # PYTHONDONTWRITEBYTECODE, -B: as for .pyc, read but never written
            return
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


_BYTECODE = _BytecodeCache(str(Path(__file__).resolve().parent / "__pycache__" / "templates"))


def environment(template_dirs: list[Path] | None = None) -> jinja2.Environment:
    """The environment of these template folders, made once per process: it keeps its
    compiled templates (and still reloads one whose file changed, jinja's ``auto_reload``)."""
    return _environment(tuple(str(d) for d in (template_dirs or [TEMPLATES])))


@functools.lru_cache(maxsize=16)
def _environment(template_dirs: tuple[str, ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(template_dirs)),
        bytecode_cache=_BYTECODE,
        auto_reload=False,  # templates do not change during a run: no stat of the file per output
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # output is Python and Markdown, escaped per target by the filters above
    )
    env.filters.update(FILTERS)
    env.globals["py_annotated"] = py_annotated
    env.globals["lint_tools"] = LINT_TOOLS  # the generated pyproject pins them
    env.globals["ruff_rules"] = RUFF_RULES
    # the runtime's _DELIMITERS, printed from contract.STYLES
    env.globals["query_delimiters"] = ("dict", [(pystr(k), ("atom", pystr(v))) for k, v in QUERY_DELIMITERS.items()])
    # the fake's synthesised values (contract.FAKE_SAMPLES), which the generated tests' arguments share
    env.globals["fake_samples"] = ("dict", [(pystr(k), ("atom", pystr(v) if isinstance(v, str) else repr(v))) for k, v in FAKE_SAMPLES.items()])
    env.globals["fake_pattern_candidates"] = ("tuple", [("atom", pystr(c)) for c in FAKE_PATTERN_CANDIDATES])
    return env


@dataclass(frozen=True)
class Output:
    template: str
    path: str
    context: dict[str, Any]

    def origin(self) -> tuple[str, str]:
        """What in the spec this file renders, and its pointer ("" for the whole description):
        for messages about a file that came out wrong."""
        ctx = self.context
        if "op" in ctx:
            return f"operation {ctx['group'].python_name}.{ctx['op'].python_name}", ctx["op"].pointer
        if "group" in ctx:
            ops = ctx["group"].operations  # a group has no pointer of its own: its first operation's
            return f"operation group {ctx['group'].python_name}", ops[0].pointer if ops else ""
        for kind in ("model", "enum"):
            if kind in ctx:
                return f"{kind} {ctx[kind].class_name}", ctx[kind].pointer
        return "the description", ""


def outputs(api: Api, release: Release | None = None) -> list[Output]:
    """Every file of the generated project: which template renders it, where it goes, with what."""
    pkg = api.names.package
    release = release or Release()
    base = {"api": api, "package_version": release.package_version, "release": release}
    files = [
        Output("project/pyproject.toml.j2", "pyproject.toml", base),
        Output("project/CHANGELOG.md.j2", "CHANGELOG.md", base),
        Output("project/api.json.j2", "api.json", base),
        Output("project/README.md.j2", "README.md", base),
        Output("docs/index.md.j2", "docs/index.md", base),
        Output("docs/testing.md.j2", "docs/testing.md", base),
    ]
    files.append(Output("project/tests/conftest.py.j2", "tests/conftest.py", base))
    for fake_group in api.fake.groups if api.fake else ():
        files.append(Output("project/tests/test_group.py.j2", f"tests/{fake_group.test_module}.py", {**base, "group": fake_group}))
    if api.fake and not api.fake.groups:  # no operations: still tests to run (pytest fails on none)
        files.append(Output("project/tests/test_package.py.j2", "tests/test_package.py", base))
    for group in api.groups:
        files.append(Output("docs/group.md.j2", "docs/" + md_page(group.python_name), {**base, "group": group}))
        for op in group.operations:
            files.append(
                Output("docs/operation.md.j2", "docs/" + md_page(f"{group.python_name}.{op.python_name}"), {**base, "group": group, "op": op})
            )
    for model in api.models:
        files.append(Output("docs/model.md.j2", "docs/" + md_page(f"models.{model.class_name}"), {**base, "model": model}))
    for enum in api.enums:
        files.append(Output("docs/enum.md.j2", "docs/" + md_page(f"models.{enum.class_name}"), {**base, "enum": enum}))
    for name in (
        "__init__.py", "_body.py", "_credentials.py", "_download.py", "_errors.py", "_paging.py", "_pipeline.py",
        "_http.py", "_raw.py", "_serialization.py", "_transport.py", "_version.py", "py.typed", "testing.py",
        "_fake_tables.json", "_pytest_plugin.py",
    ):
        files.append(Output(f"package/{name}.j2", f"{pkg}/{name}", base))
    files.append(Output("package/_client.py.j2", f"{pkg}/_client.py", {**base, "is_async": False, "up": ""}))
    files.append(Output("package/models/__init__.py.j2", f"{pkg}/models/__init__.py", base))
    for model in api.models:
        files.append(Output("package/models/_model.py.j2", f"{pkg}/models/{model.module}.py", {**base, "model": model}))
    for enum in api.enums:
        files.append(Output("package/models/_enum.py.j2", f"{pkg}/models/{enum.module}.py", {**base, "enum": enum}))
    # `up` is the relative-import prefix from the rendered module to the package root, minus one dot.
    sync = {**base, "is_async": False, "up": ".", "transport_module": "_transport"}
    aio = {**base, "is_async": True, "up": "..", "transport_module": "aio._transport"}
    files.append(Output("package/operations/__init__.py.j2", f"{pkg}/operations/__init__.py", base))
    files.append(Output("package/operations/__init__.py.j2", f"{pkg}/aio/operations/__init__.py", base))
    for group in api.groups:
        files.append(Output("package/operations/_group.py.j2", f"{pkg}/operations/{group.module}.py", {**sync, "group": group}))
        files.append(Output("package/operations/_group.py.j2", f"{pkg}/aio/operations/{group.module}.py", {**aio, "group": group}))
    for name in ("__init__.py", "_transport.py"):
        files.append(Output(f"package/aio/{name}.j2", f"{pkg}/aio/{name}", base))
    files.append(Output("package/_client.py.j2", f"{pkg}/aio/_client.py", {**base, "is_async": True, "up": "."}))
    return files


class RenderError(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


def render(api: Api, env: jinja2.Environment | None = None, release: Release | None = None) -> dict[str, str]:
    """Render every output; ``{relative path: text}``, in a stable order."""
    return render_outputs(outputs(api, release), env)


def render_outputs(files: list[Output], env: jinja2.Environment | None = None) -> dict[str, str]:
    env = env or environment()
    return {output.path: render_output(output, env) for output in files}


def render_output(output: Output, env: jinja2.Environment) -> str:
    """One file's text; ``RenderError`` for a template that fails."""
    try:
        template = env.get_template(output.template)
        if type(template.globals) is collections.ChainMap:
            # jinja copies a template's globals into each render's context: from its ChainMap (the
            # template's own, then the environment's) a KeyError per name, 15 us a file; from a
            # dict, 4. The environment's globals are all set when it is made, so a copy is exact.
            template.globals = dict(template.globals)
        return template.render(**output.context)
    except jinja2.TemplateError as exc:
        where = f"{getattr(exc, 'filename', None) or output.template}:{getattr(exc, 'lineno', '?')}"
        raise RenderError(output.path, f"template error at {where}: {exc}") from None
