"""``regex_text.matching_text``: a text each pattern matches, within the length bounds, or None.
The patterns are taken from public descriptions of the corpus (AWS ARNs and IDs above all),
where none of the fake's fixed samples met them and the generated tests failed."""

from __future__ import annotations

import re

import pytest

from generator.contract import FAKE_PATTERN_CANDIDATES
from generator.passes.regex_text import matching_text

FOUND = [
    # (pattern, minLength, maxLength, the text)
    (r"arn:aws:migrationhub-orchestrator:[a-z0-9-]+:[0-9]+:workflow/[.]*$", 0, None, "arn:aws:migrationhub-orchestrator:a:0:workflow/"),
    (r"^arn:aws(-[a-z]+)*:rekognition:[a-z0-9-]+:\d{12}:collection\/([a-zA-Z0-9_.\-]+)$", 0, None, "arn:aws:rekognition:a:000000000000:collection/a"),
    (r"^[A-Z]{3}-\d{4}$", 0, None, "AAA-0000"),
    # too short at the least counts: the repeat that may grow grows, the anchored ends stay
    (r"^id-[a-z]+$", 12, None, "id-aaaaaaaaa"),
    (r"^\w{2,5}$", 4, 4, "aaaa"),
    (r"[A-z0-9]", 24, 24, "a" * 24),  # no repeat, no anchor: padded at the end
    (r"^(foo|bar)_\1$", 0, None, "foo_foo"),  # a back-reference repeats its group's text
    (r"^(?:[^a]|b)+$", 0, None, "0"),  # a negated class: its first preferred character outside it
    (r"^\S+@\S+\.\S+$", 0, None, "a@a.a"),
    (r"^[\u4e00-\u9fff]+$", 0, None, "\u4e00"),  # no ASCII character in the class: its first
    (r"^(x{0}|[0-9]{2})$", 0, None, ""),  # the first alternative that matches, even empty
    (r"^[^\s]{1,3}?z$", 0, None, "az"),  # lazy and possessive repeats take their least count too
    (r"^(?>ab)c*+$", 0, None, "ab"),
    # azure.com/containerservice: look-aheads for a letter, a capital and a sign, met by a
    # class cycling through its kinds of character (12 x "a" is tried first, and refused)
    (r"^(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#$%\^&\*\(\)])[a-zA-Z\d!@#$%\^&\*\(\)]{12,123}$", 0, None, "aA0!aA0!aA0!"),
    # amazonaws.com/storagegateway: a dot not at the end, else the end; the last round of the
    # repeat takes the last alternatives ("250.250.250.250." is tried first, and refused)
    (r"^((25[0-5]|(2[0-4]|1[0-9]|[1-9]|)[0-9])(\.(?!$)|$)){4}", 0, None, "250.250.250.0"),
    # amazonaws.com/fsx: a look-ahead fixing what the free rest must hold; its own text written
    # where it stands, the rest matching it again
    (r"^(?=a:b)[a-z:]+$", 0, None, "a:ba"),
    (
        r"^arn:(?=[^:]+:fsx:[^:]+:\d{12}:)((|(?=[a-z0-9-.]{1,63})(?!\d{1,3}(\.\d{1,3}){3})(?![^:]*-{2})(?![^:]*-\.)"
        r"(?![^:]*\.-)[a-z0-9].*(?<!-)):){4}(?!/).{0,1024}$",
        0,
        None,
        "arn:a:fsx:a:000000000000:::::",
    ),
]

NOT_FOUND = [
    (r"/^\d{4}-\d{2}-\d{2}$/", 0, None),  # a JavaScript /literal/: nothing can match
    (r"(?=.*[A-Z])^[a-z]+$", 0, None),  # a look-ahead the built text does not meet: refused
    (r"^[^\s\S]$", 0, None),  # a class of nothing
    (r"a{100000}", 0, None),  # longer than any sample should be
    (r"^ab$", 3, None),  # no repeat can make it longer
    (r"^abc$", 0, 2),
    (r"(unclosed", 0, None),  # not a pattern Python reads
]


@pytest.mark.parametrize(("pattern", "low", "high", "text"), FOUND)
def test_a_text_the_pattern_matches(pattern: str, low: int, high: int | None, text: str) -> None:
    assert matching_text(pattern, low, high) == text
    assert re.search(pattern, text) and len(text) >= low and (high is None or len(text) <= high)


@pytest.mark.parametrize(("pattern", "low", "high"), NOT_FOUND)
def test_no_text_rather_than_a_wrong_one(pattern: str, low: int, high: int | None) -> None:
    assert matching_text(pattern, low, high) is None


def test_the_fixed_samples_do_not_meet_these() -> None:
    """The cases above are ones the fixed candidates miss (else the text would not be needed)."""
    for pattern, *_ in FOUND[:4]:
        assert not any(re.search(pattern, c) for c in FAKE_PATTERN_CANDIDATES), pattern
