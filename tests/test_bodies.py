"""Request and response bodies by media type, through generated clients (sync and async) to a
real HTTP server on 127.0.0.1 that records every request as it arrived. Multipart bodies are
read back with the standard library's ``email`` parser, not with our own code."""

from __future__ import annotations

import asyncio
import email
import email.policy
import importlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.options import Options
from generator.pipeline import generate_files
from generator.write import write_tree

from local_server import RecordingHandler, Seen, serving

SPEC = Path(__file__).resolve().parent / "specs" / "public" / "bodies-3.0.yaml"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64


@pytest.fixture(scope="module")
def bodies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, list[str]]]:
    root = tmp_path_factory.mktemp("bodies")
    result = generate_files(SPEC, Options("bd_bodies"))
    assert result.files is not None, [p.format() for p in result.problems]
    write_tree(root, result.files)
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("bd_bodies"), [p.format() for p in result.problems]
    finally:
        sys.path.remove(str(root))


class _Handler(RecordingHandler):
    seen: list[Seen] = []
    fail_next: list[int] = []

    def answer(self, body: bytes) -> None:
        if type(self).fail_next:
            return self.reply(type(self).fail_next.pop())
        meta = json.dumps({"kind": "k", "count": 2}).encode()
        match self.command, self.path:
            case "GET", "/binary":
                return self.reply(200, PNG, "application/octet-stream")
            case "POST", "/text":
                return self.reply(200, body.decode("utf-8").upper().encode("latin-1"), "text/plain; charset=latin-1")
            case "GET", "/vendor":
                return self.reply(200, meta, "application/vnd.example+json")
            case "GET", "/star":
                return self.reply(200, meta, "application/json")
        return self.reply(204)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(_Handler) as url:
        yield url


def _last() -> Seen:
    return _Handler.seen[-1]


def _multipart(headers: dict[str, str], body: bytes) -> list[tuple[str, str | None, str, bytes]]:
    """(name, filename, content type, content) of each part, as the email package reads them."""
    message = email.message_from_bytes(
        b"Content-Type: " + headers["content-type"].encode() + b"\r\n\r\n" + body, policy=email.policy.HTTP
    )
    assert message.is_multipart()
    return [
        (part.get_param("name", header="content-disposition"), part.get_filename(), part.get_content_type(), part.get_payload(decode=True))
        for part in message.iter_parts()  # type: ignore[attr-defined]
    ]


def test_url_encoded_form_body(bodies: tuple[ModuleType, list[str]], server: str) -> None:
    pkg, _ = bodies
    with pkg.BodiesClient(server) as client:
        client.bodies.send_form("a&b c", tags=["x", "y,z"], size=3, meta={"k": "v"})
    method, _, headers, body = _last()
    assert (method, headers["content-type"]) == ("POST", "application/x-www-form-urlencoded")
    assert body == b"name=a%26b%20c&tags=x&tags=y%2Cz&size=3&meta%5Bk%5D=v"


def test_multipart_fields_and_files(bodies: tuple[ModuleType, list[str]], server: str, tmp_path: Path) -> None:
    pkg, _ = bodies
    path = tmp_path / "photo.png"
    path.write_bytes(PNG)
    with pkg.BodiesClient(server) as client:
        for given, filename, content_type in (
            (PNG, "file", "image/png"),  # bytes: the field's name, the encoding's contentType
            (path, "photo.png", "image/png"),  # a path: its file name
            (io.BytesIO(PNG), "file", "image/png"),  # a binary file object
            (pkg.FilePart(PNG, filename='a "b".png', content_type="image/x-test"), "a %22b%22.png", "image/x-test"),
        ):
            client.bodies.upload(given, title="Ti\u00e9", tags=["t1", "t2"], meta=pkg.Meta(kind="m", count=1))
            _, _, headers, body = _last()
            assert headers["content-type"].startswith("multipart/form-data; boundary=")
            assert int(headers["content-length"]) == len(body)
            assert _multipart(headers, body) == [
                ("title", None, "text/plain", "Ti\u00e9".encode()),
                ("tags", None, "text/plain", b"t1"),
                ("tags", None, "text/plain", b"t2"),
                ("meta", None, "application/json", b'{"kind":"m","count":1}'),
                ("file", filename, content_type, PNG),
            ]


def test_binary_bodies_are_streamed(bodies: tuple[ModuleType, list[str]], server: str, tmp_path: Path) -> None:
    pkg, _ = bodies
    path = tmp_path / "blob.bin"
    path.write_bytes(PNG)
    with pkg.BodiesClient(server) as client:
        client.bodies.put_binary(PNG)
        assert _last()[2]["content-type"] == "application/octet-stream" and _last()[3] == PNG
        client.bodies.put_binary(path)
        assert _last()[2]["content-length"] == str(len(PNG)) and _last()[3] == PNG
        with path.open("rb") as file:
            file.seek(8)  # a file object is read from where it stands
            client.bodies.put_binary(file)
        assert _last()[3] == PNG[8:]
        client.bodies.put_binary(iter([PNG[:100], PNG[100:]]))  # unknown length: chunked
        assert _last()[2]["transfer-encoding"] == "chunked" and "content-length" not in _last()[2]
        assert _last()[3] == PNG


def test_a_streamed_body_is_not_retried_but_a_replayable_one_is(bodies: tuple[ModuleType, list[str]], server: str) -> None:
    pkg, _ = bodies
    with pkg.BodiesClient(server, retry=pkg.RetryPolicy(max_retries=2, backoff_factor=0)) as client:
        before = len(_Handler.seen)
        _Handler.fail_next[:] = [503]
        client.bodies.put_binary(PNG)  # bytes can be sent again
        assert len(_Handler.seen) - before == 2
        _Handler.fail_next[:] = [503]
        with pytest.raises(pkg.BodiesServiceError) as caught:
            client.bodies.put_binary(iter([PNG]))  # an iterator was consumed by the first attempt
        assert caught.value.status_code == 503 and len(_Handler.seen) - before == 3


def test_text_xml_and_json_choice(bodies: tuple[ModuleType, list[str]], server: str) -> None:
    pkg, problems = bodies
    with pkg.BodiesClient(server) as client:
        assert client.bodies.post_text("h\u00e9llo") == "H\u00c9LLO"  # sent UTF-8, decoded by its charset
        _, _, headers, body = _last()
        assert (headers["content-type"], body, headers["accept"]) == ("text/plain", "h\u00e9llo".encode(), "text/plain")
        client.bodies.post_xml(b"<Meta><kind>x</kind></Meta>")  # not encoded by us: the bytes as given
        assert _last()[2]["content-type"] == "application/xml" and _last()[3] == b"<Meta><kind>x</kind></Meta>"
        client.bodies.post_choice(pkg.Meta(kind="j"))  # JSON first, whatever the order of the description
        assert _last()[2]["content-type"] == "application/json" and _last()[3] == b'{"kind":"j"}'
    assert any("'application/xml' is not encoded by the client" in p and "bodies-3.0.yaml:83:" in p for p in problems)


def test_the_caller_chooses_among_declared_media_types(bodies: tuple[ModuleType, list[str]], server: str) -> None:
    pkg, _ = bodies
    with pkg.BodiesClient(server) as client:
        client.bodies.put_image(PNG)
        assert _last()[2]["content-type"] == "image/png"  # the first declared, by default
        client.bodies.put_image(PNG, content_type="image/jpeg")
        assert _last()[2]["content-type"] == "image/jpeg" and _last()[3] == PNG
        client.bodies.patch_meta(body=pkg.Meta(count=1))
        assert _last()[2]["content-type"] == "application/merge-patch+json"  # JSON first: both are
        client.bodies.patch_meta(body=pkg.Meta(count=1), content_type="application/json")
        assert _last()[2]["content-type"] == "application/json" and _last()[3] == b'{"count":1}'
        client.bodies.post_range(pkg.Meta(count=2))  # a range (application/*+json) names no type
        assert _last()[2]["content-type"] == "application/json"


def test_responses_by_media_type(bodies: tuple[ModuleType, list[str]], server: str) -> None:
    pkg, problems = bodies
    with pkg.BodiesClient(server) as client:
        with client.bodies.get_binary() as download:
            assert b"".join(download) == PNG
        assert _last()[2]["accept"] == "application/octet-stream"
        vendor = client.bodies.get_vendor()
        assert vendor == pkg.Meta(kind="k", count=2)
        assert _last()[2]["accept"] == "application/vnd.example+json, application/problem+json"
        assert client.bodies.get_star() == pkg.Meta(kind="k", count=2)
        assert client.bodies.get_maybe() is None  # 204: no body, never parsed as JSON
        assert client.bodies.delete_empty() is None  # a 204 declared with JSON content
    assert any("a 204 response has no body" in p for p in problems)


def test_async_multipart_and_binary(bodies: tuple[ModuleType, list[str]], server: str) -> None:
    pkg, _ = bodies

    async def main() -> None:
        async with pkg.AsyncBodiesClient(server) as client:
            await client.bodies.upload(io.BytesIO(PNG), title="t")
            _, _, headers, body = _last()
            assert _multipart(headers, body) == [("title", None, "text/plain", b"t"), ("file", "file", "image/png", PNG)]
            await client.bodies.put_binary(iter([PNG[:10], PNG[10:]]))
            assert _last()[3] == PNG
            assert await client.bodies.post_text("abc") == "ABC"

    asyncio.run(main())
