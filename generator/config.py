"""The build step's configuration: ``[[tool.generator.packages]]`` in the project's pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .options import Options


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class PackageConfig:
    spec: Path
    out: Path
    options: Options


def find_project(start: Path) -> Path:
    """The nearest directory at or above ``start`` whose pyproject.toml has ``[tool.generator]``."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text("utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{candidate}: invalid TOML: {exc}") from None
            if "generator" in data.get("tool", {}):
                return directory
    raise ConfigError(f"no pyproject.toml with a [tool.generator] table at or above {start}")


def load_config(root: Path) -> list[PackageConfig]:
    path = root / "pyproject.toml"
    data = tomllib.loads(path.read_text("utf-8"))
    entries = data.get("tool", {}).get("generator", {}).get("packages")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path}: [[tool.generator.packages]] lists no package")
    out: list[PackageConfig] = []
    for index, entry in enumerate(entries):
        where = f"{path}: tool.generator.packages[{index}]"
        missing = [key for key in ("spec", "out", "package") if not isinstance(entry.get(key), str)]
        if missing:
            raise ConfigError(f"{where}: missing {', '.join(missing)}")
        scopes = entry.get("credential-scopes", [])
        if isinstance(scopes, str):
            scopes = [scopes]
        if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
            raise ConfigError(f"{where}: credential-scopes must be a string or a list of strings")
        package = entry["package"]
        if not package.isidentifier():
            raise ConfigError(f"{where}: package {package!r} is not a Python identifier")
        templates = entry.get("templates")
        if templates is not None and not isinstance(templates, str):
            raise ConfigError(f"{where}: templates must be a directory path")
        out.append(
            PackageConfig(
                spec=root / entry["spec"],
                out=root / entry["out"],
                options=Options(
                    package=package,
                    client_name=str(entry.get("client-name", "")),
                    credential_scopes=tuple(scopes),
                    templates=root / templates if templates else None,
                ),
            )
        )
    return out
