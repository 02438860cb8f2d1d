"""Conversions between Python values and their wire text (headers, query, path, JSON bodies)."""

from __future__ import annotations

import datetime
import enum
import json
import re
import uuid
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar
from urllib.parse import quote

from ._errors import DecodeError

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
_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$"
)


def _utc(value: datetime.datetime) -> datetime.datetime:
    """Naive datetimes are taken as UTC, as the Azure SDKs do; aware ones are converted."""
    if value.tzinfo is None:
        return value.replace(tzinfo=datetime.timezone.utc)
    return value.astimezone(datetime.timezone.utc)


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


def ser_duration(value: datetime.timedelta) -> str:
    """ISO 8601: ``P1DT2H3M4.5S``."""
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


_DURATION = re.compile(
    r"^(-)?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)


def parse_duration(value: str) -> datetime.timedelta | None:
    """ISO 8601 durations in weeks, days, hours, minutes and seconds; None otherwise (years and
    months have no fixed length)."""
    match = _DURATION.match(value.strip()) if isinstance(value, str) else None
    if not match or value.strip() in ("P", "-P") or value.strip().endswith("T"):
        return None
    sign, weeks, days, hours, minutes, seconds = match.groups()
    try:
        delta = datetime.timedelta(
            weeks=float(weeks or 0),
            days=float(days or 0),
            hours=float(hours or 0),
            minutes=float(minutes or 0),
            seconds=float(seconds or 0),
        )
    except OverflowError:
        return None
    return -delta if sign else delta


def ser_csv(values: list[Any]) -> str:
    """A list sent as one comma-separated value (the OpenAPI default ``form``/``csv`` style)."""
    return ",".join(
        (
            ser_enum(v)
            if isinstance(v, (enum.Enum, str))
            else ser_bool(v) if isinstance(v, bool) else str(v)
        )
        for v in values
    )


def decode_json(body: bytes) -> Any:
    """The JSON value of a response body; ``DecodeError`` when it is not JSON."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise DecodeError(f"the response body is not JSON: {body[:60]!r}") from None


def encode_json(value: Any) -> bytes:
    return json.dumps(
        value, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


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
    return quote(value, safe="")


def path_raw(name: str, value: str) -> str:
    """A path value sent as given (``x-ms-skip-url-encoding``); line breaks are still refused."""
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected str, got {type(value).__name__}")
    if not value or any(c in value for c in "\r\n\0?#"):
        raise ValueError(
            f"{name} must be non-empty and free of line breaks, '?' and '#'"
        )
    return value


def encode_form(fields: list[tuple[str, str]]) -> bytes:
    """``application/x-www-form-urlencoded``."""
    return "&".join(
        f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in fields
    ).encode("ascii")


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
            tzinfo=datetime.timezone.utc,
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
    tz = datetime.timezone.utc
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


def parse_bool(value: str | None) -> bool | None:
    if value is None:
        return None
    lowered = value.strip().lower()
    return True if lowered == "true" else False if lowered == "false" else None


class Codec:
    """Converts one JSON value to its Python form and back. Subclasses handle one wire type."""

    label = "value"

    def decode(self, value: Any) -> Any:
        return value

    def encode(self, value: Any) -> Any:
        return value


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


class _DateTime(Codec):
    label = "date-time"

    def __init__(self, rfc1123: bool) -> None:
        self.rfc1123 = rfc1123

    def decode(self, value: Any) -> Any:
        parsed = (
            (parse_rfc1123 if self.rfc1123 else parse_iso_datetime)(value)
            if isinstance(value, str)
            else None
        )
        if parsed is None:
            raise DecodeError(
                f"expected a {'RFC 1123' if self.rfc1123 else 'ISO 8601'} date-time, got {value!r:.60}"
            )
        return parsed

    def encode(self, value: Any) -> Any:
        return ser_rfc1123(value) if self.rfc1123 else ser_iso_datetime(value)


class _Date(Codec):
    label = "date"

    def decode(self, value: Any) -> Any:
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise DecodeError(f"expected an ISO 8601 date, got {value!r:.60}") from None

    def encode(self, value: Any) -> Any:
        return ser_iso_date(value)


class _Duration(Codec):
    label = "duration"

    def decode(self, value: Any) -> Any:
        parsed = parse_duration(value) if isinstance(value, str) else None
        if parsed is None:
            raise DecodeError(f"expected an ISO 8601 duration, got {value!r:.60}")
        return parsed

    def encode(self, value: Any) -> Any:
        return ser_duration(value)


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


class ModelCodec(Codec):
    """Refers to its model lazily, so that models may refer to each other (and to themselves)."""

    label = "object"

    def __init__(self, factory: Callable[[], type[Model]]) -> None:
        self.factory = factory

    def decode(self, value: Any) -> Any:
        return self.factory().from_dict(value)

    def encode(self, value: Any) -> Any:
        return value.to_dict()


STR = _Scalar("string", str)
INT = _Scalar("integer", int)
FLOAT = _Scalar("number", int, float)
BOOL = _Scalar("boolean", bool)
UUID = STR
BYTES = STR
ANY = Codec()
RFC1123 = _DateTime(rfc1123=True)
ISO_DATETIME = _DateTime(rfc1123=False)
ISO_DATE = _Date()
DURATION = _Duration()

M = TypeVar("M", bound="Model")


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
    def from_dict(cls: type[M], data: Mapping[str, Any]) -> M:
        """Build the model from its JSON form (wire names); a polymorphic root decodes to the
        subclass its discriminator names (to itself for an unknown value)."""
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
            value = data.get(wire_name)
            if value is not None:
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
        """The JSON form (wire names); fields that are ``None`` are left out."""
        out: dict[str, Any] = dict(self.additional_properties)
        for python_name, wire_name, codec in self._fields:
            value = getattr(self, python_name)
            if value is not None:
                out[wire_name] = codec.encode(value)
        return out
