"""Located problems found in a spec: the one currency every stage uses to report input errors."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from urllib.parse import unquote


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding, with where it is: file, line and column when known, and a JSON pointer."""

    severity: Severity
    message: str
    file: str
    pointer: str = ""
    line: int | None = None
    col: int | None = None

    def format(self, *, as_error: bool = False) -> str:
        """``FILE:LINE:COL: error|warning: message (at POINTER)``; ``as_error`` is for ``--strict``."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
        severity = Severity.ERROR.value if as_error else self.severity.value
        at = f" (at {self.pointer})" if self.pointer else ""
        return f"{where}: {severity}: {self.message}{at}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class SpecError(Exception):
    """Raised inside a stage to abort with located problems; caught at the stage boundary."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.format() for p in problems))
        self.problems = problems


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer_index(token: str, length: int) -> int | None:
    """The list index a pointer token names (ASCII digits only, as RFC 6901 says: ``²`` passes
    ``str.isdigit`` and fails ``int``), or None when it names none of ``length`` items. Leading
    zeros are read as ``int`` reads them; a token with more digits than ``length`` has is no
    index at all, whatever its size (``int`` refuses strings of more than 4,300 digits)."""
    if not (token.isascii() and token.isdigit()):
        return None
    digits = token.lstrip("0") or "0"
    if len(digits) > len(str(length)) or int(digits) >= length:
        return None
    return int(digits)


def join_pointer(base: str, *tokens: str | int) -> str:
    """``join_pointer('#/paths', '/jobs')`` → ``#/paths/~1jobs``."""
    out = base
    for token in tokens:
        out += "/" + escape_pointer_token(str(token))
    return out


def split_pointer(pointer: str) -> list[str]:
    body = pointer[1:] if pointer.startswith("#") else pointer
    if not body:
        return []
    return [unescape_pointer_token(t) for t in body.lstrip("/").split("/")]


def ref_pointer(ref: str) -> str:
    """A local ``$ref`` (``#`` and a URI fragment) as a pointer in our usual form.

    The fragment is percent-encoded (RFC 6901 section 6): ``#/paths/~1monsters~1%7Bid%7D`` is
    ``#/paths/~1monsters~1{id}``. Decoding comes before the ``~1``/``~0`` unescaping that
    ``split_pointer`` does; our own pointers are never percent-encoded, so ``split_pointer``
    must not decode (a key may hold a literal ``%``). Malformed escapes are kept as written.
    """
    if "%" not in ref:
        return ref
    try:
        return unquote(ref, errors="strict")
    except UnicodeDecodeError:  # escapes that are not UTF-8: not a pointer we could decode
        return ref
