"""surface.json_text writes exactly what ``json.dumps(value, indent=n, ensure_ascii=True)`` does
(the API surface file, ``api.json``, is written with it)."""

from __future__ import annotations

import json
from typing import Any

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
