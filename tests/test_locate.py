"""Problems are located in one pass: every pointer of a JSON description is found at the line and
column an independent parser (PyYAML's composer, which reads JSON too) gives, and the position
index reads each container once however many problems are located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
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


def test_an_index_made_in_another_process_locates_every_pointer_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    # the validator's child indexes the large containers (pipeline._front) and this process
    # locates its own problems with that index: the same places as without it
    from generator import load

    monkeypatch.setattr(load, "_LARGE", 256)  # petstore's containers are small: index most of them
    expected: dict[str, tuple[int, int]] = {}
    _walk(yaml.compose(SPEC.read_text("utf-8")), "#", expected)
    index = load_document(SPEC).position_index()
    assert len(index) > 5
    doc = load_document(SPEC)
    asked: list[bool] = []
    doc.position_source = lambda: asked.append(True) or index
    for pointer, where in expected.items():
        assert doc.locate(pointer) == where, pointer
    assert asked == [True]  # asked once, at the first location


def test_a_broken_index_is_no_index() -> None:
    doc = load_document(SPEC)
    doc.position_source = dict  # the child died before handing it over: nothing prefilled
    assert doc.locate("#/paths/~1pet/post") == load_document(SPEC).locate("#/paths/~1pet/post")
    assert load_document(Path(__file__).resolve().parent / "specs" / "public" / "petstore-3.0.yaml").position_index() == {}


def test_the_build_asks_for_the_position_index_only_when_it_is_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the validator's child sends the index while the IR is built: a warning located as soon as
    # it was found made the build wait for it (a tenth of a second of GitHub's run, at its start)
    import json

    from generator import passes
    from generator.options import Options

    spec = tmp_path / "clash.json"
    properties = {"-1": {"type": "integer"}, "n1": {"type": "integer"}, "+1": {"type": "integer"}}
    spec.write_text(json.dumps({
        "openapi": "3.0.3", "info": {"title": "Clash", "version": "1"},
        "paths": {"/r": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {
            "schema": {"type": "object", "properties": properties}}}}}}}},
    }, indent=1))
    doc = load_document(spec)
    done: list[str] = []
    real_fake = passes.build_fake
    monkeypatch.setattr(passes, "build_fake", lambda api: (done.append("passes"), real_fake(api))[1])

    def index() -> dict[int, dict[str, int]]:
        done.append("index")
        return {}

    doc.position_source = index
    _, problems = passes.build_api(doc, "3.0", Options("clash"))
    assert done == ["passes", "index"]  # every pass ran before the first location was asked for
    assert [(p.message.split(" to avoid")[0], p.line, p.col) for p in problems] == [
        ("property 'n1' is named n1_2", 21, 17),  # located all the same, in the order found
        ("property '+1' is named n1_3", 24, 17),
    ]
