"""Models of BatchServiceClient: one module each, imported on first use.

Every model keeps the wire name of each field beside its Python name (``_fields``), builds from
JSON with ``from_dict`` and back with ``to_dict``.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._batch_error import BatchError
    from ._batch_error_detail import BatchErrorDetail
    from ._error_message import ErrorMessage

_MODULES = {
    "BatchError": "._batch_error",
    "BatchErrorDetail": "._batch_error_detail",
    "ErrorMessage": "._error_message",
}

__all__ = ["BatchError", "BatchErrorDetail", "ErrorMessage"]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
