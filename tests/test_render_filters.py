"""Escaping filters, one per target, fed hostile text: the output is inert and shows the text."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render import comment, docstring, md_block, md_cell, md_code, md_codeblock, pystr

HOSTILE = [
    'He said """hi""" and \'\'\'bye\'\'\'',
    "back\\slash at the end\\",
    'ends with a quote"',
    "line one\nline two\r\nline three\rfour",
    "{{ 7 * 7 }} {% raw %} {# c #}",
    "__import__('os').system('echo pwned')",
    "<script>alert(1)</script> | pipe | **bold** _it_ [link](http://x) `code` ```fence```",
    "nul\x00 bell\x07 ls\u2028 ps\u2029 nel\x85 lone\ud800 surrogate",
    "Ｃｌａｓｓ ℌ 𝔞 — ＂quote＂",
    "# heading\n- item\n1. one\n> quote",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_pystr_is_a_literal_of_exactly_the_text(text: str) -> None:
    literal = pystr(text)
    assert ast.literal_eval(literal) == text
    assert "\n" not in literal and literal.isascii()


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_cannot_end_the_string(text: str) -> None:
    source = f'def f():\n    """{docstring(text, 4)}"""\n    return 1\n'
    tree = ast.parse(source)
    fn = tree.body[0]
    assert isinstance(fn, ast.FunctionDef) and len(fn.body) == 2  # docstring + return: nothing injected
    doc = ast.get_docstring(fn, clean=False) or ""
    assert " ".join(doc.split()).replace("\\", "") != ""  # it is a string, whatever it holds


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_with_hanging_indent_is_one_field(text: str) -> None:
    source = f'def f():\n    """\n    {docstring(":param x: " + text, 4, 4)}\n    """\n'
    ast.parse(source)


@pytest.mark.parametrize("text", HOSTILE)
def test_comment_is_one_line(text: str) -> None:
    out = comment(text)
    assert "\n" not in out and "\r" not in out
    ast.parse(f"# {out}\nx = 1\n")
    ast.parse(f'"""{out}"""\n')


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_cell_stays_in_its_cell(text: str) -> None:
    cell = md_cell(text)
    assert "\n" not in cell
    unescaped_pipes = [i for i, c in enumerate(cell) if c == "|" and (i == 0 or cell[i - 1] != "\\")]
    assert unescaped_pipes == []
    assert "<script>" not in cell


def test_markdown_escapes_markup_but_keeps_the_words() -> None:
    assert md_cell("**bold** <b>x</b> a|b") == "\\*\\*bold\\*\\* \\<b\\>x\\</b\\> a\\|b"
    assert md_block("# not a heading\n- not a list\n1. not a list") == "\\# not a heading\n\\- not a list\n1\\. not a list"


def test_code_spans_and_blocks_cannot_be_closed_early() -> None:
    assert md_code("a`b") == "`` a`b ``"  # GFM strips one space on each side
    assert md_code("a|b", cell=True) == "`a\\|b`"
    block = md_codeblock("x = '```'\n", "python")
    assert block.startswith("````python\n") and block.endswith("\n````")


def test_import_and_all_order_is_ruffs(tmp_path: Path) -> None:
    """Names that differ in case, kind, digits and underscores, from modules at every relative
    level: ruff (default isort settings, RUF022) finds the statements and ``__all__`` sorted."""
    from generator.render import py_all, py_imports

    names = ["alpha", "Foo10", "A", "TYPE_CHECKING", "abc", "JobsOperations", "AB", "ab_c", "Foo2", "A_B", "JobTerminateHeaders", "BETA", "X1y"]
    modules = ["._v10", ".models", "...", "._b", ".._x", "._A", "..operations._tasks", ".", "._v2", "..operations", ".aio"]
    imports = [(module, tuple(f"{n}{i}" if i else n for n in names[i % 3 :: 2])) for i, module in enumerate(modules)]
    imports.append((".models", ("Zeta", "aZ")))  # a module named twice: one statement
    exported = [n for _, group in imports for n in group]
    (tmp_path / "m.py").write_text(py_imports(imports) + "\n\n" + py_all(exported) + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", "--output-format", "concise", "m.py"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + (tmp_path / "m.py").read_text()


# md's one-pass table against the three substitutions it replaces: every special character,
# every control range's edges, surrogates, CR/LF forms, and random text around them.
_MD_ALPHABET = "ab \t\n\r&\\`*_[]<>|~#\x00\x08\x09\x0a\x0b\x1f\x20\x7e\x7f\x9f\xa0\u2027\u2028\u2029\u202a\ud7ff\ud800\udfff\ue000é€😀"


@given(st.text(alphabet=st.sampled_from(list(_MD_ALPHABET)) | st.characters(), max_size=60))
@settings(max_examples=2000, deadline=None)
def test_md_is_the_three_substitutions(text: str) -> None:
    import re

    from generator.markdown import _CONTROL, md

    by_patterns = text.replace("\r\n", "\n").replace("\r", "\n")
    by_patterns = re.sub(r"([\\`*_\[\]<>|~])", r"\\\1", by_patterns).replace("&", "&amp;")
    assert md(text) == _CONTROL.sub(" ", by_patterns)


def test_compiled_templates_are_not_written_where_python_writes_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PYTHONDONTWRITEBYTECODE (or -B) keeps the compiled templates out of the generator's own
    folder, as it keeps .pyc files out (a read-only or frozen checkout stays untouched)."""
    import jinja2

    from generator.render import _BytecodeCache

    cache = _BytecodeCache(str(tmp_path / "templates"))
    env = jinja2.Environment(bytecode_cache=cache, loader=jinja2.DictLoader({"t.j2": "{{ 1 }}"}))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    env.get_template("t.j2")
    assert not (tmp_path / "templates").exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    jinja2.Environment(bytecode_cache=cache, loader=jinja2.DictLoader({"t.j2": "{{ 1 }}"})).get_template("t.j2")
    assert list((tmp_path / "templates").iterdir())
