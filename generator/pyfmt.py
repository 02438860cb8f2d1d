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

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

LINE_LENGTH = 88
_SIMPLE_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _quoted(value: object, escape: Callable[[int], str], quote: str = '"') -> str:
    """A quoted ASCII literal: printable ASCII as is, the quote and backslashes escaped, every
    other character as ``escape(code point)``."""
    text = str(value)
    if text.isascii() and text.isprintable() and quote not in text and "\\" not in text:
        return quote + text + quote  # the common case, and what the loop below gives for it
    out = [quote]
    for ch in text:
        code = ord(ch)
        if ch in (quote, "\\"):
            out.append("\\" + ch)
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        else:
            out.append(escape(code))
    out.append(quote)
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
    text = str(value)
    # black's choice: double quotes, unless single quotes need fewer escapes
    return _quoted(text, _python_escape, "'" if text.count('"') > text.count("'") else '"')


def toml_str(value: object) -> str:
    """A TOML basic string of ``value``, in ASCII (TOML has no ``\\x`` escape)."""
    return _quoted(value, _toml_escape)


def fits(indent: int, text: str) -> bool:
    return indent + len(text) <= LINE_LENGTH


# Every function below decides the layout for the real column ``indent`` but writes continuation
# lines relative to column 0: templates indent the result where they place it (Jinja ``indent``).
_PAD, _INNER = "", "    "
_SUBSCRIPT_TARGET = re.compile(r'^([\w.]+)\[("(?:[^"\\]|\\.)*")\] = $')


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
    # a list of one item has no comma to explode at: black puts it alone on the next line; a
    # def of one parameter gets a trailing comma instead (and so one parameter a line)
    single_def = len(items) == 1 and head.lstrip().startswith(("def ", "async def "))
    if (not collection or (len(items) == 1 and open_ == "[")) and not single_def and fits(indent + 4, body):
        return f"{head}{open_}\n{inner}{body}\n{pad}{close}{tail}"
    lines = "".join(f"{inner}{_split_item(item, indent + 4)},\n" for item in items)
    return f"{head}{open_}\n{lines}{pad}{close}{tail}"


def _arguments(inner: str) -> list[str]:
    """A call's argument text as its arguments, when each can be told apart (no comma inside
    one, even in a string or a nested bracket); else the text as one item."""
    args = _top_level_split(inner, ", ")
    return [inner] if any("," in a for a in args) else args


def _split_item(item: str, indent: int) -> str:
    """An item alone on its line that is still too long: a call ``f(inner)`` is split at its
    brackets as black does; anything else is left for black (``write.needs_black``)."""
    if fits(indent, item + ","):
        return item
    call = _as_call(item)
    if call is None:
        return item
    args = _arguments(call[1])
    if len(args) == 1 and "," in args[0]:  # a comma we cannot place (a string, a nested display)
        return item
    return _indent_tail(bracket(call[0], args, indent))


def _indent_tail(text: str) -> str:
    """Continuation lines of an item are written relative to the item's own column."""
    first, _, rest = text.partition("\n")
    if not rest:
        return first
    return first + "\n" + "\n".join(_INNER + line for line in rest.split("\n"))


def _all_fit(text: str, indent: int) -> bool:
    return all(fits(indent, line) for line in text.split("\n"))


def call(head: str, args: list[str], indent: int, tail: str = "") -> str:
    """``head(args)tail``. A ``return f(...)`` whose ``return f(`` alone is too long is wrapped
    in parentheses, as black does: ``return (``, the call one level in, ``)``; but only when
    every line then fits (black's "second opinion"), else it splits at the call's bracket,
    long first line and all."""
    if head.startswith("return ") and not tail and not fits(indent, head + "(") and fits(indent + 4, head[7:] + "("):
        inner = bracket(head[7:], args, indent + 4)
        wrapped = "return (\n" + "\n".join(_INNER + line for line in inner.split("\n")) + "\n)"
        if _all_fit(wrapped, indent):
            return wrapped
    target, equals, value = head.partition(" = ")
    if equals and not tail and not fits(indent, head + "(") and fits(indent + 4, value + "("):
        # the same for an assignment: the right-hand side in parentheses, split inside them
        inner = bracket(value, args, indent + 4)
        wrapped = f"{target} = (\n" + "\n".join(_INNER + line for line in inner.split("\n")) + "\n)"
        if _all_fit(wrapped, indent):
            return wrapped
    return bracket(head, args, indent, tail)


def comparison(head: str, left: str, operator: str, right: str, indent: int) -> str:
    """``head left operator right`` (``assert len(x) == 2``) as black lays it out: one line;
    else the comparison in parentheses, on one line inside them if it fits there, else split
    before the operator, a left operand ``f(x)`` still too long split at its bracket (black
    keeps these parentheses: the line does not end in a bracket)."""
    one = f"{head}{left} {operator} {right}"
    if fits(indent, one):
        return one
    if fits(indent + 4, f"{left} {operator} {right}"):
        return f"{head}(\n{_INNER}{left} {operator} {right}\n{_PAD})"
    left_call = _as_call(left)
    if not fits(indent + 4, left) and left_call is not None and "," not in left_call[1]:
        # one argument: no comma to add, it goes alone on its line however long
        left = f"{left_call[0]}(\n{_INNER * 2}{left_call[1]}\n{_INNER})"
    return f"{head}(\n{_INNER}{left}\n{_INNER}{operator} {right}\n{_PAD})"


# An expression tree for ``expr``: ("atom", text) | ("call", name, [args]) | ("tuple", [items]) |
# ("list", [items]) | ("dict", [(key text, value tree)]). Codecs are built as trees so nesting of any depth is laid
# out as black would, without black.
Expr = tuple[Any, ...]


def flat(node: Expr) -> str:
    """The expression on one line."""
    return _flat(node, {})


# ``expr`` tries every bracket of a tree on one line before splitting it, so each subtree was
# flattened once per level above it (170 times per model of GitHub's). A memo of the texts by
# node, kept for one top-level layout (the tree is alive all along: ids cannot be reused), makes
# that once.
_Memo = dict[int, str]


def _flat(node: Expr, memo: _Memo) -> str:
    kind = node[0]
    if kind == "atom":
        return str(node[1])
    text = memo.get(id(node))
    if text is not None:
        return text
    # an atom's text is taken in place: a call per leaf was a third of the flattening
    if kind == "call":
        text = f"{node[1]}({', '.join(str(a[1]) if a[0] == 'atom' else _flat(a, memo) for a in node[2])})"
    elif kind == "tuple":
        text = tuple_literal([str(i[1]) if i[0] == "atom" else _flat(i, memo) for i in node[1]])
    elif kind == "list":
        text = "[" + ", ".join(str(i[1]) if i[0] == "atom" else _flat(i, memo) for i in node[1]) + "]"
    elif kind == "kw":  # a keyword argument of a call: ("kw", name, value)
        text = f"{node[1]}={_flat(node[2], memo)}"
    else:
        text = "{" + ", ".join(f"{k}: {_flat(v, memo)}" for k, v in node[1]) + "}"
    memo[id(node)] = text
    return text


def _parts(node: Expr) -> tuple[str, str, str, list[Expr | tuple[str, Expr]], bool]:
    """(text before the bracket, opening, closing, items, is a display) of a bracketed node."""
    if node[0] == "call":
        return node[1], "(", ")", list(node[2]), False
    if node[0] == "tuple":
        return "", "(", ")", list(node[1]), True
    if node[0] == "list":
        return "", "[", "]", list(node[1]), True
    return "", "{", "}", list(node[1]), True


def _item_text(item: Any, is_dict: bool, memo: _Memo) -> str:
    return f"{item[0]}: {_flat(item[1], memo)}" if is_dict else _flat(item, memo)


def expr(prefix: str, node: Expr, indent: int, suffix: str = "") -> str:
    """``prefix`` + the expression + ``suffix`` as black lays it out (its right-hand split):
    one line if it fits; else the bracket's contents on one indented line, if they fit and the
    bracket is a call's; else one item a line with a trailing comma, each laid out the same
    way. Continuation lines are relative to column 0, like the other layouts here."""
    return _expr(prefix, node, indent, suffix, {})


def _expr(prefix: str, node: Expr, indent: int, suffix: str, memo: _Memo) -> str:
    one = prefix + _flat(node, memo) + suffix
    if fits(indent, one) or node[0] == "atom":
        return one
    head, open_, close, items, display = _parts(node)
    target = _SUBSCRIPT_TARGET.match(prefix)
    if target and not fits(indent, prefix + head + open_) and fits(indent + 4, target.group(2)):
        # ``_headers["a-long-name"] = f(`` is too long: black splits the target's subscript first
        return f"{target.group(1)}[\n{_INNER}{target.group(2)}\n" + _expr("] = ", node, indent, suffix, memo)
    is_dict = node[0] == "dict"
    if not items:
        return one
    texts = [_item_text(i, is_dict, memo) for i in items]
    if len(items) == 1 and (not display or is_dict):
        # one item and no comma to split at: black splits the item itself
        inner = _item_layout(items[0], is_dict, indent + 4, "", memo)
        return f"{prefix}{head}{open_}\n{_indent_lines(inner)}\n{close}{suffix}"
    body = ", ".join(texts)
    if not display and fits(indent + 4, body):
        return f"{prefix}{head}{open_}\n{_INNER}{body}\n{close}{suffix}"
    # an item that fits on its line with its comma is that line (what _item_layout would make
    # of it, without laying it out again); the others are laid out
    lines = [
        _INNER + text + ","
        if indent + 5 + len(text) <= LINE_LENGTH and "\n" not in text
        else _indent_lines(_item_layout(item, is_dict, indent + 4, ",", memo))
        for item, text in zip(items, texts)
    ]
    return f"{prefix}{head}{open_}\n" + "\n".join(lines) + f"\n{close}{suffix}"


def _item_layout(item: Any, is_dict: bool, indent: int, suffix: str, memo: _Memo) -> str:
    if is_dict:
        return _expr(f"{item[0]}: ", item[1], indent, suffix, memo)
    if item[0] == "kw":
        return _expr(f"{item[1]}=", item[2], indent, suffix, memo)
    return _expr("", item, indent, suffix, memo)


def _indent_lines(text: str) -> str:
    return "\n".join(_INNER + line for line in text.split("\n"))


# Ruff's orders (its isort rules, I001, and its ``__all__``/``__slots__`` sorts, RUF022/RUF023),
# with its default settings: each compares runs of digits as numbers ("natural" order).
NaturalKey = tuple[tuple[int, int, str], ...]
_RUNS = re.compile(r"\d+|\D+")


@functools.lru_cache(maxsize=65536)  # the same names are sorted in many modules of a large API
def _natural(text: str) -> NaturalKey:
    # digits sort before every other character of an identifier, so a run of digits may be
    # compared as a number against a run of anything else
    return tuple((0, *_number(run)) if run[0].isdecimal() else (1, 0, run) for run in _RUNS.findall(text))


def _number(run: str) -> tuple[int, str]:
    """A run of digits in the order of its value, without ``int`` (which refuses runs longer
    than 4,300 digits, and a hostile name may hold one): shorter significant digits first."""
    if not run.isascii():
        run = "".join(str(unicodedata.decimal(c)) for c in run)
    digits = run.lstrip("0")
    return len(digits), digits


def _name_kind(name: str) -> int:
    """isort's member types: CONSTANTS (two characters or more), then Classes, then the rest."""
    return 0 if len(name) > 1 and name.isupper() else 1 if name[:1].isupper() else 2


def import_order(name: str) -> tuple[int, NaturalKey, NaturalKey]:
    """The order of the names of one ``from x import``: by kind, then case-insensitively."""
    return (_name_kind(name), _natural(name.lower()), _natural(name))


def dunder_all_order(name: str) -> tuple[int, NaturalKey]:
    """The order of ``__all__``'s names: by kind, then case-sensitively."""
    return (_name_kind(name), _natural(name))


def module_order(module: str) -> tuple[int, NaturalKey, NaturalKey]:
    """The order of ``from module import`` statements within a section: relative imports
    from the furthest (``...``) to the closest (``.``), then by module, case-insensitively."""
    rest = module.lstrip(".")
    return (-(len(module) - len(rest)), _natural(rest.lower()), _natural(rest))


def import_from(module: str, names: list[str], indent: int = 0) -> str:
    """``from module import a, b`` in isort's order; black explodes an import that does not
    fit, one name a line."""
    names = sorted(set(names), key=import_order)
    head = f"from {module} import "
    one = head + ", ".join(names)
    if fits(indent, one):
        return one
    return head + "(\n" + "".join(f"{_INNER}{n},\n" for n in names) + _PAD + ")"


def import_block(imports: list[tuple[str, tuple[str, ...]]], indent: int = 0) -> str:
    """One section of ``from module import ...`` statements, one per module (names of the
    same module merged), in isort's order. Lines after the first are relative to column 0."""
    merged: dict[str, list[str]] = {}
    for module, names in imports:
        merged.setdefault(module, []).extend(names)
    return "\n".join(import_from(m, merged[m], indent) for m in sorted(merged, key=module_order) if merged[m])


Imports = tuple[tuple[str, tuple[str, ...]], ...]  # (module, names); module "": ``import name``


# Most modules of a large API share their runtime imports (GitHub's 3,108 models: 17% distinct).
@functools.lru_cache(maxsize=8192)
def _import_sections(imports: Imports, indent: int) -> str:
    """isort's sections: the standard library (``import x`` first, then ``from x import``), a
    blank line, the package's own (relative) modules."""
    whole = sorted({n for m, names in imports if not m for n in names}, key=lambda n: _natural(n.lower()))
    stdlib = [(m, names) for m, names in imports if m and not m.startswith(".")]
    local = [(m, names) for m, names in imports if m.startswith(".")]
    sections = ["\n".join([f"import {n}" for n in whole] + ([import_block(stdlib, indent)] if stdlib else []))]
    sections.append(import_block(local, indent) if local else "")
    return "\n\n".join(s for s in sections if s)


def module_imports(runtime: Imports, typing_only: Imports) -> str:
    """A module's imports after ``from __future__ import annotations``: those its code needs, then
    under ``if TYPE_CHECKING:`` those only its annotations name (never evaluated at run time)."""
    text = _import_sections(runtime, 0)
    if typing_only:
        block = _import_sections(typing_only, 4)
        text += "\n\nif TYPE_CHECKING:\n" + "\n".join(_INNER + line if line else "" for line in block.split("\n"))
    return text


def dunder_all(names: list[str]) -> str:
    """``__all__ = [...]`` with the names sorted as ruff sorts it."""
    items = [pystr(n) for n in sorted(set(names), key=dunder_all_order)]
    return bracket("__all__ = ", items, 0, open_="[", close="]", collection=True)


def _as_call(text: str) -> tuple[str, str] | None:
    """(name, inside) when ``text`` is one call ``name(inside)``, else None."""
    open_at = text.find("(")
    if open_at <= 0 or not text.endswith(")") or not text[:open_at].replace(".", "").replace("_", "").isalnum():
        return None
    depth = 0
    for index, char in enumerate(text[open_at:], open_at):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and index != len(text) - 1:
            return None  # the first bracket closes before the end: not one call
    return text[:open_at], text[open_at + 1 : -1]


def concat(head: str, operands: list[str], indent: int) -> str:
    """``head a + b + c`` (an assignment of a ``+`` chain) laid out as black would: one line;
    else, for ``a + f(x)``, split at ``f``'s bracket (black omits the optional parentheses when
    there is one operator and the line ends with a call); else in parentheses, one operand a
    line, each split at its own bracket if still too long."""
    joined = " + ".join(operands)
    if fits(indent, head + joined) or (len(operands) == 1 and not fits(indent + 4, joined)):
        return head + joined  # a lone operand that parentheses would not help stays as it is
    pad, inner = _PAD, _INNER
    last = _as_call(operands[-1]) if len(operands) == 2 else None
    if last is not None and fits(indent, f"{head}{operands[0]} + {last[0]}("):
        return bracket(f"{head}{operands[0]} + {last[0]}", _arguments(last[1]), indent)
    if fits(indent + 4, joined):
        return f"{head}(\n{inner}{joined}\n{pad})"
    lines = []
    for number, operand in enumerate(operands):
        text = operand if number == 0 else "+ " + operand
        call_parts = _as_call(operand)
        if not fits(indent + 4, text) and call_parts is not None:
            text = bracket(("" if number == 0 else "+ ") + call_parts[0], _arguments(call_parts[1]), indent + 4)
            text = text.replace("\n", "\n" + inner)
        lines.append(f"{inner}{text}\n")
    return f"{head}(\n" + "".join(lines) + f"{pad})"


def tuple_literal(items: list[str]) -> str:
    """A tuple expression: ``("a",)`` for one item, ``("a", "b")`` for more, ``()`` for none."""
    if len(items) == 1:
        return f"({items[0]},)"
    return "(" + ", ".join(items) + ")"


def assign(head: str, value: str, indent: int) -> str:
    """``head value`` (``x = value``, ``return value``) where ``value`` has no bracket of its
    own: black wraps a value that does not fit in parentheses, if it fits inside them."""
    one = head + value
    if fits(indent, one) or not fits(indent + 4, value):
        return one
    return f"{head}(\n{_INNER}{value}\n{_PAD})"


def _union_split(annotation: str) -> list[str]:
    """The top-level members of ``A | list[B | C] | None``: ``|`` inside brackets is not split."""
    if " | " not in annotation:
        return [annotation]
    parts, depth, start = [], 0, 0
    for token in _UNION_TOKENS.finditer(annotation):  # brackets and separators only, not every character
        text = token.group()
        if text == "[" or text == "(":
            depth += 1
        elif text == "]" or text == ")":
            depth -= 1
        elif depth == 0:  # a separator starts here (found overlapping, as a scan would)
            parts.append(annotation[start : token.start()])
            start = token.start() + 3
    return parts + [annotation[start:]]


_UNION_TOKENS = re.compile(r"[\[\]()]|(?= \| )")


def _top_level_split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` where it is outside brackets and string literals."""
    parts, depth, start, quote, escaped = [], 0, 0, "", False
    for index, char in enumerate(text):
        if quote:
            escaped, quote = (not escaped and char == "\\"), ("" if char == quote and not escaped else quote)
            continue
        if char in "\"'":
            quote = char
            continue
        depth += {"[": 1, "(": 1, "{": 1, "]": -1, ")": -1, "}": -1}.get(char, 0)
        if depth == 0 and text.startswith(separator, index):
            parts.append(text[start:index])
            start = index + len(separator)
    return parts + [text[start:]]


def _type_layout(part: str, indent: int, suffix: str = "", room: int = 0) -> str:
    """One member of a type hint on its own line(s) at column ``indent``: as it is if it fits;
    a subscript ``list[X | Y]`` black splits at its bracket: the inside on one line, else one
    ``|`` member a line, or one comma-separated item a line with a trailing comma. Lines after
    the first are relative to ``indent``; ``room`` is what else stands on the first line (a
    name before the hint, a colon after it)."""
    if fits(indent + room, part + suffix):
        return part + suffix
    members = _union_split(part)
    if len(members) > 1:  # one ``|`` member a line
        laid_out = [_type_layout(m, indent + (2 if n else 0)) for n, m in enumerate(members)]
        return "\n| ".join(laid_out) + suffix
    if not part.endswith("]") or "[" not in part:
        return part + suffix
    name, _, inner = part[:-1].partition("[")
    if not name.replace(".", "").replace("_", "").isalnum():
        return part + suffix
    items = _top_level_split(inner, ", ")
    if len(items) > 1 and fits(indent + 4, inner):  # a subscript is no display: no magic comma
        return f"{name}[\n{_INNER}{inner}\n]{suffix}"
    if len(items) > 1:
        lines = "".join(f"{_INNER}{_indent_tail(_type_layout(i, indent + 4, ','))}\n" for i in items)
        return f"{name}[\n{lines}]{suffix}"
    members = _union_split(inner)
    if fits(indent + 4, inner) or len(members) == 1:
        body = _indent_tail(_type_layout(inner, indent + 4))
        return f"{name}[\n{_INNER}{body}\n]{suffix}"
    lines = f"{_INNER}{_indent_tail(_type_layout(members[0], indent + 4))}\n"
    lines += "".join(f"{_INNER}| {_indent_tail(_type_layout(m, indent + 6))}\n" for m in members[1:])
    return f"{name}[\n{lines}]{suffix}"


def wrapped_annotation(annotation: str, indent: int) -> str:
    """``(`` annotation ``)`` as black parenthesizes a long type hint: the hint on one indented
    line if it fits, else one ``|`` member a line (a member too long split at its subscript).
    ``indent`` is the column of the ``(``'s line."""
    if fits(indent + 4, annotation):
        return f"(\n{_INNER}{annotation}\n{_PAD})"
    first, *rest = _union_split(annotation)
    lines = f"{_INNER}{_indent_tail(_type_layout(first, indent + 4))}\n"
    lines += "".join(f"{_INNER}| {_indent_tail(_type_layout(part, indent + 6))}\n" for part in rest)
    return f"(\n{lines}{_PAD})"


def returns(annotation: str, indent: int) -> str:
    """The annotation after ``) -> `` (``indent`` is the column of ``)``); black parenthesizes
    one that makes the line too long."""
    if fits(indent, f") -> {annotation}:"):
        return annotation
    if len(_union_split(annotation)) == 1 and annotation.endswith("]"):
        return _type_layout(annotation, indent, room=len(") -> :"))  # one subscript: split at it
    if " | " not in annotation and not fits(indent + 4, annotation):
        return annotation
    return wrapped_annotation(annotation, indent)


def typed_call(name: str, annotation: str, function: str, argument: str, indent: int) -> str:
    """``name: annotation = function(argument)``: one line; else split at the call's bracket if
    the line up to it fits; else the call parenthesized if that fits; else the annotation
    parenthesized, the call after it."""
    head = f"{name}: {annotation} = {function}"
    if fits(indent, f"{head}({argument})") or fits(indent, head + "("):
        return bracket(head, [argument], indent)
    call_text = f"{function}({argument})"
    if fits(indent, f"{name}: {annotation} = (") and fits(indent + 4, call_text):
        return f"{name}: {annotation} = (\n{_INNER}{call_text}\n{_PAD})"
    if " | " not in annotation and not fits(indent + 4, annotation):
        return bracket(head, [argument], indent)
    return f"{name}: {wrapped_annotation(annotation, indent)} = {call_text}"


def annotated(name: str, annotation: str, default: str, indent: int, tail: str = "") -> str:
    """``name: annotation = default`` + ``tail`` (a field, or a parameter with ``tail=","``).
    Black wraps a long default in parentheses when the line up to it fits; else it
    parenthesizes the annotation."""
    rest = f" = {default}{tail}" if default else tail
    one = f"{name}: {annotation}{rest}"
    if fits(indent, one):
        return one
    if default and fits(indent, f"{name}: {annotation} = ("):
        return f"{name}: {annotation} = (\n{_INNER}{default}\n{_PAD}){tail}"
    if len(_union_split(annotation)) == 1 and annotation.endswith("]"):
        return f"{name}: " + _type_layout(annotation, indent, room=len(f"{name}: {rest}")) + rest
    if " | " not in annotation and not fits(indent + 4, annotation):
        return one  # nothing black could split: left as it is
    return f"{name}: {wrapped_annotation(annotation, indent)}{rest}"

