"""surface.json_text writes exactly what ``json.dumps(value, indent=n, ensure_ascii=True)`` does
(the API surface file, ``api.json``, is written with it)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.surface import json_text

_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=4), st.integers(0, 3)), inner, max_size=4),
    ),
    max_leaves=30,
)


@settings(max_examples=500, deadline=None)
@given(_values, st.sampled_from([1, 2, 4]))
def test_same_text_as_json_dumps(value: Any, indent: int) -> None:
    assert json_text(value, indent) == json.dumps(value, indent=indent, ensure_ascii=True)


def test_tuples_and_odd_text() -> None:
    value = {"a": (1, [2, ()]), "\u2028\ud800\"\\": {"": []}}
    assert json_text(value) == json.dumps(value, indent=1, ensure_ascii=True)


@pytest.mark.parametrize(("levels", "leaf", "refused"), [
    (255, "1", False), (256, "1", True), (255, "{}", False), (255, "[]", False), (256, "{}", True), (255, '{"a": 1}', True),
])
def test_nesting_is_refused_exactly_past_the_limit(levels: int, leaf: str, refused: bool) -> None:
    # The root object is depth 0 and "x" 1, so the leaf sits at 1 + levels; a value deeper than
    # MAX_DEPTH (256) is refused, an empty container at 256 is not.
    from generator.load import MAX_DEPTH, load_text
    from generator.problems import SpecError

    assert MAX_DEPTH == 256
    inner = leaf
    for i in range(levels):
        inner = f"[{inner}]" if i % 2 else f'{{"k": {inner}}}'
    text = f'{{"openapi": "3.0.3", "x": {inner}}}'.encode()
    if refused:
        with pytest.raises(SpecError, match="nested too deeply"):
            load_text(text, "deep.json")
    else:
        assert load_text(text, "deep.json").data["openapi"] == "3.0.3"
