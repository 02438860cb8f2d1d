"""Format, compare and write generated files. The only module that touches the output directory.

A generation is written only after every file rendered and formatted, so a failure anywhere
before leaves the previous tree untouched. Each file is replaced atomically (temp file + rename)
and only when its bytes change; files the previous run produced and this one does not are removed.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .pyfmt import LINE_LENGTH

MANIFEST = ".generated-files"
# Tool caches and build products inside a generated tree: never compared, never removed.
IGNORED_DIRS = frozenset({"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist"})


class FormatError(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: black could not format the generated code: {message}")
        self.path = path


# Long lines black cannot shorten: a comment, string literals (a dict entry or keyword of them),
# or a simple statement with a trailing comment.
_UNSPLITTABLE = re.compile(
    r"""^\s*(?:#.*|(?:[A-Za-z_]\w*=)?(?:[rbfu]*"(?:[^"\\]|\\.)*"\s*:?\s*)+[,)]*\s*(?:#.*)?|[\w.]+\s+#.*)$"""
)


def needs_black(text: str) -> bool:
    """Whether black could change a rendered file. The templates lay code out as black does
    (``pyfmt``), so only a code line longer than the limit that black can split (a very long
    name, say) is left for black; docstrings are not black's concern.
    ``tests/test_black_stable.py`` holds this up over every description the tests use."""
    in_docstring = False
    for line in text.splitlines():
        quotes = line.count('"""')
        if not in_docstring and quotes == 0 and len(line) > LINE_LENGTH and not _UNSPLITTABLE.match(line):
            return True
        if quotes % 2 == 1:
            in_docstring = not in_docstring
    return False


def black_format(path: str, text: str) -> str:
    import black  # imported only when a file needs it: black's import alone costs ~0.2 s

    mode = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=LINE_LENGTH)
    try:
        return black.format_str(text, mode=mode)
    except Exception as exc:  # black raises several types; any of them means a bad template
        raise FormatError(path, str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None


def format_files(files: dict[str, str], *, force_black: bool = False) -> dict[str, str]:
    """black for the Python files that need it (all with ``force_black``); adds the manifest."""
    out: dict[str, str] = {}
    for path, text in files.items():
        if path.endswith(".py") and (force_black or needs_black(text)):
            text = black_format(path, text)
        out[path] = text
    out[MANIFEST] = "".join(f"{p}\n" for p in sorted(out))
    return dict(sorted(out.items()))


def _ignored(rel: Path) -> bool:
    return any(part in IGNORED_DIRS or part.endswith(".egg-info") for part in rel.parts[:-1]) or rel.name.endswith(".pyc")


def existing_files(root: Path) -> set[str]:
    if not root.is_dir():
        return set()
    found: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in IGNORED_DIRS and not d.endswith(".egg-info"))
        for name in filenames:
            rel = Path(dirpath, name).relative_to(root)
            if not _ignored(rel):
                found.add(rel.as_posix())
    return found


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def clean(self) -> bool:
        return not (self.added or self.changed or self.removed)


def compare(root: Path, files: dict[str, str]) -> Changes:
    """What writing ``files`` into ``root`` would change (``removed``: files on disk not produced)."""
    changes = Changes()
    on_disk = existing_files(root)
    for path, text in files.items():
        target = root / path
        if path not in on_disk:
            changes.added.append(path)
        elif target.read_bytes() != text.encode("utf-8"):
            changes.changed.append(path)
        else:
            changes.unchanged += 1
    changes.removed = sorted(on_disk - set(files))
    return changes


class UnsafeOutputError(Exception):
    pass


def write_tree(root: Path, files: dict[str, str]) -> Changes:
    """Write ``files`` under ``root``: changed files only, atomically each; stale generated files removed.

    Refuses a non-empty directory that this generator did not write (no manifest), so that
    ``--out`` pointed at the wrong place cannot delete anything.
    """
    previous: set[str] = set()
    manifest = root / MANIFEST
    if root.exists():
        if not root.is_dir():
            raise UnsafeOutputError(f"{root}: exists and is not a directory")
        if manifest.is_file():
            previous = {line for line in manifest.read_text("utf-8").splitlines() if line}
        elif existing_files(root):
            raise UnsafeOutputError(
                f"{root}: not empty and not written by this generator (no {MANIFEST}); refusing to write into it"
            )
    changes = compare(root, files)
    for path in changes.added + changes.changed:
        if path == MANIFEST:
            continue
        _atomic_write(root / path, files[path])
    # The manifest goes last: until it is written, the previous one still lists what to clean up.
    for path in sorted(set(changes.removed) & previous):
        (root / path).unlink(missing_ok=True)
        _prune_empty_dirs(root, (root / path).parent)
    changes.removed = sorted(set(changes.removed) & previous)
    if MANIFEST in changes.added + changes.changed:
        _atomic_write(manifest, files[MANIFEST])
    return changes


def _atomic_write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _prune_empty_dirs(root: Path, directory: Path) -> None:
    while directory != root and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
