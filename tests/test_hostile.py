"""Hostile descriptions: text that tries to end strings, inject code, templates or markup.
Every generated file must parse, import without running anything from the spec, and show the
text inert. Hypothesis feeds 1,000 generated specs through the whole pipeline, in two halves
(this file and ``test_hostile_half.py``) so that the suite's two workers share them."""

from __future__ import annotations

import ast
import importlib
import itertools
import json
import os
import sys
import tomllib
from pathlib import Path
from typing import Any

import openapi_spec_validator  # noqa: F401  # loaded once here: each forked validator inherits it
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.options import Options
from generator.pipeline import generate_files
from generator.render import md_cell
from generator.write import write_tree

MARKER = Path("/tmp/openapi-pyclient-generator-pwned")
PAYLOADS = [
    '"""', "'''", "\\", "\\\\", "\n", "\r\n", "\t", "{{ 7*7 }}", "{% raw %}", "{# x #}", "}}", "{%", "<script>alert(1)</script>",
    "| a | b |", "`code`", "```", "**", "_", "[x](javascript:alert(1))", "# h", "\u2028", "\u0085", "Ａ", "ℌ", "𝔞", "\u200b",
    f"__import__('os').system('touch {MARKER}')", f"\"); import os; os.system('touch {MARKER}'); (\"", "${x}", "%s", "\x00",
    "\x1b[31m", "é", "class", "None", "self", "1", "-", ".", "$", "' + '", "\\N{BULLET}", "\\u0041", "\\x41",
]
hostile = st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=6)), min_size=1, max_size=5).map("".join)
_counter = itertools.count()
_PARSED: set[tuple[str, str]] = set()


def _parse_once(package: str, name: str, text: str) -> None:
    """Parse a file, unless one that differs from it only by the package's name (a valid
    identifier, the same at every place) parsed already: it parses as that one did."""
    key = (name.replace(package, "PKG"), text.replace(package, "PKG"))
    if key not in _PARSED:
        ast.parse(text, filename=name)
        _PARSED.add(key)


def _spec(texts: list[str], enum_values: list[str], name: str) -> dict[str, Any]:
    t = iter(itertools.cycle(texts))
    path_text = "".join(c for c in next(t) if c not in "{}/?#") or "x"
    props = {next(t) or "p": {"type": "string", "description": next(t), "default": next(t), "example": next(t)}}
    props[next(t) + "2"] = {"type": "string", "enum": enum_values, "x-ms-enum": {"name": next(t) or "E", "values": [{"value": v, "description": next(t)} for v in enum_values]}}
    return {
        "swagger": "2.0",
        "info": {"title": next(t), "version": next(t), "description": next(t)},
        "host": "example.invalid",
        "tags": [{"name": next(t), "description": next(t)}],
        "paths": {
            f"/{path_text}/{{id}}": {
                "post": {
                    "operationId": next(t) or "op",
                    "tags": [next(t)],
                    "summary": next(t),
                    "description": next(t),
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "type": "string", "description": next(t)},
                        {"name": next(t) or "q", "in": "query", "type": "string", "default": next(t), "description": next(t)},
                        {"name": (next(t) or "h") + "-h", "in": "header", "type": "string", "enum": enum_values},
                        {"name": "body", "in": "body", "schema": {"$ref": f"#/definitions/{name}"}},
                    ],
                    "responses": {
                        "200": {"description": next(t), "schema": {"$ref": f"#/definitions/{name}"},
                                "headers": {next(t) or "h": {"type": "string", "description": next(t)}}},
                        "default": {"description": next(t)},
                    },
                }
            }
        },
        "definitions": {name: {"type": "object", "description": next(t), "properties": props}},
    }


def _check(spec: dict[str, Any], tmp_path: Path) -> None:
    package = f"hostile_{next(_counter)}"
    path = tmp_path / f"{package}.json"
    path.write_text(json.dumps(spec))
    result = generate_files(path, Options(package))
    errors = [p for p in result.problems if p.is_error]
    assert result.files is not None, [p.format() for p in errors]
    for name, text in result.files.items():
        text.encode("utf-8")  # every file is writable as UTF-8 (no lone surrogates)
        if name.endswith(".toml"):
            tomllib.loads(text)
        if name.endswith(".json"):
            json.loads(text)
        assert "\x00" not in text and "\x1b" not in text
    out = tmp_path / package
    write_tree(out, result.files)
    sys.path.insert(0, str(out))
    try:
        module = importlib.import_module(package)
        importlib.import_module(package + ".models")
        for attr in module.__all__:
            getattr(module, attr)
        # Every Python file parses: the import compiled the modules it loaded; the rest here.
        loaded = {Path(m.__file__).resolve() for m in list(sys.modules.values()) if (getattr(m, "__name__", "") + ".").startswith(package + ".") and getattr(m, "__file__", None)}
        for name, text in result.files.items():
            if name.endswith(".py") and (out / name).resolve() not in loaded:
                _parse_once(package, name, text)
    finally:
        sys.path.remove(str(out))
        for loaded in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[loaded]
    assert not MARKER.exists(), "text from the spec was executed"


# The examples: HOSTILE_EXAMPLES in all (1,000 by default), half in each file. In CI they are
# derandomized (the same ones each run, checked before landing; each half's test function has its
# own name, so the halves differ); elsewhere each run explores new ones. Both halves open with
# hypothesis's few simplest examples (5 alike in 500), so each runs 1% more: at least the total
# stays distinct.
EXAMPLES = settings(max_examples=int(os.environ.get("HOSTILE_EXAMPLES", "1000")) * 101 // 200, deadline=None,
                    suppress_health_check=list(HealthCheck), database=None, derandomize=bool(os.environ.get("CI")))
SPECS = given(texts=st.lists(hostile, min_size=3, max_size=12), enum_values=st.lists(hostile, min_size=1, max_size=4, unique=True),
              name=st.sampled_from(["Model", "class", "BatchClient", "ItemPaged", "Ünïcode", "x" * 120]))


@pytest.mark.slow
@EXAMPLES
@SPECS
def test_hostile_specs_generate_inert_code(texts: list[str], enum_values: list[str], name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    _check(_spec(texts, enum_values, name), tmp_path_factory.mktemp("hostile"))


def test_the_worst_payloads_together(tmp_path: Path) -> None:
    _check(_spec(PAYLOADS, PAYLOADS[:12], "Model"), tmp_path)


def test_markdown_table_cells_stay_cells() -> None:
    for payload in PAYLOADS:
        cell = md_cell(payload)
        assert "\n" not in cell and "<script>" not in cell
