"""Command line: ``python -m generator generate|check|diff``. The only place that prints or exits.

Exit codes: 0 success; 1 ``check`` found differences, or ``diff --fail-on-breaking`` found a
break; 2 bad input (spec errors, or warnings with ``--strict``), bad configuration, or an output
directory it will not write into.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache
from .config import ConfigError, PackageConfig, check_client_name, check_package_name, find_project, load_config
from .options import Options

if TYPE_CHECKING:
    from .load import Document
    from .pipeline import Result
    from .surface import Locator

# The rest of the generator (jinja2, yaml, the validator) is imported only when there is work:
# a no-op build step costs a hash of the inputs and a stat of the outputs.

EXIT_OK, EXIT_DIFFERENT, EXIT_BAD_INPUT = 0, 1, 2


def _display(path: Path, root: Path) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return str(path)


def _report(result: Result, strict: bool) -> None:
    for problem in result.problems:
        print(problem.format(as_error=strict), file=sys.stderr)


def _jobs(args: argparse.Namespace) -> tuple[list[PackageConfig], Path]:
    cwd = Path.cwd()
    if args.spec is None:
        if args.out or args.package or args.client_name or args.credential_scopes or args.templates:
            raise ConfigError("--out, --package, --client-name, --credential-scopes and --templates need a SPEC argument")
        root = find_project(cwd)
        return load_config(root), root
    if not args.out or not args.package:
        raise ConfigError("generate SPEC needs --out DIR and --package NAME")
    check_package_name(args.package, "--package")
    if args.client_name is not None:
        check_client_name(args.client_name, "--client-name")
    templates = Path(args.templates) if args.templates else None
    if templates is not None and not templates.is_dir():
        raise ConfigError(f"--templates {args.templates!r} is not a directory")
    options = Options(args.package, args.client_name or "", tuple(args.credential_scopes or ()), templates)
    return [PackageConfig(Path(args.spec), Path(args.out), options)], cwd


_KEPT: list[object] = []


def cmd_generate(args: argparse.Namespace) -> int:
    jobs, root = _jobs(args)
    stale = [job for job in jobs if args.strict or not cache.is_fresh(job.spec, job.options, job.out)]
    for job in jobs:
        if job not in stale:
            print(f"{_display(job.out, root)}: up to date (nothing to do)")
    if not stale:
        return EXIT_OK
    from .pipeline import generate_files
    from .write import write_tree

    results: list[tuple[PackageConfig, Result]] = []
    # Kept past the return (the last command's only): freeing a large run's IR and files object
    # by object is a twentieth of a second, and ``run`` leaves the process without that.
    _KEPT[:] = [results]
    for job in stale:
        result = generate_files(job.spec, job.options, _display(job.spec, root), previous=job.out, keep_data=False)
        _report(result, args.strict)
        if result.failed(args.strict):
            print(f"error: {_display(job.spec, root)}: nothing written", file=sys.stderr)
            return EXIT_BAD_INPUT
        results.append((job, result))
    # Everything rendered: only now is anything written.
    for job, result in results:
        assert result.files is not None
        changes = write_tree(job.out, result.files)
        cache.remember(
            job.spec, job.options, job.out, result.doc.inputs if result.doc else (), changes.snapshot
        )
        print(
            f"{_display(job.out, root)}: {len(changes.added)} added, {len(changes.changed)} changed, "
            f"{len(changes.removed)} removed, {changes.unchanged} unchanged"
        )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from .pipeline import generate_files
    from .write import compare

    root = find_project(Path.cwd())
    status = EXIT_OK
    for job in load_config(root):
        result = generate_files(job.spec, job.options, _display(job.spec, root), previous=job.out, keep_data=False)
        _report(result, args.strict)
        if result.failed(args.strict) or result.files is None:
            return EXIT_BAD_INPUT
        changes = compare(job.out, result.files)
        out = _display(job.out, root)
        for label, paths in (("stale", changes.changed), ("missing", changes.added), ("unexpected", changes.removed)):
            for path in paths:
                print(f"{out}/{path}: {label}")
        if not changes.clean:
            status = EXIT_DIFFERENT
            print(f"{out}: differs from what {_display(job.spec, root)} produces; run `python -m generator generate`", file=sys.stderr)
        else:
            print(f"{out}: up to date ({changes.unchanged} files)")
    return status


def cmd_diff(args: argparse.Namespace) -> int:
    """Compare two descriptions at the level of the generated Python API."""
    import json

    from .pipeline import build_ir
    from .surface import Locator, as_json, diff, markdown, surface

    surfaces, locators = [], []
    for path in (args.old, args.new):
        result = build_ir(Path(path), Options("api"))
        errors = [p for p in result.problems if p.is_error]
        for problem in errors:
            print(problem.format(), file=sys.stderr)
        if errors or result.api is None or result.doc is None:
            return EXIT_BAD_INPUT
        surfaces.append(surface(result.api, ""))
        locators.append(_locator(result.doc))
    report = diff(surfaces[0], surfaces[1])
    if args.format == "json":
        print(json.dumps(as_json(report, locators[0], locators[1]), indent=2, ensure_ascii=False))
    else:
        print(markdown(report, locators[0], locators[1]), end="")
    return EXIT_DIFFERENT if args.fail_on_breaking and report.breaking else EXIT_OK


def _locator(doc: Document) -> Locator:
    def locate(pointer: str) -> str:
        # a node bundled in from another file is found in that file
        source, at = doc.origin(pointer)
        where = source.locate(at)
        return f"{source.file}:{where[0]}:{where[1]}" if where else source.file

    return locate


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """One command without Python's cycle collector. A run builds large structures that hold
    no garbage cycles (the parsed description, the IR, the rendered files, a few million objects
    for a large description), and each of the collector's full passes walks all of them: a
    sixth of GitHub's run, and as much again in the forked validator, whose pages the walk also
    copies. Peak memory is unchanged (measured on the large public descriptions). Restored
    afterwards, for callers that run the command in their own process (the tests)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Generate Python clients from OpenAPI descriptions.")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="generate one package from SPEC, or every package of the build config")
    gen.add_argument("spec", nargs="?", help="OpenAPI 3.0/3.1 or Swagger 2.0 file, YAML or JSON")
    gen.add_argument("--out", help="directory of the generated package project")
    gen.add_argument("--package", help="import name of the generated package")
    gen.add_argument("--client-name", help="base of the class names: Batch → BatchClient, BatchServiceError")
    gen.add_argument("--credential-scopes", action="append", metavar="SCOPE", help="token scope; marks an Azure service")
    gen.add_argument("--templates", metavar="DIR", help="a directory whose templates override the default ones")
    gen.add_argument("--strict", action="store_true", help="treat warnings as errors")
    chk = sub.add_parser("check", help="exit 1 if generated/ is not exactly what spec/ produces")
    chk.add_argument("--strict", action="store_true", help="treat warnings as errors")
    dif = sub.add_parser("diff", help="what changes for users between two descriptions of an API")
    dif.add_argument("old", help="the older description (Swagger 2.0 or OpenAPI 3.x)")
    dif.add_argument("new", help="the newer description")
    dif.add_argument("--format", choices=("markdown", "json"), default="markdown")
    dif.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when anything breaks")
    args = parser.parse_args(argv)
    commands = {"generate": cmd_generate, "check": cmd_check, "diff": cmd_diff}
    try:
        with _no_cycle_collection():
            return commands[args.command](args)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # the output directory (write_tree raises UnsafeOutputError, an OSError)
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """The command line: ``main``, then out of the process without tearing its heap down (a
    large run leaves millions of objects, a tenth of a second to free one by one; nothing else
    is open to flush but the standard streams). The cycle collector stays off to the end: turned
    back on after a large run, its first pass (at the next allocation) walked the millions of
    objects the run had made, a tenth of a second spent just before exiting."""
    gc.disable()
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: the exit code still says what happened
        code = code or 1
    os._exit(code)


if __name__ == "__main__":
    run()
