"""The compile guard compiles each shape of module once (``write._shape``): a file that differs
from one already compiled only in the spelling of the name it exports compiles alike, and is not
compiled again. These tests hold up that claim, and that the guard still finds every broken file."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import write
from generator.write import _shape, compile_errors


def _model(name: str, body: str = "    x: int\n") -> str:
    return f'"""``{name}``: a thing."""\n\nfrom __future__ import annotations\n\n__all__ = ["{name}"]\n\n\nclass {name}:\n{body}\n\n{name}._fields = (("x", "x", {name}),)\n'


def test_a_second_module_of_the_same_shape_is_not_compiled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = write._compile
    monkeypatch.setattr(write, "_compile", lambda text, path: (calls.append(path), real(text, path))[1])
    compiled: set[str] = set()
    files = {"a.py": _model("Alpha"), "b.py": _model("Bravo"), "c.py": _model("Charlie", "    y: str\n")}
    assert compile_errors(files, compiled) == []
    assert calls == ["a.py", "c.py"]  # b.py is a.py but for the name
    assert compile_errors({"d.py": _model("Delta")}, compiled) == [] and calls == ["a.py", "c.py"]  # kept across calls
    assert compile_errors({"e.py": _model("Echo")}) == [] and calls[-1] == "e.py"  # no set: every file compiled


def test_a_broken_module_never_shares_a_shape_with_a_sound_one() -> None:
    compiled: set[str] = set()
    files = {
        "a.py": _model("Alpha"),
        "b.py": _model("Bravo", "    x: int =\n"),  # a template bug in one of them
        "c.py": _model("Charlie", '    x: str = "\\d"\n'),  # a warning counts
    }
    assert {e.path for e in compile_errors(files, compiled)} == {"b.py", "c.py"}


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (_model("Non").replace("class Non:", "class Non:\n    v = Non"), "a keyword's beginning (Non + e is None)"),
        (_model("Fals"), "a keyword's beginning"),
        (_model("Abc").replace("    x: int\n", "    x = 0xAbc\n"), "inside a number"),
        (_model("E10").replace("    x: int\n", "    x = 1.E10\n"), "after a digit's dot"),
        (_model("Abc").replace("    x: int\n", "    éAbc = 1\n"), "touching a non-ASCII letter"),
        (_model("Abc") + "\0", "a NUL"),
        (_model("abc"), "no capital"),
        (_model("Ab"), "two characters (a string prefix: rb)"),
    ],
)
def test_no_shape_where_the_spelling_could_matter(text: str, why: str) -> None:
    assert _shape(text) is None, why


# A reviewer's counterexamples to an earlier _shape: pairs of one shape, one compiling and one
# not. Now each pair has two shapes (or none), so both are compiled.
_COUNTEREXAMPLES = [
    ('__all__ = ["Abc"]\nx = "\\xAbc"\n', '__all__ = ["Xyz"]\nx = "\\xXyz"\n'),  # an escape's digits
    ('__all__ = ["Face"]\nx = "\\uFace"\n', '__all__ = ["Xyzw"]\nx = "\\uXyzw"\n'),
    ('__all__ = ["BEL"]\nx = "\\N{BEL}"\n', '__all__ = ["Xyz"]\nx = "\\N{Xyz}"\n'),  # a character's name
    ('__all__ = ["Abc"]\ndef f(Abc, \uff21bc): pass\n', '__all__ = ["Xyz"]\ndef f(Xyz, \uff21bc): pass\n'),  # NFKC: fullwidth A
    ("from __future__ import barry_as_FLUFL\n__all__ = [\"FLUFL\"]\n", "from __future__ import barry_as_Xyz\n__all__ = [\"Xyz\"]\n"),
    # a second reader's: private name mangling joins a class's name and ``__x`` (``_Q__x``)
    (
        '__all__ = ["Zzz_"]\nclass Q:\n    def f(self, _Zzz_, __x): pass\n',
        '__all__ = ["Q__x"]\nclass Q:\n    def f(self, _Q__x, __x): pass\n',
    ),
    (
        '__all__ = ["Zzz"]\nclass Qq:\n    def f(self, _Zzz_x, __x): pass\n',
        '__all__ = ["Qq_"]\nclass Qq:\n    def f(self, _Qq__x, __x): pass\n',
    ),
    (
        '__all__ = ["Zzz_"]\nclass Q:\n    def f(self, _Zzz_):\n        global __x\n',
        '__all__ = ["Q__x"]\nclass Q:\n    def f(self, _Q__x):\n        global __x\n',
    ),
    # a third reader's: constant folding reads the name's length ("s" * n folds up to 4,096)
    ('__all__ = ["Abcde"]\nx = ("Abcde" * 1000)()\n', '__all__ = ["Abc"]\nx = ("Abc" * 1000)()\n'),
    ('__all__ = ["Abcde"]\nx = ("Abcde" * 1000)[1.5]\n', '__all__ = ["Abc"]\nx = ("Abc" * 1000)[1.5]\n'),
    ('__all__ = ["Abcde"]\nx = None is "Abcde" * 1000\n', '__all__ = ["Abc"]\nx = None is "Abc" * 1000\n'),
    # and an index folds only within the string
    ('__all__ = ["Abc"]\nx = ("Abc"[3])()\n', '__all__ = ["Abcd"]\nx = ("Abcd"[3])()\n'),
    (
        '__all__ = ["Abc"]\nx = ("Abc"[__debug__ + __debug__ + __debug__])()\n',
        '__all__ = ["Abcd"]\nx = ("Abcd"[__debug__ + __debug__ + __debug__])()\n',
    ),
    # a fourth reader's: any constant expression can be the index, and bytes give a letter's code
    ('__all__ = ["Abc"]\nx = ("Abc"[(not 0)+(not 0)+(not 0)])()\n', '__all__ = ["Abcd"]\nx = ("Abcd"[(not 0)+(not 0)+(not 0)])()\n'),
    ('__all__ = ["Abc"]\nx = ("Abc"[#\n3])()\n', '__all__ = ["Abcd"]\nx = ("Abcd"[#\n3])()\n'),
    (
        '__all__ = ["Abc"]\nx = (("Abc",)[not 1][(not 0)+(not 0)+(not 0)])()\n',
        '__all__ = ["Abcd"]\nx = (("Abcd",)[not 1][(not 0)+(not 0)+(not 0)])()\n',
    ),
    ('__all__ = ["Abc"]\nx = (1 % (b"Abc"[not 1] - 65))()\n', '__all__ = ["Bbc"]\nx = (1 % (b"Bbc"[not 1] - 65))()\n'),
    ('__all__ = ["Abc"]\nx = (1 << (b"Abc"[not 1] - 70))()\n', '__all__ = ["Zbc"]\nx = (1 << (b"Zbc"[not 1] - 70))()\n'),
    # a fifth reader's: a mapping pattern's keys are compared by value
    (
        '__all__ = ["Xyz"]\nmatch x:\n    case {"Xyz": 1, "Ab" "c": 2}: pass\n',
        '__all__ = ["Abc"]\nmatch x:\n    case {"Abc": 1, "Ab" "c": 2}: pass\n',
    ),
    (
        '__all__ = ["Xyz"]\nmatch x:\n    case {b"Xyz": 1, b"A" b"bc": 2}: pass\n',
        '__all__ = ["Abc"]\nmatch x:\n    case {b"Abc": 1, b"A" b"bc": 2}: pass\n',
    ),
    # a sixth reader's: a lone \r ends a line for Python, not for a regular expression's ^
    (
        '__all__ = ["Xyz"]\nmatch x:\r    case {"Xyz": 1, "Ab" "c": 2}: pass\n',
        '__all__ = ["Abc"]\nmatch x:\r    case {"Abc": 1, "Ab" "c": 2}: pass\n',
    ),
]


@pytest.mark.parametrize(("first", "second"), _COUNTEREXAMPLES)
def test_the_reviewers_counterexamples_are_told_apart(first: str, second: str) -> None:
    assert _outcome(first) != _outcome(second)  # they do compile differently
    assert _shape(first) is None or _shape(first) != _shape(second)
    compiled: set[str] = set()
    assert [e.path for e in compile_errors({"a.py": first, "b.py": second}, compiled)] == (["b.py"] if _outcome(first) else ["a.py"])


# Fragments around the exported name, chosen to hit what could make its spelling matter:
# numbers, dots, string prefixes and quotes, keywords, comments, other identifiers.
_AROUND = [
    "", " ", ".", "1.", "0x", "1", "_", "x", "r", "b", '"', "'", "#", "(", ")", ",", "=", ":", "\n", "é", "e", "None", "def ",
    "\\", "'\\x", "'\\u", "'\\N{", "}'", "\uff21", "\ufb01", "f'{", "}'", "from __future__ import barry_as_", "def f(",
    '("', '" * 1200)()', '"[3])()', '"[__debug__ + __debug__ + __debug__])()', '"[(not 0)+(not 0)+(not 0)])()', "x = (1 % (b'",
    "'[not 1] - 65))()",
]
_NAMES = [
    "Foo", "Bar", "Non", "Tru", "Fal", "E10", "Abc", "Rb", "Xyz1", "Match", "Case", "Nonlocal", "Foo_", "QuxQux", "Aaa", "Aa",
    "Face", "BEL", "FLUFL", "Fbc", "Ab0", "Q__x", "Qq_", "A_b",
]


def _outcome(text: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            compile(text, "t.py", "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_AROUND), st.sampled_from(_AROUND)), min_size=1, max_size=4),
    st.sampled_from(_NAMES),
    st.sampled_from(_NAMES),
)
def test_texts_of_one_shape_compile_alike(places: list[tuple[str, str]], first: str, second: str) -> None:
    def text(name: str) -> str:
        code = "".join(f"{before}{name}{after}\n" for before, after in places)
        return f'__all__ = ["{name}"]\n{code}'

    a, b = text(first), text(second)
    shape = _shape(a)
    if shape is not None and shape == _shape(b):
        assert _outcome(a) == _outcome(b), (a, b)


def test_every_fragment_pair_around_each_name_compiles_alike_within_a_shape() -> None:
    # exhaustive over one place (every fragment before, every fragment after, every name): the
    # names a shape groups together all compile, or all fail (the earlier _shape failed 8 groups)
    mixed = []
    for before in _AROUND:
        for after in _AROUND:
            groups: dict[str, list[str]] = {}
            for name in _NAMES:
                text = f'__all__ = ["{name}"]\n{before}{name}{after}\n'
                shape = _shape(text)
                if shape is not None:
                    groups.setdefault(shape, []).append(text)
            mixed += [texts for texts in groups.values() if len({_outcome(t) for t in texts}) > 1]
    assert mixed == []
