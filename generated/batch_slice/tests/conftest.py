"""The fake service's fixture for these tests, also when the package is not installed (installed,
its ``pytest11`` entry point provides the same fixture)."""

from __future__ import annotations

from batch_slice._pytest_plugin import batch_slice_fake

__all__ = ["batch_slice_fake"]
