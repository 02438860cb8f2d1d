"""Generated code is black-stable as written: the templates lay code out as black does, and the
writer gives black only files with an over-long code line. Proved here with black itself, over
every description the tests use (the goldens, the full Batch APIs, the public and hostile ones)."""

from __future__ import annotations

from pathlib import Path

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import pyfmt
from generator.options import Options
from generator.pipeline import generate_files

ROOT = Path(__file__).resolve().parent.parent
SPECS = [
    ROOT / "spec" / "batch-task-reactivate.yaml",
    ROOT / "spec" / "batch-slice.json",
    ROOT.parent / "shared" / "specs" / "azure-batch" / "2024-07-01.20.0" / "BatchService.json",
    ROOT.parent / "shared" / "specs" / "azure-batch" / "2018-08-01.7.0" / "BatchService.openapi3.json",
    *sorted((ROOT / "tests" / "specs" / "public").iterdir()),
    ROOT / "tests" / "specs" / "alt" / "task-reactivate.yaml",
]
MODE = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=88)


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
@pytest.mark.parametrize("azure", [True, False], ids=["azure", "plain"])
def test_every_generated_python_file_is_black_stable(spec: Path, azure: bool) -> None:
    options = Options("pkg", "Batch", ("https://batch.core.windows.net//.default",)) if azure else Options("pkg")
    result = generate_files(spec, options)
    assert result.files is not None
    unstable = []
    for path, text in result.files.items():
        if path.endswith(".py") and black.format_str(text, mode=MODE) != text:
            unstable.append(path)
    assert unstable == []


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
@pytest.mark.parametrize("azure", [True, False], ids=["azure", "plain"])
def test_templates_emit_final_code(spec: Path, azure: bool) -> None:
    """The templates' own layout is black's: no file of these descriptions is left for black."""
    from generator.pipeline import build_ir
    from generator.render import render
    from generator.write import needs_black

    options = Options("pkg", "Batch", ("https://batch.core.windows.net//.default",)) if azure else Options("pkg")
    built = build_ir(spec, options)
    assert built.api is not None
    files = render(built.api)
    assert [p for p, text in files.items() if p.endswith(".py") and needs_black(text)] == []


@pytest.mark.parametrize(
    "source",
    [
        'class A:\n    """' + "w" * 60 + "\n    " + "w" * 82 + '."""\n',  # closing quotes past the limit
        'def f() -> None:\n    """' + "w" * 60 + "\n    " + "w" * 82 + '."""\n',
        '"""' + "w" * 60 + "\n" + "w" * 86 + '."""\n',  # a module docstring
        "class A:\n    x: int\n    \"\"\"" + "w" * 60 + "\n    " + "w" * 82 + '."""\n',  # an attribute's: black leaves it
        "x = f(" + "a" * 50 + ", " + "b" * 50 + ")\n",
        "async def f() -> None:\n    await c." + "a" * 100 + "(\n        1,\n    )\n",  # a call's head: black leaves it
        "x = f(\n    example='{\"a\": \"" + "b" * 100 + "\"}',\n)\n",  # single quotes: fewer escapes, black keeps them
        "x = 1\n",
    ],
)
def test_needs_black_says_whether_black_changes_the_text(source: str) -> None:
    """The guard is held to black itself: True exactly where black would rewrite the text."""
    import black

    from generator.write import needs_black

    mode = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=88)
    assert needs_black(source) == (black.format_str(source, mode=mode) != source)


_NAME = "list_selected_repositories_enabled_github_actions_organization"  # GitHub's longest


@pytest.mark.parametrize(
    "source",
    [
        f"assert len(fake.{'a' * n}.calls) == 2\n" for n in (40, 70, 74, 90)  # one line, parenthesized, split at ==, and len( split
    ]
    + [
        f"self.{_NAME} = FakeOperation(service, \"actions.{_NAME}\")\n",  # parentheses would leave a line too long
        f"self.{_NAME[:40]} = FakeOperation(service, \"actions.{_NAME[:30]}\")\n",  # parentheses, every line fits
        f"return {_NAME}_and_more_and_more(operations.{_NAME[:40]})\n",
        f"async def f() -> None:\n    await client.{_NAME}_x.{_NAME}()\n",  # no arguments: black leaves it long
        f"f(\n    {_NAME}_argument=models.{_NAME}.VALUE,\n)\n",
    ],
)
def test_layouts_are_blacks(source: str) -> None:
    """``pyfmt.comparison`` and ``pyfmt.call`` lay these out as black does, and ``needs_black``
    agrees that black has nothing left to do."""
    from generator import pyfmt
    from generator.write import needs_black

    line = source.rstrip("\n")
    if line.startswith("assert "):
        left, right = line[len("assert ") :].rsplit(" == ", 1)
        laid_out = pyfmt.comparison("assert ", left, "==", right, 0) + "\n"
    elif line.startswith(("self.", "return ")):
        head, _, inside = line[:-1].partition("(")
        laid_out = pyfmt.call(head, pyfmt._arguments(inside), 0) + "\n"
    else:  # already black's layout: only needs_black is tested
        laid_out = source
    expected = black.format_str(source, mode=MODE)
    assert laid_out == expected
    assert not needs_black(laid_out)


def _union_split_by_scan(annotation: str) -> list[str]:
    """The definition ``pyfmt._union_split`` keeps: a scan of every character."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(annotation):
        depth += {"[": 1, "(": 1, "]": -1, ")": -1}.get(char, 0)
        if depth == 0 and annotation.startswith(" | ", index):
            parts.append(annotation[start:index])
            start = index + 3
    return parts + [annotation[start:]]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["A", "b", "[", "]", "(", ")", " | ", ", ", "|", " ", "None"]), max_size=16).map("".join))
def test_union_split_finds_what_a_scan_finds(annotation: str) -> None:
    assert pyfmt._union_split(annotation) == _union_split_by_scan(annotation)
