"""Where the generator's own files are: one place, read by rendering and by the no-op cache."""

from __future__ import annotations

from pathlib import Path

GENERATOR_DIR = Path(__file__).resolve().parent
# Installed (a wheel), the templates ship inside the package; in the repository (and an editable
# install) they are the top-level templates/ folder beside it.
_INSTALLED = GENERATOR_DIR / "templates"
TEMPLATES = _INSTALLED if (_INSTALLED / "package").is_dir() else GENERATOR_DIR.parent / "templates"
