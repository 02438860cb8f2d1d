"""The whole generation as one function: spec file → formatted files, or located problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .build import Options, build_api
from .ir import Api
from .load import load_document
from .problems import Problem, Severity, SpecError
from .render import RenderError, render
from .validate import validate
from .write import FormatError, format_files


@dataclass
class Result:
    files: dict[str, str] | None  # None when generation is impossible
    problems: list[Problem] = field(default_factory=list)
    api: Api | None = None

    def failed(self, strict: bool = False) -> bool:
        return self.files is None or any(p.is_error or strict for p in self.problems)


def generate_files(spec: Path, options: Options, display: str | None = None) -> Result:
    """Validate, build the IR, render and format. Never writes; never raises for bad input."""
    try:
        doc = load_document(spec, display)
    except SpecError as exc:
        return Result(None, exc.problems)
    version, problems = validate(doc)
    if any(p.is_error for p in problems):
        return Result(None, problems)
    try:
        api, build_problems = build_api(doc, version, options, spec.parent)
    except SpecError as exc:
        return Result(None, problems + exc.problems)
    except RecursionError:
        return Result(None, problems + [doc.error("the description is nested too deeply to generate", "#")])
    problems += build_problems
    if api is None or any(p.is_error for p in problems):
        return Result(None, problems, api)
    try:
        files = format_files(render(api))
    except (RenderError, FormatError) as exc:
        return Result(None, problems + [Problem(Severity.ERROR, str(exc), doc.file)], api)
    return Result(files, problems, api)
