"""Problems are located in one pass: every pointer of a JSON description is found at the line and
column an independent parser (PyYAML's composer, which reads JSON too) gives, and the position
index reads each container once however many problems are located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.load import load_document
from generator.problems import join_pointer

SPEC = Path(__file__).resolve().parent / "specs" / "public" / "petstore-2.0.json"


def _walk(node: yaml.Node, pointer: str, out: dict[str, tuple[int, int]]) -> None:
    out[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _walk(value, join_pointer(pointer, str(key.value)), out)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            _walk(value, join_pointer(pointer, index), out)


def test_every_pointer_is_where_an_independent_parser_says() -> None:
    expected: dict[str, tuple[int, int]] = {}
    _walk(yaml.compose(SPEC.read_text("utf-8")), "#", expected)
    doc = load_document(SPEC)
    assert doc.kind == "json" and len(expected) > 250
    for pointer, where in expected.items():
        assert doc.locate(pointer) == where, pointer
    positions: Any = doc._positions
    containers = sum(1 for p in expected if isinstance(doc_value(doc.data, p), (dict, list)))
    assert len(positions._children) <= containers  # each container indexed at most once


def test_a_missing_node_is_located_at_its_nearest_ancestor() -> None:
    doc = load_document(SPEC)
    assert doc.locate("#/paths/~1pet/post/nope/deeper") == doc.locate("#/paths/~1pet/post")


def doc_value(data: Any, pointer: str) -> Any:
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data
