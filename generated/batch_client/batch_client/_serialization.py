"""Conversions between Python values and their wire text (headers, query, path, JSON bodies)."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import os
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, Final, Literal, Self, TypeVar, final
from urllib.parse import quote

from ._errors import DecodeError

T = TypeVar("T")

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_RFC1123 = re.compile(
    r"^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+(?:GMT|UTC|UT|Z|[+-]0000)\s*$"
)
# Text that percent-encoding leaves as it is (RFC 3986 unreserved characters, ASCII only): the
# per-call fast path of path segments and query items, which are mostly such IDs and versions.
_PLAIN = re.compile(r"[A-Za-z0-9_.~-]+").fullmatch
_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$"
)


def _utc(value: datetime.datetime) -> datetime.datetime:
    """Naive datetimes are taken as UTC, as the Azure SDKs do; aware ones are converted."""
    if value.tzinfo is None:
        return value.replace(tzinfo=datetime.UTC)
    return value.astimezone(datetime.UTC)


def ser_rfc1123(value: datetime.datetime) -> str:
    """``Tue, 24 Nov 2026 22:00:00 GMT``, independent of the process locale."""
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"expected datetime.datetime, got {type(value).__name__}")
    v = _utc(value)
    return (
        f"{_DAYS[v.weekday()]}, {v.day:02d} {_MONTHS[v.month - 1]} {v.year:04d} "
        f"{v.hour:02d}:{v.minute:02d}:{v.second:02d} GMT"
    )


def ser_iso_datetime(value: datetime.datetime) -> str:
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"expected datetime.datetime, got {type(value).__name__}")
    return _utc(value).isoformat().replace("+00:00", "Z")


def ser_iso_datetime_offset(value: datetime.datetime) -> str:
    """UTC as ``+00:00``: for a description that wants the date-time 25 characters long."""
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"expected datetime.datetime, got {type(value).__name__}")
    return _utc(value).isoformat()


def ser_iso_datetime_ms(value: datetime.datetime) -> str:
    """Milliseconds, always three digits: for a description that wants 24 characters."""
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"expected datetime.datetime, got {type(value).__name__}")
    text = _utc(value).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


def ser_iso_date(value: datetime.date) -> str:
    return value.isoformat()


def ser_bool(value: bool) -> str:
    if not isinstance(value, bool):
        raise TypeError(f"expected bool, got {type(value).__name__}")
    return "true" if value else "false"


def ser_int(value: int) -> str:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected int, got {type(value).__name__}")
    return str(value)


def ser_float(value: float) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"expected float, got {type(value).__name__}")
    return repr(float(value))


def new_uuid4() -> str:
    """``str(uuid.uuid4())``, for a header that defaults to a new random UUID, without building
    a ``uuid.UUID`` (a tenth of the client's own work per call)."""
    h = os.urandom(16).hex()
    # version 4 in the 13th digit; the variant's two high bits 10 (RFC 9562): 8, 9, a or b
    variant = "89ab"[int(h[16], 16) & 3]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}"


def ser_uuid(value: uuid.UUID | str) -> str:
    """A UUID or its text; text is checked (no braces or other decoration) and sent as given."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"expected uuid.UUID or str, got {type(value).__name__}")
    try:
        uuid.UUID(value)
    except ValueError:
        raise ValueError(f"not a UUID: {value!r}") from None
    if value.startswith(("{", "urn:")) or len(value) != 36:
        raise ValueError(
            f"a UUID without decoration is expected, e.g. 9C4D50EE-2D56-4CD3-8152-34347DC9F2B0, got {value!r}"
        )
    return value


def ser_enum(value: enum.Enum | str) -> str:
    """An enum member's value, or text for a value this version does not know yet."""
    if isinstance(value, enum.Enum):
        return str(value.value)
    return ser_str(value)


class Duration(datetime.timedelta):
    """An ISO 8601 duration that ``timedelta`` cannot hold exactly, as received: one with years
    or months (which have no fixed length), or one beyond ``timedelta``'s range.

    Its ``timedelta`` value is the fixed part (weeks, days, hours, minutes, seconds), saturated
    at ``timedelta.max``/``min`` beyond range; ``years`` and ``months`` (whole, signed) and
    ``text`` keep the rest, and sending it back sends ``text`` unchanged. Arithmetic and
    ordering see the fixed part only; it equals only a ``Duration`` of the same text.
    """

    __slots__ = ("months", "text", "years")
    years: int
    months: int
    text: str

    def __new__(
        cls, text: str, years: int, months: int, fixed: datetime.timedelta
    ) -> Self:
        self = super().__new__(cls, fixed.days, fixed.seconds, fixed.microseconds)
        self.years, self.months, self.text = years, months, text
        return self

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Duration):
            return self.text == other.text
        return False if isinstance(other, datetime.timedelta) else NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(("Duration", self.text))

    def __reduce__(self) -> tuple[Any, ...]:
        fixed = datetime.timedelta(self.days, self.seconds, self.microseconds)
        return (Duration, (self.text, self.years, self.months, fixed))

    def __repr__(self) -> str:
        return f"Duration({self.text!r})"

    def __str__(self) -> str:
        return self.text


def ser_duration(value: datetime.timedelta) -> str:
    """ISO 8601: ``P1DT2H3M4.5S``; a ``Duration`` is sent as it was received."""
    if isinstance(value, Duration):
        return value.text
    if not isinstance(value, datetime.timedelta):
        raise TypeError(f"expected datetime.timedelta, got {type(value).__name__}")
    sign = "-" if value < datetime.timedelta(0) else ""
    value = abs(value)
    days, seconds, micros = value.days, value.seconds, value.microseconds
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}P{days}D" if days else f"{sign}P"
    clock = ""
    if hours:
        clock += f"{hours}H"
    if minutes:
        clock += f"{minutes}M"
    if secs or micros or not (days or hours or minutes):
        clock += f"{secs}.{micros:06d}".rstrip("0").rstrip(".") + "S"
    return text + ("T" + clock if clock else "")


_NUMBER = r"(\d+(?:[.,]\d+)?)"
_DURATION = re.compile(
    rf"^([-+])?P(?:{_NUMBER}Y)?(?:{_NUMBER}M)?(?:{_NUMBER}W)?(?:{_NUMBER}D)?"
    rf"(?:T(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?)?$"
)


def parse_duration(value: str | None) -> datetime.timedelta | None:
    """An ISO 8601 duration; ``None`` when the text is not one.

    A ``timedelta`` when it holds the value exactly, else a ``Duration`` (years or months, or
    beyond ``timedelta``'s range): decoding never fails on a well-formed duration.
    """
    text = value.strip() if isinstance(value, str) else ""
    match = _DURATION.match(text)
    if not match or text.lstrip("+-") == "P" or text.endswith("T"):
        return None
    sign, years, months, weeks, days, hours, minutes, seconds = (
        g.replace(",", ".") if g else g for g in match.groups()
    )
    # whole years and months, signed; a fraction of either is kept in the text only
    whole_years = float(years or 0) * (-1 if sign == "-" else 1)
    whole_months = float(months or 0) * (-1 if sign == "-" else 1)
    try:
        fixed = datetime.timedelta(
            weeks=float(weeks or 0),
            days=float(days or 0),
            hours=float(hours or 0),
            minutes=float(minutes or 0),
            seconds=float(seconds or 0),
        )
        if sign == "-":
            fixed = -fixed
    except OverflowError:
        saturated = datetime.timedelta.min if sign == "-" else datetime.timedelta.max
        return Duration(text, int(whole_years), int(whole_months), saturated)
    if whole_years or whole_months:
        return Duration(text, int(whole_years), int(whole_months), fixed)
    return fixed


def ser_csv(values: list[Any]) -> str:
    """A list sent as one comma-separated value (the OpenAPI default ``form``/``csv`` style)."""
    return ",".join(ser_value(v) for v in values)


def ser_value(value: Any) -> str:
    """The text of a value whose type is one of several (a union or a constant): by its type."""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return ser_bool(value)
    if isinstance(value, float):
        return ser_float(value)
    if isinstance(value, datetime.datetime):
        return ser_iso_datetime(value)
    if isinstance(value, datetime.date):
        return ser_iso_date(value)
    if isinstance(value, datetime.timedelta):
        return ser_duration(value)
    if isinstance(value, (str, int, uuid.UUID)):
        return str(value)
    raise TypeError(f"expected a text, number or boolean, got {type(value).__name__}")


def decode_json(body: bytes) -> Any:
    """The JSON value of a response body; ``DecodeError`` when it is not JSON."""
    if not body:
        raise DecodeError("the response has no body where JSON was expected")
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise DecodeError(f"the response body is not JSON: {body[:60]!r}") from None


def decode_text(body: bytes, content_type: str) -> str:
    """A text body in the charset its ``Content-Type`` names (UTF-8 when it names none); a
    JSON string when the body is JSON (a string described for any media, ``*/*``)."""
    charset = "utf-8"
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip('"')
    try:
        text = body.decode(charset)
    except (LookupError, UnicodeDecodeError):
        raise DecodeError(f"the response body is not {charset} text") from None
    media = content_type.split(";", 1)[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            return text
        if isinstance(value, str):
            return value
    return text


def encode_json(value: Any) -> bytes:
    return json.dumps(
        value, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode()


def ser_str(value: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected str, got {type(value).__name__}")
    return value


def path_segment(name: str, value: str) -> str:
    """One percent-encoded path segment: ``/``, ``..``, spaces and ``?`` cannot escape it."""
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected str, got {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must not be empty")
    if _PLAIN(value):  # what quote() would return unchanged: skip its encode and scan
        return value
    return quote(value, safe="")


def path_raw(name: str, value: str) -> str:
    """A path value sent as given (``x-ms-skip-url-encoding``): its ``/`` and ``%`` escapes
    stay, but what no URL may hold is encoded (a space, non-ASCII text as UTF-8), or refused
    (control characters, and ``?`` and ``#``, which would end the path)."""
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected str, got {type(value).__name__}")
    if not value or any(c in value for c in "?#") or _CONTROL.search(value):
        raise ValueError(
            f"{name} must be non-empty and free of control characters, '?' and '#'"
        )
    return quote(value, safe=_URL_PRINTABLE)


_CONTROL = re.compile("[\x00-\x1f\x7f]")
_URL_PRINTABLE = "".join(chr(c) for c in range(0x21, 0x7F))  # ASCII but space and DEL


# Parameter styles (OpenAPI 3 ``style``/``explode``, Swagger 2.0 ``collectionFormat``). Each
# function returns percent-encoded text: delimiters stay literal, values are encoded, so a comma
# inside a value cannot be read as a delimiter.
# allowReserved: sent as they are; never ``#``, ``&``, ``=`` and ``+`` (a form decoder's space)
_RESERVED = ":/?[]@!$'()*,;"
_COOKIE_SAFE = "!#$&'()*+-./:<=>?@[]^_`{|}~"  # RFC 6265 cookie-octets, minus ``%``


def encode_query(text: str, reserved: bool = False) -> str:
    """One query name or value, percent-encoded (``allowReserved`` keeps reserved characters)."""
    if _PLAIN(text):  # most names and values (api-version, IDs): nothing to encode
        return text
    return quote(text, safe=_RESERVED if reserved else "")


def query_array(
    name: str,
    values: Iterable[T],
    ser: Callable[[T], str],
    delimiter: str = "",
    reserved: bool = False,
) -> list[tuple[str, str]]:
    """An array in the query: ``name=a&name=b`` (exploded, ``delimiter`` empty) or one
    ``name=a,b`` joined by the style's delimiter (``,``, ``%20``, ``%7C``, ``%09``)."""
    texts = [encode_query(ser(v), reserved) for v in values]
    if delimiter:
        return [(name, delimiter.join(texts))]
    return [(name, text) for text in texts]


def query_object(
    name: str,
    value: Mapping[str, Any],
    style: str = "form",
    explode: bool = True,
    reserved: bool = False,
) -> list[tuple[str, str]]:
    """An object in the query: ``R=1&G=2`` (form, exploded), ``name=R,1,G,2`` (form),
    ``name%5BR%5D=1`` (deepObject); other styles join with their delimiter."""
    pairs = [
        (encode_query(k), encode_query(ser_value(v), reserved))
        for k, v in value.items()
        if v is not None
    ]
    if style == "deepObject":
        return [(f"{name}%5B{k}%5D", v) for k, v in pairs]
    if explode:
        return pairs
    delimiter = _DELIMITERS.get(style, ",")
    return [(name, delimiter.join(f"{k}{delimiter}{v}" for k, v in pairs))]


_DELIMITERS = {
    "form": ",",
    "spaceDelimited": "%20",
    "pipeDelimited": "%7C",
    "tabDelimited": "%09",
}


def path_value(name: str, text: str, style: str) -> str:
    """A scalar path value of the ``label`` (``.5``) or ``matrix`` (``;id=5``) style."""
    encoded = quote(text, safe="")
    if style == "label":
        return "." + encoded
    return f";{name}={encoded}" if encoded else f";{name}"


def path_array(
    name: str, values: Iterable[T], ser: Callable[[T], str], style: str, explode: bool
) -> str:
    """An array in the path: ``a,b`` (simple), ``.a.b`` or ``.a,b`` (label), ``;id=a;id=b``
    or ``;id=a,b`` (matrix)."""
    texts = [quote(ser(v), safe="") for v in values]
    if style == "label":
        return "." + ("." if explode else ",").join(texts)
    if style == "matrix":
        if not texts:  # the style table's "empty": ``;color``, as for ""
            return f";{name}"
        if explode:
            return "".join(f";{name}={t}" for t in texts)
        return f";{name}=" + ",".join(texts)
    if not texts:
        raise ValueError(f"{name} must not be empty")
    return ",".join(texts)


def path_object(name: str, value: Mapping[str, Any], style: str, explode: bool) -> str:
    """An object in the path: ``R,1,G,2`` or ``R=1,G=2`` (simple), with ``.`` (label) or
    ``;`` (matrix) as the style says."""
    pairs = [
        (quote(k, safe=""), quote(ser_value(v), safe=""))
        for k, v in value.items()
        if v is not None
    ]
    if style == "matrix":
        if not pairs:  # the style table's "empty": ``;color``, as for ""
            return f";{name}"
        if explode:
            return "".join(f";{k}={v}" for k, v in pairs)
        return f";{name}=" + ",".join(f"{k},{v}" for k, v in pairs)
    inner = ("=" if explode else ",").join
    sep = "." if style == "label" and explode else ","
    text = sep.join(inner((k, v)) for k, v in pairs)
    if style == "label":
        return "." + text
    if not text:
        raise ValueError(f"{name} must not be empty")
    return text


def header_array(values: Iterable[T], ser: Callable[[T], str]) -> str:
    """An array in a header (``simple``): ``a,b``."""
    return ",".join(ser(v) for v in values)


def header_object(value: Mapping[str, Any], explode: bool = False) -> str:
    """An object in a header (``simple``): ``R,1,G,2``, exploded ``R=1,G=2``."""
    sep = "=" if explode else ","
    return ",".join(
        f"{k}{sep}{ser_value(v)}" for k, v in value.items() if v is not None
    )


def encode_cookie(text: str) -> str:
    """A cookie value: what a cookie may not hold (``;``, ``,``, spaces...) percent-encoded."""
    return quote(text, safe=_COOKIE_SAFE)


def cookie_array(
    name: str, values: Iterable[T], ser: Callable[[T], str], explode: bool = True
) -> list[tuple[str, str]]:
    """An array in a cookie (``form``): ``id=a; id=b`` exploded, else ``id=a,b``."""
    texts = [encode_cookie(ser(v)) for v in values]
    if explode:
        return [(name, t) for t in texts]
    return [(name, ",".join(texts))]


def cookie_object(
    name: str, value: Mapping[str, Any], explode: bool = True
) -> list[tuple[str, str]]:
    """An object in a cookie (``form``): ``R=1; G=2`` exploded, else ``name=R,1,G,2``."""
    pairs = [
        (encode_cookie(k), encode_cookie(ser_value(v)))
        for k, v in value.items()
        if v is not None
    ]
    if explode:
        return pairs
    return [(name, ",".join(f"{k},{v}" for k, v in pairs))]


def join_cookies(cookies: list[tuple[str, str]]) -> str:
    """The ``Cookie`` header: ``a=1; b=2``."""
    return "; ".join(f"{k}={v}" for k, v in cookies)


def json_text(codec: Codec, value: Any) -> str:
    """A parameter whose description gives it ``content: application/json``: its JSON text."""
    return encode_json(codec.encode(value)).decode("utf-8")


def encode_form(fields: list[tuple[str, str]]) -> bytes:
    """``application/x-www-form-urlencoded`` from percent-encoded (name, value) pairs."""
    return "&".join(f"{k}={v}" for k, v in fields).encode("ascii")


def parse_str(value: str | None) -> str | None:
    return value


def parse_rfc1123(value: str | None) -> datetime.datetime | None:
    """An aware UTC datetime, or ``None`` when the header is absent or malformed."""
    if value is None:
        return None
    match = _RFC1123.match(value)
    if not match:
        return None
    day, month, year, hour, minute, second = match.groups()
    try:
        return datetime.datetime(
            int(year),
            _MONTHS.index(month.title()) + 1,
            int(day),
            int(hour),
            int(minute),
            int(second),
            tzinfo=datetime.UTC,
        )
    except ValueError:
        return None


def parse_iso_datetime(value: str | None) -> datetime.datetime | None:
    """ISO 8601 / RFC 3339 with any number of fraction digits (Azure sends seven)."""
    if value is None:
        return None
    match = _ISO.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    tz = datetime.UTC
    if zone and zone not in ("Z", "z"):
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        tz = datetime.timezone(
            sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        )
    try:
        return datetime.datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            micro,
            tzinfo=tz,
        )
    except ValueError:
        return None


def parse_int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def parse_float(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value.strip())
    except ValueError:
        return None


def parse_bool(value: str | None) -> bool | None:
    if value is None:
        return None
    lowered = value.strip().lower()
    return True if lowered == "true" else False if lowered == "false" else None


class Codec:
    """Converts one JSON value to its Python form and back. Subclasses handle one wire type.

    ``matches`` (JSON side) and ``owns`` (Python side) let a union pick its variant: ``strict``
    asks for the exact shape (known enum values, required fields present, formats that parse),
    the lenient pass for the JSON type alone.
    """

    label = "value"
    nullable = False

    def decode(self, value: Any) -> Any:
        return value

    def encode(self, value: Any) -> Any:
        return value

    def matches(self, value: Any, strict: bool) -> bool:
        return True

    def owns(self, value: Any, strict: bool) -> bool:
        return True


class _Scalar(Codec):
    def __init__(self, label: str, *types: type) -> None:
        self.label = label
        self.types = types

    def accepts(self, value: Any) -> bool:
        # bool is an int in Python, but not an integer or a number in JSON
        return isinstance(value, self.types) and (
            bool in self.types or not isinstance(value, bool)
        )

    def decode(self, value: Any) -> Any:
        if not self.accepts(value):
            raise DecodeError(f"expected {self.label}, got {type(value).__name__}")
        return float(value) if self.label == "number" else value

    def matches(self, value: Any, strict: bool) -> bool:
        return self.accepts(value)

    def owns(self, value: Any, strict: bool) -> bool:
        return self.accepts(value)


class _Text(Codec):
    """A string with a format (date-time, date, duration): decoded by ``parse``."""

    def __init__(
        self,
        label: str,
        parse: Callable[[str], Any],
        serialize: Callable[[Any], str],
        python_type: type,
    ) -> None:
        self.label = label
        self.parse = parse
        self.serialize = serialize
        self.python_type = python_type

    def decode(self, value: Any) -> Any:
        parsed = self.parse(value) if isinstance(value, str) else None
        if parsed is None:
            raise DecodeError(f"expected {self.label}, got {value!r:.60}")
        return parsed

    def encode(self, value: Any) -> Any:
        return self.serialize(value)

    def matches(self, value: Any, strict: bool) -> bool:
        return isinstance(value, str) and (not strict or self.parse(value) is not None)

    def owns(self, value: Any, strict: bool) -> bool:
        # a datetime is a date in Python, not in JSON
        return isinstance(value, self.python_type) and not (
            self.python_type is datetime.date and isinstance(value, datetime.datetime)
        )


def _parse_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


class _Null(Codec):
    label = "null"
    nullable = True

    def decode(self, value: Any) -> Any:
        if value is not None:
            raise DecodeError(f"expected null, got {type(value).__name__}")
        return None

    def matches(self, value: Any, strict: bool) -> bool:
        return value is None

    def owns(self, value: Any, strict: bool) -> bool:
        return value is None


class Nullable(Codec):
    """``null`` is a value of this type: it decodes to ``None``, and ``None`` is sent as ``null``."""

    nullable = True

    def __init__(self, inner: Codec) -> None:
        self.inner = inner
        self.label = f"{inner.label} or null"

    def decode(self, value: Any) -> Any:
        return None if value is None else self.inner.decode(value)

    def encode(self, value: Any) -> Any:
        return None if value is None else self.inner.encode(value)

    def matches(self, value: Any, strict: bool) -> bool:
        return value is None or self.inner.matches(value, strict)

    def owns(self, value: Any, strict: bool) -> bool:
        return value is None or self.inner.owns(value, strict)


class LiteralCodec(Codec):
    """A constant (``const``, or a one-value ``enum`` in 3.1): only that value is accepted."""

    def __init__(self, value: Any) -> None:
        self.value = value
        self.label = json.dumps(value)

    def _same(self, value: Any) -> bool:
        return type(value) is type(self.value) and value == self.value

    def decode(self, value: Any) -> Any:
        if not self._same(value):
            raise DecodeError(f"expected {self.label}, got {value!r:.60}")
        return value

    def matches(self, value: Any, strict: bool) -> bool:
        return self._same(value)

    def owns(self, value: Any, strict: bool) -> bool:
        return self._same(value)


class EnumCodec(Codec):
    """Known values become members of the enum; unknown ones stay text, so a newer service does
    not break an older client."""

    label = "string"

    def __init__(self, factory: Callable[[], type[enum.Enum]]) -> None:
        self.factory = factory

    def decode(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise DecodeError(f"expected a string, got {type(value).__name__}")
        try:
            return self.factory()(value)
        except ValueError:
            return value

    def encode(self, value: Any) -> Any:
        return value.value if isinstance(value, enum.Enum) else value

    def matches(self, value: Any, strict: bool) -> bool:
        if not isinstance(value, str):
            return False
        return not strict or value in self.factory()._value2member_map_

    def owns(self, value: Any, strict: bool) -> bool:
        if strict:
            return isinstance(value, self.factory())
        return isinstance(value, str)


class ListCodec(Codec):
    label = "array"

    def __init__(self, item: Codec) -> None:
        self.item = item

    def decode(self, value: Any) -> Any:
        if not isinstance(value, list):
            raise DecodeError(f"expected an array, got {type(value).__name__}")
        return [self.item.decode(v) for v in value]

    def encode(self, value: Any) -> Any:
        return [self.item.encode(v) for v in value]

    def matches(self, value: Any, strict: bool) -> bool:
        return isinstance(value, list) and (
            not strict or all(self.item.matches(v, True) for v in value)
        )

    def owns(self, value: Any, strict: bool) -> bool:
        return isinstance(value, (list, tuple)) and (
            not strict or all(self.item.owns(v, True) for v in value)
        )


class DictCodec(Codec):
    label = "object"

    def __init__(self, item: Codec) -> None:
        self.item = item

    def decode(self, value: Any) -> Any:
        if not isinstance(value, dict):
            raise DecodeError(f"expected an object, got {type(value).__name__}")
        return {k: self.item.decode(v) for k, v in value.items()}

    def encode(self, value: Any) -> Any:
        return {k: self.item.encode(v) for k, v in value.items()}

    def matches(self, value: Any, strict: bool) -> bool:
        return isinstance(value, dict) and (
            not strict or all(self.item.matches(v, True) for v in value.values())
        )

    def owns(self, value: Any, strict: bool) -> bool:
        return isinstance(value, Mapping) and (
            not strict or all(self.item.owns(v, True) for v in value.values())
        )


class ModelCodec(Codec):
    """Refers to its model lazily, so that models may refer to each other (and to themselves)."""

    label = "object"

    def __init__(self, factory: Callable[[], type[Model]]) -> None:
        self.factory = factory

    def decode(self, value: Any) -> Any:
        return self.factory().from_dict(value)

    def encode(self, value: Any) -> Any:
        return value.to_dict()

    def matches(self, value: Any, strict: bool) -> bool:
        return isinstance(value, dict) and self.factory()._matches(value, strict)

    def owns(self, value: Any, strict: bool) -> bool:
        model = self.factory()
        return type(value) is model if strict else isinstance(value, model)


class UnionCodec(Codec):
    """A value that is one of several types (``oneOf``/``anyOf``).

    Decoding: with a discriminator, the variant its value maps to; an unknown or missing value
    gives an ``UnknownVariant`` that keeps the data. Without one, the first variant, in the
    description's order, whose shape the value has exactly (required fields present, field
    types, known enum values and constants, formats that parse); else the first whose JSON type
    it has; else ``DecodeError``. Encoding follows the value's Python type, the same way.
    """

    label = "one of"

    def __init__(
        self,
        variants: tuple[Codec, ...],
        discriminator: str = "",
        mapping: Mapping[str, int] | None = None,
    ) -> None:
        self.variants = variants
        self.discriminator = discriminator
        self.mapping = dict(mapping or {})

    def decode(self, value: Any) -> Any:
        if self.discriminator:
            if not isinstance(value, dict):
                raise DecodeError(f"expected an object, got {type(value).__name__}")
            index = self.mapping.get(str(value.get(self.discriminator)))
            if index is None:
                return UnknownVariant.from_dict(value)
            return self.variants[index].decode(value)
        for strict in (True, False):
            for variant in self.variants:
                if variant.matches(value, strict):
                    try:
                        return variant.decode(value)
                    except DecodeError:
                        continue
        kinds = ", ".join(v.label for v in self.variants)
        raise DecodeError(f"expected one of ({kinds}), got {value!r:.60}")

    def encode(self, value: Any) -> Any:
        if isinstance(value, UnknownVariant):
            return value.to_dict()
        for strict in (True, False):
            for variant in self.variants:
                if variant.owns(value, strict):
                    return variant.encode(value)
        kinds = ", ".join(v.label for v in self.variants)
        raise TypeError(f"expected one of ({kinds}), got {type(value).__name__}")

    def matches(self, value: Any, strict: bool) -> bool:
        return any(v.matches(value, strict) for v in self.variants)

    def owns(self, value: Any, strict: bool) -> bool:
        return isinstance(value, UnknownVariant) or any(
            v.owns(value, strict) for v in self.variants
        )


STR = _Scalar("string", str)
INT = _Scalar("integer", int)
FLOAT = _Scalar("number", int, float)
BOOL = _Scalar("boolean", bool)
UUID = STR
BYTES = STR
ANY = Codec()
NULL = _Null()
RFC1123 = _Text("an RFC 1123 date-time", parse_rfc1123, ser_rfc1123, datetime.datetime)
ISO_DATETIME = _Text(
    "an ISO 8601 date-time", parse_iso_datetime, ser_iso_datetime, datetime.datetime
)
ISO_DATETIME_OFFSET = _Text(
    "an ISO 8601 date-time",
    parse_iso_datetime,
    ser_iso_datetime_offset,
    datetime.datetime,
)
ISO_DATETIME_MS = _Text(
    "an ISO 8601 date-time", parse_iso_datetime, ser_iso_datetime_ms, datetime.datetime
)
ISO_DATE = _Text("an ISO 8601 date", _parse_date, ser_iso_date, datetime.date)
DURATION = _Text(
    "an ISO 8601 duration", parse_duration, ser_duration, datetime.timedelta
)


@final
class NotGiven:
    """The type of ``NOT_GIVEN``: a field left out of the JSON (absent), where the schema allows
    ``null`` and so ``None`` means ``null``. It is falsy."""

    _instance: ClassVar[NotGiven | None] = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
"""Absent: the default of every field whose schema allows ``null`` (there ``None`` is sent as
``null``). Fields that do not allow ``null`` take ``None`` for absent, as everywhere else."""

_REQUIRED: dict[type, frozenset[str]] = {}


class Model:
    """Base of the generated models: wire names beside Python names in ``_fields``.

    ``from_dict`` ignores unknown fields (they are kept in ``additional_properties`` and sent back
    by ``to_dict``), so a newer service version does not break an older client.
    """

    __slots__ = ()
    # (python name, wire name, codec), set after each class (codecs may refer to later classes).
    _fields: ClassVar[tuple[tuple[str, str, Codec], ...]] = ()
    # Polymorphism: on a root model, the wire name of the discriminator and value → class name.
    _discriminator: ClassVar[str] = ""
    _subtypes: ClassVar[dict[str, str]] = {}
    additional_properties: dict[str, Any]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build the model from its JSON form (wire names); a polymorphic root decodes to the
        subclass its discriminator names (to itself for an unknown value). A field that is
        absent keeps its default (``None``, or ``NOT_GIVEN`` where null is allowed)."""
        if not isinstance(data, Mapping):
            raise DecodeError(
                f"{cls.__name__}: expected an object, got {type(data).__name__}"
            )
        if cls._discriminator:
            target = cls._subtypes.get(str(data.get(cls._discriminator)))
            if target and target != cls.__name__:
                import importlib

                package = importlib.import_module(cls.__module__.rpartition(".")[0])
                subclass = getattr(package, target)
                if (
                    isinstance(subclass, type)
                    and issubclass(subclass, cls)
                    and subclass is not cls
                ):
                    return subclass.from_dict(data)
        kwargs: dict[str, Any] = {}
        wire_names = set()
        for python_name, wire_name, codec in cls._fields:
            wire_names.add(wire_name)
            if wire_name not in data:
                continue
            value = data[wire_name]
            if value is None:
                if codec.nullable:
                    kwargs[python_name] = None
                continue
            try:
                kwargs[python_name] = codec.decode(value)
            except DecodeError as exc:
                raise DecodeError(
                    f"{cls.__name__}.{python_name} ({wire_name!r}): {exc}"
                ) from None
        extra = {k: v for k, v in data.items() if k not in wire_names}
        try:
            model = cls(**kwargs)
        except TypeError as exc:
            raise DecodeError(f"{cls.__name__}: {exc}") from None
        if extra:
            model.additional_properties.update(extra)
        return model

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (wire names). A field that is ``NOT_GIVEN`` is left out; ``None`` is
        sent as ``null`` where the schema allows it, else left out."""
        out: dict[str, Any] = dict(self.additional_properties)
        for python_name, wire_name, codec in self._fields:
            value = getattr(self, python_name)
            if value is NOT_GIVEN:
                continue
            if value is None:
                if codec.nullable:
                    out[wire_name] = None
                continue
            out[wire_name] = codec.encode(value)
        return out

    @classmethod
    def _required(cls) -> frozenset[str]:
        """Wire names of the fields without a default (the schema's required ones)."""
        required = _REQUIRED.get(cls)
        if required is None:
            python = {
                f.name
                for f in dataclasses.fields(cls)  # type: ignore[arg-type]
                if f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING
            }
            required = frozenset(w for p, w, _ in cls._fields if p in python)
            _REQUIRED[cls] = required
        return required

    @classmethod
    def _matches(cls, data: Mapping[str, Any], strict: bool) -> bool:
        """Whether ``data`` has this model's shape: its required fields, and known fields of
        the right JSON type (constants equal); the lenient pass, constants only."""
        required = cls._required()
        for _, wire_name, codec in cls._fields:
            if wire_name not in data or data[wire_name] is None:
                if strict and wire_name in required and not codec.nullable:
                    return False
                continue
            if (isinstance(codec, LiteralCodec) or strict) and not codec.matches(
                data[wire_name], strict
            ):
                return False
        return True


@dataclasses.dataclass(kw_only=True, slots=True)
class UnknownVariant(Model):
    """A value of a union whose discriminator this version of the API description does not
    know (a variant a newer service added): every field is kept in ``additional_properties``,
    and ``to_dict`` sends them back unchanged."""

    additional_properties: dict[str, Any] = dataclasses.field(
        default_factory=dict[str, object], compare=True
    )
