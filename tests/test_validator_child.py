"""The validator's forked child makes ``import requests`` fail (``validate.without_requests``):
openapi-spec-validator must then find exactly what it finds with requests importable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Two findings of the validator's own (a pattern that is no regex, a default of the wrong
# type), so that a validator that stopped early, or never ran, shows.
SPEC = """openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - {name: q, in: query, schema: {type: string, pattern: "([a-z"}}
        - {name: n, in: query, schema: {type: integer, default: "many"}}
      responses:
        "200": {description: ok}
"""

RUN = r"""
import json, sys
from pathlib import Path
from generator import validate
from generator.load import load_document
if sys.argv[2] == "blocked":
    validate.without_requests()
doc = load_document(Path(sys.argv[1]))
version, _ = validate.spec_version(doc)
found = [[p.message, p.pointer] for p in validate.run_spec_validator(doc, version)]
print(json.dumps({"found": found, "requests": repr(sys.modules.get("requests", "absent"))}))
"""


def _validate(spec: Path, mode: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", RUN, str(spec), mode], capture_output=True, text=True, cwd=ROOT, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_findings_are_the_same_without_requests(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    plain = _validate(spec, "plain")
    blocked = _validate(spec, "blocked")
    assert blocked["requests"] == "None"  # the import was refused, not made
    assert plain["requests"] != "None"
    found = plain["found"]
    assert isinstance(found, list) and len(found) >= 2, found
    assert all(message.startswith("openapi-spec-validator: ") for message, _ in found)
    assert not any("could not finish" in message for message, _ in found)
    assert blocked["found"] == found


def test_what_the_child_inherits_is_light() -> None:
    """The validator's child is forked once the description is loaded: by then this process has
    imported the command line and the pipeline, not the IR, the passes or jinja2, which only this
    process needs (they are imported after the fork)."""
    code = (
        "import sys, generator.__main__, generator.pipeline\n"
        "print(sorted(m for m in ('jinja2', 'generator.ir', 'generator.passes', 'generator.render',"
        " 'generator.surface', 'openapi_spec_validator', 'requests') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"
