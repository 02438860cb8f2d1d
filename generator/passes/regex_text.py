"""A short text that a schema's ``pattern`` matches, built from the pattern itself.

The generated tests' arguments and the fake's answers start from fixed samples
(``contract.FAKE_SAMPLES``, then ``contract.FAKE_PATTERN_CANDIDATES``); a pattern that none of them
meets (an ARN, an account number, ``^[A-Z]{3}-\\d{4}$``) needs a text of its own, or the tests send
what the fake rightly refuses. The text is read off Python's own parse of the pattern: each
literal as it is, a class by its first character in a fixed order of preference, each repeat its
least count, the first alternative that can be built; when the text must reach ``minLength``,
one repeat is made longer, or else the end padded. Failing those, a repeated class cycles
through a letter, a capital, a digit and a sign (the look-aheads of a password pattern), or the
last round of each repeat takes the last alternatives (a look-ahead at the end), or each
positive look-ahead writes its own text where it stands (a prefix the rest matches again). Python's
``re`` has the last word: a text it does not match (a look-around, a word boundary, a
back-reference it refuses) is never returned.
"""

from __future__ import annotations

import functools
import importlib
import re
import string
from typing import Any

# ``re._parser`` is the parser ``re.compile`` itself uses (3.11+; typeshed has no stubs for it).
_PARSER: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")

# A class's character: the first of these it contains (letters and digits first: they fit most
# identifiers), else its first literal or range start.
_PREFERENCE = "a0A" + "".join(c for c in string.printable if c not in "a0A\t\n\r\x0b\x0c")
_LONGEST = 4096  # a pattern demanding more (``a{100000}``) gets no text: its tests use the fixed samples
_REPEATS = frozenset({_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT})


class _Impossible(Exception):
    """A part no text can match (a class that excludes everything), or a text too long."""


@functools.lru_cache(maxsize=4096)
def matching_text(pattern: str, min_length: int = 0, max_length: int | None = None) -> str | None:
    """A text ``re.search(pattern, text)`` matches, with a length in the bounds; None if none is found."""
    try:
        parsed = list(_PARSER.parse(pattern))
        compiled = re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    # each repeat of a class as one character, then (for a look-ahead that asks for a letter, a
    # capital, a digit and a sign: a password) cycling through one character of each kind
    # then with the last round of each repeat taking the last alternatives (an IPv4 address's
    # ``(\.(?!$)|$){4}``: a dot between the numbers, the end after the fourth)
    # and last with each look-ahead's own text written where it stands (an ARN's
    # ``^arn:(?=[^:]+:fsx:[^:]+:\d{12}:)...``: what follows it can usually match that text again)
    for diverse, ending, ahead in ((False, False, False), (True, False, False), (False, True, False), (False, False, True)):
        for candidate in _attempts(parsed, min_length, diverse, ending, ahead):
            if len(candidate) >= min_length and (max_length is None or len(candidate) <= max_length) and compiled.search(candidate):
                return candidate
    return None


def _attempts(parsed: list[tuple[Any, Any]], min_length: int, diverse: bool, ending: bool, ahead: bool) -> list[str]:
    build = _Build(diverse=diverse, ending=ending, ahead=ahead)
    try:
        text = build.sequence(parsed)
    except (RecursionError, _Impossible):
        return []
    attempts = [text]
    if len(text) < min_length:
        # one repeat at a time made long enough, first to last: the text grows where the
        # pattern allows it to (``[a-z]+`` in ``^id-[a-z]+$``), not at an end it fixes
        for index, unit in enumerate(build.units):
            if unit:
                extra = -(-(min_length - len(text)) // len(unit))
                try:
                    attempts.append(_Build({index: extra}, diverse, ending, ahead).sequence(parsed))
                except (RecursionError, _Impossible):
                    continue
        attempts.append(text + "a" * (min_length - len(text)))  # a pattern free at its end: padded
    return attempts


class _Build:
    """One text for a parsed pattern. ``extra`` lengthens repeats by their order of appearance;
    ``units`` records, in that order, each repeat's one-count text (so a caller can tell how
    much longer each would make the whole)."""

    def __init__(
        self, extra: dict[int, int] | None = None, diverse: bool = False, ending: bool = False, ahead: bool = False
    ) -> None:
        self.extra = extra or {}
        self.diverse = diverse  # a repeated class cycles through its kinds of character
        self.ending = ending  # a repeat's last round takes its branches' last alternatives
        self.ahead = ahead  # a positive look-ahead writes its own text
        self.last = False  # building such a last round
        self.units: list[str] = []
        self.groups: dict[int, str] = {}
        self.length = 0

    def sequence(self, items: list[tuple[Any, Any]]) -> str:
        return "".join(self.item(op, av) for op, av in items)

    def item(self, op: Any, av: Any) -> str:
        if op is _C.LITERAL:
            return self._grow(chr(av))
        if op is _C.NOT_LITERAL:
            return self._grow(next(c for c in _PREFERENCE if ord(c) != av))
        if op is _C.ANY:
            return self._grow("a")
        if op is _C.IN:
            return self._grow(_class_char(av))
        if op in _REPEATS:
            low, high, sub = av
            index = len(self.units)
            self.units.append("")
            mark = self.length
            unit = self.sequence(list(sub))
            self.units[index] = unit
            self.length = mark
            count = low + self.extra.get(index, 0)
            if high is not _C.MAXREPEAT:
                count = min(count, high)
            items = list(sub)
            if self.diverse and len(items) == 1 and items[0][0] is _C.IN:
                kinds = _kinds(items[0][1]) or [unit]
                return self._grow("".join(kinds[i % len(kinds)] for i in range(count)))
            if self.ending and count and not self.last:
                head = self._grow(unit * (count - 1))
                units, self.last = len(self.units), True
                try:
                    return head + self.sequence(items)
                finally:
                    self.last = False
                    del self.units[units:]
            return self._grow(unit * count)
        if op is _C.SUBPATTERN:
            group, _, _, sub = av
            text = self.sequence(list(sub))
            if group is not None:
                self.groups[group] = text
            return text
        if op is _C.ATOMIC_GROUP:
            return self.sequence(list(av))
        if op is _C.BRANCH:
            for alternative in reversed(av[1]) if self.last else av[1]:
                mark, units, groups = self.length, len(self.units), dict(self.groups)
                try:
                    return self.sequence(list(alternative))
                except _Impossible:
                    self.length, self.groups = mark, groups
                    del self.units[units:]
            raise _Impossible
        if op is _C.GROUPREF:
            return self._grow(self.groups.get(av, ""))
        if op is _C.GROUPREF_EXISTS:
            group, yes, no = av
            return self.sequence(list(yes if group in self.groups else no or []))
        if op is _C.ASSERT and self.ahead and av[0] == 1:
            return self.sequence(list(av[1]))
        # AT (anchors, boundaries), look-behinds, ASSERT_NOT: no text of their own; re.search judges
        return ""

    def _grow(self, text: str) -> str:
        self.length += len(text)
        if self.length > _LONGEST:
            raise _Impossible
        return text


def _class_char(items: list[tuple[Any, Any]]) -> str:
    negate = bool(items) and items[0][0] is _C.NEGATE
    members = items[1:] if negate else items
    for char in _PREFERENCE:
        if _in_class(char, members) != negate:
            return char
    if not negate:
        for op, av in members:  # no printable ASCII character: the class's own first
            if op is _C.LITERAL:
                return chr(av)
            if op is _C.RANGE:
                return chr(av[0])
    raise _Impossible


def _kinds(items: list[tuple[Any, Any]]) -> list[str]:
    """A class's first lower-case letter, capital, digit and sign, those it has."""
    negate = bool(items) and items[0][0] is _C.NEGATE
    members = items[1:] if negate else items
    groups = (string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation)
    return [c for c in (next((c for c in g if _in_class(c, members) != negate), "") for g in groups) if c]


_CATEGORIES: dict[Any, Any] = {
    _C.CATEGORY_DIGIT: str.isdigit,
    _C.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    _C.CATEGORY_SPACE: str.isspace,
    _C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    _C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    _C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}


def _in_class(char: str, members: list[tuple[Any, Any]]) -> bool:
    code = ord(char)
    for op, av in members:
        if op is _C.LITERAL and av == code:
            return True
        if op is _C.RANGE and av[0] <= code <= av[1]:
            return True
        if op is _C.CATEGORY and _CATEGORIES.get(av, lambda c: False)(char):
            return True
    return False
