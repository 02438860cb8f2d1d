"""Escaping for Markdown targets (docs, changelogs, reports): spec text shows verbatim and inert."""

from __future__ import annotations

import re

# Characters that must not reach generated text raw: C0/C1 controls, line separators, and lone
# surrogates (which cannot even be written as UTF-8). Inclusive ranges, the one list of them.
_CONTROL_RANGES = ((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0x2028, 0x2029), (0xD800, 0xDFFF))
_CONTROL = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _CONTROL_RANGES) + "]")

# Markdown's special characters, each escaped with a backslash.
_MD_SPECIAL = "\\`*_[]<>|~"

# What ``md`` does after line breaks, in one pass: each special character escaped, ``&`` spelled
# out, every control character a space (the escapes add none).
_MD_TABLE: dict[int, str] = {
    **{c: " " for low, high in _CONTROL_RANGES for c in range(low, high + 1)},
    **{ord(c): "\\" + c for c in _MD_SPECIAL},
    ord("&"): "&amp;",
}


def md(value: object) -> str:
    """Inline Markdown (paragraphs and table cells): the text shows verbatim, no markup, no HTML."""
    return str(value).replace("\r\n", "\n").replace("\r", "\n").translate(_MD_TABLE)


def md_cell(value: object) -> str:
    """A Markdown table cell: as ``md``, with line breaks as ``<br>``."""
    return "<br>".join(line.strip() for line in md(value).strip().split("\n"))


def md_block(value: object) -> str:
    """A Markdown paragraph block: as ``md``; no line can start a heading, list, quote or rule."""
    lines = []
    for line in md(value).strip().split("\n"):
        line = line.strip()
        if re.match(r"^\d+[.)]", line):
            line = re.sub(r"^(\d+)([.)])", r"\1\\\2", line)
        elif line[:1] in ("-", "=", "#", "+"):
            line = "\\" + line
        lines.append(line)
    return "\n".join(lines)


def _visible(text: str, keep: str = "") -> str:
    """Control characters and lone surrogates as visible escapes (code spans show text as is)."""
    return _CONTROL.sub(lambda m: m.group() if m.group() in keep else f"\\u{ord(m.group()):04x}", text)


def md_code(value: object, cell: bool = False) -> str:
    """An inline code span that no backtick in the text can close early; in a table
    (``cell=True``) its pipes are escaped, as GitHub-flavoured tables require."""
    text = " ".join(str(value).split())
    if not (text.isascii() and text.isprintable()):  # else nothing for _visible to escape
        text = _visible(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0) if "`" in text else 0
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or longest else ""
    span = f"{fence}{pad}{text}{pad}{fence}"
    return span.replace("|", "\\|") if cell else span


def md_codeblock(value: object, language: str = "") -> str:
    """A fenced code block whose fence no line of the content can close."""
    text = _visible(str(value).strip("\n"), keep="\n\t")
    longest = max((len(run) for run in re.findall(r"`{3,}", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text}\n{fence}"
