"""State shared by the build passes: the document, problems found so far, and reference lookup."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load import Document
from ..options import Options
from ..problems import Problem, Severity
from ..validate import deref


@dataclass
class BuildContext:
    doc: Document
    version: str  # "2.0", "3.0", "3.1"
    options: Options
    source_dir: Path | None = None  # where the spec file is, for relative example files
    # (severity, message, pointer) in the order found: located when the build is done, so that
    # the build never waits for the position index (the validator's child sends it while the
    # build runs: the first warning, early in GitHub's build, waited a tenth of a second for it)
    _found: list[tuple[Severity, str, str]] = field(default_factory=list)

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        return deref(self.doc, node, pointer)

    def warn(self, message: str, pointer: str) -> None:
        self._found.append((Severity.WARNING, message, pointer))

    def error(self, message: str, pointer: str) -> None:
        self._found.append((Severity.ERROR, message, pointer))

    def problems(self) -> list[Problem]:
        """What the build found so far, located."""
        return [self.doc.problem(severity, message, pointer) for severity, message, pointer in self._found]


def dict_at(node: Any, key: str) -> dict[str, Any]:
    """``node[key]`` when it is a mapping, else an empty one (a new one each time)."""
    value = node.get(key)
    return value if isinstance(value, dict) else {}


def list_at(node: Any, key: str, default: list[Any] | None = None) -> list[Any]:
    """``node[key]`` when it is a list, else ``default`` (itself) or a new empty list."""
    value = node.get(key)
    if isinstance(value, list):
        return value
    return [] if default is None else default


def str_at(node: Any, key: str, default: str = "") -> str:
    """``node[key]`` when it is a string, else ``default``."""
    value = node.get(key)
    return value if isinstance(value, str) else default


def bool_at(node: Any, key: str, default: bool) -> bool:
    """``node[key]`` when it is a boolean, else ``default``."""
    value = node.get(key)
    return value if isinstance(value, bool) else default


def text(node: Any, *keys: str) -> str:
    """The first non-empty string among ``node[key]`` for ``keys`` (description, then title...)."""
    if isinstance(node, dict):
        for key in keys:
            value = node.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return ""
