"""Other files' ``$ref``s bundled into the root document, so every later stage sees one document.

Azure's descriptions, like most multi-file ones, refer to shared files:
``$ref: ../common-types/types.json#/definitions/ErrorResponse``. Each file is read once; each
target is copied into the root where a target of its kind belongs (a schema under
``#/definitions`` or ``#/components/schemas``, a parameter or response in its section), under
its own name when that is free, so the model keeps the common file's name; the ``$ref`` is then
rewritten to point there. A path item (``paths: {/pets: {$ref: paths/pets.yaml}}``) is copied in
place. ``Document.origins`` maps each copied subtree to the file and pointer it came from, so a
problem found later, by validation or the IR build, is reported where the node is written.

Only local files are read: an ``http(s)`` reference is an error, never a download. A document
with no external reference (the common case: one large JSON file) costs one regex scan.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from .problems import Problem, Severity, SpecError, join_pointer, split_pointer
from .validate import FOLLOWED_EXTENSIONS, resolve_ref

if TYPE_CHECKING:
    from .load import Document

# far more than any real description has; bounds a chain of generated files
MAX_FILES = 1000
VENDOR_KEY = "x-bundled"  # where targets go that have no section in the root's version

# A $ref whose value does not start with '#'. Possessive quantifiers: no backtracking can turn
# `"$ref": "#/x"` into a match. A miss (a key written with \u escapes) leaves the ref to
# validate.check_refs, which warns about it.
_JSON_EXTERNAL = re.compile(r'"\$ref"\s*+:\s*+"(?!#)')
_YAML_EXTERNAL = re.compile(r"\$ref['\"]?\s*+:\s*+(?!['\"]?#)")
# Azure's x-ms-examples: flat objects of {"$ref": "./examples/X.json"}, pointing at example files
# (read by the build, not bundled). A block the pattern does not match only costs a walk.
_JSON_EXAMPLES = re.compile(
    r'"x-ms-examples"\s*+:\s*+\{(?:[^{}]*+\{[^{}]*+\})*+[^{}]*+\}'
)

# The component sections of OpenAPI 3; a kind of target is named after its section.
_COMPONENTS = frozenset(
    {
        "schemas",
        "responses",
        "parameters",
        "examples",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "callbacks",
        "pathItems",
    }
)
_SWAGGER_SECTIONS = {
    "definitions": "schemas",
    "parameters": "parameters",
    "responses": "responses",
}
_HTTP_METHODS = frozenset(
    {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
)


def has_external_refs(doc: Document) -> bool:
    """Whether ``doc`` may hold a ``$ref`` to another file (x-ms-examples aside); cheap."""
    if doc.kind != "json":
        return _YAML_EXTERNAL.search(doc.text) is not None
    total = len(_JSON_EXTERNAL.findall(doc.text))
    if not total:
        return False
    examples = sum(
        len(_JSON_EXTERNAL.findall(m.group()))
        for m in _JSON_EXAMPLES.finditer(doc.text)
    )
    return total > examples


def bundle(root: Document, load: Callable[[Path, str], Document]) -> None:
    """Copy every target of an external ``$ref`` of ``root`` into it (see the module docstring).

    ``load(path, display)`` reads one file (``load.load_file``; passed in because that module
    calls this one). Raises ``SpecError`` with every problem found, each located at the
    ``$ref`` in the file where it is written; renames are left in ``root.notes`` as warnings.
    """
    data = root.data
    if root.path is None or not isinstance(data, dict) or not has_external_refs(root):
        return
    if "swagger" in data:
        version = "2.0"
    elif "openapi" in data:
        version = "3.1" if str(data["openapi"]).startswith("3.1") else "3.0"
    else:
        return  # not OpenAPI: validation says so; nothing to bundle into
    bundler = _Bundler(root, version, load)
    bundler.run()
    if bundler.errors:
        raise SpecError(bundler.errors)


# One node to walk: the node, its pointer in the root, the file it was read from and its pointer
# there (the same as the first for the root's own nodes).
_Item = tuple[Any, str, "Document", str]


class _Bundler:
    def __init__(
        self, root: Document, version: str, load: Callable[[Path, str], Document]
    ) -> None:
        assert root.path is not None
        self.root = root
        self.version = version
        self.load = load
        self.root_key = root.path.resolve()
        # every file read, by its real path; None for one that failed (and was reported)
        self.files: dict[Path, Document | None] = {self.root_key: root}
        self.keys: dict[int, Path] = {id(root): self.root_key}
        # (file, anchor) → where its copy is in the root
        self.placed: dict[tuple[Path, str], str] = {}
        # copies placed into the root: walked as their own file's nodes, never as the root's
        self.owned: set[int] = set()
        # YAML aliases share nodes: each is walked (and its $ref rewritten) once
        self.visited: set[int] = set()
        self.stack: list[_Item] = [(root.data, "#", root, "#")]
        self.errors: list[Problem] = []

    def run(self) -> None:
        self._claim_slots()
        while self.stack:
            node, pointer, doc, at = self.stack.pop()
            if id(node) in self.visited:
                continue
            self.visited.add(id(node))
            if isinstance(node, dict):
                doc, at = self._rewrite(node, pointer, doc, at)
            self._expand(node, pointer, doc, at)

    def _claim_slots(self) -> None:
        """The root's named definitions that are only an external ``$ref``
        (``components: {schemas: {Pet: {$ref: schemas/pet.yaml}}}``) take their target's copy
        in place, first: the root names them, and other refs to the same target point there.
        """
        data = self.root.data
        sections = [("#", data, k) for k in _SWAGGER_SECTIONS]
        components = data.get("components")
        if isinstance(components, dict):
            sections += [("#/components", components, k) for k in sorted(_COMPONENTS)]
        for base, parent, name in sections:
            entries = parent.get(name)
            if not isinstance(entries, dict):
                continue
            for key, node in entries.items():
                ref = node.get("$ref") if isinstance(node, dict) else None
                if (
                    isinstance(ref, str)
                    and not ref.startswith("#")
                    and id(node) not in self.visited
                ):
                    pointer = join_pointer(base, name, key)
                    self.visited.add(id(node))
                    doc, at = self._rewrite(
                        node, pointer, self.root, pointer, slot=True
                    )
                    self._expand(node, pointer, doc, at)

    def _expand(self, node: Any, pointer: str, doc: Document, at: str) -> None:
        """Walk ``node``'s children next, in document order."""
        if isinstance(node, dict):
            children: list[tuple[str, Any]] = [
                (k, v) for k, v in node.items() if isinstance(v, (dict, list))
            ]
        else:
            children = [
                (str(i), v) for i, v in enumerate(node) if isinstance(v, (dict, list))
            ]
        # pushed last to first: the first child is walked first
        for key, child in reversed(children):
            if (
                key.startswith("x-")
                and key not in FOLLOWED_EXTENSIONS
                and isinstance(node, dict)
            ):
                if key == "x-ms-examples" and doc is not self.root:
                    self._move_examples(child, doc)
                # other extensions' refs are not part of the API (see validate.iter_refs)
                continue
            if id(child) not in self.owned:
                self.stack.append(
                    (child, join_pointer(pointer, key), doc, join_pointer(at, key))
                )

    # -- one $ref ---------------------------------------------------------------------------

    def _rewrite(
        self,
        node: dict[str, Any],
        pointer: str,
        doc: Document,
        at: str,
        *,
        slot: bool = False,
    ) -> tuple[Document, str]:
        """Point ``node``'s ``$ref`` into the root, or copy its target in place (a path item, or
        a definition of the root that is only a ``$ref``: ``slot``); the file and pointer that
        ``node``'s children come from afterwards."""
        tokens = split_pointer(pointer)
        in_place = slot or (len(tokens) == 2 and tokens[0] == "paths")
        copied: set[tuple[Path, str]] = set()
        while isinstance(node.get("$ref"), str):
            ref: str = node["$ref"]
            if doc is self.root and ref.startswith("#"):
                break  # the root's own refs are validate.check_refs's business
            target = self._target(ref, doc, at)
            if target is None:
                break
            target_doc, target_pointer, value = target
            if target_doc is self.root:
                node["$ref"] = target_pointer
                break
            key = (self.keys[id(target_doc)], target_pointer)
            if (
                not in_place
                or not isinstance(value, dict)
                or (slot and key in self.placed)
            ):
                node["$ref"] = self._place(target_doc, target_pointer, tokens)
                break
            if key in copied:
                self.errors.append(
                    doc.error(f"circular $ref never reaches a definition: {ref!r}", at)
                )
                break
            copied.add(key)
            node.clear()
            node.update(copy.deepcopy(value))
            self.root.origins[pointer] = (target_doc, target_pointer)
            target_tokens = split_pointer(target_pointer)
            if slot and _anchor(target_tokens, tokens)[1] == target_tokens:
                # the whole definition: other refs to it point here
                self.placed[key] = pointer
            doc, at = target_doc, target_pointer
        return doc, at

    def _target(
        self, ref: str, doc: Document, at: str
    ) -> tuple[Document, str, Any] | None:
        """The file, pointer and node ``ref`` (written in ``doc`` at ``at``) points to; None,
        with an error, when there is no such thing."""
        fragment, target_doc = ref, doc
        if not ref.startswith("#"):
            other, fragment = self._file(ref, doc, at)
            if other is None:
                return None
            target_doc = other
        if fragment != "#" and not fragment.startswith("#/"):
            self.errors.append(
                doc.error(
                    f"unsupported $ref {ref!r}: its fragment is not a JSON pointer ('#/...')",
                    at,
                )
            )
            return None
        found, value, pointer = resolve_ref(target_doc.data, fragment)
        if not found:
            where = "this document" if target_doc is doc else target_doc.file
            decoded = f" (decoded: {pointer})" if pointer != fragment else ""
            self.errors.append(
                doc.error(
                    f"unresolvable $ref {ref!r}{decoded}: no such node in {where}", at
                )
            )
            return None
        return target_doc, pointer, value

    def _file(self, ref: str, doc: Document, at: str) -> tuple[Document | None, str]:
        """The document the file part of ``ref`` names, read once, and the fragment."""
        try:
            parts = urlsplit(ref)
        except ValueError:
            self.errors.append(doc.error(f"malformed $ref {ref!r}", at))
            return None, ""
        scheme = parts.scheme.lower()
        fragment = "#" + parts.fragment
        if scheme in ("http", "https"):
            message = (
                f"remote $ref {ref!r} is not fetched: generation never uses the network; "
                "save the file and refer to it by a relative path"
            )
            self.errors.append(doc.error(message, at))
            return None, ""
        if scheme == "file" and parts.netloc in ("", "localhost"):
            written = url2pathname(parts.path)
        elif scheme and len(scheme) > 1:  # one letter: a Windows drive, a path
            self.errors.append(
                doc.error(f"unsupported $ref {ref!r}: only local files are read", at)
            )
            return None, ""
        else:
            written = ref.partition("#")[0]
            # a URI reference is percent-encoded; a file name rarely holds '%'
            if "%" in written:
                decoded = unquote(written)
                base = doc.path.parent if doc.path else Path(".")
                if not (base / written).exists() and (base / decoded).exists():
                    written = decoded
        if not written:  # `?x`, or nothing at all: no file is named
            self.errors.append(
                doc.error(f"unresolvable $ref {ref!r}: it names no file", at)
            )
            return None, ""
        return self._read(written, ref, doc, at), fragment

    def _read(self, written: str, ref: str, doc: Document, at: str) -> Document | None:
        assert doc.path is not None  # every document here was read from a file
        # Lexically joined, as a URL is resolved: `..` is relative to where the file is named.
        path = Path(os.path.normpath(doc.path.parent / written))
        display = os.path.normpath(os.path.join(os.path.dirname(doc.file), written))
        try:
            key = path.resolve(strict=True)
        except (OSError, RuntimeError):  # missing, or a symlink loop
            self.errors.append(
                doc.error(f"unresolvable $ref {ref!r}: no such file {display}", at)
            )
            return None
        if key in self.files:
            return self.files[key]
        self.files[key] = None  # whatever follows, one report per file
        if not key.is_file():
            self.errors.append(
                doc.error(
                    f"unresolvable $ref {ref!r}: {display} is not a regular file", at
                )
            )
            return None
        if len(self.files) > MAX_FILES:
            self.errors.append(
                doc.error(
                    f"unresolvable $ref {ref!r}: more than {MAX_FILES} files referenced",
                    at,
                )
            )
            return None
        self.root.inputs.append(path)
        try:
            loaded = self.load(path, display)
        except SpecError as exc:
            self.errors.extend(exc.problems)
            self.errors.append(
                doc.error(
                    f"unresolvable $ref {ref!r}: {display} cannot be read (see above)",
                    at,
                )
            )
            return None
        self.files[key] = loaded
        self.keys[id(loaded)] = key
        return loaded

    # -- placing a target in the root -------------------------------------------------------

    def _place(self, doc: Document, pointer: str, referrer: list[str]) -> str:
        """Copy the definition holding ``doc``'s node at ``pointer`` into the root, once; the
        pointer there. A pointer into a named definition (``#/definitions/X/properties/y``)
        copies the whole definition, so names and the definition's own refs stay as they were.
        """
        tokens = split_pointer(pointer)
        kind, anchor_tokens = _anchor(tokens, referrer)
        anchor = join_pointer("#", *anchor_tokens)
        key = (self.keys[id(doc)], anchor)
        if key not in self.placed:
            name = anchor_tokens[-1] if anchor_tokens else Path(doc.file).stem
            base, entries = self._section(kind)
            value = _resolve(doc.data, anchor_tokens)
            final, number = name, 2
            # taken by the root's own, or by another file's; unless it is the same definition
            # written out again (and so with no $ref, which would mean different things there)
            while final in entries and (entries[final] != value or _has_ref(value)):
                final, number = f"{name}_{number}", number + 1
            where = join_pointer(base, final)
            self.placed[key] = where
            if final in entries:  # one model, not two
                return join_pointer(where, *tokens[len(anchor_tokens) :])
            value = entries[final] = copy.deepcopy(value)
            self.root.origins[where] = (doc, anchor)
            if final != name:
                self.root.notes.append(
                    self.root.warning(
                        f"{name!r} is bundled as {where}: its name is taken in {self.root.file}",
                        where,
                    )
                )
            if isinstance(value, (dict, list)):
                self.owned.add(id(value))
                self.stack.append((value, where, doc, anchor))
        return join_pointer(self.placed[key], *tokens[len(anchor_tokens) :])

    def _section(self, kind: str) -> tuple[str, dict[str, Any]]:
        """The root's section for targets of ``kind`` (created when missing) and its pointer."""
        if self.version == "2.0":
            swagger = {v: k for k, v in _SWAGGER_SECTIONS.items()}
            tokens = [swagger[kind]] if kind in swagger else [VENDOR_KEY, kind]
        elif kind == "pathItems" and self.version == "3.0":
            tokens = [VENDOR_KEY, kind]
        else:
            tokens = ["components", kind]
        for attempt in (tokens, [VENDOR_KEY, kind]):
            node: Any = self.root.data
            for token in attempt:
                node = node.setdefault(token, {}) if isinstance(node, dict) else None
            if isinstance(node, dict):
                return join_pointer("#", *attempt), node
        # A section that is not a mapping, and an x-bundled extension of the user's that is not
        # one either: validation reports the section; the copy goes under a key of its own.
        fallback: dict[str, Any] = {}
        self.root.data[f"{VENDOR_KEY}-{kind}"] = fallback
        return join_pointer("#", f"{VENDOR_KEY}-{kind}"), fallback

    def _move_examples(self, examples: Any, doc: Document) -> None:
        """x-ms-examples files are named relative to the file they are written in; the build
        reads them relative to the root's folder."""
        if not isinstance(examples, dict) or doc.path is None or self.root.path is None:
            return
        for example in examples.values():
            ref = example.get("$ref") if isinstance(example, dict) else None
            if (
                isinstance(ref, str)
                and ref
                and not ref.startswith("#")
                and "://" not in ref
            ):
                moved = os.path.relpath(
                    os.path.normpath(doc.path.parent / ref), self.root.path.parent
                )
                example["$ref"] = Path(moved).as_posix()


def _resolve(data: Any, tokens: list[str]) -> Any:
    """The node at ``tokens``, a prefix of a pointer that resolve_ref has already found."""
    for token in tokens:
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data


def _has_ref(node: Any) -> bool:
    stack = [node]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if "$ref" in value:
                return True
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def _anchor(tokens: list[str], referrer: list[str]) -> tuple[str, list[str]]:
    """The kind of a target and the definition to copy for it: the named entry of a section
    that ``tokens`` lead into (``definitions/X/...``, ``components/schemas/X/...``), else the
    target itself, its kind told by the place of the ``$ref``."""
    if len(tokens) >= 2 and tokens[0] in _SWAGGER_SECTIONS:
        return _SWAGGER_SECTIONS[tokens[0]], tokens[:2]
    if len(tokens) >= 3 and tokens[0] == "components" and tokens[1] in _COMPONENTS:
        return tokens[1], tokens[:3]
    return _kind_at(referrer), tokens


def _kind_at(tokens: list[str]) -> str:
    """What a ``$ref`` at ``tokens`` in the root refers to, for a target whose own pointer does
    not say (a whole file, ``pet.yaml``): schemas unless the place is one of the few others.
    """
    if len(tokens) == 2 and tokens[0] in _SWAGGER_SECTIONS:
        return _SWAGGER_SECTIONS[tokens[0]]
    if len(tokens) == 3 and tokens[0] == "components" and tokens[1] in _COMPONENTS:
        return tokens[1]
    if len(tokens) >= 2:
        parent, last = tokens[-2], tokens[-1]
        if parent == "parameters" and last.isdigit():  # a path item's or operation's
            return "parameters"
        if parent == "responses" and len(tokens) >= 3 and tokens[-3] in _HTTP_METHODS:
            return "responses"
        if parent == "headers" and len(tokens) >= 4 and tokens[-4] == "responses":
            return "headers"
        if parent in ("examples", "links", "callbacks") and not last.isdigit():
            return parent
        if last == "requestBody" and tokens[-2] in _HTTP_METHODS:
            return "requestBodies"
    if len(tokens) == 2 and tokens[0] in ("paths", "webhooks"):
        return "pathItems"
    return "schemas"
