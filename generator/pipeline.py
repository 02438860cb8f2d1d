"""The whole generation as one function: spec file → formatted files, or located problems."""

from __future__ import annotations

import json
import os
import pickle
import signal
import tempfile
import threading
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ParamSpec, TypeVar

from .load import Document, load_document
from .options import Options
from .paths import TEMPLATES
from .problems import Problem, Severity, SpecError
from .validate import (
    run_spec_validator,
    semantic_checks,
    spec_version,
    without_requests,
)
from .write import CompileError, FormatError, compile_errors, format_file, with_manifest

# What only this process needs (the IR, the passes, the templates: jinja2) is imported where it
# is used, after the validator's child is forked: that child starts sooner, a twentieth of a
# second on a large description, and never imports what it does not use.
if TYPE_CHECKING:
    from .ir import Api
    from .render import Output, Release


@dataclass
class Result:
    files: dict[str, str] | None  # None when generation is impossible
    problems: list[Problem] = field(default_factory=list)
    api: Api | None = None
    doc: Document | None = None

    def failed(self, strict: bool = False) -> bool:
        return self.files is None or any(p.is_error or strict for p in self.problems)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _quiet_patterns(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Python's ``re`` warns (FutureWarning: "Possible nested set") about a description's
    pattern as this generator, the validator and the fake compile it; the pattern is the
    description's, read as Python reads it today, so the warning is not printed mid-run
    (amazonaws.com/lookoutmetrics). The validator's child, forked inside, inherits the filter."""

    @wraps(function)
    def quiet(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Possible (nested set|set )", category=FutureWarning)
            return function(*args, **kwargs)

    return quiet


@_quiet_patterns
def build_ir(spec: Path, options: Options, display: str | None = None) -> Result:
    """Load, check and build the IR (no validator, no rendering): what ``diff`` needs."""
    doc, api, problems, _ = _front(spec, options, display, with_validator=False)
    return Result(None, problems, api, doc)


@_quiet_patterns
def generate_files(
    spec: Path, options: Options, display: str | None = None, previous: Path | None = None, *, keep_data: bool = True
) -> Result:
    """Validate, build the IR, render and format. Never writes; never raises for bad input.

    ``previous`` is the existing output directory, if any: its ``api.json`` and ``CHANGELOG.md``
    decide the package version and the changelog (see ``surface.release``). Without
    ``keep_data`` the result's document has no ``data`` (``Document.forget_data``): the command
    line needs only its locations, and the parsed description is a quarter of a large run's peak.

    openapi-spec-validator (warnings only; about half the time of a run) works in a forked
    process while this one builds and renders; its findings join the others at the end.
    """
    doc, api, problems, validator = _front(spec, options, display, with_validator=True)
    from .render import environment, outputs

    if doc is not None and not keep_data:
        doc.forget_data()  # the validator's child has its own copy; rendering reads the IR only
    files: dict[str, str] | None = None
    if doc is not None and api is not None and not any(p.is_error for p in problems):
        env = environment([options.templates, TEMPLATES] if options.templates else None)
        try:
            planned = outputs(api, _release(api, previous))
        except SpecError as exc:  # the previous output's api.json, unusable
            problems += exc.problems
        else:
            files, found = _render(doc, planned, env)
            problems += found
    if validator is not None:
        problems = validator.result() + problems
    return Result(files, problems, api, doc)


def _render(doc: Document, planned: list[Output], env: Any) -> tuple[dict[str, str] | None, list[Problem]]:
    """The planned files, rendered, formatted and compiled; or, if any fails, the problems."""
    made = _make_on_both_cores(planned, env)
    if made.render_error is not None:
        return None, [Problem(Severity.ERROR, made.render_error[1], doc.file)]
    if made.format_error is not None:
        _, path, detail = made.format_error
        return None, _bad_code(doc, planned, {path: f"black could not format it: {detail}"})
    if made.broken:
        return None, _bad_code(doc, planned, {e.path: f"it does not compile: {e.describe()}" for e in made.broken})
    return with_manifest(made.texts), []


def _front(
    spec: Path, options: Options, display: str | None, *, with_validator: bool
) -> tuple[Document | None, Api | None, list[Problem], _Background | None]:
    """Load, our checks, (the validator started in the background,) the IR."""
    try:
        doc = load_document(spec, display)
    except SpecError as exc:
        return None, None, exc.problems, None
    version, problems = spec_version(doc)
    problems = doc.notes + problems  # bundling's warnings: about reading the files
    if not version or any(p.is_error for p in problems):
        return doc, None, problems, None
    # The validator (seconds on a large description) is forked before our own checks, so that
    # it overlaps them too; it is stopped, unheard, if they find the description unusable. It
    # first indexes where the large containers' children are in the text, for this process to
    # locate its warnings with (a tenth of GitHub's IR building was spent decoding the values
    # it skipped to find them); the IR is built meanwhile, on the other core.
    validator = None
    if with_validator:
        parent = os.getpid()

        def validation() -> list[Problem]:
            if os.getpid() != parent:  # the child, which leaves when it is done
                without_requests()
            return run_spec_validator(doc, version)

        validator = _Background(validation, early=doc.position_index)
        doc.position_source = validator.early_result
    problems += semantic_checks(doc)
    if any(p.is_error for p in problems):
        if validator is not None:
            validator.cancel()
        return doc, None, problems, None
    from .passes import build_api

    try:
        api, build_problems = build_api(doc, version, options, spec.parent)
    except SpecError as exc:
        return doc, None, problems + exc.problems, validator
    except RecursionError:
        return doc, None, problems + [doc.error("the description is nested too deeply to generate", "#")], validator
    return doc, api, problems + build_problems, validator


def _bad_code(doc: Document, planned: list[Output], failures: dict[str, str]) -> list[Problem]:
    """Rendered Python that black or Python refuses is a generator bug (or a bad user template),
    never the spec's fault; still located at the spec node it came from, so it can be reproduced.
    One problem per template: a broken model template would otherwise repeat for every model."""
    by_path = {o.path: o for o in planned}
    order = {o.path: i for i, o in enumerate(planned)}
    per_template: dict[str, list[str]] = {}
    for path in sorted(failures, key=lambda p: order.get(p, len(order))):  # spec order, not file order
        per_template.setdefault(by_path[path].template if path in by_path else "", []).append(path)
    problems = []
    for template, paths in per_template.items():
        first = paths[0]
        what, pointer = by_path[first].origin() if first in by_path else ("the description", "")
        more = f" (and {len(paths) - 1} more files from the same template)" if len(paths) > 1 else ""
        message = (
            f"internal error (a generator bug): {first}, rendered by template {template or '?'} for {what}, "
            f"is not valid Python: {failures[first]}{more}"
        )
        problems.append(doc.error(message, pointer) if pointer else Problem(Severity.ERROR, message, doc.file))
    return problems


def _release(api: Api, previous: Path | None) -> Release:
    from .render import Release
    from .surface import release, surface

    old: dict[str, Any] | None = None
    changelog = ""
    if previous is not None:
        try:
            old = json.loads((previous / "api.json").read_text("utf-8"))
            changelog = (previous / "CHANGELOG.md").read_text("utf-8")
        except (OSError, ValueError):
            old, changelog = None, ""
    current = surface(api, "")
    try:
        version, changelog = release(old if isinstance(old, dict) else None, changelog, current)
    except (KeyError, IndexError, TypeError, AttributeError, ValueError) as exc:
        # valid JSON of another shape (edited by hand, a merge conflict resolved badly): the
        # package version cannot be decided from it, and guessing would reset the history
        assert previous is not None
        where = str(previous / "api.json")
        message = (
            f"the previous output's api.json is not the surface file this generator writes "
            f"({type(exc).__name__}: {exc}); restore it from version control, or delete it to start the "
            "package's version history again"
        )
        raise SpecError([Problem(Severity.ERROR, message, where)]) from None
    current["package_version"] = version
    return Release(version, changelog, current)


@dataclass
class _Made:
    """Some of the planned files rendered, formatted and compiled, as one process found them
    (plain data: it may come back from a forked child). A failure is kept with its place in the
    plan, the earliest of each stage, so that the parts together report what one pass over the
    plan would have: a render error before any format error, a format error before compile
    errors, whichever process met it and in whatever order the files were claimed."""

    texts: dict[str, str] = field(default_factory=dict)
    render_error: tuple[int, str] | None = None  # (index in the plan, message)
    format_error: tuple[int, str, str] | None = None  # (index in the plan, path, black's message)
    broken: list[CompileError] = field(default_factory=list)  # the compile guard's findings, by path


def _make(part: Iterable[tuple[int, Output]], env: Any) -> _Made:
    """Each file rendered, formatted and compiled before the next is claimed: the three costs
    differ by file (docs compile nothing), so claiming whole files is what shares them evenly.
    After a failure the rest is still rendered (or formatted), to find the plan's earliest."""
    from .render import RenderError, render_output

    made = _Made()
    compiled: set[str] = set()  # the shapes of the files that compiled (``compile_errors``)
    for index, output in part:  # ``part`` may be claimed as it is read: read once
        try:
            text = render_output(output, env)
        except RenderError as exc:
            if made.render_error is None or index < made.render_error[0]:
                made.render_error = (index, str(exc))
            continue
        if made.render_error is not None:
            continue
        try:
            text = format_file(output.path, text)
        except FormatError as exc:
            if made.format_error is None or index < made.format_error[0]:
                made.format_error = (index, exc.path, exc.detail)
            continue
        if made.format_error is None:
            made.texts[output.path] = text
            made.broken += compile_errors({output.path: text}, compiled)
    return made


_CHUNK = 32  # outputs claimed at a time by one of the two processes
# A template that renders at most this many files renders a file per operation group (or one for
# the whole API): few and large files, each claimed alone, before the many small ones.
_FEW = 128
_MAX_CHUNKS = 16_384  # 4 bytes each in a pipe of 64 KB, written whole before the fork


class _Claims:
    """The plan in chunks, each claimed by whichever of the two processes asks first, so both
    finish together whatever the files cost (GitHub's testing.py alone is a tenth of its
    rendering). The chunks' numbers wait in a pipe, written whole before the fork: a read of
    4 bytes takes one, atomically, in either process."""

    def __init__(self, chunks: list[list[tuple[int, Output]]]) -> None:
        self._chunks = chunks
        self._read, write = os.pipe()
        with os.fdopen(write, "wb") as pipe:  # at most 64 KB, the pipe's capacity: _MAX_CHUNKS
            pipe.write(b"".join(n.to_bytes(4, "little") for n in range(len(self._chunks))))
        self.taken: list[tuple[int, Output]] = []  # what this process claimed

    @staticmethod
    def chunks(indexed: list[tuple[int, Output]]) -> list[list[tuple[int, Output]]]:
        # The files of the whole API (one per template: testing.py, models/__init__.py...) are
        # the largest, then those of an operation group (its sync and async modules, its tests);
        # each is a chunk of its own, claimed first, the whole API's before the groups', so that
        # neither process is left with one of them at the end while the other waits (1.6 s of
        # GitHub's run; 32 group modules in one chunk were a second of one core). The many
        # small files (a model, a page) follow, 32 at a time: the last claim is a small one.
        uses = Counter(output.template for _, output in indexed)
        whole = [[item] for item in indexed if uses[item[1].template] == 1]
        # a group's sync and async modules together: the texts they share (every docstring)
        # are then made once (``render._docstring`` keeps them), not once in each process
        few: list[list[tuple[int, Output]]] = []
        pairs: dict[tuple[str, int], list[tuple[int, Output]]] = {}
        for item in indexed:
            if 1 < uses[item[1].template] <= _FEW:
                group = item[1].context.get("group")
                if group is None:
                    few.append([item])
                    continue
                key = (item[1].template, id(group))
                if key not in pairs:
                    few.append(pairs.setdefault(key, []))
                pairs[key].append(item)
        rest = [item for item in indexed if uses[item[1].template] > _FEW]
        return whole + few + [rest[i : i + _CHUNK] for i in range(0, len(rest), _CHUNK)]

    def __iter__(self) -> Iterator[tuple[int, Output]]:
        while len(number := os.read(self._read, 4)) == 4:
            chunk = self._chunks[int.from_bytes(number, "little")]
            self.taken += chunk
            yield from chunk

    def close(self) -> None:
        os.close(self._read)


def _make_on_both_cores(planned: list[Output], env: Any) -> _Made:
    """Render, format and compile every planned file, shared with a forked child chunk by
    chunk (``_Claims``): that is most of a large description's run, and each file is a pure
    function of the IR. (The validator's child, started before the IR was built, has usually
    finished by then.)"""
    indexed = list(enumerate(planned))
    if len(planned) < 400 or len({o.path for o in planned}) != len(planned):
        return _merge(planned, [_make(indexed, env)])  # a fork costs more than it saves
    chunks = _Claims.chunks(indexed)
    if len(chunks) > _MAX_CHUNKS:  # more than the pipe holds (half a million files)
        return _merge(planned, [_make(indexed, env)])
    claims = _Claims(chunks)
    try:
        other = _Background(lambda: [_make(claims, env)])
        try:
            here = _make(claims, env)
        finally:  # the child is reaped even when this share raises (a generator bug)
            there = other.result()
    finally:
        claims.close()
    if not there:  # the child died: everything this process did not claim, again here
        mine = {index for index, _ in claims.taken}
        there = [_make([item for item in indexed if item[0] not in mine], env)]
    return _merge(planned, [here, *there])


def _merge(planned: list[Output], parts: list[_Made]) -> _Made:
    made = _Made()
    render_errors = [p.render_error for p in parts if p.render_error is not None]
    format_errors = [p.format_error for p in parts if p.format_error is not None]
    if render_errors:
        made.render_error = min(render_errors)
    elif format_errors:
        made.format_error = min(format_errors)
    else:
        texts: dict[str, str] = {}
        for part in reversed(parts):  # a path made by two parts (a dead child's, redone): the first's
            texts.update(part.texts)
        made.texts = {output.path: texts[output.path] for output in planned}  # in the plan's order
        made.broken = sorted((e for p in parts for e in p.broken), key=lambda error: error.path)
    return made


class _Background:
    """Runs ``work`` in a forked child when that is safe (fork available, no other threads),
    else right here; ``result()`` returns its problems either way. ``early``, if given, runs in
    the child first, its value handed over at once (``early_result``): pickled into a file, then
    a byte on a pipe of its own says it is there (a pipe holds 64 KB: a larger value written
    into one would hold the child up until this process read it); without a child it is not
    run (``early_result`` is then empty)."""

    def __init__(self, work: Callable[[], list[Any]], early: Callable[[], dict[Any, Any]] | None = None) -> None:
        self._value: list[Any] | None = None
        self._early: dict[Any, Any] | None = None if early is not None else {}
        self._early_file: IO[bytes] | None = None
        self._pid = 0
        if not hasattr(os, "fork") or threading.active_count() > 1:
            self._value, self._early = work(), {}
            return
        read, write = os.pipe()
        early_read, early_write = os.pipe() if early is not None else (-1, -1)
        self._early_file = tempfile.TemporaryFile() if early is not None else None  # noqa: SIM115  # closed by early_result
        pid = os.fork()
        if pid == 0:  # the child: do the work, hand back the pickled problems, leave at once
            try:
                os.close(read)
                if early is not None and self._early_file is not None:
                    os.close(early_read)
                    try:
                        self._early_file.write(pickle.dumps(early()))
                        self._early_file.flush()
                        os.write(early_write, b"1")
                    except Exception:  # noqa: BLE001, S110  # it is only a head start: the parent does without
                        pass
                    finally:
                        os.close(early_write)  # the parent reads b"1", or nothing: never waits for the work
                payload = pickle.dumps(work())
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(payload)
            finally:
                os._exit(0)
        os.close(write)
        if early is not None:
            os.close(early_write)
        self._pid, self._read, self._early_read = pid, read, early_read

    def early_result(self) -> dict[Any, Any]:
        """The value of ``early``, waited for; empty when the child died before handing it over."""
        if self._early is None and self._early_file is not None:
            ready = os.read(self._early_read, 1) == b"1"  # b"" when the child died first
            os.close(self._early_read)
            try:
                self._early_file.seek(0)
                self._early = pickle.load(self._early_file) if ready else {}
            except (EOFError, pickle.UnpicklingError):
                self._early = {}
            finally:
                self._early_file.close()
        return self._early if self._early is not None else {}

    def cancel(self) -> None:
        """Stop the child, if there is one, and forget its value."""
        if self._value is None:
            os.kill(self._pid, signal.SIGKILL)
            os.close(self._read)
            if self._early is None and self._early_file is not None:
                os.close(self._early_read)
                self._early_file.close()
                self._early = {}
            os.waitpid(self._pid, 0)
            self._value = []

    def result(self) -> list[Any]:
        """The child's value; [] when it died before handing one over."""
        if self._early is None:  # never asked for: read (and dropped) so the pipe is closed
            self.early_result()
        if self._value is None:
            with os.fdopen(self._read, "rb") as pipe:
                try:  # unpickled as it arrives: no second copy of a large payload
                    self._value = pickle.load(pipe)
                except (EOFError, pickle.UnpicklingError):
                    self._value = []
            os.waitpid(self._pid, 0)
        return self._value
