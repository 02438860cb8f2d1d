"""The build step's no-op check: when the spec, the templates, the options and the generator
are what produced the output last time, and the output is as that run left it, nothing runs.

The record lives under ``$XDG_CACHE_HOME/openapi-pyclient-generator/`` (``~/.cache`` by default),
one file per output directory: the fingerprint of the inputs and each output file's size and
mtime. It is a cache: deleting it only costs one full run (which then writes nothing if the
output was already right). This module imports nothing heavy, so a no-op run stays cheap.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .options import Options
from .write import ignored_dir  # light: write imports black only when a file needs it

from .paths import GENERATOR_DIR, TEMPLATES as DEFAULT_TEMPLATES
_MAX_INPUT_FILES = 2000


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "openapi-pyclient-generator"


def _record_path(out: Path) -> Path:
    key = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:32]
    return _cache_dir() / f"{key}.json"


def _hash_tree(
    digest: "hashlib._Hash", root: Path, suffixes: tuple[str, ...] | None = None, own: bool = False, listing: bool = False
) -> bool:
    """Hash the files under ``root``. For a user's folder, tool caches and build products are
    skipped; for the generator's own code (``own``) only ``__pycache__``: a source folder is
    never skipped for its name. With ``listing``, each file's size and mtime stand for its
    content, as make's do."""
    # listed first, read after: a spec in a huge folder costs a listing, not reading 2,000 files
    paths: list[tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        if own:
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and d != "templates")
        else:
            dirnames[:] = sorted(d for d in dirnames if not ignored_dir(d) and not d.startswith("."))
        paths.extend((dirpath, name) for name in sorted(filenames) if not suffixes or name.endswith(suffixes))
        if len(paths) > _MAX_INPUT_FILES:
            return False
    for dirpath, name in paths:
        path = Path(dirpath, name)
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        if listing:
            try:
                stat = path.stat()
            except OSError:  # gone since the listing: a state too
                digest.update(b"\1missing\0")
                continue
            digest.update(f"{stat.st_size} {stat.st_mtime_ns}\0".encode())
        else:
            digest.update(path.read_bytes() + b"\0")
    return True


def fingerprint(
    spec: Path, options: Options, inputs: Sequence[Path] = ()
) -> str | None:
    """Everything the output depends on: the generator (version and code), the templates, the
    options, the spec, and ``inputs``, the other files the last run read (``$ref``'d files,
    example files); the size and mtime of the files beside the spec; None when that is too
    much to hash.
    """
    digest = hashlib.sha256(f"{__version__}\0{options!r}\0".encode())
    if not _hash_tree(digest, GENERATOR_DIR, (".py",), own=True) or not _hash_tree(digest, DEFAULT_TEMPLATES, own=True):
        return None
    if options.templates is not None and not _hash_tree(digest, options.templates):
        return None
    try:
        digest.update(spec.read_bytes())
    except OSError:
        return None
    # The spec's folder is listed, not read: every file a run reads is ``inputs`` (or the spec),
    # hashed whole; the listing covers the rest. (GitHub's folder in the public corpus holds 16
    # descriptions, 47 MB: hashing them was half of the record a run leaves, 0.07 s.)
    if not _hash_tree(digest, spec.parent, listing=True):
        return None
    # The files the spec names were read by the last run; which ones depends only on what they
    # and the spec hold, so hashing these is enough: an edit in any changes the fingerprint.
    for path in sorted(set(inputs) - {spec.absolute()}):
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes() + b"\0")
        except OSError:  # gone, or not there yet (an example file): a state too
            digest.update(b"\1missing\0")
    return digest.hexdigest()


def _snapshot(out: Path) -> dict[str, list[int]]:
    """Size and mtime of every file under ``out`` (tool caches left out), by relative path.
    Walked with ``os.scandir`` and plain strings: at 12,000 files a ``Path`` per file was a
    third of a second of every run."""
    files: dict[str, list[int]] = {}
    todo = [(str(out), "")]
    while todo:
        directory, prefix = todo.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir():  # a link to a folder is not followed, as os.walk does not
                if not entry.is_symlink() and not ignored_dir(entry.name):
                    todo.append((entry.path, f"{prefix}{entry.name}/"))
                continue
            stat = entry.stat()
            files[prefix + entry.name] = [stat.st_size, stat.st_mtime_ns]
    return dict(sorted(files.items()))


def is_fresh(spec: Path, options: Options, out: Path) -> bool:
    """True when running would change nothing."""
    if not out.is_dir():
        return False
    try:
        record = json.loads(_record_path(out).read_text())
    except (OSError, ValueError):
        return False
    inputs = record.get("inputs", [])
    if not isinstance(inputs, list) or not all(isinstance(p, str) for p in inputs):
        return False
    current = fingerprint(spec, options, [Path(p) for p in inputs])
    return current is not None and record.get("fingerprint") == current and record.get("files") == _snapshot(out)


def remember(
    spec: Path, options: Options, out: Path, inputs: Sequence[Path] = (), snapshot: dict[str, list[int]] | None = None
) -> None:
    """Record what produced ``out`` as it is now, ``inputs`` being every file the run read, and
    ``snapshot`` what the write left there (``_snapshot``'s form; walked here when None).
    Best effort: a cache that cannot be written only makes the next run a full one."""
    names = sorted({str(p.absolute()) for p in inputs})
    current = fingerprint(spec, options, [Path(p) for p in names])
    if current is None:
        return
    try:
        path = _record_path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        record = {
            "fingerprint": current,
            "out": str(out.resolve()),
            "files": snapshot if snapshot is not None else _snapshot(out),
            "inputs": names,
        }
        tmp.write_text(json.dumps(record))
        os.replace(tmp, path)
    except OSError:
        pass
