"""The second half of ``test_hostile.py``'s examples, in a file of its own so that the suite's
other worker runs it beside the first (pytest-xdist hands out whole files)."""

from __future__ import annotations

import pytest
from test_hostile import EXAMPLES, SPECS, _check, _spec


@pytest.mark.slow
@EXAMPLES
@SPECS
def test_hostile_specs_generate_inert_code_second_half(texts: list[str], enum_values: list[str], name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    _check(_spec(texts, enum_values, name), tmp_path_factory.mktemp("hostile"))
