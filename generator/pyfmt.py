"""Black's layout for the few statement shapes the templates emit, so that generated code is
black-stable as rendered and black need not run over every file (it is the slowest stage by far).

The rules are black's for a line with one bracket pair at its end:
1. the whole statement fits in the line length: one line;
2. else the bracket's contents fit on one line, indented one level: head(, contents, ) on three lines;
3. else one item per line, each followed by a comma (the "magic trailing comma").
`tests/test_black_stable.py` checks every generated file with ``black --check``; a file with a line
still too long is given to black itself (see ``write.needs_black``).
"""

from __future__ import annotations

from collections.abc import Callable

LINE_LENGTH = 88
_SIMPLE_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _quoted(value: object, escape: Callable[[int], str]) -> str:
    """A double-quoted ASCII literal: printable ASCII as is, quotes and backslashes escaped,
    every other character as ``escape(code point)``."""
    out = ['"']
    for ch in str(value):
        code = ord(ch)
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        else:
            out.append(escape(code))
    out.append('"')
    return "".join(out)


def _python_escape(code: int) -> str:
    if chr(code) in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[chr(code)]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _toml_escape(code: int) -> str:
    if 0xD800 <= code <= 0xDFFF:
        return "\\uFFFD"  # TOML has no surrogates
    return f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}"


def pystr(value: object) -> str:
    """A Python string literal of exactly ``value``, in ASCII: nothing in it can end the literal
    or the line, and look-alike characters stay visible as escapes."""
    return _quoted(value, _python_escape)


def toml_str(value: object) -> str:
    """A TOML basic string of ``value``, in ASCII (TOML has no ``\\x`` escape)."""
    return _quoted(value, _toml_escape)


def fits(indent: int, text: str) -> bool:
    return indent + len(text) <= LINE_LENGTH


# Every function below decides the layout for the real column ``indent`` but writes continuation
# lines relative to column 0: templates indent the result where they place it (Jinja ``indent``).
_PAD, _INNER = "", "    "


def bracket(
    head: str, items: list[str], indent: int, tail: str = "", open_: str = "(", close: str = ")", collection: bool = False
) -> str:
    """``head(item, item)tail`` laid out as black would; ``indent`` is the column of ``head``.
    A collection display (tuple, list) that does not fit goes one item a line; call arguments
    first try to stay together on one indented line."""
    pad, inner = _PAD, _INNER
    one = f"{head}{open_}{', '.join(items)}{close}{tail}"
    if fits(indent, one) or not items:
        return one
    body = ", ".join(items)
    if not collection and fits(indent + 4, body):
        return f"{head}{open_}\n{inner}{body}\n{pad}{close}{tail}"
    lines = "".join(f"{inner}{_split_item(item, indent + 4)},\n" for item in items)
    return f"{head}{open_}\n{lines}{pad}{close}{tail}"


def _split_item(item: str, indent: int) -> str:
    """An item alone on its line that is still too long: a call ``f(inner)`` is split at its
    brackets as black does; anything else is left for black (``write.needs_black``)."""
    if fits(indent, item + ","):
        return item
    open_at = item.find("(")
    if open_at <= 0 or not item.endswith(")") or not item[:open_at].replace(".", "").replace("_", "").isalnum():
        return item
    depth = 0
    for index, char in enumerate(item[open_at:], open_at):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and index != len(item) - 1:
            return item  # the first bracket closes before the end: not one call
    inner = item[open_at + 1 : -1]
    if "," in inner.replace(", ", ","):  # several arguments: keep it simple, let black decide
        return item
    laid = bracket(item[:open_at], [inner], indent)
    return _indent_tail(laid)


def _indent_tail(text: str) -> str:
    """Continuation lines of an item are written relative to the item's own column."""
    first, _, rest = text.partition("\n")
    if not rest:
        return first
    return first + "\n" + "\n".join(_INNER + line for line in rest.split("\n"))


def call(head: str, args: list[str], indent: int, tail: str = "") -> str:
    return bracket(head, args, indent, tail)


def import_order(name: str) -> tuple[int, str]:
    """isort's (and ruff's) order of imported names: constants, then classes, then the rest."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


def import_from(module: str, names: list[str], indent: int = 0) -> str:
    """``from module import a, b`` in isort's order; black explodes an import that does not
    fit, one name a line."""
    names = sorted(set(names), key=import_order)
    head = f"from {module} import "
    one = head + ", ".join(names)
    if fits(indent, one):
        return one
    return head + "(\n" + "".join(f"{_INNER}{n},\n" for n in names) + _PAD + ")"


def concat(head: str, operands: list[str], indent: int) -> str:
    """``head a + b + c`` (an assignment of a ``+`` chain) laid out as black would."""
    joined = " + ".join(operands)
    if fits(indent, head + joined):
        return head + joined
    pad, inner = _PAD, _INNER
    if fits(indent + 4, joined):
        return f"{head}(\n{inner}{joined}\n{pad})"
    first, *rest = operands
    return f"{head}(\n{inner}{first}\n" + "".join(f"{inner}+ {op}\n" for op in rest) + f"{pad})"


def tuple_literal(items: list[str]) -> str:
    """A tuple expression: ``("a",)`` for one item, ``("a", "b")`` for more, ``()`` for none."""
    if len(items) == 1:
        return f"({items[0]},)"
    return "(" + ", ".join(items) + ")"


def collection(head: str, entries: list[list[str]], indent: int = 0) -> str:
    """``head = (entry, entry)`` where each entry is a tuple of items; black's layout, recursively
    for entries too long for their line."""
    flat = [tuple_literal(items) for items in entries]
    if len(flat) == 1:
        one = f"{head}({flat[0]},)"
    else:
        one = f"{head}({', '.join(flat)})"
    if fits(indent, one) or not entries:
        return one if entries else f"{head}()"
    lines = []
    for items in entries:
        entry = bracket("", items, indent + 4, tail=",", collection=True)
        lines.append(_INNER + entry.replace("\n", "\n" + _INNER))
    return f"{head}(\n" + "\n".join(lines) + f"\n{_PAD})"


def annotated(name: str, annotation: str, default: str, indent: int) -> str:
    """``name: annotation = default``; black wraps a default that does not fit in parentheses."""
    one = f"{name}: {annotation} = {default}" if default else f"{name}: {annotation}"
    if fits(indent, one) or not default:
        return one
    if fits(indent, f"{name}: {annotation} = ("):
        return f"{name}: {annotation} = (\n{_INNER}{default}\n{_PAD})"
    return f"{name}: (\n{_INNER}{annotation}\n{_PAD}) = {default}"

