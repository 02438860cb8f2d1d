"""What the user asked for, on the command line or in the build config (a light module: the
build step's no-op check reads it without loading the rest of the generator)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Options:
    package: str
    client_name: str = ""
    credential_scopes: tuple[str, ...] = ()
    templates: Path | None = None  # a directory whose templates override the defaults
