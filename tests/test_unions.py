"""Unions, nullables, constants, explicit null and durations, decoded from and sent to a real
HTTP server on 127.0.0.1 by the generated clients (sync and async).

Specs: ``tests/specs/public/unions-3.0.yaml`` (discriminated ``oneOf`` with an explicit and an
implied mapping, undiscriminated ``anyOf``, scalar unions, ``nullable: true``, durations, names
that shadow Python and the runtime, a model with only inherited fields) and ``unions-3.1.yaml``
(``type`` lists, ``const``, ``anyOf`` with null, formats as alternatives). Both also run through
``test_public_specs`` (import everything, ``mypy --strict``) and ``test_black_stable``.
"""

from __future__ import annotations

import asyncio
import datetime
import importlib
import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.options import Options
from generator.pipeline import generate_files
from generator.write import write_tree

PUBLIC = Path(__file__).resolve().parent / "specs" / "public"


class Service:
    """Answers each path with the JSON the test put in ``answers``; records what it was sent."""

    def __init__(self) -> None:
        self.answers: dict[str, Any] = {}
        self.seen: list[tuple[str, str, Any]] = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                service.seen.append((self.command, self.path, body))
                path = self.path.split("?")[0]
                answer = service.answers.get(path, body)
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _generate(tmp: Path, spec: str, package: str) -> ModuleType:
    result = generate_files(PUBLIC / spec, Options(package))
    assert result.files is not None, [p.format() for p in result.problems]
    write_tree(tmp / package, result.files)
    sys.path.insert(0, str(tmp / package))
    return importlib.import_module(package)


@pytest.fixture(scope="module")
def pets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    yield _generate(tmp_path_factory.mktemp("u30"), "unions-3.0.yaml", "union_pets")


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    yield _generate(tmp_path_factory.mktemp("u31"), "unions-3.1.yaml", "union_events")


@pytest.fixture
def service() -> Iterator[Service]:
    s = Service()
    yield s
    s.close()


# -- discriminated unions --------------------------------------------------------------------


def test_discriminator_selects_the_mapped_class(pets: ModuleType, service: Service) -> None:
    with pets.PetUnionClient(service.url) as client:
        service.answers["/pets/1"] = {"petType": "cat", "name": "Tom", "indoor": True}
        cat = client.pets.get("1")
        assert type(cat) is pets.Cat and cat.name == "Tom" and cat.indoor is True
        service.answers["/pets/1"] = {"petType": "dog", "name": "Rex", "breed": "poodle"}
        dog = client.pets.get("1")
        assert type(dog) is pets.Dog and dog.breed is pets.DogBreed.POODLE
        service.answers["/pets/1"] = {"petType": "Lizard", "scales": 300}  # implied by the schema's name
        lizard = client.pets.get("1")
        assert type(lizard) is pets.Lizard and lizard.scales == 300


def test_unknown_discriminator_value_keeps_the_data_and_round_trips(pets: ModuleType, service: Service) -> None:
    data = {"petType": "hamster", "name": "Hammy", "wheel": {"size": 3}}
    service.answers["/pets/1"] = data
    with pets.PetUnionClient(service.url) as client:
        pet = client.pets.get("1")
        assert type(pet) is pets.UnknownVariant and pet.additional_properties == data
        assert pet.to_dict() == data
        del service.answers["/pets/1"]
        client.pets.update("1", pet)  # sent back unchanged
    assert service.seen[-1] == ("PUT", "/pets/1", data)


def test_discriminated_union_is_encoded_by_the_value_type(pets: ModuleType, service: Service) -> None:
    with pets.PetUnionClient(service.url) as client:
        back = client.pets.update("2", pets.Dog(pet_type="dog", name="Rex", breed="corgi"))
    assert service.seen[-1][2] == {"petType": "dog", "name": "Rex", "breed": "corgi"}
    assert type(back) is pets.Dog and back.breed == "corgi"  # an enum value this version does not know stays text


def test_async_client_decodes_unions_too(pets: ModuleType, service: Service) -> None:
    service.answers["/pets/9"] = {"petType": "dog", "name": "Rex"}
    service.answers["/shapes"] = [{"radius": 1}, {"side": 2}]

    async def main() -> tuple[Any, Any]:
        async with pets.AsyncPetUnionClient(service.url) as client:
            return await client.pets.get("9"), await client.shapes.list()

    dog, shapes = asyncio.run(main())
    assert type(dog) is pets.Dog and [type(s).__name__ for s in shapes] == ["Circle", "Square"]


# -- unions without a discriminator ----------------------------------------------------------


def test_undiscriminated_union_takes_the_first_variant_of_that_shape(pets: ModuleType, service: Service) -> None:
    service.answers["/shapes"] = [
        {"radius": 1.5},
        {"side": 2},
        {"side": 2, "height": 3},  # ambiguous: Square (first in the description) has every required field
        {"height": 3, "side": 2, "label": "x"},
    ]
    with pets.PetUnionClient(service.url) as client:
        shapes = client.shapes.list()
    assert [type(s).__name__ for s in shapes] == ["Circle", "Square", "Square", "Square"]
    assert shapes[2].additional_properties == {"height": 3}  # kept: nothing is lost


def test_undiscriminated_union_that_nothing_matches_is_a_decode_error(pets: ModuleType, service: Service) -> None:
    service.answers["/shapes"] = [{"radius": "big"}]
    with pets.PetUnionClient(service.url) as client, pytest.raises(pets.DecodeError, match="one of"):
        client.shapes.list()


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("abc", "abc"), (5, 5), ([{"sku": "a"}], "list"), ({"sku": "b"}, "Item")],
)
def test_union_of_scalars_lists_and_models(pets: ModuleType, service: Service, answer: Any, expected: Any) -> None:
    service.answers["/values"] = answer
    with pets.PetUnionClient(service.url) as client:
        value = client.values.get(key=5)
    assert service.seen[-1][1] == "/values?key=5"
    if expected == "list":
        assert isinstance(value, list) and type(value[0]) is pets.Item and value[0].sku == "a"
    elif expected == "Item":
        assert type(value) is pets.Item and value.sku == "b"
    else:
        assert value == expected and type(value) is type(expected)


def test_boolean_is_not_an_integer_in_a_union(pets: ModuleType, service: Service) -> None:
    service.answers["/values"] = True
    with pets.PetUnionClient(service.url) as client, pytest.raises(pets.DecodeError):
        client.values.get(key="k")
    assert service.seen[-1][1] == "/values?key=k"


# -- nullable and explicit null --------------------------------------------------------------


def test_explicit_null_is_sent_only_where_allowed(pets: ModuleType, service: Service) -> None:
    with pets.PetUnionClient(service.url) as client:
        client.owners.create(pets.Owner(name="a", nickname=None))
        assert service.seen[-1][2] == {"name": "a", "nickname": None}  # age NOT_GIVEN: absent; note None: absent
        client.owners.create(pets.Owner(name="a", nickname="n", age=None, note=None, pet=None, tags=[None, "x"]))
        assert service.seen[-1][2] == {"name": "a", "nickname": "n", "age": None, "pet": None, "tags": [None, "x"]}


def test_null_and_absent_decode_differently(pets: ModuleType, service: Service) -> None:
    service.answers["/owners"] = {"name": "a", "nickname": None, "age": None, "note": None}
    with pets.PetUnionClient(service.url) as client:
        owner = client.owners.create(pets.Owner(name="a", nickname=None))
        assert owner.nickname is None and owner.age is None and owner.pet is pets.NOT_GIVEN and owner.note is None
        assert owner.to_dict() == {"name": "a", "nickname": None, "age": None}
        service.answers["/owners"] = {"name": "a", "nickname": "n", "pet": {"petType": "cat", "name": "Tom"}}
        owner = client.owners.create(pets.Owner(name="a", nickname="n"))
        assert owner.age is pets.NOT_GIVEN and not owner.age and type(owner.pet) is pets.Cat
    assert repr(pets.NOT_GIVEN) == "NOT_GIVEN"


# -- durations a service really sends --------------------------------------------------------


def test_durations_with_years_months_or_beyond_range_decode(pets: ModuleType, service: Service) -> None:
    service.answers["/owners"] = {
        "name": "a",
        "nickname": None,
        "lease": "P1Y2M3DT4H",
        "leases": ["PT5M", "P1000000000D", "-P2W", "P0.5Y"],
    }
    with pets.PetUnionClient(service.url) as client:
        owner = client.owners.create(pets.Owner(name="a", nickname=None))
    lease = owner.lease
    assert isinstance(lease, datetime.timedelta) and type(lease) is pets.Duration
    assert (lease.years, lease.months, lease.text) == (1, 2, "P1Y2M3DT4H")
    assert lease - datetime.timedelta(0) == datetime.timedelta(days=3, hours=4)  # the fixed part
    five, huge, back, half = owner.leases
    assert type(five) is datetime.timedelta and five == datetime.timedelta(minutes=5)
    assert type(huge) is pets.Duration and huge.text == "P1000000000D" and huge - datetime.timedelta(0) == datetime.timedelta.max
    assert type(back) is datetime.timedelta and back == -datetime.timedelta(weeks=2)
    assert type(half) is pets.Duration and half.text == "P0.5Y"
    assert owner.to_dict()["lease"] == "P1Y2M3DT4H" and owner.to_dict()["leases"] == ["PT5M", "P1000000000D", "-P14D", "P0.5Y"]
    assert lease != datetime.timedelta(days=3, hours=4) and lease == pets.Duration("P1Y2M3DT4H", 1, 2, datetime.timedelta(days=3, hours=4))


# -- OpenAPI 3.1: type lists, const, anyOf with null -----------------------------------------


def test_const_literals_and_type_lists(events: ModuleType, service: Service) -> None:
    service.answers["/events/7"] = {
        "kind": "event",
        "payload": {"type": "scroll", "x": 1, "delta": 0.5},
        "title": None,
        "when": "2024-01-02",
        "amount": "12",
    }
    with events.EventClient(service.url) as client:
        event = client.events.get(7)  # path parameter of type [string, integer]
        assert service.seen[-1][1] == "/events/7"
        assert type(event.payload) is events.Scroll  # told apart from Click by its const `type`
        assert event.title is None and event.score is events.NOT_GIVEN and event.version == 2
        assert event.when == datetime.date(2024, 1, 2) and type(event.when) is datetime.date
        assert event.amount == "12"
        service.answers["/events/7"] = {"kind": "event", "payload": {"type": "click", "x": 3}, "amount": 12, "when": "2024-01-02T03:04:05Z", "score": None}
        event = client.events.get("7")
        assert type(event.payload) is events.Click and event.amount == 12 and event.score is None
        assert event.when == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
        service.answers["/events/7"] = {"kind": "other", "payload": {"type": "click", "x": 3}}
        with pytest.raises(events.DecodeError, match="kind"):
            client.events.get("7")


def test_unions_are_encoded_by_runtime_type(events: ModuleType, service: Service) -> None:
    with events.EventClient(service.url) as client:
        client.events.create(events.Event(payload=events.Click(x=1), when=datetime.date(2024, 5, 6), amount=3, title=None))
    assert service.seen[-1][2] == {
        "kind": "event",
        "version": 2,
        "title": None,
        "payload": {"type": "click", "x": 1},
        "when": "2024-05-06",
        "amount": 3,
    }


# -- names that used to break the package ----------------------------------------------------


def test_names_that_shadow_python_or_the_runtime(pets: ModuleType) -> None:
    settings = pets.Settings.from_dict({"field": "f", "str": "s", "dataclass": 1, "retry": {"attempts": 2}})
    assert (settings.field_, settings.str_, settings.dataclass_) == ("f", "s", 1)
    assert type(settings.retry).__name__ == "RetryPolicy_2" and settings.retry.attempts == 2
    # the runtime's own names stay the runtime's
    assert pets.RetryPolicy.__module__ == "union_pets._pipeline" and pets.Download.__module__ == "union_pets._download"
    assert pets.ItemPaged.__module__ == "union_pets._paging" and isinstance(pets.VERSION, str)
    assert issubclass(pets.WrappedCat, pets.Cat)  # a model with only inherited fields
    wrapped = pets.WrappedCat.from_dict({"petType": "cat", "name": "Tom"})
    assert wrapped.to_dict() == {"petType": "cat", "name": "Tom"}


# -- found by a second reading -----------------------------------------------------------------


def test_constant_discriminators_nested_unions_and_nullable_refs(events: ModuleType, service: Service) -> None:
    service.answers["/shapes"] = {
        "shapes": [{"kind": "circle", "radius": 1}, {"kind": "square", "side": 2}, {"kind": "hexagon"}],
        "maybe": [None, {"side": 3}],  # items of a schema typed [object, "null"]
        "nested": [1, "x", True],
        "kinds": [{"kind": "a"}, {"kind": "zzz", "other": 1}],
    }
    with events.EventClient(service.url) as client:
        drawing = client.shapes.list(level="high")
    assert service.seen[-1][1] == "/shapes?level=high"
    circle, square, unknown = drawing.shapes
    # no mapping: each variant's const names its value (and the schema name would too)
    assert type(circle) is events.Circle and type(square) is events.Square
    assert type(unknown) is events.UnknownVariant and unknown.additional_properties == {"kind": "hexagon"}
    assert drawing.maybe[0] is None and drawing.maybe[1].side == 3
    assert drawing.nested == [1, "x", True]
    # exact shape first: "zzz" is not one of Kind1's enum values, so Kind2
    assert [type(k).__name__ for k in drawing.kinds] == ["Kind1", "Kind2"]
    assert drawing.nothing is events.NOT_GIVEN and "nothing" not in drawing.to_dict()
    assert drawing.quoted == 'say "hi"'


def test_nullable_object_response_may_be_null(events: ModuleType, service: Service) -> None:
    service.answers["/nothing"] = None
    at = [datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)]
    with events.EventClient(service.url) as client:
        assert client.events.get_nothing(at=at) is None
        service.answers["/nothing"] = {"side": 2}
        assert client.events.get_nothing().side == 2
    assert service.seen[0][1] == "/nothing?at=2024-01-02T03%3A04%3A05Z"  # list items by their own type


def test_one_inline_enum_class_per_name_and_values(events: ModuleType) -> None:
    assert events.Level.HIGH == "high" and f"{events.Level.HIGH}" == "high"
    assert not hasattr(events, "Level_2")


def test_durations_copy_pickle_and_sign(pets: ModuleType) -> None:
    import copy
    import dataclasses
    import pickle

    owner = pets.Owner.from_dict({"name": "a", "nickname": None, "lease": "-P1Y2MT3H"})
    lease = owner.lease
    assert (lease.years, lease.months) == (-1, -2) and lease - datetime.timedelta(0) == -datetime.timedelta(hours=3)
    assert copy.deepcopy(lease) == lease and pickle.loads(pickle.dumps(lease)) == lease
    assert dataclasses.asdict(owner)["lease"] == lease
