"""Format, compare and write generated files. The only module that touches the output directory.

A generation is written only after every file rendered and formatted, and then all at once (see
``write_tree``), so a failure anywhere leaves the previous tree untouched.
"""

from __future__ import annotations
import __future__

import functools
import keyword
import os
import pickle
import re
import shutil
import threading
import unicodedata
import warnings
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
        self.detail = message


@dataclass(frozen=True)
class CompileError:
    """A rendered Python file that Python itself refuses: a generator (or template) bug."""

    path: str
    line: int | None
    message: str
    source: str  # the offending line, stripped ("" when unknown)

    def describe(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        code = f" in `{self.source}`" if self.source else ""
        return f"{where}{self.message}{code}"


# Long lines black cannot shorten: a comment, the head of an exploded import or of a call (or an
# awaited one, or one without arguments) whose name alone is too long, a lone (dotted) name, a
# keyword of one or a lambda of one, string literals (a dict entry or keyword of them), a simple
# statement with a trailing comment, an empty display assigned, a class header that is already
# split, an assignment split at its only bracket (``pyfmt.call`` has already tried the
# parentheses black would add), a lone name as a return annotation or type hint (or a quoted
# one), the head of a parenthesized type hint or of a def, a string operand of a + chain or a
# string assigned (``pyfmt.assign`` has tried the parentheses), a lone name as one member of a
# split union (``| Name``).
_UNSPLITTABLE = re.compile(
    r"""^\s*(?:#.*|from\s+\S+\s+import\s+\(|(?:return\s+|await\s+|\w+=)?[\w.]+\(\)?|(?:lambda:\s+|\w+=)?[\w.]+,?|(?:[A-Za-z_]\w*=|[A-Za-z_]\w* = |return\s+|\+\s+)?(?:[rbfu]*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*:?\s*)+[,)]*\s*(?:#.*)?|[\w.]+\s+#.*|[\w.]+ = (?:\(\)|\[\]|\{\})|class \w+[(:]|[\w.]+ = [\w.]*\(|\) -> [\w.]+:|\w+: (?:\(|[\w.]+),?|(?:async )?def \w+\(|\w+: "[^"]*"(?: = \w+)?,?|\| [\w.]+,?)$"""
)


def needs_black(text: str) -> bool:
    """Whether black could change a rendered file. The templates lay code out as black does
    (``pyfmt``), so only a code line longer than the limit that black can split (a very long
    name, say) is left for black; the text of docstrings is not black's concern, but where the
    last line of a docstring (of a module, class or function: the string after a line ending
    in ``:``) runs past the limit, black moves its closing quotes to a line of their own.
    ``tests/test_black_stable.py`` holds this up over every description the tests use."""
    lines = text.splitlines()
    if max(map(len, lines), default=0) <= LINE_LENGTH:
        return False  # both findings below need a line past the limit: a third of the files have none
    in_docstring = False
    opened_after_colon = False
    previous = ""  # the last non-blank line before the current string
    last = -1
    # Only a line past the limit or with quotes can decide or change anything; between two such
    # lines, the last non-blank one is what ``previous`` would have become line by line.
    for number in [i for i, line in enumerate(lines) if len(line) > LINE_LENGTH or '"""' in line]:
        line = lines[number]
        if not in_docstring:
            for before in range(number - 1, last, -1):
                if lines[before].strip():
                    previous = lines[before].rstrip()
                    break
        last = number
        quotes = line.count('"""')
        if not in_docstring and quotes == 0 and len(line) > LINE_LENGTH and not _UNSPLITTABLE.match(line):
            return True
        if quotes % 2 == 1:
            if in_docstring:
                if opened_after_colon and len(line) > LINE_LENGTH and line.lstrip().startswith('"""') is False:
                    return True
            else:
                opened_after_colon = number == 0 or previous.endswith(":")
            in_docstring = not in_docstring
        if not in_docstring and line.strip():
            previous = line.rstrip()
    return False


def black_format(path: str, text: str) -> str:
    import black  # imported only when a file needs it: black's import alone costs ~0.2 s
    from black.mode import TargetVersion

    mode = black.Mode(target_versions={TargetVersion.PY310}, line_length=LINE_LENGTH)
    try:
        return black.format_str(text, mode=mode)
    except Exception as exc:  # black raises several types; any of them means a bad template
        raise FormatError(path, str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None


def format_file(path: str, text: str) -> str:
    """black for a Python file that needs it (``needs_black``); any other file as it is."""
    if path.endswith(".py") and needs_black(text):
        return black_format(path, text)
    return text


def with_manifest(files: dict[str, str]) -> dict[str, str]:
    """The files in path order, with the manifest of them added."""
    out = dict(files)
    out[MANIFEST] = "".join(f"{p}\n" for p in sorted(out))
    return dict(sorted(out.items()))


def format_files(files: dict[str, str]) -> dict[str, str]:
    """black for the Python files that need it; adds the manifest."""
    return with_manifest({path: format_file(path, text) for path, text in files.items()})


# Above this many characters a file is compiled in pieces (``_pieces``): Python's parser needs
# about 60 bytes per character of source, 340 MB for GitHub's 5.8 MB testing.py, the peak of a run.
_PIECE = 100_000
_CLOSERS = {"(": ")", "[": "]", "{": "}"}


def _pieces(text: str) -> list[str]:
    """``text`` as pieces that compile, each alone, exactly when the whole does (given that
    none of them fails): runs of whole top-level statements, each cut at a line that starts
    at column 0; and a statement too large alone, a table ``NAME = (`` ... ``)``, as its head
    with an empty display and its items in groups, each group in the table's brackets and
    ending with a comma (so that the groups joined are the items joined). The cuts are only
    guesses made from the lines (a string may hold such a line): a wrong one makes a piece
    fail, and then the caller compiles the whole text."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line[:1].strip() and line[0] not in ")]}#" and not line.startswith(("else", "elif", "except", "finally"))]
    pieces: list[str] = []
    run: list[str] = []
    size = 0
    for start, end in zip(starts, [*starts[1:], len(lines)]):
        statement = lines[start:end] if start else lines[:end]  # the lines before the first start go with it
        length = sum(len(line) + 1 for line in statement)
        if length > _PIECE and statement[0][-1:] in _CLOSERS and not statement[0].startswith(("from ", "import ")):
            if run:
                pieces.append("\n".join(run))
                run, size = [], 0
            pieces += _table_pieces(statement)
            continue
        if length > _PIECE and statement[0].startswith("class ") and len(class_pieces := _class_pieces(statement, text)) > 1:
            # an operation group's class (Kubernetes' core group: 1.7 MB, 100 MB to parse whole)
            if run:
                pieces.append("\n".join(run))
                run, size = [], 0
            pieces += class_pieces
            continue
        run += statement
        size += length
        if size > _PIECE:
            pieces.append("\n".join(run))
            run, size = [], 0
    if run:
        pieces.append("\n".join(run))
    return pieces


_FUTURE = "from __future__ import annotations\n"


def _class_pieces(statement: list[str], text: str) -> list[str]:
    """A large class as groups of its methods: the head (the class line to its first method)
    with the first group, then each further group in a ``class _:`` of its own, cut before a
    method's first decorator or its ``def``. A later group is compiled under the module's
    future import when it has one, as its methods' annotations are in the whole."""
    future = _FUTURE if text.startswith(_FUTURE) or f"\n{_FUTURE}" in text else ""
    cuts = [
        i for i, line in enumerate(statement)
        if i and line.startswith(("    def ", "    async def ", "    @")) and not statement[i - 1].startswith("    @")
    ]
    pieces: list[str] = []
    start, size = 0, 0
    for here, following in zip(cuts, [*cuts[1:], len(statement)]):
        size += sum(len(line) + 1 for line in statement[here:following])
        if size > _PIECE and here > start:
            body = "\n".join(statement[start:here])
            pieces.append(body if not start else f"{future}class _:\n{body}")
            start, size = here, sum(len(line) + 1 for line in statement[here:following])
    body = "\n".join(statement[start:])
    pieces.append(body if not start else f"{future}class _:\n{body}")
    return pieces


def _table_pieces(statement: list[str]) -> list[str]:
    opener = statement[0][-1]
    closer = _CLOSERS[opener]
    last = len(statement) - 1
    while last > 0 and not statement[last].strip():
        last -= 1
    pieces = [statement[0] + "\n" + statement[last]]  # the head, with an empty display
    group: list[str] = []
    size = 0
    for line in statement[1:last]:
        if size > _PIECE and line.startswith("    ") and line[4:5].strip() and line[4] not in ")]}" and group[-1].endswith(","):
            pieces.append(f"{opener}\n" + "\n".join(group) + f"\n{closer}")
            group, size = [], 0
        group.append(line)
        size += len(line) + 1
    if group:
        pieces.append(f"{opener}\n" + "\n".join(group) + f"\n{closer}")
    return pieces


def _compile(text: str, path: str) -> None:
    """``compile(text)``, in pieces when the text is large and every piece compiles (a failing
    piece, or a future import after the first, and the whole text is compiled, so that an
    error is Python's own, with its line)."""
    if len(text) > _PIECE:
        pieces = _pieces(text)
        try:
            for number, piece in enumerate(pieces):
                if number and "from __future__" in piece.removeprefix(_FUTURE):
                    raise SyntaxError("a future import after the first piece")
                compile(piece, path, "exec", dont_inherit=True)
            return
        except (SyntaxError, ValueError):
            pass
    compile(text, path, "exec", dont_inherit=True)


# A module that exports one name (``__all__ = ["Name"]``: a model's, an enum's).
_ONE_EXPORT = re.compile(r'^__all__ = \["([A-Z][A-Za-z0-9_]{2,})"\]$', re.MULTILINE)
_MARK = "\0"  # never in source that compiles (compile() refuses NUL)
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_" + _MARK)
_KEYWORDS = (*keyword.kwlist, *keyword.softkwlist)
_FUTURE_FEATURES = tuple(__future__.all_feature_names)
# A ``[`` that may subscript a constant: after a string's quote, a closing bracket, a
# backslash, or at the start of a line (what ends the line before is not known here).
_CONSTANT_SUBSCRIPT = re.compile("[\"')\\]}\\\\\r\n][ \t\f]*\\[")
# A ``case`` clause: a mapping pattern's keys are compared by value ({"Abc": 1, "Ab" "c": 2}).
_CASE = re.compile(r"(?:^|\r)[ \t\f]*case\b", re.MULTILINE)  # a lone \r ends a line too


def _shape(text: str) -> str | None:
    """``text`` with the one name its module exports replaced by a mark, when no spelling of
    that name could change whether it compiles; None when one might.

    Two texts of the same shape are one source but for the spelling of that name (GitHub's
    5,877 model and enum modules have 1,826 shapes: a webhook's ``...UserType`` enum is
    repeated 364 times), and if one compiles so does the other, because:

    - the name is an ASCII identifier of three characters or more that starts with a capital,
      begins no keyword, is part of no future feature's name (``barry_as_FLUFL``), and has
      no double underscore nor a trailing one: it spells no keyword, soft keyword, string
      prefix, future feature or dunder, nothing whose spelling the compiler reads, and it
      cannot stand across the join of a mangled name (``__x`` in ``class Q`` is ``_Q__x``,
      which holds ``Q__x`` and ``Q_`` though no text spells them);
    - where it stands, the run of letters, digits and underscores around it is one identifier
      token whatever its spelling, or plain text in a string or a comment: the run starts
      with a letter or an underscore (no number, no ``0xAbc``), no backslash precedes it (no
      escape: ``\\xAbc``, ``\\uFace``), the text has no ``\\N{...}`` (a character's name),
      no non-ASCII character touches it (it could join the identifier), and no "." after a
      digit precedes it (``1.E5`` is a number);
    - every occurrence was replaced, and no character of the text becomes ASCII under NFKC
      (a fullwidth A, U+FF21, in an identifier does): no other identifier is or becomes the
      name, so which identifiers are equal (a repeated argument, say) is the same too;
    - neither the name's length nor its letters can count: the compiler folds constant
      expressions, and a constant holding the name, repeated (``"Abc" * 1000`` is folded
      only up to 4,096 characters) or indexed (``"Abcd"[3]`` folds, ``"Abc"[3]`` does not;
      ``b"Abc"[0]`` is a letter's code, and an index can be any constant expression), folds
      or not by them, and a constant can be called or compared with ``is`` (warnings); so
      the text has no ``*``, no ``__debug__`` (a constant), and no ``[`` after a quote, a
      closing bracket or a backslash or at the start of a line (only a name or an operator
      may stand before a ``[``: ``dict[``, ``= [``), and the name has at most 1,000
      characters;
    - no constant is compared with the name by value: the one such check, a ``match``
      mapping pattern's duplicate keys (``{"Abc": 1, "Ab" "c": 2}``: the second key spells
      no name), is refused (no ``case`` clause).

    Two reviews' counterexamples to earlier versions are tests: ``tests/test_compile_shapes.py``."""
    found = _ONE_EXPORT.search(text, 0, 8192)  # near the top, after the imports, or not at all
    if found is None or _MARK in text or "\\N{" in text:
        return None
    name = found.group(1)
    if any(word.startswith(name) for word in _KEYWORDS) or any(name in feature for feature in _FUTURE_FEATURES):
        return None
    if "__" in name or name.endswith("_"):  # it could straddle a mangled name's join (see above)
        return None
    # where the name's length or letters could count, or a constant could equal it (see above)
    if len(name) > 1000 or "*" in text or "__debug__" in text or text.lstrip(" \t\f").startswith("["):
        return None
    if _CONSTANT_SUBSCRIPT.search(text) or ("case" in text and _CASE.search(text)):
        return None
    if not text.isascii() and any(_becomes_ascii(c) for c in set(text) if not c.isascii()):
        return None
    shape = text.replace(name, _MARK)
    at = shape.find(_MARK)
    while at != -1:
        start = at
        while start and shape[start - 1] in _WORD:
            start -= 1
        end = at + 1
        while end < len(shape) and shape[end] in _WORD:
            end += 1
        before = shape[start - 1] if start else " "
        after = shape[end] if end < len(shape) else " "
        if shape[start].isdigit() or before == "\\" or not before.isascii() or not after.isascii():
            return None
        if before == "." and start >= 2 and shape[start - 2].isdigit():
            return None
        at = shape.find(_MARK, end)
    return shape


@functools.lru_cache(maxsize=4096)
def _becomes_ascii(character: str) -> bool:
    """Whether NFKC (how Python reads identifiers) makes ASCII of some of ``character``."""
    return any(c.isascii() for c in unicodedata.normalize("NFKC", character))


def compile_errors(files: dict[str, str], compiled: set[str] | None = None) -> list[CompileError]:
    """Compile every Python file (after formatting, before anything is written). Warnings
    count as errors: an invalid escape warns today and fails in a later Python.

    ``compiled``, kept by the caller across calls, holds the shapes (``_shape``) of the files
    that compiled: a file of a shape already there compiled as it is, and is not compiled
    again (two thirds of a large API's model modules; the compile guard was the largest cost
    of rendering them)."""
    errors: list[CompileError] = []
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        shape = _shape(text) if compiled is not None and len(text) <= _PIECE else None
        if shape is not None and compiled is not None and shape in compiled:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # turned into SyntaxError by compile(), never printed
                _compile(text, path)
            if shape is not None and compiled is not None:
                compiled.add(shape)
        except SyntaxError as exc:
            # exc.text is None for the compiler's own errors ('return' outside function): take the line here
            lines = text.splitlines()
            source = lines[exc.lineno - 1].strip() if exc.lineno and 0 < exc.lineno <= len(lines) else ""
            errors.append(CompileError(path, exc.lineno, exc.msg, source[:120]))
        except ValueError as exc:  # NUL bytes in the source
            errors.append(CompileError(path, None, str(exc), ""))
    return errors


def ignored_dir(name: str) -> bool:
    return name in IGNORED_DIRS or name.endswith(".egg-info")


def existing_files(root: Path) -> set[str]:
    """Files under ``root``, tool caches and build products left out."""
    if not root.is_dir():
        return set()
    found: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not ignored_dir(d))
        for name in filenames:
            if not name.endswith(".pyc"):
                found.add(Path(dirpath, name).relative_to(root).as_posix())
    return found


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    # Size and mtime of every file of the tree written, as the writes left them, for the no-op
    # cache (``cache._snapshot``'s form): None when nothing was written.
    snapshot: dict[str, list[int]] | None = None

    @property
    def clean(self) -> bool:
        return not (self.added or self.changed or self.removed)


def compare(root: Path, files: dict[str, str]) -> Changes:
    """What writing ``files`` into ``root`` would change (``removed``: files on disk not produced)."""
    changes = Changes()
    on_disk = existing_files(root)
    for path, text in files.items():
        if path not in on_disk:  # a new output: every file, and no path to join for any
            changes.added.append(path)
        elif (root / path).read_bytes() != text.encode("utf-8"):
            changes.changed.append(path)
        else:
            changes.unchanged += 1
    changes.removed = sorted(on_disk - set(files))
    return changes


class UnsafeOutputError(OSError):
    """The output directory is not one this generator may write into."""


def _previous_manifest(root: Path) -> set[str]:
    manifest = root / MANIFEST
    if root.exists():
        if not root.is_dir():
            raise UnsafeOutputError(f"{root}: exists and is not a directory")
        if manifest.is_file():
            return {line for line in manifest.read_text("utf-8").splitlines() if line}
        if existing_files(root):
            raise UnsafeOutputError(
                f"{root}: not empty and not written by this generator (no {MANIFEST}); refusing to write into it"
            )
    return set()


def write_tree(root: Path, files: dict[str, str]) -> Changes:
    """Make ``root`` hold exactly ``files``, all at once, writing only what changed.

    The new tree is assembled beside ``root``: unchanged files are hard links to the old ones
    (so their mtimes stay), changed ones are written; files the previous run produced and this
    one does not are left out; anything else (a user's file, tool caches) is linked over. Then
    the two directories are exchanged in one atomic rename. Until that moment ``root`` is
    untouched, so a failure or an interruption leaves it exactly as it was.
    """
    previous = _previous_manifest(root)
    changes = compare(root, files)
    changes.removed = sorted(set(changes.removed) & previous)
    if changes.clean:
        return changes
    root.parent.mkdir(parents=True, exist_ok=True)
    _clean_leftovers(root)
    staging = root.parent / f".{root.name}.staging-{os.getpid()}"
    # sets, not the lists: tested once per file, a list made this quadratic (seconds at 12,000 files)
    written = set(changes.added) | set(changes.changed)
    stats: dict[str, list[int]] = {}
    try:
        _put_files(staging, root, files, written, stats)
        if root.is_dir():
            for dirpath, _, filenames in os.walk(root):
                for name in filenames:
                    rel = Path(dirpath, name).relative_to(root).as_posix()
                    if rel not in files and rel not in previous:
                        target = staging / rel
                        target.parent.mkdir(parents=True, exist_ok=True)
                        _link_or_copy(Path(dirpath, name), target)
                        stats[rel] = _size_and_mtime(os.stat(target))
        _swap(staging, root)
        # what a walk of the new tree would find (cache._snapshot), without walking it: the
        # files under a tool's folder are left out, as the walk leaves them
        changes.snapshot = {
            path: stat for path, stat in sorted(stats.items()) if not any(ignored_dir(part) for part in path.split("/")[:-1])
        }
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return changes


# Below this many files one process writes them all: a fork costs more than it saves.
_SPLIT_WRITES = 2000


def _put_files(staging: Path, root: Path, files: dict[str, str], written: set[str], stats: dict[str, list[int]]) -> None:
    """Each file into ``staging``: written when it changed, else linked to the old one.

    Creating a file is mostly the kernel's work (on this generator's largest outputs, 12,000
    files, seconds of it on a file system that has just deleted many), and creations in one
    directory are serialised by the kernel, but not those in different directories. So a large
    output's directories are shared out between this process and a forked child, one writing
    each directory. Whatever the child could not write is written here afterwards, so that a
    failure raises here as it would have without the child. ``stats`` gets each file's size and
    mtime (the child's come back pickled on its pipe, read once this process is done)."""
    by_dir: dict[str, list[str]] = {}
    for path in files:
        by_dir.setdefault(path.rpartition("/")[0], []).append(path)
    for directory in by_dir:  # every directory first: neither process makes one the other needs
        (staging / directory).mkdir(parents=True, exist_ok=True)
    if len(files) < _SPLIT_WRITES or len(by_dir) < 2 or not hasattr(os, "fork") or threading.active_count() > 1:
        _put(staging, root, files, list(files), written, stats)
        return
    mine: list[str] = []
    theirs: list[str] = []
    for directory in sorted(by_dir, key=lambda d: (-len(by_dir[d]), d)):  # the larger first, to the lighter side
        (mine if len(mine) <= len(theirs) else theirs).extend(by_dir[directory])
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its share, then its files' stats for "all written", and leave at once
        try:
            os.close(read)
            own: dict[str, list[int]] = {}
            _put(staging, root, files, theirs, written, own)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(pickle.dumps(own))
        finally:
            os._exit(0)
    os.close(write)
    try:
        _put(staging, root, files, mine, written, stats)
    finally:
        with os.fdopen(read, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(pid, 0)
    try:
        stats.update(pickle.loads(payload))
    except (EOFError, pickle.UnpicklingError):  # the child died: its share again, here
        _put(staging, root, files, theirs, written, stats)


def _put(staging: Path, root: Path, files: dict[str, str], paths: list[str], written: set[str], stats: dict[str, list[int]]) -> None:
    # A file is created relative to its directory's descriptor, opened once per directory, with
    # os-level calls: Path.write_bytes spent 17 us a file in Python (0.2 s of GitHub's 12,756).
    directories: dict[str, int] = {}
    try:
        for path in paths:
            if path not in written:
                _link_or_copy(root / path, staging / path)
                stats[path] = _size_and_mtime(os.stat(staging / path))
                continue
            directory, _, name = path.rpartition("/")
            if not _DIR_FD:
                stats[path] = _write_new(staging / path, files[path].encode("utf-8"))
                continue
            fd = directories.get(directory)
            if fd is None:
                fd = directories[directory] = os.open(staging / directory, os.O_RDONLY | os.O_DIRECTORY)
            stats[path] = _write_new(name, files[path].encode("utf-8"), fd)
    finally:
        for fd in directories.values():
            os.close(fd)


_DIR_FD = os.open in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")


def _write_new(path: str | Path, data: bytes, directory: int | None = None) -> list[int]:
    """``path`` (under the directory open as ``directory``) created or emptied, holding ``data``;
    its size and mtime once written."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666, dir_fd=directory)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        return _size_and_mtime(os.fstat(fd))
    finally:
        os.close(fd)


def _size_and_mtime(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns]


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _clean_leftovers(root: Path) -> None:
    """Staging trees of runs that were killed before they finished."""
    for leftover in root.parent.glob(f".{root.name}.staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _swap(staging: Path, root: Path) -> None:
    """Put ``staging`` in place of ``root`` atomically; ``staging`` then holds the old tree."""
    if not root.exists():
        os.rename(staging, root)
        staging.mkdir()  # so the caller's cleanup has something to remove
        return
    if _exchange(staging, root):
        return
    # No atomic exchange here (not Linux): two renames, with a window of a few microseconds.
    old = root.parent / f".{root.name}.old-{os.getpid()}"
    os.rename(root, old)
    os.rename(staging, root)
    os.rename(old, staging)


def _exchange(a: Path, b: Path) -> bool:
    """``renameat2(RENAME_EXCHANGE)``: swap two paths in one step (Linux 3.15+)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(result == 0)
