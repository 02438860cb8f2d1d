"""Parameter serialisation, style by style, against the examples of the OpenAPI specification
itself ("Style Examples", as corrected in 3.1.1 to follow RFC 6570): ``color = "blue"``,
``color = ["blue", "black", "brown"]``, ``color = {"R": 100, "G": 200, "B": 150}``.

Two levels: the runtime functions of a generated package, table by table; and every location
through a generated client to a real HTTP server on 127.0.0.1 that records the raw request target,
headers and body as they arrived.
"""

from __future__ import annotations

import datetime
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.options import Options
from generator.pipeline import generate_files
from generator.write import write_tree

from local_server import RecordingHandler, Seen, serving

PUBLIC = Path(__file__).resolve().parent / "specs" / "public"
STRING, ARRAY, OBJECT = "blue", ["blue", "black", "brown"], {"R": 100, "G": 200, "B": 150}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ModuleType]]:
    root = tmp_path_factory.mktemp("styles")
    out: dict[str, ModuleType] = {}
    for spec, name in (("styles-3.0.yaml", "st_styles3"), ("styles-2.0.json", "st_styles2")):
        result = generate_files(PUBLIC / spec, Options(name))
        assert result.files is not None, [p.format() for p in result.problems]
        write_tree(root / name, result.files)  # the project; the package is inside it
        sys.path.insert(0, str(root / name))
        out[name] = importlib.import_module(name)
    yield out
    for name in out:
        sys.path.remove(str(root / name))


@pytest.fixture(scope="module")
def ser(packages: dict[str, ModuleType]) -> ModuleType:
    return importlib.import_module("st_styles3._serialization")


# (style, explode) → (string, array, object) in the path: the spec's table, RFC 6570 for label.
PATH_TABLE = [
    ("simple", False, "blue", "blue,black,brown", "R,100,G,200,B,150"),
    ("simple", True, "blue", "blue,black,brown", "R=100,G=200,B=150"),
    ("label", False, ".blue", ".blue,black,brown", ".R,100,G,200,B,150"),
    ("label", True, ".blue", ".blue.black.brown", ".R=100.G=200.B=150"),
    ("matrix", False, ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"),
    ("matrix", True, ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"),
]

# (style, explode) → (string, array, object) in the query, as the query string reads.
QUERY_TABLE = [
    ("form", False, "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"),
    ("form", True, "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"),
    ("spaceDelimited", False, None, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"),
    ("pipeDelimited", False, None, "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150"),
    ("deepObject", True, None, None, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
]
DELIMITERS = {"form": ",", "spaceDelimited": "%20", "pipeDelimited": "%7C"}


def _query(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{k}={v}" for k, v in pairs)


@pytest.mark.parametrize(("style", "explode", "string", "array", "obj"), PATH_TABLE)
def test_path_styles_match_the_specification(ser: ModuleType, style: str, explode: bool, string: str, array: str, obj: str) -> None:
    if style == "simple":
        assert ser.path_segment("color", STRING) == string
    else:
        assert ser.path_value("color", STRING, style) == string
    assert ser.path_array("color", ARRAY, ser.ser_str, style, explode) == array
    assert ser.path_object("color", OBJECT, style, explode) == obj


@pytest.mark.parametrize(("style", "explode", "string", "array", "obj"), QUERY_TABLE)
def test_query_styles_match_the_specification(ser: ModuleType, style: str, explode: bool, string: str | None, array: str | None, obj: str) -> None:
    if string is not None:
        assert _query([("color", ser.encode_query(STRING))]) == string
    if array is not None:
        delimiter = "" if explode else DELIMITERS[style]
        assert _query(ser.query_array("color", ARRAY, ser.ser_str, delimiter)) == array
    assert _query(ser.query_object("color", OBJECT, style, explode)) == obj


def test_empty_values_match_the_specification(ser: ModuleType) -> None:
    # the table's "empty" column: a value of "" (form ``color=``, matrix ``;color``, label ``.``)
    assert _query([("color", ser.encode_query(""))]) == "color="
    assert ser.path_value("color", "", "matrix") == ";color"
    assert ser.path_value("color", "", "label") == "."
    # an empty array or object the same, whatever explode says (it sent ``;color=`` or nothing)
    for explode in (False, True):
        assert ser.path_array("color", [], ser.ser_str, "matrix", explode) == ";color"
        assert ser.path_object("color", {}, "matrix", explode) == ";color"
        assert ser.path_array("color", [], ser.ser_str, "label", explode) == "."
        assert ser.path_object("color", {}, "label", explode) == "."
    assert ser.query_array("color", [], ser.ser_str, "") == []  # an empty exploded array: nothing


def test_headers_and_cookies(ser: ModuleType) -> None:
    assert ser.header_array(ARRAY, ser.ser_str) == "blue,black,brown"
    assert ser.header_object(OBJECT, False) == "R,100,G,200,B,150"
    assert ser.header_object(OBJECT, True) == "R=100,G=200,B=150"
    assert ser.cookie_array("color", ARRAY, ser.ser_str, True) == [("color", "blue"), ("color", "black"), ("color", "brown")]
    assert ser.cookie_array("color", ARRAY, ser.ser_str, False) == [("color", "blue,black,brown")]
    assert ser.cookie_object("color", OBJECT, False) == [("color", "R,100,G,200,B,150")]
    assert ser.join_cookies([("a", "1"), ("b", "2")]) == "a=1; b=2"
    # what a cookie value may not hold is encoded: no injected attribute or second cookie
    assert ser.encode_cookie("x; admin=1") == "x%3B%20admin=1"


def test_values_are_encoded_and_delimiters_are_not(ser: ModuleType) -> None:
    # a comma inside a value is data, not a delimiter; reserved characters only with allowReserved
    assert ser.query_array("c", ["a,b", "c d"], ser.ser_str, ",") == [("c", "a%2Cb,c%20d")]
    assert ser.path_array("c", ["a/b", "c"], ser.ser_str, "simple", False) == "a%2Fb,c"
    assert ser.encode_query("a/b?c&d=e#f+g") == "a%2Fb%3Fc%26d%3De%23f%2Bg"
    assert ser.encode_query("a/b?c&d=e#f+g", True) == "a/b?c%26d%3De%23f%2Bg"



@pytest.mark.parametrize(
    "text",
    ["job1", "2024-07-01.20.0", "A-z_0.9~", "..", "a b", "a/b", "a%2F", "é", "ｊｏｂ", "x\n", "٣", "K\u212a", "-"],
)
def test_the_plain_text_fast_path_encodes_as_quote_does(ser: ModuleType, text: str) -> None:
    # path segments and query items skip quote() when it would change nothing: same output
    from urllib.parse import quote

    assert ser.path_segment("p", text) == quote(text, safe="")
    assert ser.encode_query(text) == quote(text, safe="")
    assert ser.encode_query(text, True) == quote(text, safe=":/?[]@!$'()*,;")


def test_new_uuid4_is_a_canonical_random_version_4_uuid(ser: ModuleType) -> None:
    import uuid

    seen = {ser.new_uuid4() for _ in range(2000)}
    assert len(seen) == 2000
    for text in seen:
        value = uuid.UUID(text)
        assert str(value) == text and value.version == 4 and value.variant == uuid.RFC_4122
    assert {text[19] for text in seen} == set("89ab")  # every variant digit, none other

# -- through a generated client, to a real server --------------------------------------------


class _Recorder(RecordingHandler):
    seen: list[Seen] = []


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(_Recorder) as url:
        yield url


def _last() -> Seen:
    return _Recorder.seen[-1]


@pytest.mark.parametrize(("style", "explode", "string", "array", "obj"), PATH_TABLE)
def test_path_styles_on_the_wire(packages: dict[str, ModuleType], server: str, style: str, explode: bool, string: str, array: str, obj: str) -> None:
    pkg = packages["st_styles3"]
    tag = style + ("_explode" if explode else "")
    with pkg.StylesClient(server) as client:
        getattr(client.styles, f"path_{tag}")(STRING, ARRAY, OBJECT)
    # the operation's three parameters are named color, colors and rgb
    assert _last()[1] == f"/path/{tag}/{string}/{array.replace('color', 'colors')}/{obj.replace('color', 'rgb')}"


@pytest.mark.parametrize(("style", "explode", "string", "array", "obj"), QUERY_TABLE)
def test_query_styles_on_the_wire(packages: dict[str, ModuleType], server: str, style: str, explode: bool, string: str | None, array: str | None, obj: str) -> None:
    pkg = packages["st_styles3"]
    tag = style + ("_explode" if explode else "")
    args = [v for v, shown in ((STRING, string), (ARRAY, array), (OBJECT, obj)) if shown is not None]
    method = {"spaceDelimited": "space_delimited", "pipeDelimited": "pipe_delimited", "deepObject": "deep_object"}.get(style, style)
    with pkg.StylesClient(server) as client:
        getattr(client.styles, f"query_{method}{'_explode' if explode else ''}")(*args)
    renamed = (string, array and array.replace("color", "colors"), obj.replace("color", "rgb"))
    assert _last()[1] == f"/query/{tag}?" + "&".join(s for s in renamed if s is not None)


@pytest.mark.parametrize("explode", [False, True])
def test_header_and_cookie_styles_on_the_wire(packages: dict[str, ModuleType], server: str, explode: bool) -> None:
    pkg = packages["st_styles3"]
    tag = "_explode" if explode else ""
    with pkg.StylesClient(server) as client:
        getattr(client.styles, f"header_simple{tag}")(STRING, ARRAY, OBJECT)
        headers = _last()[2]
        assert (headers["x-color"], headers["x-colors"]) == ("blue", "blue,black,brown")
        assert headers["x-rgb"] == ("R=100,G=200,B=150" if explode else "R,100,G,200,B,150")
        getattr(client.styles, f"cookie_form{tag}")(STRING, ARRAY, OBJECT)
        expected = (
            "color=blue; colors=blue; colors=black; colors=brown; R=100; G=200; B=150"
            if explode
            else "color=blue; colors=blue,black,brown; rgb=R,100,G,200,B,150"
        )
        assert _last()[2]["cookie"] == expected


def test_reserved_json_enum_and_model_parameters_on_the_wire(packages: dict[str, ModuleType], server: str) -> None:
    pkg = packages["st_styles3"]
    with pkg.StylesClient(server) as client:
        client.styles.query_reserved("/a/b:c?d&e", "/a/b:c?d&e")
        assert _last()[1] == "/query/reserved?path=/a/b:c?d%26e&plain=%2Fa%2Fb%3Ac%3Fd%26e"
        client.styles.query_json(pkg.Filter(name="x y", tags=["a"]))
        assert _last()[1] == "/query/json?filter=%7B%22name%22%3A%22x%20y%22%2C%22tags%22%3A%5B%22a%22%5D%7D"
        client.styles.query_enums([pkg.StatusItem.AVAILABLE, "sold"], ids=[1, 2])
        assert _last()[1] == "/query/enums?status=available,sold&ids=1&ids=2"
        client.styles.query_model(pkg.Point(x=1, y=2))  # an unset optional property is left out
        assert _last()[1] == "/query/model?point%5Bx%5D=1&point%5By%5D=2"


def test_swagger_collection_formats_on_the_wire(packages: dict[str, ModuleType], server: str) -> None:
    pkg = packages["st_styles2"]
    with pkg.CollectionFormatsClient(server) as client:
        when = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=datetime.timezone.utc)
        client.collections.get([1, 2], ["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"], ["a b", "c,d"], ["x", "y"], when=when)
        _, target, headers, _ = _last()
        assert target == (
            "/collections/1,2?csv=a,b&ssv=c%20d&tsv=e%09f&pipes=g%7Ch&multi=a%20b&multi=c%2Cd&when=2026-12-02T10%3A00%3A00Z"
        )
        assert headers["x-tags"] == "x,y"
        client.collections.post("n&m", ["t1", "t 2"], sizes=[3, 4])
        method, target, headers, body = _last()
        assert (method, target, headers["content-type"]) == ("POST", "/collections", "application/x-www-form-urlencoded")
        assert body == b"name=n%26m&tags=t1&tags=t%202&sizes=3%7C4"
