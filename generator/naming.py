"""Wire names → Python names. Pure functions; every name in the IR is decided here, once.

Rules (documented in the README):
- identifiers are snake_case; words split at punctuation and at lower→upper / acronym boundaries
  (``DataServiceId`` → ``data_service_id``, ``ETag`` → ``etag``, ``odata.nextLink`` →
  ``odata_next_link``, ``If-Match`` → ``if_match``);
- non-ASCII letters and digits are kept only where Python accepts them; anything else separates words;
- a name that starts with a digit gets the prefix ``n`` (``2fa`` → ``n2fa``; class ``N2fa``);
- a Python keyword, soft keyword or builtin gets the suffix ``_`` (``class`` → ``class_``,
  ``filter`` → ``filter_``), as does a name reserved by the generated code in that scope;
- a name that is empty after conversion becomes ``value`` / ``Model``;
- when two wire names convert to the same Python name in one scope, the later one (in spec order)
  gets ``_2``, ``_3``, … (see ``Namer``).
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import keyword
import re
import unicodedata
from collections.abc import Container, Iterable

from .contract import ATTRIBUTE_CLASHES

_KEYWORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
RESERVED_WORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(
    name for name in dir(builtins) if not name.startswith("_")
)

# Names the generated modules use in annotations and class bodies: an attribute may not shadow them.
MODULE_NAMES = ATTRIBUTE_CLASHES
_ATTRIBUTE_WORDS = _KEYWORDS | MODULE_NAMES  # what a model field may not be called


@functools.lru_cache(maxsize=4096)
def _kind(c: str) -> str:
    if not ("x" + c).isidentifier() or c == "_":
        return " "  # not allowed in an identifier (some letters and digits are not: U+2E2F, "²")
    if c.isdigit():
        return "D"
    if c.isupper():
        return "U"
    return "L"


def words(name: str) -> list[str]:
    """Split a wire name into words: ``"odata.nextLink"`` → ``["odata", "next", "Link"]``.

    Breaks at punctuation, lower→upper, letter↔digit, and before the last capital of an acronym
    run (``IPAddress`` → ``IP``, ``Address``). A one-letter capital word joins the next
    (``ETag`` → ``ETag``), so that ``ETag`` becomes ``etag``.
    """
    return list(_words(name))


# ``words``' rules for an ASCII name, as one regular expression (a tenth of the loop's time):
# an acronym run before its last capital when a lower-case letter follows that capital, else
# capitals then lower-case letters (``ETag``: a one-letter capital joins its word), a capital
# run, a digit run; anything else separates.
_ASCII_WORD = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z])|[A-Z]*[a-z]+|[A-Z]+|[0-9]+")


@functools.lru_cache(maxsize=65536)  # the same wire names are split many times over a large API
def _words(name: str) -> tuple[str, ...]:
    """``words``, cached."""
    if name.isascii():
        return tuple(_ASCII_WORD.findall(name))
    return _unicode_words(name)


def _unicode_words(name: str) -> tuple[str, ...]:
    """``words`` by the character kinds (``_kind``): for any name (``_ASCII_WORD`` is the same
    for an ASCII one, ``tests/test_naming.py`` holds them to it)."""
    text = unicodedata.normalize("NFKC", name)
    out: list[str] = []
    word = ""
    for i, c in enumerate(text):
        kind = _kind(c)
        if kind == " ":
            if word:
                out.append(word)
            word = ""
            continue
        if word:
            prev = _kind(word[-1])
            nxt = _kind(text[i + 1]) if i + 1 < len(text) else " "
            split = (
                (prev == "L" and kind == "U")
                or (prev == "D") != (kind == "D")
                or (prev == "U" and kind == "U" and nxt == "L" and len(word) > 1)
            )
            if split:
                out.append(word)
                word = ""
        word += c
    if word:
        out.append(word)
    return tuple(out)


def _join_digits(parts: list[str]) -> list[str]:
    """Keep digits with the word before them (``v2``), or the word after when they lead (``2fa``)."""
    merged: list[str] = []
    for part in parts:
        if merged and (part.isdigit() and not merged[-1].isdigit() or merged[-1].isdigit() and len(merged) == 1):
            merged[-1] += part
        else:
            merged.append(part)
    return merged


def _valid(ident: str, prefix: str, fallback: str) -> str:
    """A name that cannot start an identifier (a digit, a combining mark) gets ``prefix``; the
    name is NFKC-normalised, as Python normalises identifiers in source (so that the name a
    string in the generated code spells is the name the class or attribute really has)."""
    ident = unicodedata.normalize("NFKC", ident)
    if ident and not ident[0].isidentifier():
        ident = unicodedata.normalize("NFKC", prefix + ident)
    return ident if ident.isidentifier() else fallback


def snake(name: str, reserved: Iterable[str] = (), *, attribute: bool = False) -> str:
    """A Python identifier in snake_case for ``name``.

    ``attribute=True`` is for names only ever read as ``obj.name`` (model fields): those may be
    builtins such as ``id`` or ``type``, but not keywords nor names the module itself uses.
    """
    ident = _snake(name)
    clashes = _ATTRIBUTE_WORDS if attribute else RESERVED_WORDS
    if ident in clashes or ident in _container(reserved):
        ident += "_"
    return ident


@functools.lru_cache(maxsize=65536)  # a large API converts the same wire names many times
def _snake(name: str) -> str:
    return _valid("_".join(_join_digits([w.lower() for w in words(name)])), "n", "value")


def _container(names: Iterable[str]) -> Container[str]:
    """``names`` to test membership in (copied only when it is not a collection already)."""
    return names if isinstance(names, (set, frozenset, dict, tuple, list)) else set(names)


# Builtins a method may be named after (``client.pools.list()``): in that class's signatures the
# builtin is spelled ``builtins.list`` (``ir.Parameter.shadowed``).
METHOD_BUILTINS = frozenset({"list", "dict"})
# Names a method of a generated class may not take: its class's signatures use them as types.
_METHOD_CLASHES = frozenset(
    {"str", "int", "float", "bool", "bytes", "object", "tuple", "datetime", "uuid", "typing", "builtins", "Any", "List", "Dict"}
)


def method_name(name: str, reserved: Iterable[str] = ()) -> str:
    """A method name: snake_case; builtins such as ``list`` and ``filter`` are fine as methods,
    keywords and the type names used in signatures get ``_``."""
    ident = snake(name, reserved, attribute=True)
    suffixed = {name + "_" for name in METHOD_BUILTINS}
    if ident in _METHOD_CLASHES or ident in suffixed:  # attribute rules suffix these; methods need not
        ident = ident.rstrip("_") if ident in suffixed else ident + "_"
    return ident


def constant(name: str) -> str:
    """An enum member name: UPPER_SNAKE (``userError`` → ``USER_ERROR``); never ``_``-led."""
    ident = snake(name, attribute=True).upper().strip("_")
    return _valid(ident, "V_", "VALUE")


def pascal(name: str, reserved: Iterable[str] = ()) -> str:
    """A class name in PascalCase; an existing PascalCase name is kept as it is (``ETag`` stays)."""
    ident = _pascal(name)
    if ident in RESERVED_WORDS or ident in _container(reserved):
        ident += "_"
    return ident


@functools.lru_cache(maxsize=65536)
def _pascal(name: str) -> str:
    return _valid("".join(p[:1].upper() + p[1:] for p in _join_digits(words(name))), "N", "Model")


def group_name(name: str) -> str:
    """Attribute name of an operation group: ``Task`` → ``tasks``, ``ComputeNodeExtension`` →
    ``compute_node_extensions``; reserved words are checked after pluralising."""
    base = "_".join(_join_digits([w.lower() for w in words(name)])) or "default"
    ident = _valid(plural(base), "n", "default")
    return ident + "_" if ident in RESERVED_WORDS else ident


def plural(word: str) -> str:
    """English plural of a snake_case noun phrase's last word (``compute_node`` → ``compute_nodes``)."""
    head, _, last = word.rpartition("_")
    prefix = head + "_" if head else ""
    if last.endswith(("ss", "sh", "ch", "x", "z")):
        return prefix + last + "es"
    if last.endswith("s"):  # already plural ("tasks") or uncountable-looking ("status"): keep
        return word
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return prefix + last[:-1] + "ies"
    return prefix + last + "s"


def singular(word: str) -> str:
    """Inverse of ``plural`` for the simple cases it produces."""
    head, _, last = word.rpartition("_")
    prefix = head + "_" if head else ""
    if last.endswith("ies") and len(last) > 3:
        return prefix + last[:-3] + "y"
    if last.endswith(("sses", "shes", "ches", "xes", "zes")):
        return prefix + last[:-2]
    if last.endswith("s") and not last.endswith("ss"):
        return prefix + last[:-1]
    return word


_GROUP_PREFIX = re.compile(r"^([A-Z][A-Za-z0-9]*)_([A-Za-z0-9][A-Za-z0-9_]*)$")


def split_operation_id(operation_id: str) -> tuple[str, str] | None:
    """``Task_Reactivate`` → (``Task``, ``Reactivate``); ``None`` when there is no ``Group_`` prefix."""
    match = _GROUP_PREFIX.match(operation_id)
    return (match.group(1), match.group(2)) if match else None


class Namer:
    """Hands out unique names within one scope, in call order (so results follow spec order)."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self.taken: set[str] = set(reserved)

    def claim(self, candidate: str) -> tuple[str, bool]:
        """Return (unique name, whether it had to be changed)."""
        if candidate not in self.taken:
            self.taken.add(candidate)
            return candidate, False
        n = 2
        while f"{candidate}_{n}" in self.taken:
            n += 1
        name = f"{candidate}_{n}"
        self.taken.add(name)
        return name, True


MODULE_NAME_LIMIT = 96  # file names are at most 255 bytes; a module's is its name plus ".py"


def module_name(name: str) -> str:
    """A module's name short enough to be a file name anywhere: a longer one keeps its first
    characters and a digest of the whole, so two long names stay apart, the same on every run."""
    if len(name.encode("utf-8")) <= MODULE_NAME_LIMIT:
        return name
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    head = name.encode("utf-8")[: MODULE_NAME_LIMIT - 11].decode("utf-8", "ignore")
    return f"{head}_{digest}"


FILE_NAME_LIMIT = 200  # bytes: room under the 255-byte limit for a writer's temporary suffixes


def file_name(stem: str, suffix: str) -> str:
    """``stem + suffix`` as a file name short enough anywhere (a docs page named after a long
    group and method): a longer stem keeps its start and a digest of the whole."""
    if len((stem + suffix).encode("utf-8")) <= FILE_NAME_LIMIT:
        return stem + suffix
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:10]
    room = FILE_NAME_LIMIT - len(suffix.encode("utf-8")) - 11
    return stem.encode("utf-8")[:room].decode("utf-8", "ignore") + "_" + digest + suffix
