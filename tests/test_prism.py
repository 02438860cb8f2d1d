"""The petstore clients' requests, judged by a validator we did not write: Stoplight's Prism.

Every operation of the generated sync and async clients is called twice (required arguments
only, then every argument) against ``prism mock --errors``; each call must be accepted. Prism's
own invalid mock answers are the mock's fault and are reported as warnings, not failures. Prism
is installed once from the npm registry into the user's cache (see ``prism_mock``); without node
or npm these tests fail, they do not skip.
"""

from __future__ import annotations

import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from prism_driver import fill, prism_session
from prism_mock import PrismUnavailable, RecordingProxy, ensure_prism
from prism_verdicts import SpecReport, request_violations

PUBLIC = Path(__file__).resolve().parent / "specs" / "public"
SPECS = ("petstore-2.0.json", "petstore-3.0.yaml")
# A request each description forbids, and where Prism must say so: proof that it validates.
CONTROLS = {
    "petstore-2.0.json": ("/pet/findByStatus?status=bogus", "query.status"),
    "petstore-3.0.yaml": ("/pets?limit=many", "query.limit"),
}


@pytest.fixture(scope="module")
def prism() -> Path:
    try:
        return ensure_prism()
    except PrismUnavailable as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module", params=SPECS)
def judged(
    request: pytest.FixtureRequest,
    prism: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SpecReport, RecordingProxy]]:
    """One Prism per description for the module; every call made once, up front."""
    spec = PUBLIC / request.param
    work = tmp_path_factory.mktemp("prism")
    with prism_session(spec, work) as (generated, proxy):
        report = fill(
            SpecReport(spec.name), generated, proxy, clients=("sync", "async")
        )
        yield report, proxy


def test_prism_names_a_violation(judged: tuple[SpecReport, RecordingProxy]) -> None:
    report, proxy = judged
    target, location = CONTROLS[report.spec]
    proxy.take()
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(proxy.url + target, timeout=30)
    (exchange,) = proxy.take()
    found = request_violations(exchange)
    assert any(v.location.startswith(location) for v in found), (exchange.status, found)


def test_every_call_is_accepted(judged: tuple[SpecReport, RecordingProxy]) -> None:
    report, _ = judged
    operations = report.operations
    assert (
        operations and len(report.calls) == operations * 4
    )  # sync+async, required+all
    assert not report.not_generated, report.not_generated
    for call in report.of("prism_invalid"):
        warnings.warn(f"Prism's own answer is invalid: {call.describe()}", stacklevel=1)
    wrong = report.of("violation", "client_error", "driver_error")
    lines = [f"{c.outcome}: {c.describe()}" for c in wrong]
    assert not wrong, (
        f"{len(wrong)} of {len(report.calls)} calls to {report.spec} were not accepted "
        f"by Prism (credentials: {report.credentials}):\n" + "\n".join(lines)
    )
