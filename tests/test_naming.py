"""Table-driven tests of the naming module: one small pure module decides every Python name."""

from __future__ import annotations

import keyword
import unicodedata

import pytest

from generator import naming

SNAKE = [
    ("If-Match", "if_match"),
    ("If-None-Match", "if_none_match"),
    ("client-request-id", "client_request_id"),
    ("return-client-request-id", "return_client_request_id"),
    ("ocp-date", "ocp_date"),
    ("api-version", "api_version"),
    ("jobId", "job_id"),
    ("DataServiceId", "data_service_id"),
    ("ETag", "etag"),
    ("IPAddress", "ip_address"),
    ("OSDisk", "os_disk"),
    ("odata.nextLink", "odata_next_link"),
    ("$filter", "filter_"),  # a builtin, as a parameter
    ("$select", "select"),
    ("class", "class_"),
    ("type", "type_"),
    ("self", "self"),  # reserved only in method scope (see below)
    ("2fa", "n2fa"),
    ("v2Name", "v2_name"),
    ("maxresults", "maxresults"),
    ("Über", "über"),
    ("---", "value"),
    ("ｆｕｌｌｗｉｄｔｈ", "fullwidth"),  # NFKC: look-alikes fold to the letters Python would read
]


@pytest.mark.parametrize(("wire", "python"), SNAKE)
def test_snake(wire: str, python: str) -> None:
    assert naming.snake(wire) == python
    assert python.isidentifier() and not keyword.iskeyword(python)


@pytest.mark.parametrize(("wire", "python"), [("type", "type"), ("id", "id"), ("class", "class_"), ("str", "str_"), ("datetime", "datetime_")])
def test_attribute_names_may_be_builtins_but_not_keywords_or_module_names(wire: str, python: str) -> None:
    assert naming.snake(wire, attribute=True) == python


def test_reserved_names_of_a_scope_get_a_suffix() -> None:
    assert naming.snake("self", {"self"}) == "self_"


@pytest.mark.parametrize(
    ("wire", "cls"),
    [("BatchError", "BatchError"), ("batch-error", "BatchError"), ("ETag", "ETag"), ("2fa", "N2fa"), ("class", "Class"), ("None", "None_")],
)
def test_pascal(wire: str, cls: str) -> None:
    assert naming.pascal(wire) == cls


@pytest.mark.parametrize(
    ("prefix", "group"),
    [("Task", "tasks"), ("Pool", "pools"), ("ComputeNodeExtension", "compute_node_extensions"), ("JobSchedule", "job_schedules"),
     ("Tasks", "tasks"), ("Policy", "policies"), ("Box", "boxes"), ("Object", "objects"), ("Filter", "filters"), ("2fa", "n2fas")],
)
def test_group_names(prefix: str, group: str) -> None:
    assert naming.group_name(prefix) == group


@pytest.mark.parametrize(
    ("operation_id", "split"),
    [("Task_Reactivate", ("Task", "Reactivate")), ("Pool_ListUsageMetrics", ("Pool", "ListUsageMetrics")),
     ("list_pets", None), ("reactivateTask", None), ("_Hidden", None)],
)
def test_split_operation_id(operation_id: str, split: tuple[str, str] | None) -> None:
    assert naming.split_operation_id(operation_id) == split


def test_names_differing_only_in_case_or_punctuation_are_made_unique_in_order() -> None:
    namer = naming.Namer({"self"})
    names = [namer.claim(naming.snake(w, {"self"})) for w in ["foo-bar", "foo_bar", "fooBar", "FooBar", "self", "self_"]]
    assert names == [
        ("foo_bar", False), ("foo_bar_2", True), ("foo_bar_3", True), ("foo_bar_4", True), ("self_", False), ("self__2", True),
    ]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=3000, deadline=None, database=None, derandomize=bool(__import__("os").environ.get("CI")))
@given(st.text(max_size=30))
def test_any_text_becomes_a_valid_name(text: str) -> None:
    for name in (naming.snake(text), naming.snake(text, attribute=True), naming.pascal(text), naming.method_name(text),
                 naming.group_name(text), naming.constant(text)):
        assert name.isidentifier() and not keyword.iskeyword(name), (text, name)
        assert unicodedata.normalize("NFKC", name) == name, (text, name)  # what Python's parser makes of it


def test_module_names_fit_in_a_file_name() -> None:
    # a schema or tag named by hostile or very long text must still give a writable file name
    long_a, long_b = "_" + "a" * 300, "_" + "a" * 299 + "b"
    for name in (long_a, long_b, "_" + "é" * 200):
        module = naming.module_name(name)
        assert len((module + ".py").encode("utf-8")) <= 255 and module.isidentifier()
    assert naming.module_name(long_a) != naming.module_name(long_b)
    assert naming.module_name("_short") == "_short"


def test_docs_page_names_fit_in_a_file_name() -> None:
    # a docs page is named after its group and method: hostile text made them longer than 255 bytes
    long_group, long_method = "g" * 150, "m" * 150
    page = naming.file_name(f"{long_group}.{long_method}", ".md")
    assert page.endswith(".md") and len(page.encode("utf-8")) <= 200
    assert naming.file_name(f"{long_group}.{long_method}x", ".md") != page
    assert naming.file_name("tasks.list", ".md") == "tasks.list.md"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAbBzZ09_.- $xXyY"), max_size=14))
def test_the_ascii_fast_path_splits_as_the_character_rules_do(name: str) -> None:
    # words() takes a regular expression for ASCII names; the per-character rules are the spec
    assert naming._words(name) == naming._unicode_words(name)


@pytest.mark.parametrize(
    "name",
    ["ETag", "IPAddress", "HTTPServer", "ABCdEF", "getHTTPResponse", "v2beta", "2fa", "SHA256Hash", "odata.nextLink", "UPPER_CASE"],
)
def test_the_ascii_fast_path_on_known_shapes(name: str) -> None:
    assert naming._words(name) == naming._unicode_words(name)
