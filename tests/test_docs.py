"""Each operation page states what the method really returns: the return annotation is read from
the generated code (``inspect``), not from the IR, and compared with the page's signature and
responses table; the page's example uses the result as what it is."""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.options import Options
from generator.pipeline import generate_files
from generator.write import write_tree

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ROOT / "tests" / "specs" / "public"
GOLDENS = [(ROOT / "generated" / "batch_client", "batch_client"), (ROOT / "generated" / "batch_slice", "batch_slice")]


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[tuple[Path, str]]]:
    out = list(GOLDENS)
    for spec in ("bodies-3.0.yaml", "petstore-2.0.json", "security-3.0.yaml", "tree-3.1.yaml"):
        name = "dc_" + spec.split(".")[0].replace("-", "_")
        root = tmp_path_factory.mktemp(name)
        result = generate_files(PUBLIC / spec, Options(name))
        assert result.files is not None
        write_tree(root, result.files)
        out.append((root, name))
    for root, _ in out:
        sys.path.insert(0, str(root))
    yield out
    for root, _ in out:
        sys.path.remove(str(root))


def test_every_operation_page_states_the_real_return_type(projects: list[tuple[Path, str]]) -> None:
    checked = 0
    for root, name in projects:
        package = importlib.import_module(name)
        client_class = getattr(package, importlib.import_module(name + "._client").__all__[0])
        shared_key = getattr(package, "SharedKeyCredential", None)
        client = client_class("http://127.0.0.1:1", shared_key("account", "a2V5")) if shared_key else client_class("http://127.0.0.1:1")
        for page in sorted((root / "docs").glob("*.*.md")):
            group, method = page.stem.split(".", 1)
            if group in ("models", "enums") or not hasattr(client, group):
                continue  # a model's page
            text = page.read_text("utf-8")
            function = getattr(getattr(client, group), method)
            # a string (lazy annotations); ``builtins.list`` where a method named ``list`` shadows
            # the builtin in the class: the page shows the plain name
            annotation = inspect.signature(function).return_annotation.replace("builtins.", "")
            stated = re.search(r"^\) -> (.+)$", text, re.M)
            assert stated is not None, page
            assert stated.group(1) == annotation, f"{page.name}: page says {stated.group(1)}, code says {annotation}"
            rows = text.split("## Responses", 1)[1].split("\n\n", 2)[1]
            success = [line for line in rows.splitlines() if re.match(r"\| 2", line)]
            for row in success:
                returns = re.split(r"(?<!\\)\|", row)[-2].strip()  # the last cell; "\|" is a pipe inside it
                assert returns in (f"`{annotation}`".replace("|", "\\|"), "`None`", "`True`") or annotation in returns, f"{page.name}: {row}"
            example = text.split("## Example", 1)[1] if "## Example" in text else ""
            if annotation.startswith(("ItemPaged", "AsyncItemPaged")):
                assert "for item in result:" in example, page.name
            if "Headers" in annotation and annotation.endswith("Headers"):
                assert "print(result." in example, page.name
            elif example:
                assert "print(result." not in example, f"{page.name}: the example reads an attribute of a {annotation}"
            checked += 1
    assert checked > 40


def test_an_operation_without_an_operation_id(tmp_path: Path) -> None:
    """No operationId (openchannel.io's 72 operations): the docstring and the page say nothing
    of one, where they showed an empty literal (``(operation ````)``, which docutils refuses)."""
    spec = tmp_path / "noid.yaml"
    spec.write_text(
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths:\n"
        "  /apps:\n"
        "    get: {tags: [apps], responses: {'204': {description: ok}}}\n"
    )
    result = generate_files(spec, Options("noid"))
    assert result.files is not None
    module = result.files["noid/operations/_apps.py"]
    assert "``GET /apps``\n" in module and "(operation ``" not in module, module
    page = result.files["docs/apps.list.md"]
    assert "No operation id, tag `apps`." in page and "Operation ``" not in page, page
