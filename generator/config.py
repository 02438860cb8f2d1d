"""The build step's configuration: ``[[tool.generator.packages]]`` in the project's pyproject.toml.

Every key is checked against one table (``KEYS``): an unknown key names the closest valid one, a
wrong type says what was expected, and each message gives the file and line. Paths must exist
(the templates directory) or stay inside the project and be unique (``out``).
"""

from __future__ import annotations

import difflib
import keyword
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .options import Options


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class PackageConfig:
    spec: Path
    out: Path
    options: Options


@dataclass(frozen=True)
class Key:
    kind: str  # "str" or "strs" (a string or a list of strings)
    required: bool
    help: str


# The keys of one [[tool.generator.packages]] entry: the one place that says what is valid.
KEYS: dict[str, Key] = {
    "spec": Key("str", True, "the OpenAPI description, relative to the project"),
    "out": Key("str", True, "the generated package project's directory, inside the project"),
    "package": Key("str", True, "the import name of the generated package"),
    "client-name": Key("str", False, "the base of the class names (Batch → BatchClient)"),
    "credential-scopes": Key("strs", False, "the Microsoft Entra token scope(s); marks an Azure service"),
    "templates": Key("str", False, "a directory whose templates override the defaults"),
}
TOP_KEYS = ("packages",)
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def check_package_name(name: str, what: str) -> None:
    """An import name: an ASCII identifier that is no keyword (``import class`` cannot work)."""
    if not _IDENTIFIER.match(name) or keyword.iskeyword(name) or keyword.issoftkeyword(name):
        raise ConfigError(f"{what} {name!r} is not a valid Python package name (letters, digits and _, not a keyword)")


def check_client_name(name: str, what: str) -> None:
    """The base of class names: ``{name}Client`` must be a valid class name, so the name must
    start with a letter (``123`` and ``my client`` are refused)."""
    if not _IDENTIFIER.match(name) or not name[0].isalpha() or keyword.iskeyword(name):
        raise ConfigError(f"{what} {name!r} must be a Python identifier starting with a letter (e.g. 'Batch')")


def find_project(start: Path) -> Path:
    """The nearest directory at or above ``start`` whose pyproject.toml has ``[tool.generator]``."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            data = _parse(candidate)
            tool = data.get("tool")
            if isinstance(tool, dict) and "generator" in tool:
                return directory
    raise ConfigError(f"no pyproject.toml with a [tool.generator] table at or above {start}")


def _parse(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from None


class _Lines:
    """Where keys are written in the TOML text (tomllib keeps no positions): per table header,
    the line of each ``key =``; ``[[tool.generator.packages]]`` blocks counted in order."""

    def __init__(self, text: str) -> None:
        self.tables: dict[str, int] = {}
        self.keys: dict[tuple[str, str], int] = {}
        table, count = "", 0
        for number, line in enumerate(text.splitlines(), 1):
            stripped = line.strip()
            header = re.match(r"\[\[\s*([^\]]+?)\s*\]\]|\[\s*([^\]]+?)\s*\]", stripped)
            if header:
                name = (header.group(1) or header.group(2)).replace(" ", "").replace('"', "")
                if header.group(1) == "tool.generator.packages":
                    name = f"tool.generator.packages[{count}]"
                    count += 1
                table = name
                self.tables.setdefault(table, number)
                continue
            key = re.match(r"""([A-Za-z0-9_.-]+|"[^"]*"|'[^']*')\s*=""", stripped)
            if key:
                self.keys.setdefault((table, key.group(1).strip("\"'")), number)

    def of(self, table: str, key: str | None = None) -> int | None:
        """The line of ``key`` in ``table``, else of the table's header."""
        if key is not None and (table, key) in self.keys:
            return self.keys[(table, key)]
        return self.tables.get(table)


def load_config(root: Path) -> list[PackageConfig]:
    path = root / "pyproject.toml"
    text = path.read_text("utf-8")
    data = _parse(path)
    lines = _Lines(text)

    def fail(table: str, key: str | None, message: str) -> ConfigError:
        line = lines.of(table, key)
        where = f"{path}:{line}" if line else str(path)
        return ConfigError(f"{where}: {table}{'.' + key if key else ''}: {message}")

    tool = data.get("tool", {})
    section = tool.get("generator") if isinstance(tool, dict) else None
    if not isinstance(section, dict):
        raise fail("tool", "generator", "must be a table ([tool.generator])")
    for key in section:
        if key not in TOP_KEYS:
            raise fail("tool.generator", key, f"unknown key{_closest(key, TOP_KEYS)}")
    entries = section.get("packages")
    if not isinstance(entries, list) or not entries:
        raise fail("tool.generator", "packages", "must list the packages as [[tool.generator.packages]] tables")
    out: list[PackageConfig] = []
    outs: dict[Path, int] = {}
    for index, entry in enumerate(entries):
        table = f"tool.generator.packages[{index}]"
        if not isinstance(entry, dict):
            raise fail("tool.generator", "packages", f"entry {index} is {type(entry).__name__}, not a table: write each package as a [[tool.generator.packages]] table")
        for key, value in entry.items():
            spec = KEYS.get(key)
            if spec is None:
                raise fail(table, key, f"unknown key{_closest(key, KEYS)}; valid keys: {', '.join(KEYS)}")
            if spec.kind == "str" and not isinstance(value, str):
                raise fail(table, key, f"must be a string ({spec.help}), not {_toml_type(value)}")
            if spec.kind == "strs" and not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
                raise fail(table, key, f"must be a string or a list of strings ({spec.help}), not {_toml_type(value)}")
        missing = [key for key, spec in KEYS.items() if spec.required and key not in entry]
        if missing:
            raise fail(table, None, f"missing {', '.join(missing)}")
        try:
            check_package_name(entry["package"], "package")
            if "client-name" in entry:
                check_client_name(entry["client-name"], "client-name")
        except ConfigError as exc:
            raise fail(table, "package" if "package " in str(exc) else "client-name", str(exc)) from None
        target = (root / entry["out"]).resolve()
        if not target.is_relative_to(root.resolve()) or target == root.resolve():
            raise fail(table, "out", f"{entry['out']!r} is not inside the project ({root}): the build step writes only under it")
        if target in outs:
            raise fail(table, "out", f"{entry['out']!r} is also the out of tool.generator.packages[{outs[target]}]: each package needs its own directory")
        outs[target] = index
        templates = entry.get("templates")
        if templates is not None and not (root / templates).is_dir():
            raise fail(table, "templates", f"{templates!r} is not a directory")
        scopes = entry.get("credential-scopes", [])
        out.append(
            PackageConfig(
                spec=root / entry["spec"],
                out=root / entry["out"],
                options=Options(
                    package=entry["package"],
                    client_name=str(entry.get("client-name", "")),
                    credential_scopes=tuple([scopes] if isinstance(scopes, str) else scopes),
                    templates=root / templates if templates else None,
                ),
            )
        )
    return out


def _closest(key: str, valid: Any) -> str:
    match = difflib.get_close_matches(key.replace("_", "-"), list(valid), n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""


def _toml_type(value: Any) -> str:
    if isinstance(value, list):
        inner = sorted({_toml_type(v) for v in value if not isinstance(v, str)})
        return "an array holding " + " and ".join(inner) if inner else "an array"
    return {bool: "a boolean", int: "an integer", float: "a float", str: "a string", dict: "a table"}.get(type(value), type(value).__name__)
