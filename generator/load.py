"""Read a YAML or JSON spec into plain data, keeping where every node came from.

Locations are resolved lazily (only when a problem is reported), so loading a large JSON spec
costs one ``json.loads``; YAML keeps its node tree, which the parser builds anyway. Other files
that the spec's ``$ref``s name are bundled into it (``bundle.py``); each node's location stays
in the file it was read from.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, Severity, SpecError, pointer_index, split_pointer

MAX_DEPTH = 256  # deeper than any real spec; guards the recursive passes that follow
MAX_NODES = 5_000_000  # bounds YAML alias expansion ("billion laughs")
MAX_BYTES = 64 * 1024 * 1024  # the largest real descriptions are a few MB

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SpecLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """SafeLoader without the YAML 1.1 timestamp rule: ``2024-07-01`` stays a string, as in JSON."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(eq=False)
class Document:
    """A loaded spec: its data, its text and a way to find any JSON pointer in that text."""

    file: str
    text: str
    data: Any
    kind: str  # "yaml" or "json"
    _root_node: yaml.Node | None = None
    _cache: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    _positions: _Positions | None = None
    path: Path | None = None  # the file read; None for text given as is
    # Every file read to make this document (the spec, files its $refs name, example files the
    # build reads): what the no-op cache must hash.
    inputs: list[Path] = field(default_factory=list)
    # Pointer prefixes of subtrees copied in from other files → (that file, pointer there).
    origins: dict[str, tuple[Document, str]] = field(default_factory=dict)
    notes: list[Problem] = field(default_factory=list)  # warnings found while bundling
    # Where the large containers' children start (``position_index``), as another process found
    # them: called once, when the first problem needs a location (see ``pipeline._front``).
    position_source: Callable[[], dict[int, dict[str, int]]] | None = None

    def locate(self, pointer: str) -> tuple[int, int] | None:
        """1-based (line, column) of the node at ``pointer``, or of its nearest existing ancestor."""
        if pointer not in self._cache:
            if self._positions is None:  # built only when a problem needs a location
                self._positions = _Positions(self.text, self._root_node)
                if self.position_source is not None:
                    self._positions.prefill(self.position_source())
            tokens = split_pointer(pointer)
            found: tuple[int, int] | None = None
            while found is None:
                found = self._positions.locate(tokens)
                if found is None:
                    if not tokens:
                        break
                    tokens = tokens[:-1]
            self._cache[pointer] = found
        return self._cache[pointer]

    def origin(self, pointer: str) -> tuple[Document, str]:
        """The document a node was read from and its pointer there: ``self`` and ``pointer``
        unless the node was bundled in from another file."""
        cut = len(pointer)
        while self.origins and cut >= 0:
            found = self.origins.get(pointer[:cut])
            if found is not None:
                return found[0], found[1] + pointer[cut:]
            cut = pointer.rfind("/", 0, cut)
        return self, pointer

    def position_index(self) -> dict[int, dict[str, int]]:
        """For a JSON document, where the children of every large container start (what
        locating a problem inside one costs most: each child value is decoded to be skipped),
        for ``position_source``; empty for YAML, whose nodes know their places."""
        if self._root_node is not None:
            return {}
        if self._positions is None:  # kept: this process's own problems are then located with it
            self._positions = _Positions(self.text, None)
        return self._positions.large_containers()

    def forget_data(self) -> None:
        """Drop the parsed description (of this file and the files bundled into it), once the IR
        is built: what is left still locates problems (the text, the YAML nodes)."""
        self.data = None
        for source, _ in self.origins.values():
            source.data = None

    def problem(self, severity: Severity, message: str, pointer: str) -> Problem:
        """A problem about the node at ``pointer``, located in the file where it is written."""
        source, pointer = self.origin(pointer)
        where = source.locate(pointer)
        line, col = where if where else (None, None)
        return Problem(severity, message, source.file, pointer, line, col)

    def error(self, message: str, pointer: str) -> Problem:
        return self.problem(Severity.ERROR, message, pointer)

    def warning(self, message: str, pointer: str) -> Problem:
        return self.problem(Severity.WARNING, message, pointer)


def load_document(path: Path, display: str | None = None) -> Document:
    """Load ``path`` and the files its ``$ref``s name, bundled into one document; raise
    ``SpecError`` with located problems when that cannot be read as a spec."""
    from .bundle import bundle  # here, not at the top: bundle imports this module

    doc = load_file(path, display or str(path))
    bundle(doc, load_file)
    return doc


def load_file(path: Path, name: str) -> Document:
    """Load one file (no bundling), shown as ``name`` in problems."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            message = f"spec too large: {size / 2**20:.1f} MiB (the limit is {MAX_BYTES // 2**20} MiB)"
            raise SpecError([Problem(Severity.ERROR, message, name)])
        raw = path.read_bytes()
    except OSError as exc:
        raise SpecError([Problem(Severity.ERROR, f"cannot read spec: {exc.strerror}", name)]) from None
    doc = load_text(raw, name, json_hint=path.suffix.lower() == ".json")
    doc.path = path
    doc.inputs.append(path)
    return doc


def load_text(raw: bytes, name: str, *, json_hint: bool = False) -> Document:
    def fail(message: str, line: int | None = None, col: int | None = None) -> SpecError:
        return SpecError([Problem(Severity.ERROR, message, name, "", line, col)])

    if b"\x00" in raw[:8192]:
        raise fail("not a text file: the spec contains NUL bytes (binary data?)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(f"not UTF-8 text: invalid byte at offset {exc.start}", line, 1) from None
    if not text.strip():
        raise fail("empty document: expected an OpenAPI description")

    stripped = text.lstrip()
    if json_hint or stripped.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if json_hint:
                raise fail(f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
        except RecursionError:
            raise fail(f"document nested too deeply (more than {MAX_DEPTH} levels)", *_too_deep_at(text)) from None
        else:
            if _depth_exceeded(data):
                raise fail(f"document nested too deeply (more than {MAX_DEPTH} levels)", *_too_deep_at(text))
            doc = Document(name, text, data, "json")
            _require_mapping(doc)
            return doc

    loader = _SpecLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or "syntax error"
        if exc.context:
            started = exc.context_mark
            at = f" (started at line {started.line + 1}, column {started.column + 1})" if started and started is not mark else ""
            what = f"{exc.context}{at}: {what}"
        raise fail(f"invalid YAML: {what}", mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise fail(f"invalid YAML: {exc}") from None
    except RecursionError:
        raise fail(f"document nested too deeply (more than {MAX_DEPTH} levels)") from None
    finally:
        loader.dispose()
    if node is None:
        raise fail("empty document: expected an OpenAPI description")
    data = _Constructor(loader, name).build(node)
    doc = Document(name, text, data, "yaml", node)
    _require_mapping(doc)
    return doc


def _require_mapping(doc: Document) -> None:
    if not isinstance(doc.data, dict):
        kind = type(doc.data).__name__
        raise SpecError([doc.error(f"not an OpenAPI document: the top level is a {kind}, not a mapping", "#")])


_BRACKETS = re.compile(r'[\[\]{}"\\]')


def _depth_exceeded(data: Any) -> bool:
    """Whether a value sits deeper than ``MAX_DEPTH`` (the root at 0). Only containers are
    walked (a JSON description is mostly scalars: pushing each was a sixth of a second of
    GitHub's load, all of it before the second core has work): a value is too deep exactly
    when a non-empty container sits at ``MAX_DEPTH``."""
    if type(data) is not dict and type(data) is not list:
        return False
    stack: list[tuple[Any, int]] = [(data, 0)]
    pop, push = stack.pop, stack.append
    while stack:
        value, depth = pop()
        if depth >= MAX_DEPTH and value:
            return True
        deeper = depth + 1
        for child in value.values() if type(value) is dict else value:
            if type(child) is dict or type(child) is list:
                push((child, deeper))
    return False


def _too_deep_at(text: str) -> tuple[int | None, int | None]:
    """(line, column) where JSON text first nests deeper than MAX_DEPTH, or (None, None)."""
    depth, in_string, index = 0, False, 0
    while (match := _BRACKETS.search(text, index)) is not None:
        char, index = match.group(), match.end()
        if in_string:
            if char == "\\":
                index += 1  # whatever follows a backslash is part of the string
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                pos = match.start()
                return text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
        else:
            depth -= 1
    return None, None


class _Constructor:
    """Builds plain data from YAML nodes: string keys (``204:`` → ``"204"``), bounded depth and size."""

    def __init__(self, loader: Any, name: str) -> None:
        self.loader = loader
        self.name = name
        self.count = 0
        self.active: set[int] = set()

    def _fail(self, message: str, node: yaml.Node) -> SpecError:
        mark = node.start_mark
        return SpecError([Problem(Severity.ERROR, message, self.name, "", mark.line + 1, mark.column + 1)])

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self._fail(f"document too large (more than {MAX_NODES} nodes after alias expansion)", node)
        if depth > MAX_DEPTH:
            raise self._fail(f"document nested too deeply (more than {MAX_DEPTH} levels)", node)
        if isinstance(node, yaml.ScalarNode):
            return self.loader.construct_object(node, deep=True)
        if id(node) in self.active:
            raise self._fail("recursive YAML alias: a node contains itself", node)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, depth + 1) for item in node.value]
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self._fail("mapping keys must be scalars", key_node)
                out[str(key_node.value)] = self.build(value_node, depth + 1)
            return out
        finally:
            self.active.discard(id(node))


class _Positions:
    """Where the nodes of a document start, built as problems ask for them and kept: each
    mapping or sequence is indexed once, on the first lookup inside it, so locating any number
    of problems reads each part of the text at most once (not once per problem)."""

    def __init__(self, text: str, root: yaml.Node | None) -> None:
        self.text = text
        self.root = root
        self._children: dict[int, dict[str, Any]] = {}  # container start (or node id) → children
        self._ends: dict[int, int] = {}  # JSON container start → where its closing bracket is
        self._lines: list[int] | None = None

    def prefill(self, children: dict[int, dict[str, int]]) -> None:
        """Take the children of containers another ``_Positions`` of the same text indexed."""
        for pos, found in children.items():
            self._children.setdefault(pos, found)

    def large_containers(self) -> dict[int, dict[str, Any]]:
        """The children of the JSON root and, within it, of every container of more than
        ``_LARGE`` characters, transitively: the few that hold most of the text."""
        try:
            todo = [_WS.match(self.text, 0).end()]  # type: ignore[union-attr]
            while todo:
                pos = todo.pop()
                children = self._json_children(pos)
                starts = sorted(children.values())
                for start, end in zip(starts, [*starts[1:], self._ends[pos]]):
                    if end - start > _LARGE and self.text[start] in "{[":
                        todo.append(start)
        except (IndexError, ValueError, KeyError):  # not JSON as the loader read it: locate as before
            return {}
        return self._children

    def locate(self, tokens: list[str]) -> tuple[int, int] | None:
        if self.root is not None:
            return self._locate_yaml(tokens)
        try:
            pos = _WS.match(self.text, 0).end()  # type: ignore[union-attr]
            for token in tokens:
                found = self._json_children(pos).get(token)
                if found is None:
                    return None
                pos = found
        except (IndexError, ValueError):
            return None
        return self._line_col(pos)

    def _json_children(self, pos: int) -> dict[str, Any]:
        """Key (or index) → start of the value, for the object or array at ``pos``."""
        known = self._children.get(pos)
        if known is not None:
            return known
        text = self.text
        children: dict[str, Any] = {}
        if text[pos] == "{":
            at = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
            while text[at] != "}":
                key, at = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
                at = _WS.match(text, at).end() + 1  # type: ignore[union-attr]  # past ':'
                at = _WS.match(text, at).end()  # type: ignore[union-attr]
                children.setdefault(key, at)
                at = _skip_value(text, at)
        elif text[pos] == "[":
            at = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
            index = 0
            while text[at] != "]":
                children[str(index)] = at
                at = _skip_value(text, at)
                index += 1
        self._ends[pos] = at
        self._children[pos] = children
        return children

    def _line_col(self, pos: int) -> tuple[int, int]:
        if self._lines is None:  # where each line starts, once
            self._lines = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._lines, pos)
        return line, pos - self._lines[line - 1] + 1

    def _locate_yaml(self, tokens: list[str]) -> tuple[int, int] | None:
        node: Any = self.root
        for token in tokens:
            if isinstance(node, yaml.MappingNode):
                children = self._children.get(id(node))
                if children is None:
                    children = {}
                    for key_node, value_node in node.value:
                        if isinstance(key_node, yaml.ScalarNode):
                            children.setdefault(str(key_node.value), value_node)
                    self._children[id(node)] = children
                node = children.get(token)
                if node is None:
                    return None
            elif isinstance(node, yaml.SequenceNode) and (index := pointer_index(token, len(node.value))) is not None:
                node = node.value[index]
            else:
                return None
        if node is None:
            return None
        return node.start_mark.line + 1, node.start_mark.column + 1


_WS = re.compile(r"[ \t\n\r]*")
_LARGE = 16_384  # characters: a container this large is indexed by ``large_containers``
_DECODER = json.JSONDecoder()


def _skip_value(text: str, pos: int) -> int:
    """Skip one value and the comma after it; return the position of the next token."""
    _, end = _DECODER.raw_decode(text, pos)
    end = _WS.match(text, end).end()  # type: ignore[union-attr]
    if text[end] == ",":
        end = _WS.match(text, end + 1).end()  # type: ignore[union-attr]
    return end
