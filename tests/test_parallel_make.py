"""pipeline._make_on_both_cores (rendering, formatting and compiling every other file in a forked
child) reports exactly what one pass over the plan does: the same texts, and for broken files
the same first render error, the same first black failure, the same compile findings."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator import pipeline
from generator.render import FILTERS, Output

TEMPLATES = {
    "ok.py.j2": "X = {{ n }}\n",
    "doc.md.j2": "# page {{ n }}\n",
    "undefined.py.j2": "X = {{ missing }}\n",  # StrictUndefined: a render error
    "syntax.py.j2": "def (:\n",  # does not compile
    "warns.py.j2": 'X = "\\d"\n',  # an invalid escape: a warning, which the guard counts
    "black.py.j2": "X = (" + "1 +" * 40 + " 1\n",  # too long, and black cannot parse it
}


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    return env


def _plan(bad: dict[int, str], size: int = 600) -> list[Output]:
    plan = []
    for n in range(size):
        template = bad.get(n, "ok.py.j2" if n % 3 else "doc.md.j2")
        suffix = ".md" if template.endswith(".md.j2") else ".py"
        plan.append(Output(template, f"pkg/f{n:04d}{suffix}", {"n": n}))
    return plan


def _one_pass(plan: list[Output]) -> pipeline._Made:
    return pipeline._merge(plan, [pipeline._make(list(enumerate(plan)), _env())])


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {10: "undefined.py.j2"},
        {11: "undefined.py.j2"},
        {300: "undefined.py.j2", 7: "syntax.py.j2"},
        {301: "undefined.py.j2", 500: "undefined.py.j2"},
        {12: "black.py.j2", 13: "black.py.j2"},
        {200: "black.py.j2", 40: "undefined.py.j2"},
        {5: "syntax.py.j2", 6: "warns.py.j2", 7: "syntax.py.j2", 598: "syntax.py.j2"},
        {5: "syntax.py.j2", 9: "black.py.j2"},
    ],
)
def test_both_cores_report_what_one_pass_does(bad: dict[int, str]) -> None:
    plan = _plan(bad)
    assert pipeline._make_on_both_cores(plan, _env()) == _one_pass(plan)


def test_a_child_that_dies_is_redone_here(monkeypatch: pytest.MonkeyPatch) -> None:
    class Dead:
        def __init__(self, work: object) -> None:
            pass

        def result(self) -> list[object]:
            return []

    monkeypatch.setattr(pipeline, "_Background", Dead)
    plan = _plan({401: "undefined.py.j2"})
    assert pipeline._make_on_both_cores(plan, _env()) == _one_pass(plan)


_PIDS = r"""
import os, threading
import jinja2
from generator import pipeline
from generator.render import Output
assert hasattr(os, "fork") and threading.active_count() == 1  # so the share is forked
parent = os.getpid()
plan = [Output("pid.py.j2", f"pkg/f{n:04d}.py", {}) for n in range(500)]
env = jinja2.Environment(loader=jinja2.DictLoader({"pid.py.j2": "PID = {{ pid() }}\n"}))
env.globals["pid"] = os.getpid
made = pipeline._make_on_both_cores(plan, env)
pids = set(made.texts.values())
assert len(made.texts) == 500 and f"PID = {parent}" in pids and len(pids) == 2, pids
print("two processes")
"""


def test_the_child_really_renders_its_share() -> None:
    """Both processes render part of the plan. Run in a fresh interpreter: a test worker may
    have threads left by other tests, and nothing forks then."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _PIDS], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "two processes"


_REFUSED = r"""
import os, sys, threading
from pathlib import Path
from generator import pipeline
from generator.options import Options
assert threading.active_count() == 1  # so the validator is forked, as on the command line
result = pipeline.generate_files(Path(sys.argv[1]), Options("broken"))
assert result.files is None
errors = [p.message for p in result.problems if p.is_error]
assert errors == ["unresolvable $ref '#/definitions/Missing': no such node in this document"], errors
assert not any("openapi-spec-validator" in p.message for p in result.problems), result.problems
try:
    print("left", os.waitpid(-1, os.WNOHANG))  # a child still running, or not reaped
except ChildProcessError:
    print("no child left")
"""


def test_a_description_our_checks_refuse_stops_the_validator_child(tmp_path: Path) -> None:
    """The validator is forked before our checks run; when they refuse the description, the
    child is stopped and reaped: no process is left behind, and only our errors are reported.
    Run in a fresh interpreter: a pytest-xdist worker has threads, so nothing forks there."""
    import subprocess
    import sys

    spec = tmp_path / "broken.json"
    spec.write_text(
        '{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {'
        '"responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Missing"}}}}}}}'
    )
    done = subprocess.run([sys.executable, "-c", _REFUSED, str(spec)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "no child left"


_EARLY = r"""
import sys, threading, time
from pathlib import Path
from generator import pipeline
assert threading.active_count() == 1  # so the work is forked
worked = Path(sys.argv[1])
# more than a pipe holds: the child must not wait for this process to read it (the work here
# ends before anything is read), and the value is still handed over whole
big = {n: "x" * 100 for n in range(20_000)}  # 2 MB pickled
background = pipeline._Background(lambda: [worked.touch() or "done"], early=lambda: big)
for _ in range(2000):
    if worked.exists():
        break
    time.sleep(0.005)
assert worked.exists(), "the work waited for the early value to be read"
assert background.early_result() == big and background.result() == ["done"]

def broken():
    raise ValueError("no index")

background = pipeline._Background(lambda: ["done"], early=broken)
assert background.early_result() == {} and background.result() == ["done"]
never_asked = pipeline._Background(lambda: ["done"], early=lambda: {1: 2})
assert never_asked.result() == ["done"]  # the early value unread: nothing waits on it
print("handed over")
"""


def test_an_early_value_is_handed_over_without_holding_the_work_up(tmp_path: Path) -> None:
    """``_Background``'s early value (the validator child's position index): whole, never
    blocking the child, empty when it fails. In a fresh interpreter, as above."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _EARLY, str(tmp_path / "worked")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "handed over"
