"""The arguments of the generated package's own tests (``tests/test_GROUP.py``): for each
operation, a valid value of each parameter as a Python expression, so the tests call every
operation with its required arguments, then with all of them, against the package's fake.

The values are what the fake accepts: text and numbers start from ``contract.FAKE_SAMPLES`` (the
values the fake itself synthesises) and meet the schema's constraints; other leaf kinds are
``Kind.sample``; a model is ``sample(models.X)``, the fake's own synthesised instance.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from ..contract import FAKE_PATTERN_CANDIDATES, FAKE_SAMPLES, KINDS
from ..ir import Constraint, EnumType, Operation, TypeRef
from ..pyfmt import Expr, pystr
from .regex_text import matching_text

# Modules a sample's text may start with (``datetime.date(...)``): the test module imports them.
_MODULES = ("datetime", "uuid")


class Samples:
    """Sample arguments, and the names their expressions use (``used``: ``datetime``, ``uuid``,
    ``models``, ``sample``), for one test module."""

    def __init__(self, enums: dict[str, EnumType]) -> None:
        self._enums = enums
        self.used: set[str] = set()

    def arguments(self, op: Operation, everything: bool) -> list[Expr]:
        """The call's arguments: the required ones positionally, then (``everything``) each
        optional one by keyword."""
        args: list[Expr] = [self.value(p.type) for p in op.positional]
        if everything:
            # an optional parameter no sample can satisfy (a pattern none of the candidates meets,
            # or one written as a JavaScript /literal/), or one sent under another parameter's
            # name, is left out rather than sent invalid
            args += [("kw", p.python_name, self.value(p.type)) for p in op.keyword if _satisfiable(p.type) and not p.clashes]
        return args

    def value(self, t: TypeRef) -> Expr:
        match t.kind:
            case "model":
                self.used.update(("models", "sample"))
                return ("call", "sample", [("atom", f"models.{t.model}")])
            case "enum":
                enum = self._enums.get(t.model)
                if enum is None or not enum.values:
                    return ("atom", pystr(FAKE_SAMPLES["str"]))
                self.used.add("models")
                return ("atom", f"models.{t.model}.{enum.values[0].python_name}")
            case "literal":
                return ("atom", t.literal)
            case "list":
                assert t.item is not None
                least = _constraint(t, "minItems", 1)
                count = max(1, int(least) if isinstance(least, int | float) else 1)
                return ("list", [self.value(t.item)] * count)
            case "dict":
                assert t.item is not None
                return ("dict", [(pystr("key"), self.value(t.item))])
            case "union":
                variants = [v for v in t.variants if v.kind != "null"] or list(t.variants)
                return self.value(variants[0]) if variants else ("atom", "None")
            case "str":
                return ("atom", pystr(_text(t, _start_text(t) or "fake")))
            case "int" | "float":
                return ("atom", repr(_number(t)))
        text = KINDS[t.kind].sample
        self.used.update(m for m in _MODULES if text.startswith(m + "."))
        return ("atom", text or "None")


def _satisfiable(t: TypeRef) -> bool:
    """Whether the sample's wire text meets the type's pattern (a type without one: always)."""
    pattern = _constraint(t, "pattern", "")
    if not isinstance(pattern, str) or not pattern:
        return True
    sample = _start_text(t)
    if sample is None:
        return True  # not text on the wire: the pattern does not apply
    try:
        return re.search(pattern, _text(t, sample) if t.kind == "str" else sample) is not None
    except re.error:
        return True  # the fake cannot check it either


def _bound(t: TypeRef, keyword: str, exclusive: str, tighter: Callable[[float, float], float]) -> tuple[float | None, bool]:
    """A bound and whether it is open: 3.0's ``exclusiveMinimum: true`` beside ``minimum``, or
    3.1's number (the tighter of the two where both are numbers)."""
    closed, other = _constraint(t, keyword, ""), _constraint(t, exclusive, "")
    bound = closed if isinstance(closed, int | float) and not isinstance(closed, bool) else None
    if other is True and bound is not None:
        return bound, True
    if isinstance(other, int | float) and not isinstance(other, bool) and (bound is None or tighter(other, bound) == other):
        return other, True
    return bound, False


def _constraint(t: TypeRef, keyword: str, default: Constraint) -> Constraint:
    return next((v for k, v in t.constraints if k == keyword), default)


def _text(t: TypeRef, value: str) -> str:
    """``value``, or else the first candidate the pattern accepts, cut or padded to the length
    bounds (as the fake's ``_sample_text`` does for its answers); when that text still breaks
    the pattern, one made from the pattern (``pattern_text``)."""
    value = _fixed_text(t, value)
    return pattern_text(t, value) or value


def pattern_text(t: TypeRef, value: str) -> str | None:
    """A text made from the type's pattern (``regex_text``), for when ``value`` (a fixed sample,
    as ``_fixed_text`` leaves it) does not match it; None when it does, or no text is found.
    The fake's tables carry it as the schema's ``sample`` for the same case."""
    pattern = _constraint(t, "pattern", "")
    if not isinstance(pattern, str) or not pattern or t.kind != "str":
        return None
    try:
        if re.search(pattern, value):
            return None
    except re.error:
        return None
    low, high = _constraint(t, "minLength", 0), _constraint(t, "maxLength", -1)
    return matching_text(
        pattern, low if isinstance(low, int) else 0, high if isinstance(high, int) and high >= 0 else None
    )


def fake_text(t: TypeRef) -> str:
    """The text the fake starts from for a value of this type (its ``_sample``)."""
    return _fixed_text(t, _start_text(t) or "fake")


def _start_text(t: TypeRef) -> str | None:
    """The fixed sample of the type's format, else of its kind, if text (as the fake's ``_sample``
    takes it): a format may share a name with a kind (telnyx.com's ``type: string, format: int``),
    whose sample is a number; None for a kind not sent as text."""
    sample = FAKE_SAMPLES.get(t.format) if t.format else None
    if not isinstance(sample, str) or not sample:
        sample = FAKE_SAMPLES.get(t.kind)
    return sample if isinstance(sample, str) and sample else None


def _fixed_text(t: TypeRef, value: str) -> str:
    pattern = _constraint(t, "pattern", "")
    if isinstance(pattern, str) and pattern:
        try:
            if not re.search(pattern, value):
                value = next((c for c in FAKE_PATTERN_CANDIDATES if re.search(pattern, c)), value)
        except re.error:  # a pattern Python cannot read: the fake cannot check it either
            pass
    low, high = _constraint(t, "minLength", 0), _constraint(t, "maxLength", -1)
    if isinstance(low, int) and len(value) < low:
        value += "x" * (low - len(value))
    if isinstance(high, int) and 0 <= high < len(value):
        value = value[:high]
    return value


def _number(t: TypeRef) -> int | float:
    """The kind's sample, moved inside the bounds and onto a multiple of ``multipleOf`` (as the
    fake's ``_sample_number`` does); a number enum's first value."""
    start = FAKE_SAMPLES[t.kind]
    assert isinstance(start, int | float)
    allowed = _constraint(t, "enum", ())
    if isinstance(allowed, tuple) and allowed:  # a number enum: its first value
        return int(allowed[0]) if t.kind == "int" and float(allowed[0]).is_integer() else allowed[0]
    value: float = start
    low, low_open = _bound(t, "minimum", "exclusiveMinimum", max)
    high, high_open = _bound(t, "maximum", "exclusiveMaximum", min)

    def inside(v: float) -> bool:
        above = low is None or v > low or (v == low and not low_open)
        return above and (high is None or v < high or (v == high and not high_open))

    if low is not None and value <= low:
        value = low + 1
    if high is not None and value >= high:
        value = high - 1
    if not inside(value) and low is not None and high is not None:
        # no room a whole step inside: the middle, or the integer inside (a ratio in (0, 1])
        middle = [math.floor(low) + 1, math.ceil(high) - 1] if t.kind == "int" else [(low + high) / 2]
        value = next((v for v in [*middle, low, high] if inside(v)), value)
    step = _constraint(t, "multipleOf", "")
    if isinstance(step, int | float) and not isinstance(step, bool) and step > 0:
        # the first multiple at or above (nytimes.com: an offset in steps of 20)
        value = math.ceil(value / step - 1e-9) * step
        if not inside(value):  # past an end (an exclusive maximum of 30 in steps of 30): a multiple inside
            first = math.ceil(low / step - 1e-9) if low is not None else math.floor(high / step + 1e-9) if high is not None else 0
            value = next((m * step for m in range(first - 1, first + 3) if inside(m * step)), value)
    return int(value) if t.kind == "int" else float(value)
