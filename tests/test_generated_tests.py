"""The tests every generated project carries (``tests/``, issue 12): each operation called with
its required arguments and with all of them, sync and async, against the package's own fake.
They pass for every golden package and for the full Batch description, each run as its user
would run it (``pytest`` in the project folder, from a checkout), and they type-check."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from generator.options import Options
from generator.pipeline import Result, generate_files
from generator.write import write_tree

ROOT = Path(__file__).resolve().parent.parent
FULL_BATCH = ROOT.parent / "shared" / "specs" / "azure-batch" / "2024-07-01.20.0" / "BatchService.json"


def _expected(project: Path) -> int:
    """The test functions the project's tests/ defines: all must run and pass (none skipped)."""
    return sum(len(re.findall(r"^def test_", p.read_text(), re.M)) for p in (project / "tests").glob("test_*.py"))


def run_project_tests(project: Path) -> None:
    """``pytest`` in the project folder: its own pyproject's settings, nothing of ours."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=project, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},  # a golden folder stays as generated
    )
    expected = _expected(project)
    assert expected > 0
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    assert done.returncode == 0 and re.match(rf"{expected} passed in ", summary), done.stdout[-4000:] + done.stderr[-2000:]


@pytest.mark.parametrize("golden", ["batch_client", "batch_slice"])
def test_golden_project_tests_pass(golden: str) -> None:
    run_project_tests(ROOT / "generated" / golden)


def test_full_batch_project_tests_pass_and_type_check(tmp_path: Path) -> None:
    options = Options("batch_full", client_name="Batch", credential_scopes=("https://batch.core.windows.net//.default",))
    result = generate_files(FULL_BATCH, options)
    assert result.files is not None and result.api is not None
    write_tree(tmp_path, result.files)
    operations = sum(len(g.operations) for g in result.api.groups)
    assert _expected(tmp_path) == 2 * operations  # each operation: a sync test and an async one
    run_project_tests(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "tests"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:]


def test_the_tests_catch_a_request_the_description_refuses(tmp_path: Path) -> None:
    """The generated tests can fail: a call with a value the description does not allow (an
    integer below its minimum) is a violation the fake reports, and the test fails."""
    options = Options("batch_slice_bad", client_name="Batch", credential_scopes=("https://batch.core.windows.net//.default",))
    result = generate_files(ROOT / "spec" / "batch-slice.json", options)
    assert result.files is not None
    write_tree(tmp_path, result.files)
    tests = tmp_path / "tests" / "test_tasks.py"
    text = tests.read_text()
    assert "max_results=2," in text
    tests.write_text(text.replace("max_results=2,", "max_results=0,", 1))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_tasks.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 1 and "maxresults" in done.stdout, done.stdout[-3000:]


@pytest.mark.parametrize("golden", ["batch_client", "batch_slice"])
def test_the_docs_worked_example_passes(golden: str, tmp_path: Path) -> None:
    """docs/testing.md's worked example, as a user would paste it into their tests."""
    project = ROOT / "generated" / golden
    page = (project / "docs" / "testing.md").read_text()
    (code,) = re.findall(r"^```python\n(.*?)^```$", page, re.M | re.S)
    (tmp_path / "test_example.py").write_text(code)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", f"{golden}._pytest_plugin", "test_example.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(project), "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 0 and "2 passed" in done.stdout, done.stdout[-3000:] + done.stderr[-2000:]


def test_patterns_from_the_corpus(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """A UUID pattern gets a UUID; an optional parameter whose pattern nothing meets is left
    out of the all-arguments call rather than sent invalid (both found running the generated
    tests of corpus descriptions). A pattern Python warns about prints no warning, in
    generation (the validator's child included) or in the generated tests."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = generate_files(ROOT / "tests" / "specs" / "fake" / "patterns-3.0.yaml", Options("patterns"))
    assert not [w for w in caught if issubclass(w.category, FutureWarning)], [str(w.message) for w in caught]
    assert "Warning" not in capfd.readouterr().err
    assert result.files is not None, [p.format() for p in result.problems]
    lengths = [p.format() for p in result.problems if "no uuid text has them (it has 36 characters)" in p.message]
    assert len(lengths) == 1 and "/paths/~1jobs~1{jobId}/delete/parameters/0/schema" in lengths[0], lengths
    write_tree(tmp_path, result.files)
    text = (tmp_path / "tests" / "test_settings.py").read_text()
    assert '"00000000-0000-4000-8000-000000000000"' in text and "x_actual_at" not in text
    assert "offset=20," in text and "share=1.5" in text and "ratio=0.5" in text and "slot=0," in text, text
    # texts made from the patterns that no fixed sample meets: the ARN, the optional parameter
    # at its minimum length (so it is sent, not left out), the body's property in the fake's tables
    tags = (tmp_path / "tests" / "test_tags.py").read_text()
    assert '"arn:aws:migrationhub-orchestrator:a:0:workflow/"' in tags
    assert 'label="id-aaaaaaaaa"' in tags
    tables = (tmp_path / "patterns" / "_fake_tables.json").read_text()
    assert '"pattern":"^[A-Z]{3}-\\\\d{4}$","sample":"AAA-0000"' in tables
    assert '"sample":"arn:a:fsx:a:000000000000:::::"' in tables
    run_project_tests(tmp_path)


def test_operations_told_apart_by_query_parameters(tmp_path: Path) -> None:
    """Two operations at one method and path, one of them requiring query parameters: the
    fake gives each request to the operation that declares them (its generated tests count
    each operation's calls). Two whose requests nothing tells apart: their tests count both.
    Operations told apart by a header (X-Amz-Target): a request none accepts is reported as
    the violation of the one it breaks least, the header outweighing the rest. A path value
    sent unencoded (x-ms-skip-url-encoding) still has what no URL may hold encoded."""
    generate_into(tmp_path, "routing-3.0.yaml", "routing")
    assert "def test_import_keys(" in (tmp_path / "tests" / "test_keys.py").read_text()
    items = (tmp_path / "tests" / "test_items.py").read_text()
    assert items.count('keys = ("items.get_definition", "items.get_assignment")') == 2, items
    probe = (
        "from routing.testing import FakeService\n"
        "from routing import RoutingClient, models\n"
        "with FakeService(strict=False) as fake, RoutingClient(fake.url, fake.credential) as client:\n"
        "    try:\n"
        "        client.gateways.associate_file_system(models.AssociateFileSystemBody(address='1.2.3.4.'), 'Gateway.Associate')\n"
        "    except Exception:\n"
        "        pass\n"
        "    [violation] = fake.violations\n"
        "    assert (violation.operation, violation.where) == ('gateways.associate_file_system', '/Address'), violation\n"
        # amazonaws.com/fsx: one violation each (Activate's X-Amz-Target, Associate's address):
        # the header names the operation, table order does not
        "import json, urllib.error, urllib.request\n"
        "body = json.dumps({'Address': '1.2.3.4.', 'ActivationKey': 'k', 'GatewayName': 'g'}).encode()\n"
        "headers = {'X-Amz-Target': 'Gateway.Associate', 'Content-Type': 'application/json'}\n"
        "with FakeService(strict=False) as fake:\n"
        "    request = urllib.request.Request(fake.url.rstrip('/') + '/', body, headers, method='POST')\n"
        "    try:\n"
        "        urllib.request.urlopen(request, timeout=30)\n"
        "    except urllib.error.HTTPError as error:\n"
        "        assert error.code == 400, error.code\n"
        "    [violation] = fake.violations\n"
        "    assert (violation.operation, violation.where) == ('gateways.associate_file_system', '/Address'), violation\n"
        # x-ms-skip-url-encoding (azure.com/authorization): '/' and escapes kept, a space and
        # non-ASCII encoded (sync retried InvalidURL for seconds; async sent them raw), the
        # same by both clients; a control character refused before anything is sent
        "import asyncio\n"
        "from routing.aio import AsyncRoutingClient\n"
        "with FakeService(strict=False) as fake, RoutingClient(fake.url, fake.credential) as client:\n"
        "    client.items.get_assignment('a b/\u00fc%2F')\n"
        "    async def call() -> None:\n"
        "        async with AsyncRoutingClient(fake.url, fake.credential) as aio:\n"
        "            await aio.items.get_assignment('a b/\u00fc%2F')\n"
        "    asyncio.run(call())\n"
        "    paths = [c.raw_path for c in fake.operation('items.get_assignment').calls]\n"
        "    assert paths == ['/a%20b/%C3%BC%2F'] * 2, paths\n"
        "    try:\n"
        "        client.items.get_assignment('a\\tb')\n"
        "    except ValueError as error:\n"
        "        assert 'control characters' in str(error), error\n"
        "    else:\n"
        "        raise AssertionError('a tab was sent')\n"
    )
    run_probe(tmp_path, probe)
    run_project_tests(tmp_path)


def test_date_times_of_a_declared_length(tmp_path: Path) -> None:
    """A date-time whose length the description bounds is sent in the RFC 3339 form that fits:
    ``+00:00`` for 25 characters, milliseconds for 24 (unicourt.com, telstra.com); any other in
    the usual ``Z`` form. The generated tests pass against the fake, which checks the lengths."""
    generate_into(tmp_path, "datetime-lengths-3.0.yaml", "lengths")
    probe = (
        "import datetime\n"
        "from lengths import models\n"
        "at = datetime.datetime(2026, 1, 1, 12, 30, 5, 250000, tzinfo=datetime.UTC)\n"
        "wire = models.Callback(at=at, stamp=at, plain=at).to_dict()\n"
        "assert wire == {'at': '2026-01-01T12:30:05.250000+00:00', 'stamp': '2026-01-01T12:30:05.250Z',\n"
        "                'plain': '2026-01-01T12:30:05.250000Z'}, wire\n"
        "assert models.Callback.from_dict(wire).at == at\n"
        "from lengths.testing import FakeService\n"
        "from lengths import DatetimeLengthsClient\n"
        "with FakeService() as fake, DatetimeLengthsClient(fake.url) as client:\n"
        "    at = at.replace(microsecond=0)\n"
        "    client.callbacks.get(date=at, since=at, until=at, x_stamp=at)\n"
        "    [call] = fake.callbacks.get.calls\n"
        "    assert call.raw_query == 'date=2026-01-01T12%3A30%3A05%2B00%3A00&since=2026-01-01T12%3A30%3A05%2B00%3A00'\\\n"
        "        '&until=2026-01-01T12%3A30%3A05Z', call.raw_query\n"
        "    stamp = {k.lower(): v for k, v in call.raw_headers.items()}['x-stamp']\n"
        "    assert stamp == '2026-01-01T12:30:05.000Z', stamp\n"
    )
    run_probe(tmp_path, probe)
    run_project_tests(tmp_path)


def test_delimited_items_holding_the_delimiter(tmp_path: Path) -> None:
    """Comma-delimited arrays and objects in the path and the query: an item's own comma (sent
    as %2C) and spaces reach the fake as sent, within maxItems (fulfillment.com)."""
    generate_into(tmp_path, "delimited-3.0.yaml", "delimited")
    probe = (
        "from delimited.testing import FakeService\n"
        "from delimited import DelimitedClient, models\n"
        "with FakeService() as fake, DelimitedClient(fake.url) as client:\n"
        "    client.inventories.get(['x,y', ' z '], ['a,b', ' padded '], where=models.Where(city='Oslo, NO'))\n"
        "    [call] = fake.inventories.get.calls\n"
        "    assert call.path == {'codes': ['x,y', ' z ']}, call.path\n"
        "    assert call.query['sku_names'] == ['a,b', ' padded '], call.query\n"
        "    assert call.query['where'] == {'city': 'Oslo, NO'}, call.query\n"
    )
    run_probe(tmp_path, probe)
    run_project_tests(tmp_path)


def test_default_is_the_success_where_no_2xx_is_declared(tmp_path: Path) -> None:
    """No 2xx response, only errors and ``default`` (openchannel.io): a success answer is
    decoded as ``default`` declares it, where the method returned None."""
    generate_into(tmp_path, "default-only-3.0.yaml", "defaults")
    probe = (
        "from defaults.testing import FakeService\n"
        "from defaults import DefaultOnlyClient, models\n"
        "with FakeService() as fake, DefaultOnlyClient(fake.url) as client:\n"
        "    page = client.apps.list()\n"
        "    assert isinstance(page, models.AppPage), page\n"
        "    fake.apps.list.respond(status=200, body={'count': 2, 'names': ['a', 'b']})\n"
        "    assert client.apps.list() == models.AppPage(count=2, names=['a', 'b'])\n"
    )
    run_probe(tmp_path, probe)
    run_project_tests(tmp_path)


def test_number_enums(tmp_path: Path) -> None:
    """Integer and number enums (mbus.local): int and float in Python, their first value in the
    samples, checked by the fake (it accepted the tests' 1)."""
    generate_into(tmp_path, "number-enums-3.0.yaml", "numbers_pkg")
    text = (tmp_path / "tests" / "test_bus.py").read_text()
    assert "scan(300," in text and "level=0.5" in text, text
    probe = (
        "from numbers_pkg.testing import FakeService, sample\n"
        "from numbers_pkg import NumberEnumsClient, models\n"
        "assert sample(models.Settings) == models.Settings(parity=7)\n"
        "with FakeService(strict=False) as fake, NumberEnumsClient(fake.url) as client:\n"
        "    try:\n"
        "        client.bus.scan(1, level=7.0, body=models.Settings(parity=3))\n"
        "    except Exception:\n"
        "        pass\n"
        "    found = sorted(str(v) for v in fake.violations)\n"
        "    assert found == ['bus.scan: baudrate: 1 is not one of 300, 600, 1200, 2400, 4800, 9600',\n"
        "                     'bus.scan: body at /parity: 3 is not one of 7, 8',\n"
        "                     'bus.scan: level: 7.0 is not one of 0.5, 1.5, 2.5'], found\n"
    )
    run_probe(tmp_path, probe)
    run_project_tests(tmp_path)


def test_discriminated_variants_carry_their_tag(tmp_path: Path) -> None:
    """oneOf variants of a discriminated union (ix-api.net): their samples and the fake's
    answers carry the value that names them (they sent 'fake', and the client decoded the
    fake's answer as UnknownVariant); the fake refuses a value the mapping lacks."""
    generate_into(tmp_path, "discriminated-variants-3.0.yaml", "variants")
    probe = (
        "from variants.testing import FakeService, sample\n"
        "from variants import PetsClient, models\n"
        "assert sample(models.Cat).pet_type == 'cat' and sample(models.Dog).pet_type == 'dog'\n"
        "with FakeService(strict=False) as fake, PetsClient(fake.url) as client:\n"
        "    assert isinstance(client.pets.get(), models.Cat)\n"
        "    try:\n"
        "        client.pets.create(models.Cat(pet_type='fake', name='Tom'))\n"
        "    except Exception:\n"
        "        pass\n"
        "    found = [str(v) for v in fake.violations]\n"
        "    assert found == [\"pets.create: body at /petType: 'fake' is not one of the discriminator values 'Cat', 'Dog', 'cat', 'dog'\"], found\n"
    )
    run_probe(tmp_path, probe)
    run_project_tests(tmp_path)


def generate_into(project: Path, spec: str, package: str) -> Result:
    """The package of ``tests/specs/fake/SPEC`` written into ``project``: generated, or the
    test fails with the problems."""
    result = generate_files(ROOT / "tests" / "specs" / "fake" / spec, Options(package))
    assert result.files is not None, [p.format() for p in result.problems]
    write_tree(project, result.files)
    return result


def run_probe(project: Path, probe: str) -> None:
    """``probe``, Python code, run against the generated package in ``project``: its asserts must hold."""
    done = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(project), "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 0, done.stderr[-3000:]


def test_properties_beside_a_scalar_type(tmp_path: Path) -> None:
    """``type: string`` beside ``properties``: a string (JSON Schema applies ``properties`` to
    objects only), with a located warning; sent as one value, so two such parameters no longer
    collide on the wire."""
    result = generate_files(ROOT / "tests" / "specs" / "fake" / "typed-properties-3.0.yaml", Options("typed"))
    assert result.files is not None, [p.format() for p in result.problems]
    warnings = [p.format() for p in result.problems if "'properties' beside type 'string' do not apply" in p.message]
    assert len(warnings) == 2 and "parameters/0/schema/properties" in warnings[0], warnings
    write_tree(tmp_path, result.files)
    assert "code_challenge: str," in (tmp_path / "typed" / "operations" / "_auths.py").read_text()
    run_project_tests(tmp_path)


def test_multipart_fields_sent_as_json(tmp_path: Path) -> None:
    """Multipart fields that are objects or maps of them go as JSON parts, and the fake reads
    them as JSON: the generated tests' calls break nothing."""
    generate_into(tmp_path, "multipart-json-3.0.yaml", "multipart_json")
    tables = (tmp_path / "multipart_json" / "_fake_tables.json").read_text()
    assert tables.count('"style":"json"') == 3 and '"wire":"note"' in tables
    run_project_tests(tmp_path)


def test_query_parameters_sent_under_one_name(tmp_path: Path) -> None:
    """An exploded object query parameter whose property has another parameter's name: a
    located warning, and the generated tests leave the optional one out of their call with
    every argument (sent, it made a request no operation could read)."""
    result = generate_files(ROOT / "tests" / "specs" / "fake" / "query-clash-3.0.yaml", Options("clash"))
    assert result.files is not None, [p.format() for p in result.problems]
    clashes = [p for p in result.problems if "query parameters 'Tier' and 'Version' are sent under the same name, 'Version'" in p.message]
    assert len(clashes) == 1 and clashes[0].pointer.endswith("/parameters/1"), [p.format() for p in result.problems]
    write_tree(tmp_path, result.files)
    text = (tmp_path / "tests" / "test_environments.py").read_text()
    assert "tier=" not in text and "models.Version" in text
    run_project_tests(tmp_path)


def test_any_media_text_and_long_date_times(tmp_path: Path) -> None:
    """A string of media type ``*/*`` is decoded from text, or from JSON when the response says
    JSON; the fake answers it as text/plain, and a date-time longer than its own sample with
    fraction digits (not letters). A JSON answer declared without a schema is returned decoded;
    a body the client streams is answered with its declared media type."""
    generate_into(tmp_path, "any-media-3.0.yaml", "anymedia")
    probe = (
        "from anymedia._serialization import decode_text\n"
        "assert decode_text(b'A+', 'text/plain') == 'A+'\n"
        "assert decode_text(b'\"A+\"', 'application/json') == 'A+'\n"
        "assert decode_text(b'{\"a\": 1}', 'application/json') == '{\"a\": 1}'\n"  # not a string: as text
        "from anymedia.testing import FakeService\n"
        "from anymedia import AnyMediaClient\n"
        "with FakeService() as fake, AnyMediaClient(fake.url, fake.credential) as client:\n"
        "    assert client.peoples.blood_type() == 'fake'\n"
        "    assert client.messages.get().create_timestamp.year == 2026\n"
        "    assert client.missions.list() == [{'missionNumber': 1, 'name': 'Osiris'}]\n"
        "    raw = client.with_raw_response.frames.get()\n"
        "    with raw.parse() as download:\n"
        "        assert download.read()\n"
        "    assert raw.headers['content-type'] == 'image/jpeg', raw.headers\n"
    )
    run_probe(tmp_path, probe)
    run_project_tests(tmp_path)


def test_path_shapes_from_the_corpus(tmp_path: Path) -> None:
    """A path key holding a query is sent as that path and fixed query items (located warning);
    two path parameters side by side are told apart by the fake; a HEAD's declared body is
    not decoded (located warning); a required list of the model itself is synthesised empty."""
    result = generate_files(ROOT / "tests" / "specs" / "fake" / "path-shapes-3.0.yaml", Options("shapes"))
    assert result.files is not None, [p.format() for p in result.problems]
    warnings = {p.pointer: p.message for p in result.problems}
    assert "holds a query ('?filename={filename}')" in warnings["#/paths/~1jobs~1export?filename={filename}/get"], warnings
    assert "holds a query ('?op=LISTAFTERID')" in warnings["#/paths/~1jobs?op=LISTAFTERID/get"], warnings
    assert "response to HEAD has no body" in warnings["#/paths/~1objects~1{path}/head/responses/200"], warnings
    assert "is GET /states/{stateName}{mediaTypeExtension} but for its variables' names" in warnings[
        "#/paths/~1states~1{pageName}{mediaTypeExtension}/get"], warnings
    write_tree(tmp_path, result.files)
    assert '_query: list[tuple[str, str]] = [("op", "LISTAFTERID")]' in (tmp_path / "shapes" / "operations" / "_jobs.py").read_text()
    # two operations whose requests nothing tells apart: in each one's tests, the other answers as it
    assert 'fake.operation(other).answers_as("states.get_page")' in (tmp_path / "tests" / "test_states.py").read_text()
    assert "`GET https://example.invalid/jobs?op=LISTAFTERID`" in (tmp_path / "docs" / "jobs.list_after_id.md").read_text()
    probe = (
        "from shapes.testing import FakeService, sample\n"
        "from shapes import PathShapesClient, models\n"
        "with FakeService() as fake, PathShapesClient(fake.url, fake.credential) as client:\n"
        "    client.projects.get(12, 'json')\n"
        "    assert fake.operation('projects.get').calls[-1].path == {'id_': 12, 'format_': 'json'}\n"
        "    client.blogs.get('fake', models.MediaTypeExtension.JSON)\n"
        "    assert fake.operation('blogs.get').calls[-1].path == {'page_name': 'fake', 'media_type_extension': '.json'}\n"
        "    client.jobs.list_after_id('me')\n"
        "    assert fake.operation('jobs.list_after_id').calls[-1].query == {'user_name': 'me', 'op': 'LISTAFTERID'}\n"
        "    assert not fake.operation('jobs.list').calls\n"
        "    client.jobs.export('a b.csv')\n"
        "    [call] = fake.operation('jobs.export').calls\n"
        "    assert (call.raw_path, call.raw_query, call.query) == ('/jobs/export', 'filename=a%20b.csv', {'filename': 'a b.csv'}), call\n"
        "    assert type(client.objects.describe('a')).__name__ == 'ObjectDescribeHeaders'\n"
        "    assert sample(models.Category).children == []\n"
    )
    run_probe(tmp_path, probe)
    run_project_tests(tmp_path)


def test_required_objects_sent_empty(tmp_path: Path) -> None:
    """A required object spread over pairs of its own (form field or query, exploded or
    deepObject) sends nothing when empty, the same as leaving it out: the fake takes that
    absence as the empty object where the schema accepts one (salesloft.com), and still
    reports it missing where the schema requires a property."""
    generate_into(tmp_path, "empty-objects-3.0.yaml", "empties")
    # a property without a description: its docstring starts at its wire name
    assert '    field_: str | None = None\n    """(``field``)"""\n' in (tmp_path / "empties" / "models" / "_sort.py").read_text()
    probe = (
        "import urllib.error, urllib.request\n"
        "from empties.testing import FakeService\n"
        "from empties import EmptyObjectsClient, models\n"
        "with FakeService() as fake, EmptyObjectsClient(fake.url, fake.credential) as client:\n"
        "    client.calls.create(models.Recording(), 'me')\n"
        "    [call] = fake.operation('calls.create').calls\n"
        "    assert (call.raw_body, call.form) == (b'to=me', {'recording': {}, 'to': 'me'}), call\n"
        "    client.searches.find({}, models.Sort())\n"
        "    [call] = fake.operation('searches.find').calls\n"
        "    assert (call.raw_query, call.query) == ('', {'filter_': {}, 'sort': {}}), call\n"
        "    client.searches.find({'a': 'b'}, models.Sort(field_='x'))\n"
        "    assert fake.operation('searches.find').calls[-1].raw_query == 'a=b&sort%5Bfield%5D=x'\n"
        "    fake.expect_violations()\n"
        "    try:\n"
        "        urllib.request.urlopen(fake.url + '/strict')\n"
        "    except urllib.error.HTTPError as exc:\n"
        "        assert exc.code == 400\n"
        "    else:\n"
        "        raise AssertionError('no range: accepted')\n"
        "    [violation] = fake.violations\n"
        "    assert 'the required query parameter is missing' in str(violation), violation\n"
    )
    run_probe(tmp_path, probe)
    run_project_tests(tmp_path)


def test_a_discriminator_that_is_not_a_string_is_ignored(tmp_path: Path) -> None:
    """A discriminator naming an array property (zalando.com): ignored with a located warning,
    so the answer decodes as its declared model."""
    result = generate_files(ROOT / "tests" / "specs" / "fake" / "discriminator-array-3.0.yaml", Options("pages"))
    assert result.files is not None, [p.format() for p in result.problems]
    warnings = {p.pointer: p.message for p in result.problems}
    assert "discriminator's property is not a string" in warnings["#/components/schemas/Page/discriminator"], warnings
    write_tree(tmp_path, result.files)
    probe = (
        "from pages.testing import FakeService\n"
        "from pages import DiscriminatorArrayClient, models\n"
        "with FakeService() as fake, DiscriminatorArrayClient(fake.url, fake.credential) as client:\n"
        "    fake.operation('reviews.list').returns(models.Reviews(content=['a', 'b']))\n"
        "    assert client.reviews.list() == models.Reviews(content=['a', 'b'])\n"
    )
    run_probe(tmp_path, probe)
    run_project_tests(tmp_path)
