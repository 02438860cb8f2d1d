"""State shared by the build passes: the document, problems found so far, and reference lookup."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load import Document
from ..options import Options
from ..problems import Problem
from ..validate import deref


@dataclass
class BuildContext:
    doc: Document
    version: str  # "2.0", "3.0", "3.1"
    options: Options
    problems: list[Problem] = field(default_factory=list)
    source_dir: Path | None = None  # where the spec file is, for relative example files

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        return deref(self.doc, node, pointer)

    def warn(self, message: str, pointer: str) -> None:
        self.problems.append(self.doc.warning(message, pointer))

    def error(self, message: str, pointer: str) -> None:
        self.problems.append(self.doc.error(message, pointer))


def text(node: Any, *keys: str) -> str:
    """The first non-empty string among ``node[key]`` for ``keys`` (description, then title...)."""
    if isinstance(node, dict):
        for key in keys:
            value = node.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return ""
