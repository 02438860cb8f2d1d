"""What Prism's answer says about a call, and the reports: each call ends as one of

- ``accepted``: Prism found nothing wrong with the request (whatever status its mock chose);
- ``violation``: Prism named request violations (``sl-violations`` entries under ``request``,
  a 422 problem with ``validation``, 401 for missing credentials, or a route / method /
  content-type / accept it does not know);
- ``client_error``: the client raised before or without a Prism answer that explains it,
  refused a 2xx answer that is valid against the description, or its type refused a value the
  description allows (our bug);
- ``prism_invalid``: the request was fine, but Prism's own mock answer is not valid against the
  description (``--errors`` turns that into a 500 VIOLATIONS problem, or the 2xx body fails the
  response schema, or Prism crashed): judged and reported apart, never counted as ours;
- ``driver_error``: the driver could not build valid arguments (a gap there, not in the client).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.ir import Model, Operation

from prism_mock import Exchange
from prism_spec import Spec

Outcome = Literal[
    "accepted", "violation", "client_error", "prism_invalid", "driver_error"
]
OUTCOMES: tuple[Outcome, ...] = (
    "accepted",
    "violation",
    "client_error",
    "prism_invalid",
    "driver_error",
)
Mode = Literal["required", "all"]
# Prism's problem types (the fragment of ``type``) that say the request is wrong.
REQUEST_PROBLEMS = {
    "UNPROCESSABLE_ENTITY": "body/parameters",
    "UNAUTHORIZED": "security",
    "NO_PATH_MATCHED_ERROR": "route",
    "NO_METHOD_MATCHED_ERROR": "method",
    "NO_SERVER_MATCHED_ERROR": "server",
    "INVALID_CONTENT_TYPE": "content-type",
    "NOT_ACCEPTABLE": "accept",
}


@dataclass(frozen=True)
class Violation:
    location: (
        str  # Prism's location without the leading "request", e.g. "query.status.0"
    )
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


@dataclass
class Call:
    spec: str
    client: str  # "sync" or "async"
    mode: Mode
    operation: str  # "pets.find_by_status"
    operation_id: str
    http: str  # "GET /pet/findByStatus" (the description's template)
    outcome: Outcome = "accepted"
    status: int = 0
    request: str = ""  # what went over the wire: method and target
    violations: list[Violation] = field(default_factory=list)
    detail: str = ""  # exception, judgement or note

    def describe(self) -> str:
        head = f"{self.operation} ({self.operation_id}, {self.client}, {self.mode}): {self.request or self.http}"
        said = "; ".join(
            [str(v) for v in self.violations] + ([self.detail] if self.detail else [])
        )
        return head + (f" -> {said}" if said else "")


@dataclass
class SpecReport:
    spec: str
    operations: int = 0  # in the IR
    not_generated: list[str] = field(
        default_factory=list
    )  # spec operations absent from the IR
    calls: list[Call] = field(default_factory=list)
    credentials: str = ""
    problem: str = ""  # why nothing was driven (generation or Prism failed)
    seconds: float = 0.0

    def count(self, outcome: Outcome) -> int:
        return sum(1 for c in self.calls if c.outcome == outcome)

    def of(self, *outcomes: Outcome) -> list[Call]:
        return [c for c in self.calls if c.outcome in outcomes]


def _problem(exchange: Exchange) -> dict[str, Any]:
    if "problem+json" not in exchange.response_headers.get("content-type", ""):
        return {}
    try:
        body = json.loads(exchange.response_body)
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _entries(raw: Any, prefix: str, prefixed: bool = True) -> list[Violation]:
    """Error-severity entries under ``prefix``; ``prefixed=False`` for a 422 problem's
    ``validation``, whose locations start at "query", "body"… (only the header says "request").
    """
    out = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or item.get("severity", "Error") != "Error":
            continue
        location = [str(p) for p in item.get("location") or []]
        if location[:1] == [prefix]:
            location = location[1:]
        elif prefixed:
            continue
        out.append(Violation(".".join(location), str(item.get("message", ""))))
    return out


def _header_violations(exchange: Exchange, prefix: str) -> list[Violation]:
    raw = exchange.response_headers.get("sl-violations")
    if not raw:
        return []
    try:
        return _entries(json.loads(raw), prefix)
    except ValueError:  # "Too many violations! <truncated JSON>"
        return [Violation(prefix, raw[:300])] if prefix == "request" else []


def request_violations(exchange: Exchange) -> list[Violation]:
    """What Prism says is wrong with the request; empty when nothing is."""
    found = _header_violations(exchange, "request")
    problem = _problem(exchange)
    kind = str(problem.get("type", "")).rsplit("#", 1)[-1]
    if kind == "UNPROCESSABLE_ENTITY" or (kind == "VIOLATIONS" and not found):
        prefixed = (
            kind == "VIOLATIONS"
        )  # there the list mixes request and response entries
        found += [
            v
            for v in _entries(problem.get("validation"), "request", prefixed)
            if v not in found
        ]
        if kind == "UNPROCESSABLE_ENTITY" and not found:
            found.append(
                Violation("", str(problem.get("detail") or problem.get("title")))
            )
    elif kind in REQUEST_PROBLEMS:
        found.append(
            Violation(
                REQUEST_PROBLEMS[kind],
                f"{problem.get('title', '')}: {problem.get('detail', '')}"[:300],
            )
        )
    return found


def prism_own_violations(exchange: Exchange) -> list[Violation]:
    """Prism's mock answer is not valid against the description (``--errors`` made it a 500)."""
    problem = _problem(exchange)
    if str(problem.get("type", "")).rsplit("#", 1)[-1] == "VIOLATIONS":
        return _entries(problem.get("validation"), "response") or [
            Violation("response", str(problem.get("detail")))
        ]
    if exchange.status >= 500 and problem:
        return [
            Violation(
                "response",
                f"{problem.get('title', '')}: {problem.get('detail', '')}"[:300],
            )
        ]
    return []


def classify(
    call: Call,
    exchanges: list[Exchange],
    error: BaseException | None,
    spec: Spec,
    operation: Operation,
) -> None:
    """Fill in ``call`` from what went over the wire and how the client ended."""
    if not exchanges:
        if error is not None:
            call.outcome = "client_error"
            call.detail = f"{type(error).__name__}: {error}"[:400] + " (nothing sent)"
        else:
            call.outcome, call.detail = (
                "client_error",
                "the method returned without sending a request",
            )
        return
    first = exchanges[0]
    call.status = first.status
    call.request = f"{first.method} {first.target}"
    if first.error:
        call.outcome, call.detail = (
            "prism_invalid",
            f"no answer from Prism: {first.error}",
        )
        return
    found = request_violations(first)
    if found:
        call.outcome, call.violations = "violation", found
        call.detail = _judge_violations(found, first, spec, operation)
        if any(v.location == "security" for v in found):
            sent = [
                h
                for h, _ in first.request_headers
                if h.lower()
                not in (
                    "host",
                    "user-agent",
                    "accept",
                    "content-type",
                    "content-length",
                )
            ]
            call.violations = [
                (
                    Violation(
                        "security",
                        f"Prism requires {spec.security(operation.pointer)}; sent headers: {', '.join(sent) or 'none'}",
                    )
                    if v.location == "security"
                    else v
                )
                for v in found
            ]
        return
    own = prism_own_violations(first)
    if own:
        call.outcome, call.violations = "prism_invalid", own
        call.detail = "Prism's mock answer fails its own description (--errors)"
        return
    link = _mock_next_link(first, operation, spec.models)
    if error is not None and (len(exchanges) > 1 or link):
        # The page was accepted; what failed is following the next link Prism made up.
        later = exchanges[-1]
        followed = (
            f"a follow-up {later.method} {later.target[:120]}"
            if len(exchanges) > 1
            else "following it"
        )
        call.outcome = "prism_invalid"
        call.detail = (
            "the call's own request was accepted; "
            + (f"the mock's next link {link!r} is not a URL; " if link else "")
            + f"{followed} ended in {type(error).__name__}: {str(error)[:160]}"
        )
        return
    if error is None:
        call.outcome = "accepted"
        if not 200 <= first.status < 300:
            call.detail = f"{first.status} raised as the service error (Prism mocks a declared non-2xx answer)"
        return
    if not 200 <= first.status < 300 and hasattr(error, "status_code"):
        call.outcome = "accepted"
        call.detail = f"{first.status}: Prism's mock picked a declared non-2xx answer; raised {type(error).__name__}"
        return
    call.outcome, call.detail = _judge_answer(first, error, spec, operation)


def _mock_next_link(
    exchange: Exchange, operation: Operation, models: dict[str, Model]
) -> str:
    """The next link of a 2xx page when it is not a URL (Prism's static mock writes "string")."""
    if (
        operation.paging is None
        or not operation.paging.next_link_attr
        or not 200 <= exchange.status < 300
    ):
        return ""
    model = models.get(operation.paging.page_model)
    wire = next(
        (
            p.wire_name
            for p in (model.all_properties if model else ())
            if p.python_name == operation.paging.next_link_attr
        ),
        "",
    )
    try:
        body = json.loads(exchange.response_body)
    except ValueError:
        return ""
    link = body.get(wire) if isinstance(body, dict) and wire else None
    if isinstance(link, str) and link and not re.match(r"^(https?://|/)", link):
        return link
    return ""


def _judge_violations(
    found: list[Violation], exchange: Exchange, spec: Spec, operation: Operation
) -> str:
    """A note when the description itself makes the violation unavoidable: a body ``oneOf``
    whose variants overlap (no ``additionalProperties: false``) refuses every value that
    matches two of them, and Prism checks ``oneOf`` as plain JSON Schema, not by discriminator.
    """
    if "#" in operation.path and any(v.location == "route" for v in found):
        return (
            "judged: the description's fault: its path template holds a '#' (the AWS "
            "'/#Action=...' convention), which no HTTP request can carry to the server"
        )
    if operation.body is None or not any(
        v.location == "body" and "oneOf" in v.message for v in found
    ):
        return ""
    try:
        sent = json.loads(exchange.request_body)
    except ValueError:
        return ""
    schema, _ = spec.deref(spec.parameter_schema(operation.body))
    variants = schema.get("oneOf") if isinstance(schema, dict) else None
    refs = [
        v["$ref"]
        for v in variants or []
        if isinstance(v, dict) and isinstance(v.get("$ref"), str)
    ]
    matched = [ref.rsplit("/", 1)[-1] for ref in refs if not spec.validate(sent, ref)]
    if len(matched) > 1:
        return (
            f"judged: the description's fault, not the client's: the body sent matches {len(matched)} "
            f"oneOf variants ({', '.join(matched)}): they overlap, and Prism checks oneOf as plain "
            f"JSON Schema, without the discriminator"
        )
    return ""


def _judge_answer(
    exchange: Exchange, error: BaseException, spec: Spec, operation: Operation
) -> tuple[Outcome, str]:
    """The client refused an answer Prism did not flag: whose fault is it?"""
    raised = f"{type(error).__name__}: {str(error)[:200]}"
    media = exchange.response_headers.get("content-type", "").split(";")[0].strip()
    declared = spec.response_schema(operation.pointer, exchange.status, media)
    if declared is None:
        return (
            "client_error",
            f"{raised} on a {exchange.status} answer the description gives no schema for",
        )
    if not exchange.response_body.strip():
        return "prism_invalid", (
            f"{exchange.status} with an empty body (no content-type) where the description declares a schema; "
            f"the client raised {raised}"
        )
    try:
        body = json.loads(exchange.response_body)
    except ValueError:
        return (
            "prism_invalid",
            f"{exchange.status} body is not JSON ({media or 'no content-type'}); raised {raised}",
        )
    invalid = spec.validate(body, declared[1])
    if invalid and not invalid.startswith("(schema"):
        return (
            "prism_invalid",
            f"Prism's {exchange.status} body fails the response schema ({invalid}); raised {raised}",
        )
    return (
        "client_error",
        f"{raised} on a {exchange.status} body that is valid against the description {invalid}".rstrip(),
    )


def table(reports: list[SpecReport]) -> str:
    """One row per description: operations, calls, and each outcome's count."""
    head = (
        "description",
        "ops",
        "calls",
        "accepted",
        "violations",
        "client exc",
        "prism invalid",
        "driver",
        "s",
    )
    rows: list[tuple[str, ...]] = [head]
    for r in reports:
        if r.problem:
            rows.append(
                (
                    r.spec,
                    str(r.operations),
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                    f"{r.seconds:.1f}",
                )
            )
            continue
        rows.append(
            (
                r.spec,
                str(r.operations),
                str(len(r.calls)),
                *(str(r.count(o)) for o in OUTCOMES),
                f"{r.seconds:.1f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths))
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def grouped_violations(calls: Iterable[Call]) -> list[tuple[str, int, list[str]]]:
    """(violation message with values and operation-specific bits generalised, count, operations)."""
    groups: dict[str, tuple[int, list[str]]] = {}
    for call in calls:
        for violation in call.violations:
            key = re.sub(r"\b\d+\b", "N", str(violation))
            count, ops = groups.get(key, (0, []))
            if call.operation not in ops:
                ops.append(call.operation)
            groups[key] = (count + 1, ops)
    return sorted(
        ((k, c, o) for k, (c, o) in groups.items()), key=lambda g: (-g[1], g[0])
    )
